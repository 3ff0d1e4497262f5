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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Connection,
    Dialect,
    delete,
    exists,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from tracker.model import CONTENT_SEPARATOR, ParsedArticle, SourceType, Status
from tracker.store.models import (
    FTS_INDEX_NEW,
    Article,
    Claim,
    LinkTarget,
    Review,
    Sentence,
    Source,
    SourceAlias,
    VerificationLink,
    has_fts,
    surname_of,
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


@lru_cache(maxsize=4096)
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


Row = tuple[Any, ...]


def insert_returning_ids(
    session: Session, model: Any, columns: Sequence[str], rows: Sequence[Row]
) -> list[int]:
    """Insert ``rows`` (values in ``columns`` order) in one executemany; returns their new
    ids in the order given.

    SQLite writers hold the database's write lock (BEGIN IMMEDIATE), so ids are
    assigned here from max(id) and the rows go in as one plain executemany,
    several times faster than RETURNING. PostgreSQL has concurrent writers and
    uses its sequence through RETURNING.
    """
    if not rows:
        return []
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        first = int(conn.execute(select(func.coalesce(func.max(model.id), 0))).scalar_one()) + 1
        ids = list(range(first, first + len(rows)))
        bulk_insert(
            conn, model, ("id", *columns), [(i, *row) for i, row in zip(ids, rows, strict=True)]
        )
        return ids
    stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(
        conn.execute(stmt, [dict(zip(columns, row, strict=True)) for row in rows]).scalars()
    )


def bulk_insert(
    conn: Connection,
    model: Any,
    columns: Sequence[str],
    rows: Sequence[Row],
    ignore_conflicts: bool = False,
) -> None:
    """Insert ``rows`` (values in ``columns`` order) in one executemany.

    On SQLite the rows go to the driver as they are, each column converted here by
    its own type (``bind_processor``: enums, JSON, dates), each distinct value once:
    SQLAlchemy's per-row parameter handling cost twice the insert itself. Other
    databases take the usual Core executemany. ``ignore_conflicts`` skips rows that
    would break a unique constraint.
    """
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect == "sqlite":
        sql, converters = _driver_insert(conn.dialect, model, tuple(columns), ignore_conflicts)
        conn.exec_driver_sql(sql, _converted(rows, converters) if converters else list(rows))
        return
    stmt = insert(model)
    if ignore_conflicts and dialect == "postgresql":
        stmt = pg_insert(model).on_conflict_do_nothing()
    conn.execute(stmt, [dict(zip(columns, row, strict=True)) for row in rows])


Converter = Callable[[Any], Any]


@lru_cache(maxsize=64)
def _driver_insert(
    dialect: Dialect, model: Any, columns: tuple[str, ...], ignore_conflicts: bool
) -> tuple[str, tuple[tuple[int, Converter], ...]]:
    """The driver-level INSERT for ``columns`` (qmark style, SQLite's) and the conversion
    of each column that has one."""
    quote = dialect.identifier_preparer.quote
    table = model.__table__
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join('?' for _ in columns)})"
        + (" ON CONFLICT DO NOTHING" if ignore_conflicts else "")
    )
    converters = []
    for i, name in enumerate(columns):
        # The dialect's own form of the type, as SQLAlchemy binds it: SQLite's DATETIME and
        # DATE become strings here, not objects left to the driver's (deprecated) adapters.
        convert = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if convert is not None:
            converters.append((i, convert))
    return sql, tuple(converters)


def _converted(params: Sequence[Row], converters: tuple[tuple[int, Converter], ...]) -> list[Row]:
    """``params`` with ``converters`` applied, column by column: each distinct value of a
    column converted once (a column holding values that cannot be hashed, one by one)."""
    columns: list[Sequence[Any]] = list(zip(*params, strict=True))
    for i, convert in converters:
        column = columns[i]
        try:
            once = {value: convert(value) for value in set(column)}
        except TypeError:
            columns[i] = list(map(convert, column))
        else:
            columns[i] = list(map(once.__getitem__, column))
    return list(zip(*columns, strict=True))


