"""Page furniture and headings: which sentences are not article body.

Owns the boilerplate and heading labels: metadata lines, donation appeals,
captions and their repeats, follow-us and newsletter prompts, "Watch:" teasers,
related links after a "Related topics" marker, pull-quotes, glued-on headlines,
the headline and question sub-headings. Must not find attributions.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from tracker.model import SentenceLabel
from tracker.parse.lexicon import Lexicon
from tracker.parse.quotes import Quote
from tracker.parse.sentences import Line

_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
_CLOSERS = "\"”’'»)] \t\xa0"


def _ends_punctuated(sent: str) -> bool:
    """Does the sentence end in . ! ? … : ; (before closing quotes), or in a closing quote?"""
    if sent[-1:] in ('"', "”"):
        return True
    stripped = sent.rstrip(_CLOSERS)
    return stripped[-1:] in (".", "!", "?", "…", ":", ";")


def _norm_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def scan_furniture(text: str, lines: list[Line], lexicon: Lexicon) -> tuple[set[int], list[int]]:
    """One pass for appeal markers and anywhere-furniture.

    Returns the lines with two or more appeal markers, and the offsets where
    anywhere-furniture (captions, credits, " | " menus) matches.
    """
    starts = [line.start for line in lines]
    counts: dict[int, int] = {}
    furniture: list[int] = []
    for m in lexicon.furniture_scan.finditer(text):
        if m.lastgroup == "furniture":
            furniture.append(m.start())
            continue
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= lines[i].end:
            counts[i] = counts.get(i, 0) + 1
    return {i for i, n in counts.items() if n >= 2}, furniture


def label_furniture(
    text: str,
    lines: list[Line],
    by_line: list[list[tuple[int, int]]],
    quotes: list[Quote],
    lexicon: Lexicon,
    appeals: set[int],
    furniture: list[int],
) -> list[list[SentenceLabel | None]]:
    """BOILERPLATE or HEADING for each sentence that is not body text, else None."""
    flat = [span for row in by_line for span in row]
    starts = [a for a, _ in flat]
    flagged = {bisect_right(starts, pos) - 1 for pos in furniture}
    first = 0
    for li, line in enumerate(lines):
        if by_line[li] and lexicon.boilerplate_start.match(text, line.start, line.end):
            flagged.add(first)
        first += len(by_line[li])
    quoted: list[str] = []  # built on first use: the words of every quote
    labels: list[list[SentenceLabel | None]] = []
    body_started = False
    furniture_zone = False
    n = 0
    for li, line in enumerate(lines):
        spans = by_line[li]
        row: list[SentenceLabel | None] = [None] * len(spans)
        appeal = li in appeals
        if lexicon.furniture_marker.match(text, line.start, line.end):
            furniture_zone = True
        for si, (a, b) in enumerate(spans):
            idx = n
            n += 1
            sent = text[a:b]
            punctuated = _ends_punctuated(sent)
            label: SentenceLabel | None = None
            if li == 0 and si == 0 and lexicon.date_header.match(text, 0, b):
                label = SentenceLabel.BOILERPLATE
            elif appeal or idx in flagged:
                label = SentenceLabel.BOILERPLATE
            elif furniture_zone and not punctuated:
                label = SentenceLabel.BOILERPLATE
            elif not punctuated:
                words = _norm_words(sent)
                if len(words) <= 3 and len(spans) == 1:
                    label = SentenceLabel.BOILERPLATE  # a section tag or button label
                elif si + 1 < len(spans):
                    # A headline or link glued onto the next sentence ("...in decadeMr Sunak").
                    label = SentenceLabel.BOILERPLATE if body_started else SentenceLabel.HEADING
                elif len(spans) == 1:
                    if not quoted:
                        quoted.append(
                            " ".join(" ".join(_norm_words(text[q.start : q.end])) for q in quotes)
                        )
                    label = _standalone_unpunctuated(sent, words, quoted[0], body_started)
            elif (
                sent.endswith("?")
                and len(spans) == 1
                and body_started
                and not _MARK_START.match(sent)
                and len(_norm_words(sent)) <= 12
            ):
                label = SentenceLabel.HEADING  # a question sub-heading
            if label is None:
                body_started = True
            row[si] = label
        labels.append(row)
    return labels


_MARK_START = re.compile(r"[“\"‘']")


def _standalone_unpunctuated(
    sent: str, words: list[str], quoted: str, body_started: bool
) -> SentenceLabel | None:
    """A line without final punctuation: pull-quote, headline, sub-heading or body."""
    originals = _WORD.findall(sent)
    for k in range(1, 6):
        head = words[: len(words) - k]
        if (
            len(head) >= 6
            and all(w[:1].isupper() for w in originals[-k:])
            and (" ".join(head) in quoted)
        ):
            return SentenceLabel.BOILERPLATE  # a pull-quote: an excerpt with a name glued on
    if not body_started:
        return SentenceLabel.HEADING
    if len(words) <= 12:
        return SentenceLabel.HEADING
    return None
