"""Boilerplate, headings and scraping damage (project examples)."""

from __future__ import annotations

import pytest

from tests.parse.helpers import frames, labels, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Your support keeps us going Read more Support Now We rely on readers. "
            "Your donation helps.\nThe minister said the plan was ready.",
            [
                ("Your support keeps us going", "boilerplate"),
                ("Read more Support Now", "boilerplate"),
                ("We rely on readers.", "boilerplate"),
                ("Your donation helps.", "boilerplate"),
                ("The minister said the plan was ready.", "attributed"),
            ],
            id="donation-appeal-and-button-labels",
        ),
        pytest.param(
            "Crowds gather at the harbour (Picture: Jane Doe/Getty).\n"
            "Crowds gather at the harbour (Picture: Jane Doe/Getty).\n"
            "The port reopened on Monday.",
            [
                ("Crowds gather at the harbour (Picture: Jane Doe/Getty).", "boilerplate"),
                ("Crowds gather at the harbour (Picture: Jane Doe/Getty).", "boilerplate"),
                ("The port reopened on Monday.", "statement"),
            ],
            id="captions-and-their-repeats",
        ),
        pytest.param(
            "Transport\n\nHarbour reopens after the storm\n\nThe port reopened on Monday.",
            [
                ("Transport", "boilerplate"),
                ("Harbour reopens after the storm", "heading"),
                ("The port reopened on Monday.", "statement"),
            ],
            id="section-tag-and-headline",
        ),
        pytest.param(
            "The port reopened.\nWatch: Is the harbour safe now?\n"
            "* Follow City News on Twitter and Facebook\nJoin Our Newsletter",
            [
                ("The port reopened.", "statement"),
                ("Watch: Is the harbour safe now?", "boilerplate"),
                ("* Follow City News on Twitter and Facebook", "boilerplate"),
                ("Join Our Newsletter", "boilerplate"),
            ],
            id="teasers-and-prompts",
        ),
        pytest.param(
            "The port reopened.\n\nWhat happens next?\n\nThe council will vote.\n\n"
            "Related topics\n\nStorm hits the coast\n\nBoats v cars LIVE! | Sport",
            [
                ("The port reopened.", "statement"),
                ("What happens next?", "heading"),
                ("The council will vote.", "statement"),
                ("Related topics", "boilerplate"),
                ("Storm hits the coast", "boilerplate"),
                ("Boats v cars LIVE! | Sport", "boilerplate"),
            ],
            id="question-subheading-and-related-links",
        ),
    ],
)
def test_labels(text: str, expected: list[tuple[str, str]]) -> None:
    assert labels(text) == expected


def test_headline_glued_onto_a_sentence() -> None:
    text = "The port reopened.\nStorms close three schools in countyMr Weber said the roads were clear."
    assert labels(text) == [
        ("The port reopened.", "statement"),
        ("Storms close three schools in county", "boilerplate"),
        ("Mr Weber said the roads were clear.", "attributed"),
    ]
    assert frames(text) == [("Mr Weber", "said", ("the roads were clear",))]


def test_cue_in_a_heading_makes_no_claim() -> None:
    assert frames("Mayor says bridge will reopen\n\nThe bridge was closed in May.") == []


def test_pull_quote_with_a_name_glued_on() -> None:
    text = (
        "The minister spoke in Rome.\n"
        "We will not give up on the farmers of this region Farm Minister Anna Berg\n"
        "Ms Berg said: “We will not give up on the farmers of this region, whatever it costs.”"
    )
    assert [label for _, label in labels(text)] == ["statement", "boilerplate", "attributed"]


@pytest.mark.parametrize(
    "newline", [pytest.param("\r\n", id="crlf"), pytest.param("\r", id="lone-cr")]
)
def test_other_line_breaks(newline: str) -> None:
    text = newline.join(
        ["The chair said: “The first point is cost.", "“The last point is trust.”", "Close"]
    )
    parsed = parse(text)
    (claim,) = parsed.claims
    assert [s.text for s in claim.content] == [
        "The first point is cost.",
        "The last point is trust.",
    ]
    assert all("\r" not in s.span.text and "\n" not in s.span.text for s in parsed.sentences)


def test_truncated_first_word_is_kept_as_written() -> None:
    parsed = parse("ohn Smith and Ana Costa met, the office said.\nJohn Smith said it went well.")
    assert parsed.sentences[0].span.text.startswith("ohn Smith")
    assert parsed.claims[1].source_entity == "John Smith"


def test_non_breaking_spaces_kept() -> None:
    text = "The mayor said\xa0the\xa0bridge was safe."
    (claim,) = parse(text).claims
    assert claim.content[0].text == "the\xa0bridge was safe"


def test_title_is_the_first_heading() -> None:
    assert parse("Tag\n\nHarbour reopens after storm\n\nIt reopened.").title == (
        "Harbour reopens after storm"
    )
    assert parse("The harbour reopened on Monday.").title is None


def test_date_header() -> None:
    parsed = parse(" date 2024-03-08 Support Now\nThe mayor said on Friday the bridge was safe.")
    assert parsed.published is not None and parsed.published.isoformat() == "2024-03-08"
    assert parsed.published_in_text
    assert parsed.sentences[0].span.text == "date 2024-03-08"
    assert parsed.sentences[0].label.value == "boilerplate"
