"""``tracker ingest``: read articles, parse them, store each one whole.

Owns the ingest pipeline: files are read and decoded in this process,
parsed in a pool of worker processes when there are many, and written in
batches of whole articles, one transaction per batch (an article is never
half-stored). Text already stored is reported ``unchanged`` and not parsed
again. A file that fails is reported with its reason; the rest go on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from sqlalchemy.orm import Session

from tracker.errors import InputError, StoreError
from tracker.model import IngestOutcome, IngestSummary, ParsedArticle
from tracker.ops.inputs import ArticleText, find_inputs, iter_articles
from tracker.ops.naming import link_to_store
from tracker.parse import DEFAULT_LEXICON, PARSER_VERSION, Lexicon, parse_article
from tracker.store import Store
from tracker.store.articles import (
    NewArticle,
    insert_articles,
    known_hashes,
    text_sha256,
)

#: Articles read, parsed and written together; bounds memory and transaction size.
BATCH_SIZE = 200
#: Below this many files, parsing in this process beats starting a pool.
POOL_THRESHOLD = 24


class IngestProgress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, outcome: IngestOutcome) -> None: ...


@dataclass(frozen=True, slots=True)
class IngestOptions:
    published: dt.date | None = None
    """Overrides any ``date`` header in the texts."""
    outlet: str | None = None
    max_bytes: int = 20 * 1024 * 1024
    workers: int = 0
    """Parser processes; 0 picks one per CPU."""
    lexicon: Lexicon = DEFAULT_LEXICON


# -- parsing, possibly in worker processes ---------------------------------

_worker_lexicon: Lexicon = DEFAULT_LEXICON


def _init_worker(lexicon: Lexicon) -> None:
    global _worker_lexicon
    _worker_lexicon = lexicon


def _parse_job(job: tuple[str, dt.date | None]) -> ParsedArticle | str:
    """Parse one text in a worker; a parser failure comes back as its message."""
    text, published = job
    try:
        return parse_article(text, published, _worker_lexicon)
    except Exception as exc:  # one bad article must not stop the batch
        return f"parser error: {type(exc).__name__}: {exc}"


def _parse_inline(lexicon: Lexicon) -> Callable[[tuple[str, dt.date | None]], ParsedArticle | str]:
    def job(args: tuple[str, dt.date | None]) -> ParsedArticle | str:
        _init_worker(lexicon)
        return _parse_job(args)

    return job


# -- the pipeline -----------------------------------------------------------


@dataclass(slots=True)
class _Pending:
    """A batch whose texts are being parsed while the previous batch is written."""

    texts: list[tuple[ArticleText, str]]
    """Each new article with its sha256."""
    parsed: Iterator[ParsedArticle | str]
    outcomes: list[IngestOutcome]
    """Outcomes already known for this batch (failed reads, unchanged texts)."""


def _batches(
    items: Iterable[ArticleText | InputError], size: int
) -> Iterator[list[ArticleText | InputError]]:
    batch: list[ArticleText | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    store: Store,
    paths: list[str],
    options: IngestOptions = IngestOptions(),
    progress: IngestProgress | None = None,
    stdin: BinaryIO | None = None,
) -> IngestSummary:
    """Ingest files, folders (recursively, ``*.txt``) and ``-`` (stdin)."""
    refs, path_errors = find_inputs(paths)
    if progress:
        progress.start(len(refs) + len(path_errors))
    outcomes: list[IngestOutcome] = []

    def report(outcome: IngestOutcome) -> None:
        outcomes.append(outcome)
        if progress:
            progress.advance(outcome)

    for err in path_errors:
        report(IngestOutcome(err.name, "failed", reason=err.reason))

    workers = options.workers or os.cpu_count() or 1
    use_pool = len(refs) >= POOL_THRESHOLD and workers > 1
    executor: Executor | None = None
    if use_pool:
        executor = ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=(options.lexicon,)
        )
    inline = _parse_inline(options.lexicon)
    try:
        seen: dict[str, str] = {}
        pending: _Pending | None = None
        for batch in _batches(iter_articles(refs, options.max_bytes, stdin), BATCH_SIZE):
            current = _prepare(store, batch, seen)
            jobs = [(a.text, options.published) for a, _ in current.texts]
            if executor is not None:
                current.parsed = iter(executor.map(_parse_job, jobs, chunksize=8))
            else:
                current.parsed = map(inline, jobs)
            if pending is not None:
                _write(store, pending, options, report)
            pending = current
        if pending is not None:
            _write(store, pending, options, report)
    finally:
        if executor is not None:
            executor.shutdown(cancel_futures=True)
    order = {
        name: i for i, name in enumerate([e.name for e in path_errors] + [r.name for r in refs])
    }
    return IngestSummary(tuple(sorted(outcomes, key=lambda o: order.get(o.name, len(order)))))


def _prepare(store: Store, batch: list[ArticleText | InputError], seen: dict[str, str]) -> _Pending:
    """Split a batch into failures, texts already stored, and new texts to parse."""
    outcomes: list[IngestOutcome] = []
    fresh: list[tuple[ArticleText, str]] = []
    readable = [(item, text_sha256(item.text)) for item in batch if isinstance(item, ArticleText)]
    with store.read() as session:
        stored = known_hashes(session, [sha for _, sha in readable])
    readable_iter = iter(readable)
    for item in batch:
        if isinstance(item, InputError):
            outcomes.append(IngestOutcome(item.name, "failed", reason=item.reason))
            continue
        article, sha = next(readable_iter)
        if sha in stored:
            outcomes.append(
                IngestOutcome(
                    article.ref.name, "unchanged", article_id=stored[sha], encoding=article.encoding
                )
            )
        elif sha in seen:
            outcomes.append(
                IngestOutcome(
                    article.ref.name,
                    "unchanged",
                    reason=f"same text as {seen[sha]}",
                    encoding=article.encoding,
                )
            )
        else:
            seen[sha] = article.ref.name
            fresh.append((article, sha))
    return _Pending(fresh, iter(()), outcomes)


def _short(value: str | None, limit: int) -> str | None:
    """Display values (titles, outlets) cut to their column width, marked as cut."""
    if value is None or len(value) <= limit:
        return value
    return value[: limit - 1] + "…"


def _new_article(
    article: ArticleText, sha: str, parsed: ParsedArticle, options: IngestOptions
) -> NewArticle:
    return NewArticle(
        parsed=parsed,
        sha256=sha,
        encoding=article.encoding,
        parser_version=PARSER_VERSION,
        path=article.ref.name if article.ref.path is not None else "-",
        title=_short(parsed.title, 1000),
        outlet=_short(options.outlet, 200),
    )


def _write(
    store: Store,
    pending: _Pending,
    options: IngestOptions,
    report: Callable[[IngestOutcome], None],
) -> None:
    """Store a parsed batch in one transaction; on failure, article by article."""
    for outcome in pending.outcomes:
        report(outcome)
    ready: list[tuple[ArticleText, NewArticle]] = []
    for (article, sha), parsed in zip(pending.texts, pending.parsed, strict=True):
        if isinstance(parsed, str):
            report(IngestOutcome(article.ref.name, "failed", reason=parsed))
        else:
            ready.append((article, _new_article(article, sha, parsed, options)))
    if not ready:
        return
    now = dt.datetime.now(dt.UTC)
    try:
        stored = store.run(lambda s: _insert_linked(s, [n for _, n in ready], now))
    except StoreError:
        # One article of the batch was refused (or raced with another writer):
        # store them one by one so the others still land and the culprit is named.
        for article, new in ready:
            report(_write_one(store, article, new, now))
        return
    for (article, _), (article_id, n_claims) in zip(ready, stored, strict=True):
        report(
            IngestOutcome(
                article.ref.name,
                "ingested",
                article_id=article_id,
                claims=n_claims,
                encoding=article.encoding,
            )
        )


def _insert_linked(
    session: Session, items: list[NewArticle], now: dt.datetime
) -> list[tuple[int, int]]:
    """Store articles with each person under the one name the store knows them by."""
    linked = link_to_store(session, [item.parsed for item in items])
    items = [dataclasses.replace(item, parsed=p) for item, p in zip(items, linked, strict=True)]
    return insert_articles(session, items, now)


def _write_one(
    store: Store, article: ArticleText, new: NewArticle, now: dt.datetime
) -> IngestOutcome:
    name = article.ref.name
    try:
        [(article_id, n_claims)] = store.run(lambda s: _insert_linked(s, [new], now))
    except StoreError as exc:
        with store.read() as session:
            existing = known_hashes(session, [new.sha256])
        if new.sha256 in existing:
            return IngestOutcome(
                name, "unchanged", article_id=existing[new.sha256], encoding=article.encoding
            )
        return IngestOutcome(name, "failed", reason=str(exc))
    return IngestOutcome(
        name, "ingested", article_id=article_id, claims=n_claims, encoding=article.encoding
    )
