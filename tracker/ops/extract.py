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
from tracker.ops.inputs import find_inputs, iter_articles
from tracker.parse import DEFAULT_LEXICON, Lexicon, parse_article


def extract(
    paths: list[str],
    published: dt.date | None = None,
    max_bytes: int = 20 * 1024 * 1024,
    lexicon: Lexicon = DEFAULT_LEXICON,
    stdin: BinaryIO | None = None,
) -> Iterator[dict[str, Any] | InputError]:
    """One document per readable input, or the ``InputError`` that stopped it, in order."""
    refs, errors = find_inputs(paths)
    yield from errors
    for item in iter_articles(refs, max_bytes, stdin):
        if isinstance(item, InputError):
            yield item
            continue
        parsed = parse_article(item.text, published, lexicon)
        yield document_json(parsed, item.ref.name if item.ref.path else "stdin.txt")
