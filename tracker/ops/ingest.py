"""``tracker ingest``: read articles, parse them, store each one whole.

Owns the ingest pipeline. Inputs are cut into chunks; each chunk is read,
decoded, parsed and written by one worker process (or by this process for a
few files), one transaction per chunk, so an article is never half-stored.
Workers write for themselves: handing parsed articles back to one writer
cost about as much as parsing them. On Linux they are forked, so they start
with the parser loaded; a progress reporter must therefore not run threads.
Text already stored is reported ``unchanged`` and not parsed again. A file
that fails is reported with its reason; the rest go on.
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from sqlalchemy.orm import Session

from tracker.errors import InputError, StoreError, TrackerError
from tracker.model import IngestOutcome, IngestSummary, ParsedArticle
from tracker.ops.collector import collect_less_often, few_collections, loaded_objects_frozen
from tracker.ops.inputs import ArticleText, InputRef, find_inputs, iter_articles
from tracker.ops.naming import link_to_store
from tracker.parse import DEFAULT_LEXICON, PARSER_VERSION, Lexicon, parse_article
from tracker.store import Store, open_store
from tracker.store.articles import NewArticle, insert_articles, known_hashes, text_sha256

#: Most articles read, parsed and written together (one transaction): bounds a
#: worker's memory and how long it holds SQLite's write lock.
MAX_CHUNK = 256
#: Fewest articles in a chunk, but for the last one.
MIN_CHUNK = 16
#: Below this many files, working in this process beats starting a pool.
POOL_THRESHOLD = 24
PR_SET_PDEATHSIG = 1  # linux/prctl.h


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
    """Worker processes; 0 picks one per CPU."""
    lexicon: Lexicon = DEFAULT_LEXICON


DEFAULT_OPTIONS = IngestOptions()


def ingest(
    store: Store,
    paths: list[str],
    options: IngestOptions = DEFAULT_OPTIONS,
    progress: IngestProgress | None = None,
    stdin: BinaryIO | None = None,
) -> IngestSummary:
    """Ingest files, folders (recursively, ``*.txt``) and ``-`` (stdin)."""
    refs, path_errors = find_inputs(paths)
    order = {
        name: i for i, name in enumerate([e.name for e in path_errors] + [r.name for r in refs])
    }
    if progress:
        progress.start(len(refs) + len(path_errors))
    outcomes: list[IngestOutcome] = []

    def report(outcome: IngestOutcome) -> None:
        outcomes.append(outcome)
        if progress:
            progress.advance(outcome)

    for err in path_errors:
        report(IngestOutcome(err.name, "failed", reason=err.reason))
    from_stdin = [r for r in refs if r.path is None]
    files = [r for r in refs if r.path is not None]
    if from_stdin:  # only this process can read its stdin
        for outcome in ingest_chunk(store, from_stdin, options, stdin):
            report(outcome)
    workers = options.workers or os.cpu_count() or 1
    # Workers use the default lexicon; a custom one (tests, experiments) stays in-process.
    pooled = options.lexicon is DEFAULT_LEXICON and _shareable(store)
    if len(files) >= POOL_THRESHOLD and workers > 1 and pooled:
        chunks = split_into_chunks(files, workers)
        _ingest_in_pool(store, chunks, options, min(workers, len(chunks)), report)
    else:
        with few_collections():
            for chunk in split_into_chunks(files, 1):
                for outcome in ingest_chunk(store, chunk, options):
                    report(outcome)
    return IngestSummary(tuple(sorted(outcomes, key=lambda o: order.get(o.name, len(order)))))


def split_into_chunks(files: list[InputRef], workers: int) -> list[list[InputRef]]:
    """``files`` cut into chunks for ``workers`` processes, largest first.

    A chunk has costs that do not grow with its size (a transaction, looking up
    the stored people who share a surname with its people), so big chunks pay
    them rarely. For several workers each chunk takes a ``1 / (2 * workers)``
    share of the files still left (guided self-scheduling), between
    ``MIN_CHUNK`` and ``MAX_CHUNK``: the small ones at the end let the workers
    finish together. One process takes ``MAX_CHUNK`` at a time.
    """
    chunks: list[list[InputRef]] = []
    start = 0
    while start < len(files):
        share = (len(files) - start) // (2 * workers) if workers > 1 else MAX_CHUNK
        size = max(MIN_CHUNK, min(MAX_CHUNK, share))
        chunks.append(files[start : start + size])
        start += size
    return chunks


def _shareable(store: Store) -> bool:
    """Can other processes open this store? (An in-memory SQLite database cannot.)"""
    address = store.address
    return bool(address) and address not in (":memory:", "sqlite://", "sqlite:///:memory:")


# -- worker processes ------------------------------------------------------------------------

_worker: tuple[Store, IngestOptions] | None = None


def _die_with_parent(parent: int) -> None:
    """Stop this worker when the ingest that started it is killed, even by SIGKILL.

    A killed ingest must stop writing; without this its workers would finish
    their chunks on their own. Linux only (prctl); elsewhere workers end when
    they next ask the dead parent for work.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _init_worker(
    address: str, published: dt.date | None, outlet: str | None, max_bytes: int, parent: int
) -> None:
    global _worker
    _die_with_parent(parent)
    collect_less_often()  # for the worker's life: it only parses and writes
    options = IngestOptions(published=published, outlet=outlet, max_bytes=max_bytes)
    _worker = (open_store(address, create=False), options)


