"""CSV cells: formulas neutralised, reversibly; RFC 4180 quoting through the csv module."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given

from tests.export.rows import log_line, texts
from tracker.export.csv import HEADER, neutralise, restore, write_csv

RISKY = tuple("=+-@\t\r")


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        pytest.param('=HYPERLINK("https://evil.example","x")', "'=HYPERLINK(", id="equals"),
        pytest.param("+1+1", "'+1+1", id="plus"),
        pytest.param("-2+3", "'-2+3", id="minus"),
        pytest.param("@SUM(A1)", "'@SUM(A1)", id="at"),
        pytest.param("\t=1", "'\t=1", id="tab"),
        pytest.param("\r=1", "'\r=1", id="carriage-return"),
        pytest.param("'quoted", "''quoted", id="quote-kept-reversible"),
        pytest.param("plain = text", "plain = text", id="plain"),
        pytest.param("", "", id="empty"),
    ],
)
def test_neutralise(cell: str, shown: str) -> None:
    assert neutralise(cell).startswith(shown)
    assert restore(neutralise(cell)) == cell


@given(texts)
def test_neutralised_cells_never_start_a_formula_and_restore_exactly(cell: str) -> None:
    safe = neutralise(cell)
    assert not safe.startswith(RISKY)
    assert restore(safe) == cell


@given(texts, texts)
def test_any_note_survives_the_csv_module(note: str, claim: str) -> None:
    out = io.StringIO(newline="")
    write_csv([[log_line(note=note, content_text=claim)]], out)
    header, row = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert tuple(header) == HEADER
    got = dict(zip(HEADER, map(restore, row), strict=True))
    assert (got["note"], got["claim"]) == (note, claim)


def test_rows_follow_rfc_4180() -> None:
    out = io.StringIO(newline="")
    line = log_line(
        note='He said "no",\nthen left', evidence=("https://a.example", "https://b.example")
    )
    assert write_csv([[line], [line._replace(seq=8)]], out) == 2
    text = out.getvalue()
    assert text.count("\r\n") == 3  # header and two rows end in CRLF; the note's LF is quoted
    assert '"He said ""no"",\nthen left"' in text
    assert ",https://a.example https://b.example,2024-12-23T09:30:15.123456Z\r\n" in text


def test_article_is_its_title_else_its_file() -> None:
    out = io.StringIO(newline="")
    write_csv([[log_line(), log_line(article_title=None)]], out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    column = HEADER.index("article")
    assert [r[column] for r in rows[1:]] == ["Kyiv region retaken", "seeds/002.txt"]
