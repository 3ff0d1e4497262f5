"""SIGKILL in the middle of work: the database stays whole and a re-run finishes the job."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.invariants import assert_log_consistent
from tests.reliability.test_concurrency import REVIEWER, fill_with_claims, reviewer_env
from tracker.ops.database import open_database
from tracker.ops.ingest import ingest
from tracker.parse import parse_article

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from figures import varied_articles  # noqa: E402

ARTICLES = 2400


def sqlite_count(db: Path, sql: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_kill_during_ingest_leaves_only_whole_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(varied_articles(ARTICLES, seed=3)):
        (corpus / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "t.db"
    cmd = [sys.executable, "-m", "tracker", "ingest", str(corpus), "--db", str(db)]
    proc = subprocess.Popen(
        cmd, env=reviewer_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 300
    while sqlite_count(db, "select count(*) from articles") < 300 and proc.poll() is None:
        assert time.monotonic() < deadline, "ingest stored nothing in 5 minutes"
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    after_kill = sqlite_count(db, "select count(*) from articles")
    time.sleep(1.5)  # a killed ingest stops writing: its worker processes die with it
    assert sqlite_count(db, "select count(*) from articles") == after_kill

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = conn.execute("select id, text, published from articles").fetchall()
        sentences = dict(conn.execute("select article_id, count(*) from sentences group by 1"))
        claims = dict(conn.execute("select article_id, count(*) from claims group by 1"))
    assert 0 < len(stored) < ARTICLES
    for article_id, text, _ in stored:  # every stored article is whole
        parsed = parse_article(text)
        assert sentences.get(article_id, 0) == len(parsed.sentences)
        assert claims.get(article_id, 0) == len(parsed.claims)

    store = open_database(str(db))
    again = ingest(store, [str(corpus)])
    store.close()
    assert again.count("unchanged") == len(stored)
    assert again.count("ingested") == ARTICLES - len(stored)
    assert not again.failed
    assert sqlite_count(db, "select count(*) from articles") == ARTICLES


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kill_during_mark_bursts_keeps_the_chain(backend: str, tmp_path: Path, request) -> None:  # type: ignore[no-untyped-def]
    db = request.getfixturevalue("pg_url") if backend == "postgresql" else str(tmp_path / "t.db")
    store = open_database(db)
    claims = fill_with_claims(store, tmp_path / "corpus", 50)
    procs = []
    for i in range(2):
        cmd = [
            sys.executable,
            str(REVIEWER),
            "--db",
            db,
            "--claims",
            ",".join(map(str, claims)),
            "--decisions",
            "1000000",
            "--seed",
            str(i),
            "--name",
            f"k{i}",
            "--pause",
            "0",
            "--out",
            str(tmp_path / f"k{i}.json"),
        ]
        procs.append(
            subprocess.Popen(
                cmd, env=reviewer_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
        )
    # Wait until both have committed a good number of decisions, then kill them mid-burst.
    for proc in procs:
        assert proc.stdout is not None
        for line in proc.stdout:
            if int(line) >= 100:
                break
    for proc in procs:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
    entries = assert_log_consistent(store)
    assert entries >= 200
    if backend == "sqlite":
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()
