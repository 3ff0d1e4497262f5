"""Widgets of the review TUI: they render model objects and post messages; no ops, no store."""
