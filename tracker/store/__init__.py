"""Storage behind one module: SQLAlchemy models, engine, reads and writes.

Front ends never import this package; ``tracker.ops`` does.
"""

from tracker.store.engine import Store, open_store

__all__ = ["Store", "open_store"]
