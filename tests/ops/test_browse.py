"""Browsing for the review screen on SQLite and PostgreSQL: keyset pages, counts, search."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.model import ClaimFilter, CueClass, Status
from tracker.ops import browse
from tracker.ops.claims import list_claims
from tracker.ops.ingest import IngestOptions, ingest
from tracker.ops.review import mark_claim

SAID = "Person {n:03d} said that the {thing} was {state} on day {n}."
THINGS = ("bridge", "railway", "power station", "harbour")
STATES = ("destroyed", "liberated", "repaired", "closed")


@pytest.fixture
def claims(store, tmp_path: Path) -> list[int]:  # type: ignore[no-untyped-def]
    """Forty articles of one plain claim each (any parser finds "X said that Y")."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(40):
        text = SAID.format(n=n, thing=THINGS[n % 4], state=STATES[n % 4])
        (folder / f"{n:03d}.txt").write_text(f"Headline {n}\n\n{text}\n", encoding="utf-8")
    ingest(store, [str(folder)], IngestOptions(workers=1))
    ids = [r.id for r in list_claims(store, ClaimFilter())]
    assert len(ids) >= 40, "the parser missed plain 'said that' claims"
    return ids


def test_keyset_pages_walk_forward_and_back_without_gaps(store, claims: list[int]) -> None:  # type: ignore[no-untyped-def]
    f = ClaimFilter()
    seen: list[int] = []
    page = browse.claim_page(store, f, limit=7)
    assert not page.more_before
    while True:
        seen.extend(r.id for r in page.rows)
        if not page.more_after:
            break
        page = browse.claim_page(store, f, after_id=page.rows[-1].id, limit=7)
    assert seen == claims
    back: list[int] = []
    page = browse.last_page(store, f, limit=7)
    assert not page.more_after
    while True:
        back[:0] = [r.id for r in page.rows]
        if not page.more_before:
            break
        page = browse.claim_page(store, f, before_id=page.rows[0].id, limit=7)
    assert back == claims


def test_window_around_a_claim(store, claims: list[int]) -> None:  # type: ignore[no-untyped-def]
    middle = claims[20]
    page = browse.claim_window(store, ClaimFilter(), middle, before=3, after=4)
    assert [r.id for r in page.rows] == claims[17:24]
    assert page.more_before and page.more_after


def test_counts_and_neighbours_follow_decisions(store, claims: list[int]) -> None:  # type: ignore[no-untyped-def]
    mark_claim(store, claims[1], Status.VERIFIED, reviewer="ann")
    mark_claim(store, claims[2], Status.DISPUTED, reviewer="ann", note="no")
    open_claims = ClaimFilter(statuses=(Status.UNREVIEWED,))
    counts = browse.filter_counts(store, open_claims)
    assert (counts.total, counts.reviewed, counts.shown) == (len(claims), 2, len(claims) - 2)
    assert browse.neighbour_claim(store, open_claims, claims[0]) == claims[3]
    assert browse.neighbour_claim(store, open_claims, claims[3], forward=False) == claims[0]
    assert browse.neighbour_claim(store, open_claims, claims[-1]) is None
    assert browse.claim_matches(store, open_claims, claims[0])
    assert not browse.claim_matches(store, open_claims, claims[1])
    speech = browse.filter_counts(store, ClaimFilter(cue_classes=(CueClass.SPEECH,)))
    assert speech.total == len(list_claims(store, ClaimFilter(cue_classes=(CueClass.SPEECH,))))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        pytest.param("liberated", 10, id="a word of the content"),
        pytest.param("liber", 10, id="a prefix of a word"),
        pytest.param("LIBERATED bridge", 0, id="every word must match"),
        pytest.param("LIBERATED railway", 10, id="any case"),
        pytest.param("power station", 10, id="two words"),
        pytest.param("007", 1, id="a word of the source"),
        pytest.param("person liberated", 10, id="source and content words combine"),
        pytest.param("nothing-like-this", 0, id="no match"),
        pytest.param("%", 0, id="like wildcards are literal"),
    ],
)
def test_search_uses_content_and_source(
    store, claims: list[int], words: str, expected: int
) -> None:  # type: ignore[no-untyped-def]
    rows = browse.claim_page(store, ClaimFilter(text=words), limit=100).rows
    assert len(rows) == expected
    for row in rows:
        haystack = (row.content_text + " " + row.source_entity).lower()
        assert all(w.lower() in haystack or w == "liber" for w in words.split())


def test_search_sees_claims_stored_after_the_index(
    store, claims: list[int], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    late = tmp_path / "late.txt"
    late.write_text("Late news\n\nMinister Quux said that the zeppelin was grounded.\n")
    ingest(store, [str(late)], IngestOptions(workers=1))
    rows = browse.claim_page(store, ClaimFilter(text="zeppelin"), limit=10).rows
    assert len(rows) == 1


def test_article_view_and_summary(store, claims: list[int]) -> None:  # type: ignore[no-untyped-def]
    first = list_claims(store, ClaimFilter(), limit=1)[0]
    view = browse.article_view(store, first.article_id)
    assert [c.id for c in view.claims] == [first.id]
    assert view.text.startswith("Headline 0") and view.sentences
    mark_claim(store, first.id, Status.DISPUTED, reviewer="ann", note="no")
    summary = browse.review_summary(store, ClaimFilter(), top=5)
    by_status = dict(summary.by_status)
    assert by_status[Status.DISPUTED] == 1 and sum(by_status.values()) == len(claims)
    assert len(summary.sources) == 5 and summary.source_count >= 40
    disputed = [s for s in summary.sources if s.disputed]
    assert disputed and disputed[0].name == first.source_entity
