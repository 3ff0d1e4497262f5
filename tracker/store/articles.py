"""Writing parsed articles: articles, sentences, sources, claims and links in bulk.

Owns the mapping from ``ParsedArticle`` to rows and the batched Core inserts
that store them (ORM unit-of-work is several times slower for this volume).
Functions take the session first and never commit: the caller's transaction
decides what is one user action.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from tracker.model import ParsedArticle, SourceType, Status
from tracker.store.models import (
    Article,
    Claim,
    LinkTarget,
    Sentence,
    Source,
    SourceAlias,
    VerificationLink,
)


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article ready to be stored: its text, where it came from, what the parser found."""

    parsed: ParsedArticle
    sha256: str
    encoding: str
    parser_version: str
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def source_key(name: str) -> str:
    """The identity of a source across articles: its canonical name, case- and space-folded."""
    folded = unicodedata.normalize("NFKC", name).casefold().replace("’", "'")
    return " ".join(folded.split())[:600]


def claim_fingerprint(source_entity: str, content_text: str) -> str:
    """What a re-parse compares to recognise a claim it found before."""
    norm = " ".join(unicodedata.normalize("NFKC", content_text).casefold().split())
    return hashlib.sha256(f"{source_key(source_entity)}\x00{norm}".encode()).hexdigest()


def known_hashes(session: Session, hashes: Iterable[str]) -> dict[str, int]:
    """Article ids of those ``hashes`` that are already stored."""
    wanted = list(set(hashes))
    found: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        rows = session.execute(select(Article.sha256, Article.id).where(Article.sha256.in_(chunk)))
        found.update((sha, article_id) for sha, article_id in rows)
    return found


