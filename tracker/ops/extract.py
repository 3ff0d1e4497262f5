"""``tracker extract``: parse files without a database, as gold-shaped documents.

Owns reading the inputs for extraction and turning each into the document
of ``tracker.export.document``; errors come back per file, never raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, BinaryIO

from tracker.errors import InputError
from tracker.export.document import document_json
from tracker.model import ParsedArticle
from tracker.ops.inputs import find_inputs, iter_articles
from tracker.parse import DEFAULT_LEXICON, Lexicon, parse_article
from tracker.parse.linking import link_articles


def extract(
    paths: list[str],
    published: dt.date | None = None,
    max_bytes: int = 20 * 1024 * 1024,
    lexicon: Lexicon = DEFAULT_LEXICON,
    stdin: BinaryIO | None = None,
) -> Iterator[dict[str, Any] | InputError]:
    """One document per readable input, or the ``InputError`` that stopped it, in order.

    People are named alike across the files of one call, as ``tracker ingest``
    names them alike across the store ("ishi Sunak" in one file becomes the
    "Rishi Sunak" of another).
    """
    refs, errors = find_inputs(paths)
    yield from errors
    results: list[tuple[str, ParsedArticle] | InputError] = []
    for item in iter_articles(refs, max_bytes, stdin):
        if isinstance(item, InputError):
            results.append(item)
        else:
            name = item.ref.name if item.ref.path else "stdin.txt"
            results.append((name, parse_article(item.text, published, lexicon)))
    parsed = [r[1] for r in results if not isinstance(r, InputError)]
    linked = iter(link_articles(parsed))
    for result in results:
        yield result if isinstance(result, InputError) else document_json(next(linked), result[0])
