"""Ingest benchmark: articles/s and MB/s end to end into a fresh SQLite file.

Generates a corpus of varied seed articles (names and numbers changed) in a
temporary folder, then times ``tracker ingest FOLDER --db fresh.db`` as a
user runs it (a new process, parsing in workers, writing in batches).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from figures import Figure, Stopwatch, varied_articles

import tracker

ARTICLES = int(os.environ.get("BENCH_INGEST_ARTICLES", "3000"))


def run() -> Iterator[Figure]:
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        total_bytes = 0
        for i, text in enumerate(varied_articles(ARTICLES)):
            data = text.encode("utf-8")
            total_bytes += len(data)
            (corpus / f"{i:05d}.txt").write_bytes(data)
        db = Path(tmp) / "bench.db"
        cmd = [sys.executable, "-m", "tracker", "ingest", str(corpus), "--db", str(db)]
        # The same tracker this process imports (the installed build, compiled parser
        # included, or the source tree when not installed); not whatever the working
        # directory holds, which ``-m`` would put first.
        env = {**os.environ, "PYTHONPATH": str(Path(tracker.__file__).resolve().parent.parent)}
        with Stopwatch() as clock:
            done = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp, env=env)
        if done.returncode != 0:
            raise SystemExit(f"ingest failed: {done.stderr.strip()[:500]}")
        yield Figure("ingest_articles", ARTICLES, "articles")
        yield Figure("ingest_articles_per_s", ARTICLES / clock.seconds, "articles/s")
        yield Figure("ingest_mb_per_s", total_bytes / 1e6 / clock.seconds, "MB/s")
        yield Figure("ingest_db_mb", db.stat().st_size / 1e6, "MB")
