"""Page furniture and headings: which sentences are not article body.

Owns the boilerplate and heading labels: metadata lines, donation appeals,
captions and their repeats, follow-us and newsletter prompts, "Watch:" teasers,
related links after a "Related topics" marker, pull-quotes, glued-on headlines,
the headline and question sub-headings. Must not find attributions.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.model import SentenceLabel
from tracker.parse.lexicon import SCAN_FURNITURE, Lexicon
from tracker.parse.ordered import bisect_right
from tracker.parse.quotes import Quote
from tracker.parse.scan import WordIndex, matches
from tracker.parse.sentences import Line
from tracker.parse.tokens import plain_words

_CLOSERS = "\"”’'»)] \t\xa0"


def _ends_punctuated(sent: str) -> bool:
    """Does the sentence end in . ! ? … : ; (before closing quotes), or in a closing quote?"""
    if sent[-1:] in ('"', "”"):
        return True
    stripped = sent.rstrip(_CLOSERS)
    return stripped[-1:] in (".", "!", "?", "…", ":", ";")


def _norm_words(text: str) -> list[str]:
    return [w.lower() for w in plain_words(text, 0, len(text))]


def scan_furniture(
    text: str, lines: list[Line], lexicon: Lexicon, words: WordIndex
) -> tuple[set[int], list[int]]:
    """One pass for appeal markers and anywhere-furniture.

    Returns the lines with two or more appeal markers, and the offsets where
    anywhere-furniture (captions, credits, " | " menus) matches.
    """
    starts: list[int] = []
    counts: dict[int, int] = {}
    furniture: list[int] = []
    begins = words.starts(SCAN_FURNITURE)
    scan = lexicon.furniture_scan
    for m in matches(scan, text, begins):
        if m.lastgroup == "furniture":
            furniture.append(m.start())
            continue
        if not starts:
            starts = [line.start for line in lines]
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= lines[i].end:
            counts[i] = counts.get(i, 0) + 1
    return {i for i, n in counts.items() if n >= 2}, furniture


def label_furniture(
    text: str,
    lines: list[Line],
    spans: list[tuple[int, int]],
    line_first: list[int],
    quotes: list[Quote],
    lexicon: Lexicon,
    appeals: set[int],
    furniture: list[int],
) -> list[SentenceLabel | None]:
    """BOILERPLATE or HEADING for each sentence (in text order) that is not body text."""
    flagged: set[int] = set()
    if furniture:
        starts = [a for a, _ in spans]
        flagged = {bisect_right(starts, pos) - 1 for pos in furniture}
    boilerplate_start = lexicon.boilerplate_start
    furniture_marker = lexicon.furniture_marker
    quoted: list[str] = []  # built on first use: the words of every quote
    labels: list[SentenceLabel | None] = []
    body_started = False
    furniture_zone = False
    n_lines = len(lines)
    n_spans = len(spans)
    for li in range(n_lines):
        line_start, line_end = lines[li]
        first = line_first[li]
        last = line_first[li + 1] if li + 1 < n_lines else n_spans
        if first < last and boilerplate_start.match(text, line_start, line_end):
            flagged.add(first)
        appeal = li in appeals
        if furniture_marker.match(text, line_start, line_end):
            furniture_zone = True
        single = last - first == 1
        for idx in range(first, last):
            a, b = spans[idx]
            end_char = text[b - 1]
            # Ends in . ! ? … : ; (before closing quotes), or in a closing quote.
            punctuated = end_char in _PUNCTUATED or _ends_punctuated(text[a:b])
            label: SentenceLabel | None = None
            if idx == 0 and li == 0 and lexicon.date_header.match(text, 0, b):
                label = SentenceLabel.BOILERPLATE
            elif appeal or idx in flagged:
                label = SentenceLabel.BOILERPLATE
            elif furniture_zone and not punctuated:
                label = SentenceLabel.BOILERPLATE
            elif not punctuated:
                sent = text[a:b]
                words = _norm_words(sent)
                if len(words) <= 3 and single:
                    label = SentenceLabel.BOILERPLATE  # a section tag or button label
                elif idx + 1 < last:
                    # A headline or link glued onto the next sentence ("...in decadeMr Sunak").
                    label = SentenceLabel.BOILERPLATE if body_started else SentenceLabel.HEADING
                elif single:
                    label = _standalone_unpunctuated(
                        sent, words, lambda: _quoted_words(text, quotes, quoted), body_started
                    )
            elif (
                end_char == "?"
                and single
                and body_started
                and not _MARK_START.match(text, a)
                and len(_norm_words(text[a:b])) <= 12
            ):
                label = SentenceLabel.HEADING  # a question sub-heading
            if label is None:
                body_started = True
            labels.append(label)
    return labels


_PUNCTUATED = frozenset('.!?…:;"”')
_MARK_START = re.compile(r"[“\"‘']")


def _quoted_words(text: str, quotes: list[Quote], memo: list[str]) -> str:
    """The words of every quote, lower-cased, space-separated (built once, in ``memo``)."""
    if not memo:
        memo.append(" ".join(" ".join(plain_words(text, q.start, q.end)) for q in quotes).lower())
    return memo[0]


def _standalone_unpunctuated(
    sent: str, words: list[str], quoted: Callable[[], str], body_started: bool
) -> SentenceLabel | None:
    """A line without final punctuation: pull-quote, headline, sub-heading or body."""
    originals = plain_words(sent, 0, len(sent))
    for k in range(1, 6):
        head = words[: len(words) - k]
        if (
            len(head) >= 6
            and all(w[:1].isupper() for w in originals[-k:])
            and (" ".join(head) in quoted())
        ):
            return SentenceLabel.BOILERPLATE  # a pull-quote: an excerpt with a name glued on
    if not body_started:
        return SentenceLabel.HEADING
    if len(words) <= 12:
        return SentenceLabel.HEADING
    return None