def _insert_aliases(session: Session, rows: Sequence[tuple[int, str]]) -> None:
    """``(source_id, alias)`` rows; an alias the source already has is skipped."""
    conn = session.connection()
    bulk_insert(conn, SourceAlias, ("source_id", "alias"), rows, ignore_conflicts=True)


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
        bulk_insert(
            session.connection(),
            Source,
            ("name", "match_key", "type", "surname"),
            [(entities[k][0][:500], k, entities[k][1], surname_of(k)) for k in missing],
            ignore_conflicts=True,
        )
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            ids.update(_source_ids(session, chunk))
    return ids


def person_sources(session: Session, surnames: Iterable[str]) -> dict[str, int]:
    """Stored person sources whose name ends with one of ``surnames``, with their claim counts."""
    wanted = sorted(set(surnames))
    found: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        rows = session.execute(
            select(Source.name, func.count(Claim.id))
            .outerjoin(Claim, Claim.source_id == Source.id)
            .where(Source.type == SourceType.PERSON, Source.surname.in_(chunk))
            .group_by(Source.id, Source.name)
        )
        found.update((name, int(n)) for name, n in rows)
    return found


def merge_source(session: Session, old_name: str, new_name: str) -> None:
    """Rename a stored source, or fold it into the source that already has the new name.

    The old spelling stays as an alias, so searches by it still find the claims.
    """
    old_key, new_key = source_key(old_name), source_key(new_name)
    old_id = session.scalar(select(Source.id).where(Source.match_key == old_key))
    if old_id is None or old_key == new_key:
        return
    new_id = session.scalar(select(Source.id).where(Source.match_key == new_key))
    if new_id is None:
        session.execute(
            update(Source)
            .where(Source.id == old_id)
            .values(name=new_name[:500], match_key=new_key, surname=surname_of(new_key))
        )
        new_id = old_id
    else:
        session.execute(update(Claim).where(Claim.source_id == old_id).values(source_id=new_id))
        aliases = list(
            session.scalars(select(SourceAlias.alias).where(SourceAlias.source_id == old_id))
        )
        session.execute(delete(SourceAlias).where(SourceAlias.source_id == old_id))
        _insert_aliases(session, [(new_id, a) for a in aliases])
        session.execute(delete(Source).where(Source.id == old_id))
    _insert_aliases(session, [(new_id, old_name[:500])])


_ARTICLE_COLUMNS = (
    "sha256",
    "title",
    "outlet",
    "url",
    "path",
    "published",
    "text",
    "encoding",
    "parser_version",
    "ingested_at",
)


def insert_articles(
    session: Session, batch: Sequence[NewArticle], now: dt.datetime
) -> list[tuple[int, int]]:
    """Store whole articles with their sentences, sources, claims and links.

    Returns ``(article_id, claims stored)`` per article, in order.
    """
    if not batch:
        return []
    article_ids = insert_returning_ids(
        session,
        Article,
        _ARTICLE_COLUMNS,
        [
            (
                item.sha256,
                item.title,
                item.outlet,
                item.url,
                item.path,
                item.parsed.published,
                item.parsed.text,
                item.encoding,
                item.parser_version,
                now,
            )
            for item in batch
        ],
    )
    insert_sentences(
        session,
        [(article_id, item.parsed) for article_id, item in zip(article_ids, batch, strict=True)],
    )
    source_ids = register_sources(session, [item.parsed for item in batch])

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


def insert_sentences(session: Session, articles: Sequence[tuple[int, ParsedArticle]]) -> None:
    """The sentences of every article, in one executemany (a statement per article costs
    more than its rows)."""
    rows = [
        (article_id, ordinal, sentence.span.start, sentence.span.end, sentence.label)
        for article_id, parsed in articles
        for ordinal, sentence in enumerate(parsed.sentences)
    ]
    columns = ("article_id", "ordinal", "start_char", "end_char", "label")
    bulk_insert(session.connection(), Sentence, columns, rows)


