"""Properties that hold for any text: the parser returns, and every span is honest."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.model import ParsedArticle, Span
from tracker.parse import parse_article

# Fragments of news copy and of its damage, which random joins turn into hard cases.
NEWS_PIECES = [
    "The minister said ",
    "that ",
    "prices rose",
    ". ",
    ", ",
    "“",
    "”",
    '"',
    "'",
    "''",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "according to officials",
    " said Mr Weber",
    ": ",
    "(Picture: X/Getty)",
    "Read more ",
    "date 2024-01-05 ",
    "Mr",
    "decadeMr Sunak told ",
    "\xa0",
    "ishi ",
    "He added: “",
    "Watch: ",
    " | ",
    "?",
    "!",
    "…",
    "(MoD)",
    " and ",
    " claimed ",
    " on Friday",
    " last week",
    "Ukraine’s ",
    "allegedly ",
]
PIECES = st.sampled_from(NEWS_PIECES)
NEWSY = st.lists(PIECES, max_size=60).map("".join)
ANY_TEXT = st.text(max_size=400)


def spans_of(parsed: ParsedArticle) -> list[Span]:
    out = [s.span for s in parsed.sentences]
    for c in parsed.claims:
        out.extend(c.content)
        out.extend(s for s in (c.source, c.cue) if s is not None)
    out.extend(link.sentence for link in parsed.links)
    return out


def check(text: str) -> None:
    parsed = parse_article(text)
    assert parsed.text is text
    for span in spans_of(parsed):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert not span.text[0].isspace() and not span.text[-1].isspace()
    previous_end = 0
    for sentence in parsed.sentences:
        assert sentence.span.start >= previous_end
        assert not text[previous_end : sentence.span.start].strip()
        previous_end = sentence.span.end
    assert not text[previous_end:].strip()
    for claim in parsed.claims:
        assert claim.content
        assert 0 <= claim.sentence_index < len(parsed.sentences)
        for link in parsed.links:
            assert all(0 <= t < len(parsed.claims) for t in link.target_claims)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_any_unicode(text: str) -> None:
    check(text)


@settings(max_examples=400, deadline=None)
@given(NEWSY)
def test_news_like_fragments(text: str) -> None:
    check(text)


@settings(max_examples=20, deadline=None)
@given(st.lists(PIECES, min_size=200, max_size=400).map("".join))
def test_huge_paragraphs(text: str) -> None:
    check(text.replace("\n", " ").replace("\r", " ") * 5)
