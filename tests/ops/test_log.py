"""The log chain on SQLite and PostgreSQL: intact, then tampered with plain SQL in every way.

Each tampering goes around the tool (straight to the database) and
``verify_log`` must name the first entry that no longer fits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Connection, text, update

from tests.export.logdata import DAY, T0, Log, make_log
from tracker.model import LogWindow
from tracker.ops.log import read_log, verify_log
from tracker.store import Store
from tracker.store.log import entry_digest
from tracker.store.models import Review


@pytest.fixture
def log(store: Store, seeds: Path) -> Log:
    return make_log(store, seeds)


def tamper(store: Store, change: Callable[[Connection], object]) -> None:
    with store.engine.begin() as conn:
        change(conn)


def sql(statement: str, **params: object) -> Callable[[Connection], object]:
    return lambda conn: conn.execute(text(statement), params)


def test_an_untouched_log_is_intact(store: Store, log: Log) -> None:
    report = verify_log(store)
    assert report.intact and report.entries == report.head_entries == 6


def test_an_empty_log_is_intact(store: Store) -> None:
    report = verify_log(store)
    assert report.intact and report.entries == 0


@pytest.mark.parametrize(
    ("change", "seq"),
    [
        pytest.param(sql("UPDATE reviews SET note = 'all fine' WHERE seq = 3"), 3, id="note"),
        pytest.param(
            sql("UPDATE reviews SET to_status = 'verified' WHERE seq = 2"), 2, id="status"
        ),
        pytest.param(
            sql("UPDATE reviews SET reviewer = 'mallory' WHERE seq = 4"), 4, id="reviewer"
        ),
        pytest.param(
            lambda conn: conn.execute(
                update(Review).where(Review.seq == 5).values(created_at=T0 + 9 * DAY)
            ),
            5,
            id="timestamp",
        ),
        pytest.param(sql("UPDATE reviews SET evidence = '[]' WHERE seq = 1"), 1, id="evidence"),
        pytest.param(sql("UPDATE reviews SET hash = :h WHERE seq = 6", h="e" * 64), 6, id="hash"),
    ],
)
def test_an_altered_entry_is_named(
    store: Store, log: Log, change: Callable[[Connection], object], seq: int
) -> None:
    tamper(store, change)
    found = verify_log(store).first_break
    assert found is not None
    assert (found.kind, found.seq) == ("altered", seq)
    assert found.entry_id == log.marks[seq - 1].entry.id
    assert f"entry #{seq} " in found.detail and "altered" in found.detail


def test_an_entry_removed_from_the_middle_is_named(store: Store, log: Log) -> None:
    tamper(store, sql("DELETE FROM reviews WHERE seq = 3"))
    report = verify_log(store)
    found = report.first_break
    assert found is not None and (found.kind, found.seq, found.entry_id) == ("removed", 3, None)
    assert "entry #3 was removed" in found.detail
    assert report.entries == 3  # #1, #2 good, then #4 where the gap shows


def test_the_last_entry_removed_is_named_from_the_chain_head(store: Store, log: Log) -> None:
    tamper(store, sql("DELETE FROM reviews WHERE seq = 6"))
    found = verify_log(store).first_break
    assert found is not None and (found.kind, found.seq) == ("removed", 6)
    assert "last entry #6 was removed" in found.detail


def test_an_entry_removed_and_the_rest_renumbered_is_named(store: Store, log: Log) -> None:
    tamper(store, sql("DELETE FROM reviews WHERE seq = 2"))
    tamper(store, sql("UPDATE reviews SET seq = seq + 100 WHERE seq > 2"))
    tamper(store, sql("UPDATE reviews SET seq = seq - 101 WHERE seq > 100"))
    found = verify_log(store).first_break
    assert found is not None and (found.kind, found.seq) == ("removed", 2)
    assert "renumbered" in found.detail


def _forged_row(conn: Connection, seq: int, prev_hash: str, claim_id: int) -> None:
    """A row made to look like the tool's: its own hash is right, its place is not."""
    fields = {
        "seq": seq,
        "claim_id": claim_id,
        "reviewer": "mallory",
        "from_status": "unreviewed",
        "to_status": "verified",
        "note": "looks fine",
        "evidence": [],
        "created_at": T0 + 5 * DAY,
        "claim_version": 2,
        "undoes": None,
        "prev_hash": prev_hash,
    }
    conn.execute(Review.__table__.insert().values(**fields, hash=entry_digest(**fields)))  # type: ignore[arg-type]


