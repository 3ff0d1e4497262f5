"""schema.sql is exactly `tracker schema`; the models create the same tables everywhere."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from tracker.cli import main
from tracker.store.schema import schema_ddl

ROOT = Path(__file__).resolve().parents[2]
TABLES = {
    "articles",
    "sources",
    "source_aliases",
    "sentences",
    "claims",
    "verification_links",
    "link_targets",
    "reviews",
    "log_head",
}


def test_schema_sql_matches_the_models(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    on_disk = (ROOT / "schema.sql").read_text(encoding="utf-8")
    assert on_disk == printed, (
        "schema.sql drifted: regenerate it with `tracker schema > schema.sql`"
    )


def test_postgresql_ddl_compiles() -> None:
    ddl = schema_ddl("postgresql")
    assert "CREATE TABLE claims" in ddl
    assert "TIMESTAMP WITH TIME ZONE" in ddl


def test_a_new_database_gets_every_table(store) -> None:  # type: ignore[no-untyped-def]
    assert TABLES <= set(inspect(store.engine).get_table_names())


def test_sqlite_pragmas(tmp_path: Path) -> None:
    from tracker.store import open_store

    s = open_store(str(tmp_path / "p.db"))
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    s.close()


def test_an_older_database_gets_indexes_added_later(tmp_path: Path) -> None:
    import sqlite3

    from tracker.store import open_store

    db = tmp_path / "old.db"
    open_store(str(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute("DROP INDEX ix_claims_status_id")
    open_store(str(db)).close()
    with sqlite3.connect(db) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "ix_claims_status_id" in names


def _fts_intact(db: Path) -> int:
    """Claims in the FTS index, after FTS5's own check that it matches the claims table."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
        return int(conn.execute("SELECT count(*) FROM claims_fts_docsize").fetchone()[0])


def test_search_index_follows_ingest_reparse_and_deletes(tmp_path: Path, seeds: Path) -> None:
    import sqlite3

    from tests.support import lexicon_without
    from tracker.ops.ingest import IngestOptions, ingest
    from tracker.ops.reparse import reparse
    from tracker.store import open_store

    db = tmp_path / "s.db"
    store = open_store(str(db))
    ingest(store, [str(seeds)], IngestOptions(workers=1))
    with sqlite3.connect(db) as conn:
        claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert claims > 0
    assert _fts_intact(db) == claims
    list(reparse(store, lexicon=lexicon_without("said")))  # replaces and deletes claims
    with sqlite3.connect(db) as conn:
        fewer = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        found = conn.execute(
            "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'liberated'"
        ).fetchone()[0]
    assert fewer < claims
    assert _fts_intact(db) == fewer
    assert found >= 1
    store.close()


def test_an_older_database_stops_indexing_each_claim_twice(tmp_path: Path, seeds: Path) -> None:
    """Databases made when a trigger indexed each new claim lose that trigger on opening."""
    import sqlite3

    from tracker.ops.ingest import IngestOptions, ingest
    from tracker.store import open_store

    db = tmp_path / "old.db"
    open_store(str(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN "
            "INSERT INTO claims_fts(rowid, content_text) VALUES (new.id, new.content_text); END"
        )
    store = open_store(str(db))
    ingest(store, [str(seeds)], IngestOptions(workers=1))
    store.close()
    with sqlite3.connect(db) as conn:
        claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert "claims_fts_insert" not in triggers
    assert _fts_intact(db) == claims


def test_an_older_database_gets_source_surnames(tmp_path: Path, seeds: Path) -> None:
    """A database made before ``sources.surname`` gets the column, filled from match_key."""
    import sqlite3

    from tracker.ops.ingest import IngestOptions, ingest
    from tracker.store import open_store
    from tracker.store.articles import person_sources
    from tracker.store.models import surname_of

    db = tmp_path / "old.db"
    store = open_store(str(db))
    ingest(store, [str(seeds)], IngestOptions(workers=1))
    store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("DROP INDEX ix_sources_type_surname")
        conn.execute("ALTER TABLE sources DROP COLUMN surname")
    store = open_store(str(db))
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT match_key, surname FROM sources").fetchall()
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert rows and all(surname == surname_of(key) for key, surname in rows)
    assert "ix_sources_type_surname" in indexes
    with store.read() as session:
        assert "Hanna Malyar" in person_sources(session, ["malyar"])
    store.close()


def test_people_sharing_a_surname_are_found_by_index(tmp_path: Path) -> None:
    """Linking a chunk's people to the store must not scan every stored source."""
    from sqlalchemy import event

    from tracker.model import SourceType
    from tracker.store import open_store
    from tracker.store.articles import ensure_sources, person_sources, source_key

    store = open_store(str(tmp_path / "p.db"))
    people = ["Hanna Malyar", "Malyar", "Rishi Sunak"]
    entities = {source_key(n): (n, SourceType.PERSON) for n in people}
    entities[source_key("Malyar Defence")] = ("Malyar Defence", SourceType.ORGANISATION)
    store.run(lambda s: ensure_sources(s, entities))
    with store.read() as session:
        conn = session.connection()
        statements: list[str] = []
        event.listen(conn, "before_cursor_execute", lambda *args: statements.append(args[2]))
        assert set(person_sources(session, ["malyar", "nobody"])) == {"Hanna Malyar", "Malyar"}
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + statements[-1], ("person", "malyar", "nobody")
        ).all()
    assert any("ix_sources_type_surname" in str(row) for row in plan), plan
    store.close()


ENUM_COLUMNS = [
    ("sources", "type", "person"),
    ("sentences", "label", "statement"),
    ("claims", "cue_class", "speech"),
    ("claims", "mode", "direct"),
    ("claims", "status", "verified"),
    ("verification_links", "stance", "caution"),
]


def test_enum_columns_refuse_values_outside_their_enum(store, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    """The CHECK constraints hold on each backend, whatever writes the row (raw SQL here)."""
    import pytest
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    from tracker.ops.ingest import IngestOptions, ingest

    ingest(store, [str(seeds)], IngestOptions(workers=1))
    for table, column, allowed in ENUM_COLUMNS:
        first = f"(SELECT min(id) FROM {table})"
        with store.engine.begin() as conn:
            conn.execute(
                text(f"UPDATE {table} SET {column} = :v WHERE id = {first}"), {"v": allowed}
            )
        for refused in ("nonsense", allowed.upper(), ""):
            with pytest.raises(IntegrityError), store.engine.begin() as conn:
                conn.execute(
                    text(f"UPDATE {table} SET {column} = :v WHERE id = {first}"), {"v": refused}
                )
