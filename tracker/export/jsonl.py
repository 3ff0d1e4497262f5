"""The verification log as JSON Lines: one object per entry, claim, source and article embedded.

Owns the line format. Each line is exactly
``json.dumps(entry_record(row), separators=(",", ":"))``
(``tracker.export.records.entry_record`` is the reference shape), but built
from pre-escaped pieces: with a million entries, serialising nested dicts
through ``json.dumps`` costs twice as much. A test holds the two byte for
byte equal. Text outside ASCII is written as ``\\uXXXX`` escapes, as
``json.dumps`` does by default: the lines are plain ASCII, valid UTF-8, and
cheaper to build. Pure: rows in, text written to the stream it is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from json.encoder import encode_basestring_ascii
from typing import TextIO

from tracker.export.records import utc_timestamp
from tracker.model import LogRow

#: The string escaping ``json.dumps`` applies (C-accelerated).
_q = encode_basestring_ascii

_LINE = (
    '{"seq":%d,"id":%d,"claim_id":%d,"reviewer":%s,"from_status":%s,"to_status":%s,'
    '"note":%s,"evidence":[%s],"created_at":"%s","claim_version":%d,"undoes":%s,'
    '"prev_hash":%s,"hash":%s,'
    '"claim":{"id":%d,"article_id":%d,"status":%s,"version":%d,"orphaned":%s,'
    '"source_entity":%s,"source_type":%s,"cue_class":%s,"content_text":%s,"mode":%s,'
    '"hedges":[%s],"speech_date":%s},'
    '"source":{"id":%d,"entity":%s,"type":%s},'
    '"article":{"id":%d,"title":%s,"path":%s,"url":%s,"outlet":%s,"published":%s}}'
)


def entry_line(row: LogRow) -> str:
    """One entry as one line of JSON (without the newline)."""
    (
        seq,
        entry_id,
        reviewer,
        from_status,
        to_status,
        note,
        evidence,
        created_at,
        claim_version,
        undoes,
        prev_hash,
        hash_,
        claim_id,
        article_id,
        status,
        version,
        orphaned,
        source_id,
        source_entity,
        source_type,
        cue_class,
        content_text,
        mode,
        hedges,
        speech_date,
        title,
        path,
        url,
        outlet,
        published,
    ) = row
    entity, kind = _q(source_entity), _q(source_type)
    return _LINE % (
        seq,
        entry_id,
        claim_id,
        _q(reviewer),
        _q(from_status),
        _q(to_status),
        _q(note),
        ",".join(map(_q, evidence)),
        utc_timestamp(created_at),
        claim_version,
        "null" if undoes is None else undoes,
        _q(prev_hash),
        _q(hash_),
        claim_id,
        article_id,
        _q(status),
        version,
        "true" if orphaned else "false",
        entity,
        kind,
        _q(cue_class),
        _q(content_text),
        _q(mode),
        ",".join(map(_q, hedges)),
        "null" if speech_date is None else f'"{speech_date.isoformat()}"',
        source_id,
        entity,
        kind,
        article_id,
        "null" if title is None else _q(title),
        "null" if path is None else _q(path),
        "null" if url is None else _q(url),
        "null" if outlet is None else _q(outlet),
        "null" if published is None else f'"{published.isoformat()}"',
    )


def write_jsonl(batches: Iterable[Sequence[LogRow]], out: TextIO) -> int:
    """Write one line per entry to ``out``; returns the number of entries written."""
    written = 0
    for batch in batches:
        if batch:
            out.write("\n".join(map(entry_line, batch)))
            out.write("\n")  # apart: appending it would copy the whole batch again
            written += len(batch)
    return written
