"""JSON Lines: the fast line builder writes exactly what json.dumps writes for the reference record."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from tests.export.rows import days, log_row, maybe_texts, moments, texts
from tracker.export.jsonl import entry_line, write_jsonl
from tracker.export.records import entry_record


def reference(row: object) -> str:
    return json.dumps(entry_record(row), separators=(",", ":"))  # type: ignore[arg-type]


@given(
    note=texts,
    reviewer=texts,
    content=texts,
    entity=texts,
    title=maybe_texts,
    url=maybe_texts,
    outlet=maybe_texts,
    evidence=st.lists(texts, max_size=3).map(tuple),
    hedges=st.lists(texts, max_size=3).map(tuple),
    at=moments,
    speech=days,
    published=days,
    undoes=st.none() | st.integers(1, 10**9),
    orphaned=st.booleans(),
)
def test_lines_equal_json_dumps_of_the_reference(  # type: ignore[no-untyped-def]
    note,
    reviewer,
    content,
    entity,
    title,
    url,
    outlet,
    evidence,
    hedges,
    at,
    speech,
    published,
    undoes,
    orphaned,
) -> None:
    row = log_row(
        note=note,
        reviewer=reviewer,
        content_text=content,
        source_entity=entity,
        article_title=title,
        article_url=url,
        article_outlet=outlet,
        evidence=evidence,
        hedges=hedges,
        created_at=at,
        speech_date=speech,
        article_published=published,
        undoes=undoes,
        orphaned=orphaned,
    )
    line = entry_line(row)
    assert line == reference(row)
    assert line.isascii() and "\n" not in line
    assert json.loads(line)["note"] == note


def test_one_line_per_entry() -> None:
    out = io.StringIO()
    rows = [log_row(seq=1), log_row(seq=2, note="two\nlines")]
    assert write_jsonl([rows, []], out) == 2
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["seq"] for line in lines] == [1, 2]
    record = json.loads(lines[0])
    assert record["created_at"] == "2024-12-23T09:30:15.123456Z"
    assert record["claim"]["content_text"] == "the area around the capital had been “liberated”"
    assert record["source"] == {"id": 4, "entity": "Hanna Malyar", "type": "person"}
    assert record["article"]["published"] == "2022-04-03"
