"""Word tokens of one stretch of article text, with their offsets.

Owns tokenisation only: words (with inner hyphens, apostrophes and dots),
abbreviations with their full stop, and single punctuation marks. Must not
decide anything about attribution.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from tracker.parse.ordered import bisect_right


@dataclass(slots=True, init=False)
class Tokens:
    """Parallel lists: token ``i`` is ``text[starts[i]:ends[i]]``."""

    starts: list[int]
    ends: list[int]
    words: list[str]
    lower: list[str]
    n: int
    """How many tokens."""
    memo: dict[tuple[object, ...], object]
    """Results of rules asked twice about the same tokens (keyed by rule and arguments)."""

    # Written out: the __init__ that dataclass generates is plain Python even in the
    # compiled parser (setup.py), where this one is compiled with the rest.
    def __init__(
        self, starts: list[int], ends: list[int], words: list[str], lower: list[str], n: int
    ) -> None:
        self.starts = starts
        self.ends = ends
        self.words = words
        self.lower = lower
        self.n = n
        self.memo = {}

    def __len__(self) -> int:
        return self.n

    def index_at(self, offset: int) -> int:
        """Index of the first token ending after ``offset`` (len when none)."""
        return bisect_right(self.ends, offset)


# A token: one visible character, then, when it is a letter or digit, the rest of the word
# with inner ' ’ - . & joins ("Ukraine’s", "co-operation", "U.S"), or when it is an
# apostrophe, a second one (the two-apostrophe quote some outlets use). As a regex:
#   \S(?:(?<=[^\W_])[^\W_]*(?:[’'\-.&][^\W_]+)*|(?<=')'(?!')|)
# ``tokenize`` walks the characters itself: compiled (setup.py), that is about three times
# as fast as splitting with the regex, and it makes the abbreviation merge one more step
# of the walk. tests/parse/test_tokens.py holds the regex and checks the two agree.
SPACE: Final = 0
ALNUM: Final = 1
JOINER: Final = 2
MARK: Final = 3
# The kind of each ASCII character; "_" is a mark, as the regex's [^\W_] says.
_ASCII_KIND: Final = bytes(
    SPACE
    if chr(c).isspace()
    else ALNUM
    if chr(c).isalnum()
    else JOINER
    if chr(c) in "'-.&"
    else MARK
    for c in range(128)
)
_CURLY_APOSTROPHE: Final = 0x2019
_APOSTROPHE: Final = 39
_FULL_STOP: Final = 46


def char_kind(code: int) -> int:
    """The kind of one character by code point: SPACE, ALNUM, JOINER or MARK.

    ALNUM and SPACE agree with the regex classes ``[^\\W_]`` and ``\\s`` (the same str
    methods decide them); the other walks over the text (names, content cutters) use them.
    """
    if code < 128:
        return _ASCII_KIND[code]
    if code == _CURLY_APOSTROPHE:
        return JOINER
    ch = chr(code)
    if ch.isalnum():
        return ALNUM
    if ch.isspace():
        return SPACE
    return MARK


def tokenize(text: str, start: int, end: int, abbreviations: frozenset[str]) -> Tokens:
    """Tokens of ``text[start:end]``; an abbreviation keeps its full stop ("Sen.", "W.").

    A full stop right after a word joins it when the word is a known abbreviation, one
    capital letter, or already holds a full stop ("U.S." and the dots of "...").
    """
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    i = start
    while i < end:
        code = ord(text[i])
        kind = _ASCII_KIND[code] if code < 128 else char_kind(code)
        if kind == SPACE:
            i += 1
            continue
        j = i + 1
        if kind == ALNUM:
            j = word_end(text, j, end, _TOKEN_JOINERS)
        elif code == _FULL_STOP and ends and ends[-1] == i:
            prev = words[-1]
            if prev.lower() in abbreviations or (len(prev) == 1 and prev.isupper()) or "." in prev:
                words[-1] = prev + "."
                ends[-1] = j
                i = j
                continue
        elif (
            code == _APOSTROPHE
            and j < end
            and text[j] == "'"
            and not (j + 1 < end and text[j + 1] == "'")
        ):
            j += 1
        starts.append(i)
        ends.append(j)
        words.append(text[i:j])
        i = j
    return Tokens(starts, ends, words, [w.lower() for w in words], len(words))


# The characters that join two runs of letters and digits into one token.
_TOKEN_JOINERS: Final = frozenset("’'-.&")
# The characters that join two runs of letters and digits into one plain word.
PLAIN_JOINERS: Final = frozenset("’'-")


def word_end(text: str, j: int, end: int, joiners: frozenset[str]) -> int:
    """End of the run of letters and digits that goes on at ``j`` (before ``end``), one of
    ``joiners`` between two letters or digits staying inside it."""
    while j < end:
        code = ord(text[j])
        kind = _ASCII_KIND[code] if code < 128 else char_kind(code)
        if kind == ALNUM:
            j += 1
        elif kind == SPACE:  # most runs end here: no joiner test
            break
        elif text[j] in joiners and j + 1 < end and char_kind(ord(text[j + 1])) == ALNUM:
            j += 2
        else:
            break
    return j


def plain_words(
    text: str,
    start: int,
    end: int,
    joiners: frozenset[str] = PLAIN_JOINERS,
    final_stop: bool = False,
) -> list[str]:
    """The words of ``text[start:end]``: runs of letters and digits, with one of ``joiners``
    between two of them kept inside ("Ukraine’s", "co-operation"); with ``final_stop``, a
    full stop right after a word is kept too ("Mr.").

    As a regex: ``[^\\W_]+(?:[’'\\-][^\\W_]+)*`` (``\\.?`` after it for ``final_stop``);
    tests/parse/test_tokens.py checks the two agree. Compiled (setup.py), the walk costs
    a fraction of the regex.
    """
    words: list[str] = []
    i = start
    while i < end:
        if char_kind(ord(text[i])) != ALNUM:
            i += 1
            continue
        j = word_end(text, i + 1, end, joiners)
        if final_stop and j < end and text[j] == ".":
            j += 1
        words.append(text[i:j])
        i = j
    return words


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
