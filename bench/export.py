"""Export benchmark: rows/s and peak memory exporting a 1,000,000-entry log.

Builds a fresh SQLite database with bulk SQL (articles, sources, claims and a
valid hash chain of log entries, hashed by the store's own ``entry_digest``),
then runs ``tracker export --format csv|jsonl -o FILE`` as a user would, each
in a new process that reports its own peak resident set size when it ends.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from figures import Figure, Stopwatch

from tracker.store.log import entry_digest
from tracker.store.models import GENESIS_HASH

ENTRIES = int(os.environ.get("BENCH_EXPORT_ENTRIES", "1000000"))
ARTICLES = 2_000
CLAIMS_PER_ARTICLE = 50
SOURCES = 800
#: Commands run in this probe, which reports its own CPU time and peak RSS when done:
#: the export's alone (ru_maxrss of a forked child can include the parent's pages).
PROBE = (
    "import resource, sys\n"
    "from tracker.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "use = resource.getrusage(resource.RUSAGE_SELF)\n"
    "print(f'probe_cpu_s={use.ru_utime + use.ru_stime}')\n"
    "print(f'probe_peak_rss_kib={use.ru_maxrss}')\n"
    "sys.exit(code)\n"
)
NOTES = (
    "",
    "Matches the ministry's published figures.",
    'Spokesperson said "no comment", see thread',
    "Two sources disagree;\nfollow-up needed",
    '=HYPERLINK("https://example.org","click")',
    "Cannot be checked: no public record, sealed court file",
)
SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"


def _sql_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(tzinfo=None).strftime(SQLITE_TIME)


class _Chain:
    """Log rows in chain order, each hashed after the previous one, for ``executemany``.

    Decisions land on random claims; each moves its claim on from its last status.
    ``status``, ``version`` and ``last_hash`` hold the state once the rows are consumed.
    """

    def __init__(self, rng: random.Random, claims: int, entries: int, start: dt.datetime) -> None:
        self.rng, self.claims, self.entries, self.start = rng, claims, entries, start
        self.status = ["unreviewed"] * (claims + 1)
        self.version = [1] * (claims + 1)
        self.last_hash = GENESIS_HASH

    def __iter__(self) -> Iterator[tuple[object, ...]]:
        verdicts = ("verified", "disputed", "unverifiable", "verified", "unreviewed")
        for seq in range(1, self.entries + 1):
            claim = self.rng.randint(1, self.claims)
            before, after = self.status[claim], self.rng.choice(verdicts)
            if after == before:
                after = "disputed" if before != "disputed" else "verified"
            note = self.rng.choice(NOTES) if after != "unreviewed" else "reopened"
            if after in ("disputed", "unverifiable") and not note:
                note = "needs a note"
            evidence = [f"https://example.org/evidence/{seq}"] if seq % 3 else []
            created = self.start + dt.timedelta(seconds=seq * 0.5)
            reviewer = f"reviewer{seq % 17}"
            self.version[claim] += 1
            digest = entry_digest(
                seq=seq,
                claim_id=claim,
                reviewer=reviewer,
                from_status=before,
                to_status=after,
                note=note,
                evidence=evidence,
                created_at=created,
                claim_version=self.version[claim],
                undoes=None,
                prev_hash=self.last_hash,
            )
            yield (
                seq,
                seq,
                claim,
                reviewer,
                before,
                after,
                note,
                json.dumps(evidence),
                _sql_time(created),
                self.version[claim],
                None,
                self.last_hash,
                digest,
            )
            self.status[claim] = after
            self.last_hash = digest


def build_database(path: Path, entries: int = ENTRIES, seed: int = 11) -> None:
    """A database of ``entries`` log entries over 100,000 claims, written with bulk SQL."""
    from tracker.store import open_store

    open_store(str(path)).close()  # the tables, exactly as the tool makes them
    rng = random.Random(seed)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    now = _sql_time(start)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    with conn:
        conn.executemany(
            "INSERT INTO sources (id, name, match_key, type) VALUES (?, ?, ?, ?)",
            (
                (i, f"Source {i}", f"source {i}|person", ("person", "organisation")[i % 2])
                for i in range(1, SOURCES + 1)
            ),
        )
        conn.executemany(
            "INSERT INTO articles (id, sha256, title, outlet, url, path, published, text,"
            " encoding, parser_version, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    a,
                    f"{a:064x}",
                    f"Article {a}: ministers, figures and a summit" if a % 4 else None,
                    "The Standard",
                    f"https://news.example.org/{a}" if a % 2 else None,
                    f"corpus/{a:05d}.txt",
                    "2024-06-01",
                    "Text of the article.",
                    "utf-8",
                    "bench",
                    now,
                )
                for a in range(1, ARTICLES + 1)
            ),
        )
        claims = ARTICLES * CLAIMS_PER_ARTICLE
        chain = _Chain(rng, claims, entries, start)
        content = "the region had been “liberated”, with 30 towns and villages recaptured, she said"
        conn.executemany(
            "INSERT INTO claims (id, article_id, ordinal, sentence_ordinal, source_id,"
            " source_start, source_end, source_text, cue_start, cue_end, cue_text, cue_class,"
            " content_spans, content_text, mode, hedges, speech_date, speech_date_text, status,"
            " version, orphaned, fingerprint, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    c,
                    (c - 1) // CLAIMS_PER_ARTICLE + 1,
                    (c - 1) % CLAIMS_PER_ARTICLE,
                    0,
                    c % SOURCES + 1,
                    0,
                    8,
                    "Ms Malyar",
                    9,
                    13,
                    "said",
                    "speech",
                    json.dumps([[14, 14 + len(content)]]),
                    content,
                    "indirect",
                    json.dumps(["allegedly"] if c % 5 == 0 else []),
                    None,
                    None,
                    "unreviewed",
                    1,
                    0,
                    f"{c:064x}",
                    now,
                    now,
                )
                for c in range(1, claims + 1)
            ),
        )
        # the log's secondary indexes are built once at the end, not row by row
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reviews'"
            " AND sql IS NOT NULL"
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        conn.executemany(
            "INSERT INTO reviews (id, seq, claim_id, reviewer, from_status, to_status, note,"
            " evidence, created_at, claim_version, undoes, prev_hash, hash)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            chain,
        )
        for _, sql in indexes:
            conn.execute(sql)
        conn.executemany(
            "UPDATE claims SET status = ?, version = ? WHERE id = ?",
            (
                (chain.status[c], chain.version[c], c)
                for c in range(1, claims + 1)
                if chain.version[c] > 1
            ),
        )
        conn.execute(
            "UPDATE log_head SET entries = ?, last_hash = ? WHERE id = 1",
            (entries, chain.last_hash),
        )
    conn.close()


def run_tracker(*argv: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one ``tracker`` command in a new process."""
    cmd = [sys.executable, "-c", PROBE, *argv]
    with Stopwatch() as clock:
        done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"tracker {' '.join(argv)} failed: {done.stderr.strip()[:500]}")
    probe = dict(
        line.split("=", 1) for line in done.stdout.splitlines() if line.startswith("probe_")
    )
    return clock.seconds, float(probe["probe_cpu_s"]), int(probe["probe_peak_rss_kib"]) / 1024


