"""Log rows built in memory, for the pure formatter tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from tracker.model import LogLine, LogRow

AT = dt.datetime(2024, 12, 23, 9, 30, 15, 123456, tzinfo=dt.UTC)


def log_row(**changes: Any) -> LogRow:
    row = LogRow(
        seq=7,
        entry_id=9,
        reviewer="ann",
        from_status="unreviewed",
        to_status="disputed",
        note="Figures differ",
        evidence=("https://example.org/a",),
        created_at=AT,
        claim_version=2,
        undoes=None,
        prev_hash="a" * 64,
        hash="b" * 64,
        claim_id=12,
        article_id=3,
        status="disputed",
        version=2,
        orphaned=False,
        source_id=4,
        source_entity="Hanna Malyar",
        source_type="person",
        cue_class="speech",
        content_text="the area around the capital had been “liberated”",
        mode="indirect",
        hedges=("claimed",),
        speech_date=dt.date(2022, 4, 2),
        article_title="Kyiv region retaken",
        article_path="seeds/002.txt",
        article_url="https://news.example/kyiv",
        article_outlet="The Standard",
        article_published=dt.date(2022, 4, 3),
    )
    return row._replace(**changes)


def log_line(**changes: Any) -> LogLine:
    r = log_row()
    line = LogLine(
        seq=r.seq,
        entry_id=r.entry_id,
        claim_id=r.claim_id,
        reviewer=r.reviewer,
        from_status=r.from_status,
        to_status=r.to_status,
        note=r.note,
        evidence=r.evidence,
        created_at=r.created_at,
        content_text=r.content_text,
        source_entity=r.source_entity,
        article_title=r.article_title,
        article_path=r.article_path,
    )
    return line._replace(**changes)


#: Any text, including quotes, backslashes, control characters, newlines and non-BMP.
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
maybe_texts = st.none() | texts
moments = st.datetimes(
    min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2090, 1, 1), timezones=st.just(dt.UTC)
)
days = st.none() | st.dates()
