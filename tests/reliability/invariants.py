"""Checks shared by the reliability tests: the log and the claims agree, the chain holds."""

from __future__ import annotations

import itertools
from collections import defaultdict

from sqlalchemy import select

from tracker.store import Store
from tracker.store.log import row_digest
from tracker.store.models import GENESIS_HASH, Claim, LogHead, Review


def assert_log_consistent(store: Store) -> int:
    """Every claim's status and version follow from its log entries; the chain is intact.

    Returns the number of log entries.
    """
    with store.read() as s:
        rows = list(s.scalars(select(Review).order_by(Review.seq)))
        head = s.get(LogHead, 1)
        claims = {c.id: (c.status, c.version) for c in s.scalars(select(Claim))}
    prev = GENESIS_HASH
    per_claim: dict[int, list[Review]] = defaultdict(list)
    for expected_seq, row in enumerate(rows, start=1):
        assert row.seq == expected_seq, f"gap in the chain at seq {expected_seq}"
        assert row.prev_hash == prev, f"entry {row.seq} does not follow {expected_seq - 1}"
        assert row.hash == row_digest(row, prev), f"entry {row.seq} was altered"
        prev = row.hash
        per_claim[row.claim_id].append(row)
    assert head is not None and head.entries == len(rows) and head.last_hash == prev
    for claim_id, entries in per_claim.items():
        status, version = claims[claim_id]
        assert status == entries[-1].to_status, f"claim {claim_id} status differs from its log"
        assert version == 1 + len(entries), f"claim {claim_id} version differs from its log"
        assert [e.claim_version for e in entries] == list(range(2, len(entries) + 2))
        for before, after in itertools.pairwise(entries):
            assert after.from_status == before.to_status, f"claim {claim_id}: a decision was lost"
    return len(rows)
