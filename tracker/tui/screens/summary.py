"""The summary view: counts by status and the sources with the most claims.

Owns its keys (filter the list by a source, back). Reads the summary through
``tracker.ops.browse`` in a thread worker, for the scope of the list's
filters (any status), and answers the chosen source's name, or None.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tracker.model import ClaimFilter, ReviewSummary, SourceTally
from tracker.ops import browse
from tracker.tui.messages import LoadFailed, SummaryLoaded
from tracker.tui.screens.workers import post_read
from tracker.tui.widgets.filter_bar import filter_words
from tracker.tui.widgets.footer import KeyFooter
from tracker.tui.widgets.source_bars import legend, source_line

if TYPE_CHECKING:
    from tracker.ops.database import Store

NAME_WIDTH = 28
BAR_WIDTH = 30


class SummaryScreen(Screen[SourceTally | None]):
    """Where the claims stand, and where the disputed ones come from."""

    BINDINGS = [
        Binding(
            "enter", "choose", "Filter by source", priority=True, id="tracker.filter.by-source"
        ),
        Binding("escape,s", "back", "Back", id="tracker.view.back"),
    ]
    COMPONENT_CLASSES = {
        "summary--verified",
        "summary--disputed",
        "summary--unverifiable",
        "summary--open",
        "summary--dim",
    }

    def __init__(self, store: Store, f: ClaimFilter) -> None:
        super().__init__()
        self.store = store
        self.scope = replace(f, statuses=())
        self.summary: ReviewSummary | None = None

    def compose(self) -> ComposeResult:
        scope = " · ".join(f"{k} {v}".strip() for k, v in filter_words(self.scope))
        yield Static(Text(f"Summary  ({scope})", style="bold", end=""), id="summary-title")
        yield Static(Text("Counting…", style="italic"), id="summary-statuses")
        yield Static(
            Text("Sources with the most claims (Enter shows a source's claims)", style="bold"),
            id="summary-sources-title",
        )
        yield Static(Text("", end=""), id="summary-legend")
        yield OptionList(id="summary-sources")
        yield KeyFooter(rows=1)

    def styles_by_share(self) -> dict[str, Style]:
        return {
            name: self.get_component_rich_style(f"summary--{name}", partial=True)
            for name in ("verified", "disputed", "unverifiable", "open", "dim")
        }

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.load_summary(self.scope)

    @work(thread=True, exclusive=True, group="summary")
    def load_summary(self, f: ClaimFilter) -> None:
        post_read(self, lambda: browse.review_summary(self.store, f), SummaryLoaded, "summarise")

    def on_load_failed(self, message: LoadFailed) -> None:
        self.notify(message.reason, severity="error", markup=False)

    def on_summary_loaded(self, message: SummaryLoaded) -> None:
        summary = self.summary = message.summary
        styles = self.styles_by_share()
        total = sum(n for _, n in summary.by_status)
        counts = Text(end="")
        for status, n in summary.by_status:
            name = "open" if status.value == "unreviewed" else status.value
            share = f"{100 * n / total:.0f}%" if total else "—"
            counts.append(f"{status.value:<13}", styles.get(name, Style()) + Style(bold=True))
            counts.append(f"{n:>10,}  {share:>4}\n")
        counts.append(f"{'total':<13}{total:>10,}", Style(bold=True))
        if summary.orphaned:
            counts.append(f"   ({summary.orphaned:,} orphaned)", styles["dim"])
        counts.append(f"   {summary.source_count:,} sources", styles["dim"])
        self.query_one("#summary-statuses", Static).update(counts)
        self.query_one("#summary-legend", Static).update(legend(NAME_WIDTH, BAR_WIDTH, styles))
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(source_line(t, NAME_WIDTH, BAR_WIDTH, styles), id=str(t.source_id))
            for t in summary.sources
        )
        if summary.sources:
            options.highlighted = 0

    def action_choose(self) -> None:
        options = self.query_one(OptionList)
        if self.summary is None or options.highlighted is None:
            return
        self.dismiss(self.summary.sources[options.highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def action_back(self) -> None:
        self.dismiss(None)
