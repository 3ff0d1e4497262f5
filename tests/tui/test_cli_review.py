"""``tracker review``: who the reviewer is, and what happens without a terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import tracker.tui.app
from tracker.cli import main


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Calls of ``run_review`` (replaced: no screen is drawn) as (db, reviewer)."""
    calls: list[tuple[str, str]] = []

    def fake_run_review(db: str, reviewer: str) -> int:
        calls.append((db, reviewer))
        return 0

    monkeypatch.setattr(tracker.tui.app, "run_review", fake_run_review)
    return calls


def test_reviewer_comes_from_the_flag_then_the_variable_then_the_login(
    opened: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = str(tmp_path / "r.db")
    monkeypatch.setattr("sys.stdin", Terminal())  # here: pytest's capture swaps them at setup
    monkeypatch.setattr("sys.stdout", Terminal())
    monkeypatch.setenv("TRACKER_REVIEWER", "from-env")
    assert main(["review", "--db", db, "--reviewer", "from-flag"]) == 0
    assert main(["review", "--db", db]) == 0
    monkeypatch.delenv("TRACKER_REVIEWER")
    monkeypatch.setattr("getpass.getuser", lambda: "from-login")
    assert main(["review", "--db", db]) == 0
    assert opened == [(db, "from-flag"), (db, "from-env"), (db, "from-login")]


def test_review_without_a_terminal_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["review", "--db", str(tmp_path / "r.db")]) == 2
    assert "review needs a terminal" in capsys.readouterr().err


def test_demo_opens_the_review_screen_on_the_seeds(
    opened: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("sys.stdout", Terminal())
    monkeypatch.setenv("TRACKER_REVIEWER", "demo-user")
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert opened == [(str(db), "demo-user")]


def test_the_database_is_named_without_folders_or_passwords() -> None:
    from tracker.tui.app import database_label

    assert database_label("/srv/news/tracker.db") == "tracker.db"
    label = database_label("postgresql+psycopg://ann:s3cret@db.example:5432/news?sslmode=require")
    assert label == "postgresql+psycopg://db.example:5432/news"
