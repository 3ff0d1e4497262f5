"""Screens of the review TUI: they own the keys and actions, and call ops in thread workers."""
