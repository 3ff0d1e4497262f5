"""Helpers shared by tests of different parts."""

from __future__ import annotations

import dataclasses

from tracker.parse import DEFAULT_LEXICON, Lexicon


def lexicon_without(word: str) -> Lexicon:
    """The default lexicon with ``word`` removed from every word list that holds it.

    How the tests change the parser's behaviour between an ingest and a reparse.
    """
    changes = {
        f.name: value - {word}
        for f in dataclasses.fields(DEFAULT_LEXICON)
        if f.init
        if isinstance(value := getattr(DEFAULT_LEXICON, f.name), frozenset) and word in value
    }
    assert changes, f"no word list of the lexicon holds {word!r}"
    return dataclasses.replace(DEFAULT_LEXICON, **changes)
