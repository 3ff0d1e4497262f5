"""Rule-based attribution parser: article text in, ``ParsedArticle`` out.

Pure: no I/O, no clock, no globals, no database. Offsets index the original
string. This first version splits sentences and finds the plain
"SOURCE said (that) CONTENT" pattern; the full parser replaces it behind the
same ``parse_article`` signature.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tracker.model import (
    Claim,
    CueClass,
    Mode,
    ParsedArticle,
    Sentence,
    SentenceLabel,
    SourceType,
    Span,
)

PARSER_VERSION = "0.1"


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech_cues: frozenset[str] = frozenset({"said", "told", "says"})


DEFAULT_LEXICON = Lexicon()

_SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+[\"'”’]?|$)")
_HEADER_DATE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")
_SAID = re.compile(r"(?P<source>[A-Z][\w’' ]{1,60}?)\s+(?P<cue>said|told|says)\s+(?:that\s+)?(?P<content>.+?)[.!?]*$")


def parse_article(
    text: str, published: dt.date | None = None, lexicon: Lexicon = DEFAULT_LEXICON
) -> ParsedArticle:
    """Parse one article."""
    in_text = False
    if published is None:
        m = _HEADER_DATE.match(text)
        if m:
            try:
                published, in_text = dt.date.fromisoformat(m.group(1)), True
            except ValueError:
                published = None
    sentences: list[Sentence] = []
    claims: list[Claim] = []
    for m in _SENTENCE.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:
            continue
        label = SentenceLabel.STATEMENT
        s = _SAID.match(text, a, b)
        if s and s.group("cue") in lexicon.speech_cues:
            label = SentenceLabel.ATTRIBUTED
            claims.append(
                Claim(
                    source=Span(s.start("source"), s.end("source"), s.group("source")),
                    source_entity=s.group("source"),
                    source_type=SourceType.PERSON,
                    cue=Span(s.start("cue"), s.end("cue"), s.group("cue")),
                    cue_class=CueClass.SPEECH,
                    content=(Span(s.start("content"), s.end("content"), s.group("content")),),
                    mode=Mode.INDIRECT,
                    sentence_index=len(sentences),
                )
            )
        sentences.append(Sentence(Span(a, b, text[a:b]), label))
    first = next((s.span.text for s in sentences), None)
    return ParsedArticle(text, published, in_text, first, tuple(sentences), tuple(claims), ())


__all__ = ["DEFAULT_LEXICON", "PARSER_VERSION", "Lexicon", "parse_article"]
