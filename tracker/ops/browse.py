"""Browsing claims for the review screen: pages, counters, neighbours, articles, summary.

Owns the read-side actions of the TUI. Each call is one short read
transaction returning model dataclasses; lists are read by keyset pages so
no call ever loads every claim.
"""

from __future__ import annotations

from tracker.errors import NotFoundError
from tracker.model import ArticleView, ClaimFilter, ClaimPage, FilterCounts, ReviewSummary
from tracker.store import Store, browse


def claim_page(
    store: Store,
    f: ClaimFilter,
    *,
    after_id: int | None = None,
    before_id: int | None = None,
    limit: int = 100,
) -> ClaimPage:
    """The claims ``f`` matches just after ``after_id`` or just before ``before_id`` (keyset)."""
    with store.read() as session:
        return browse.claim_page(session, f, after_id=after_id, before_id=before_id, limit=limit)


def last_page(store: Store, f: ClaimFilter, limit: int = 100) -> ClaimPage:
    with store.read() as session:
        return browse.last_page(session, f, limit)


def claim_window(
    store: Store, f: ClaimFilter, claim_id: int, before: int = 50, after: int = 100
) -> ClaimPage:
    """The claims ``f`` matches around ``claim_id``, starting ``before`` rows ahead of it."""
    with store.read() as session:
        return browse.claim_window(session, f, claim_id, before, after)


def filter_counts(store: Store, f: ClaimFilter) -> FilterCounts:
    with store.read() as session:
        return browse.filter_counts(session, f)


def neighbour_claim(
    store: Store, f: ClaimFilter, from_id: int, *, forward: bool = True
) -> int | None:
    """The nearest claim id ``f`` matches after ``from_id`` (before it with ``forward=False``)."""
    with store.read() as session:
        return browse.neighbour_claim(session, f, from_id, forward=forward)


def claim_matches(store: Store, f: ClaimFilter, claim_id: int) -> bool:
    with store.read() as session:
        return browse.claim_matches(session, f, claim_id)


def article_view(store: Store, article_id: int) -> ArticleView:
    with store.read() as session:
        view = browse.article_view(session, article_id)
    if view is None:
        raise NotFoundError(f"no article with id {article_id}")
    return view


def review_summary(store: Store, f: ClaimFilter, top: int = 12) -> ReviewSummary:
    """Counts by status over ``f``'s scope and the ``top`` sources with the most claims."""
    with store.read() as session:
        return browse.review_summary(session, f, top)
