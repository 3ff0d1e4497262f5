"""SQLAlchemy 2 typed models: the tables of the store.

Owns the table definitions (and so the DDL that ``schema.sql`` carries). Must
not hold queries or business rules: those live in ``store/queries.py`` and
``tracker/ops``. Enums are stored as short strings with CHECK constraints so
the same models serve SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    column,
    select,
    table,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from tracker.model import CueClass, Mode, SentenceLabel, SourceType, Stance, Status

GENESIS_HASH = "0" * 64


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware UTC datetime on every backend.

    SQLite keeps no zone, so values are converted to UTC before they are
    stored and read back as UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        utc = value.astimezone(dt.UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def _enum(kind: type[StrEnum]) -> Enum:
    """A portable enum column: VARCHAR, checked by ``_one_of`` in the table's arguments."""
    return Enum(
        kind,
        native_enum=False,
        create_constraint=False,
        length=max(len(v.value) for v in kind),
        values_callable=lambda k: [member.value for member in k],
        validate_strings=True,
    )


def _one_of(column_name: str, kind: type[StrEnum], name: str) -> CheckConstraint:
    """CHECK that ``column_name`` holds one of ``kind``'s values.

    Written as ``col = 'a' OR col = 'b' ...``: SQLite evaluates a CHECK with ``IN (...)``
    of three or more values by building a temporary table for every row written,
    which made these checks about a seventh of an ingest's writing.
    """
    return CheckConstraint(
        " OR ".join(f"{column_name} = '{member.value}'" for member in kind), name=name
    )


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    """Hex sha256 of the decoded text (UTF-8): the same text is stored once."""
    title: Mapped[str | None] = mapped_column(String(1000))
    outlet: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(2000))
    path: Mapped[str | None] = mapped_column(String(4096))
    """Where the text was read from, as given on the command line; ``-`` for stdin."""
    published: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    """The article exactly as read and decoded; every offset indexes this."""
    encoding: Mapped[str] = mapped_column(String(32))
    """The encoding the bytes were decoded from (utf-8, utf-8-sig, utf-16, ...)."""
    parser_version: Mapped[str] = mapped_column(String(32))
    ingested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Source(Base):
    """One canonical entity, shared across articles (same canonical name, same row)."""

    __tablename__ = "sources"
    __table_args__ = (
        Index("ix_sources_type_surname", "type", "surname"),
        _one_of("type", SourceType, "source_type"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    match_key: Mapped[str] = mapped_column(String(600), unique=True)
    """Case-folded name plus type: the identity used to merge mentions across articles."""
    type: Mapped[SourceType] = mapped_column(_enum(SourceType))
    surname: Mapped[str | None] = mapped_column(String(600))
    """Last word of ``match_key`` (``surname_of``): how a new name finds the stored
    people who share its surname, by index rather than by scanning every source."""


def surname_of(match_key: str) -> str:
    """The ``sources.surname`` of a ``match_key``: its last word."""
    return match_key.rsplit(" ", 1)[-1]


class SourceAlias(Base):
    """A way the text referred to a source ("Ms Malyar", "She", "the MoD")."""

    __tablename__ = "source_aliases"
    __table_args__ = (UniqueConstraint("source_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(500))


class Sentence(Base):
    __tablename__ = "sentences"
    __table_args__ = (
        UniqueConstraint("article_id", "ordinal"),
        CheckConstraint("start_char >= 0 AND end_char >= start_char", name="sentence_span"),
        _one_of("label", SentenceLabel, "sentence_label"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    """Position in the article, from 0."""
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    """End-exclusive offset into ``articles.text``."""
    label: Mapped[SentenceLabel] = mapped_column(_enum(SentenceLabel))


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_status_id", "status", "id"),
        # the review queue's keyset pages and counters (unreviewed speech claims first)
        Index("ix_claims_cue_status_id", "cue_class", "status", "id"),
        Index("ix_claims_source_id", "source_id", "id"),
        Index("ix_claims_article_ordinal", "article_id", "ordinal"),
        CheckConstraint("version >= 1", name="claim_version_positive"),
        _one_of("cue_class", CueClass, "cue_class"),
        _one_of("mode", Mode, "claim_mode"),
        _one_of("status", Status, "claim_status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer)
    """Position among the article's claims, from 0."""
    sentence_ordinal: Mapped[int] = mapped_column(Integer)
    """``sentences.ordinal`` of the sentence holding the cue."""
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    source_text: Mapped[str | None] = mapped_column(String(1000))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    cue_text: Mapped[str | None] = mapped_column(String(200))
    cue_class: Mapped[CueClass] = mapped_column(_enum(CueClass))
    content_spans: Mapped[list[list[int]]] = mapped_column(JSON)
    """``[[start, end], ...]``: one span per quote part or paragraph, end-exclusive."""
    content_text: Mapped[str] = mapped_column(Text)
    """The content spans' text joined with " … ": for search and lists."""
    mode: Mapped[Mode] = mapped_column(_enum(Mode))
    hedges: Mapped[list[str]] = mapped_column(JSON)
    speech_date: Mapped[dt.date | None] = mapped_column(Date)
    speech_date_text: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[Status] = mapped_column(_enum(Status))
    version: Mapped[int] = mapped_column(Integer)
    """Optimistic lock: each decision must name the version it saw; +1 per decision."""
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)
    """Kept after a re-parse that no longer finds it, because it carries a verdict."""
    fingerprint: Mapped[str] = mapped_column(String(64))
    """sha256 of source entity and content: how a re-parse recognises the same claim."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class VerificationLink(Base):
    """A sentence of an article that judges some of its claims."""

    __tablename__ = "verification_links"
    __table_args__ = (_one_of("stance", Stance, "link_stance"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    stance: Mapped[Stance] = mapped_column(_enum(Stance))
    by_entity: Mapped[str] = mapped_column(String(500))


class LinkTarget(Base):
    __tablename__ = "link_targets"

    link_id: Mapped[int] = mapped_column(
        ForeignKey("verification_links.id", ondelete="CASCADE"), primary_key=True
    )
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Review(Base):
    """The verification log: append-only, hash-chained. Never updated or deleted."""

    __tablename__ = "reviews"
    __table_args__ = (
        Index("ix_reviews_claim_seq", "claim_id", "seq"),
        Index("ix_reviews_reviewer", "reviewer"),
        Index("ix_reviews_created_at", "created_at"),
        _one_of("from_status", Status, "review_from_status"),
        _one_of("to_status", Status, "review_to_status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    """Position in the chain, from 1, without gaps."""
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"))
    reviewer: Mapped[str] = mapped_column(String(200))
    from_status: Mapped[Status] = mapped_column(_enum(Status))
    to_status: Mapped[Status] = mapped_column(_enum(Status))
    note: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[list[str]] = mapped_column(JSON)
    """Evidence URLs, in the order given."""
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    claim_version: Mapped[int] = mapped_column(Integer)
    """The claim's version after this decision."""
    undoes: Mapped[int | None] = mapped_column(ForeignKey("reviews.id"))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    """sha256 over the canonical serialisation of this row and ``prev_hash``."""


class LogHead(Base):
    """The one row that names the end of the chain; locked by every append."""

    __tablename__ = "log_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_log_head"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entries: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default=GENESIS_HASH)


#: Name of the SQLite FTS5 table that indexes ``claims.content_text``.
CLAIMS_FTS = "claims_fts"

#: Search indexes beyond the tables, per dialect, run after the tables are
#: created (``engine.create_tables``) and printed after them (``tracker schema``).
#: Every statement is idempotent. SQLite: an external-content FTS5 index of
#: ``claims`` (skipped where SQLite lacks FTS5; search then falls back to LIKE).
#: New claims are indexed in bulk by the store, one statement per batch
#: (``FTS_INDEX_NEW``, from ``articles.insert_claim_rows``): a trigger per row cost
#: a third of an ingest's writing. Triggers keep the index in step when a claim's
#: content changes or it is deleted. PostgreSQL: a GIN index over the 'simple'
#: text-search vector of the content, which ``to_tsvector('simple', content_text)``
#: queries use.
SEARCH_DDL: dict[str, tuple[str, ...]] = {
    "sqlite": (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {CLAIMS_FTS} USING fts5("
        "content_text, content='claims', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER IF NOT EXISTS {CLAIMS_FTS}_delete AFTER DELETE ON claims BEGIN "
        f"INSERT INTO {CLAIMS_FTS}({CLAIMS_FTS}, rowid, content_text) "
        "VALUES ('delete', old.id, old.content_text); END",
        f"CREATE TRIGGER IF NOT EXISTS {CLAIMS_FTS}_update AFTER UPDATE OF content_text "
        f"ON claims BEGIN "
        f"INSERT INTO {CLAIMS_FTS}({CLAIMS_FTS}, rowid, content_text) "
        "VALUES ('delete', old.id, old.content_text); "
        f"INSERT INTO {CLAIMS_FTS}(rowid, content_text) VALUES (new.id, new.content_text); END",
    ),
    "postgresql": (
        "CREATE INDEX IF NOT EXISTS ix_claims_content_search ON claims "
        "USING gin (to_tsvector('simple'::regconfig, content_text))",
    ),
}

#: The per-row insert trigger of databases made before claims were indexed in bulk;
#: opening such a database drops it (``engine.create_search_index``), or every new
#: claim would be indexed twice.
FTS_ROW_TRIGGER = f"{CLAIMS_FTS}_insert"


def has_fts(session: Session) -> bool:
    """Whether this SQLite database carries the FTS5 index of claim content."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    master = table("sqlite_master", column("name"))
    found = session.scalar(select(master.c.name).where(master.c.name == CLAIMS_FTS))
    return found is not None


#: Index the claims with ids from ``:first`` to ``:last`` (SQLite, where the FTS5 table exists).
FTS_INDEX_NEW = (
    f"INSERT INTO {CLAIMS_FTS}(rowid, content_text) "
    "SELECT id, content_text FROM claims WHERE id BETWEEN :first AND :last"
)
