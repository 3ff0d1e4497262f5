"""The claims list: a window of keyset pages, drawn one line at a time (Line API).

Owns the cursor, the rows held in memory and their drawing. It never reads
the database: it holds at most ``max_rows`` rows around the cursor, and when
the cursor comes near either end of what it holds it posts ``MoreWanted``;
the screen reads the next keyset page and hands it back with ``add_page``.
Only the visible lines are ever rendered, so the list costs the same with
ten claims or a million.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tracker.model import ClaimPage, ClaimRow, Status
from tracker.tui.widgets.highlight import one_line


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: int
    """Cells; 0 for the column that takes the remaining width."""
    right: bool = False


COLUMNS = (
    Column("id", 7, right=True),
    Column("status", 12),
    Column("source", 22),
    Column("cue", 12),
    Column("content", 0),
    Column("art.", 5, right=True),
    Column("h", 1),
)
GAP = 1


class ClaimList(Widget, can_focus=True):
    """Claims one per line: id, status, source, cue, content, article, hedge mark."""

    max_rows = 600
    """Most rows held in memory; rows far from the cursor are dropped beyond this."""
    page_rows = 150
    """Rows asked for at a time."""

    BINDINGS = [
        Binding("down,j", "move(1)", "Next row", show=False, id="tracker.move.down"),
        Binding("up,k", "move(-1)", "Previous row", show=False, id="tracker.move.up"),
        Binding("pagedown,ctrl+d", "page(1)", "Page down", show=False, id="tracker.move.page-down"),
        Binding("pageup,ctrl+u", "page(-1)", "Page up", show=False, id="tracker.move.page-up"),
        Binding("home", "first", "First claim", show=False, id="tracker.move.first"),
        Binding("end", "last", "Last claim", show=False, id="tracker.move.last"),
    ]

    COMPONENT_CLASSES = {
        "claim-list--header",
        "claim-list--cursor",
        "claim-list--cursor-blurred",
        "claim-list--unreviewed",
        "claim-list--verified",
        "claim-list--disputed",
        "claim-list--unverifiable",
        "claim-list--dim",
        "claim-list--message",
    }

    class Highlighted(Message):
        """The cursor rests on another claim (or on none)."""

        def __init__(self, claim_list: ClaimList, row: ClaimRow | None) -> None:
            super().__init__()
            self.claim_list = claim_list
            self.row = row

        @property
        def control(self) -> ClaimList:
            return self.claim_list

    class MoreWanted(Message):
        """The list needs rows it does not hold.

        ``place`` is ``after`` (rows after ``anchor_id``), ``before`` (rows
        before it), ``first`` or ``last`` (replace everything with that end).
        """

        def __init__(
            self, claim_list: ClaimList, place: str, anchor_id: int | None, epoch: int
        ) -> None:
            super().__init__()
            self.claim_list = claim_list
            self.place = place
            self.anchor_id = anchor_id
            self.epoch = epoch

        @property
        def control(self) -> ClaimList:
            return self.claim_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[ClaimRow] = []
        self.more_before = False
        self.more_after = False
        self.cursor = 0
        """Index into ``rows`` of the highlighted claim."""
        self.top = 0
        """Index into ``rows`` of the first visible claim."""
        self.epoch = 0
        """Counts replacements of every row; rows asked for under an older epoch are dropped."""
        self.loaded = False
        self.empty_message = "No claims match these filters."
        self._pending = 0
        """Rows of a move still to make once the rows it needs arrive."""
        self._waiting: set[str] = set()
        self._cache: dict[tuple[int, int, str, int, str], Strip] = {}
        self._styles: dict[str, Style] = {}

    # -- what the screen reads ------------------------------------------------

    @property
    def current(self) -> ClaimRow | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    @property
    def top_id(self) -> int | None:
        """Id of the first visible claim (benchmarks watch it change)."""
        return self.rows[self.top].id if 0 <= self.top < len(self.rows) else None

    @property
    def loading_more(self) -> bool:
        return bool(self._waiting)

    @property
    def visible_rows(self) -> int:
        return max(1, self.size.height - 1)  # the first line is the header

    def index_of(self, claim_id: int) -> int | None:
        for i, row in enumerate(self.rows):
            if row.id == claim_id:
                return i
        return None

    # -- what the screen feeds in ---------------------------------------------

    def show_page(
        self, page: ClaimPage, cursor_id: int | None = None, at_end: bool = False
    ) -> None:
        """Replace every row; the cursor goes to ``cursor_id`` (or the claim after it),
        else to the last row with ``at_end``, else to the first."""
        self.rows = list(page.rows)
        self.more_before, self.more_after = page.more_before, page.more_after
        self.loaded = True
        self.epoch += 1
        self._waiting.clear()
        self._pending = 0
        self._cache.clear()
        if cursor_id is not None:
            target = next((i for i, r in enumerate(self.rows) if r.id >= cursor_id), 0)
            self.top = max(0, target - self.visible_rows // 3)
        elif at_end:
            target = len(self.rows) - 1
            self.top = max(0, len(self.rows) - self.visible_rows)
        else:
            target = self.top = 0
        self._set_cursor(target, force=True)
        self._prefetch()
        self.refresh()

    def add_page(self, page: ClaimPage, place: str, epoch: int, anchor_id: int) -> None:
        """Add rows read after (or before) ``anchor_id``, then finish a waiting move.

        Rows that no longer join up (the rows were replaced, or trimmed at
        that end, since they were asked for) are dropped and asked for again.
        """
        if epoch != self.epoch or not self.rows:
            return
        self._waiting.discard(place)
        edge = self.rows[-1].id if place == "after" else self.rows[0].id
        if edge != anchor_id:
            self._want(place, edge)
            return
        if place == "after":
            self.rows.extend(page.rows)
            self.more_after = page.more_after
            self._trim(keep_end=True)
        else:
            self.rows[:0] = page.rows
            self.cursor += len(page.rows)
            self.top += len(page.rows)
            self.more_before = page.more_before
            self._trim(keep_end=False)
        pending, self._pending = self._pending, 0
        if pending:
            self._move(pending, page_move=True)
        self.refresh()

    def update_row(self, row: ClaimRow) -> None:
        """Show a claim's new state (after a decision) where it stands."""
        index = self.index_of(row.id)
        if index is not None:
            self.rows[index] = row
            self.refresh()

    def move_to(self, claim_id: int) -> bool:
        """Put the cursor on ``claim_id`` if the list holds it."""
        index = self.index_of(claim_id)
        if index is None:
            return False
        self._set_cursor(index)
        self._scroll_to_cursor(center=True)
        self.refresh()
        return True

    # -- keys -------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        self._move(delta)

    def action_page(self, direction: int) -> None:
        self._move(direction * self.visible_rows, page_move=True)

    def action_first(self) -> None:
        if self.more_before:
            self._want("first", None)
        else:
            self._set_cursor(0)
            self.top = 0
            self.refresh()

    def action_last(self) -> None:
        if self.more_after:
            self._want("last", None)
        else:
            self._set_cursor(len(self.rows) - 1)
            self.top = max(0, len(self.rows) - self.visible_rows)
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1 and self.top + event.y - 1 < len(self.rows):
            self._set_cursor(self.top + event.y - 1)
            self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._move(3)
        event.stop()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._move(-3)
        event.stop()

    def on_resize(self) -> None:
        self._cache.clear()
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self._styles.clear()
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._styles.clear()
        self._cache.clear()
        self.refresh()

    # -- moving -----------------------------------------------------------------

    def _move(self, delta: int, page_move: bool = False) -> None:
        if not self.rows:
            return
        target = self.cursor + delta
        if target >= len(self.rows):
            if self.more_after:
                self._pending = target - (len(self.rows) - 1)
                self._want("after", self.rows[-1].id)
            target = len(self.rows) - 1
        elif target < 0:
            if self.more_before:
                self._pending = target
                self._want("before", self.rows[0].id)
            target = 0
        moved = target - self.cursor
        self._set_cursor(target)
        if page_move:
            self.top = max(0, min(self.top + moved, len(self.rows) - self.visible_rows))
        self._scroll_to_cursor()
        self._prefetch()
        self.refresh()

    def _set_cursor(self, index: int, force: bool = False) -> None:
        index = max(0, min(index, len(self.rows) - 1)) if self.rows else 0
        changed = force or index != self.cursor
        self.cursor = index
        if changed:
            self.post_message(self.Highlighted(self, self.current))

    def _scroll_to_cursor(self, center: bool = False) -> None:
        height = self.visible_rows
        if center and not (self.top <= self.cursor < self.top + height):
            self.top = max(0, self.cursor - height // 3)
        elif self.cursor < self.top:
            self.top = self.cursor
        elif self.cursor >= self.top + height:
            self.top = self.cursor - height + 1

    def _prefetch(self) -> None:
        """Ask for the next rows a page or two before the cursor needs them."""
        margin = 2 * self.visible_rows
        if self.more_after and len(self.rows) - self.cursor <= margin:
            self._want("after", self.rows[-1].id)
        if self.more_before and self.cursor <= margin:
            self._want("before", self.rows[0].id)

    def _want(self, place: str, anchor_id: int | None) -> None:
        if place in self._waiting:
            return
        self._waiting.add(place)
        self.post_message(self.MoreWanted(self, place, anchor_id, self.epoch))

    def _trim(self, keep_end: bool) -> None:
        """Drop rows far from the cursor so memory stays bounded."""
        excess = len(self.rows) - self.max_rows
        if excess <= 0:
            return
        if keep_end:  # rows were added after: drop from the front
            excess = min(excess, max(0, self.top - self.page_rows))
            if excess:
                del self.rows[:excess]
                self.cursor -= excess
                self.top -= excess
                self.more_before = True
        else:
            bottom = self.top + self.visible_rows + self.page_rows
            excess = min(excess, max(0, len(self.rows) - bottom))
            if excess:
                del self.rows[-excess:]
                self.more_after = True

    # -- drawing ------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    def style(self, name: str) -> Style:
        """A component style (or ``base``, the widget's own), computed once per theme and focus."""
        style = self._styles.get(name)
        if style is None:
            if name == "base":
                style = self.rich_style
            else:
                style = self.get_component_rich_style(f"claim-list--{name}")
            self._styles[name] = style
        return style

    def _widths(self, width: int) -> list[int]:
        fixed = sum(c.width for c in COLUMNS) + GAP * (len(COLUMNS) - 1)
        flex = max(10, width - fixed)
        return [c.width or flex for c in COLUMNS]

    def _cells(self, values: list[tuple[str, Style]], width: int, base: Style) -> Strip:
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        for i, ((value, style), col, col_width) in enumerate(
            zip(values, COLUMNS, self._widths(width), strict=True)
        ):
            cell = Text(value, style=style, end="", no_wrap=True, overflow="ellipsis")
            cell.truncate(col_width, overflow="ellipsis")
            pad = " " * (col_width - cell.cell_len)
            if col.right:
                text.append(pad)
                text.append_text(cell)
            else:
                text.append_text(cell)
                text.append(pad)
            if i < len(COLUMNS) - 1:
                text.append(" " * GAP)
        text.stylize_before(base)
        segments = list(text.render(self.app.console, end=""))
        return Strip(segments).adjust_cell_length(width, base)

    def _row_strip(self, row: ClaimRow, width: int, state: str) -> Strip:
        key = (row.id, row.version, row.status.value, width, state)
        strip = self._cache.get(key)
        if strip is not None:
            return strip
        base = self.style("base")
        if state == "cursor":
            base = base + self.style("cursor")
        elif state == "blurred":
            base = base + self.style("cursor-blurred")
        status_style = Style() if state == "cursor" else self.style(_status_class(row))
        dim = Style() if state == "cursor" else self.style("dim")
        status = row.status.value + (" †" if row.orphaned else "")
        values = [
            (str(row.id), dim),
            (status, status_style),
            (one_line(row.source_entity, 80), Style()),
            (one_line(row.cue.text, 40) if row.cue else "—", dim),
            (one_line(row.content_text, 300), Style()),
            (str(row.article_id), dim),
            ("~" if row.hedges else "", Style()),
        ]
        strip = self._cells(values, width, base)
        if len(self._cache) > 4 * self.max_rows:
            self._cache.clear()
        self._cache[key] = strip
        return strip

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.style("base")
        if y == 0:
            key = (0, 0, "header", width, "")
            if key not in self._cache:
                header = self.style("header")
                self._cache[key] = self._cells([(c.title, header) for c in COLUMNS], width, base)
            return self._cache[key]
        index = self.top + y - 1
        if index < len(self.rows):
            if index == self.cursor:
                state = "cursor" if self.has_focus else "blurred"
            else:
                state = "row"
            return self._row_strip(self.rows[index], width, state)
        if not self.rows and y == 2:
            message = self.empty_message if self.loaded else "Loading claims…"
            style = base + self.style("message")
            return Strip([Segment("  " + message, style)]).adjust_cell_length(width, base)
        return Strip.blank(width, base)


def _status_class(row: ClaimRow) -> str:
    return {
        Status.VERIFIED: "verified",
        Status.DISPUTED: "disputed",
        Status.UNVERIFIABLE: "unverifiable",
    }.get(row.status, "unreviewed")
