"""ClaimReview JSON-LD: every property Google's Fact Check markup requires, one object per verdict.

Google's list (developers.google.com/search/docs/appearance/structured-data/factcheck):
ClaimReview requires claimReviewed, reviewRating and url, and recommends author,
datePublished and itemReviewed; the Rating requires alternateName and recommends
name, ratingValue, bestRating and worstRating; the Claim recommends author,
appearance, datePublished (and firstAppearance, which the log cannot know).
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from tests.export.rows import log_row
from tracker.export.claimreview import BEST_RATING, RATING, WORST_RATING, write_claimreview

REQUIRED = {"@context", "@type", "claimReviewed", "reviewRating", "url"}
RECOMMENDED = {"author", "datePublished", "itemReviewed"}
RATING_REQUIRED = {"@type", "alternateName"}
RATING_RECOMMENDED = {"name", "ratingValue", "bestRating", "worstRating"}
CLAIM_RECOMMENDED = {"author", "appearance", "datePublished"}


def export(*rows: object, org: str = "The Standard", org_url: str | None = None) -> tuple:  # type: ignore[type-arg]
    out = io.StringIO()
    counts = write_claimreview(rows, out, org, org_url)  # type: ignore[arg-type]
    return json.loads(out.getvalue()), counts, out.getvalue()


def test_every_google_property_is_present() -> None:
    data, (written, without_url), _ = export(
        log_row(to_status="verified"), org_url="https://standard.example"
    )
    assert written == 1 and without_url == 0
    (review,) = data
    assert REQUIRED | RECOMMENDED <= set(review)
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "the area around the capital had been “liberated”"
    assert review["url"] == "https://example.org/a"
    assert review["datePublished"] == "2024-12-23"
    assert review["author"] == {
        "@type": "Organization",
        "name": "The Standard",
        "url": "https://standard.example",
    }
    rating = review["reviewRating"]
    assert RATING_REQUIRED | RATING_RECOMMENDED <= set(rating)
    assert rating["alternateName"] == rating["name"] == "Verified"
    assert (rating["worstRating"], rating["ratingValue"], rating["bestRating"]) == (1, 3, 3)
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim" and CLAIM_RECOMMENDED <= set(claim)
    assert claim["author"] == {"@type": "Person", "name": "Hanna Malyar"}
    assert claim["datePublished"] == "2022-04-02"  # the speech date, when known
    assert claim["appearance"] == {
        "@type": "CreativeWork",
        "headline": "Kyiv region retaken",
        "url": "https://news.example/kyiv",
        "datePublished": "2022-04-03",
        "publisher": {"@type": "Organization", "name": "The Standard"},
    }


@pytest.mark.parametrize(
    ("status", "value", "words"),
    [("disputed", 1, "Disputed"), ("unverifiable", 2, "Unverifiable"), ("verified", 3, "Verified")],
)
def test_the_stated_scale(status: str, value: int, words: str) -> None:
    (review,), _, _ = export(log_row(to_status=status))
    rating = review["reviewRating"]
    assert (rating["ratingValue"], rating["alternateName"]) == (value, words)
    assert WORST_RATING <= value <= BEST_RATING and RATING[status] == (value, words)


def test_one_object_per_verdict_and_nothing_for_reopened_claims() -> None:
    rows = [log_row(claim_id=n, to_status=s) for n, s in enumerate(RATING, start=1)]
    data, (written, _), _ = export(*rows, log_row(claim_id=9, to_status="unreviewed"))
    assert written == len(data) == 3
    assert sorted(r["reviewRating"]["ratingValue"] for r in data) == [1, 2, 3]
    empty, counts, text = export()
    assert empty == [] and counts == (0, 0) and text == "[\n]\n"


def test_author_types_follow_the_source() -> None:
    org, unnamed, document = (
        export(log_row(source_type=kind, source_entity=name))[0][0]["itemReviewed"]
        for kind, name in (
            ("organisation", "Ministry of Defence"),
            ("unnamed", "officials"),
            ("document", "the report"),
        )
    )
    assert org["author"] == {"@type": "Organization", "name": "Ministry of Defence"}
    assert "author" not in unnamed and "author" not in document


def test_unknowns_are_left_out_not_made_up() -> None:
    (review,), (_, without_url), _ = export(
        log_row(
            evidence=(),
            speech_date=None,
            article_published=None,
            article_title=None,
            article_url=None,
        )
    )
    assert "url" not in review and without_url == 1
    assert set(review["itemReviewed"]) == {"@type", "author"}
    assert "url" not in review["author"]


def test_article_text_cannot_close_the_script_element() -> None:
    text = "</script><script>alert(1)</script> & \u2028"
    data, _, raw = export(log_row(content_text=text, to_status="disputed"))
    assert "</script" not in raw.lower() and "<" not in raw and "&" not in raw
    assert data[0]["claimReviewed"] == text


def test_the_date_published_is_the_verdict_day_in_utc() -> None:
    late = dt.datetime(2024, 12, 31, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    (review,), _, _ = export(log_row(created_at=late.astimezone(dt.UTC)))
    assert review["datePublished"] == "2025-01-01"
