"""The ``?`` help screen: every key of the screen it was opened over, read from its bindings.

Owns nothing but the drawing: the keys come from the bindings that screen
(its focused widget and the app) declare, the same list the footer and the
command palette read, so the three never disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

#: Section titles by the middle part of a binding id (``tracker.<section>.<name>``).
SECTIONS = {
    "decide": "Decide",
    "move": "Move",
    "filter": "Filter",
    "view": "Views",
    "app": "App",
}


def key_rows(
    bindings: Iterable[ActiveBinding], key_display: Callable[[Binding], str]
) -> list[tuple[str, str, str, str]]:
    """``(section, keys, description, tooltip)`` per action, in declaration order."""
    rows: dict[str, tuple[str, list[str], str, str]] = {}
    for active in bindings:
        b: Binding = active.binding
        if not b.description or b.system:
            continue
        parts = (b.id or "").split(".")
        section = SECTIONS.get(
            parts[1] if len(parts) > 2 and parts[0] == "tracker" else "app", SECTIONS["app"]
        )
        key = key_display(b)
        if b.action in rows:
            rows[b.action][1].append(key)
        else:
            rows[b.action] = (section, [key], b.description, b.tooltip)
    order = list(SECTIONS.values())
    out = [(s, " ".join(dict.fromkeys(keys)), d, t) for s, keys, d, t in rows.values()]
    out.sort(key=lambda r: order.index(r[0]) if r[0] in order else len(order))
    return out


class HelpScreen(ModalScreen[None]):
    """All keys of the screen beneath, grouped, with what each does."""

    BINDINGS = [Binding("escape,question_mark,q", "dismiss_help", "Close help", id="help.close")]

    def __init__(self, rows: list[tuple[str, str, str, str]], title: str) -> None:
        super().__init__(classes="dialog")
        self.rows = rows
        self.title_text = title

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, pad_edge=False, expand=True)
        table.add_column("key", style="bold", no_wrap=True, width=16)
        table.add_column("what", ratio=1)
        section = None
        for sec, keys, description, tooltip in self.rows:
            if sec != section:
                if section is not None:
                    table.add_row("", "")
                table.add_row(Text(sec, style="bold underline"), "")
                section = sec
            what = Text(description, style="bold", end="")
            if tooltip:
                what.append(f"  {tooltip}", style="dim")
            table.add_row(Text(keys), what)
        with VerticalScroll(id="help-box", classes="dialog-box"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield Static(table)
            yield Static(
                Text(
                    "Ctrl+P opens the command palette: the same actions and the filters, "
                    "by name. Escape closes this help.",
                    end="",
                ),
                classes="dialog-hint",
            )

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
