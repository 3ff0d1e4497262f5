"""Messages that carry the results of ops back from thread workers, named in the past tense.

Owns the vocabulary between workers and screens. Each message holds model
objects (or a user-facing error text), never a database handle.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tracker.errors import ConflictError
from tracker.model import (
    ArticleView,
    ClaimDetail,
    ClaimFilter,
    ClaimPage,
    FilterCounts,
    MarkResult,
    ReviewSummary,
    Status,
)


@dataclass(frozen=True, slots=True)
class Decision:
    """What the reviewer typed in the note dialog: kept until it is saved."""

    claim_id: int
    status: Status
    note: str = ""
    evidence: str = ""


class PageLoaded(Message):
    """A keyset page of claims arrived; ``place`` says where it goes in the list."""

    def __init__(
        self,
        page: ClaimPage,
        place: str,
        generation: int,
        epoch: int,
        cursor_id: int | None = None,
        anchor_id: int = 0,
    ) -> None:
        super().__init__()
        self.page = page
        self.place = place
        """``replace``, ``last`` (replace, cursor at the end), ``after`` or ``before``."""
        self.generation = generation
        """The screen's filter generation it was read under."""
        self.epoch = epoch
        """The list's epoch it was asked under (for ``after`` and ``before``)."""
        self.cursor_id = cursor_id
        self.anchor_id = anchor_id
        """For ``after`` / ``before``: the id the page was read from."""


class CountsLoaded(Message):
    def __init__(self, counts: FilterCounts, generation: int) -> None:
        super().__init__()
        self.counts = counts
        self.generation = generation


class DetailLoaded(Message):
    def __init__(self, detail: ClaimDetail) -> None:
        super().__init__()
        self.detail = detail


class ClaimMarked(Message):
    """A decision was saved (and logged)."""

    def __init__(self, result: MarkResult) -> None:
        super().__init__()
        self.result = result


class DecisionUndone(Message):
    """An undo was saved as its own log entry."""

    def __init__(self, result: MarkResult, undone_id: int) -> None:
        super().__init__()
        self.result = result
        self.undone_id = undone_id


class DecisionConflicted(Message):
    """Someone else changed the claim since the reviewer saw it; nothing was written."""

    def __init__(self, decision: Decision, error: ConflictError) -> None:
        super().__init__()
        self.decision = decision
        self.error = error


class DecisionFailed(Message):
    """A decision was refused or the database failed; the typed decision is kept."""

    def __init__(self, decision: Decision, reason: str) -> None:
        super().__init__()
        self.decision = decision
        self.reason = reason


class UndoFailed(Message):
    """An undo was refused (the claim changed since) or the database failed."""

    def __init__(self, entry_id: int, reason: str) -> None:
        super().__init__()
        self.entry_id = entry_id
        self.reason = reason


class ClaimFound(Message):
    """A claim to move the cursor to (next / previous unreviewed, jump by id)."""

    def __init__(self, claim_id: int, filter: ClaimFilter | None = None) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.filter = filter
        """A new filter to show it under, when the current one does not match it."""


class ArticleLoaded(Message):
    def __init__(self, view: ArticleView) -> None:
        super().__init__()
        self.view = view


class SummaryLoaded(Message):
    def __init__(self, summary: ReviewSummary) -> None:
        super().__init__()
        self.summary = summary


class LoadFailed(Message):
    """A read failed; the text says what and why, for a notification."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason
