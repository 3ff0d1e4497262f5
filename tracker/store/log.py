"""The verification log: append-only review rows chained by sha256.

Owns the canonical serialisation of a log entry, its hash, and appending to
the chain under a lock on the single ``log_head`` row (so concurrent
reviewers, even on PostgreSQL, extend one chain in one order). Functions take
the session first and never commit. Rows are never updated or deleted here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.model import ReviewEntry, Status
from tracker.store.models import LogHead, Review


def iso_utc(moment: dt.datetime) -> str:
    """``2026-11-21T09:30:00.000000Z``: the one timestamp form the chain hashes."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_digest(
    *,
    seq: int,
    claim_id: int,
    reviewer: str,
    from_status: str,
    to_status: str,
    note: str,
    evidence: Sequence[str],
    created_at: dt.datetime,
    claim_version: int,
    undoes: int | None,
    prev_hash: str,
) -> str:
    """sha256 of the previous hash and this entry's canonical JSON."""
    payload = json.dumps(
        {
            "seq": seq,
            "claim_id": claim_id,
            "reviewer": reviewer,
            "from_status": str(from_status),
            "to_status": str(to_status),
            "note": note,
            "evidence": list(evidence),
            "created_at": iso_utc(created_at),
            "claim_version": claim_version,
            "undoes": undoes,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(f"{prev_hash}\n{payload}".encode()).hexdigest()


def row_digest(row: Review, prev_hash: str) -> str:
    """The hash ``row`` should carry if it follows an entry hashed ``prev_hash``."""
    return entry_digest(
        seq=row.seq,
        claim_id=row.claim_id,
        reviewer=row.reviewer,
        from_status=row.from_status,
        to_status=row.to_status,
        note=row.note,
        evidence=row.evidence,
        created_at=row.created_at,
        claim_version=row.claim_version,
        undoes=row.undoes,
        prev_hash=prev_hash,
    )


def lock_chain(session: Session) -> LogHead:
    """Lock the chain head for this transaction; call before reading any claim to decide on."""
    head = session.scalars(select(LogHead).where(LogHead.id == 1).with_for_update()).one()
    return head


def append_review(
    session: Session,
    head: LogHead,
    *,
    claim_id: int,
    reviewer: str,
    from_status: Status,
    to_status: Status,
    note: str,
    evidence: Sequence[str],
    claim_version: int,
    undoes: int | None,
    now: dt.datetime,
) -> ReviewEntry:
    """Append one entry after ``head`` (locked by ``lock_chain``) and move the head."""
    row = Review(
        seq=head.entries + 1,
        claim_id=claim_id,
        reviewer=reviewer,
        from_status=from_status,
        to_status=to_status,
        note=note,
        evidence=list(evidence),
        created_at=now,
        claim_version=claim_version,
        undoes=undoes,
        prev_hash=head.last_hash,
    )
    row.hash = row_digest(row, head.last_hash)
    session.add(row)
    head.entries, head.last_hash = row.seq, row.hash
    session.flush()
    return review_entry(row)


def review_entry(row: Review) -> ReviewEntry:
    return ReviewEntry(
        id=row.id,
        claim_id=row.claim_id,
        reviewer=row.reviewer,
        from_status=Status(row.from_status),
        to_status=Status(row.to_status),
        note=row.note,
        evidence=tuple(row.evidence or ()),
        created_at=row.created_at,
        claim_version=row.claim_version,
        undoes=row.undoes,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def claim_history(session: Session, claim_id: int) -> list[ReviewEntry]:
    """Every log entry of one claim, oldest first."""
    rows = session.scalars(select(Review).where(Review.claim_id == claim_id).order_by(Review.seq))
    return [review_entry(r) for r in rows]


def last_entry(session: Session, claim_id: int) -> ReviewEntry | None:
    row = session.scalars(
        select(Review).where(Review.claim_id == claim_id).order_by(Review.seq.desc()).limit(1)
    ).first()
    return review_entry(row) if row else None


def get_entry(session: Session, review_id: int) -> ReviewEntry | None:
    row = session.get(Review, review_id)
    return review_entry(row) if row else None
