"""Speech dates anchored on the publication date (project examples)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.parse.helpers import parse

PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "when_text", "when"),
    [
        pytest.param(
            "On Friday, the mayor said the bridge was safe.",
            "On Friday",
            dt.date(2024, 3, 1),
            id="weekday-is-the-last-one-on-or-before",
        ),
        pytest.param(
            "The mayor said on Wednesday that the bridge was safe.",
            "on Wednesday",
            dt.date(2024, 3, 6),
            id="weekday-of-publication-is-that-day",
        ),
        pytest.param(
            "On February 24, the mayor said the bridge was safe.",
            "On February 24",
            dt.date(2024, 2, 24),
            id="month-and-day-take-the-publication-year",
        ),
        pytest.param(
            "The mayor said yesterday that the bridge was safe.",
            "yesterday",
            dt.date(2024, 3, 5),
            id="yesterday",
        ),
        pytest.param(
            "Last week, the mayor said the bridge was safe.",
            "Last week",
            None,
            id="last-week-stays-unresolved",
        ),
        pytest.param(
            "Following the meeting, the mayor said the bridge was safe.",
            "Following the meeting",
            None,
            id="occasion-without-a-date",
        ),
        pytest.param(
            "The mayor said the bridge closed on Friday.",
            None,
            None,
            id="a-date-inside-the-content-is-not-the-speech-date",
        ),
    ],
)
def test_speech_date(text: str, when_text: str | None, when: dt.date | None) -> None:
    (claim,) = parse(text, PUBLISHED).claims
    assert claim.speech_date_text == when_text
    assert claim.speech_date == when


def test_no_publication_date_resolves_nothing() -> None:
    (claim,) = parse("On Friday, the mayor said the bridge was safe.").claims
    assert claim.speech_date_text == "On Friday"
    assert claim.speech_date is None


def test_added_continues_the_occasion() -> None:
    parsed = parse(
        "On Monday, the mayor said: “The bridge is safe.”\nShe added: “It opens soon.”", PUBLISHED
    )
    assert [c.speech_date for c in parsed.claims] == [dt.date(2024, 3, 4)] * 2
