"""Who speaks: source kinds and resolution within one article (examples written for the project)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.parse.helpers import parse
from tracker.parse.sources import _name_run_end


def entities(text: str) -> list[tuple[str, str]]:
    return [(c.source_entity, c.source_type.value) for c in parse(text).claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Poland’s deputy energy minister Irina Kovalenko said the pipeline was safe.",
            [("Irina Kovalenko", "person")],
            id="person-with-country-and-role",
        ),
        pytest.param(
            "Foreign Secretary Jonas Lindqvist said the talks would resume.",
            [("Jonas Lindqvist", "person")],
            id="person-with-title",
        ),
        pytest.param(
            "The Ministry of Transport (MoT) said the line would reopen. "
            "The tunnel is flooded, according to the MoT.",
            [("Ministry of Transport", "organisation"), ("Ministry of Transport", "organisation")],
            id="organisation-and-its-acronym",
        ),
        pytest.param(
            "A Downing Street spokeswoman said the call went well.",
            [("Downing Street", "organisation")],
            id="spokeswoman-of-an-organisation",
        ),
        pytest.param(
            "The talks were constructive, Number 10 said.",
            [("Downing Street", "organisation")],
            id="alias-number-10",
        ),
        pytest.param(
            "The Kremlin claimed the convoy had turned back.",
            [("Kremlin", "organisation")],
            id="state-institution",
        ),
        pytest.param(
            "The Italian defence ministry said two drones were shot down.",
            [("Italian Ministry of Defence", "organisation")],
            id="ministry-name-normalised",
        ),
        pytest.param(
            "Western officials said the bridge had been hit.",
            [("Western officials", "unnamed")],
            id="unnamed-officials",
        ),
        pytest.param(
            "Experts believe the vaccine works.",
            [("Experts", "unnamed")],
            id="unnamed-experts",
        ),
        pytest.param(
            "According to a readout issued by the White House, the leaders spoke for an hour.",
            [("White House", "document")],
            id="document-with-issuer",
        ),
        pytest.param(
            "Leaked emails show that the budget was cut.",
            [("Leaked emails", "document")],
            id="document-without-issuer",
        ),
    ],
)
def test_source_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Chancellor Maria Reyes visited the plant. She said the jobs were safe.",
            ["Maria Reyes"],
            id="pronoun-to-the-person",
        ),
        pytest.param(
            "A union spokeswoman said the strike would go ahead. She added: “We are ready.”",
            ["union", "union"],
            id="pronoun-to-a-spokeswoman",
        ),
        pytest.param(
            "Prime Minister Sergei Petrov arrived in Rome. The Prime Minister said the visit "
            "was useful.",
            ["Sergei Petrov"],
            id="role-to-the-named-holder",
        ),
        pytest.param(
            "Mr Tanaka met the board. Kenji Tanaka told reporters the merger was off.",
            ["Kenji Tanaka"],
            id="surname-with-honorific-and-full-name",
        ),
        pytest.param(
            "Dmitro Horvat visited Kyiv. Dmytro Horvat said the aid had arrived. "
            "Dmytro Horvat, the envoy, met aid workers. Mr Horvat said more would follow.",
            ["Dmytro Horvat", "Dmytro Horvat"],
            id="misspelt-first-name-merged",
        ),
        pytest.param(
            "ena Moreau and Rosa Silva met on Friday, the ministry said. "
            "Elena Moreau said the deal was close. Ms Moreau added that it was fair.",
            ["ministry", "Elena Moreau", "Elena Moreau"],
            id="truncated-first-word-repaired",
        ),
        pytest.param(
            "A senior negotiator said the text was agreed. Farid Costa told the agency the "
            "treaty would be signed.",
            ["Farid Costa", "Farid Costa"],
            id="describe-then-name",
        ),
        pytest.param(
            "Sir Anthony Weber and Luis Marchetti spoke by phone. The two men later said "
            "they were hopeful.",
            ["two men"],
            id="pair-stays-a-description",
        ),
    ],
)
def test_resolution(text: str, expected: list[str]) -> None:
    assert [name for name, _ in entities(text)] == expected


def test_same_entity_same_name_across_articles() -> None:
    one = entities("Number 10 said the call was warm.")
    two = entities("The call was warm, a Downing Street spokesman said.")
    assert one[0][0] == two[0][0] == "Downing Street"


def test_honorifics_dropped() -> None:
    assert entities("Sir Keith Novak said the plan was sound.")[0][0] == "Keith Novak"


NAME_WORDS = st.sampled_from(
    [
        "Mr",
        "Ms",
        "Hanna",
        "O’Neil",
        "Jean-Luc",
        "Ángel",
        "Al_Amin",
        "de",
        "van",
        "von",
        "of",
        "bin",
        "la",
        "le",
        "al",
        "da",
        "du",
        "del",
        "Del",
        "the",
        "said",
        "U.S",
        "X",
        "é",
        "3",
        "“Hanna",
        "(Ms",
        "’s",
    ]  # fmt: skip
)
NAME_GAPS = st.sampled_from([" ", "  ", "\xa0", " \xa0", ".", ". ", ", ", "-", "\n", ""])
NAME_TEXT = st.lists(st.tuples(NAME_WORDS, NAME_GAPS).map("".join), max_size=12).map("".join)


# A name run as a regex: the definition ``_name_run_end`` walks (tracker/parse/sources.py).
NAME_RUN = re.compile(
    r"[A-Z](?<![\w’'].)[\w’'\-]*(?:\.(?=[ \xa0]))?"
    r"(?:[ \xa0]+(?:[A-Z][\w’'\-]*(?:\.(?=[ \xa0]))?|(?:of|de|van|von|al|bin|la|le|du|del|da)"
    r"(?=[ \xa0]+[A-Z])))+"
)


@settings(max_examples=1000, deadline=None)
@given(NAME_TEXT, st.integers(0, 3))
def test_a_name_run_ends_where_its_regex_match_ends(text: str, cut: int) -> None:
    end = max(0, len(text) - cut)
    for pos in range(end + 1):
        m = NAME_RUN.match(text, pos, end)
        assert _name_run_end(text, pos, end) == (m.end() if m else -1), (text, pos, end)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.integers(0, 3))
def test_a_name_run_ends_where_its_regex_match_ends_in_any_text(text: str, cut: int) -> None:
    end = max(0, len(text) - cut)
    for pos in range(end + 1):
        m = NAME_RUN.match(text, pos, end)
        assert _name_run_end(text, pos, end) == (m.end() if m else -1), (text, pos, end)
