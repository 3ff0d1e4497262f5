"""The schema as DDL text, generated from the models for one dialect.

Owns what ``tracker schema`` prints and so what ``schema.sql`` holds. Must
not connect to a database: DDL is compiled against a dialect object only.
"""

from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.schema import CreateIndex, CreateTable

from tracker.store.models import SEARCH_DDL, Base

DIALECTS: dict[str, type[Dialect]] = {
    "sqlite": sqlite.dialect,
    "postgresql": postgresql.psycopg.dialect,
}

HEADER = (
    "-- tracker schema ({dialect}), generated from tracker/store/models.py.\n"
    "-- Regenerate with: tracker schema --dialect {dialect}\n"
)


def schema_ddl(dialect_name: str = "sqlite") -> str:
    """CREATE TABLE and CREATE INDEX statements for every table, then the search index."""
    dialect = DIALECTS[dialect_name]()
    parts = [HEADER.format(dialect=dialect_name)]
    for table in Base.metadata.sorted_tables:
        ddl = str(CreateTable(table).compile(dialect=dialect)).strip()
        parts.append(ddl + ";\n")
        for index in sorted(table.indexes, key=lambda ix: ix.name or ""):
            parts.append(str(CreateIndex(index).compile(dialect=dialect)).strip() + ";\n")
    for statement in SEARCH_DDL.get(dialect_name, ()):
        parts.append(statement + ";\n")
    return "\n".join(
        "\n".join(line.rstrip() for line in part.splitlines()) + "\n" for part in parts
    )
