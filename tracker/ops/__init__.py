"""User actions, one function each: ingest, list, show, mark, undo, export, reparse.

Front ends (``tracker.cli``, ``tracker.tui``) call these and nothing below.
Each write action is one transaction in the store.
"""
