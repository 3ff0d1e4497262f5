"""``tracker reparse``: run the current parser over stored articles, keeping every verdict.

Owns the rule that decides what a better parser may change. A claim with a
log entry is never dropped: if the new parse finds it again (same source and
content, or the same source with content that overlaps at least half both
ways), it keeps its id, status, version and log and takes the new spans;
otherwise it stays, marked orphaned. Claims nobody reviewed are replaced.
One transaction per article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from sqlalchemy.orm import Session

from tracker.errors import NotFoundError
from tracker.model import CONTENT_SEPARATOR, Claim, ReparseOutcome
from tracker.ops.naming import link_to_store
from tracker.parse import DEFAULT_LEXICON, PARSER_VERSION, Lexicon, parse_article
from tracker.store import Store
from tracker.store.articles import (
    StoredClaim,
    apply_reparse,
    article_for_reparse,
    article_ids,
    claim_fingerprint,
    source_key,
    stored_claims,
)

#: Share of characters two contents must have in common, both ways, to be one claim.
MIN_OVERLAP = 0.5


def _chars(spans: Sequence[tuple[int, int]]) -> set[int]:
    return {i for start, end in spans for i in range(start, end)}


def match_claims(old: Sequence[StoredClaim], new: Sequence[Claim]) -> dict[int, int]:
    """Pair reviewed stored claims with new claims: ``{new index: stored claim id}``.

    An identical fingerprint wins; otherwise the same source with the largest
    two-way content overlap of at least ``MIN_OVERLAP``. Each side is used once.
    """
    new_keys = [source_key(c.source_entity) for c in new]
    new_prints = [
        claim_fingerprint(c.source_entity, CONTENT_SEPARATOR.join(s.text for s in c.content))
        for c in new
    ]
    new_chars = [_chars([(s.start, s.end) for s in c.content]) for c in new]
    candidates: list[tuple[float, int, int]] = []
    for stored in old:
        if not stored.reviewed:
            continue
        old_chars = _chars(stored.content_spans)
        for index in range(len(new)):
            if stored.fingerprint == new_prints[index]:
                candidates.append((2.0, stored.id, index))
            elif stored.source_key == new_keys[index] and old_chars and new_chars[index]:
                common = len(old_chars & new_chars[index])
                share = min(common / len(old_chars), common / len(new_chars[index]))
                if share >= MIN_OVERLAP:
                    candidates.append((share, stored.id, index))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, claim_id, index in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if index not in pairs and claim_id not in used:
            pairs[index] = claim_id
            used.add(claim_id)
    return pairs


def _reparse_one(
    session: Session, article_id: int, lexicon: Lexicon, now: dt.datetime
) -> ReparseOutcome:
    found = article_for_reparse(session, article_id)
    if found is None:
        raise NotFoundError(f"no article with id {article_id}")
    text, published = found
    [parsed] = link_to_store(session, [parse_article(text, published, lexicon)])
    old = stored_claims(session, article_id)
    carried = match_claims(old, parsed.claims)
    kept = set(carried.values())
    orphan_ids = [c.id for c in old if c.reviewed and c.id not in kept]
    delete_ids = [c.id for c in old if not c.reviewed]
    apply_reparse(session, article_id, parsed, carried, orphan_ids, delete_ids, PARSER_VERSION, now)
    return ReparseOutcome(
        article_id=article_id,
        carried=len(carried),
        orphaned=len(orphan_ids),
        replaced=len(delete_ids),
        added=len(parsed.claims) - len(carried),
    )


def reparse(
    store: Store,
    article_id: int | None = None,
    lexicon: Lexicon | None = None,
    now: dt.datetime | None = None,
) -> Iterator[ReparseOutcome]:
    """Re-parse one article, or every stored article, one transaction each.

    ``lexicon`` defaults to the parser's current ``DEFAULT_LEXICON``.
    """
    lexicon = lexicon or DEFAULT_LEXICON
    moment = now or dt.datetime.now(dt.UTC)
    if article_id is not None:
        yield store.run(lambda s: _reparse_one(s, article_id, lexicon, moment))
        return
    after = 0
    while True:
        with store.read() as session:
            ids = article_ids(session, after_id=after)
        if not ids:
            return
        for aid in ids:
            yield store.run(lambda s, aid=aid: _reparse_one(s, aid, lexicon, moment))  # type: ignore[misc]
        after = ids[-1]