def register_sources(session: Session, parsed: Sequence[ParsedArticle]) -> dict[str, int]:
    """Source ids (by ``source_key``) for every claim's entity, with the mentions as aliases."""
    entities: dict[str, tuple[str, SourceType]] = {}
    for article in parsed:
        for c in article.claims:
            entities.setdefault(source_key(c.source_entity), (c.source_entity, c.source_type))
    source_ids = ensure_sources(session, entities)
    alias_rows = {
        (source_ids[source_key(c.source_entity)], c.source.text[:500])
        for article in parsed
        for c in article.claims
        if c.source is not None
    }
    _insert_aliases(session, sorted(alias_rows))
    return source_ids


CLAIM_COLUMNS = (
    "article_id",
    "ordinal",
    "sentence_ordinal",
    "source_id",
    "source_start",
    "source_end",
    "source_text",
    "cue_start",
    "cue_end",
    "cue_text",
    "cue_class",
    "content_spans",
    "content_text",
    "mode",
    "hedges",
    "speech_date",
    "speech_date_text",
    "status",
    "version",
    "orphaned",
    "fingerprint",
    "created_at",
    "updated_at",
)


def claim_row(
    article_id: int,
    ordinal: int,
    parsed: ParsedArticle,
    source_ids: dict[str, int],
    now: dt.datetime,
) -> Row:
    """The ``claims`` row (``CLAIM_COLUMNS``) for the parser's claim ``ordinal`` in ``parsed``."""
    c = parsed.claims[ordinal]
    content_text = CONTENT_SEPARATOR.join([s.text for s in c.content])
    # The JSON columns (content spans, hedges) as tuples: hashable, so the SQLite bulk path
    # encodes each distinct value once (most claims share the empty hedges).
    source, cue = c.source, c.cue
    return (
        article_id,
        ordinal,
        c.sentence_index,
        source_ids[source_key(c.source_entity)],
        source.start if source else None,
        source.end if source else None,
        source.text[:1000] if source else None,
        cue.start if cue else None,
        cue.end if cue else None,
        cue.text[:200] if cue else None,
        c.cue_class,
        tuple([(s.start, s.end) for s in c.content]),
        content_text,
        c.mode,
        c.hedges,
        c.speech_date,
        c.speech_date_text[:200] if c.speech_date_text else None,
        Status.UNREVIEWED,
        1,
        False,
        claim_fingerprint(c.source_entity, content_text),
        now,
        now,
    )


def insert_claims(
    session: Session,
    articles: Sequence[tuple[int, ParsedArticle]],
    source_ids: dict[str, int],
    now: dt.datetime,
) -> list[list[int]]:
    """Insert every claim of ``articles``; returns the new claim ids per article."""
    ids = insert_claim_rows(
        session,
        [
            claim_row(article_id, ordinal, parsed, source_ids, now)
            for article_id, parsed in articles
            for ordinal in range(len(parsed.claims))
        ],
    )
    out: list[list[int]] = []
    pos = 0
    for _, parsed in articles:
        out.append(ids[pos : pos + len(parsed.claims)])
        pos += len(parsed.claims)
    return out


def insert_claim_rows(session: Session, rows: list[Row]) -> list[int]:
    """Insert ``claims`` rows (``CLAIM_COLUMNS``), indexed for search; returns their new ids
    in the order given."""
    ids = insert_returning_ids(session, Claim, CLAIM_COLUMNS, rows)
    if ids and has_fts(session):
        # SQLite ids of one insert are consecutive (``insert_returning_ids``).
        session.execute(text(FTS_INDEX_NEW), {"first": ids[0], "last": ids[-1]})
    return ids


