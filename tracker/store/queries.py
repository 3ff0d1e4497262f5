"""Reading the store: claims by filter, single claims, articles, sources.

Owns the SELECTs that front ends need through ``tracker.ops``. Functions take
the session first, return model dataclasses (never ORM objects, so nothing
lazy-loads later) and never write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from tracker.model import (
    CONTENT_SEPARATOR,
    ArticleRow,
    ClaimDetail,
    ClaimFilter,
    ClaimRow,
    CueClass,
    Mode,
    Remark,
    SentenceLabel,
    SourceType,
    Span,
    Stance,
    Status,
)
from tracker.model import Sentence as SentenceModel
from tracker.store.log import review_entry
from tracker.store.models import (
    Article,
    Claim,
    LinkTarget,
    Review,
    Sentence,
    Source,
    SourceAlias,
    VerificationLink,
)

CLAIM_COLUMNS = (
    Claim.id,
    Claim.article_id,
    Claim.ordinal,
    Claim.status,
    Claim.version,
    Claim.orphaned,
    Claim.source_id,
    Source.name,
    Source.type,
    Claim.source_start,
    Claim.source_end,
    Claim.source_text,
    Claim.cue_start,
    Claim.cue_end,
    Claim.cue_text,
    Claim.cue_class,
    Claim.content_spans,
    Claim.content_text,
    Claim.mode,
    Claim.hedges,
    Claim.speech_date,
    Claim.speech_date_text,
    Claim.created_at,
    Claim.updated_at,
)


def content_parts(spans: Sequence[Sequence[int]], content_text: str) -> tuple[Span, ...]:
    """Rebuild the content spans from their offsets and the joined ``content_text``.

    Each part's length is its span's length, so splitting is exact even when
    the text itself contains the separator.
    """
    parts: list[Span] = []
    pos = 0
    for start, end in spans:
        parts.append(Span(start, end, content_text[pos : pos + (end - start)]))
        pos += (end - start) + len(CONTENT_SEPARATOR)
    return tuple(parts)


def _span(start: int | None, end: int | None, text: str | None) -> Span | None:
    if start is None or end is None:
        return None
    return Span(start, end, text or "")


def claim_row_from(r: Any) -> ClaimRow:
    """A ``ClaimRow`` from one result row of ``CLAIM_COLUMNS``."""
    return ClaimRow(
        id=r.id,
        article_id=r.article_id,
        ordinal=r.ordinal,
        status=Status(r.status),
        version=r.version,
        orphaned=bool(r.orphaned),
        source_id=r.source_id,
        source_entity=r.name,
        source_type=SourceType(r.type),
        source=_span(r.source_start, r.source_end, r.source_text),
        cue=_span(r.cue_start, r.cue_end, r.cue_text),
        cue_class=CueClass(r.cue_class),
        content=content_parts(r.content_spans, r.content_text),
        mode=Mode(r.mode),
        hedges=tuple(r.hedges or ()),
        speech_date=r.speech_date,
        speech_date_text=r.speech_date_text,
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


def _like_pattern(text: str) -> str:
    escaped = text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filter_conditions(f: ClaimFilter) -> list[Any]:
    """WHERE conditions for ``f`` over ``claims`` joined to ``sources``."""
    conds: list[Any] = []
    verdicts = [s for s in f.statuses if s is not Status.ORPHANED]
    if Status.ORPHANED in f.statuses and verdicts:
        conds.append(or_(Claim.orphaned.is_(True), Claim.status.in_(verdicts)))
    elif Status.ORPHANED in f.statuses:
        conds.append(Claim.orphaned.is_(True))
    elif verdicts:
        conds.append(Claim.status.in_(verdicts))
    if f.article_id is not None:
        conds.append(Claim.article_id == f.article_id)
    if f.cue_classes:
        conds.append(Claim.cue_class.in_(f.cue_classes))
    if f.source_id is not None:
        conds.append(Claim.source_id == f.source_id)
    elif f.source:
        pattern = _like_pattern(f.source)
        alias_match = exists().where(
            and_(
                SourceAlias.source_id == Claim.source_id,
                func.lower(SourceAlias.alias).like(pattern, escape="\\"),
            )
        )
        conds.append(or_(func.lower(Source.name).like(pattern, escape="\\"), alias_match))
    if f.hedged:
        conds.append(func.coalesce(func.json_array_length(Claim.hedges), 0) > 0)
    if f.has_remark:
        conds.append(exists().where(LinkTarget.claim_id == Claim.id))
    for word in (f.text or "").split():
        pattern = _like_pattern(word)
        conds.append(
            or_(
                func.lower(Claim.content_text).like(pattern, escape="\\"),
                func.lower(Source.name).like(pattern, escape="\\"),
            )
        )
    return conds


def claims_select(f: ClaimFilter) -> Select[*tuple[Any, ...]]:
    """SELECT of ``CLAIM_COLUMNS`` for the claims ``f`` matches, in id order."""
    stmt = select(*CLAIM_COLUMNS).join(Source, Source.id == Claim.source_id)
    conds = filter_conditions(f)
    if conds:
        stmt = stmt.where(*conds)
    return stmt.order_by(Claim.id)


def list_claims(
    session: Session, f: ClaimFilter, after_id: int | None = None, limit: int | None = None
) -> list[ClaimRow]:
    """One page of claims in id order, starting after ``after_id`` (keyset pagination)."""
    stmt = claims_select(f)
    if after_id is not None:
        stmt = stmt.where(Claim.id > after_id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [claim_row_from(r) for r in session.execute(stmt)]


def count_claims(session: Session, f: ClaimFilter) -> int:
    stmt = select(func.count()).select_from(Claim).join(Source, Source.id == Claim.source_id)
    conds = filter_conditions(f)
    if conds:
        stmt = stmt.where(*conds)
    return int(session.scalar(stmt) or 0)


def get_claim(session: Session, claim_id: int) -> ClaimRow | None:
    r = session.execute(claims_select(ClaimFilter()).where(Claim.id == claim_id)).first()
    return claim_row_from(r) if r else None


def article_row_from(a: Article) -> ArticleRow:
    return ArticleRow(
        id=a.id,
        sha256=a.sha256,
        title=a.title,
        outlet=a.outlet,
        url=a.url,
        path=a.path,
        published=a.published,
        ingested_at=a.ingested_at,
        encoding=a.encoding,
    )


def get_article(session: Session, article_id: int) -> ArticleRow | None:
    a = session.get(Article, article_id)
    return article_row_from(a) if a else None


def article_text(session: Session, article_id: int) -> str | None:
    return session.scalar(select(Article.text).where(Article.id == article_id))


def article_sentences(session: Session, article_id: int) -> list[tuple[int, int, SentenceLabel]]:
    """``(start, end, label)`` of every sentence of an article, in order."""
    rows = session.execute(
        select(Sentence.start_char, Sentence.end_char, Sentence.label)
        .where(Sentence.article_id == article_id)
        .order_by(Sentence.ordinal)
    )
    return [(s, e, SentenceLabel(label)) for s, e, label in rows]


def article_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Article)) or 0)


def latest_ingest(session: Session) -> dt.datetime | None:
    return session.scalar(select(func.max(Article.ingested_at)))


def claim_detail(session: Session, claim_id: int, context: int = 2) -> ClaimDetail | None:
    """A claim with its article, sentences around it, remarks, history and source facts."""
    claim = get_claim(session, claim_id)
    if claim is None:
        return None
    article_obj = session.get(Article, claim.article_id)
    assert article_obj is not None  # claims.article_id is a foreign key
    text = article_obj.text
    sentence_ordinal = (
        session.scalar(select(Claim.sentence_ordinal).where(Claim.id == claim_id)) or 0
    )
    rows = session.execute(
        select(Sentence.ordinal, Sentence.start_char, Sentence.end_char, Sentence.label)
        .where(
            Sentence.article_id == claim.article_id,
            Sentence.ordinal.between(sentence_ordinal - context, sentence_ordinal + context),
        )
        .order_by(Sentence.ordinal)
    ).all()
    around = tuple(
        SentenceModel(Span(s, e, text[s:e]), SentenceLabel(label)) for _, s, e, label in rows
    )
    own = next((Span(s, e, text[s:e]) for o, s, e, _ in rows if o == sentence_ordinal), None)
    if own is None:  # no sentence rows (should not happen): fall back to the cue's line
        anchor = claim.cue or claim.content[0]
        own = Span(anchor.start, anchor.end, anchor.text)
    remark_rows = session.execute(
        select(
            VerificationLink.sentence_start,
            VerificationLink.sentence_end,
            VerificationLink.stance,
            VerificationLink.by_entity,
        )
        .join(LinkTarget, LinkTarget.link_id == VerificationLink.id)
        .where(LinkTarget.claim_id == claim_id)
        .order_by(VerificationLink.sentence_start)
    ).all()
    remarks = tuple(
        Remark(Span(s, e, text[s:e]), Stance(stance), by) for s, e, stance, by in remark_rows
    )
    history = tuple(
        review_entry(r)
        for r in session.scalars(
            select(Review).where(Review.claim_id == claim_id).order_by(Review.seq)
        )
    )
    source_claims = int(
        session.scalar(select(func.count()).where(Claim.source_id == claim.source_id)) or 0
    )
    aliases = tuple(
        session.scalars(
            select(SourceAlias.alias)
            .where(SourceAlias.source_id == claim.source_id)
            .order_by(SourceAlias.alias)
        )
    )
    return ClaimDetail(
        claim=claim,
        article=article_row_from(article_obj),
        sentence=own,
        context=around,
        remarks=remarks,
        history=history,
        source_claims=source_claims,
        source_aliases=aliases,
    )
