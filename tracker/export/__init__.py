"""Pure formatters: model dataclasses in, text out (extract documents, csv, jsonl, ...).

Never imports SQLAlchemy, Textual or Rich, and never opens files itself.
"""
