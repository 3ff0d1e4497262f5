"""Speech dates: the time expression that dates a speech act, resolved when possible.

Owns finding the expression in a claim's frame (never in its content) and
resolving it against the publication date with python-dateutil: "on Friday" is
the most recent Friday on or before publication, "on February 24" takes its
year from publication, "yesterday" is the day before. "Last week" and
expressions like "Following the meeting" keep their text and stay unresolved.
Must not read a clock: without a publication date nothing is resolved.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta, weekday

from tracker.parse.lexicon import Lexicon
from tracker.parse.scan import matches

_RELATIVE_DAYS = {
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "last night": -1,
}


def find_time_expression(
    text: str,
    frame: list[tuple[int, int]],
    content: list[tuple[int, int]],
    lexicon: Lexicon,
    begins: list[int] | None = None,
) -> str | None:
    """The first time expression in the frame regions that lies outside the content.

    ``begins``, when given, holds (sorted) every offset where an expression can begin.
    """
    for a, b in frame:
        for m in matches(lexicon.time_expression, text, begins, a, b):
            if any(s <= m.start() < e for s, e in content):
                continue
            return m.group()
    return None


def resolve_date(expression: str, published: dt.date | None, lexicon: Lexicon) -> dt.date | None:
    """The calendar date of ``expression`` relative to ``published``, or None."""
    if published is None:
        return None
    low = re.sub(r"\s+", " ", expression.lower()).strip()
    low = re.sub(r"^(?:on|late on|early on) ", "", low)
    if re.search(r"\b(?:last|next) (?:week|weekend|month|year)\b|\bthis (?:week|month|year)", low):
        return None
    for phrase, days in _RELATIVE_DAYS.items():
        if low.startswith(phrase):
            return published + dt.timedelta(days=days)
    words = low.split()
    if words and words[0] == "last" and len(words) > 1 and words[1] in lexicon.weekdays:
        day = lexicon.weekdays[words[1]]
        return published + relativedelta(days=-1, weekday=weekday(day)(-1))
    if words and words[0] in lexicon.weekdays:
        day = lexicon.weekdays[words[0]]
        return published + relativedelta(weekday=weekday(day)(-1))
    if (
        words
        and words[0].rstrip(".") in lexicon.months
        or (len(words) > 1 and words[1].rstrip(".") in lexicon.months)
    ):
        default = dt.datetime(published.year, published.month, 1)
        try:
            parsed = date_parser.parse(low, default=default, fuzzy=True).date()
        except (ValueError, OverflowError):
            return None
        return parsed
    return None
