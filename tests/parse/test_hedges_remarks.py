"""Hedges on claims and verification remarks that judge earlier claims (project examples)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.parse.helpers import parse
from tracker.parse import DEFAULT_LEXICON, parse_article


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        pytest.param(
            "Police said a video that allegedly shows the attack was fake.",
            ("allegedly",),
            id="allegedly-in-content",
        ),
        pytest.param("The army claimed it had taken the town.", ("claimed",), id="claimed-as-cue"),
        pytest.param(
            "Officials said the rebels could be regrouping.", ("could",), id="could-of-possibility"
        ),
        pytest.param(
            "Officials said the rebels could win the vote.", (), id="could-of-ability-is-not-one"
        ),
        pytest.param(
            "The coach said: “I think we were unlucky.”", ("I think",), id="speakers-own-i-think"
        ),
        pytest.param(
            "A purportedly leaked memo appeared to show losses, including claims that staff "
            "were cut.",
            ("purportedly", "appeared to", "claims"),
            id="frame-hedges-in-text-order",
        ),
        pytest.param(
            "The ministry rejected the claims, saying the report was reportedly wrong.",
            ("reportedly",),
            id="the-claims-names-claims-not-a-hedge",
        ),
    ],
)
def test_hedges(text: str, hedges: tuple[str, ...]) -> None:
    claims = parse(text).claims
    assert claims
    assert claims[-1].hedges == hedges


@pytest.mark.parametrize(
    ("text", "stance", "targets"),
    [
        pytest.param(
            "Mr Schmidt claimed the dam had burst. He said it was “a disaster”. "
            "The Herald could not independently verify Mr Schmidt’s claims.",
            "unverified",
            (0, 1),
            id="could-not-verify-a-named-partys-claims",
        ),
        pytest.param(
            "The army said it had withdrawn. However, the announcement was met with "
            "scepticism by local officials.",
            "caution",
            (0,),
            id="scepticism",
        ),
        pytest.param(
            "A leaked memo contained claims that the mine was unsafe. The company warned "
            "against taking the allegations at face value.",
            "caution",
            (0,),
            id="at-face-value",
        ),
        pytest.param(
            "The ministry said the convoy was attacked. The rebels have denied the claims.",
            "disputed",
            (0,),
            id="denied-the-claims",
        ),
        pytest.param(
            "The club said the fee was paid. The league later confirmed the reports.",
            "supported",
            (0,),
            id="confirmed-the-reports",
        ),
    ],
)
def test_remarks(text: str, stance: str, targets: tuple[int, ...]) -> None:
    parsed = parse(text)
    assert [(link.stance.value, link.target_claims) for link in parsed.links] == [(stance, targets)]


def test_remark_that_is_also_a_claim() -> None:
    parsed = parse(
        "The ministry said the convoy was attacked. The rebels have refuted the claims, "
        "accusing the ministry of lying."
    )
    cues = [c.cue.text for c in parsed.claims if c.cue]
    assert cues == ["said", "have refuted", "accusing"]
    assert parsed.links[0].by == "rebels"
    assert parsed.links[0].target_claims == (0,)


def test_no_remark_without_an_earlier_claim() -> None:
    assert parse("Nobody could independently verify the figures.").links == ()


# Sentences made of remark words, the words around them and claims for them to judge.
REMARK_PIECES = st.sampled_from(
    [
        "Officials said the town was taken. ", "Ms Berg said it was ready. ", "\n",
        "The BBC could not independently verify the claims. ", "It has not been independently confirmed. ",
        "Kyiv denied the claims. ", "Moscow dismissed these reports as propaganda. ",
        "The reports were false claims. ", "Analysts warned against taking the claims at face value. ",
        "Officials confirmed the account. ", "Police backed up her statements. ",
        "He raised doubts ", "and raised concerns ", "cast doubt on the report. ",
        "with scepticism. ", "Denied ", "Confirmed ", "unverified ", "the claims ", "that ",
        "“", "”", "’s claims ", "Ms Berg", ", ", ". ",
    ]
)  # fmt: skip


# Every remark pattern tried in every sentence holding any remark word.
EVERY_PATTERN = dataclasses.replace(
    DEFAULT_LEXICON,
    remark_stance_words={
        name: DEFAULT_LEXICON.remark_words for name in DEFAULT_LEXICON.remark_stance_words
    },
)


@settings(max_examples=300, deadline=None)
@given(st.lists(REMARK_PIECES, max_size=25).map("".join))
def test_trying_only_the_remark_patterns_whose_words_a_sentence_holds_finds_the_same_links(
    text: str,
) -> None:
    assert parse_article(text).links == parse_article(text, lexicon=EVERY_PATTERN).links


def test_the_remark_sentences_above_make_links() -> None:
    text = "Ms Berg said it was ready. Kyiv denied the claims. Officials confirmed the account. "
    assert {link.stance for link in parse_article(text).links} == {"disputed", "supported"}
