"""Opening the store for a front end: one database address in, a ``Store`` handle out.

Front ends pass the handle back into other ``tracker.ops`` functions and never
look inside it; that keeps SQLAlchemy out of the CLI and the TUI.
"""

from __future__ import annotations

from tracker.store import Store, open_store
from tracker.store.schema import DIALECTS, schema_ddl

__all__ = ["DIALECTS", "Store", "open_database", "schema_ddl"]


def open_database(db: str) -> Store:
    """Connect to ``db`` (file path or SQLAlchemy URL), creating the tables of a new one."""
    return open_store(db)
