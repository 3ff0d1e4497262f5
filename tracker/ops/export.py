"""``tracker export``: the verification log as CSV, JSON Lines, Markdown or ClaimReview.

Owns the export action: one read transaction on one snapshot, the log read
in batches and handed to the formatter as it arrives (memory stays flat
however long the log), progress reported per batch, and a file output
written whole or not at all (a temporary file renamed into place).

csv and jsonl write one record per log entry; ``--status`` keeps the entries
whose decision is one of the statuses. markdown and claimreview write one
record per claim, from its latest entry within the window; ``--status`` keeps
the claims whose latest decision is one of them, and claimreview keeps
verdicts only (verified, disputed, unverifiable).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol, TextIO, TypeVar

from sqlalchemy.orm import Session

from tracker.errors import TrackerError, ValidationError
from tracker.export.claimreview import RATING, write_claimreview
from tracker.export.csv import write_csv
from tracker.export.jsonl import write_jsonl
from tracker.export.markdown import write_markdown
from tracker.model import ExportSummary, LogRow, LogWindow, Status
from tracker.ops.collector import few_collections
from tracker.store import Store
from tracker.store import log as store_log

FORMATS = ("csv", "jsonl", "markdown", "claimreview")
#: Formats with one record per claim (its latest entry), not one per entry.
PER_CLAIM = frozenset({"markdown", "claimreview"})
VERDICTS = tuple(Status(s) for s in RATING)

T = TypeVar("T")


class ExportProgress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, done: int) -> None: ...


@dataclass(frozen=True, slots=True)
class ExportOptions:
    format: str
    window: LogWindow = LogWindow()
    org: str | None = None
    """The organisation publishing the reviews (ClaimReview ``author``, Markdown title)."""
    org_url: str | None = None


def check_options(options: ExportOptions) -> ExportOptions:
    """The options as the export runs them, or a ValidationError saying what is wrong."""
    if options.format not in FORMATS:
        raise ValidationError(f"unknown export format {options.format!r}; use one of {FORMATS}")
    if Status.ORPHANED in options.window.statuses:
        raise ValidationError("orphaned is not a decision; --status takes decisions only")
    if options.format != "claimreview":
        return options
    if not (options.org or "").strip():
        raise ValidationError("claimreview needs --org, the organisation publishing the reviews")
    asked = options.window.statuses
    if asked and not set(asked) & set(VERDICTS):
        raise ValidationError("claimreview exports verdicts: verified, disputed, unverifiable")
    kept = tuple(s for s in asked if s in VERDICTS) or VERDICTS
    return replace(options, window=replace(options.window, statuses=kept))


def _reported(
    batches: Iterable[Sequence[T]], progress: ExportProgress | None
) -> Iterator[Sequence[T]]:
    for batch in batches:
        yield batch
        if progress is not None:
            progress.advance(len(batch))


def _rows(batches: Iterable[Sequence[LogRow]]) -> Iterator[LogRow]:
    for batch in batches:
        yield from batch


def _scope(options: ExportOptions) -> str:
    w = options.window
    parts = []
    if w.statuses:
        parts.append("status " + ", ".join(s.value for s in w.statuses))
    if w.reviewer:
        parts.append(f"reviewer {w.reviewer}")
    if w.since:
        parts.append(f"since {w.since:%Y-%m-%d %H:%M} UTC")
    if w.until:
        parts.append(f"before {w.until:%Y-%m-%d %H:%M} UTC")
    return "; ".join(parts)


def _write(
    session: Session,
    options: ExportOptions,
    out: TextIO,
    progress: ExportProgress | None,
    now: dt.datetime,
) -> ExportSummary:
    w = options.window
    fmt = options.format
    if progress is not None:
        total = (
            store_log.count_latest(session, w)
            if fmt in PER_CLAIM
            else store_log.count_entries(session, w)
        )
        progress.start(total)
    if fmt == "csv":
        n = write_csv(_reported(store_log.log_lines(session, w), progress), out)
        return ExportSummary(fmt, n, "entries")
    if fmt == "jsonl":
        n = write_jsonl(_reported(store_log.log_rows(session, w), progress), out)
        return ExportSummary(fmt, n, "entries")
    verdicts = _reported(store_log.latest_verdicts(session, w), progress)
    if fmt == "claimreview":
        assert options.org is not None  # check_options
        n, without_url = write_claimreview(_rows(verdicts), out, options.org, options.org_url)
        warnings = (
            (
                f"{without_url} of {n} reviews have no url (no evidence URL was given); "
                "Google's Fact Check markup requires one",
            )
            if without_url
            else ()
        )
        return ExportSummary(fmt, n, "claims", warnings)
    totals: dict[int, int] = {}

    def counted(batches: Iterable[Sequence[LogRow]]) -> Iterator[LogRow]:
        for batch in batches:
            new = {r.article_id for r in batch} - totals.keys()
            totals.update(store_log.article_claim_counts(session, sorted(new)))
            yield from batch

    n = write_markdown(
        counted(verdicts),
        out,
        totals=totals,
        generated_at=now,
        scope=_scope(options),
        org=options.org,
        head=store_log.chain_head(session),
    )
    return ExportSummary(fmt, n, "claims")


def export_log(
    store: Store,
    options: ExportOptions,
    out: TextIO,
    progress: ExportProgress | None = None,
    now: dt.datetime | None = None,
) -> ExportSummary:
    """Write the log in ``options.format`` to ``out`` (text, opened with ``newline=""``)."""
    options = check_options(options)
    with store.read() as session, few_collections():
        store_log.start_full_read(session)
        return _write(session, options, out, progress, now or dt.datetime.now(dt.UTC))


def export_to_file(
    store: Store,
    options: ExportOptions,
    path: str | os.PathLike[str],
    progress: ExportProgress | None = None,
    now: dt.datetime | None = None,
) -> ExportSummary:
    """Like ``export_log`` into the file ``path``, which appears only when the export is whole."""
    target = Path(path)
    options = check_options(options)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        # a large buffer: TextIOWrapper writes megabyte strings three times faster with it
        with open(temporary, "w", encoding="utf-8", newline="", buffering=1 << 20) as out:
            summary = export_log(store, options, out, progress, now)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise TrackerError(f"{target}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return summary
