"""Small views of parser output for the regression tables."""

from __future__ import annotations

import datetime as dt

from tracker.model import Claim, ParsedArticle
from tracker.parse import parse_article


def frames(text: str) -> list[tuple[str | None, str, tuple[str, ...]]]:
    """(source as written, cue, content spans) of each claim."""
    return [frame(c) for c in parse_article(text).claims]


def frame(c: Claim) -> tuple[str | None, str, tuple[str, ...]]:
    return (c.source.text if c.source else None, c.cue.text if c.cue else "", contents(c))


def contents(c: Claim) -> tuple[str, ...]:
    return tuple(s.text for s in c.content)


def parse(text: str, published: dt.date | None = None) -> ParsedArticle:
    return parse_article(text, published)


def labels(text: str) -> list[tuple[str, str]]:
    return [(s.span.text, s.label.value) for s in parse_article(text).sentences]
