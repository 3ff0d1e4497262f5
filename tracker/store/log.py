"""The verification log: append-only review rows chained by sha256.

Owns the canonical serialisation of a log entry, its hash, appending to the
chain under a lock on the single ``log_head`` row (so concurrent reviewers,
even on PostgreSQL, extend one chain in one order), recomputing the chain to
find the first entry that no longer fits it, and reading the log whole for
exports: in batches, as plain ``LogRow`` tuples (never ORM objects, which
cost several times more per row). Functions take the session first and never
commit. Rows are never updated or deleted here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, String, func, select, text, type_coerce
from sqlalchemy.orm import Session

from tracker.model import (
    ChainBreak,
    ChainReport,
    LogLine,
    LogRow,
    LogWindow,
    ReviewEntry,
    Status,
)
from tracker.store.models import GENESIS_HASH, Article, Claim, LogHead, Review, Source

#: Rows fetched per round trip when the log is read whole (a server-side cursor on PostgreSQL).
BATCH_ROWS = 5_000


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


# -- reading the log whole: plain rows in batches ------------------------------


def start_full_read(session: Session) -> None:
    """Prepare a read transaction that reads the log whole: call before anything else in it.

    Every later statement sees one snapshot of the database (the chain head
    and its rows, a count and the rows counted agree): SQLite in WAL mode
    already reads one snapshot per transaction; PostgreSQL's default READ
    COMMITTED takes a new one per statement. And PostgreSQL plans cursors for
    every row rather than the first tenth (``cursor_tuple_fraction``), which
    otherwise picks nested loops that take minutes over a large log.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        session.execute(text("SET LOCAL cursor_tuple_fraction = 1.0"))


def _plain(column: Any) -> ColumnElement[Any]:
    """``column`` without SQLAlchemy's per-value result processing (done in ``_log_row``).

    Enum columns then come back as their string values, which is what rows carry.
    """
    return type_coerce(column, String())


_ENTRY_COLUMNS = (
    Review.seq,
    Review.id,
    Review.reviewer,
    _plain(Review.from_status),
    _plain(Review.to_status),
    Review.note,
    _plain(Review.evidence),
    _plain(Review.created_at),
    Review.claim_version,
    Review.undoes,
    Review.prev_hash,
    Review.hash,
)
#: The columns of a ``LogRow``, in its field order.
_LOG_COLUMNS = (
    *_ENTRY_COLUMNS,
    Claim.id,
    Claim.article_id,
    _plain(Claim.status),
    Claim.version,
    _plain(Claim.orphaned),
    Claim.source_id,
    Source.name,
    _plain(Source.type),
    _plain(Claim.cue_class),
    Claim.content_text,
    _plain(Claim.mode),
    _plain(Claim.hedges),
    _plain(Claim.speech_date),
    Article.title,
    Article.path,
    Article.url,
    Article.outlet,
    _plain(Article.published),
)

#: The columns of a ``LogLine``, in its field order: the entry's first eight, then names.
_LINE_COLUMNS = (
    *_ENTRY_COLUMNS[:8],
    Review.claim_id,
    Claim.content_text,
    Source.name,
    Article.title,
    Article.path,
)


