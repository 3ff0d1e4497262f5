"""Small dialogs: a decision's note, a conflict, a claim id, the filters.

Each is a ``ModalScreen[T]`` that answers through ``dismiss``; none reads or
writes the database. The note dialog answers even when cancelled, with what
was typed, so the screen can keep it: nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static

from tracker.errors import ConflictError
from tracker.model import NOTE_REQUIRED, ClaimFilter, ClaimRow, CueClass, Status
from tracker.tui.messages import Decision
from tracker.tui.widgets.field import Field
from tracker.tui.widgets.highlight import line

VERBS = {
    Status.VERIFIED: "Verify",
    Status.DISPUTED: "Dispute",
    Status.UNVERIFIABLE: "Mark unverifiable",
    Status.UNREVIEWED: "Reopen",
}


@dataclass(frozen=True, slots=True)
class NoteAnswer:
    decision: Decision
    save: bool
    """False when the reviewer cancelled (the typed text still comes back)."""


class NoteDialog(ModalScreen[NoteAnswer]):
    """A note (required for dispute and unverifiable) and an optional evidence URL."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def __init__(self, row: ClaimRow, decision: Decision, error: str | None = None) -> None:
        super().__init__(classes="dialog")
        self.row = row
        self.decision = decision
        self.error = error

    def compose(self) -> ComposeResult:
        status = self.decision.status
        required = status in NOTE_REQUIRED
        with Vertical(id="note-dialog", classes="dialog-box"):
            title = Text(f"{VERBS[status]}: claim {self.row.id}", style="bold", end="")
            title.append(f"  ({self.row.status.value} → {status.value})", style="dim")
            yield Static(title, classes="dialog-title")
            quote = line(self.row.source_entity, limit=60, style="bold")
            quote.append(": ")
            quote.append_text(line(self.row.content_text, limit=200))
            yield Static(quote, classes="dialog-quote")
            yield Label("Note (required: say why)" if required else "Note (optional)")
            yield Field(
                self.decision.note,
                placeholder="why this decision" + ("" if required else " (optional)"),
                id="note",
            )
            yield Label("Evidence URL (optional; several separated by spaces)")
            yield Field(self.decision.evidence, placeholder="https://…", id="evidence")
            yield Static(
                Text(self.error or "", end=""),
                id="dialog-error",
                classes="dialog-error" + ("" if self.error else " -empty"),
            )
            yield Static(Text("Enter saves · Escape cancels", end=""), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    def typed(self) -> Decision:
        return replace(
            self.decision,
            note=self.query_one("#note", Input).value,
            evidence=self.query_one("#evidence", Input).value,
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(NoteAnswer(self.typed(), save=True))

    def action_cancel(self) -> None:
        self.dismiss(NoteAnswer(self.typed(), save=False))


class ConflictDialog(ModalScreen[bool]):
    """Someone else changed the claim: show who, what and when, and ask again."""

    BINDINGS = [
        Binding("y", "answer(True)", "Save mine anyway", id="dialog.save-anyway"),
        Binding("n,escape", "answer(False)", "Keep theirs", id="dialog.keep-theirs"),
    ]

    def __init__(self, decision: Decision, error: ConflictError) -> None:
        super().__init__(classes="dialog")
        self.decision = decision
        self.error = error

    def compose(self) -> ComposeResult:
        e = self.error
        with Vertical(id="conflict-dialog", classes="dialog-box"):
            yield Static(
                Text(f"Claim {e.claim_id} changed while you were deciding", style="bold"),
                classes="dialog-title",
            )
            said = Text("", end="")
            said.append_text(line(e.changed_by or "Someone", limit=60, style="bold"))
            said.append(f" set it to {e.current_status}")
            if e.changed_at:
                said.append(f" at {e.changed_at}")
            said.append(f" (version {e.expected_version} → {e.current_version}).")
            yield Static(said)
            mine = Text(f"Your decision: {self.decision.status.value}", end="")
            if self.decision.note.strip():
                mine.append(" — “")
                mine.append_text(line(self.decision.note, limit=150))
                mine.append("”")
            yield Static(mine)
            yield Static(
                Text(
                    "y saves yours on top of theirs (both stay in the log) · "
                    "n / Escape keeps theirs (your note is kept for later)",
                    end="",
                ),
                classes="dialog-hint",
            )

    def action_answer(self, save: bool) -> None:
        self.dismiss(save)


class QuitDialog(ModalScreen[bool]):
    """Notes were typed and not saved: quit anyway?"""

    BINDINGS = [
        Binding("y", "answer(True)", "Quit anyway", id="dialog.quit"),
        Binding("n,escape", "answer(False)", "Stay", id="dialog.stay"),
    ]

    def __init__(self, claim_ids: list[int]) -> None:
        super().__init__(classes="dialog")
        self.claim_ids = claim_ids

    def compose(self) -> ComposeResult:
        ids = ", ".join(str(i) for i in self.claim_ids[:10])
        more = f" and {len(self.claim_ids) - 10} more" if len(self.claim_ids) > 10 else ""
        with Vertical(id="quit-dialog", classes="dialog-box"):
            yield Static(Text("Quit with notes not saved?", style="bold"), classes="dialog-title")
            yield Static(Text(f"You typed notes that are not saved, on claim {ids}{more}.", end=""))
            yield Static(
                Text("y quits and drops them · n / Escape stays", end=""), classes="dialog-hint"
            )

    def action_answer(self, quit: bool) -> None:
        self.dismiss(quit)


class JumpDialog(ModalScreen[int | None]):
    """Ask for a claim id."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="jump-dialog", classes="dialog-box"):
            yield Static(Text("Go to claim", style="bold"), classes="dialog-title")
            yield Field(placeholder="claim id", type="integer", id="claim-id")
            yield Static(Text("Enter goes · Escape cancels", end=""), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        self.dismiss(int(value) if value.isdigit() and int(value) > 0 else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


STATUS_CHOICES: tuple[tuple[str, tuple[Status, ...]], ...] = (
    ("unreviewed", (Status.UNREVIEWED,)),
    ("any status", ()),
    ("verified", (Status.VERIFIED,)),
    ("disputed", (Status.DISPUTED,)),
    ("unverifiable", (Status.UNVERIFIABLE,)),
    (
        "decided (verified, disputed, unverifiable)",
        (Status.VERIFIED, Status.DISPUTED, Status.UNVERIFIABLE),
    ),
    ("orphaned", (Status.ORPHANED,)),
)
CUE_CHOICES: tuple[tuple[str, tuple[CueClass, ...]], ...] = (
    ("speech", (CueClass.SPEECH,)),
    ("any cue", ()),
    ("cognition", (CueClass.COGNITION,)),
    ("evidence", (CueClass.EVIDENCE,)),
)


def labelled(label: str, field: Widget) -> Horizontal:
    """One line of a form: a label, then its field."""
    return Horizontal(Label(label, classes="dialog-label"), field, classes="dialog-row")


class FilterDialog(ModalScreen[ClaimFilter | None]):
    """Every filter at once; Enter in a text field applies, Escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("ctrl+s", "apply", "Apply", id="dialog.apply"),
    ]

    def __init__(self, current: ClaimFilter) -> None:
        super().__init__(classes="dialog")
        self.current = current

    def compose(self) -> ComposeResult:
        f = self.current
        statuses = [value for _, value in STATUS_CHOICES]
        cues = [value for _, value in CUE_CHOICES]
        with Vertical(id="filter-dialog", classes="dialog-box"):
            yield Static(Text("Filters", style="bold"), classes="dialog-title")
            yield labelled(
                "Status",
                Select(
                    STATUS_CHOICES,
                    value=f.statuses if f.statuses in statuses else (),
                    allow_blank=False,
                    compact=True,
                    id="filter-status",
                ),
            )
            yield labelled(
                "Cues",
                Select(
                    CUE_CHOICES,
                    value=f.cue_classes if f.cue_classes in cues else (),
                    allow_blank=False,
                    compact=True,
                    id="filter-cues",
                ),
            )
            yield labelled(
                "Source",
                Field(
                    f.source or "", placeholder="part of a name", id="filter-source", compact=True
                ),
            )
            article = str(f.article_id) if f.article_id is not None else ""
            yield labelled(
                "Article id",
                Field(
                    article, placeholder="any", type="integer", id="filter-article", compact=True
                ),
            )
            yield labelled(
                "Search",
                Field(
                    f.text or "",
                    placeholder="words in content or source",
                    id="filter-text",
                    compact=True,
                ),
            )
            yield Checkbox("Hedged claims only", f.hedged, id="filter-hedged", compact=True)
            yield Checkbox(
                "Only claims a verification remark points at",
                f.has_remark,
                id="filter-remark",
                compact=True,
            )
            yield Static(
                Text("Enter (in a text field) or Ctrl+S applies · Escape cancels", end=""),
                classes="dialog-hint",
            )

    def chosen(self) -> ClaimFilter:
        article = self.query_one("#filter-article", Input).value.strip()
        statuses = self.query_one("#filter-status", Select).value
        cues = self.query_one("#filter-cues", Select).value
        source = self.query_one("#filter-source", Input).value.strip() or None
        return ClaimFilter(
            statuses=statuses if isinstance(statuses, tuple) else (),
            cue_classes=cues if isinstance(cues, tuple) else (),
            source=source,
            source_id=self.current.source_id if source == self.current.source else None,
            article_id=int(article) if article.isdigit() else None,
            hedged=self.query_one("#filter-hedged", Checkbox).value,
            has_remark=self.query_one("#filter-remark", Checkbox).value,
            text=self.query_one("#filter-text", Input).value.strip() or None,
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def action_apply(self) -> None:
        self.dismiss(self.chosen())

    def action_cancel(self) -> None:
        self.dismiss(None)
