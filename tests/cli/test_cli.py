"""The command line as a user runs it: help, exit codes, one-line failures, formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.cli import build_parser, main

COMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "example:" in out and f"tracker {command}" in out.split("example:")[1]


def test_ingest_reports_failures_one_line_each_and_exits_1(
    tmp_path: Path, seeds: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    db = str(tmp_path / "t.db")
    code = main(["ingest", "--db", db, str(seeds), str(bad)])
    captured = capsys.readouterr()
    assert code == 1
    errors = [line for line in captured.err.splitlines() if line]
    assert errors == [f"failed: {bad}: binary data, not text (NUL byte at offset 0)"]
    assert "5 ingested, 0 unchanged, 1 failed" in captured.out
    assert main(["ingest", "--db", db, str(seeds)]) == 0
    assert "0 ingested, 5 unchanged, 0 failed; 0 claims added" in capsys.readouterr().out


def test_claims_jsonl_carries_the_contract_fields(tmp_path: Path, seeds: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "t.db")
    main(["ingest", "--db", db, str(seeds)])
    capsys.readouterr()
    assert main(["claims", "--db", db, "--format", "jsonl", "--status", "unreviewed"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines
    for line in lines:
        record = json.loads(line)
        for key in (
            "id",
            "article_id",
            "status",
            "version",
            "source_entity",
            "cue",
            "content",
            "content_text",
            "source",
        ):
            assert key in record
        assert record["status"] == "unreviewed" and record["version"] == 1
        for span in record["content"]:
            assert set(span) == {"start", "end", "text"}


def test_mark_conflict_exits_3_and_writes_nothing(tmp_path: Path, seeds: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "t.db")
    main(["ingest", "--db", db, str(seeds)])
    assert (
        main(["mark", "1", "verified", "--db", db, "--reviewer", "ann", "--expect-version", "1"])
        == 0
    )
    capsys.readouterr()
    code = main(
        [
            "mark",
            "1",
            "disputed",
            "--note",
            "x",
            "--db",
            db,
            "--reviewer",
            "bob",
            "--expect-version",
            "1",
        ]
    )
    err = capsys.readouterr().err
    assert code == 3 and "ann" in err and len(err.strip().splitlines()) == 1
    main(["show", "1", "--db", db, "--format", "json"])
    shown = json.loads(capsys.readouterr().out)
    assert shown["status"] == "verified" and shown["version"] == 2 and len(shown["history"]) == 1


def test_extract_prints_the_gold_shape(seeds: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    files = sorted(str(p) for p in seeds.glob("*.txt"))
    assert main(["extract", *files]) == 0
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [d["article"] for d in docs] == [Path(f).name for f in files]
    for doc in docs:
        assert set(doc) >= {"article", "published", "sentences", "claims", "verification_links"}
    assert docs[1]["published"] == "2024-12-23"


def test_bad_arguments_are_one_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        main(["ingest", "x", "--published", "not a date at all"])
    assert done.value.code == 2
    assert "cannot read 'not a date at all' as a date" in capsys.readouterr().err
    assert main(["claims", "--db", str(tmp_path / "no" / "such" / "dir.db")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_demo_without_a_terminal_prints_the_claims(tmp_path: Path, seeds: Path) -> None:
    env = {**os.environ, "TRACKER_REVIEWER": "tester"}
    out = subprocess.run(
        [sys.executable, "-m", "tracker", "demo", "--seeds", str(seeds)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "5 sample articles" in out.stdout
    assert (tmp_path / "tracker-demo.db").exists()
