"""Concurrent reviewers: no decision lost or applied twice, conflicts reported, chain intact.

PostgreSQL: 8 processes x 500 decisions; SQLite: 4 x 500 (busy timeout and retry:
no "database is locked" reaches anyone). Each process marks claims of one
overlapping set of 200 with the version it read, so some decisions are refused.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.reliability.invariants import assert_log_consistent
from tracker.cli import main
from tracker.model import ClaimFilter
from tracker.ops.claims import count_claims, list_claims
from tracker.ops.ingest import ingest
from tracker.store.models import Review

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from figures import varied_articles  # noqa: E402

REVIEWER = Path(__file__).with_name("reviewer.py")
ROOT = Path(__file__).resolve().parents[2]


def fill_with_claims(store, folder: Path, wanted: int) -> list[int]:  # type: ignore[no-untyped-def]
    """Ingest varied articles until the store holds at least ``wanted`` claims."""
    folder.mkdir(exist_ok=True)
    articles = varied_articles(10_000, seed=11)
    n = 0
    while count_claims(store) < wanted:
        for _ in range(20):
            (folder / f"{n:05d}.txt").write_text(next(articles), encoding="utf-8")
            n += 1
        ingest(store, [str(folder)])
    return [c.id for c in list_claims(store, ClaimFilter(), limit=wanted)]


def reviewer_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}


def run_reviewers(
    db: str, claims: list[int], processes: int, decisions: int, tmp: Path
) -> list[dict]:  # type: ignore[type-arg]
    procs = []
    for i in range(processes):
        out = tmp / f"reviewer-{i}.json"
        cmd = [
            sys.executable,
            str(REVIEWER),
            "--db",
            db,
            "--claims",
            ",".join(map(str, claims)),
            "--decisions",
            str(decisions),
            "--seed",
            str(100 + i),
            "--name",
            f"r{i}",
            "--out",
            str(out),
        ]
        procs.append(
            (
                subprocess.Popen(
                    cmd,
                    env=reviewer_env(),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                ),
                out,
            )
        )
    results = []
    for proc, out in procs:
        _, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, f"a reviewer crashed: {err.strip()[-2000:]}"
        results.append(json.loads(out.read_text(encoding="utf-8")))
    return results


@pytest.mark.parametrize(("backend", "processes"), [("postgresql", 8), ("sqlite", 4)])
def test_concurrent_reviewers_lose_nothing(
    backend: str, processes: int, tmp_path: Path, request
) -> None:  # type: ignore[no-untyped-def]
    from tracker.ops.database import open_database

    db = request.getfixturevalue("pg_url") if backend == "postgresql" else str(tmp_path / "t.db")
    store = open_database(db)
    claims = fill_with_claims(store, tmp_path / "corpus", 200)
    assert len(claims) == 200
    decisions = 500
    results = run_reviewers(db, claims, processes, decisions, tmp_path)

    accepted = [a for r in results for a in r["accepted"]]
    refused = [c for r in results for c in r["conflicts"]]
    assert len(accepted) + len(refused) == processes * decisions
    assert refused, "overlapping reviewers produced no conflict at all: the test proves nothing"
    n_entries = assert_log_consistent(store)
    assert n_entries == len(accepted), "a decision was lost or applied twice"
    with store.read() as s:
        logged = {note: entry_id for entry_id, note in s.execute(select(Review.id, Review.note))}
    assert {a[2]: a[1] for a in accepted} == logged  # each accepted decision logged, once
    assert not {c[1] for c in refused} & set(logged)  # no refused decision was written
    store.close()
    assert main(["log", "verify", "--db", db]) == 0
