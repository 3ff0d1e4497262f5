"""JSON records of stored things: one claim, one log entry. Shared by every JSON output.

Pure: model dataclasses and rows in, plain dicts out. ``entry_record`` is the
reference shape of one log entry; ``tracker.export.jsonl`` writes the same
objects faster and a test holds the two equal.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tracker.export.document import span_json
from tracker.model import ClaimRow, LogRow


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


def utc_timestamp(moment: dt.datetime) -> str:
    """``2024-12-23T09:30:00.000000Z``: ISO 8601 in UTC, how exports write log timestamps."""
    if moment.tzinfo is not dt.UTC:
        moment = moment.astimezone(dt.UTC)
    return moment.isoformat(timespec="microseconds")[:-6] + "Z"


def article_label(title: str | None, path: str | None, article_id: int | None = None) -> str:
    """How exports name an article: its title, else the file it was read from."""
    return title or path or (f"article {article_id}" if article_id is not None else "")


#: The keys of ``claim_record`` a log entry embeds (same names, same values): the
#: claim's identity and verdict context. Its spans and dates stay in
#: ``tracker claims --format jsonl``; embedding them in every entry made each
#: line three times longer and the export half as fast.
LOG_CLAIM_FIELDS = (
    "id",
    "article_id",
    "status",
    "version",
    "orphaned",
    "source_entity",
    "source_type",
    "cue_class",
    "content_text",
    "mode",
    "hedges",
    "speech_date",
)


def entry_record(row: LogRow) -> dict[str, Any]:
    """One log entry as a JSON object, with its claim, source and article embedded.

    Carries every field the chain hashes (``seq`` to ``hash``), so a reader can
    recompute the chain from an export alone. ``claim`` holds ``LOG_CLAIM_FIELDS``.
    """
    return {
        "seq": row.seq,
        "id": row.entry_id,
        "claim_id": row.claim_id,
        "reviewer": row.reviewer,
        "from_status": row.from_status,
        "to_status": row.to_status,
        "note": row.note,
        "evidence": list(row.evidence),
        "created_at": utc_timestamp(row.created_at),
        "claim_version": row.claim_version,
        "undoes": row.undoes,
        "prev_hash": row.prev_hash,
        "hash": row.hash,
        "claim": {
            "id": row.claim_id,
            "article_id": row.article_id,
            "status": row.status,
            "version": row.version,
            "orphaned": row.orphaned,
            "source_entity": row.source_entity,
            "source_type": row.source_type,
            "cue_class": row.cue_class,
            "content_text": row.content_text,
            "mode": row.mode,
            "hedges": list(row.hedges),
            "speech_date": row.speech_date.isoformat() if row.speech_date else None,
        },
        "source": {"id": row.source_id, "entity": row.source_entity, "type": row.source_type},
        "article": {
            "id": row.article_id,
            "title": row.article_title,
            "path": row.article_path,
            "url": row.article_url,
            "outlet": row.article_outlet,
            "published": row.article_published.isoformat() if row.article_published else None,
        },
    }
