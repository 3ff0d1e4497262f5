"""Decisions on SQLite and PostgreSQL: rules, optimistic versions, undo, the hash chain."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tracker.errors import ConflictError, NotFoundError, ValidationError
from tracker.model import ClaimFilter, Status
from tracker.ops.claims import claim_detail, list_claims
from tracker.ops.ingest import ingest
from tracker.ops.review import mark_claim, undo_decision
from tracker.store.log import row_digest
from tracker.store.models import GENESIS_HASH, LogHead, Review


@pytest.fixture
def claim_id(store, seeds: Path) -> int:  # type: ignore[no-untyped-def]
    ingest(store, [str(seeds)])
    return list_claims(store, ClaimFilter(), limit=1)[0].id


def test_mark_moves_status_and_version_and_logs(store, claim_id: int) -> None:  # type: ignore[no-untyped-def]
    result = mark_claim(
        store, claim_id, Status.VERIFIED, reviewer="ann", evidence=["https://example.org/source"]
    )
    assert result.claim.status is Status.VERIFIED and result.claim.version == 2
    assert result.entry.from_status is Status.UNREVIEWED
    assert result.entry.evidence == ("https://example.org/source",)
    history = claim_detail(store, claim_id).history
    assert [(e.reviewer, e.to_status) for e in history] == [("ann", Status.VERIFIED)]


@pytest.mark.parametrize("status", [Status.DISPUTED, Status.UNVERIFIABLE])
def test_dispute_and_unverifiable_need_a_note(store, claim_id: int, status: Status) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="needs a note"):
        mark_claim(store, claim_id, status, reviewer="ann", note="   ")
    assert claim_detail(store, claim_id).history == ()


def test_refuses_orphaned_bad_urls_and_unknown_claims(store, claim_id: int) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        mark_claim(store, claim_id, Status.ORPHANED, reviewer="ann", note="x")
    with pytest.raises(ValidationError, match="http"):
        mark_claim(
            store, claim_id, Status.VERIFIED, reviewer="ann", evidence=["javascript:alert(1)"]
        )
    with pytest.raises(NotFoundError):
        mark_claim(store, 999_999, Status.VERIFIED, reviewer="ann")


def test_stale_version_is_refused_naming_who_changed_it(store, claim_id: int) -> None:  # type: ignore[no-untyped-def]
    mark_claim(store, claim_id, Status.VERIFIED, reviewer="ann", expect_version=1)
    with pytest.raises(ConflictError) as err:
        mark_claim(store, claim_id, Status.DISPUTED, reviewer="bob", note="no", expect_version=1)
    assert err.value.changed_by == "ann" and err.value.current_version == 2
    assert "ann" in str(err.value) and "verified" in str(err.value)
    detail = claim_detail(store, claim_id)
    assert detail.claim.status is Status.VERIFIED and len(detail.history) == 1


def test_undo_is_a_new_entry(store, claim_id: int) -> None:  # type: ignore[no-untyped-def]
    first = mark_claim(store, claim_id, Status.UNVERIFIABLE, reviewer="ann", note="cannot check")
    undone = undo_decision(store, first.entry.id, reviewer="ann")
    assert undone.claim.status is Status.UNREVIEWED and undone.claim.version == 3
    assert undone.entry.undoes == first.entry.id
    again = mark_claim(
        store, claim_id, Status.DISPUTED, reviewer="ann", note="contradicted", expect_version=3
    )
    history = claim_detail(store, claim_id).history
    assert [e.to_status for e in history] == [
        Status.UNVERIFIABLE,
        Status.UNREVIEWED,
        Status.DISPUTED,
    ]
    assert again.claim.version == 4
    with pytest.raises(ConflictError):  # the claim moved on since the undone decision
        undo_decision(store, first.entry.id, reviewer="ann")


def test_entries_form_one_hash_chain(store, claim_id: int) -> None:  # type: ignore[no-untyped-def]
    mark_claim(store, claim_id, Status.VERIFIED, reviewer="ann")
    mark_claim(store, claim_id + 1, Status.DISPUTED, reviewer="bob", note="wrong date")
    mark_claim(store, claim_id, Status.UNREVIEWED, reviewer="ann")
    with store.read() as s:
        rows = list(s.scalars(select(Review).order_by(Review.seq)))
        head = s.get(LogHead, 1)
    prev = GENESIS_HASH
    for seq, row in enumerate(rows, start=1):
        assert row.seq == seq and row.prev_hash == prev
        assert row.hash == row_digest(row, prev)
        prev = row.hash
    assert head.entries == 3 and head.last_hash == prev
