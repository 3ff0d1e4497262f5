"""Word tokens of one stretch of article text, with their offsets.

Owns tokenisation only: words (with inner hyphens, apostrophes and dots),
abbreviations with their full stop, and single punctuation marks. Must not
decide anything about attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(slots=True)
class Tokens:
    """Parallel lists: token ``i`` is ``text[starts[i]:ends[i]]``."""

    starts: list[int]
    ends: list[int]
    words: list[str]
    lower: list[str]

    def __len__(self) -> int:
        return len(self.words)

    def index_at(self, offset: int) -> int:
        """Index of the first token ending after ``offset`` (len when none)."""
        lo, hi = 0, len(self.ends)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.ends[mid] <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo


# A word: letters/digits with inner ' ’ - . & joins ("Ukraine’s", "co-operation", "U.S"),
# or the two-apostrophe quote some outlets use, or one other visible character.
_TOKEN = re.compile(r"[^\W_]+(?:[’'\-.&][^\W_]+)*|''(?!')|\S")


def tokenize(text: str, start: int, end: int, abbreviations: frozenset[str]) -> Tokens:
    """Tokens of ``text[start:end]``; an abbreviation keeps its full stop ("Sen.", "W.")."""
    spans = [m.span() for m in _TOKEN.finditer(text, start, end)]
    words = [text[a:b] for a, b in spans]
    dots = [i for i, w in enumerate(words) if w == "." and i > 0]
    for i in reversed(dots):
        prev = words[i - 1]
        if spans[i - 1][1] == spans[i][0] and (
            prev.lower() in abbreviations or (len(prev) == 1 and prev.isupper()) or "." in prev
        ):
            spans[i - 1 : i + 1] = [(spans[i - 1][0], spans[i][1])]
            words[i - 1 : i + 1] = [prev + "."]
    return Tokens([a for a, _ in spans], [b for _, b in spans], words, [w.lower() for w in words])


def is_capitalised(word: str) -> bool:
    """True for a word that starts with an upper-case letter or a digit-led name."""
    return bool(word) and word[0].isupper()


def strip_possessive(word: str) -> str:
    """``Ukraine’s`` -> ``Ukraine``; other words unchanged."""
    if word.endswith(("’s", "'s")) and len(word) > 2:
        return word[:-2]
    if word.endswith(("s’", "s'")) and len(word) > 2:
        return word[:-1]
    return word


def is_possessive(word: str) -> bool:
    return len(word) > 2 and word.endswith(("’s", "'s"))
