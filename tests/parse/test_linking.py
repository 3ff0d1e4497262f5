"""Across articles, one person keeps one name: damaged spellings are linked, others are not."""

from __future__ import annotations

import pytest

from tracker.parse import parse_article
from tracker.parse.linking import link_articles, link_people


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        pytest.param({"ina Kovalenko": 3, "Nina Kovalenko": 1}, {"ina Kovalenko": "Nina Kovalenko"}, id="truncated-start-loses-even-when-more-used"),
        pytest.param({"Oleksandar Petrenko": 1, "Oleksandr Petrenko": 4}, {"Oleksandar Petrenko": "Oleksandr Petrenko"}, id="one-typo-goes-to-the-most-used"),
        pytest.param({"Petrenko": 2, "Oleksandr Petrenko": 1}, {"Petrenko": "Oleksandr Petrenko"}, id="bare-surname-one-person"),
        pytest.param({"Petrenko": 2, "Oleksandr Petrenko": 1, "Maria Petrenko": 1}, {}, id="bare-surname-two-people-stays"),
        pytest.param({"John Kelly": 2, "Joan Kelly": 1}, {}, id="short-names-one-edit-apart-are-two-people"),
        pytest.param({"Anna Berg": 1, "Anna Berger": 1}, {}, id="different-surnames"),
        pytest.param({"Anna Berg and Tom Quinn": 1, "Anna Berg": 2}, {}, id="joint-sources-never-merge"),
        pytest.param({"ministry of defence": 1}, {}, id="single-lowercase-words-alone"),
    ],
)
def test_link_people(counts: dict[str, int], expected: dict[str, str]) -> None:
    assert link_people(counts) == expected


def test_link_articles_renames_claims_across_articles() -> None:
    first = parse_article("ina Kovalenko said the bridge would reopen in May.\nMs Kovalenko added that it was safe.\n")
    second = parse_article("Nina Kovalenko told reporters that the dam was intact.\n")
    assert first.claims and second.claims
    linked = link_articles([first, second])
    assert {c.source_entity for a in linked for c in a.claims} == {"Nina Kovalenko"}
    assert linked[1] == second  # the well-spelt article is untouched
