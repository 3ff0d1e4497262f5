"""Candidate finding: the word index must never miss a place where a pattern matches."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parse import DEFAULT_LEXICON
from tracker.parse.attribution import find_claims
from tracker.parse.layout import lay_out
from tracker.parse.lexicon import SCAN_CUE, SCAN_FURNITURE, SCAN_HEDGE, SCAN_TIME
from tracker.parse.quotes import _MARK, _MARK_STARTS
from tracker.parse.scan import (
    WordIndex,
    char_offsets,
    find_all,
    first_runs,
    gap_led,
    gap_led_matches,
    matches,
    plan,
)
from tracker.parse.sentences import _END, _END_MARKS, split_lines

SCANNED = {
    SCAN_CUE: DEFAULT_LEXICON.cue_pattern,
    SCAN_FURNITURE: DEFAULT_LEXICON.furniture_scan,
    SCAN_HEDGE: DEFAULT_LEXICON.hedge_pattern,
    SCAN_TIME: DEFAULT_LEXICON.time_expression,
}

PIECES = st.sampled_from(
    [
        ", but he ",
        ", and she ",
        ", which ",
        ", which, ",
        ", at the ",
        ", with an ",
        ", during their ",
        ", in a statement",
        ", citing ",
        ", referring to ",
        " when ",
        "amidst",
        "band",
        " ,  ",
        ",\n",
        " amid ",
        " — ",
        "; ",
        ", as they ",
        " while the ",
        "said",
        "Said",
        "told",
        "according to",
        "accordingly",
        "unsaid",
        "said’s",
        "’said",
        "-said",
        "said-",
        "_said",
        "saidé",
        "é",
        "may",
        "may be",
        "could not independently verify",
        "appeared to",
        "I think",
        "on Friday",
        "Friday’s",
        "mid-January 24",
        "24th January",
        "١٢ January",
        "Following the meeting",
        "(Picture: PA/Getty)",
        "Photocredit: ",
        "Photo credit:\t",
        "/Alamy",
        " | ",
        "|",
        "Newsletter",
        "Your support",
        "donation",
        "Sign up",
        "\n",
        " ",
        "  ",
        "\xa0",
        ".",
        ",",
        "“",
        "”",
        "'",
        "0",
        "1",
        "x",
        "decadeMr Sunak",
        "said.Trump",
        "''",
        "'''",
        "«",
        "…",
        "?!",
        "\r\n",
        "\r",
        "\u2028",
        "\t",
    ]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=200))


@pytest.mark.parametrize("k", sorted(SCANNED))
@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_candidates_find_every_match(k: int, text: str) -> None:
    pattern = SCANNED[k]
    begins = WordIndex(text, DEFAULT_LEXICON.scan_plan).starts(k)
    assert begins is not None, "the lexicon's pattern should be readable"
    expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in matches(pattern, text, begins)] == expected


@settings(max_examples=200, deadline=None)
@given(text=TEXTS, a=st.integers(0, 60), b=st.integers(0, 200))
def test_candidates_within_a_window(text: str, a: int, b: int) -> None:
    pattern = DEFAULT_LEXICON.hedge_pattern
    begins = WordIndex(text, DEFAULT_LEXICON.scan_plan).starts(SCAN_HEDGE) or []
    expected = [m.span() for m in pattern.finditer(text, a, b)]
    assert [m.span() for m in matches(pattern, text, begins, a, b)] == expected


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_marks_tried_only_at_their_characters_are_the_regex_scan(text: str) -> None:
    for pattern, starts in ((_END, _END_MARKS), (_MARK, _MARK_STARTS)):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in matches(pattern, text, char_offsets(text, starts))] == expected
    glue = DEFAULT_LEXICON.glue_pattern
    assert DEFAULT_LEXICON.glue_capital_led
    at = WordIndex(text, DEFAULT_LEXICON.scan_plan).capitals_after_letters()
    assert [m.span() for m in matches(glue, text, at)] == [m.span() for m in glue.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_lines_are_the_visible_runs_between_line_breaks(text: str) -> None:
    visible_runs = re.compile(r"\S(?:[^\r\n]*\S)?")
    expected = [m.span() for m in visible_runs.finditer(text)]
    assert [tuple(line) for line in split_lines(text)] == expected


@pytest.mark.parametrize(
    "pattern",
    [
        pytest.param(r"said", id="no-boundary: may start inside a word"),
        pytest.param(r"\bsaid", id="open end: the word may go on"),
        pytest.param(r"\b\w+\b", id="open class"),
        pytest.param(r"(?i)\bsaid\b", id="case-insensitive"),
        pytest.param(r"\b(?:a|b)?", id="may match nothing"),
    ],
)
def test_unreadable_patterns_are_scanned(pattern: str) -> None:
    assert first_runs(re.compile(pattern)) is None


@pytest.mark.parametrize(
    ("pattern", "runs", "leads"),
    [
        pytest.param(r"\b(?:said|says)\b", {b"said": (0,), b"says": (0,)}, (), id="words"),
        pytest.param(r"\b[Oo]n\s+Monday\b", {b"On": (0,), b"on": (0,)}, (), id="class"),
        pytest.param(r"\b[0-9]{1,2}th\b", {b"0th": (0,), b"00th": (0,)}, (), id="digits"),
        pytest.param(r"\((?:Photo)s?:", {b"Photo": (1,), b"Photos": (1,)}, (), id="lead"),
        pytest.param(r"(?<=[ \t])\|", {}, ("|",), id="punctuation only"),
        pytest.param(
            r"\b(?:in the words of|said)\b", {b"words": (7,), b"said": (0,)}, (), id="phrase"
        ),
        pytest.param(r"(?<![\w’'])said(?![\w\-])", {b"said": (0,)}, (), id="lookarounds"),
    ],
)
def test_readable_patterns(
    pattern: str, runs: dict[bytes, tuple[int, ...]], leads: tuple[str]
) -> None:
    starts = first_runs(re.compile(pattern))
    assert starts is not None
    assert dict(starts.runs) == runs
    assert starts.leads == leads


def test_a_plan_without_readable_patterns_scans_everything() -> None:
    scan_plan = plan([re.compile(r"said")])
    index = WordIndex("he said", scan_plan)
    assert index.starts(0) is None


GAP_LED = [
    pytest.param(DEFAULT_LEXICON.content_cutters, id="content-cutters"),
    pytest.param(DEFAULT_LEXICON.setting_clause, id="setting-clause"),
    pytest.param(re.compile(r",?\s+(?:as|while)\s|\s*—\s|;"), id="bare-punctuation-head"),
    pytest.param(re.compile(r"(?:,\s*|\s+)(?P<w>amid|and\s+he)\b"), id="group-after-head"),
]


@pytest.mark.parametrize("pattern", GAP_LED)
@settings(max_examples=300, deadline=None)
@given(text=TEXTS, a=st.integers(0, 30), cut=st.integers(0, 5))
def test_gap_led_scan_finds_the_same_matches(
    pattern: re.Pattern[str], text: str, a: int, cut: int
) -> None:
    gap = gap_led(pattern)
    assert gap is not None
    end = max(a, len(text) - cut)
    expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text, a, end)]
    got = [(m.span(), m.groupdict()) for m in gap_led_matches(pattern, gap, text, a, end)]
    assert got == expected


def test_gap_led_reads_the_heads_after_blanks_and_commas() -> None:
    gap = gap_led(re.compile(r",?\s+amid\s|,\s+(?:but|and)\s+(?:he|she)\s|\s+—\s|;\s"))
    assert gap is not None and gap.heads == (";", "amid", "and", "but", "—")


@pytest.mark.parametrize(
    "pattern",
    [
        r"\s*amid",  # a word that may open the match with no blank before it
        r"\s+",  # blanks only: no head
        r"\s+[a-z]+",  # a class, not a literal head
        r"(?i:\s+amid)",  # flags
        r"\bamid",
    ],
)
def test_patterns_that_are_not_gap_led_are_scanned(pattern: str) -> None:
    assert gap_led(re.compile(pattern)) is None


def test_a_replaced_lexicon_keeps_its_patterns_readable() -> None:
    lexicon = dataclasses.replace(DEFAULT_LEXICON, speech_verbs=frozenset({"say", "said"}))
    assert all(starts is not None for starts in lexicon.scan_plan.starts)
    assert lexicon.cutter_gap is not None and lexicon.setting_gap is not None


def test_only_sentences_with_a_cue_are_tokenised() -> None:
    # Tokenising is the costliest step per sentence: a sentence without a cue candidate
    # outside quotes, or whose only candidate sits inside a quote, is never tokenised.
    text = (
        "The weather was cold all week.\n"
        "The mayor said the bridge would reopen.\n"
        "“We said it would rain,” the clerk joked.\n"
        "“They said nothing at all.”\n"
        "Nothing else happened in the town.\n"
    )
    layout = lay_out(text, DEFAULT_LEXICON)
    find_claims(layout)
    assert layout.tokenised() == [1, 2]


def _every_find(data: bytes, needle: bytes) -> list[int]:
    return [i for i in range(len(data) - len(needle) + 1) if data.startswith(needle, i)]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=60), st.binary(min_size=1, max_size=3))
def test_find_all_finds_every_occurrence(data: bytes, needle: bytes) -> None:
    # Needles such as b"aa" overlap themselves ("aaa" holds two); the others are found by
    # one split.
    data = data.replace(b"\x00", needle)  # make occurrences common
    assert find_all(data, needle) == _every_find(data, needle)


@pytest.mark.parametrize("data", [b" Aa A", b"aAaA  aA", b"aaaa", b""])
@pytest.mark.parametrize("needle", [b" A", b"aA", b"aa", b"a"])
def test_find_all_on_capital_marks(data: bytes, needle: bytes) -> None:
    assert find_all(data, needle) == _every_find(data, needle)
