"""A footer that wraps its keys onto two lines, so every key fits on a narrow terminal.

Textual's ``Footer`` reads the active bindings (the same list the help screen
and the command palette read); this one only lays them out in a grid of
``rows`` lines instead of one line that scrolls out of sight.
"""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.widgets import Footer


class KeyFooter(Footer):
    DEFAULT_CSS = """
    KeyFooter {
        layout: grid;
        grid-gutter: 0 1;
        grid-columns: auto;
        height: 2;
    }
    """

    def __init__(self, rows: int = 2, **kwargs: object) -> None:
        super().__init__(compact=True, **kwargs)  # type: ignore[arg-type]
        self.rows = rows

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        self.styles.grid_size_columns = max(1, math.ceil(len(keys) / self.rows))
        self.styles.grid_size_rows = self.rows
        self.styles.height = self.rows
        yield from keys
