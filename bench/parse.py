"""Parse benchmark: MB/s and sentences/s of ``tracker.parse``, single process.

Generates a corpus of at least 20 MB of varied seed articles (names and numbers
changed, see ``figures.varied_articles``), then times ``parse_article`` over all
of it, and, over the same text in the same run, a bare compiled-regex sentence
splitter as the ceiling. Target: ``parse_mb_per_s`` at least 0.15 of
``regex_split_mb_per_s``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from figures import Figure, Stopwatch, varied_articles

from tracker.parse import attribution, parse_article

CORPUS_MB = float(os.environ.get("BENCH_PARSE_MB", "20"))

# The ceiling: one compiled pattern that yields each sentence span, from its first
# visible character to end punctuation (with closing quotes) before a space, or the
# line end. No abbreviations, no quotes, no labels.
_SPLIT = re.compile(r"\S[^\n]*?(?:[.!?]+[\"'”’)\]]*(?=\s)|(?=\n)|$)")


def corpus(min_mb: float) -> list[str]:
    """Varied articles until their UTF-8 size reaches ``min_mb`` megabytes."""
    texts: list[str] = []
    size = 0
    target = int(min_mb * 1e6)
    count = 0
    while size < target:
        batch = list(varied_articles(500, seed=7 + count))
        count += 1
        for text in batch:
            texts.append(text)
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    return texts


def run() -> Iterator[Figure]:
    texts = corpus(CORPUS_MB)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    with Stopwatch() as split_clock:
        pieces = 0
        for text in texts:
            pieces += len([m.span() for m in _SPLIT.finditer(text)])
    sentences = 0
    claims = 0
    with Stopwatch() as parse_clock:
        for text in texts:
            parsed = parse_article(text)
            sentences += len(parsed.sentences)
            claims += len(parsed.claims)
    # 1 when the measured parser is the mypyc-compiled build (setup.py), 0 for pure Python.
    yield Figure("parse_compiled", int(not attribution.__file__.endswith(".py")), "bool")
    yield Figure("parse_corpus_mb", mb, "MB")
    yield Figure("parse_articles", len(texts), "articles")
    yield Figure("parse_claims", claims, "claims")
    yield Figure("parse_mb_per_s", mb / parse_clock.seconds, "MB/s")
    yield Figure("parse_sentences_per_s", sentences / parse_clock.seconds, "sentences/s")
    yield Figure("parse_articles_per_s", len(texts) / parse_clock.seconds, "articles/s")
    yield Figure("regex_split_mb_per_s", mb / split_clock.seconds, "MB/s")
    yield Figure(
        "parse_to_split_ratio",
        (mb / parse_clock.seconds) / (mb / split_clock.seconds),
        "ratio",
    )
