"""Review decisions: mark a claim, reopen it, undo a decision.

Owns the rules of a decision (allowed statuses, a note for disputed and
unverifiable, evidence as http(s) URLs, the optimistic version check) and
writes each decision as one transaction: the claim's new status and version
plus one new entry at the end of the hash-chained log. ``tracker mark`` and
the review TUI both call these functions; neither holds these rules itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import CursorResult, update
from sqlalchemy.orm import Session

from tracker.errors import ConflictError, NotFoundError, ValidationError
from tracker.model import DECISION_STATUSES, NOTE_REQUIRED, MarkResult, Status
from tracker.store import Store
from tracker.store.log import append_review, get_entry, last_entry, lock_chain
from tracker.store.models import Claim
from tracker.store.queries import get_claim

#: Longest note accepted, in characters.
MAX_NOTE_CHARS = 10_000


def check_evidence(urls: Sequence[str]) -> tuple[str, ...]:
    """Evidence URLs, stripped; refuses anything that is not an absolute http(s) URL."""
    out: list[str] = []
    for raw in urls:
        url = raw.strip()
        if not url:
            continue
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise ValidationError(f"evidence must be an http(s) URL, not {url[:80]!r}")
        if any(ch.isspace() or ord(ch) < 32 for ch in url):
            raise ValidationError(
                f"evidence URL contains spaces or control characters: {url[:80]!r}"
            )
        out.append(url)
    return tuple(out)


def check_decision(status: Status, note: str, reviewer: str) -> str:
    """The cleaned note, or a ValidationError saying what the decision lacks."""
    if status not in DECISION_STATUSES:
        raise ValidationError(
            f"{status.value} cannot be set by a reviewer; use one of "
            + ", ".join(s.value for s in Status if s in DECISION_STATUSES)
        )
    if not reviewer.strip():
        raise ValidationError("a decision needs a reviewer name")
    cleaned = note.strip()
    if status in NOTE_REQUIRED and not cleaned:
        raise ValidationError(f"marking a claim {status.value} needs a note saying why")
    if len(cleaned) > MAX_NOTE_CHARS:
        raise ValidationError(f"note is longer than {MAX_NOTE_CHARS} characters")
    return cleaned


def _conflict(session: Session, claim: Claim, expected: int) -> ConflictError:
    last = last_entry(session, claim.id)
    return ConflictError(
        claim_id=claim.id,
        expected_version=expected,
        current_version=claim.version,
        changed_by=last.reviewer if last else None,
        changed_at=last.created_at.strftime("%Y-%m-%d %H:%M:%S UTC") if last else None,
        current_status=Status(claim.status).value,
    )


def _decide(
    session: Session,
    claim_id: int,
    status: Status,
    *,
    reviewer: str,
    note: str,
    evidence: Sequence[str],
    expect_version: int | None,
    undoes: int | None,
    now: dt.datetime,
) -> MarkResult:
    head = lock_chain(session)  # serialises decisions: one chain, one order
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    if expect_version is not None and claim.version != expect_version:
        raise _conflict(session, claim, expect_version)
    before, version = Status(claim.status), claim.version
    changed: CursorResult[Any] = session.execute(  # type: ignore[assignment]
        update(Claim)
        .where(Claim.id == claim_id, Claim.version == version)
        .values(status=status, version=version + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if changed.rowcount != 1:  # pragma: no cover - the chain lock makes this unreachable
        raise _conflict(session, claim, version)
    entry = append_review(
        session,
        head,
        claim_id=claim_id,
        reviewer=reviewer.strip(),
        from_status=before,
        to_status=status,
        note=note,
        evidence=evidence,
        claim_version=version + 1,
        undoes=undoes,
        now=now,
    )
    row = get_claim(session, claim_id)
    assert row is not None
    return MarkResult(row, entry)


def mark_claim(
    store: Store,
    claim_id: int,
    status: Status,
    *,
    reviewer: str,
    note: str = "",
    evidence: Sequence[str] = (),
    expect_version: int | None = None,
    now: dt.datetime | None = None,
) -> MarkResult:
    """Record a decision on a claim: verified, disputed, unverifiable, or unreviewed (reopen).

    With ``expect_version``, a claim changed by someone else since that version
    is refused with ``ConflictError`` naming who changed it and when; nothing is written.
    """
    cleaned = check_decision(status, note, reviewer)
    urls = check_evidence(evidence)
    return store.run(
        lambda session: _decide(
            session,
            claim_id,
            status,
            reviewer=reviewer,
            note=cleaned,
            evidence=urls,
            expect_version=expect_version,
            undoes=None,
            now=now or dt.datetime.now(dt.UTC),
        )
    )


def undo_decision(
    store: Store,
    review_id: int,
    *,
    reviewer: str,
    note: str = "",
    now: dt.datetime | None = None,
) -> MarkResult:
    """Revert the decision logged as ``review_id`` with a new log entry (never a deletion).

    Refused with ``ConflictError`` when the claim changed after that decision.
    """
    if not reviewer.strip():
        raise ValidationError("an undo needs a reviewer name")

    def action(session: Session) -> MarkResult:
        entry = get_entry(session, review_id)
        if entry is None:
            raise NotFoundError(f"no log entry with id {review_id}")
        return _decide(
            session,
            entry.claim_id,
            entry.from_status,
            reviewer=reviewer,
            note=note.strip() or f"undo of log entry {review_id}",
            evidence=(),
            expect_version=entry.claim_version,
            undoes=review_id,
            now=now or dt.datetime.now(dt.UTC),
        )

    return store.run(action)