def insert_links(
    session: Session, articles: Sequence[tuple[int, ParsedArticle, list[int]]]
) -> None:
    """Insert the verification links of each article, pointing at its stored claim ids."""
    link_rows: list[Row] = []
    targets: list[tuple[int, ...]] = []
    for article_id, parsed, claim_ids in articles:
        for link in parsed.links:
            link_rows.append(
                (article_id, link.sentence.start, link.sentence.end, link.stance, link.by[:500])
            )
            targets.append(tuple(claim_ids[i] for i in link.target_claims if i < len(claim_ids)))
    if not link_rows:
        return
    columns = ("article_id", "sentence_start", "sentence_end", "stance", "by_entity")
    link_ids = insert_returning_ids(session, VerificationLink, columns, link_rows)
    target_rows = [
        (link_id, claim_id)
        for link_id, claim_ids in zip(link_ids, targets, strict=True)
        for claim_id in dict.fromkeys(claim_ids)
    ]
    bulk_insert(session.connection(), LinkTarget, ("link_id", "claim_id"), target_rows)


# -- re-parsing stored articles ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """What re-parsing needs to know of a claim already stored."""

    id: int
    source_key: str
    fingerprint: str
    content_spans: tuple[tuple[int, int], ...]
    reviewed: bool
    """It has log entries: it must never be deleted."""


def article_ids(session: Session, after_id: int = 0, limit: int = 500) -> list[int]:
    stmt = select(Article.id).where(Article.id > after_id).order_by(Article.id).limit(limit)
    return list(session.scalars(stmt))


def article_for_reparse(session: Session, article_id: int) -> tuple[str, dt.date | None] | None:
    """The text and publication date of an article, locked against a concurrent re-parse."""
    stmt = select(Article.text, Article.published).where(Article.id == article_id)
    row = session.execute(stmt.with_for_update()).first()
    return (row.text, row.published) if row else None


def stored_claims(session: Session, article_id: int) -> list[StoredClaim]:
    reviewed = exists().where(Review.claim_id == Claim.id)
    rows = session.execute(
        select(Claim.id, Source.match_key, Claim.fingerprint, Claim.content_spans, reviewed)
        .join(Source, Source.id == Claim.source_id)
        .where(Claim.article_id == article_id)
        .order_by(Claim.id)
    )
    return [
        StoredClaim(cid, key, fp, tuple((int(a), int(b)) for a, b in spans), bool(has_log))
        for cid, key, fp, spans, has_log in rows
    ]


def apply_reparse(
    session: Session,
    article_id: int,
    parsed: ParsedArticle,
    carried: dict[int, int],
    orphan_ids: Sequence[int],
    delete_ids: Sequence[int],
    parser_version: str,
    now: dt.datetime,
) -> list[int]:
    """Replace an article's parse, keeping reviewed claims.

    ``carried`` maps a new claim's index to the stored claim that keeps its id,
    status, version and log; ``orphan_ids`` are reviewed claims the new parse no
    longer finds; ``delete_ids`` are unreviewed claims it replaces. Returns the
    claim id of every new claim, in the parser's order.
    """
    session.execute(delete(Sentence).where(Sentence.article_id == article_id))
    session.execute(delete(VerificationLink).where(VerificationLink.article_id == article_id))
    if delete_ids:
        session.execute(delete(Claim).where(Claim.id.in_(list(delete_ids))))
    if orphan_ids:
        session.execute(
            update(Claim)
            .where(Claim.id.in_(list(orphan_ids)))
            .values(orphaned=True, updated_at=now)
        )
    insert_sentences(session, [(article_id, parsed)])
    source_ids = register_sources(session, [parsed])
    kept_fields = ("status", "version", "created_at")
    for index, claim_id in carried.items():
        row = claim_row(article_id, index, parsed, source_ids, now)
        values = {k: v for k, v in zip(CLAIM_COLUMNS, row, strict=True) if k not in kept_fields}
        session.execute(update(Claim).where(Claim.id == claim_id).values(**values))
    fresh = [i for i in range(len(parsed.claims)) if i not in carried]
    new_ids = insert_claim_rows(
        session, [claim_row(article_id, i, parsed, source_ids, now) for i in fresh]
    )
    ids_by_index = {**carried, **dict(zip(fresh, new_ids, strict=True))}
    claim_ids = [ids_by_index[i] for i in range(len(parsed.claims))]
    insert_links(session, [(article_id, parsed, claim_ids)])
    session.execute(
        update(Article).where(Article.id == article_id).values(parser_version=parser_version)
    )
    return claim_ids
