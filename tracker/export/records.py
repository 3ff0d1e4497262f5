"""JSON records of stored things: one claim, one log entry. Shared by every JSON output.

Pure: model dataclasses in, plain dicts out.
"""

from __future__ import annotations

from typing import Any

from tracker.export.document import span_json
from tracker.model import ClaimRow


def claim_record(claim: ClaimRow) -> dict[str, Any]:
    """A stored claim as a JSON object (``tracker claims --format jsonl``)."""
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "status": claim.status.value,
        "version": claim.version,
        "orphaned": claim.orphaned,
        "source_entity": claim.source_entity,
        "source_type": claim.source_type.value,
        "source": span_json(claim.source),
        "cue": span_json(claim.cue),
        "cue_class": claim.cue_class.value,
        "content": [span_json(s) for s in claim.content],
        "content_text": claim.content_text,
        "mode": claim.mode.value,
        "hedges": list(claim.hedges),
        "speech_date": claim.speech_date.isoformat() if claim.speech_date else None,
        "speech_date_text": claim.speech_date_text,
        "created_at": claim.created_at.isoformat(),
        "updated_at": claim.updated_at.isoformat(),
    }
