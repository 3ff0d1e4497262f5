"""Review TUI benchmark: first paint, page moves and memory with 1,000,000 claims.

Builds an SQLite database of ``BENCH_TUI_CLAIMS`` claims (default 1,000,000)
with bulk SQL inserts (not the parser: the figures are about the screen),
then runs ``python -m tracker review`` as a user does, in a 120x40
pseudo-terminal, and reads what the process writes to the terminal:

- ``tui_first_paint_ms_1m``: from process start until the terminal has
  received the first claim of the list (median of ``STARTS`` fresh starts;
  ``..._max`` the slowest);
- ``tui_page_ms_1m``: median time from a PageDown / PageUp key written to
  the terminal until it has received the last row of the new page, keyset
  page reads included (``..._p95``, ``..._max`` too); keys come every
  ``PAUSE`` seconds, so the detail pane loads between them as it would for
  a quick reader;
- ``tui_end_ms_1m``: End (the last page of 559,000 claims, read backwards);
- ``tui_rss_mb_1m``: the review process's peak resident memory after all
  of that.

``BENCH_TUI_DB`` names a database to reuse (built there if missing).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import select
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from figures import Figure

ROOT = Path(__file__).resolve().parent.parent
CLAIMS = int(os.environ.get("BENCH_TUI_CLAIMS", "1000000"))
CLAIMS_PER_ARTICLE = 50
SOURCES = 5000
SIZE = (120, 40)
PAGE_MOVES = 60
STARTS = 3
#: Seconds between two page keys: a fast reader, long enough for the detail pane to follow.
PAUSE = 0.15

_VERBS = ("said", "told reporters", "claimed", "insisted", "wrote")
_TOPICS = (
    "troops had withdrawn from the region",
    "the talks would resume next week",
    "the figures were accurate",
    "the bridge was destroyed overnight",
    "prices would fall by the spring",
    "the ministry had not been informed",
)


def marker(claim_id: int) -> str:
    """Text that starts claim ``claim_id``'s content: unique, easy to find on screen."""
    return f"Q{claim_id:07d}"