def run() -> Iterator[Figure]:
    with tempfile.TemporaryDirectory(prefix="tracker-bench-export-") as tmp:
        db = Path(tmp) / "log.db"
        with Stopwatch() as build:
            build_database(db)
        yield Figure("export_build_db_s", build.seconds, "s")
        peaks = []
        for fmt in ("csv", "jsonl"):
            out = Path(tmp) / f"log.{fmt}"
            wall, cpu, peak = run_tracker(
                "export", "--db", str(db), "--format", fmt, "-o", str(out)
            )
            peaks.append(peak)
            yield Figure(f"export_{fmt}_rows_per_s_1m", ENTRIES / wall, "rows/s")
            # the same on CPU time: what the export costs when the machine is shared
            yield Figure(f"export_{fmt}_cpu_rows_per_s_1m", ENTRIES / cpu, "rows/s")
            yield Figure(f"export_{fmt}_mb_1m", out.stat().st_size / 1e6, "MB")
            out.unlink()
        yield Figure("export_rss_mb_1m", max(peaks), "MB")
        wall, _, peak = run_tracker("log", "verify", "--db", str(db))
        yield Figure("log_verify_rows_per_s_1m", ENTRIES / wall, "rows/s")
        yield Figure("log_verify_rss_mb_1m", peak, "MB")
