"""Lines and sentences of an article, as offsets into the original text.

Owns splitting: sentences never cross a line break, end at ``.`` ``?`` ``!``
(also inside quotes, the closing mark staying with its sentence), and split
where run-together text starts a new sentence ("decadeMr Sunak", "said.Trump")
and around button labels in page furniture. Must not label sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from tracker.parse.lexicon import Lexicon

_LINE = re.compile(r"[^\r\n]+")
# End punctuation, any closing quotes/brackets, then either space or a glued capital.
_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s|[A-Z“\"‘(])")
_OPENERS = "“\"‘'«([*"
_PIPE = re.compile(r"\s\|\s")


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    """End of the line's text without trailing whitespace (exclusive)."""


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, trimmed of whitespace at both ends."""
    out: list[Line] = []
    for m in _LINE.finditer(text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append(Line(a, b))
    return out


def split_line(
    text: str,
    line: Line,
    lexicon: Lexicon,
    ends: list[re.Match[str]],
    glues: list[int],
    appeal: bool,
    first: bool = False,
) -> list[tuple[int, int]]:
    """Sentence spans inside one line (trimmed, non-empty)."""
    a, b = line.start, line.end
    if _PIPE.search(text, a, b):
        return [(a, b)]  # one page-furniture element, whatever its punctuation
    cuts: list[int] = []
    header = lexicon.date_header.match(text, 0, b) if first else None
    if header:
        cuts.append(header.end())
    for m in ends:
        end = m.end()
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
                m.group() == "."
                and m.start() > a
                and text[m.start() - 1].islower()
                and nxt + 1 < b
                and text[nxt + 1].islower()
            ):
                continue
        if text[m.start()] == "." and _is_abbreviation(text, a, m.start(), lexicon, following):
            continue
        cuts.append(end)
    cuts.extend(glues)
    if appeal:
        for m in lexicon.button_labels.finditer(text, a, b):
            if _word_edge(text, m.start(), m.end(), a, b):
                cuts.append(m.start())
                cuts.append(m.end())
    if not cuts:
        return [(a, b)]
    spans: list[tuple[int, int]] = []
    prev = a
    for cut in sorted(set(cuts)):
        if prev < cut <= b:
            spans.append((prev, cut))
            prev = cut
    spans.append((prev, b))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
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
    text: str, lines: list[Line], lexicon: Lexicon, appeals: set[int]
) -> list[list[tuple[int, int]]]:
    """Sentence spans, grouped by line (one pass of each pattern over the whole text)."""
    starts = [line.start for line in lines]
    ends_by: list[list[re.Match[str]]] = [[] for _ in lines]
    for m in _END.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= lines[i].end:
            ends_by[i].append(m)
    glue_by: list[list[int]] = [[] for _ in lines]
    for m in lexicon.glue_pattern.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < lines[i].end:
            glue_by[i].append(m.start())
    return [
        split_line(text, line, lexicon, ends_by[li], glue_by[li], li in appeals, li == 0)
        for li, line in enumerate(lines)
    ]
