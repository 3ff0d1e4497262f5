"""The verification log as CSV: RFC 4180 through the stdlib ``csv`` module, one row per entry.

Owns the CSV columns and the neutralising of cells a spreadsheet would run
as formulas (OWASP "CSV injection"): a cell beginning with ``=``, ``+``,
``-``, ``@``, tab or carriage return gets a leading single quote, so it is
shown as text. A cell that already begins with a single quote gets one more,
which keeps the mapping reversible (``restore``). Pure: rows in, text written
to the stream it is given; it never opens files.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import TextIO

from tracker.export.records import article_label, utc_timestamp
from tracker.model import LogLine

HEADER = (
    "entry",
    "claim_id",
    "claim",
    "source",
    "article",
    "status",
    "previous_status",
    "reviewer",
    "note",
    "evidence",
    "timestamp",
)
"""``entry`` is the position in the chain; ``status`` the decision the entry records;
``evidence`` the URLs separated by spaces; ``timestamp`` ISO 8601 UTC."""

#: First characters that make a spreadsheet read a cell as a formula (OWASP), and the quote.
_RISKY = frozenset("=+-@\t\r'")


def neutralise(cell: str) -> str:
    """``cell`` as a spreadsheet shows it but never runs it: risky cells get a leading ``'``."""
    return "'" + cell if cell and cell[0] in _RISKY else cell


def restore(cell: str) -> str:
    """The text ``neutralise`` was given (for programs that read the CSV back)."""
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in _RISKY else cell


def csv_row(line: LogLine) -> tuple[object, ...]:
    """The cells of one log entry, in ``HEADER`` order."""
    return (
        line.seq,
        line.claim_id,
        neutralise(line.content_text),
        neutralise(line.source_entity),
        neutralise(article_label(line.article_title, line.article_path)),
        neutralise(line.to_status),
        neutralise(line.from_status),
        neutralise(line.reviewer),
        neutralise(line.note),
        neutralise(" ".join(line.evidence)),
        utc_timestamp(line.created_at),
    )


def write_csv(batches: Iterable[Sequence[LogLine]], out: TextIO) -> int:
    """Write the header and one row per entry to ``out`` (opened with ``newline=""``).

    Returns the number of entries written.
    """
    writer = csv.writer(out)  # the "excel" dialect: RFC 4180 quoting, CRLF line ends
    writer.writerow(HEADER)
    written = 0
    for batch in batches:
        writer.writerows(map(csv_row, batch))
        written += len(batch)
    return written
