"""Quotations: where each double-quoted stretch opens and closes, paragraph by paragraph.

Owns quote marks (curly, straight and the two-apostrophe ``''`` some outlets use;
single quotes are nested quotes and apostrophes, so they are left alone) and
multi-paragraph quotes, where each paragraph reopens the quote and only the
last one closes it. Must not decide who is quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.parse.scan import char_offsets, matches
from tracker.parse.sentences import Line

# One quote mark ("''" is two apostrophes not followed by a third), tried only where
# one of ``_MARK_STARTS`` stands.
_MARK = re.compile(r"“|”|„|«|»|\"|'(?='(?!'))'")
_MARK_STARTS = ("“", "”", "„", "«", "»", '"', "''")
_OPEN_ONLY = frozenset("“„«")
_CLOSE_ONLY = frozenset("”»")
_BEFORE_OPEN = frozenset(" \t\xa0([{—–-/:;,\u2009\u202f")


@dataclass(slots=True, init=False)
class Quote:
    """One quoted stretch inside one line."""

    open: int
    """Offset of the opening mark."""
    start: int
    """First character inside the marks (after leading whitespace)."""
    end: int
    """One past the last character inside the marks (before trailing whitespace)."""
    close: int
    """Offset one past the closing mark, or the line end when the quote stays open."""
    closed: bool
    line: int
    group: int
    """Quotes of one multi-paragraph quotation share a group number."""

    # Written out so that it is compiled with the parser (see attribution.RawClaim).
    def __init__(
        self, open: int, start: int, end: int, close: int, closed: bool, line: int, group: int
    ) -> None:
        self.open = open
        self.start = start
        self.end = end
        self.close = close
        self.closed = closed
        self.line = line
        self.group = group


def _kind(text: str, s: int, e: int, a: int, b: int) -> str:
    """``open``, ``close`` or ``either`` for the mark ``text[s:e]`` in the line ``[a, b)``."""
    mark = text[s:e]
    if mark in _OPEN_ONLY:
        return "open"
    if mark in _CLOSE_ONLY:
        return "close"
    prev = text[s - 1] if s > a else " "
    nxt = text[e] if e < b else " "
    can_open = (prev in _BEFORE_OPEN or prev.isspace() or s == a) and not nxt.isspace()
    can_close = not prev.isspace() and s > a
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    return "either"


def find_quotes(text: str, lines: list[Line]) -> list[Quote]:
    """Every quoted stretch, in text order, grouped into multi-paragraph quotations."""
    quotes: list[Quote] = []
    marks = [m.span() for m in matches(_MARK, text, char_offsets(text, _MARK_STARTS))]
    if not marks:
        return quotes
    group = -1
    carry = False  # the previous line ended inside an open quote
    k = 0
    n_marks = len(marks)
    n_lines = len(lines)
    for li in range(n_lines):
        a, b = lines[li]
        while k < n_marks and marks[k][0] < a:
            k += 1
        open_at: tuple[int, int] | None = None
        first = True
        while k < n_marks and marks[k][0] < b:
            s, e = marks[k]
            k += 1
            kind = _kind(text, s, e, a, b)
            if open_at is None:
                if kind != "close":
                    if not (first and carry and s == a):
                        group += 1
                    open_at = (s, e)
            elif kind != "open":
                quotes.append(_quote(text, open_at, s, e, True, li, group))
                open_at = None
            else:
                # A second opener before any closer: the first quote never closed here.
                quotes.append(_quote(text, open_at, s, s, False, li, group))
                group += 1
                open_at = (s, e)
            first = False
        if open_at is not None:
            quotes.append(_quote(text, open_at, b, b, False, li, group))
            # Only a quote that stays open to the line end can continue on the next line.
            carry = li + 1 < n_lines and _MARK.match(text, lines[li + 1][0]) is not None
        else:
            carry = False
    return [q for q in quotes if q.start < q.end]


def _quote(
    text: str,
    open_at: tuple[int, int],
    inner_end: int,
    close: int,
    closed: bool,
    li: int,
    group: int,
) -> Quote:
    a = open_at[1]
    b = inner_end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Quote(open_at[0], a, b, close if closed else inner_end, closed, li, group)
