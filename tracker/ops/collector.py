"""Garbage-collector settings for the bulk actions (ingest, export).

Owns how often Python's cyclic collector runs while millions of short-lived,
acyclic objects (parsed spans, rows) pass through. Reference counting still
frees each of them as soon as it is dropped; the collector only finds cycles,
and the bulk paths make almost none. Left at its defaults it runs every 700
allocations and, every so often, walks every object the process has loaded.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

#: Allocations between collections of the youngest generation (CPython's default: 700).
BULK_THRESHOLD = 100_000


def collect_less_often() -> tuple[int, int, int]:
    """Collect the youngest generation every ``BULK_THRESHOLD`` allocations; returns the
    thresholds it replaced."""
    old = gc.get_threshold()
    gc.set_threshold(BULK_THRESHOLD, *old[1:])
    return old


@contextlib.contextmanager
def few_collections() -> Iterator[None]:
    """``collect_less_often`` for the block; the thresholds are restored afterwards."""
    old = collect_less_often()
    try:
        yield
    finally:
        gc.set_threshold(*old)


@contextlib.contextmanager
def loaded_objects_frozen() -> Iterator[None]:
    """Keep the objects loaded so far out of the collector's passes for the block.

    Called before forking workers: they inherit the modules, the lexicon and
    the database engine, and a full pass in a worker then never walks them
    (nor touches their pages, which stay shared with this process).
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
