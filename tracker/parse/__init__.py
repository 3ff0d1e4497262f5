"""Rule-based attribution parser: article text in, ``ParsedArticle`` out.

Pure: no I/O, no clock, no global mutable state, no database, no network, no
ML model. Offsets index the original string, end-exclusive; the text is never
normalised. The pipeline: lines and sentences (``sentences``), quotes
(``quotes``), page furniture (``boilerplate``), cue candidates from one
prefix-factored pattern and the frames around them (``attribution``), source
entities (``sources``), hedges, speech dates and verification remarks.
"""

from __future__ import annotations

import datetime as dt

from tracker.model import (
    Claim,
    CueClass,
    Mode,
    ParsedArticle,
    Sentence,
    SentenceLabel,
    Span,
    Stance,
    VerificationLink,
)
from tracker.parse.attribution import RawClaim, find_claims
from tracker.parse.dates import find_time_expression, resolve_date
from tracker.parse.hedges import find_hedges
from tracker.parse.layout import Layout, lay_out
from tracker.parse.lexicon import DEFAULT_LEXICON, Lexicon
from tracker.parse.remarks import find_remarks
from tracker.parse.sources import Entity, Resolver

PARSER_VERSION = "1.1"

_QUOTE_CHARS = ("“", "”", '"', "''", "«", "»")


def parse_article(
    text: str, published: dt.date | None = None, lexicon: Lexicon = DEFAULT_LEXICON
) -> ParsedArticle:
    """Parse one article.

    Args:
        text: the article exactly as stored (any ``str``).
        published: the publication date that anchors relative dates; when None, a
            leading ``date YYYY-MM-DD`` header is used if present.
        lexicon: the vocabulary (swap it to change cues, titles, patterns).
    """
    in_text = False
    if published is None:
        m = lexicon.date_header.match(text)
        if m:
            try:
                published, in_text = dt.date.fromisoformat(m.group(1)), True
            except ValueError:
                published = None
    layout = lay_out(text, lexicon)
    raw = find_claims(layout)
    resolver = Resolver(layout, raw)
    entities = resolver.resolve_all()
    claims = [_claim(layout, c, entities[i], raw, i, published) for i, c in enumerate(raw)]
    sentences = _sentences(layout, raw)
    links = tuple(
        VerificationLink(
            sentence=_span(text, *layout.spans[link.sentence]),
            stance=Stance(link.stance),
            by=link.by,
            target_claims=link.targets,
        )
        for link in find_remarks(layout, raw, entities, resolver)
    )
    title = next((s.span.text for s in sentences if s.label is SentenceLabel.HEADING), None)
    return ParsedArticle(text, published, in_text, title, sentences, tuple(claims), links)


def _span(text: str, a: int, b: int) -> Span:
    return Span(a, b, text[a:b])


def _mode(layout: Layout, claim: RawClaim) -> Mode:
    text = layout.text
    if claim.frame == "wrapped":
        return Mode.MIXED
    quoted = {(q.start, q.end) for q in claim.quotes}
    if quoted and all(span in quoted for span in claim.content):
        return Mode.DIRECT
    if quoted or any(any(ch in text[a:b] for ch in _QUOTE_CHARS) for a, b in claim.content):
        return Mode.MIXED
    return Mode.INDIRECT


def _frame_regions(
    layout: Layout, claim: RawClaim, raw: list[RawClaim], i: int
) -> list[tuple[int, int]]:
    """The stretch of the claim's sentence that belongs to this claim's frame."""
    a, b = layout.spans[claim.sentence]
    # Claims come in sentence order: only the neighbours in the same sentence matter.
    lo = i
    while lo > 0 and raw[lo - 1].sentence == claim.sentence:
        lo -= 1
    hi = i + 1
    while hi < len(raw) and raw[hi].sentence == claim.sentence:
        hi += 1
    for other in raw[lo:i]:
        if other.cue[1] <= claim.cue[0]:
            end = max(e for _, e in other.content)
            a = max(a, end if end <= claim.cue[0] else other.cue[1])
    for other in raw[i + 1 : hi]:
        if other.cue[0] >= claim.cue[1]:
            start = (
                other.source[0] if other.source and other.source[0] > claim.cue[1] else other.cue[0]
            )
            b = min(b, start)
            break
    return [(a, b)]


def _claim(
    layout: Layout,
    c: RawClaim,
    entity: Entity,
    raw: list[RawClaim],
    i: int,
    published: dt.date | None,
) -> Claim:
    text = layout.text
    lex = layout.lexicon
    frame = _frame_regions(layout, c, raw, i)
    hedges = find_hedges(text, frame + c.content, c.cue, c.info.lemma, lex)
    when = find_time_expression(text, frame, c.content, lex)
    if when is None:
        when = _inherited_time(layout, c, raw, i, entity)
    return Claim(
        source=_span(text, *c.source) if c.source else None,
        source_entity=entity.name,
        source_type=entity.type,
        cue=_span(text, *c.cue),
        cue_class=CueClass(c.info.cue_class),
        content=tuple(_span(text, a, b) for a, b in c.content),
        mode=_mode(layout, c),
        hedges=hedges,
        speech_date=resolve_date(when, published, lex) if when else None,
        speech_date_text=when,
        sentence_index=c.sentence,
    )


def _inherited_time(
    layout: Layout, c: RawClaim, raw: list[RawClaim], i: int, entity: Entity
) -> str | None:
    """ "She added" continues the previous statement of the same source on its occasion."""
    if c.info.lemma not in ("add", "continue") or i == 0:
        return None
    prev = raw[i - 1]
    if prev.sentence < c.sentence - 3:
        return None
    text = layout.text
    frame = _frame_regions(layout, prev, raw, i - 1)
    return find_time_expression(text, frame, prev.content, layout.lexicon)


def _sentences(layout: Layout, raw: list[RawClaim]) -> tuple[Sentence, ...]:
    text = layout.text
    attributed: set[int] = {c.sentence for c in raw if c.main}
    for c in raw:
        for a, b in c.content:
            if not any((q.start, q.end) == (a, b) for q in c.quotes):
                continue
            si = layout.sentence_at(a)
            while 0 <= si < len(layout.spans) and layout.spans[si][0] < b:
                if si != c.sentence:
                    attributed.add(si)
                si += 1
    out: list[Sentence] = []
    for si, (a, b) in enumerate(layout.spans):
        label = layout.furniture[si]
        if label is None:
            label = SentenceLabel.ATTRIBUTED if si in attributed else SentenceLabel.STATEMENT
        out.append(Sentence(_span(text, a, b), label))
    return tuple(out)


__all__ = ["DEFAULT_LEXICON", "PARSER_VERSION", "Lexicon", "parse_article"]