def _insert_ignoring_conflicts(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(pg_insert(table).on_conflict_do_nothing(), rows)
    elif dialect == "sqlite":
        session.execute(sqlite_insert(table).on_conflict_do_nothing(), rows)
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        session.execute(insert(table), rows)


def _source_ids(session: Session, keys: list[str]) -> dict[str, int]:
    rows = session.execute(select(Source.match_key, Source.id).where(Source.match_key.in_(keys)))
    return {key: source_id for key, source_id in rows}


def ensure_sources(session: Session, entities: dict[str, tuple[str, SourceType]]) -> dict[str, int]:
    """Source ids for ``{key: (canonical name, type)}``, creating the missing ones.

    Safe against another writer creating the same source at the same time:
    inserts ignore conflicts and the ids are read back afterwards.
    """
    ids: dict[str, int] = {}
    keys = list(entities)
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        ids.update(_source_ids(session, chunk))
    missing = [k for k in keys if k not in ids]
    if missing:
        _insert_ignoring_conflicts(
            session,
            Source,
            [
                {"name": entities[k][0][:500], "match_key": k, "type": entities[k][1]}
                for k in missing
            ],
        )
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            ids.update(_source_ids(session, chunk))
    return ids


def insert_articles(
    session: Session, batch: Sequence[NewArticle], now: dt.datetime
) -> list[tuple[int, int]]:
    """Store whole articles with their sentences, sources, claims and links.

    Returns ``(article_id, claims stored)`` per article, in order.
    """
    if not batch:
        return []
    article_ids = list(
        session.scalars(
            insert(Article).returning(Article.id, sort_by_parameter_order=True),
            [
                {
                    "sha256": item.sha256,
                    "title": item.title,
                    "outlet": item.outlet,
                    "url": item.url,
                    "path": item.path,
                    "published": item.parsed.published,
                    "text": item.parsed.text,
                    "encoding": item.encoding,
                    "parser_version": item.parser_version,
                    "ingested_at": now,
                }
                for item in batch
            ],
        )
    )
    sentence_rows = [
        {
            "article_id": article_id,
            "ordinal": ordinal,
            "start_char": s.span.start,
            "end_char": s.span.end,
            "label": s.label,
        }
        for article_id, item in zip(article_ids, batch, strict=True)
        for ordinal, s in enumerate(item.parsed.sentences)
    ]
    if sentence_rows:
        session.execute(insert(Sentence), sentence_rows)

    entities: dict[str, tuple[str, SourceType]] = {}
    for item in batch:
        for c in item.parsed.claims:
            entities.setdefault(source_key(c.source_entity), (c.source_entity, c.source_type))
    source_ids = ensure_sources(session, entities)
    alias_rows = {
        (source_ids[source_key(c.source_entity)], c.source.text)
        for item in batch
        for c in item.parsed.claims
        if c.source is not None
    }
    _insert_ignoring_conflicts(
        session, SourceAlias, [{"source_id": s, "alias": a[:500]} for s, a in sorted(alias_rows)]
    )

    claim_ids_per_article = insert_claims(
        session,
        [(article_id, item.parsed) for article_id, item in zip(article_ids, batch, strict=True)],
        source_ids,
        now,
    )
    insert_links(
        session,
        [
            (article_id, item.parsed, claim_ids)
            for article_id, item, claim_ids in zip(
                article_ids, batch, claim_ids_per_article, strict=True
            )
        ],
    )
    return [(a, len(ids)) for a, ids in zip(article_ids, claim_ids_per_article, strict=True)]


def claim_row(
    article_id: int,
    ordinal: int,
    parsed: ParsedArticle,
    source_ids: dict[str, int],
    now: dt.datetime,
) -> dict[str, Any]:
    """The ``claims`` row for the parser's claim number ``ordinal`` in ``parsed``."""
    c = parsed.claims[ordinal]
    content_text = " … ".join(s.text for s in c.content)
    return {
        "article_id": article_id,
        "ordinal": ordinal,
        "sentence_ordinal": c.sentence_index,
        "source_id": source_ids[source_key(c.source_entity)],
        "source_start": c.source.start if c.source else None,
        "source_end": c.source.end if c.source else None,
        "source_text": c.source.text[:1000] if c.source else None,
        "cue_start": c.cue.start if c.cue else None,
        "cue_end": c.cue.end if c.cue else None,
        "cue_text": c.cue.text[:200] if c.cue else None,
        "cue_class": c.cue_class,
        "content_spans": [[s.start, s.end] for s in c.content],
        "content_text": content_text,
        "mode": c.mode,
        "hedges": list(c.hedges),
        "speech_date": c.speech_date,
        "speech_date_text": c.speech_date_text[:200] if c.speech_date_text else None,
        "status": Status.UNREVIEWED,
        "version": 1,
        "orphaned": False,
        "fingerprint": claim_fingerprint(c.source_entity, content_text),
        "created_at": now,
        "updated_at": now,
    }


def insert_claims(
    session: Session,
    articles: Sequence[tuple[int, ParsedArticle]],
    source_ids: dict[str, int],
    now: dt.datetime,
) -> list[list[int]]:
    """Insert every claim of ``articles``; returns the new claim ids per article."""
    rows = [
        claim_row(article_id, ordinal, parsed, source_ids, now)
        for article_id, parsed in articles
        for ordinal in range(len(parsed.claims))
    ]
    ids = (
        list(session.scalars(insert(Claim).returning(Claim.id, sort_by_parameter_order=True), rows))
        if rows
        else []
    )
    out: list[list[int]] = []
    pos = 0
    for _, parsed in articles:
        out.append(ids[pos : pos + len(parsed.claims)])
        pos += len(parsed.claims)
    return out


def insert_links(
    session: Session, articles: Sequence[tuple[int, ParsedArticle, list[int]]]
) -> None:
    """Insert the verification links of each article, pointing at its stored claim ids."""
    link_rows: list[dict[str, Any]] = []
    targets: list[tuple[int, ...]] = []
    for article_id, parsed, claim_ids in articles:
        for link in parsed.links:
            link_rows.append(
                {
                    "article_id": article_id,
                    "sentence_start": link.sentence.start,
                    "sentence_end": link.sentence.end,
                    "stance": link.stance,
                    "by_entity": link.by[:500],
                }
            )
            targets.append(tuple(claim_ids[i] for i in link.target_claims if i < len(claim_ids)))
    if not link_rows:
        return
    link_ids = list(
        session.scalars(
            insert(VerificationLink).returning(VerificationLink.id, sort_by_parameter_order=True),
            link_rows,
        )
    )
    target_rows = [
        {"link_id": link_id, "claim_id": claim_id}
        for link_id, claim_ids in zip(link_ids, targets, strict=True)
        for claim_id in dict.fromkeys(claim_ids)
    ]
    if target_rows:
        session.execute(insert(LinkTarget), target_rows)
