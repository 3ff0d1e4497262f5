"""Verification remarks: sentences that judge earlier claims, and which claims they judge.

Owns the stances of ../shared/gold/GUIDELINES.md: unverified (could not
verify), caution (at face value, with scepticism), disputed (refuted, denied
the claims), supported (confirmed the reports), the party doing the judging,
and the target claims: every claim of a party the remark names ("Ms Malyar's
claims"), else the claims of the sentences right before it. Must not find
claims.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from tracker.parse.attribution import RawClaim
from tracker.parse.layout import Layout
from tracker.parse.sources import Entity, Resolver

_STANCE_ORDER = ("unverified", "disputed", "caution", "supported")
_POSSESSOR = re.compile(
    r"((?:[A-Z][\w\-]*\.?[ \xa0]+){0,3}[A-Z][\w\-]*)[’']s?[ \xa0]+(?:\w+[ \xa0]+){0,2}"
    r"(?:claims?|allegations?|statements?|assertions?|account)\b"
)
_BY = re.compile(
    r"\bby[ \xa0]+((?:(?!(?:following|after|who|which|in|on|at|for|amid|over|"
    r"during)\b)[\w’'\-]+[ \xa0]*){1,6})"
)
_PLURAL_REF = re.compile(r"\b(?:claims|allegations|reports|statements|assertions|accounts)\b")


@dataclass(frozen=True, slots=True)
class RawLink:
    sentence: int
    stance: str
    by: str
    targets: tuple[int, ...]


def find_remarks(
    layout: Layout, claims: list[RawClaim], entities: list[Entity], resolver: Resolver
) -> list[RawLink]:
    """Every verification remark in the body, with the claims it judges."""
    lex = layout.lexicon
    text = layout.text
    out: list[RawLink] = []
    by_sentence: dict[int, list[int]] = {}
    for i, c in enumerate(claims):
        by_sentence.setdefault(c.sentence, []).append(i)
    # Only sentences with a remark word (found by the cue scan) are tried, each with the
    # patterns whose words it holds.
    hits: dict[int, tuple[str, re.Match[str]]] = {}
    for si in sorted(layout.remark_words_at):
        a, b = layout.spans[si]
        found = layout.remark_words_at[si]
        for name in _STANCE_ORDER:
            if found.isdisjoint(lex.remark_stance_words[name]):
                continue
            m = lex.remark_patterns[name].search(text, a, b)
            if m is not None and layout.quote_at(m.start()) is None:
                hits[si] = (name, m)
                break
    for si in sorted(hits):
        stance, match = hits[si]
        a, b = layout.spans[si]
        own = [i for i in by_sentence.get(si, []) if claims[i].cue[0] <= match.start()]
        if own:
            by = entities[own[0]].name
        else:
            mb = _BY.search(text, match.end(), b)
            if mb is not None and stance == "caution":
                by = resolver.resolve_mention(mb.start(1), mb.end(1), si, entities).name
            else:
                by = _subject_name(layout, resolver, si, match.start(), entities)
        targets = _targets(layout, claims, entities, si, a, b, by, resolver)
        if not targets:
            continue
        out.append(RawLink(si, stance, by, tuple(targets)))
    return out


def _subject_name(
    layout: Layout, resolver: Resolver, si: int, until: int, entities: list[Entity]
) -> str:
    text = layout.text
    a = layout.spans[si][0]
    head = text[a:until]
    m = re.match(
        r"(?:(?:However|Meanwhile|But|And|Yet|Still),?\s+)?((?:[\w’'\-]+\s+){0,5}?)"
        r"(?:could|cannot|can|has|have|had|was|were|is|are|did|does|warned|said)\b",
        head,
    )
    if m and m.group(1).strip():
        s = a + m.start(1)
        e = s + len(m.group(1).rstrip())
        return resolver.resolve_mention(s, e, si, entities).name
    return "unspecified"


def _targets(
    layout: Layout,
    claims: list[RawClaim],
    entities: list[Entity],
    si: int,
    a: int,
    b: int,
    by: str,
    resolver: Resolver,
) -> list[int]:
    text = layout.text
    # A remark that names whose claims it judges: "Ms Malyar's claims".
    m = _POSSESSOR.search(text, a, b)
    if m is not None:
        named = resolver.resolve_mention(m.start(1), m.end(1), si, entities).name
        hits = [i for i, e in enumerate(entities) if e.name == named and claims[i].sentence < si]
        if hits:
            return hits
    plural = _PLURAL_REF.search(text, a, b) is not None
    # Claims come in sentence order: look back over the few sentences before this one.
    end = bisect_left([c.sentence for c in claims], si)
    start = bisect_left([c.sentence for c in claims], si - 2)
    prior = [i for i in range(start, end) if entities[i].name != by]
    if not prior:
        return []
    last_sentence = claims[prior[-1]].sentence
    if last_sentence < si - 2:
        return []
    picked = [i for i in prior if claims[i].sentence == last_sentence]
    if not plural:
        return picked[-1:]
    before = [i for i in prior if claims[i].sentence == last_sentence - 1]
    return before + picked
