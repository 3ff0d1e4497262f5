"""The review TUI (Textual): claims in context, decisions with notes, safe for several reviewers.

Owns screens, widgets and their stylesheet. Reads and writes only through
``tracker.ops`` (in thread workers) and holds no business rules; never imports
SQLAlchemy nor ``tracker.store``. Article text is untrusted and is only ever
shown as ``rich.text.Text`` built from plain strings, never as markup.
"""