def _chunk_job(refs: list[InputRef]) -> list[IngestOutcome]:
    assert _worker is not None, "worker not initialised"
    store, options = _worker
    return ingest_chunk(store, refs, options)


def _start_method() -> str:
    """``fork`` on Linux: workers start with the parser and its lexicon already loaded,
    where a spawned worker spends about half a second importing and building them.
    ``spawn`` elsewhere (fork is unsafe on macOS)."""
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _ingest_in_pool(
    store: Store,
    chunks: list[list[InputRef]],
    options: IngestOptions,
    workers: int,
    report: Callable[[IngestOutcome], None],
) -> None:
    context = multiprocessing.get_context(_start_method())
    assert store.address is not None
    if context.get_start_method() == "fork":
        # A forked worker must not inherit a live connection (closing its copy would
        # close the parent's): give them back; this process reconnects when it next needs one.
        store.engine.dispose()
    with (
        loaded_objects_frozen(),
        ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(
                store.address,
                options.published,
                options.outlet,
                options.max_bytes,
                os.getpid(),
            ),
        ) as pool,
    ):
        futures: dict[Future[list[IngestOutcome]], list[InputRef]] = {
            pool.submit(_chunk_job, chunk): chunk for chunk in chunks
        }
        try:
            for future in as_completed(futures):
                try:
                    results = future.result()
                except Exception as exc:  # a worker died or lost the database
                    reason = str(exc) if isinstance(exc, TrackerError) else f"worker failed: {exc}"
                    results = [
                        IngestOutcome(r.name, "failed", reason=reason) for r in futures[future]
                    ]
                for outcome in results:
                    report(outcome)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


# -- one chunk: read, parse, write -------------------------------------------------------------


def ingest_chunk(
    store: Store, refs: list[InputRef], options: IngestOptions, stdin: BinaryIO | None = None
) -> list[IngestOutcome]:
    """Read, parse and store ``refs`` in one transaction; outcomes in input order."""
    outcomes: dict[str, IngestOutcome] = {}
    readable: list[tuple[ArticleText, str]] = []
    for item in iter_articles(refs, options.max_bytes, stdin):
        if isinstance(item, InputError):
            outcomes[item.name] = IngestOutcome(item.name, "failed", reason=item.reason)
        else:
            readable.append((item, text_sha256(item.text)))
    with store.read() as session:
        stored = known_hashes(session, [sha for _, sha in readable])
    seen: dict[str, str] = {}
    ready: list[tuple[ArticleText, NewArticle]] = []
    for article, sha in readable:
        name = article.ref.name
        if sha in stored:
            outcomes[name] = IngestOutcome(
                name, "unchanged", article_id=stored[sha], encoding=article.encoding
            )
        elif sha in seen:
            outcomes[name] = IngestOutcome(
                name, "unchanged", reason=f"same text as {seen[sha]}", encoding=article.encoding
            )
        else:
            seen[sha] = name
            try:
                parsed = parse_article(article.text, options.published, options.lexicon)
            except Exception as exc:  # one article the parser chokes on must not stop the rest
                outcomes[name] = IngestOutcome(
                    name, "failed", reason=f"parser error: {type(exc).__name__}: {exc}"
                )
                continue
            ready.append((article, _new_article(article, sha, parsed, options)))
    for outcome in _write(store, ready):
        outcomes[outcome.name] = outcome
    return [outcomes[r.name] for r in refs if r.name in outcomes]


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


def _insert_linked(
    session: Session, items: list[NewArticle], now: dt.datetime
) -> list[tuple[int, int]]:
    """Store articles with each person under the one name the store knows them by."""
    linked = link_to_store(session, [item.parsed for item in items])
    items = [dataclasses.replace(item, parsed=p) for item, p in zip(items, linked, strict=True)]
    return insert_articles(session, items, now)


def _write(store: Store, ready: list[tuple[ArticleText, NewArticle]]) -> Iterator[IngestOutcome]:
    """Store parsed articles in one transaction; if that fails, one by one."""
    if not ready:
        return
    now = dt.datetime.now(dt.UTC)
    try:
        stored = store.run(lambda s: _insert_linked(s, [n for _, n in ready], now))
    except StoreError:
        # One article was refused, or another worker stored the same text first:
        # store them one by one so the others still land and the culprit is named.
        for article, new in ready:
            yield _write_one(store, article, new, now)
        return
    for (article, _), (article_id, n_claims) in zip(ready, stored, strict=True):
        yield IngestOutcome(
            article.ref.name,
            "ingested",
            article_id=article_id,
            claims=n_claims,
            encoding=article.encoding,
        )


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
