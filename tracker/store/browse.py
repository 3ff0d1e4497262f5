"""Reading the store for the review screen: keyset pages, counters, articles, summary.

Owns the SELECTs behind browsing: pages of claims by keyset (``id > ?`` /
``id < ?`` on the filter's index, never OFFSET), counts per status, the
neighbouring claim of a status, one article whole, and the per-source
summary. Free-text search uses the FTS5 index on SQLite and the GIN
text-search index on PostgreSQL (``models.SEARCH_DDL``), with LIKE as the
fallback for words those cannot express. Functions take the session first,
return model dataclasses and never write.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from sqlalchemy import column, func, literal_column, select, table, union
from sqlalchemy.orm import Session

from tracker.model import (
    ArticleView,
    ClaimFilter,
    ClaimPage,
    FilterCounts,
    Remark,
    ReviewSummary,
    SentenceLabel,
    SourceTally,
    SourceType,
    Span,
    Stance,
    Status,
)
from tracker.model import Sentence as SentenceModel
from tracker.store.models import (
    CLAIMS_FTS,
    Article,
    Claim,
    Sentence,
    Source,
    SourceAlias,
    VerificationLink,
    has_fts,
)
from tracker.store.queries import (
    _like_pattern,
    article_row_from,
    claim_row_from,
    claims_select,
    filter_conditions,
)

_WORD = re.compile(r"\w+")
_FTS = table(CLAIMS_FTS, column("rowid"), column(CLAIMS_FTS))
_VERDICTS = (Status.VERIFIED, Status.DISPUTED, Status.UNVERIFIABLE)


def _sources_matching(word: str) -> Any:
    """Ids of the sources whose name or one of whose aliases contains ``word``."""
    pattern = _like_pattern(word)
    return union(
        select(Source.id).where(func.lower(Source.name).like(pattern, escape="\\")),
        select(SourceAlias.source_id).where(
            func.lower(SourceAlias.alias).like(pattern, escape="\\")
        ),
    )


def _content_matching(session: Session, word: str, fts: bool) -> Any:
    """Ids of the claims whose content holds ``word`` (by token prefix where indexed)."""
    tokens = _WORD.findall(word.casefold())
    dialect = session.get_bind().dialect.name
    if tokens and fts:
        query = " ".join(f'"{token}"*' for token in tokens)
        return select(_FTS.c.rowid).where(_FTS.c[CLAIMS_FTS].op("MATCH")(query))
    if tokens and dialect == "postgresql":
        query = " & ".join(f"'{token}':*" for token in tokens)
        vector = func.to_tsvector(literal_column("'simple'::regconfig"), Claim.content_text)
        matches = vector.op("@@")(func.to_tsquery(literal_column("'simple'::regconfig"), query))
        return select(Claim.id).where(matches)
    return select(Claim.id).where(
        func.lower(Claim.content_text).like(_like_pattern(word), escape="\\")
    )


def browse_conditions(session: Session, f: ClaimFilter) -> list[Any]:
    """WHERE conditions over ``claims`` alone (no join) for the claims ``f`` matches.

    Each search word is one ``id IN (content matches UNION claims of matching
    sources)``: both halves can use an index (FTS5 or GIN; ``source_id``),
    where an OR of the two could not.
    """
    conds = filter_conditions(replace(f, source=None, text=None))
    if f.source and f.source_id is None:
        conds.append(Claim.source_id.in_(_sources_matching(f.source)))
    words = (f.text or "").split()
    fts = bool(words) and has_fts(session)
    for word in words:
        by_source = select(Claim.id).where(Claim.source_id.in_(_sources_matching(word)))
        conds.append(Claim.id.in_(union(_content_matching(session, word, fts), by_source)))
    return conds


def claim_page(
    session: Session,
    f: ClaimFilter,
    *,
    after_id: int | None = None,
    before_id: int | None = None,
    limit: int = 100,
) -> ClaimPage:
    """Up to ``limit`` claims after ``after_id``, or the ``limit`` just before ``before_id``.

    With neither, the first page. Rows come in id order either way.
    """
    conds = browse_conditions(session, f)
    stmt = claims_select(ClaimFilter()).where(*conds)
    if before_id is not None:
        stmt = stmt.where(Claim.id < before_id).order_by(None).order_by(Claim.id.desc())
        rows = [claim_row_from(r) for r in session.execute(stmt.limit(limit + 1))]
        more = len(rows) > limit
        return ClaimPage(tuple(reversed(rows[:limit])), more_before=more, more_after=True)
    if after_id is not None:
        stmt = stmt.where(Claim.id > after_id)
    rows = [claim_row_from(r) for r in session.execute(stmt.limit(limit + 1))]
    return ClaimPage(
        tuple(rows[:limit]), more_before=after_id is not None, more_after=len(rows) > limit
    )


def last_page(session: Session, f: ClaimFilter, limit: int = 100) -> ClaimPage:
    """The last ``limit`` claims ``f`` matches, in id order."""
    conds = browse_conditions(session, f)
    stmt = claims_select(ClaimFilter()).where(*conds).order_by(None).order_by(Claim.id.desc())
    rows = [claim_row_from(r) for r in session.execute(stmt.limit(limit + 1))]
    return ClaimPage(tuple(reversed(rows[:limit])), more_before=len(rows) > limit, more_after=False)


def claim_window(
    session: Session, f: ClaimFilter, claim_id: int, before: int = 50, after: int = 100
) -> ClaimPage:
    """Claims around ``claim_id`` (included when ``f`` matches it), in id order."""
    head = claim_page(session, f, before_id=claim_id, limit=before)
    tail = claim_page(session, f, after_id=claim_id - 1, limit=after)
    return ClaimPage(
        head.rows + tail.rows, more_before=head.more_before, more_after=tail.more_after
    )


def filter_counts(session: Session, f: ClaimFilter) -> FilterCounts:
    """How many claims ``f`` shows, and reviewed / total over its scope (any status)."""
    conds = browse_conditions(session, replace(f, statuses=()))
    stmt = select(Claim.status, func.count()).where(*conds).group_by(Claim.status)
    by_status = {Status(status): n for status, n in session.execute(stmt)}
    total = sum(by_status.values())
    reviewed = total - by_status.get(Status.UNREVIEWED, 0)
    verdicts = [s for s in f.statuses if s is not Status.ORPHANED]
    shown = sum(by_status.get(s, 0) for s in verdicts) if f.statuses else total
    if Status.ORPHANED in f.statuses:  # orphaned claims of the other statuses
        extra = select(func.count()).where(*conds, Claim.orphaned.is_(True))
        if verdicts:
            extra = extra.where(Claim.status.not_in(verdicts))
        shown += int(session.scalar(extra) or 0)
    return FilterCounts(shown=shown, total=total, reviewed=reviewed)


def neighbour_claim(
    session: Session, f: ClaimFilter, from_id: int, *, forward: bool = True
) -> int | None:
    """The id of the nearest claim ``f`` matches after (or before) ``from_id``."""
    conds = browse_conditions(session, f)
    if forward:
        stmt = select(Claim.id).where(Claim.id > from_id, *conds).order_by(Claim.id)
    else:
        stmt = select(Claim.id).where(Claim.id < from_id, *conds).order_by(Claim.id.desc())
    found: int | None = session.scalar(stmt.limit(1))
    return found


def claim_matches(session: Session, f: ClaimFilter, claim_id: int) -> bool:
    conds = browse_conditions(session, f)
    return session.scalar(select(Claim.id).where(Claim.id == claim_id, *conds)) is not None


def article_view(session: Session, article_id: int) -> ArticleView | None:
    """One article with its sentences, its claims in text order and its remarks."""
    article = session.get(Article, article_id)
    if article is None:
        return None
    text = article.text
    sentences = tuple(
        SentenceModel(Span(s, e, text[s:e]), SentenceLabel(label))
        for s, e, label in session.execute(
            select(Sentence.start_char, Sentence.end_char, Sentence.label)
            .where(Sentence.article_id == article_id)
            .order_by(Sentence.ordinal)
        )
    )
    claims = tuple(
        claim_row_from(r)
        for r in session.execute(
            claims_select(ClaimFilter())
            .where(Claim.article_id == article_id)
            .order_by(None)
            .order_by(Claim.ordinal)
        )
    )
    remarks = tuple(
        Remark(Span(s, e, text[s:e]), Stance(stance), by)
        for s, e, stance, by in session.execute(
            select(
                VerificationLink.sentence_start,
                VerificationLink.sentence_end,
                VerificationLink.stance,
                VerificationLink.by_entity,
            )
            .where(VerificationLink.article_id == article_id)
            .order_by(VerificationLink.sentence_start)
        )
    )
    return ArticleView(article_row_from(article), text, sentences, claims, remarks)


def review_summary(session: Session, f: ClaimFilter, top: int = 12) -> ReviewSummary:
    """Counts by status over ``f``'s scope (any status) and its ``top`` sources."""
    conds = browse_conditions(session, replace(f, statuses=()))
    stmt = select(Claim.source_id, Claim.status, Claim.orphaned, func.count()).group_by(
        Claim.source_id, Claim.status, Claim.orphaned
    )
    if conds:
        stmt = stmt.where(*conds)
    per_status = dict.fromkeys((Status.UNREVIEWED, *_VERDICTS), 0)
    per_source: dict[int, dict[Status, int]] = {}
    orphaned = 0
    for source_id, status, is_orphaned, n in session.execute(stmt):
        per_status[Status(status)] = per_status.get(Status(status), 0) + n
        tally = per_source.setdefault(source_id, {})
        tally[Status(status)] = tally.get(Status(status), 0) + n
        orphaned += n if is_orphaned else 0
    ranked = sorted(per_source.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:top]
    names = {
        sid: (name, SourceType(kind))
        for sid, name, kind in session.execute(
            select(Source.id, Source.name, Source.type).where(
                Source.id.in_([sid for sid, _ in ranked])
            )
        )
    }
    sources = tuple(
        SourceTally(
            source_id=sid,
            name=names[sid][0],
            source_type=names[sid][1],
            verified=tally.get(Status.VERIFIED, 0),
            disputed=tally.get(Status.DISPUTED, 0),
            unverifiable=tally.get(Status.UNVERIFIABLE, 0),
            open=tally.get(Status.UNREVIEWED, 0),
        )
        for sid, tally in ranked
    )
    return ReviewSummary(
        by_status=tuple(per_status.items()),
        orphaned=orphaned,
        sources=sources,
        source_count=len(per_source),
    )
