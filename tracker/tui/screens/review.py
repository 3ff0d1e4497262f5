"""The review screen: the claims list, the detail pane, the filters and every decision.

Owns the actions (keys are declared once, in ``BINDINGS``; the footer, the
``?`` help and the command palette read them) and decides what happens on
each; ``tracker.ops`` acts, always in thread workers, and results come back
as past-tense messages (``tracker.tui.messages``). Holds no business rules:
decisions go through ``tracker.ops.review.mark_claim`` / ``undo_decision``
with the version the reviewer saw, so a stale decision is refused there and
the screen asks again. Whatever the reviewer typed is kept until it is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from tracker.errors import ConflictError
from tracker.model import (
    ClaimDetail,
    ClaimFilter,
    ClaimPage,
    ClaimRow,
    CueClass,
    FilterCounts,
    ReviewEntry,
    SourceTally,
    Status,
)
from tracker.ops import browse, claims, review
from tracker.tui.messages import (
    ClaimFound,
    ClaimMarked,
    CountsLoaded,
    Decision,
    DecisionConflicted,
    DecisionFailed,
    DecisionUndone,
    DetailLoaded,
    LoadFailed,
    PageLoaded,
    UndoFailed,
)
from tracker.tui.screens.dialogs import (
    CUE_CHOICES,
    STATUS_CHOICES,
    ConflictDialog,
    FilterDialog,
    JumpDialog,
    NoteAnswer,
    NoteDialog,
)
from tracker.tui.screens.workers import describe_error, post_read
from tracker.tui.widgets.claim_list import ClaimList
from tracker.tui.widgets.detail import ClaimDetailView
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.filter_bar import FilterBar
from tracker.tui.widgets.footer import KeyFooter
from tracker.tui.widgets.highlight import line, one_line

if TYPE_CHECKING:
    from tracker.ops.database import Store

#: What the queue shows first: unreviewed claims with a speech cue.
DEFAULT_FILTER = ClaimFilter(statuses=(Status.UNREVIEWED,), cue_classes=(CueClass.SPEECH,))
STATUS_CYCLE = tuple(value for _, value in STATUS_CHOICES if len(value) < 2)
CUE_CYCLE = tuple(value for _, value in CUE_CHOICES)
#: A save still unanswered after this long is reported (a locked or distant database).
SLOW_SAVE_SECONDS = 1.5


def next_in(cycle: tuple[tuple[object, ...], ...], current: tuple[object, ...]) -> int:
    return (cycle.index(current) + 1) % len(cycle) if current in cycle else 0


class ReviewScreen(Screen[None]):
    """Claims on top, the highlighted claim in detail below, keys in the footer."""

    BINDINGS = [
        Binding(
            "v",
            "decide('verified')",
            "Verify",
            tooltip="mark the claim verified (note and evidence optional)",
            id="tracker.decide.verify",
        ),
        Binding(
            "d",
            "decide('disputed')",
            "Dispute",
            tooltip="mark the claim disputed (a note is required)",
            id="tracker.decide.dispute",
        ),
        Binding(
            "u",
            "decide('unverifiable')",
            "Unverifiable",
            tooltip="mark the claim unverifiable (a note is required)",
            id="tracker.decide.unverifiable",
        ),
        Binding(
            "o",
            "decide('unreviewed')",
            "Reopen",
            tooltip="put the claim back to unreviewed",
            id="tracker.decide.reopen",
        ),
        Binding(
            "z",
            "undo",
            "Undo",
            tooltip="undo your last decision (logged as a new entry)",
            id="tracker.decide.undo",
        ),
        Binding(
            "n",
            "next_open(1)",
            "Next open",
            tooltip="the next unreviewed claim",
            id="tracker.move.next-unreviewed",
        ),
        Binding(
            "p",
            "next_open(-1)",
            "Prev open",
            tooltip="the previous unreviewed claim",
            id="tracker.move.previous-unreviewed",
        ),
        Binding(
            "g", "jump", "Go to id", tooltip="jump to a claim by its id", id="tracker.move.jump"
        ),
        Binding(
            "slash",
            "search",
            "Search",
            tooltip="words in the content or the source",
            id="tracker.filter.search",
        ),
        Binding(
            "f", "filters", "Filters", tooltip="every filter in one dialog", id="tracker.filter.all"
        ),
        Binding(
            "t",
            "cycle_status",
            "Status",
            tooltip="show unreviewed, any, verified, disputed, unverifiable, orphaned",
            id="tracker.filter.status",
        ),
        Binding(
            "c",
            "cycle_cues",
            "Cues",
            tooltip="show speech, any, cognition or evidence cues",
            id="tracker.filter.cues",
        ),
        Binding(
            "h",
            "toggle_hedged",
            "Hedged",
            tooltip="hedged claims only (on/off)",
            id="tracker.filter.hedged",
        ),
        Binding(
            "r",
            "toggle_remark",
            "Remarked",
            tooltip="only claims a verification remark points at (on/off)",
            id="tracker.filter.remark",
        ),
        Binding(
            "x",
            "reset_filters",
            "Reset",
            tooltip="back to unreviewed speech claims",
            id="tracker.filter.reset",
        ),
        Binding(
            "a",
            "article",
            "Article",
            tooltip="the whole article, every claim highlighted",
            id="tracker.view.article",
        ),
        Binding(
            "s",
            "summary",
            "Summary",
            tooltip="counts by status, sources with the most claims",
            id="tracker.view.summary",
        ),
        Binding("escape", "leave_search", "Leave search", show=False, id="tracker.filter.leave"),
    ]

    def __init__(self, store: Store, reviewer: str, db_label: str) -> None:
        super().__init__()
        self.store = store
        self.reviewer = reviewer
        self.db_label = db_label
        self.filter = DEFAULT_FILTER
        self.counts: FilterCounts | None = None
        self.generation = 0
        """Counts filter changes; results read under an older filter are dropped."""
        self.detail: ClaimDetail | None = None
        self.drafts: dict[int, Decision] = {}
        """What the reviewer typed per claim and has not saved yet."""
        self.undo_stack: list[ReviewEntry] = []
        """This session's decisions, newest last: what ``z`` undoes."""
        self.saving = 0
        """Decisions and undos written but not answered yet."""
        self.waiting: list[Callable[[], None]] = []
        """Decision keys pressed while saving: run, in order, once every save has answered."""
        self.unanswered: set[int] = set()
        """Claims whose decision is being written."""

    # -- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        title = Text("tracker review", style="bold", end="")
        title.append("  reviewer ")
        title.append_text(line(self.reviewer, style="bold", limit=40))
        title.append("  database ")
        title.append_text(line(self.db_label, limit=60))
        title.append("   ? help · ctrl+p commands", style="dim")
        yield Static(title, id="title-bar")
        yield FilterBar(id="filter-bar")
        with Horizontal(id="search-row"):
            yield Label("Search", id="search-label")
            yield Field(
                placeholder="press / then words in the content or source; Enter applies",
                id="search",
                compact=True,
            )
        yield ClaimList(id="claims")
        yield ClaimDetailView(id="detail")
        yield KeyFooter()

    @property
    def claim_list(self) -> ClaimList:
        return self.query_one(ClaimList)

    @property
    def detail_view(self) -> ClaimDetailView:
        return self.query_one(ClaimDetailView)

    def on_mount(self) -> None:
        self.query_one(FilterBar).show(self.filter, None)
        self.claim_list.border_title = "Claims"
        self.claim_list.focus()
        self.reload()

    # -- loading ----------------------------------------------------------------------

    def reload(self, cursor_id: int | None = None, at_end: bool = False) -> None:
        """Read the list again from the database under the current filter."""
        self.generation += 1
        self.counts = None
        self.query_one(FilterBar).show(self.filter, None)
        self.load_page(self.filter, self.generation, cursor_id, at_end)
        self.load_counts(self.filter, self.generation)

    def set_filter(self, f: ClaimFilter, cursor_id: int | None = None) -> None:
        self.filter = f
        self.query_one("#search", Input).value = f.text or ""
        self.reload(cursor_id)

    @work(thread=True, exclusive=True, group="page")
    def load_page(
        self, f: ClaimFilter, generation: int, cursor_id: int | None, at_end: bool
    ) -> None:
        rows = ClaimList.page_rows

        def read() -> ClaimPage:
            if at_end:
                return browse.last_page(self.store, f, rows)
            if cursor_id is not None:
                return browse.claim_window(self.store, f, cursor_id, rows // 3, rows)
            return browse.claim_page(self.store, f, limit=rows)

        place = "last" if at_end else "replace"
        post_read(
            self,
            read,
            lambda page: PageLoaded(page, place, generation, 0, cursor_id),
            "read claims",
        )

    @work(thread=True, group="more")
    def load_more(
        self, f: ClaimFilter, generation: int, place: str, anchor_id: int, epoch: int
    ) -> None:
        key = "after_id" if place == "after" else "before_id"
        post_read(
            self,
            lambda: browse.claim_page(self.store, f, limit=ClaimList.page_rows, **{key: anchor_id}),
            lambda page: PageLoaded(page, place, generation, epoch, anchor_id=anchor_id),
            "read claims",
        )

    @work(thread=True, exclusive=True, group="counts")
    def load_counts(self, f: ClaimFilter, generation: int) -> None:
        post_read(
            self,
            lambda: browse.filter_counts(self.store, f),
            lambda counts: CountsLoaded(counts, generation),
            "count claims",
        )

    @work(thread=True, exclusive=True, group="detail")
    def load_detail(self, claim_id: int) -> None:
        post_read(
            self,
            lambda: claims.claim_detail(self.store, claim_id),
            DetailLoaded,
            f"read claim {claim_id}",
        )

    def on_page_loaded(self, message: PageLoaded) -> None:
        if message.generation != self.generation:
            return
        claim_list = self.claim_list
        if message.place in ("replace", "last"):
            claim_list.show_page(message.page, message.cursor_id, at_end=message.place == "last")
        else:
            claim_list.add_page(message.page, message.place, message.epoch, message.anchor_id)

    def on_counts_loaded(self, message: CountsLoaded) -> None:
        if message.generation != self.generation:
            return
        self.counts = message.counts
        self.query_one(FilterBar).show(self.filter, message.counts)
        if message.counts.total == 0 and self.filter == DEFAULT_FILTER:
            self.claim_list.empty_message = (
                "No claims yet: ingest articles with `tracker ingest PATH`."
            )
        else:
            self.claim_list.empty_message = "No claims match these filters (x resets them)."
        self.claim_list.refresh()

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        current = self.claim_list.current
        if current is None or current.id != message.detail.claim.id:
            return
        self.detail = message.detail
        self.claim_list.update_row(message.detail.claim)  # the freshest state of this claim
        self.detail_view.show(message.detail)

    def on_load_failed(self, message: LoadFailed) -> None:
        self.notify(message.reason, severity="error", markup=False, timeout=8)

    @on(ClaimList.Highlighted)
    def claim_highlighted(self, event: ClaimList.Highlighted) -> None:
        if event.row is None:
            self.detail = None
            self.detail_view.show(None, "No claim here." if self.claim_list.loaded else "")
            return
        if self.detail is None or self.detail.claim.id != event.row.id:
            self.detail = None
        self.load_detail(event.row.id)

    @on(ClaimList.MoreWanted)
    def more_wanted(self, event: ClaimList.MoreWanted) -> None:
        if event.place == "first":
            self.load_page(self.filter, self.generation, None, False)
        elif event.place == "last":
            self.load_page(self.filter, self.generation, None, True)
        elif event.anchor_id is not None:
            self.load_more(self.filter, self.generation, event.place, event.anchor_id, event.epoch)

    # -- decisions -----------------------------------------------------------------------

    def seen_version(self, row: ClaimRow) -> int:
        """The version of the claim the reviewer has been looking at.

        The list row and the detail pane are each refreshed after a change;
        versions only grow, so the larger one is what is on screen now.
        """
        if self.detail is not None and self.detail.claim.id == row.id:
            return max(row.version, self.detail.claim.version)
        return row.version

    def after_saving(self, action: Callable[[], None]) -> bool:
        """Hold ``action`` until pending saves answer (so undo sees the decision before it)."""
        if self.saving:
            self.waiting.append(action)
            return True
        return False

    def saved(self) -> None:
        """A save answered; run the keys that waited for it."""
        self.saving = max(0, self.saving - 1)
        while not self.saving and self.waiting:
            self.waiting.pop(0)()

    def action_decide(self, status: str) -> None:
        if self.after_saving(lambda: self.action_decide(status)):
            return
        row = self.claim_list.current
        if row is None:
            self.notify("No claim selected.", severity="warning")
            return
        wanted = Status(status)
        draft = self.drafts.get(row.id)
        decision = Decision(row.id, wanted)
        if draft is not None:
            decision = replace(draft, status=wanted)
        self.ask_note(row, decision)

    def ask_note(self, row: ClaimRow, decision: Decision, error: str | None = None) -> None:
        version = self.seen_version(row)
        self.saving += 1  # an open dialog counts: its answer may still be a save

        def answered(answer: NoteAnswer | None) -> None:
            if answer is None:
                self.saved()
                return
            typed = answer.decision
            if typed.note.strip() or typed.evidence.strip():
                self.drafts[row.id] = typed
            else:
                self.drafts.pop(row.id, None)
            if answer.save:
                self.save(typed, version)
            else:
                self.saved()

        self.app.push_screen(NoteDialog(row, decision, error), answered)

    def save(self, decision: Decision, expect_version: int) -> None:
        """Write ``decision``; if the database keeps it waiting, say so."""
        self.unanswered.add(decision.claim_id)

        def still_waiting() -> None:
            if decision.claim_id in self.unanswered:
                self.notify(
                    f"Still saving claim {decision.claim_id}: the database is busy. "
                    "Nothing is lost; it will answer or say why.",
                    markup=False,
                    timeout=6,
                )

        self.set_timer(SLOW_SAVE_SECONDS, still_waiting)
        self.save_decision(decision, expect_version)

    @work(thread=True, group="decide")
    def save_decision(self, decision: Decision, expect_version: int) -> None:
        try:
            result = review.mark_claim(
                self.store,
                decision.claim_id,
                decision.status,
                reviewer=self.reviewer,
                note=decision.note,
                evidence=decision.evidence.split(),  # URLs hold no spaces: one or more
                expect_version=expect_version,
            )
        except ConflictError as exc:
            self.post_message(DecisionConflicted(decision, exc))
        except Exception as exc:  # refused or failed: the dialog comes back with the text
            self.post_message(DecisionFailed(decision, describe_error(exc)))
        else:
            self.post_message(ClaimMarked(result))

    def on_claim_marked(self, message: ClaimMarked) -> None:
        result = message.result
        self.unanswered.discard(result.claim.id)
        self.drafts.pop(result.claim.id, None)
        self.undo_stack.append(result.entry)
        self.claim_list.update_row(result.claim)
        e = result.entry
        self.notify(
            f"Claim {result.claim.id}: {e.from_status.value} → {e.to_status.value} "
            f"(log entry {e.id})",
            markup=False,
        )
        self.after_change(result.claim.id)
        self.saved()  # last: keys that waited for this save see it done

    def after_change(self, claim_id: int) -> None:
        current = self.claim_list.current
        if current is not None and current.id == claim_id:
            self.load_detail(claim_id)
        self.load_counts(self.filter, self.generation)

    def on_decision_failed(self, message: DecisionFailed) -> None:
        decision = message.decision
        self.unanswered.discard(decision.claim_id)
        self.drafts[decision.claim_id] = decision
        row = self.row_for(decision.claim_id)
        if row is None:
            self.notify(message.reason, severity="error", markup=False, timeout=10)
        else:  # the dialog comes back first, so no waiting key slips in between
            self.ask_note(row, decision, error=f"Not saved: {message.reason}")
        self.saved()

    def on_decision_conflicted(self, message: DecisionConflicted) -> None:
        decision, error = message.decision, message.error
        self.unanswered.discard(decision.claim_id)
        self.drafts[decision.claim_id] = decision

        def answered(save: bool | None) -> None:
            if save:
                self.save(decision, error.current_version)
            else:
                self.saved()
                self.notify(
                    f"Kept the other decision on claim {error.claim_id}; "
                    "your note is kept if you decide again.",
                    markup=False,
                )
                self.after_change(error.claim_id)

        self.saving += 1  # the dialog's answer may still be a save
        self.app.push_screen(ConflictDialog(decision, error), answered)
        self.after_change(error.claim_id)
        self.saved()

    def row_for(self, claim_id: int) -> ClaimRow | None:
        index = self.claim_list.index_of(claim_id)
        return self.claim_list.rows[index] if index is not None else None

    def action_undo(self) -> None:
        if self.after_saving(self.action_undo):
            return
        if self.undo_stack:
            entry = self.undo_stack[-1]
        elif self.detail is not None and self.detail.history:
            entry = self.detail.history[-1]
        else:
            self.notify("Nothing to undo: no decision in this session or on this claim.")
            return
        self.saving += 1
        self.undo_entry(entry.id)

    @work(thread=True, group="decide")
    def undo_entry(self, entry_id: int) -> None:
        try:
            result = review.undo_decision(self.store, entry_id, reviewer=self.reviewer)
        except Exception as exc:  # refused (changed since) or failed: said, not raised
            self.post_message(UndoFailed(entry_id, describe_error(exc)))
            return
        self.post_message(DecisionUndone(result, entry_id))

    def forget_undo(self, entry_id: int) -> None:
        self.undo_stack = [e for e in self.undo_stack if e.id != entry_id]

    def on_undo_failed(self, message: UndoFailed) -> None:
        self.forget_undo(message.entry_id)
        self.notify(
            f"Could not undo log entry {message.entry_id}: {message.reason}",
            severity="error",
            markup=False,
            timeout=10,
        )
        self.saved()

    def on_decision_undone(self, message: DecisionUndone) -> None:
        result = message.result
        self.forget_undo(message.undone_id)
        self.claim_list.update_row(result.claim)
        self.claim_list.move_to(result.claim.id)
        self.notify(
            f"Undid log entry {message.undone_id}: claim {result.claim.id} is "
            f"{result.claim.status.value} again (log entry {result.entry.id})",
            markup=False,
        )
        self.after_change(result.claim.id)
        self.saved()

    # -- moving ----------------------------------------------------------------------------

    def action_next_open(self, direction: int) -> None:
        row = self.claim_list.current
        self.find_open(self.filter, row.id if row else 0, direction > 0)

    @work(thread=True, exclusive=True, group="find")
    def find_open(self, f: ClaimFilter, from_id: int, forward: bool) -> None:
        scope = replace(f, statuses=(Status.UNREVIEWED,))
        try:
            found = browse.neighbour_claim(self.store, scope, from_id, forward=forward)
        except Exception as exc:
            self.post_message(LoadFailed(describe_error(exc)))
            return
        if found is None:
            where = "after" if forward else "before"
            self.post_message(LoadFailed(f"No unreviewed claim {where} this one here."))
            return
        shows_open = not f.statuses or Status.UNREVIEWED in f.statuses
        self.post_message(ClaimFound(found, None if shows_open else scope))

    def action_jump(self) -> None:
        def answered(claim_id: int | None) -> None:
            if claim_id is not None:
                self.find_claim(self.filter, claim_id)

        self.app.push_screen(JumpDialog(), answered)

    @work(thread=True, exclusive=True, group="find")
    def find_claim(self, f: ClaimFilter, claim_id: int) -> None:
        try:
            if browse.claim_matches(self.store, f, claim_id):
                self.post_message(ClaimFound(claim_id))
            elif browse.claim_matches(self.store, ClaimFilter(), claim_id):
                self.post_message(ClaimFound(claim_id, ClaimFilter()))
            else:
                self.post_message(LoadFailed(f"There is no claim {claim_id}."))
        except Exception as exc:
            self.post_message(LoadFailed(describe_error(exc)))

    def on_claim_found(self, message: ClaimFound) -> None:
        if message.filter is not None:
            self.notify(
                f"Claim {message.claim_id} is outside the filters: showing it under other filters.",
                markup=False,
            )
            self.set_filter(message.filter, message.claim_id)
        elif not self.claim_list.move_to(message.claim_id):
            self.reload(message.claim_id)
        self.claim_list.focus()

    # -- filters ---------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    @on(Input.Submitted, "#search")
    def search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.set_filter(replace(self.filter, text=event.value.strip() or None))
        self.claim_list.focus()

    def action_leave_search(self) -> None:
        self.query_one("#search", Input).value = self.filter.text or ""
        self.claim_list.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_search":
            return bool(self.focused and self.focused.id == "search")
        return True

    def action_filters(self) -> None:
        def answered(f: ClaimFilter | None) -> None:
            if f is not None:
                self.set_filter(f)

        self.app.push_screen(FilterDialog(self.filter), answered)

    def action_cycle_status(self) -> None:
        statuses = STATUS_CYCLE[next_in(STATUS_CYCLE, self.filter.statuses)]
        self.set_filter(replace(self.filter, statuses=statuses))

    def action_cycle_cues(self) -> None:
        cues = CUE_CYCLE[next_in(CUE_CYCLE, self.filter.cue_classes)]
        self.set_filter(replace(self.filter, cue_classes=cues))

    def action_toggle_hedged(self) -> None:
        self.set_filter(replace(self.filter, hedged=not self.filter.hedged))

    def action_toggle_remark(self) -> None:
        self.set_filter(replace(self.filter, has_remark=not self.filter.has_remark))

    def action_reset_filters(self) -> None:
        self.set_filter(DEFAULT_FILTER)

    def filter_commands(self) -> list[SystemCommand]:
        """The filters by name, for the command palette."""
        out: list[SystemCommand] = []
        for label, statuses in STATUS_CHOICES:
            out.append(
                SystemCommand(
                    f"Filter status: {label}",
                    "show only claims with this status",
                    lambda s=statuses: self.set_filter(replace(self.filter, statuses=s)),
                )
            )
        for label, cues in CUE_CHOICES:
            out.append(
                SystemCommand(
                    f"Filter cues: {label}",
                    "speech claims first; cognition and evidence cues here",
                    lambda c=cues: self.set_filter(replace(self.filter, cue_classes=c)),
                )
            )
        row = self.claim_list.current
        if row is not None:
            out.append(
                SystemCommand(
                    "Filter source: this claim's source",
                    # the palette reads help as markup: untrusted text is escaped
                    f"only claims by {escape(one_line(row.source_entity, 60))}",
                    lambda r=row: self.set_filter(
                        replace(self.filter, source=r.source_entity, source_id=r.source_id)
                    ),
                )
            )
            out.append(
                SystemCommand(
                    "Filter article: this claim's article",
                    f"only claims of article {row.article_id}",
                    lambda r=row: self.set_filter(replace(self.filter, article_id=r.article_id)),
                )
            )
        if self.filter.source or self.filter.article_id is not None or self.filter.text:
            out.append(
                SystemCommand(
                    "Filter: any source, any article, no search",
                    "drop the source, article and search filters",
                    lambda: self.set_filter(
                        replace(
                            self.filter, source=None, source_id=None, article_id=None, text=None
                        )
                    ),
                )
            )
        return out

    # -- views ---------------------------------------------------------------------------------

    def action_article(self) -> None:
        from tracker.tui.screens.article import ArticleScreen

        row = self.claim_list.current
        if row is None:
            self.notify("No claim selected.", severity="warning")
            return

        def answered(claim_id: int | None) -> None:
            if claim_id is not None and not self.claim_list.move_to(claim_id):
                self.find_claim(self.filter, claim_id)

        self.app.push_screen(ArticleScreen(self.store, row.article_id, row.id), answered)

    def action_summary(self) -> None:
        from tracker.tui.screens.summary import SummaryScreen

        def answered(source: SourceTally | None) -> None:
            if source is not None:
                self.set_filter(
                    replace(self.filter, source=source.name, source_id=source.source_id)
                )

        self.app.push_screen(SummaryScreen(self.store, self.filter), answered)
