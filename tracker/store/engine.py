"""Connections: one database address in, a ready ``Store`` out.

Owns engine creation, the SQLite pragmas (WAL, foreign keys, busy timeout;
set here and nowhere else), table creation for a new database and the
transaction boundaries. Must not hold queries.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, bindparam, create_engine, event, insert, inspect, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    OperationalError,
    ProgrammingError,
)
from sqlalchemy.orm import Session, sessionmaker

from tracker.errors import StoreError
from tracker.store.models import (
    CLAIMS_FTS,
    FTS_ROW_TRIGGER,
    GENESIS_HASH,
    SEARCH_DDL,
    Base,
    LogHead,
    Source,
    surname_of,
)

#: Milliseconds SQLite waits for another writer before reporting "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 30_000
_URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
T = TypeVar("T")


def database_url(db: str) -> str:
    """An SQLAlchemy URL for ``db``: a URL as given, a file path as SQLite.

    ``postgresql://`` and ``postgres://`` URLs get the psycopg 3 driver.
    """
    if _URL_SCHEME.match(db):
        scheme, rest = db.split("://", 1)
        if scheme.lower() in ("postgresql", "postgres"):
            return f"postgresql+psycopg://{rest}"
        return db
    if db == ":memory:":
        return "sqlite://"
    return "sqlite:///" + str(Path(db).expanduser().resolve())


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN, so writers can take the
        # write lock up front (BEGIN IMMEDIATE) instead of failing on upgrade.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("tracker_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _is_transient(exc: BaseException) -> bool:
    """A lock or serialisation failure that a retry of the whole transaction can cure."""
    if isinstance(exc, OperationalError):
        text = str(exc.orig).lower()
        return "database is locked" in text or "database is busy" in text
    if isinstance(exc, DBAPIError):
        code = getattr(exc.orig, "sqlstate", None)
        return code in ("40001", "40P01")  # serialization failure, deadlock detected
    return False


class Store:
    """The database behind one address, with one-user-action transactions."""

    def __init__(self, engine: Engine, address: str | None = None) -> None:
        self.engine = engine
        self.address = address
        """The address the store was opened with, for other processes to open it too."""
        self.dialect = engine.dialect.name
        self._write = sessionmaker(
            bind=engine.execution_options(tracker_write=True), expire_on_commit=False
        )
        self._read = sessionmaker(bind=engine, expire_on_commit=False)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write transaction: commits when the block ends, rolls back on error."""
        with self._write() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction (on SQLite it does not take the write lock)."""
        with self._read() as session, session.begin():
            yield session

    def run(self, action: Callable[[Session], T], attempts: int = 8) -> T:
        """Run ``action`` in a write transaction, retrying transient lock errors.

        ``action`` must be safe to run again: everything it did is rolled back
        before a retry.
        """
        for attempt in range(1, attempts + 1):
            try:
                with self.transaction() as session:
                    return action(session)
            except DBAPIError as exc:
                if attempt == attempts or not _is_transient(exc):
                    raise StoreError(describe_db_error(exc)) from exc
                time.sleep(min(0.05 * 2**attempt, 1.0))
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.engine.dispose()


def describe_db_error(exc: BaseException) -> str:
    """A one-line description of a database error for the user."""
    orig = getattr(exc, "orig", None) or exc
    text = " ".join(str(orig).split())
    return f"database error: {text[:300]}"


def create_tables(engine: Engine) -> None:
    """Create missing tables, indexes and the chain head row; safe on an existing database.

    ``create_all`` skips the indexes of tables that already exist, so indexes
    added in a later version are created here for older databases.
    """
    Base.metadata.create_all(engine, checkfirst=True)
    _add_source_surnames(engine)
    for table in Base.metadata.sorted_tables:
        for index in table.indexes:
            index.create(engine, checkfirst=True)
    try:
        with engine.begin() as conn:
            if conn.execute(select(LogHead.id)).first() is None:
                conn.execute(insert(LogHead).values(id=1, entries=0, last_hash=GENESIS_HASH))
    except IntegrityError:
        pass  # another process created the head row at the same moment
    create_search_index(engine)


def _add_source_surnames(engine: Engine) -> None:
    """Give a database made before ``sources.surname`` existed the column, filled in."""

    def has_column() -> bool:
        return any(c["name"] == "surname" for c in inspect(engine).get_columns("sources"))

    if has_column():
        return
    try:
        with engine.begin() as conn:
            column_type = Source.__table__.c.surname.type.compile(dialect=conn.dialect)
            conn.exec_driver_sql(f"ALTER TABLE sources ADD COLUMN surname {column_type}")
            keys = conn.execute(select(Source.id, Source.match_key)).all()
            if keys:
                conn.execute(
                    update(Source).where(Source.id == bindparam("source_id")),
                    [{"source_id": i, "surname": surname_of(key)} for i, key in keys],
                )
    except (OperationalError, ProgrammingError):
        # Another process added it at the same moment; anything else still fails here.
        if not has_column():
            raise


def _sqlite_has(conn: Any, name: str) -> bool:
    """Does this SQLite database hold a table, index or trigger called ``name``?"""
    found = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).first()
    return found is not None


def _search_index_exists(conn: Any) -> bool:
    if conn.dialect.name == "sqlite":
        return _sqlite_has(conn, f"{CLAIMS_FTS}_update")
    found = conn.exec_driver_sql("SELECT to_regclass('ix_claims_content_search')").scalar()
    return found is not None


def create_search_index(engine: Engine) -> None:
    """Create the full-text search index of claims (``SEARCH_DDL``) if it is missing.

    Checked first, so an existing database takes no lock. On SQLite the FTS5
    index is filled from the claims already stored; an SQLite built without
    FTS5 gets no index and search falls back to LIKE. An older SQLite database's
    per-row insert trigger is dropped: the store now indexes new claims in bulk.
    """
    statements = SEARCH_DDL.get(engine.dialect.name, ())
    if not statements:
        return
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        missing = not _search_index_exists(conn)
        # A database made when a trigger indexed each new claim: the store does it now.
        stale = sqlite and _sqlite_has(conn, FTS_ROW_TRIGGER)
    if not missing and not stale:
        return
    try:
        with engine.begin() as conn:
            if stale:
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {FTS_ROW_TRIGGER}")
            if missing:
                for statement in statements:
                    conn.exec_driver_sql(statement)
                if sqlite:
                    conn.exec_driver_sql(
                        f"INSERT INTO {CLAIMS_FTS}({CLAIMS_FTS}) VALUES ('rebuild')"
                    )
    except OperationalError as exc:
        if "fts5" not in str(exc.orig).lower():
            raise


def open_store(db: str, create: bool = True) -> Store:
    """Connect to ``db`` (a file path or an SQLAlchemy URL) and create its tables."""
    try:
        url = make_url(database_url(db))
    except ArgumentError as exc:
        raise StoreError(f"{db}: not a database path or URL ({exc})") from None
    kwargs: dict[str, Any] = {}
    if url.get_backend_name() == "sqlite":
        database = url.database
        if database and not Path(database).parent.is_dir():
            raise StoreError(f"{db}: folder {Path(database).parent} does not exist")
    else:
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(url, **kwargs)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"{db}: cannot use this database ({exc})") from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    try:
        if create:
            create_tables(engine)
        else:
            with engine.connect():
                pass
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(f"{db}: {describe_db_error(exc)}") from None
    return Store(engine, db)
