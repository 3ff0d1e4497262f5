"""Hedges: the words that weaken a claim, in its frame or in its content.

Owns the hedge rules of ../shared/gold/GUIDELINES.md: allegedly, purportedly,
reportedly, apparently, reported, speculation, "appeared to", could/may/might
of possibility, the speaker's own "I think", and claim/claims/claimed as a cue
or a modifier (not as a noun naming other claims). Must not find claims.
"""

from __future__ import annotations

import re

from tracker.parse.lexicon import Lexicon
from tracker.parse.scan import matches, within


def find_hedges(
    text: str,
    regions: list[tuple[int, int]],
    cue: tuple[int, int],
    cue_lemma: str,
    lexicon: Lexicon,
    begins: list[int] | None = None,
) -> tuple[str, ...]:
    """Hedge expressions inside ``regions`` (frame and content), in text order, deduplicated.

    ``begins``, when given, holds (sorted) every offset where a hedge can begin.
    """
    found: list[tuple[int, str]] = []
    nominal = cue_lemma in lexicon.nominal_cues
    if begins is not None and not any(within(begins, a, b) for a, b in regions):
        regions = []  # no hedge can begin anywhere in them
    for a, b in regions:
        for m in matches(lexicon.hedge_pattern, text, begins, a, b):
            word = m.group("word")
            if word is None:
                found.append((m.start(), _SPACES.sub(" ", m.group("hedge"))))
                continue
            lw = word.lower()
            in_cue = cue[0] <= m.start() < cue[1]
            if lw in lexicon.claim_words:
                if in_cue or lw == "claimed" or not _after_determiner(text, m.start()):
                    found.append((m.start(), lw))
            elif not in_cue or nominal:
                found.append((m.start(), lw))
    if cue_lemma in lexicon.hedge_words or cue_lemma in lexicon.claim_words:
        found.append((cue[0], text[cue[0] : cue[1]].split()[-1].lower()))
    out: list[str] = []
    for _, h in sorted(found):
        if h not in out:
            out.append(h)
    return tuple(out)


_SPACES = re.compile(r"\s+")


def _after_determiner(text: str, pos: int) -> bool:
    """Is the word at ``pos`` a noun after a determiner or possessive ("the claims")?"""
    before = text[max(0, pos - 30) : pos].rstrip()
    m = re.search(r"([\w’']+)$", before)
    if not m:
        return False
    prev = m.group(1).lower()
    return prev in (
        "the",
        "these",
        "those",
        "such",
        "his",
        "her",
        "their",
        "its",
        "our",
        "any",
        "similar",
        "earlier",
        "previous",
        "new",
    ) or prev.endswith(("’s", "'s"))
