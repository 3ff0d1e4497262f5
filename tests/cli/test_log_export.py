"""`tracker log`, `tracker log verify` and `tracker export` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from tests.export.logdata import INJECTION, Log, make_log
from tracker.cli import main
from tracker.ops.database import open_database


@pytest.fixture
def logged(db_url: str, seeds: Path) -> tuple[str, Log]:
    store = open_database(db_url)
    try:
        return db_url, make_log(store, seeds)
    finally:
        store.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sqlite_db(tmp_path: Path, seeds: Path) -> str:
    """An SQLite file holding the six-decision log, for tampering with the sqlite3 module."""
    db = str(tmp_path / "t.db")
    store = open_database(db)
    make_log(store, seeds)
    store.close()
    return db


def test_verify_says_intact_then_names_a_tampered_note(
    sqlite_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = sqlite_db
    assert run(capsys, "log", "verify", "--db", db) == (0, "6 entries, chain intact\n", "")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE reviews SET note = 'nothing to see' WHERE seq = 3")
    code, out, err = run(capsys, "log", "verify", "--db", db)
    assert code == 1 and out == ""
    assert len(err.splitlines()) == 1
    assert "entry #3 " in err and "altered" in err and "after 2 good entries" in err
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM reviews WHERE seq = 6")
    code, _, err = run(capsys, "log", "verify", "--db", db)
    assert code == 1 and "entry #3 " in err  # still the first break


def test_verify_names_a_deleted_row(sqlite_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    db = sqlite_db
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM reviews WHERE seq = 4")
    code, _, err = run(capsys, "log", "verify", "--db", db)
    assert code == 1 and "after 3 good entries: entry #4 was removed" in err


def test_verify_names_the_last_row_deleted(
    sqlite_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(sqlite_db) as conn:
        conn.execute("DELETE FROM reviews WHERE seq = 6")
    code, _, err = run(capsys, "log", "verify", "--db", sqlite_db)
    assert code == 1
    assert err == (
        "tracker: log chain broken after 5 good entries: "
        "the last entry #6 was removed: the chain head records 6\n"
    )


def test_verify_runs_on_both_backends(
    logged: tuple[str, Log], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = logged
    assert run(capsys, "log", "--db", db, "verify")[:2] == (0, "6 entries, chain intact\n")


def test_log_shows_entries_with_filters(
    logged: tuple[str, Log], capsys: pytest.CaptureFixture[str]
) -> None:
    db, log = logged
    code, out, _ = run(capsys, "log", "--db", db)
    heads = [line for line in out.splitlines() if line.startswith("#")]
    assert code == 0 and len(heads) == 6
    assert heads[0].startswith("#1  2024-12-23 09:00:00 UTC  ann  claim")
    assert "unreviewed → verified" in heads[0]
    assert "    note: Matches the ministry’s “figures”" in out
    _, out, _ = run(capsys, "log", "--db", db, "--claim", str(log.a))
    assert [line.split()[0] for line in out.splitlines() if line.startswith("#")] == ["#1", "#4"]
    _, out, _ = run(capsys, "log", "--db", db, "--reviewer", "bob", "--since", "Dec 24 2024")
    assert [line.split()[0] for line in out.splitlines() if line.startswith("#")] == ["#5"]
    _, out, _ = run(capsys, "log", "--db", db, "--reviewer", "nobody")
    assert out == "no log entries match\n"
    code, _, err = run(capsys, "log", "verify", "--db", db, "--claim", "1")
    assert code == 2 and "takes no --claim" in err


def test_export_to_stdout_and_to_a_file(
    logged: tuple[str, Log], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = logged
    code, out, err = run(capsys, "export", "--db", db, "--format", "csv")
    assert code == 0 and err == ""
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert len(rows) == 7 and rows[2][8] == "'" + INJECTION
    target = tmp_path / "log.jsonl"
    code, out, err = run(capsys, "export", "--db", db, "--format", "jsonl", "-o", str(target))
    assert code == 0 and out == "" and err == f"{target}: 6 entries as jsonl\n"
    assert [json.loads(line)["seq"] for line in target.read_text().splitlines()] == list(
        range(1, 7)
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--status", "disputed"], [2, 4]),
        (["--status", "verified", "--status", "unreviewed"], [1, 5, 6]),
        (["--reviewer", "ann", "--since", "2024-12-24"], [3, 6]),
        (["--until", "2024-12-23"], [1, 2]),  # a date alone means the whole day
        (["--since", "2024-12-23T10:00:00Z", "--until", "2024-12-24 09:00"], [2, 3]),
    ],
)
def test_export_filters(
    logged: tuple[str, Log],
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    expected: list[int],
) -> None:
    db, _ = logged
    code, out, _ = run(capsys, "export", "--db", db, "--format", "jsonl", *args)
    assert code == 0 and [json.loads(line)["seq"] for line in out.splitlines()] == expected


def test_export_refusals_are_one_line(
    logged: tuple[str, Log], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = logged
    with pytest.raises(SystemExit) as done:
        main(["export", "--db", db, "--format", "csv", "--status", "orphaned"])
    assert done.value.code == 2 and "orphaned is not a decision" in capsys.readouterr().err
    with pytest.raises(SystemExit) as done:
        main(["export", "--db", db, "--format", "csv", "--since", "not a date"])
    assert done.value.code == 2 and "cannot read 'not a date' as a date" in capsys.readouterr().err
    code, _, err = run(capsys, "export", "--db", db, "--format", "claimreview")
    assert code == 1 and err.count("\n") == 1 and "needs --org" in err


def test_claimreview_and_markdown_from_the_command_line(
    logged: tuple[str, Log], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = logged
    code, out, err = run(
        capsys, "export", "--db", db, "--format", "claimreview", "--org", "The Standard",
        "--org-url", "https://standard.example",
    )  # fmt: skip
    assert code == 0 and len(json.loads(out)) == 3
    assert "2 of 3 reviews have no url" in err
    code, out, _ = run(capsys, "export", "--db", db, "--format", "markdown")
    assert code == 0 and out.startswith("# Verification log\n") and out.count("\n### Claim ") == 4


def test_export_to_a_real_stdout_descriptor(
    logged: tuple[str, Log], capfd: pytest.CaptureFixture[str]
) -> None:
    db, _ = logged
    print("before", flush=True)
    assert main(["export", "--db", db, "--format", "jsonl"]) == 0
    print("after")
    lines = capfd.readouterr().out.splitlines()
    assert lines[0] == "before" and lines[-1] == "after"
    assert [json.loads(line)["seq"] for line in lines[1:-1]] == [1, 2, 3, 4, 5, 6]
