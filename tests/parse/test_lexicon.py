"""The Lexicon is data: replacing a field changes what the parser finds."""

from __future__ import annotations

import dataclasses

import pytest

from tracker.parse import DEFAULT_LEXICON, Lexicon, parse_article
from tracker.parse.lexicon import inflect, lemma_candidates

TEXT = "The minister warned that prices would rise. The minister said taxes would fall."


def cues(lexicon: Lexicon) -> list[str]:
    return [c.cue.text for c in parse_article(TEXT, lexicon=lexicon).claims if c.cue]


def test_default_finds_both() -> None:
    assert cues(DEFAULT_LEXICON) == ["warned", "said"]


@pytest.mark.parametrize(
    "removed",
    [
        pytest.param({"warn"}, id="lemma-removes-every-form"),
        pytest.param({"warned"}, id="one-form"),
    ],
)
def test_removing_a_reporting_verb(removed: set[str]) -> None:
    lexicon = dataclasses.replace(
        DEFAULT_LEXICON, speech_verbs=DEFAULT_LEXICON.speech_verbs - removed
    )
    assert cues(lexicon) == ["said"]
    assert "warned" not in lexicon.cues
    assert "said" in lexicon.cues


def test_removing_a_form_keeps_the_others() -> None:
    lexicon = dataclasses.replace(
        DEFAULT_LEXICON, speech_verbs=DEFAULT_LEXICON.speech_verbs - {"warned"}
    )
    assert "warns" in lexicon.cues


def test_adding_a_verb() -> None:
    text = "The minister grumbled that prices would rise."
    assert parse_article(text).claims == ()
    lexicon = dataclasses.replace(
        DEFAULT_LEXICON, speech_verbs=DEFAULT_LEXICON.speech_verbs | set(inflect("grumble"))
    )
    (claim,) = parse_article(text, lexicon=lexicon).claims
    assert claim.cue is not None and claim.cue.text == "grumbled"


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        pytest.param("say", ("say", "says", "said", "saying"), id="irregular"),
        pytest.param("warn", ("warn", "warns", "warned", "warning"), id="regular"),
        pytest.param("believe", ("believe", "believes", "believed", "believing"), id="silent-e"),
        pytest.param("deny", ("deny", "denies", "denied", "denying"), id="y-to-ies"),
        pytest.param("commit", ("commit", "commits", "committed", "committing"), id="doubling"),
        pytest.param("agree", ("agree", "agrees", "agreed", "agreeing"), id="double-e"),
    ],
)
def test_inflection(lemma: str, forms: tuple[str, ...]) -> None:
    assert set(inflect(lemma)) >= set(forms)
    for form in forms:
        assert lemma in lemma_candidates(form)


def test_cue_pattern_is_prefix_factored() -> None:
    # One alternation over every cue, compiled from the sets (not a list of patterns).
    pattern = DEFAULT_LEXICON.cue_pattern.pattern
    assert pattern.count("said") <= 1
    assert "(?:" in pattern
