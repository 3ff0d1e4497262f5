"""Fixtures shared by the whole suite: stores on SQLite and PostgreSQL, the seeds."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BACKENDS = ("sqlite", "postgresql")


def _pg_base_url() -> str:
    return os.environ.get("TRACKER_TEST_POSTGRES") or DEFAULT_PG


_pg_skip_reason: str | None = None
_pg_checked = False


def postgres_unavailable() -> str | None:
    """Why PostgreSQL tests cannot run here, or None when a server answers."""
    global _pg_checked, _pg_skip_reason
    if not _pg_checked:
        _pg_checked = True
        try:
            import psycopg  # noqa: F401
            from sqlalchemy import create_engine, text

            engine = create_engine(_pg_base_url(), connect_args={"connect_timeout": 3})
            with engine.connect() as conn:
                conn.execute(text("select 1"))
            engine.dispose()
        except Exception as exc:  # any failure means: no usable server
            _pg_skip_reason = (
                f"no PostgreSQL server answers at {_pg_base_url()} "
                f"(set TRACKER_TEST_POSTGRES): {type(exc).__name__}: {str(exc).splitlines()[0]}"
            )
    return _pg_skip_reason


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh, empty schema dropped afterwards."""
    reason = postgres_unavailable()
    if reason:
        pytest.skip(reason)
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_pg_base_url())
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    base = _pg_base_url()
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database on each backend: an SQLite file, or a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "tracker.db")
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[object]:
    from tracker.store import open_store

    s = open_store(db_url)
    try:
        yield s
    finally:
        s.close()


@pytest.fixture
def seeds() -> Path:
    return SEEDS
