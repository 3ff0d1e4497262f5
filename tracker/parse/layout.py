"""One article laid out for the rules: lines, sentences, quotes, furniture, tokens.

Owns the per-article structure every rule reads, with position lookups
(which sentence, which quote) and a per-sentence token cache. It lives only
for one ``parse_article`` call. Must not hold rules about attribution.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from tracker.model import SentenceLabel
from tracker.parse.boilerplate import label_furniture, scan_furniture
from tracker.parse.lexicon import Lexicon
from tracker.parse.quotes import Quote, find_quotes
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
    starts: list[int] = field(default_factory=list)
    quote_opens: list[int] = field(default_factory=list)
    quote_pos: dict[int, int] = field(default_factory=dict)
    """Index in ``quotes`` of each quote, by ``id``."""
    line_first: list[int] = field(default_factory=list)
    """Index of the first sentence of each line."""
    remark_sentences: set[int] = field(default_factory=set)
    """Sentences holding a remark keyword (filled by the cue scan)."""
    _tokens: dict[int, Tokens] = field(default_factory=dict)

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

    def time_ending_at(self, pos: int, floor: int) -> int | None:
        """Start of the longest time expression that ends exactly at ``pos`` (not before floor)."""
        m = self.lexicon.time_expression_end.search(self.text, max(floor, pos - 48), pos)
        return m.start() if m else None

    def time_starting_at(self, pos: int, end: int) -> int | None:
        """End of the time expression that starts exactly at ``pos`` (within ``end``)."""
        m = self.lexicon.time_expression.match(self.text, pos, end)
        return m.end() if m else None

    def quotes_in_line(self, li: int) -> list[Quote]:
        lo = bisect_right(self.quote_opens, self.lines[li].start - 1)
        hi = bisect_right(self.quote_opens, self.lines[li].end)
        return self.quotes[lo:hi]


def lay_out(text: str, lexicon: Lexicon) -> Layout:
    lines = split_lines(text)
    appeals, furniture_hits = scan_furniture(text, lines, lexicon)
    by_line = split_sentences(text, lines, lexicon, appeals)
    quotes = find_quotes(text, lines)
    labels = label_furniture(text, lines, by_line, quotes, lexicon, appeals, furniture_hits)
    spans: list[tuple[int, int]] = []
    line_of: list[int] = []
    furniture: list[SentenceLabel | None] = []
    line_first: list[int] = []
    for li, row in enumerate(by_line):
        line_first.append(len(spans))
        for span, label in zip(row, labels[li], strict=True):
            spans.append(span)
            line_of.append(li)
            furniture.append(label)
    layout = Layout(text, lexicon, lines, spans, line_of, furniture, quotes)
    layout.starts = [a for a, _ in spans]
    layout.quote_opens = [q.open for q in quotes]
    layout.quote_pos = {id(q): i for i, q in enumerate(quotes)}
    layout.line_first = line_first
    return layout
