"""The SQLite bulk path stores exactly what SQLAlchemy's own executemany stores.

``bulk_insert`` hands SQLite plain tuples, converting each column through its
type itself (enums, JSON, dates, UTC datetimes); every stored value must be what
the Core insert would have written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, insert

from tracker.parse import parse_article
from tracker.store.articles import CLAIM_COLUMNS, Row, bulk_insert, claim_row, source_key
from tracker.store.models import Base, Claim, Sentence

# Not UTC, so the UTC conversion shows.
NOW = dt.datetime(2026, 3, 1, 12, 30, 15, 250, tzinfo=dt.timezone(dt.timedelta(hours=2)))
SENTENCE_COLUMNS = ("article_id", "ordinal", "start_char", "end_char", "label")


def _stored(model: Any, columns: tuple[str, ...], rows: list[Row], bulk: bool) -> list[Row]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        if bulk:
            bulk_insert(conn, model, columns, rows)
        else:
            conn.execute(insert(model), [dict(zip(columns, r, strict=True)) for r in rows])
        table = model.__tablename__
        return [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id")]


@pytest.fixture
def parsed(seeds: Path) -> list[Any]:
    return [
        parse_article(p.read_text(encoding="utf-8"), published=dt.date(2023, 2, 24))
        for p in sorted(seeds.glob("*.txt"))
    ]


# A whole second too: the driver's own datetime adapter would drop its ".000000".
@pytest.mark.parametrize("now", [NOW, NOW.replace(microsecond=0)], ids=["micro", "whole"])
def test_claim_rows_are_stored_as_core_stores_them(parsed: list[Any], now: dt.datetime) -> None:
    source_ids: dict[str, int] = {}
    rows = []
    for article_id, article in enumerate(parsed, start=1):
        for ordinal, claim in enumerate(article.claims):
            source_ids.setdefault(source_key(claim.source_entity), len(source_ids) + 1)
            rows.append(claim_row(article_id, ordinal, article, source_ids, now))
    assert any(r[CLAIM_COLUMNS.index("speech_date")] is not None for r in rows)
    assert any(r[CLAIM_COLUMNS.index("hedges")] for r in rows)
    fast = _stored(Claim, CLAIM_COLUMNS, rows, bulk=True)
    assert fast == _stored(Claim, CLAIM_COLUMNS, rows, bulk=False)
    assert len(fast) == len(rows)


def test_sentence_rows_are_stored_as_core_stores_them(parsed: list[Any]) -> None:
    rows: list[Row] = [
        (article_id, ordinal, s.span.start, s.span.end, s.label)
        for article_id, article in enumerate(parsed, start=1)
        for ordinal, s in enumerate(article.sentences)
    ]
    fast = _stored(Sentence, SENTENCE_COLUMNS, rows, bulk=True)
    assert fast == _stored(Sentence, SENTENCE_COLUMNS, rows, bulk=False)
    assert {r[-1] for r in fast} >= {"attributed", "statement", "boilerplate"}
