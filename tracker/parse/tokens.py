"""Word tokens of one stretch of article text, with their offsets.

Owns tokenisation only: words (with inner hyphens, apostrophes and dots),
abbreviations with their full stop, and single punctuation marks. Must not
decide anything about attribution.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate


@dataclass(slots=True)
class Tokens:
    """Parallel lists: token ``i`` is ``text[starts[i]:ends[i]]``."""

    starts: list[int]
    ends: list[int]
    words: list[str]
    lower: list[str]
    n: int
    """How many tokens."""
    memo: dict[tuple[object, ...], object] = field(default_factory=dict)
    """Results of rules asked twice about the same tokens (keyed by rule and arguments)."""

    def __len__(self) -> int:
        return self.n

    def index_at(self, offset: int) -> int:
        """Index of the first token ending after ``offset`` (len when none)."""
        return bisect_right(self.ends, offset)


# A token: one visible character, then, when it is a letter or digit, the rest of the word
# with inner ' ’ - . & joins ("Ukraine’s", "co-operation", "U.S"), or when it is an
# apostrophe, a second one (the two-apostrophe quote some outlets use). Matching one
# visible character first lets the engine skip blanks. Split with the token as the (only)
# group: the pieces alternate gap, token, gap ..., so offsets come from summing piece
# lengths, without a match object per token.
_TOKEN_SPLIT = re.compile(r"(\S(?:(?<=[^\W_])[^\W_]*(?:[’'\-.&][^\W_]+)*|(?<=')'(?!')|))")


def tokenize(text: str, start: int, end: int, abbreviations: frozenset[str]) -> Tokens:
    """Tokens of ``text[start:end]``; an abbreviation keeps its full stop ("Sen.", "W.")."""
    parts = _TOKEN_SPLIT.split(text[start:end])
    offsets = list(accumulate(map(len, parts), initial=start))
    words = parts[1::2]
    starts = offsets[1:-1:2]
    ends = offsets[2::2]
    dots = words.count(".")
    if dots and words[0] == ".":
        dots -= 1
    if dots:
        at: list[int] = []
        i = 0
        for _ in range(dots):
            i = words.index(".", i + 1)
            at.append(i)
        for i in reversed(at):
            prev = words[i - 1]
            if ends[i - 1] == starts[i] and (
                prev.lower() in abbreviations or (len(prev) == 1 and prev.isupper()) or "." in prev
            ):
                del starts[i], ends[i - 1]
                words[i - 1 : i + 1] = [prev + "."]
    return Tokens(starts, ends, words, list(map(str.lower, words)), len(words))


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
