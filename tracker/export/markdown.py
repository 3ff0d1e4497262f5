"""The verification log as a Markdown report: by article, counts by verdict, then each claim.

Owns the report's layout and the escaping of untrusted text. Article text,
titles, source names and reviewers' notes are data, never markup: every
character that could open emphasis, code, a link, an image, a table cell or
raw HTML is escaped (``<``, ``>`` and ``&`` as entities), line breaks are
folded, and the scheme of anything that looks like a URL is broken
(``https\\://``) so that renderers with autolinking (GitHub's) make no link
of it; so is a dot inside a domain-like word, for linkifiers that link bare
domains. Untrusted text never starts a line, so it cannot open a block
(heading, list, quote, code fence). Only evidence URLs become links, and only
when they are plain http(s) URLs. Pure: rows in, text written to the stream
it is given.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import groupby
from typing import TextIO

from tracker.export.records import article_label
from tracker.model import LogRow, Status

#: Verdicts in the order the counts are shown.
VERDICTS = (Status.VERIFIED, Status.DISPUTED, Status.UNVERIFIABLE)

_INLINE = re.compile(r"[\\`*_\[\]{}|~#!]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ENTITY = re.compile(r"[&<>]")
# What renderers turn into links without brackets: URL schemes and www. (GitHub), emails,
# and bare domains (linkify with fuzzy links: "evil.com/x"), so a dot between a word and a letter.
_AUTOLINK = re.compile(
    r"(?i)\b(https?|ftp|mailto|file|javascript|data|vbscript|www)([:.])|@|(?<=\w)\.(?=[a-z])"
)
_SAFE_URL = re.compile(r"https?://[^\s<>\"'`\\]+", re.I)


def escape(text: str) -> str:
    """Untrusted text as Markdown that renders as exactly that text, on one line."""
    flat = " ".join(text.split())
    flat = _INLINE.sub(lambda m: "\\" + m.group(0), flat)
    flat = _ENTITY.sub(lambda m: _ENTITIES[m.group(0)], flat)
    return _AUTOLINK.sub(lambda m: f"{m.group(1) or ''}\\{m.group(2) or m.group(0)}", flat)


def link(url: str) -> str:
    """An evidence URL as an autolink when it is a plain http(s) URL, else as escaped text."""
    return f"<{url}>" if _SAFE_URL.fullmatch(url) else escape(url)


def verdict_words(status: str) -> str:
    return "reopened (unreviewed)" if status == Status.UNREVIEWED else status


def _counts(rows: Sequence[LogRow]) -> str:
    parts = [f"{sum(r.to_status == v for r in rows)} {v.value}" for v in VERDICTS]
    reopened = sum(r.to_status == Status.UNREVIEWED for r in rows)
    if reopened:
        parts.append(f"{reopened} reopened")
    return " · ".join(parts)


def _article_section(rows: Sequence[LogRow], total: int | None) -> Iterator[str]:
    first = rows[0]
    yield f"## {escape(article_label(first.article_title, first.article_path, first.article_id))}"
    yield ""
    facts = [f"article {first.article_id}"]
    if first.article_outlet:
        facts.append(escape(first.article_outlet))
    if first.article_published:
        facts.append(f"published {first.article_published.isoformat()}")
    if first.article_path and first.article_title:
        facts.append(f"file {escape(first.article_path)}")
    if first.article_url:
        facts.append(link(first.article_url))
    yield " · ".join(facts)
    yield ""
    of_total = f" of the article's {total}" if total is not None else ""
    yield f"**{len(rows)}{of_total} claims:** {_counts(rows)}"
    yield ""
    for r in rows:
        orphaned = " (orphaned: the parser no longer finds it)" if r.orphaned else ""
        yield f"### Claim {r.claim_id}: {verdict_words(r.to_status)}{orphaned}"
        yield ""
        yield f"> “{escape(r.content_text)}”"
        yield ""
        yield f"- **Source:** {escape(r.source_entity)} ({r.source_type})"
        when = r.created_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        yield (
            f"- **Verdict:** {verdict_words(r.to_status)}, by {escape(r.reviewer)}, {when} "
            f"(log entry #{r.seq})"
        )
        if r.note:
            yield f"- **Note:** {escape(r.note)}"
        if r.evidence:
            yield f"- **Evidence:** {', '.join(link(u) for u in r.evidence)}"
        yield ""


def write_markdown(
    rows: Iterable[LogRow],
    out: TextIO,
    *,
    totals: Mapping[int, int],
    generated_at: dt.datetime,
    scope: str = "",
    org: str | None = None,
    head: tuple[int, str] | None = None,
) -> int:
    """Write the report for ``rows`` (each claim's latest entry, grouped by article).

    ``totals`` maps an article id to how many claims it holds; it is read when
    the article's section is written, so it may be filled while ``rows`` streams.
    ``head`` (entries, last hash) is printed at the end: whoever holds the report
    can later check that the log still ends, at that entry, in that hash.
    Returns the number of claims written.
    """
    by = f" by {escape(org)}" if org else ""
    out.write(f"# Verification log{by}\n\n")
    stamp = generated_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    out.write(f"Exported {stamp}" + (f" · {escape(scope)}" if scope else "") + "\n\n")
    written = articles = 0
    for _, group in groupby(rows, key=lambda r: r.article_id):
        claims = list(group)
        out.write("\n".join(_article_section(claims, totals.get(claims[0].article_id))) + "\n")
        written += len(claims)
        articles += 1
    if not written:
        out.write("No reviewed claims match.\n")
    else:
        out.write(f"---\n\n{written} claims in {articles} articles.\n")
    if head is not None:
        out.write(f"\nVerification log at export: {head[0]} entries, last hash `{head[1]}`.\n")
    return written
