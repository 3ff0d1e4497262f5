"""Verdicts as schema.org ClaimReview objects in one JSON-LD array, for fact-check publishers.

Owns the mapping from a claim's final verdict to ClaimReview, following
Google's Fact Check markup: required ``claimReviewed``, ``reviewRating``
(with ``alternateName``) and ``url``; recommended ``author``,
``datePublished``, ``itemReviewed`` (a ``Claim`` with ``author``,
``appearance`` and ``datePublished``) and the rating's ``name``,
``ratingValue``, ``bestRating`` and ``worstRating``.

The rating scale (``RATING``): 1 = Disputed, 2 = Unverifiable, 3 = Verified;
worst 1, best 3. ``url`` is the verdict's first evidence URL and is left out
when there is none (the caller is told how many). The claim's author is a
Person or an Organization from the source's type; unnamed sources and
documents get no author rather than a made-up one.

The output is meant to be pasted into ``<script type="application/ld+json">``,
so ``<``, ``>`` and ``&`` inside strings are written as ``\\u003c`` and so on:
article text cannot close the script element. Pure: rows in, text written to
the stream it is given.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from tracker.model import LogRow, SourceType, Status

#: Verdict -> (ratingValue, alternateName).
RATING: dict[str, tuple[int, str]] = {
    Status.DISPUTED.value: (1, "Disputed"),
    Status.UNVERIFIABLE.value: (2, "Unverifiable"),
    Status.VERIFIED.value: (3, "Verified"),
}
WORST_RATING, BEST_RATING = 1, 3
_AUTHOR_TYPE = {SourceType.PERSON.value: "Person", SourceType.ORGANISATION.value: "Organization"}
# Characters that could end a <script> element or start markup, and the JavaScript line ends.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _appearance(row: LogRow) -> dict[str, Any] | None:
    """The article as a CreativeWork, or None when neither its title nor its URL is known."""
    if not row.article_title and not row.article_url:
        return None
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if row.article_title:
        work["headline"] = row.article_title
    if row.article_url:
        work["url"] = row.article_url
    if row.article_published:
        work["datePublished"] = row.article_published.isoformat()
    if row.article_outlet:
        work["publisher"] = {"@type": "Organization", "name": row.article_outlet}
    return work


def claim_review(row: LogRow, org: str, org_url: str | None = None) -> dict[str, Any]:
    """One ClaimReview for the verdict ``row`` records (its ``to_status`` must be a verdict)."""
    value, words = RATING[row.to_status]
    claim: dict[str, Any] = {"@type": "Claim"}
    if row.source_type in _AUTHOR_TYPE:
        claim["author"] = {"@type": _AUTHOR_TYPE[row.source_type], "name": row.source_entity}
    said_on = row.speech_date or row.article_published
    if said_on:
        claim["datePublished"] = said_on.isoformat()
    appearance = _appearance(row)
    if appearance:
        claim["appearance"] = appearance
    author: dict[str, Any] = {"@type": "Organization", "name": org}
    if org_url:
        author["url"] = org_url
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": row.content_text,
        "itemReviewed": claim,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": words,
            "name": words,
        },
        "author": author,
        "datePublished": row.created_at.date().isoformat(),
    }
    if row.evidence:
        review["url"] = row.evidence[0]
    return review


def write_claimreview(
    rows: Iterable[LogRow], out: TextIO, org: str, org_url: str | None = None
) -> tuple[int, int]:
    """Write a JSON array with one ClaimReview per verdict row, one per line (others are skipped).

    Returns how many objects were written and how many of them have no ``url``.
    """
    written = without_url = 0
    out.write("[")
    for row in rows:
        if row.to_status not in RATING:
            continue
        review = claim_review(row, org, org_url)
        # one object per line: json.dumps with indent= runs in Python, ten times slower
        text = json.dumps(review, ensure_ascii=False, separators=(", ", ": "))
        text = text.translate(_SCRIPT_SAFE)
        out.write(("\n" if not written else ",\n") + text)
        written += 1
        without_url += "url" not in review
    out.write("\n]\n")
    return written, without_url
