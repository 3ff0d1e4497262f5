"""The review app: opens the review screen on a store, with help and the command palette.

Owns the app-wide keys (help, quit), the one stylesheet (``app.tcss``) and
the command palette's entries, which it reads from the current screen's
bindings (and the screen's filters) so that no action is declared twice.
``run_review`` is the entry point ``tracker review`` and ``tracker demo`` use.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tracker.tui.screens.dialogs import QuitDialog
from tracker.tui.screens.help import HelpScreen, key_rows
from tracker.tui.screens.review import ReviewScreen

if TYPE_CHECKING:
    from tracker.ops.database import Store


class ReviewApp(App[int]):
    """Review claims: verify, dispute, mark unverifiable, reopen, undo."""

    CSS_PATH = "app.tcss"
    TITLE = "tracker review"
    BINDINGS = [
        Binding(
            "question_mark", "help", "Help", tooltip="every key, grouped", id="tracker.app.help"
        ),
        Binding(
            "q",
            "quit",
            "Quit",
            tooltip="leave (every decision is already saved)",
            id="tracker.app.quit",
        ),
    ]

    def __init__(
        self, store: Store, reviewer: str, db_label: str = "", *, blink: bool = True
    ) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.db_label = db_label
        self.blink = blink
        """False freezes the text cursor (snapshots)."""

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(self.store, self.reviewer, self.db_label))

    async def action_quit(self) -> None:
        """Quit; first ask when notes were typed and not saved."""
        unsaved = sorted(
            claim_id
            for screen in self.screen_stack
            if isinstance(screen, ReviewScreen)
            for claim_id, draft in screen.drafts.items()
            if draft.note.strip() or draft.evidence.strip()
        )
        if not unsaved or isinstance(self.screen, QuitDialog):
            self.exit(0)
            return

        def answered(quit: bool | None) -> None:
            if quit:
                self.exit(0)

        self.push_screen(QuitDialog(unsaved), answered)

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        rows = key_rows(screen.active_bindings.values(), self.get_key_display)
        title = {
            "ReviewScreen": "Keys: review",
            "ArticleScreen": "Keys: article view",
            "SummaryScreen": "Keys: summary",
        }.get(type(screen).__name__, "Keys")
        self.push_screen(HelpScreen(rows, title))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The screen's actions (from its bindings) and its filters, then the app's own."""
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            b = active.binding
            if not b.show or not b.description or b.action in seen:
                continue
            seen.add(b.action)
            help_text = f"key {self.get_key_display(b)}" + (f" · {b.tooltip}" if b.tooltip else "")

            async def run(action: str = b.action, node: object = active.node) -> None:
                await self.run_action(action, node)  # type: ignore[arg-type]

            yield SystemCommand(b.description, help_text, run)
        filter_commands = getattr(screen, "filter_commands", None)
        if callable(filter_commands):
            yield from filter_commands()
        yield from super().get_system_commands(screen)


def run_review(db: str, reviewer: str) -> int:
    """Open the review screen on ``db`` as ``reviewer``; returns the exit status."""
    from tracker.ops.database import open_database

    store = open_database(db)
    try:
        app = ReviewApp(store, reviewer, db_label=database_label(db))
        # The modules and objects loaded so far live as long as the process: keep
        # them out of the collector's full passes, which otherwise stall a key now and then.
        gc.freeze()
        result = app.run()
    finally:
        store.close()
    return int(result or 0)


def database_label(db: str) -> str:
    """How the database is named on screen: a file by its name, a URL without password."""
    if "://" in db:
        scheme, rest = db.split("://", 1)
        host = rest.rsplit("@", 1)[-1].split("?", 1)[0]
        return f"{scheme}://{host}"
    return Path(db).name
