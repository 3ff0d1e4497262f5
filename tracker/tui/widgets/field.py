"""A text field whose cursor blink follows the app's ``blink`` setting.

Snapshots freeze everything that depends on time; a blinking cursor is one
of those things, so the app can switch blinking off for every field at once.
"""

from __future__ import annotations

from textual.widgets import Input


class Field(Input):
    def on_mount(self) -> None:
        self.cursor_blink = bool(getattr(self.app, "blink", True))
