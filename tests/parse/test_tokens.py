"""The tokenizer: a walk over the characters that must cut exactly where its regex would."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parse import DEFAULT_LEXICON
from tracker.parse.tokens import plain_words, tokenize

# The token as a regex (the tokenizer's definition, see tracker/parse/tokens.py).
TOKEN = re.compile(r"\S(?:(?<=[^\W_])[^\W_]*(?:[’'\-.&][^\W_]+)*|(?<=')'(?!')|)")
ABBREVIATIONS = DEFAULT_LEXICON.abbreviations


def by_regex(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The regex's token spans, then each full stop that directly follows a word that
    is an abbreviation, one capital letter, or already holds a full stop, joined to it."""
    spans: list[tuple[int, int]] = []
    for m in TOKEN.finditer(text, start, end):
        a, b = m.span()
        if spans and m.group() == "." and spans[-1][1] == a:
            prev = text[spans[-1][0] : spans[-1][1]]
            if prev.lower() in ABBREVIATIONS or (len(prev) == 1 and prev.isupper()) or "." in prev:
                spans[-1] = (spans[-1][0], b)
                continue
        spans.append((a, b))
    return spans


def spans_of(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    tokens = tokenize(text, start, len(text) if end is None else end, ABBREVIATIONS)
    assert len(tokens) == len(tokens.words) == len(tokens.starts) == len(tokens.ends)
    for a, b, word, low in zip(tokens.starts, tokens.ends, tokens.words, tokens.lower, strict=True):
        assert text[a:b] == word and word.lower() == low
    return list(zip(tokens.starts, tokens.ends, strict=True))


def words_of(text: str) -> list[str]:
    return tokenize(text, 0, len(text), ABBREVIATIONS).words


def test_words_keep_inner_joins_and_split_off_marks() -> None:
    assert words_of("Ukraine’s co-operation with the U.S, “fine”—AT&T's (x_y)") == [
        "Ukraine’s", "co-operation", "with", "the", "U.S", ",", "“", "fine", "”", "—",
        "AT&T's", "(", "x", "_", "y", ")",
    ]  # fmt: skip


def test_abbreviations_and_initials_keep_their_full_stop() -> None:
    assert words_of("Sen. Smith met George W. Bush in the U.S. Then.") == [
        "Sen.", "Smith", "met", "George", "W.", "Bush", "in", "the", "U.S.", "Then", ".",
    ]  # fmt: skip


def test_an_ellipsis_is_one_token_and_each_word_is_its_span() -> None:
    assert words_of("He paused... then spoke. ..") == [
        "He",
        "paused",
        "...",
        "then",
        "spoke",
        ".",
        "..",
    ]


def test_two_apostrophes_are_one_quote_mark_but_three_are_not() -> None:
    assert words_of("''Yes'' '''") == ["''", "Yes", "''", "'", "''"]


def test_a_stretch_is_tokenised_alone_with_offsets_into_the_text() -> None:
    text = "Intro. She said: it works"
    assert spans_of(text, 7, 15) == [(7, 10), (11, 15)]


TEXT_PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        "\xa0",
        "\u2009",
        "Mr",
        "mr",
        "Sen",
        "W",
        "U.S",
        "e.g",
        ".",
        "..",
        "'",
        "''",
        "’",
        "‘",
        "“",
        "”",
        "-",
        "&",
        "_",
        "x",
        "é",
        "ß",
        "٣",
        "½",
        "Ⅻ",
        "said",
        "3.5",
        ",",
        "—",
        "(",
        ")",
        "\t",
        "\x1f",
        "\u200b",
        "\U0001f600",
        "̈",
    ]  # fmt: skip
)


NEWS_LIKE = st.lists(TEXT_PIECES, max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(NEWS_LIKE, NEWS_LIKE, NEWS_LIKE)
def test_agrees_with_the_regex_on_news_like_text(before: str, stretch: str, after: str) -> None:
    text = before + stretch + after
    start, end = len(before), len(before) + len(stretch)
    assert spans_of(text, start, end) == by_regex(text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_agrees_with_the_regex_on_any_text(text: str) -> None:
    assert spans_of(text) == by_regex(text, 0, len(text))


# A plain word as a regex (the definition of tokens.plain_words).
PLAIN_WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


@settings(max_examples=1000, deadline=None)
@given(NEWS_LIKE, NEWS_LIKE, NEWS_LIKE)
def test_plain_words_are_the_regex_words(before: str, stretch: str, after: str) -> None:
    text = before + stretch + after
    start, end = len(before), len(before) + len(stretch)
    assert plain_words(text, start, end) == PLAIN_WORD.findall(text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_plain_words_are_the_regex_words_in_any_text(text: str) -> None:
    assert plain_words(text, 0, len(text)) == PLAIN_WORD.findall(text)


# Name words (tracker.parse.sources): a full stop joins too, and one after a word is kept.
NAME_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*\.?")
NAME_JOINERS = frozenset("’'-.")


@settings(max_examples=1000, deadline=None)
@given(NEWS_LIKE, NEWS_LIKE, NEWS_LIKE)
def test_name_words_are_the_regex_words(before: str, stretch: str, after: str) -> None:
    text = before + stretch + after
    start, end = len(before), len(before) + len(stretch)
    words = plain_words(text, start, end, NAME_JOINERS, final_stop=True)
    assert words == NAME_WORD.findall(text, start, end)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_name_words_are_the_regex_words_in_any_text(text: str) -> None:
    words = plain_words(text, 0, len(text), NAME_JOINERS, final_stop=True)
    assert words == NAME_WORD.findall(text)
