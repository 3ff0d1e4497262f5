"""The filter bar: which filters are on, and the reviewed / total counter.

Owns how a ``ClaimFilter`` and its ``FilterCounts`` are shown on one line;
every filter that narrows the list is named, so filters are always visible.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from tracker.model import ClaimFilter, FilterCounts
from tracker.tui.widgets.highlight import one_line


def describe_statuses(f: ClaimFilter) -> str:
    return " + ".join(s.value for s in f.statuses) if f.statuses else "any"


def describe_cues(f: ClaimFilter) -> str:
    return " + ".join(c.value for c in f.cue_classes) if f.cue_classes else "any"


def filter_words(f: ClaimFilter) -> list[tuple[str, str]]:
    """``(name, value)`` for every filter: status and cues always, the others when on."""
    words = [("status", describe_statuses(f)), ("cues", describe_cues(f))]
    if f.source:
        words.append(("source", f"“{one_line(f.source, 40)}”"))
    if f.article_id is not None:
        words.append(("article", str(f.article_id)))
    if f.hedged:
        words.append(("hedged only", ""))
    if f.has_remark:
        words.append(("with a verification remark", ""))
    if f.text:
        words.append(("search", f"“{one_line(f.text, 40)}”"))
    return words


class FilterBar(Widget):
    """One line: the filters on the left, the counter on the right."""

    COMPONENT_CLASSES = {"filter-bar--name", "filter-bar--value", "filter-bar--counter"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.filter = ClaimFilter()
        self.counts: FilterCounts | None = None

    def show(self, f: ClaimFilter, counts: FilterCounts | None) -> None:
        self.filter, self.counts = f, counts
        self.refresh()

    def counter_text(self) -> Text:
        style = self.get_component_rich_style("filter-bar--counter", partial=True)
        if self.counts is None:
            return Text("counting…", style=style, end="")
        c = self.counts
        return Text(
            f"{c.reviewed:,} reviewed / {c.total:,} · {c.shown:,} shown", style=style, end=""
        )

    def render(self) -> Text:
        name = self.get_component_rich_style("filter-bar--name", partial=True)
        value = self.get_component_rich_style("filter-bar--value", partial=True)
        left = Text("Filters ", style=Style(bold=True), end="")
        for i, (key, val) in enumerate(filter_words(self.filter)):
            if i:
                left.append(" · ")
            left.append(key, name)
            if val:
                left.append(" ")
                left.append(val, value)
        right = self.counter_text()
        width = self.size.width
        room = max(0, width - right.cell_len - 2)
        left.truncate(room, overflow="ellipsis")
        left.append(" " * max(1, width - left.cell_len - right.cell_len))
        left.append_text(right)
        return left
