"""Lines and sentences of an article, as offsets into the original text.

Owns splitting: sentences never cross a line break, end at ``.`` ``?`` ``!``
(also inside quotes, the closing mark staying with its sentence), and split
where run-together text starts a new sentence ("decadeMr Sunak", "said.Trump")
and around button labels in page furniture. Must not label sentences.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tracker.parse.lexicon import Lexicon
from tracker.parse.scan import WordIndex, char_offsets, matches

# End punctuation, any closing quotes/brackets, then either space or a glued capital.
# Tried only where an end mark stands (``char_offsets``).
_END = re.compile(r"[.!?…][.!?…]*[\"”’'»)\]]*(?=\s|[A-Z“\"‘(])")
_END_MARKS = ".!?…"
_OPENERS = "“\"‘'«([*"
_PIPE = re.compile(r"\s\|\s")


class Line(NamedTuple):
    start: int
    end: int
    """End of the line's text without trailing whitespace (exclusive)."""


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, trimmed of whitespace at both ends; \r and \n both end a line.

    (Other Unicode line separators stay inside a line, as whitespace.)
    """
    out: list[Line] = []
    pieces = text.split("\n")
    if "\r" in text:
        pieces = [part for piece in pieces for part in piece.split("\r")]
    start = 0
    for piece in pieces:
        size = len(piece)
        kept = piece.strip()
        if kept:
            a = start + size - len(piece.lstrip())
            out.append(Line(a, a + len(kept)))
        start += size + 1
    return out


def _cut_line(
    text: str,
    a: int,
    b: int,
    lexicon: Lexicon,
    ends: list[tuple[int, int]],
    glues: list[int],
    appeal: bool,
    first: bool,
) -> list[tuple[int, int]]:
    """Sentence spans inside the line ``text[a:b]`` (trimmed, non-empty)."""
    if text.find("|", a, b) >= 0 and _PIPE.search(text, a, b):
        return [(a, b)]  # one page-furniture element, whatever its punctuation
    cuts: list[int] = []
    header = lexicon.date_header.match(text, 0, b) if first else None
    if header:
        cuts.append(header.end())
    for ms, end in ends:
        nxt = end
        while nxt < b and text[nxt].isspace():
            nxt += 1
        if nxt >= b:
            continue
        following = text[nxt]
        if not (following.isupper() or following.isdigit() or following in _OPENERS):
            continue
        if nxt == end:
            # Glued: "said.Trump" only, one full stop between a lower and an upper letter.
            if not (
                end - ms == 1
                and text[ms] == "."
                and ms > a
                and text[ms - 1].islower()
                and nxt + 1 < b
                and text[nxt + 1].islower()
            ):
                continue
        if text[ms] == "." and _is_abbreviation(text, a, ms, lexicon, following):
            continue
        cuts.append(end)
    if glues:
        cuts.extend(glues)
    if appeal:
        for m in lexicon.button_labels.finditer(text, a, b):
            if _word_edge(text, m.start(), m.end(), a, b):
                cuts.append(m.start())
                cuts.append(m.end())
    if not cuts:
        return [(a, b)]
    if header or glues or appeal:
        cuts = sorted(set(cuts))
    out: list[tuple[int, int]] = []
    prev = a
    for cut in cuts:
        if prev < cut <= b:
            s, e = prev, cut
            prev = cut
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                out.append((s, e))
    s, e = prev, b
    while s < e and text[s].isspace():
        s += 1
    if s < e:
        out.append((s, e))
    return out


def _word_edge(text: str, s: int, e: int, a: int, b: int) -> bool:
    before_ok = s == a or not text[s - 1].isalnum()
    after_ok = e == b or not text[e].isalnum()
    return before_ok and after_ok


def _is_abbreviation(text: str, a: int, dot: int, lexicon: Lexicon, following: str) -> bool:
    """True when the word before the full stop at ``dot`` is an abbreviation."""
    i = text.rfind(" ", a, dot) + 1
    if i <= 0:
        i = a
    while i < dot and text[i] in '“"‘(\xa0':
        i += 1
    word = text[i:dot].lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha() and text[i].isupper():
        return True  # an initial: "George W. Bush"
    if word in lexicon.abbreviations:
        # "No. 10" and "Mr. Smith" never end a sentence; "U.S." does before a capital
        # only rarely, so it is kept whole too.
        return True
    return "." in word and following.islower()


def split_sentences(
    text: str, lines: list[Line], lexicon: Lexicon, appeals: set[int], words: WordIndex
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Sentence spans in text order, the line of each, and the first sentence of each line.

    One pass over the whole text finds the marks; they are then dealt out to lines.
    """
    ends = [m.span() for m in matches(_END, text, char_offsets(text, _END_MARKS))]
    # A glued opener starts right after a lower-case letter: at a capital, as a rule.
    glue = lexicon.glue_pattern
    at = words.capitals_after_letters() if lexicon.glue_capital_led else None
    glues = [m.start() for m in matches(glue, text, at)]
    spans: list[tuple[int, int]] = []
    line_of: list[int] = []
    line_first: list[int] = []
    e = g = 0
    n_ends, n_glues = len(ends), len(glues)
    n_lines = len(lines)
    size = len(text) + 1
    for li in range(n_lines):
        a, b = lines[li]
        limit = lines[li + 1][0] if li + 1 < n_lines else size
        line_first.append(len(spans))
        # End marks that start in this line (before the next one) and end inside it.
        while e < n_ends and ends[e][0] < a:
            e += 1
        first_end = e
        while e < n_ends and ends[e][0] < limit:
            e += 1
        while g < n_glues and glues[g] < a:
            g += 1
        first_glue = g
        while g < n_glues and glues[g] < limit:
            g += 1
        if first_end == e and first_glue == g and li not in appeals and li:
            row = [(a, b)]  # no end mark inside the line: one sentence
        else:
            mine = [x for x in ends[first_end:e] if x[1] <= b]
            glued = [x for x in glues[first_glue:g] if x < b]
            row = _cut_line(text, a, b, lexicon, mine, glued, li in appeals, li == 0)
        spans.extend(row)
        line_of.extend([li] * len(row))
    return spans, line_of, line_first
