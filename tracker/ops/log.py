"""``tracker log``: read the verification log, and check that it is still the one written.

Owns the read-side log actions. ``read_log`` streams entries in chain order
inside one read transaction (a generator: the transaction ends when the
reader stops). ``verify_log`` recomputes the whole hash chain on one snapshot
and names the first entry that was altered, removed or inserted out of order.
"""

from __future__ import annotations

from collections.abc import Iterator

from tracker.model import ChainReport, LogLine, LogWindow
from tracker.store import Store
from tracker.store import log as store_log

#: The window that covers the whole log.
WHOLE_LOG = LogWindow()


def read_log(store: Store, window: LogWindow = WHOLE_LOG) -> Iterator[LogLine]:
    """The entries ``window`` covers, oldest first."""
    with store.read() as session:
        for batch in store_log.log_lines(session, window, batch=500):
            yield from batch


def verify_log(store: Store) -> ChainReport:
    """Recompute the chain; ``first_break`` names the first entry that does not fit."""
    with store.read() as session:
        store_log.start_full_read(session)
        return store_log.verify_chain(session)
