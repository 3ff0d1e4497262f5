"""Across articles: one canonical name per person.

Within one article the resolver ties "She", "Ms Malyar" and "Ukraine's deputy
defence minister Hanna Malyar" together. Across articles the same person can
still come out under different spellings: a scrape that cut the first letter
("ishi Sunak"), a typo ("Volodymr"), or a bare surname where an article never
gave the full name. ``link_people`` groups person names that share a surname
and whose given names are the same name damaged (a truncated start, one
edit), and picks the best-attested spelling as canonical. Pure: names in,
a mapping out; ``relink`` applies it to parsed articles.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from tracker.model import ParsedArticle, SourceType

#: Given names at least this long may differ by one edit and still be one name.
MIN_TYPO_LENGTH = 5
#: A truncated given name keeps at least this many letters of the original's end.
MIN_TRUNCATED_LENGTH = 3


def _split(name: str) -> tuple[str, str] | None:
    """``(first given name, surname)``, case-folded; None for names we must not merge."""
    words = name.split()
    if not words or any(w.casefold() in ("and", "&") for w in words):
        return None  # a joint source ("A and B") is not one person
    if len(words) == 1:
        return "", words[0].casefold()
    return words[0].casefold(), words[-1].casefold()


def surname(name: str) -> str | None:
    """The case-folded surname ``link_people`` groups by, or None for a joint source."""
    parts = _split(name)
    return parts[1] if parts else None


def _damaged(short: str, full: str) -> bool:
    """Is ``short`` the given name ``full`` with a cut start or one typo?"""
    if short == full:
        return True
    if (
        len(short) >= MIN_TRUNCATED_LENGTH
        and len(full) - len(short) in (1, 2)
        and full.endswith(short)
    ):
        return True  # the scrape cut the article's first letters: "ishi" of "Rishi"
    return min(len(short), len(full)) >= MIN_TYPO_LENGTH and _one_edit_apart(short, full)


def _one_edit_apart(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` differ by exactly one substitution, insertion or deletion?

    Linear in the names' length: this runs for every pair of names sharing a surname.
    """
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def link_people(counts: Mapping[str, int]) -> dict[str, str]:
    """Map person-name spellings to one canonical spelling each.

    ``counts`` says how often each spelling was used (claims, mentions, or
    stored sources). Names are linked when they share a surname and their
    first given names are equal or one is the other damaged; a bare surname
    is linked when exactly one person carries it. The canonical spelling is
    the undamaged one, else the most used, else the longest. Only names that
    change are in the result.
    """
    parts = {name: p for name in counts if (p := _split(name)) is not None}
    by_surname: dict[str, list[str]] = {}
    for name, (_, surname) in parts.items():
        by_surname.setdefault(surname, []).append(name)
    mapping: dict[str, str] = {}
    for names in by_surname.values():
        full = sorted((n for n in names if parts[n][0]), key=lambda n: (-counts[n], -len(n), n))
        reps: list[str] = []
        member_of: dict[str, str] = {}
        for name in full:
            given = parts[name][0]
            rep = next(
                (r for r in reps if _damaged(given, parts[r][0]) or _damaged(parts[r][0], given)),
                None,
            )
            if rep is None:
                reps.append(name)
                member_of[name] = name
            elif _damaged(parts[rep][0], given) and not _damaged(given, parts[rep][0]):
                # the better-used spelling is the damaged one: this one becomes canonical
                reps[reps.index(rep)] = name
                member_of = {n: (name if r == rep else r) for n, r in member_of.items()}
                member_of[name] = name
            else:
                member_of[name] = rep
        if len(reps) == 1:  # a bare surname names the one person who carries it
            member_of.update({n: reps[0] for n in names if not parts[n][0]})
        mapping.update({n: r for n, r in member_of.items() if n != r})
    return mapping


def person_counts(articles: Iterable[ParsedArticle]) -> Counter[str]:
    """How many claims each person-name spelling is the source of."""
    return Counter(
        c.source_entity
        for article in articles
        for c in article.claims
        if c.source_type is SourceType.PERSON
    )


def relink(articles: Sequence[ParsedArticle], mapping: Mapping[str, str]) -> list[ParsedArticle]:
    """``articles`` with person sources renamed by ``mapping`` (claims and remark parties)."""
    if not mapping:
        return list(articles)
    out: list[ParsedArticle] = []
    for article in articles:
        claims = tuple(
            dataclasses.replace(c, source_entity=mapping[c.source_entity])
            if c.source_type is SourceType.PERSON and c.source_entity in mapping
            else c
            for c in article.claims
        )
        links = tuple(
            dataclasses.replace(link, by=mapping[link.by]) if link.by in mapping else link
            for link in article.links
        )
        out.append(dataclasses.replace(article, claims=claims, links=links))
    return out


def link_articles(articles: Sequence[ParsedArticle]) -> list[ParsedArticle]:
    """One canonical name per person across ``articles``."""
    return relink(articles, link_people(person_counts(articles)))
