"""One article laid out for the rules: lines, sentences, quotes, furniture, tokens.

Owns the per-article structure every rule reads, with position lookups
(which sentence, which quote) and a per-sentence token cache. It lives only
for one ``parse_article`` call. Must not hold rules about attribution.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from tracker.model import SentenceLabel
from tracker.parse.boilerplate import label_furniture, scan_furniture
from tracker.parse.lexicon import SCAN_TIME, Lexicon
from tracker.parse.ordered import bisect_right
from tracker.parse.quotes import Quote, find_quotes
from tracker.parse.scan import WordIndex
from tracker.parse.sentences import Line, split_lines, split_sentences
from tracker.parse.tokens import Tokens, tokenize


@dataclass(slots=True)
class Layout:
    text: str
    lexicon: Lexicon
    lines: list[Line]
    spans: list[tuple[int, int]]
    """Sentence spans in text order."""
    line_of: list[int]
    """Line index of each sentence."""
    furniture: list[SentenceLabel | None]
    """BOILERPLATE or HEADING per sentence, None for body text."""
    quotes: list[Quote]
    words: WordIndex
    """Where the start words of the lexicon's scanned patterns stand."""
    starts: list[int] = field(default_factory=list)
    quote_opens: list[int] = field(default_factory=list)
    quote_pos: dict[int, int] = field(default_factory=dict)
    """Index in ``quotes`` of each quote, by ``id``."""
    line_first: list[int] = field(default_factory=list)
    """Index of the first sentence of each line."""
    remark_words_at: dict[int, set[str]] = field(default_factory=dict)
    """The remark words (lower-cased) of each sentence holding one (filled by the cue scan)."""
    _tokens: dict[int, Tokens] = field(default_factory=dict)
    _begins: dict[int, list[int] | None] = field(default_factory=dict)
    _time_begins: set[int] | Literal[True] | None = None
    """Offsets where a time expression may begin (True: anywhere), once asked."""

    def begins(self, k: int) -> list[int] | None:
        """Offsets where scanned pattern ``k`` of the lexicon may match (None: anywhere)."""
        if k not in self._begins:
            self._begins[k] = self.words.starts(k)
        return self._begins[k]

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence whose span starts at or before ``pos`` (-1 if none)."""
        return bisect_right(self.starts, pos) - 1

    def quote_at(self, pos: int) -> Quote | None:
        """The quote whose marks enclose ``pos`` (strictly inside the open mark)."""
        i = bisect_right(self.quote_opens, pos) - 1
        if i < 0:
            return None
        q = self.quotes[i]
        if q.open < pos < q.close or (not q.closed and q.open < pos <= q.close):
            return q
        return None

    def tokens(self, si: int) -> Tokens:
        cached = self._tokens.get(si)
        if cached is None:
            a, b = self.spans[si]
            cached = tokenize(self.text, a, b, self.lexicon.abbreviations)
            self._tokens[si] = cached
        return cached

    def tokenised(self) -> list[int]:
        """The sentences tokenised so far (rules ask only around cue candidates)."""
        return sorted(self._tokens)

    def time_ending_at(self, pos: int, floor: int) -> int | None:
        """Start of the longest time expression that ends exactly at ``pos`` (not before floor)."""
        m = self.lexicon.time_expression_end.search(self.text, max(floor, pos - 48), pos)
        return m.start() if m else None

    def time_starting_at(self, pos: int, end: int) -> int | None:
        """End of the time expression that starts exactly at ``pos`` (within ``end``)."""
        begins = self._time_begins
        if begins is None:
            found = self.begins(SCAN_TIME)
            begins = self._time_begins = set(found) if found is not None else True
        if begins is not True and pos not in begins:
            return None
        m = self.lexicon.time_expression.match(self.text, pos, end)
        return m.end() if m else None

    def quotes_in_line(self, li: int) -> list[Quote]:
        lo = bisect_right(self.quote_opens, self.lines[li].start - 1)
        hi = bisect_right(self.quote_opens, self.lines[li].end)
        return self.quotes[lo:hi]


def lay_out(text: str, lexicon: Lexicon) -> Layout:
    lines = split_lines(text)
    words = WordIndex(text, lexicon.scan_plan)
    appeals, furniture_hits = scan_furniture(text, lines, lexicon, words)
    spans, line_of, line_first = split_sentences(text, lines, lexicon, appeals, words)
    quotes = find_quotes(text, lines)
    furniture = label_furniture(
        text, lines, spans, line_first, quotes, lexicon, appeals, furniture_hits
    )
    layout = Layout(text, lexicon, lines, spans, line_of, furniture, quotes, words)
    layout.starts = [a for a, _ in spans]
    layout.quote_opens = [q.open for q in quotes]
    layout.quote_pos = {id(q): i for i, q in enumerate(quotes)}
    layout.line_first = line_first
    return layout
