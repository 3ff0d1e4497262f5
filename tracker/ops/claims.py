"""Reading claims for front ends: lists, counts, one claim in detail.

Owns the read-side user actions (``tracker claims``, ``tracker show``, the
TUI's lists). Each call is one read transaction; results are model
dataclasses, so front ends never hold a session.
"""

from __future__ import annotations

from collections.abc import Iterator

from tracker.errors import NotFoundError
from tracker.model import ALL_CLAIMS, ClaimDetail, ClaimFilter, ClaimRow
from tracker.store import Store, queries


def list_claims(
    store: Store,
    f: ClaimFilter = ALL_CLAIMS,
    after_id: int | None = None,
    limit: int | None = None,
) -> list[ClaimRow]:
    """One page of claims in id order (keyset: pass the last id seen as ``after_id``)."""
    with store.read() as session:
        return queries.list_claims(session, f, after_id=after_id, limit=limit)


def iter_claims(store: Store, f: ClaimFilter = ALL_CLAIMS, page: int = 1000) -> Iterator[ClaimRow]:
    """Every matching claim, one short read transaction per page."""
    after: int | None = None
    while True:
        rows = list_claims(store, f, after_id=after, limit=page)
        yield from rows
        if len(rows) < page:
            return
        after = rows[-1].id


def count_claims(store: Store, f: ClaimFilter = ALL_CLAIMS) -> int:
    with store.read() as session:
        return queries.count_claims(session, f)


def claim_detail(store: Store, claim_id: int) -> ClaimDetail:
    with store.read() as session:
        detail = queries.claim_detail(session, claim_id)
    if detail is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    return detail


def get_claim(store: Store, claim_id: int) -> ClaimRow:
    """One claim as it is now (its status and version), without the detail around it."""
    with store.read() as session:
        row = queries.get_claim(session, claim_id)
    if row is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    return row
