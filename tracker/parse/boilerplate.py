"""Page furniture and headings: which sentences are not article body.

Owns the boilerplate and heading labels: metadata lines, donation appeals,
captions and their repeats, follow-us and newsletter prompts, "Watch:" teasers,
related links after a "Related topics" marker, pull-quotes, glued-on headlines,
the headline and question sub-headings. Must not find attributions.
"""

from __future__ import annotations

import re

from tracker.model import SentenceLabel
from tracker.parse.lexicon import Lexicon
from tracker.parse.quotes import Quote
from tracker.parse.sentences import Line

_FINAL = re.compile(r"[.!?…:;][\"”’'»)\]]*$|[\"”]$")
_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


def _ends_punctuated(text: str) -> bool:
    return bool(_FINAL.search(text))


def _norm_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def label_furniture(
    text: str,
    lines: list[Line],
    by_line: list[list[tuple[int, int]]],
    quotes: list[Quote],
    lexicon: Lexicon,
) -> list[list[SentenceLabel | None]]:
    """BOILERPLATE or HEADING for each sentence that is not body text, else None."""
    quoted = " ".join(" ".join(_norm_words(text[q.start : q.end])) for q in quotes)
    labels: list[list[SentenceLabel | None]] = []
    body_started = False
    furniture_zone = False
    for li, line in enumerate(lines):
        spans = by_line[li]
        line_text = text[line.start : line.end]
        row: list[SentenceLabel | None] = [None] * len(spans)
        appeal = len(lexicon.appeal_markers.findall(line_text)) >= 2
        if lexicon.furniture_marker.match(line_text):
            furniture_zone = True
        for si, (a, b) in enumerate(spans):
            sent = text[a:b]
            words = _norm_words(sent)
            punctuated = _ends_punctuated(sent)
            label: SentenceLabel | None = None
            if li == 0 and si == 0 and lexicon.date_header.match(text, 0, b):
                label = SentenceLabel.BOILERPLATE
            elif appeal or lexicon.boilerplate_line.search(sent):
                label = SentenceLabel.BOILERPLATE
            elif furniture_zone and not punctuated:
                label = SentenceLabel.BOILERPLATE
            elif not punctuated and len(words) <= 3 and len(spans) == 1:
                label = SentenceLabel.BOILERPLATE  # a section tag or button label
            elif not punctuated and si + 1 < len(spans):
                # A headline or link glued onto the next sentence ("...in decadeMr Sunak").
                label = SentenceLabel.BOILERPLATE if body_started else SentenceLabel.HEADING
            elif not punctuated and len(spans) == 1:
                label = _standalone_unpunctuated(sent, words, quoted, body_started)
            elif (
                sent.endswith("?")
                and len(spans) == 1
                and len(words) <= 12
                and body_started
                and not _MARK_START.match(sent)
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