def test_an_entry_appended_outside_the_tool_is_named(store: Store, log: Log) -> None:
    last = log.marks[-1].entry.hash
    tamper(store, lambda conn: _forged_row(conn, 7, last, log.d))  # a valid hash, no head move
    found = verify_log(store).first_break
    assert found is not None and (found.kind, found.seq) == ("inserted", 7)
    assert "mallory" in found.detail and "chain head ends at #6" in found.detail


def test_an_entry_inserted_in_the_middle_is_named(store: Store, log: Log) -> None:
    second = log.marks[1].entry.hash
    tamper(store, sql("UPDATE reviews SET seq = seq + 100 WHERE seq >= 3"))
    tamper(store, sql("UPDATE reviews SET seq = seq - 99 WHERE seq > 100"))
    tamper(store, lambda conn: _forged_row(conn, 3, second, log.d))
    found = verify_log(store).first_break
    assert found is not None and (found.kind, found.seq) == ("inserted", 3)
    assert "mallory" in found.detail and "inserted out of order" in found.detail


def test_two_entries_swapped_are_named(store: Store, log: Log) -> None:
    tamper(store, sql("UPDATE reviews SET seq = 103 WHERE seq = 4"))
    tamper(store, sql("UPDATE reviews SET seq = 4 WHERE seq = 3"))
    tamper(store, sql("UPDATE reviews SET seq = 3 WHERE seq = 103"))
    found = verify_log(store).first_break
    assert found is not None and (found.kind, found.seq) == ("reordered", 3)
    assert found.entry_id == log.marks[3].entry.id


def test_an_entry_altered_and_rehashed_is_named_by_the_next(store: Store, log: Log) -> None:
    third = log.marks[2].entry

    def rehash(conn: Connection) -> None:
        digest = entry_digest(
            seq=3,
            claim_id=third.claim_id,
            reviewer=third.reviewer,
            from_status=third.from_status,
            to_status=third.to_status,
            note="nothing to see",
            evidence=third.evidence,
            created_at=third.created_at,
            claim_version=third.claim_version,
            undoes=third.undoes,
            prev_hash=third.prev_hash,
        )
        conn.execute(
            update(Review).where(Review.seq == 3).values(note="nothing to see", hash=digest)
        )

    tamper(store, rehash)
    found = verify_log(store).first_break
    assert found is not None and (found.kind, found.seq) == ("altered", 3)
    assert "#4 was chained to a different version of it" in found.detail


def test_the_last_entry_altered_and_rehashed_is_named_by_the_head(store: Store, log: Log) -> None:
    tamper(store, sql("UPDATE log_head SET last_hash = :h", h="f" * 64))
    found = verify_log(store).first_break
    assert found is not None and (found.kind, found.seq) == ("altered", 6)
    assert "chain head records a different hash" in found.detail


def test_read_log_filters_by_claim_reviewer_and_time(store: Store, log: Log) -> None:
    assert [e.seq for e in read_log(store)] == [1, 2, 3, 4, 5, 6]
    assert [e.seq for e in read_log(store, LogWindow(claim_id=log.a))] == [1, 4]
    assert [e.seq for e in read_log(store, LogWindow(reviewer="ann"))] == [1, 3, 6]
    assert [e.seq for e in read_log(store, LogWindow(since=T0 + DAY))] == [3, 4, 5, 6]
    window = LogWindow(since=T0 + DAY, until=T0 + 2 * DAY + dt.timedelta(microseconds=1))
    assert [e.seq for e in read_log(store, window)] == [3, 4]
    first = next(iter(read_log(store)))
    assert first.created_at == T0 and first.created_at.tzinfo is not None
    assert first.evidence == ("https://example.org/mod",) and first.from_status == "unreviewed"
