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
