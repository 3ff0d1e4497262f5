"""One name per person across the store: new parses are linked to the stored sources.

Owns applying ``tracker.parse.linking`` inside a write transaction: the
people of the articles being written are linked with each other and with
the stored person sources that share their surnames. A stored spelling that
turns out to be the damaged one ("ishi Sunak" once "Rishi Sunak" arrives)
is renamed, its old spelling kept as an alias. Ingest and reparse both call it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy.orm import Session

from tracker.model import ParsedArticle
from tracker.parse.linking import link_people, person_counts, relink, surname
from tracker.store.articles import merge_source, person_sources


def link_to_store(session: Session, parsed: Sequence[ParsedArticle]) -> list[ParsedArticle]:
    """``parsed`` with each person named as the store (and the rest of ``parsed``) names them."""
    counts = person_counts(parsed)
    stored = person_sources(session, {s for name in counts if (s := surname(name))})
    mapping = link_people(counts + Counter(stored))
    for old, new in mapping.items():
        if old in stored:
            merge_source(session, old, new)
    return relink(parsed, mapping)
