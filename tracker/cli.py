"""The ``tracker`` command line: parse arguments, call ``tracker.ops``, print.

Owns argument parsing and output formatting for the terminal. Holds no
business rules and never touches the database directly. Every failure is
printed as one line naming what failed and why.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from tracker import __version__
from tracker.config import Settings, load_settings
from tracker.errors import ConflictError, TrackerError
from tracker.export.terminal import visible
from tracker.model import ClaimFilter, ClaimRow, IngestOutcome, LogLine, LogWindow, Status

if TYPE_CHECKING:
    from tracker.ops.database import Store

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_CONFLICT = 0, 1, 2, 3
DEMO_DB = "tracker-demo.db"


# -- small helpers -----------------------------------------------------------


def parse_date(value: str) -> dt.date:
    """Any date python-dateutil reads ("2024-12-23", "23 Dec 2024", "Dec 23, 2024")."""
    from dateutil import parser as date_parser

    try:
        return date_parser.parse(value, default=dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        raise argparse.ArgumentTypeError(f"cannot read {value!r} as a date") from None


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be greater than 0")
    return number


def status_value(value: str) -> Status:
    try:
        return Status(value.lower())
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise argparse.ArgumentTypeError(f"{value!r} is not a status ({choices})") from None


def decision_value(value: str) -> Status:
    """A status a log entry can record (anything but orphaned)."""
    status = status_value(value)
    if status is Status.ORPHANED:
        raise argparse.ArgumentTypeError(
            "orphaned is not a decision (unreviewed, verified, disputed, unverifiable)"
        )
    return status


def _moment_bounds(value: str) -> tuple[dt.datetime, dt.datetime]:
    """The first and last instant ``value`` names, in UTC ("2024-12-23" is the whole day).

    Whatever python-dateutil reads; a moment without a zone is taken as UTC.
    """
    from dateutil import parser as date_parser

    try:
        low = date_parser.parse(value, default=dt.datetime(2000, 1, 1))
        high = date_parser.parse(value, default=dt.datetime(2000, 1, 1, 23, 59, 59, 999_999))
    except (ValueError, OverflowError):
        raise argparse.ArgumentTypeError(f"cannot read {value!r} as a date") from None
    if low.tzinfo is None:
        return low.replace(tzinfo=dt.UTC), high.replace(tzinfo=dt.UTC)
    return low.astimezone(dt.UTC), high.astimezone(dt.UTC)


def since_value(value: str) -> dt.datetime:
    """The start of the moment ``value`` names: entries at or after it are kept."""
    return _moment_bounds(value)[0]


def until_value(value: str) -> dt.datetime:
    """Just after the end of the moment ``value`` names: entries before it are kept."""
    return _moment_bounds(value)[1] + dt.timedelta(microseconds=1)


def fail(message: str) -> None:
    """Print one line on stderr; control characters (from file names, text) are shown, not run."""
    print(f"tracker: {one_line(message)}", file=sys.stderr)


def one_line(text: str, limit: int = 0) -> str:
    """Untrusted text on one terminal line: whitespace folded, control characters made visible."""
    flat = visible(" ".join(text.split()))
    if limit and len(flat) > limit:
        return flat[: limit - 1] + "…"
    return flat


class Examples(argparse.RawDescriptionHelpFormatter):
    """Keeps the example lines of each help text as written."""


def add_command(
    subs: Any,
    name: str,
    handler: Callable[[argparse.Namespace], int],
    summary: str,
    example: str,
    parents: Sequence[argparse.ArgumentParser] = (),
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subs.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=f"example:\n  {example}",
        formatter_class=Examples,
        parents=list(parents),
    )
    parser.set_defaults(handler=handler)
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    return load_settings(
        db=getattr(args, "db", None),
        reviewer=getattr(args, "reviewer", None),
        max_article_bytes=getattr(args, "max_bytes", None),
        workers=getattr(args, "workers", None),
    )


def open_store_for(args: argparse.Namespace) -> Store:
    """The store named by --db / TRACKER_DB / ./tracker.db (imported late: startup speed)."""
    from tracker.ops.database import open_database

    return open_database(settings_from(args).db)


# -- ingest ----------------------------------------------------------------------


class RichIngestProgress:
    """A progress bar on a terminal; failures are printed as they happen.

    Redrawn as outcomes arrive (at most ten times a second), not by rich's refresh
    thread: ingest forks its workers, and a fork should not copy a running thread.
    """

    def __init__(self, console: Console, show_bar: bool) -> None:
        self.console = console
        self.show_bar = show_bar
        self.progress: Progress | None = None
        self.task: Any = None
        self.drawn_at = 0.0

    def start(self, total: int) -> None:
        if self.show_bar and total > 1:
            self.progress = Progress(
                TextColumn("ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
                auto_refresh=False,
            )
            self.progress.start()
            self.task = self.progress.add_task("ingest", total=total)

    def advance(self, outcome: IngestOutcome) -> None:
        if outcome.state == "failed":
            line = one_line(f"failed: {outcome.name}: {outcome.reason}")
            if self.progress is not None:
                self.progress.console.print(Text(line), style="red", highlight=False)
            else:
                print(line, file=sys.stderr)
        elif outcome.encoding and outcome.encoding not in ("utf-8",):
            note = one_line(f"note: {outcome.name}: decoded as {outcome.encoding}")
            if self.progress is not None:
                self.progress.console.print(Text(note), highlight=False)
            else:
                print(note, file=sys.stderr)
        if self.progress is not None:
            self.progress.advance(self.task)
            now = time.monotonic()
            if now - self.drawn_at >= 0.1:
                self.drawn_at = now
                self.progress.refresh()

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def cmd_ingest(args: argparse.Namespace) -> int:
    from tracker.ops.ingest import IngestOptions, ingest

    settings = settings_from(args)
    store = open_store_for(args)
    console = Console(stderr=False)
    progress = RichIngestProgress(console, show_bar=sys.stdout.isatty())
    try:
        summary = ingest(
            store,
            args.paths,
            IngestOptions(
                published=args.published,
                outlet=args.outlet,
                max_bytes=settings.max_article_bytes,
                workers=settings.workers,
            ),
            progress,
        )
    finally:
        progress.stop()
        store.close()
    if args.verbose:
        for o in summary.outcomes:
            if o.state != "failed":
                extra = (
                    f" (article {o.article_id}, {o.claims} claims)" if o.state == "ingested" else ""
                )
                print(one_line(f"{o.state}: {o.name}{extra}"))
    print(
        f"{summary.count('ingested')} ingested, {summary.count('unchanged')} unchanged, "
        f"{summary.count('failed')} failed; {summary.claims_added} claims added"
    )
    return EXIT_FAILED if summary.failed else EXIT_OK


# -- extract ---------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    from tracker.ops.extract import extract

    settings = settings_from(args)
    several = len(args.paths) > 1 or any(Path(p).is_dir() for p in args.paths if p != "-")
    failed = 0
    for doc in extract(args.paths, args.published, settings.max_article_bytes):
        if isinstance(doc, TrackerError):
            fail(str(doc))
            failed += 1
        elif several:
            print(json.dumps(doc, ensure_ascii=False))
        else:
            print(json.dumps(doc, ensure_ascii=False, indent=2))
    return EXIT_FAILED if failed else EXIT_OK


# -- claims ------------------------------------------------------------------------


def claims_table(rows: Iterable[ClaimRow], width: int, title: str | None = None) -> Table:
    """Claims as a rich table ``width`` columns wide; cells are plain Text, never markup."""
    rows = list(rows)
    narrow = width < 110
    fixed = {
        "id": max(2, *(len(str(r.id)) for r in rows)) if rows else 2,
        "status": 12,
        "source": 14 if narrow else 24,
        "cue": 8 if narrow else 14,
        "art.": 4,
        "h": 1,
    }
    borders = 3 * (len(fixed) + 1) + 1  # one bar and two padding cells per column
    content_width = max(16, width - sum(fixed.values()) - borders)
    table = Table(title=title, expand=False)  # one line per claim: cells never wrap
    for heading, col_width in (
        *list(fixed.items())[:4],
        ("content", content_width),
        *list(fixed.items())[4:],
    ):
        table.add_column(
            heading,
            width=col_width,
            no_wrap=True,
            overflow="ellipsis",
            justify="right" if heading in ("id", "art.") else "left",
        )
    for row in rows:
        table.add_row(
            Text(str(row.id)),
            Text(row.status.value + (" (orphaned)" if row.orphaned else "")),
            Text(one_line(row.source_entity)),
            Text(one_line(row.cue.text if row.cue else "—")),
            Text(one_line(row.content_text, 300)),
            Text(str(row.article_id)),
            Text("~" if row.hedges else ""),
        )
    return table


def claim_filter_from(args: argparse.Namespace) -> ClaimFilter:
    return ClaimFilter(
        statuses=tuple(args.status or ()),
        source=args.source,
        article_id=args.article,
    )


def cmd_claims(args: argparse.Namespace) -> int:
    from tracker.export.records import claim_record
    from tracker.ops.claims import count_claims, iter_claims

    store = open_store_for(args)
    try:
        f = claim_filter_from(args)
        if args.format == "jsonl":
            out = sys.stdout
            for n, row in enumerate(iter_claims(store, f), start=1):
                out.write(json.dumps(claim_record(row), ensure_ascii=False) + "\n")
                if args.limit and n >= args.limit:
                    break
            return EXIT_OK
        limit = 500 if args.limit is None else args.limit
        total = count_claims(store, f)
        rows: list[ClaimRow] = []
        for row in iter_claims(store, f, page=min(limit or 1000, 1000)):
            rows.append(row)
            if limit and len(rows) >= limit:
                break
        console = Console()
        console.print(claims_table(rows, console.width))
        shown = f"{len(rows)} of {total} claims" if len(rows) < total else f"{total} claims"
        hint = " (use --limit 0 for all, or --format jsonl)" if len(rows) < total else ""
        console.print(Text(shown + hint), highlight=False)
        return EXIT_OK
    finally:
        store.close()


# -- show and mark -------------------------------------------------------------------


def cmd_show(args: argparse.Namespace) -> int:
    from tracker.export.records import claim_record
    from tracker.ops.claims import claim_detail

    store = open_store_for(args)
    try:
        detail = claim_detail(store, args.claim_id)
    finally:
        store.close()
    if args.format == "json":
        record = claim_record(detail.claim)
        record["sentence"] = detail.sentence.text
        record["article"] = {
            "id": detail.article.id,
            "title": detail.article.title,
            "path": detail.article.path,
            "published": detail.article.published.isoformat() if detail.article.published else None,
        }
        record["remarks"] = [
            {"stance": r.stance.value, "by": r.by, "text": r.sentence.text} for r in detail.remarks
        ]
        record["history"] = [
            {
                "id": e.id,
                "reviewer": e.reviewer,
                "from_status": e.from_status.value,
                "to_status": e.to_status.value,
                "note": e.note,
                "evidence": list(e.evidence),
                "created_at": e.created_at.isoformat(),
                "claim_version": e.claim_version,
                "undoes": e.undoes,
            }
            for e in detail.history
        ]
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return EXIT_OK
    c = detail.claim
    console = Console(highlight=False)
    lines = [
        f"claim {c.id} · {c.status.value} · version {c.version}"
        + (" · orphaned" if c.orphaned else ""),
        f"article {detail.article.id}: {detail.article.title or detail.article.path or ''}",
        f"source: {c.source_entity} ({c.source_type.value}; {detail.source_claims} claims)"
        + (f" as “{c.source.text}”" if c.source else ""),
        f"cue: {c.cue.text if c.cue else '—'} ({c.cue_class.value}) · mode {c.mode.value}",
        f"content: {c.content_text}",
        f"hedges: {', '.join(c.hedges) or '—'}",
        f"speech date: {c.speech_date or '—'}"
        + (f" ({c.speech_date_text})" if c.speech_date_text else ""),
        f"sentence: {one_line(detail.sentence.text)}",
    ]
    for r in detail.remarks:
        lines.append(f"remark ({r.stance.value}, by {r.by}): {one_line(r.sentence.text)}")
    for e in detail.history:
        note = f" — {e.note}" if e.note else ""
        ev = f" [{', '.join(e.evidence)}]" if e.evidence else ""
        lines.append(
            f"log #{e.id} {e.created_at:%Y-%m-%d %H:%M} {e.reviewer}: "
            f"{e.from_status.value} → {e.to_status.value}{note}{ev}"
        )
    for line in lines:
        console.print(Text(visible(line)))
    return EXIT_OK


def cmd_mark(args: argparse.Namespace) -> int:
    from tracker.ops.review import mark_claim

    settings = settings_from(args)
    store = open_store_for(args)
    try:
        result = mark_claim(
            store,
            args.claim_id,
            args.status,
            reviewer=settings.reviewer,
            note=args.note or "",
            evidence=args.evidence or (),
            expect_version=args.expect_version,
        )
    except ConflictError as exc:
        fail(str(exc))
        return EXIT_CONFLICT
    finally:
        store.close()
    print(
        f"claim {result.claim.id}: {result.entry.from_status.value} → "
        f"{result.entry.to_status.value} (version {result.claim.version}, log #{result.entry.id})"
    )
    return EXIT_OK


# -- the log and exports --------------------------------------------------------------


def log_entry_lines(line: LogLine) -> list[str]:
    """One log entry for the terminal: a heading line, then the claim, note and evidence."""
    lines = [
        f"#{line.seq}  {line.created_at:%Y-%m-%d %H:%M:%S} UTC  {one_line(line.reviewer)}  "
        f"claim {line.claim_id}  {line.from_status} → {line.to_status}",
        f"    {one_line(line.source_entity)}: “{one_line(line.content_text, 100)}”",
    ]
    if line.note:
        lines.append(f"    note: {one_line(line.note)}")
    if line.evidence:
        lines.append(f"    evidence: {one_line(' '.join(line.evidence))}")
    return lines


def cmd_log(args: argparse.Namespace) -> int:
    from tracker.ops.log import read_log, verify_log

    store = open_store_for(args)
    try:
        if args.action == "verify":
            if args.claim or args.reviewer or args.since:
                fail(
                    "log verify checks the whole chain; it takes no --claim, --reviewer or --since"
                )
                return EXIT_USAGE
            report = verify_log(store)
            found = report.first_break
            if found is not None:
                fail(f"log chain broken after {found.seq - 1} good entries: {found.detail}")
                return EXIT_FAILED
            print(f"{report.entries} entries, chain intact")
            return EXIT_OK
        window = LogWindow(claim_id=args.claim, reviewer=args.reviewer, since=args.since)
        shown = 0
        for line in read_log(store, window):
            print("\n".join(log_entry_lines(line)))
            shown += 1
        if not shown:
            print("no log entries match")
        return EXIT_OK
    finally:
        store.close()


def stdout_text() -> io.TextIOWrapper:
    """Standard output for an export: UTF-8, line ends untranslated (CSV rows end in CRLF).

    With a 1 MB buffer where stdout is a real file or pipe: a megabyte-sized
    write through the default 8 kB one takes three times as long.
    """
    sys.stdout.flush()
    try:
        buffered: Any = io.BufferedWriter(
            io.FileIO(sys.stdout.fileno(), "w", closefd=False), buffer_size=1 << 20
        )
    except (AttributeError, OSError, ValueError):  # captured output without a descriptor
        buffered = sys.stdout.buffer
    return io.TextIOWrapper(buffered, encoding="utf-8", newline="")


class RichExportProgress:
    """A progress bar on stderr while an export is written to a file."""

    def __init__(self, unit: str) -> None:
        self.unit = unit
        self.progress = Progress(
            TextColumn(f"exporting {unit}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task: Any = None

    def start(self, total: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("export", total=total)

    def advance(self, done: int) -> None:
        self.progress.advance(self.task, done)

    def stop(self) -> None:
        self.progress.stop()


def cmd_export(args: argparse.Namespace) -> int:
    from tracker.ops.export import PER_CLAIM, ExportOptions, export_log, export_to_file

    options = ExportOptions(
        format=args.format,
        window=LogWindow(
            reviewer=args.reviewer,
            since=args.since,
            until=args.until,
            statuses=tuple(args.status or ()),
        ),
        org=args.org,
        org_url=args.org_url,
    )
    to_file = args.output not in (None, "-")
    progress = None
    if to_file and sys.stderr.isatty():
        progress = RichExportProgress("claims" if args.format in PER_CLAIM else "log entries")
    store = open_store_for(args)
    try:
        if to_file:
            summary = export_to_file(store, options, args.output, progress)
        else:
            out = stdout_text()
            try:
                summary = export_log(store, options, out)
            finally:
                out.flush()
                out.detach()  # leave sys.stdout open
    finally:
        if progress is not None:
            progress.stop()
        store.close()
    for warning in summary.warnings:
        fail(f"warning: {warning}")
    if to_file:
        print(
            f"{args.output}: {summary.written} {summary.unit} as {summary.format}", file=sys.stderr
        )
    return EXIT_OK


# -- reparse ------------------------------------------------------------------------


def cmd_reparse(args: argparse.Namespace) -> int:
    from tracker.ops.reparse import reparse

    store = open_store_for(args)
    totals = {"articles": 0, "carried": 0, "orphaned": 0, "replaced": 0, "added": 0}
    try:
        for outcome in reparse(store, args.article):
            totals["articles"] += 1
            for key in ("carried", "orphaned", "replaced", "added"):
                totals[key] += getattr(outcome, key)
            if args.verbose or outcome.orphaned:
                print(
                    f"article {outcome.article_id}: {outcome.carried} reviewed kept, "
                    f"{outcome.orphaned} orphaned, {outcome.replaced} replaced, "
                    f"{outcome.added} new"
                )
    finally:
        store.close()
    print(
        f"{totals['articles']} articles re-parsed: {totals['carried']} reviewed claims kept "
        f"their verdicts, {totals['orphaned']} orphaned (tracker claims --status orphaned), "
        f"{totals['replaced']} unreviewed replaced, {totals['added']} new"
    )
    return EXIT_OK


# -- schema and demo ---------------------------------------------------------------


def cmd_schema(args: argparse.Namespace) -> int:
    from tracker.ops.database import schema_ddl

    sys.stdout.write(schema_ddl(args.dialect))
    return EXIT_OK


def seeds_folder(explicit: str | None) -> Path:
    """The sample articles: --seeds, else ./seeds, else the seeds/ beside the package source."""
    if explicit:
        return Path(explicit)
    here = Path("seeds")
    if here.is_dir():
        return here
    return Path(__file__).resolve().parent.parent / "seeds"


def cmd_demo(args: argparse.Namespace) -> int:
    from tracker.ops.claims import list_claims
    from tracker.ops.database import open_database
    from tracker.ops.ingest import IngestOptions, ingest

    folder = seeds_folder(args.seeds)
    if not folder.is_dir():
        fail(f"{folder}: sample articles not found (pass --seeds FOLDER)")
        return EXIT_FAILED
    db = Path(args.db or DEMO_DB)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = open_database(str(db))
    try:
        summary = ingest(store, [str(folder)], IngestOptions(workers=1))
        print(
            f"{db}: {summary.count('ingested')} sample articles, "
            f"{summary.claims_added} claims to review"
        )
        for o in summary.failed:
            fail(f"{o.name}: {o.reason}")
        interactive = sys.stdin.isatty() and sys.stdout.isatty() and not args.no_tui
        if interactive:
            from tracker.tui.app import run_review

            store.close()
            return int(run_review(str(db), settings_from(args).reviewer) or 0)
        rows = list_claims(store, ClaimFilter())
        console = Console()
        console.print(claims_table(rows, console.width, title="claims to review"))
        return EXIT_FAILED if summary.failed else EXIT_OK
    finally:
        store.close()


def cmd_review(args: argparse.Namespace) -> int:
    from tracker.tui.app import run_review

    settings = settings_from(args)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("review needs a terminal; in scripts use `tracker claims` and `tracker mark`")
        return EXIT_USAGE
    return run_review(settings.db, settings.reviewer)


# -- the parser ----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file or SQLAlchemy URL (default: $TRACKER_DB, else ./tracker.db)",
    )
    reviewer = argparse.ArgumentParser(add_help=False)
    reviewer.add_argument(
        "--reviewer", help="who makes the decision (default: $TRACKER_REVIEWER, else login name)"
    )
    entries = argparse.ArgumentParser(add_help=False)
    entries.add_argument("--reviewer", metavar="NAME", help="only this reviewer's entries")
    entries.add_argument(
        "--since",
        type=since_value,
        metavar="DATE",
        help="only entries from DATE on (any form dateutil reads; UTC unless a zone is given)",
    )

    parser = argparse.ArgumentParser(
        prog="tracker",
        description="Claim-and-attribution fact tracking for newsrooms.",
        epilog="example:\n  tracker ingest seeds/ && tracker claims --status unreviewed",
        formatter_class=Examples,
    )
    parser.add_argument("--version", action="version", version=f"tracker {__version__}")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = add_command(
        subs,
        "ingest",
        cmd_ingest,
        "Parse articles and store them with their sentences, sources and claims.",
        "tracker ingest seeds/ --outlet 'The Standard' --published 2024-12-23",
        [db],
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders (*.txt, recursively) or - for stdin",
    )
    p.add_argument(
        "--published",
        type=parse_date,
        metavar="DATE",
        help="publication date (any form dateutil reads); overrides a 'date' header",
    )
    p.add_argument("--outlet", metavar="NAME", help="the publication the articles come from")
    p.add_argument(
        "--max-bytes",
        type=positive_int,
        metavar="N",
        help="largest article accepted, in bytes (default 20 MB; $TRACKER_MAX_BYTES)",
    )
    p.add_argument(
        "--workers", type=positive_int, metavar="N", help="parser processes (default: one per CPU)"
    )
    p.add_argument("-v", "--verbose", action="store_true", help="print one line per file")

    p = add_command(
        subs,
        "extract",
        cmd_extract,
        "Parse articles without storing them; print one JSON document per file (the gold shape).",
        "tracker extract seeds/002_f133d4348ed36dd0.txt --published 2022-04-02",
    )
    p.add_argument("paths", nargs="+", metavar="FILE", help="files, folders or - for stdin")
    p.add_argument(
        "--published",
        type=parse_date,
        metavar="DATE",
        help="publication date that anchors relative dates",
    )
    p.add_argument(
        "--max-bytes", type=positive_int, metavar="N", help="largest article accepted, in bytes"
    )

    p = add_command(
        subs,
        "claims",
        cmd_claims,
        "List stored claims.",
        "tracker claims --status unreviewed --source Malyar --format jsonl",
        [db],
    )
    p.add_argument(
        "--status",
        type=status_value,
        action="append",
        metavar="S",
        help="unreviewed, verified, disputed, unverifiable or orphaned (repeatable)",
    )
    p.add_argument(
        "--source", metavar="NAME", help="part of the source's name or of a way it was named"
    )
    p.add_argument("--article", type=positive_int, metavar="ID", help="only this article's claims")
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.add_argument(
        "--limit",
        type=int,
        default=None,
        metavar="N",
        help="at most N claims (table default 500; 0 means all)",
    )

    p = add_command(
        subs,
        "show",
        cmd_show,
        "Show one claim: its sentence, source, hedges, remarks, status and history.",
        "tracker show 12 --format json",
        [db],
    )
    p.add_argument("claim_id", type=positive_int, metavar="CLAIM_ID")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = add_command(
        subs,
        "mark",
        cmd_mark,
        "Record a decision on a claim in the verification log.",
        "tracker mark 12 disputed --note 'MoD figures differ' --evidence https://example.org/x "
        "--expect-version 1",
        [db, reviewer],
    )
    p.add_argument("claim_id", type=positive_int, metavar="CLAIM_ID")
    p.add_argument(
        "status",
        type=status_value,
        metavar="STATUS",
        help="verified, disputed, unverifiable, or unreviewed to reopen",
    )
    p.add_argument("--note", help="why (required for disputed and unverifiable)")
    p.add_argument("--evidence", action="append", metavar="URL", help="evidence URL (repeatable)")
    p.add_argument(
        "--expect-version",
        type=positive_int,
        metavar="N",
        help="refuse (exit 3) if the claim is no longer at this version",
    )

    p = add_command(
        subs,
        "log",
        cmd_log,
        "Show the verification log, or check its hash chain with 'tracker log verify' "
        "(exit 1 naming the first entry altered, removed or inserted out of order).",
        "tracker log --claim 12 --since 2024-12-01\n  tracker log verify",
        [db, entries],
    )
    p.add_argument(
        "action",
        nargs="?",
        choices=("verify",),
        help="verify: recompute the chain and compare it with the chain head",
    )
    p.add_argument("--claim", type=positive_int, metavar="ID", help="only this claim's entries")

    p = add_command(
        subs,
        "export",
        cmd_export,
        "Export the verification log: csv and jsonl one record per log entry, markdown a "
        "report by article, claimreview schema.org ClaimReview JSON-LD per final verdict.",
        "tracker export --format claimreview --org 'The Standard' "
        "--org-url https://standard.example -o reviews.json",
        [db, entries],
    )
    p.add_argument("--format", required=True, choices=("csv", "jsonl", "markdown", "claimreview"))
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    p.add_argument(
        "--status",
        type=decision_value,
        action="append",
        metavar="S",
        help="repeatable; csv, jsonl: entries that set S; markdown, claimreview: claims whose "
        "latest decision is S",
    )
    p.add_argument(
        "--until",
        type=until_value,
        metavar="DATE",
        help="only entries up to and including DATE (a whole day when no time is given)",
    )
    p.add_argument(
        "--org", metavar="NAME", help="organisation publishing the reviews (claimreview)"
    )
    p.add_argument("--org-url", metavar="URL", help="its web address (claimreview author url)")

    p = add_command(
        subs,
        "reparse",
        cmd_reparse,
        "Re-parse stored articles with the current parser; reviewed claims keep their verdicts.",
        "tracker reparse --article 3",
        [db],
    )
    p.add_argument("--article", type=positive_int, metavar="ID", help="only this article")
    p.add_argument("-v", "--verbose", action="store_true", help="one line per article")

    p = add_command(
        subs,
        "schema",
        cmd_schema,
        "Print the database schema as DDL (schema.sql is the SQLite form).",
        "tracker schema --dialect postgresql",
    )
    p.add_argument("--dialect", choices=("sqlite", "postgresql"), default="sqlite")

    add_command(
        subs,
        "review",
        cmd_review,
        "Open the review screen: claims in context; verify, dispute, mark unverifiable, undo.",
        "tracker review --db tracker.db --reviewer 'Ann Editor'",
        [db, reviewer],
    )

    p = add_command(
        subs,
        "demo",
        cmd_demo,
        f"Ingest the sample articles into a fresh {DEMO_DB} and open the review screen.",
        "tracker demo",
    )
    p.add_argument("--db", metavar="PATH", help=f"demo database file (default {DEMO_DB}; replaced)")
    p.add_argument("--seeds", metavar="FOLDER", help="sample articles (default: the bundled seeds)")
    p.add_argument(
        "--no-tui", action="store_true", help="print the claims table instead of the screen"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.handler(args))
    except TrackerError as exc:
        fail(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        fail("interrupted")
        return 130
    except BrokenPipeError:
        # the reader of our output went away (e.g. `| head`): not an error worth a trace
        sys.stderr.close()
        return EXIT_OK