def build_database(path: Path, claims: int = CLAIMS, seed: int = 11) -> None:
    """A store with ``claims`` claims in bulk: tables from the models, rows by plain SQL."""
    sys.path.insert(0, str(ROOT))
    from tracker.ops.database import open_database

    open_database(str(path)).close()  # tables, indexes, search index from the models
    rng = random.Random(seed)
    now = dt.datetime(2025, 1, 1).isoformat(sep=" ")
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = OFF")
    with con:
        con.executemany(
            "INSERT INTO sources (id, name, match_key, type) VALUES (?, ?, ?, 'person')",
            ((i, f"Source {i:05d}", f"source {i:05d}|person") for i in range(1, SOURCES + 1)),
        )
    claim_id = 0
    articles = (claims + CLAIMS_PER_ARTICLE - 1) // CLAIMS_PER_ARTICLE
    for first in range(1, articles + 1, 500):
        article_rows, sentence_rows, claim_rows = [], [], []
        for article_id in range(first, min(first + 500, articles + 1)):
            lines: list[str] = []
            pos = 0
            for ordinal in range(min(CLAIMS_PER_ARTICLE, claims - claim_id)):
                claim_id += 1
                source_id = int(rng.paretovariate(1.2)) % SOURCES + 1
                name = f"Source {source_id:05d}"
                verb = rng.choice(_VERBS)
                content = f"{marker(claim_id)} {rng.choice(_TOPICS)}"
                line = f"{name} {verb} {content}."
                s_start, c_start = pos, pos + len(name) + len(verb) + 2
                lines.append(line)
                roll = rng.random()
                status = (
                    "unreviewed"
                    if roll < 0.7
                    else "verified"
                    if roll < 0.8
                    else "disputed"
                    if roll < 0.9
                    else "unverifiable"
                )
                cue_roll = rng.random()
                cue_class = (
                    "speech" if cue_roll < 0.8 else "cognition" if cue_roll < 0.95 else "evidence"
                )
                hedged = verb == "claimed"
                sentence_rows.append((article_id, ordinal, pos, pos + len(line), "attributed"))
                claim_rows.append(
                    (
                        claim_id,
                        article_id,
                        ordinal,
                        ordinal,
                        source_id,
                        s_start,
                        s_start + len(name),
                        name,
                        s_start + len(name) + 1,
                        s_start + len(name) + 1 + len(verb),
                        verb,
                        cue_class,
                        json.dumps([[c_start, c_start + len(content)]]),
                        content,
                        "indirect",
                        json.dumps(["claimed"] if hedged else []),
                        status,
                        1 if status == "unreviewed" else 2,
                        f"{claim_id:064x}",
                        now,
                        now,
                    )
                )
                pos += len(line) + 1
            text = "\n".join(lines) + "\n"
            article_rows.append(
                (
                    article_id,
                    f"{article_id:064x}",
                    f"Article {article_id}",
                    f"bench/{article_id}.txt",
                    text,
                    now,
                )
            )
        with con:
            con.executemany(
                "INSERT INTO articles (id, sha256, title, path, text, encoding, parser_version,"
                " ingested_at) VALUES (?, ?, ?, ?, ?, 'utf-8', 'bench', ?)",
                article_rows,
            )
            con.executemany(
                "INSERT INTO sentences (article_id, ordinal, start_char, end_char, label)"
                " VALUES (?, ?, ?, ?, ?)",
                sentence_rows,
            )
            con.executemany(
                "INSERT INTO claims (id, article_id, ordinal, sentence_ordinal, source_id,"
                " source_start, source_end, source_text, cue_start, cue_end, cue_text,"
                " cue_class, content_spans, content_text, mode, hedges, status, version,"
                " orphaned, fingerprint, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                claim_rows,
            )
    # The store indexes new claims for search in bulk; rows written by plain SQL here
    # are indexed the same way, all at once.
    con.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
    con.commit()
    con.execute("ANALYZE")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def default_ids(path: Path, count: int) -> list[int]:
    """The first ``count`` claim ids of the default view (unreviewed speech claims), in order."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT id FROM claims WHERE status = 'unreviewed' AND cue_class = 'speech'"
            " ORDER BY id LIMIT ?",
            (count,),
        ).fetchall()
    finally:
        con.close()
    return [int(r[0]) for r in rows]


def last_default_id(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        row = con.execute(
            "SELECT max(id) FROM claims WHERE status = 'unreviewed' AND cue_class = 'speech'"
        ).fetchone()
    finally:
        con.close()
    return int(row[0])


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Terminal:
    """``tracker review`` in a pseudo-terminal of ``SIZE``, read as it writes."""

    def __init__(self, db: Path) -> None:
        import fcntl
        import pty
        import struct
        import termios

        env = dict(os.environ, TERM="xterm-256color", PYTHONPATH=str(ROOT))
        cmd = [sys.executable, "-m", "tracker", "review", "--db", str(db), "--reviewer", "bench"]
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child becomes the review process, in the terminal
            winsize = struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0)
            fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, winsize)
            os.execvpe(cmd[0], cmd, env)
        self.pid, self.fd = pid, fd
        self.output = b""

    def _read(self, seconds: float) -> bool:
        """Read what arrives within ``seconds``; False once the process has gone."""
        ready, _, _ = select.select([self.fd], [], [], seconds)
        if ready:
            try:
                self.output += os.read(self.fd, 1 << 16)
            except OSError:
                return False
        return True

    def read_until(self, wanted: bytes, since: int, timeout: float = 30) -> float:
        """The moment ``wanted`` appears in the output after offset ``since`` (NaN: never)."""
        began = time.perf_counter()
        while time.perf_counter() - began < timeout:
            if wanted in self.output[since:]:
                return time.perf_counter()
            if not self._read(0.05):
                break
        return float("nan")

    def drain(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end and self._read(0.01):
            pass

    def send(self, keys: bytes) -> int:
        """Type ``keys``; returns the output offset to look for their effect after."""
        mark = len(self.output)
        os.write(self.fd, keys)
        return mark

    def close(self) -> None:
        try:
            os.write(self.fd, b"q")
            self.drain(0.5)
            os.kill(self.pid, signal.SIGTERM)
        except OSError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


PAGE_DOWN, PAGE_UP, END = b"\x1b[6~", b"\x1b[5~", b"\x1b[F"


def first_paint_ms(db: Path) -> float:
    """Milliseconds from process start to the first claim on the terminal."""
    first = marker(default_ids(db, 1)[0]).encode()
    term = Terminal(db)
    try:
        return (term.read_until(first, 0) - term.started) * 1000
    finally:
        term.close()


def measure_terminal(db: Path) -> tuple[list[float], float, float]:
    """Page moves (ms each), End (ms) and peak RSS (MB) of one review process.

    A page move is timed from the key written to the terminal until the
    terminal has received the last row of the new page.
    """
    ids = default_ids(db, 200 + PAGE_MOVES * 40)
    term = Terminal(db)
    pages: list[float] = []
    try:
        term.read_until(marker(ids[0]).encode(), 0)
        term.drain(1.0)  # the counters and the detail pane settle
        on_screen = [i for i, c in enumerate(ids[:60]) if marker(c).encode() in term.output]
        rows = max(on_screen) + 1  # the list's visible rows (the detail shows fewer claims)
        top = 0
        for step in [1] * PAGE_MOVES + [-1] * (PAGE_MOVES // 2):
            top += step * rows
            wanted = marker(ids[top + rows - 1] if step > 0 else ids[top]).encode()
            since = term.send(PAGE_DOWN if step > 0 else PAGE_UP)
            sent = time.perf_counter()
            pages.append((term.read_until(wanted, since, timeout=5) - sent) * 1000)
            term.drain(PAUSE)  # a quick reader: the detail pane follows between keys
        since = term.send(END)
        sent = time.perf_counter()
        end = (term.read_until(marker(last_default_id(db)).encode(), since, 10) - sent) * 1000
        term.drain(0.5)
        rss = _peak_rss_mb(term.pid)
    finally:
        term.close()
    return pages, end, rss


def run() -> Iterator[Figure]:
    reuse = os.environ.get("BENCH_TUI_DB")
    with tempfile.TemporaryDirectory(prefix="tracker-bench-tui-") as tmp:
        db = Path(reuse) if reuse else Path(tmp) / "tui.db"
        if not db.exists():
            began = time.perf_counter()
            build_database(db)
            yield Figure("tui_db_build_s_1m", time.perf_counter() - began, "s")
        starts = sorted(first_paint_ms(db) for _ in range(STARTS))
        yield Figure("tui_first_paint_ms_1m", statistics.median(starts), "ms")
        yield Figure("tui_first_paint_ms_max_1m", starts[-1], "ms")
        pages, end, rss = measure_terminal(db)
        pages.sort()
        yield Figure("tui_page_ms_1m", statistics.median(pages), "ms")
        yield Figure("tui_page_ms_p95_1m", pages[int(len(pages) * 0.95) - 1], "ms")
        yield Figure("tui_page_ms_max_1m", pages[-1], "ms")
        yield Figure("tui_end_ms_1m", end, "ms")
        yield Figure("tui_rss_mb_1m", rss, "MB")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--build":
        build_database(Path(sys.argv[2]))
    else:
        for figure in run():
            print(json.dumps(figure.as_dict()), flush=True)
