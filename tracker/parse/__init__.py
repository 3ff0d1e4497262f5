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
import re

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
from tracker.parse.lexicon import DEFAULT_LEXICON, SCAN_HEDGE, SCAN_TIME, Lexicon
from tracker.parse.remarks import find_remarks
from tracker.parse.sources import Entity, Resolver

PARSER_VERSION = "1.2"

# Quote marks that make paraphrased content mixed.
_QUOTE_MARK = re.compile(r"“|”|\"|«|»|''")
_CUE_CLASS = {c.value: c for c in CueClass}


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
    claims = _claims(layout, raw, entities, published)
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
    return ParsedArticle(text, published, in_text, title, sentences, claims, links)


def _span(text: str, a: int, b: int) -> Span:
    return Span(a, b, text[a:b])


def _mode(layout: Layout, claim: RawClaim) -> Mode:
    if claim.frame == "wrapped":
        return Mode.MIXED
    if claim.quotes:
        quoted = {(q.start, q.end) for q in claim.quotes}
        if all(span in quoted for span in claim.content):
            return Mode.DIRECT
        return Mode.MIXED
    search = _QUOTE_MARK.search
    text = layout.text
    if any(search(text, a, b) for a, b in claim.content):
        return Mode.MIXED
    return Mode.INDIRECT


def _frame_regions(layout: Layout, raw: list[RawClaim]) -> list[tuple[int, int]]:
    """For each claim, the stretch of its sentence that belongs to its frame."""
    spans = layout.spans
    out: list[tuple[int, int]] = []
    n = len(raw)
    lo = 0  # first claim of the current sentence (claims come in sentence order)
    for i, claim in enumerate(raw):
        si = claim.sentence
        if raw[lo].sentence != si:
            lo = i
        a, b = spans[si]
        cue_a, cue_b = claim.cue
        for other in raw[lo:i]:
            if other.cue[1] <= cue_a and other.frame != "raising":
                end = max(e for _, e in other.content)
                a = max(a, end if end <= cue_a else other.cue[1])
        for hi in range(i + 1, n):
            other = raw[hi]
            if other.sentence != si:
                break
            if other.cue[0] >= cue_b and other.frame != "raising":
                start = (
                    other.source[0] if other.source and other.source[0] > cue_b else other.cue[0]
                )
                b = min(b, start)
                break
        out.append((a, b))
    return out


def _claims(
    layout: Layout, raw: list[RawClaim], entities: list[Entity], published: dt.date | None
) -> tuple[Claim, ...]:
    text = layout.text
    lex = layout.lexicon
    frames = _frame_regions(layout, raw)
    hedge_begins = layout.begins(SCAN_HEDGE)
    time_begins = layout.begins(SCAN_TIME)
    out: list[Claim] = []
    for i, c in enumerate(raw):
        frame = [frames[i]]
        content = c.content
        hedges = find_hedges(text, frame + content, c.cue, c.info.lemma, lex, hedge_begins)
        when = find_time_expression(text, frame, content, lex, time_begins)
        if when is None and i and c.info.lemma in _CONTINUING:
            # "She added" continues the previous statement of the same source on its occasion.
            prev = raw[i - 1]
            if prev.sentence >= c.sentence - 3:
                when = find_time_expression(text, [frames[i - 1]], prev.content, lex, time_begins)
        source = c.source
        cs, ce = c.cue
        out.append(
            Claim(
                Span(source[0], source[1], text[source[0] : source[1]]) if source else None,
                entities[i].name,
                entities[i].type,
                Span(cs, ce, text[cs:ce]),
                _CUE_CLASS[c.info.cue_class],
                tuple([Span(a, b, text[a:b]) for a, b in content]),
                _mode(layout, c),
                hedges,
                resolve_date(when, published, lex) if when else None,
                when,
                c.sentence,
            )
        )
    return tuple(out)


# Cues that continue an earlier statement ("she added") and inherit its date.
_CONTINUING = frozenset({"add", "continue"})


def _sentences(layout: Layout, raw: list[RawClaim]) -> tuple[Sentence, ...]:
    text = layout.text
    spans = layout.spans
    attributed: set[int] = {c.sentence for c in raw if c.main}
    for c in raw:
        if not c.quotes:
            continue
        quoted = {(q.start, q.end) for q in c.quotes}
        for a, b in c.content:
            if (a, b) not in quoted:
                continue
            si = layout.sentence_at(a)
            while 0 <= si < len(spans) and spans[si][0] < b:
                if si != c.sentence:
                    attributed.add(si)
                si += 1
    attributed_label, statement = SentenceLabel.ATTRIBUTED, SentenceLabel.STATEMENT
    return tuple(
        [
            Sentence(
                Span(a, b, text[a:b]),
                label or (attributed_label if si in attributed else statement),
            )
            for si, ((a, b), label) in enumerate(zip(spans, layout.furniture, strict=True))
        ]
    )


__all__ = ["DEFAULT_LEXICON", "PARSER_VERSION", "Lexicon", "parse_article"]
