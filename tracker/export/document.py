"""The ``tracker extract`` contract: a parsed article as a gold-shaped JSON document.

Owns the mapping from ``ParsedArticle`` to the shape of ../shared/gold/seeds/*.json
(GUIDELINES.md explains each field). Pure: no I/O, no database.
"""

from __future__ import annotations

from typing import Any

from tracker.model import Claim, ParsedArticle, Span, VerificationLink


def claim_id(prefix: str, index: int) -> str:
    """The id of the claim at ``index`` (0-based) in an article: ``000-01``."""
    return f"{prefix}-{index + 1:02d}"


def article_prefix(article_name: str) -> str:
    """The leading token of a file name (``000`` for ``000_d8c8f5f6.txt``)."""
    stem = article_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.split("_", 1)[0] or "article"


def span_json(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": span.text}


def claim_json(claim: Claim, cid: str) -> dict[str, Any]:
    return {
        "id": cid,
        "source": span_json(claim.source),
        "source_entity": claim.source_entity,
        "source_type": claim.source_type.value,
        "cue": span_json(claim.cue),
        "cue_class": claim.cue_class.value,
        "content": [span_json(s) for s in claim.content],
        "mode": claim.mode.value,
        "hedges": list(claim.hedges),
        "speech_date": claim.speech_date.isoformat() if claim.speech_date else None,
        "speech_date_text": claim.speech_date_text,
    }


def link_json(link: VerificationLink, prefix: str) -> dict[str, Any]:
    return {
        "sentence_start": link.sentence.start,
        "text": link.sentence.text,
        "target_claims": [claim_id(prefix, i) for i in link.target_claims],
        "stance": link.stance.value,
        "by": link.by,
    }


def document_json(parsed: ParsedArticle, article_name: str) -> dict[str, Any]:
    """The gold-shaped document for one parsed article."""
    prefix = article_prefix(article_name)
    return {
        "article": article_name.rsplit("/", 1)[-1],
        "published": (
            parsed.published.isoformat() if parsed.published and parsed.published_in_text else None
        ),
        "sentences": [
            {**(span_json(s.span) or {}), "label": s.label.value} for s in parsed.sentences
        ],
        "claims": [claim_json(c, claim_id(prefix, i)) for i, c in enumerate(parsed.claims)],
        "verification_links": [link_json(link, prefix) for link in parsed.links],
    }