def _moment(value: Any) -> dt.datetime:
    """A stored timestamp as aware UTC: SQLite keeps naive UTC text, PostgreSQL a timestamptz."""
    if value.__class__ is str:
        return dt.datetime.fromisoformat(value + "+00:00")
    assert isinstance(value, dt.datetime)
    return value.astimezone(dt.UTC) if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _day(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


#: json.loads with one Python layer instead of three (a million rows, three JSON columns each).
_decode_json = json.JSONDecoder().raw_decode


def _json_list(value: Any) -> tuple[Any, ...]:
    """A JSON array column as a tuple: SQLite returns the text, psycopg the decoded list."""
    if value.__class__ is str:
        return () if value == "[]" else tuple(_decode_json(value)[0])
    return tuple(value or ())


def _log_line(r: Sequence[Any]) -> LogLine:
    return _make_log_line((*r[:6], _json_list(r[6]), _moment(r[7]), *r[8:]))


def _log_row(r: Sequence[Any]) -> LogRow:
    # Written out in full: this runs once per exported entry.
    return _make_log_row(
        (
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            _json_list(r[6]),
            _moment(r[7]),
            r[8],
            r[9],
            r[10],
            r[11],
            r[12],
            r[13],
            r[14],
            r[15],
            bool(r[16]),
            r[17],
            r[18],
            r[19],
            r[20],
            r[21],
            r[22],
            _json_list(r[23]),
            None if r[24] is None else _day(r[24]),
            r[25],
            r[26],
            r[27],
            r[28],
            None if r[29] is None else _day(r[29]),
        )
    )


_make_log_line = LogLine._make
_make_log_row = LogRow._make


def _window(w: LogWindow, reviews: Any = Review) -> list[ColumnElement[bool]]:
    """Conditions on ``reviews`` (the table or an alias) for the entries ``w`` covers.

    ``w.statuses`` is left to the caller: its meaning depends on the read.
    """
    conds: list[ColumnElement[bool]] = []
    if w.claim_id is not None:
        conds.append(reviews.claim_id == w.claim_id)
    if w.reviewer:
        conds.append(reviews.reviewer == w.reviewer)
    if w.since is not None:
        conds.append(reviews.created_at >= w.since)
    if w.until is not None:
        conds.append(reviews.created_at < w.until)
    return conds


def _joined(stmt: Select[Any]) -> Select[Any]:
    return (
        stmt.join(Claim, Claim.id == Review.claim_id)
        .join(Source, Source.id == Claim.source_id)
        .join(Article, Article.id == Claim.article_id)
    )


def _batches(
    session: Session, stmt: Select[Any], convert: Callable[[Sequence[Any]], Any], batch: int
) -> Iterator[list[Any]]:
    result = session.connection().execute(stmt.execution_options(yield_per=batch))
    for rows in result.partitions():
        yield [convert(r) for r in rows]


def log_rows(session: Session, w: LogWindow, batch: int = BATCH_ROWS) -> Iterator[list[LogRow]]:
    """The entries ``w`` covers, in chain order, in lists of up to ``batch`` rows.

    ``w.statuses`` keeps the entries whose decision (``to_status``) is one of them.
    """
    stmt = _joined(select(*_LOG_COLUMNS).select_from(Review)).where(*_window(w))
    if w.statuses:
        stmt = stmt.where(Review.to_status.in_(w.statuses))
    return _batches(session, stmt.order_by(Review.seq), _log_row, batch)


def log_lines(session: Session, w: LogWindow, batch: int = BATCH_ROWS) -> Iterator[list[LogLine]]:
    """Like ``log_rows``, but the narrow ``LogLine`` of each entry."""
    stmt = _joined(select(*_LINE_COLUMNS).select_from(Review)).where(*_window(w))
    if w.statuses:
        stmt = stmt.where(Review.to_status.in_(w.statuses))
    return _batches(session, stmt.order_by(Review.seq), _log_line, batch)


def count_entries(session: Session, w: LogWindow) -> int:
    """How many entries ``log_rows`` yields for ``w``."""
    stmt = select(func.count()).select_from(Review).where(*_window(w))
    if w.statuses:
        stmt = stmt.where(Review.to_status.in_(w.statuses))
    return int(session.scalar(stmt) or 0)


def _latest_select(w: LogWindow) -> Select[Any]:
    """Each claim's last entry within ``w`` (``w.statuses`` then applies to that entry)."""
    latest = (
        select(func.max(Review.seq).label("seq"))
        .where(*_window(w))
        .group_by(Review.claim_id)
        .subquery("latest")
    )
    stmt = _joined(select(*_LOG_COLUMNS).select_from(Review)).join(
        latest, latest.c.seq == Review.seq
    )
    if w.statuses:
        stmt = stmt.where(Review.to_status.in_(w.statuses))
    return stmt


def latest_verdicts(
    session: Session, w: LogWindow, batch: int = BATCH_ROWS
) -> Iterator[list[LogRow]]:
    """Each claim's latest entry within ``w``, by article then claim order, in batches.

    ``w.statuses`` keeps the claims whose latest entry set one of them.
    """
    stmt = _latest_select(w).order_by(Claim.article_id, Claim.ordinal, Claim.id)
    return _batches(session, stmt, _log_row, batch)


def count_latest(session: Session, w: LogWindow) -> int:
    """How many claims ``latest_verdicts`` yields for ``w``."""
    inner = _latest_select(w).with_only_columns(Review.seq).subquery()
    return int(session.scalar(select(func.count()).select_from(inner)) or 0)


def article_claim_counts(session: Session, article_ids: Sequence[int]) -> dict[int, int]:
    """How many claims each of ``article_ids`` holds."""
    if not article_ids:
        return {}
    rows = session.execute(
        select(Claim.article_id, func.count())
        .where(Claim.article_id.in_(article_ids))
        .group_by(Claim.article_id)
    )
    return {article_id: int(n) for article_id, n in rows}


# -- recomputing the chain ----------------------------------------------------------


def _entry_digest_of(r: Sequence[Any], prev_hash: str, seq: int | None = None) -> str:
    """The hash an entry row of ``_ENTRY_COLUMNS`` + claim_id should carry after ``prev_hash``."""
    return entry_digest(
        seq=r[0] if seq is None else seq,
        claim_id=r[12],
        reviewer=r[2],
        from_status=r[3],
        to_status=r[4],
        note=r[5],
        evidence=r[6],
        created_at=r[7],
        claim_version=r[8],
        undoes=r[9],
        prev_hash=prev_hash,
    )


def _entry_row(r: Sequence[Any]) -> tuple[Any, ...]:
    return (*r[:6], list(_json_list(r[6])), _moment(r[7]), *r[8:])


def _describe(r: Sequence[Any]) -> str:
    return f"entry #{r[0]} (id {r[1]}, claim {r[12]}, {r[4]} by {r[2]} at {iso_utc(r[7])[:19]}Z)"


def _diagnose(
    r: Sequence[Any],
    nxt: Sequence[Any] | None,
    expected_seq: int,
    prev: Sequence[Any] | None,
    prev_hash: str,
    prev_prev_hash: str | None,
) -> ChainBreak:
    """Why entry ``r`` does not follow the verified entries before it (``prev`` the last)."""
    seq, entry_id = r[0], r[1]
    if seq > expected_seq:
        missing = (
            f"entry #{expected_seq} was"
            if seq == expected_seq + 1
            else f"entries #{expected_seq} to #{seq - 1} were"
        )
        return ChainBreak(
            expected_seq,
            None,
            "removed",
            f"{missing} removed: the chain goes from #{expected_seq - 1} to {_describe(r)}",
        )
    if r[10] == prev_hash:  # in its place, but its contents changed
        return ChainBreak(
            seq, entry_id, "altered", f"{_describe(r)} was altered: it no longer matches its hash"
        )
    if _entry_digest_of(r, r[10]) == r[11]:  # intact itself, chained after something else
        if prev is not None and r[10] == prev_prev_hash:
            return ChainBreak(
                prev[0],
                prev[1],
                "inserted",
                f"{_describe(prev)} was inserted out of order: "
                f"#{seq} was chained directly after #{prev[0] - 1}",
            )
        if prev is None:
            return ChainBreak(
                seq, entry_id, "altered", f"{_describe(r)} does not start the chain: altered"
            )
        return ChainBreak(
            prev[0],
            prev[1],
            "altered",
            f"{_describe(prev)} was altered: #{seq} was chained to a different version of it",
        )
    if _entry_digest_of(r, r[10], seq + 1) == r[11]:  # hashed one place further on
        if nxt is not None and nxt[11] == r[10]:
            return ChainBreak(
                seq,
                entry_id,
                "reordered",
                f"{_describe(r)} was reordered: it was hashed as #{seq + 1}, "
                f"after the entry now at #{nxt[0]}",
            )
        return ChainBreak(
            seq,
            None,
            "removed",
            f"an entry at #{seq} was removed and the later ones renumbered: "
            f"{_describe(r)} was hashed as #{seq + 1}",
        )
    if prev is not None and _entry_digest_of(r, r[10], seq - 1) == r[11]:
        return ChainBreak(
            prev[0],
            prev[1],
            "inserted",
            f"{_describe(prev)} was inserted out of order: "
            f"the entry after it was hashed as #{seq - 1}",
        )
    return ChainBreak(
        seq,
        entry_id,
        "altered",
        f"{_describe(r)} was altered or moved: it matches neither its hash nor its place",
    )


def _entries(session: Session, batch: int) -> Iterator[tuple[Any, ...]]:
    stmt = select(*_ENTRY_COLUMNS, Review.claim_id).order_by(Review.seq)
    for rows in _batches(session, stmt, _entry_row, batch):
        yield from rows


def chain_head(session: Session) -> tuple[int, str]:
    """How many entries the chain head records, and the hash of the last one."""
    head = session.execute(select(LogHead.entries, LogHead.last_hash).where(LogHead.id == 1)).one()
    return int(head.entries), str(head.last_hash)


def verify_chain(session: Session, batch: int = BATCH_ROWS) -> ChainReport:
    """Recompute every hash in chain order and compare with the chain head.

    Names the first entry altered, removed or inserted out of order. Call
    ``start_full_read`` first when reviewers may be writing meanwhile.
    """
    head_entries, head_hash = chain_head(session)
    rows = _entries(session, batch)
    r = next(rows, None)
    count, prev, prev_hash, prev_prev_hash = 0, None, GENESIS_HASH, None
    while r is not None:
        nxt = next(rows, None)
        count += 1
        if r[0] > head_entries and r[0] == count:
            return ChainReport(
                count,
                head_entries,
                ChainBreak(
                    r[0],
                    r[1],
                    "inserted",
                    f"{_describe(r)} was inserted: the chain head ends at #{head_entries}",
                ),
            )
        ok = r[0] == count and r[10] == prev_hash and _entry_digest_of(r, prev_hash) == r[11]
        if not ok:
            found = _diagnose(r, nxt, count, prev, prev_hash, prev_prev_hash)
            return ChainReport(count, head_entries, found)
        prev, prev_prev_hash, prev_hash = r, prev_hash, r[11]
        r = nxt
    if count < head_entries:
        last = f"#{count + 1}" if count + 1 == head_entries else f"#{count + 1} to #{head_entries}"
        return ChainReport(
            count,
            head_entries,
            ChainBreak(
                count + 1,
                None,
                "removed",
                f"the last entries {last} were removed: the chain head records {head_entries}"
                if count + 1 < head_entries
                else f"the last entry {last} was removed: the chain head records {head_entries}",
            ),
        )
    if prev_hash != head_hash and prev is not None:
        return ChainReport(
            count,
            head_entries,
            ChainBreak(
                prev[0],
                prev[1],
                "altered",
                f"{_describe(prev)} was altered: the chain head records a different hash for it",
            ),
        )
    return ChainReport(count, head_entries)
