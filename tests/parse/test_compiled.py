"""The installed, mypyc-compiled parser finds exactly what the source tree's parser finds.

``pip install .`` compiles ``tracker/parse`` to C (setup.py). mypyc keeps Python's
meaning but checks declared types at run time, so a wrong annotation that pure
Python shrugs off would raise there. This parses the seeds and a few hundred
generated hard cases with the installed build, in a separate interpreter that does
not see the source tree, and compares every field with the pure-Python result.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.parse.test_properties import NEWS_PIECES
from tracker.export.document import document_json
from tracker.parse import attribution, parse_article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Run in the installed interpreter with -I: neither the working directory nor
# PYTHONPATH is on sys.path, so ``tracker`` is the installed package.
_PROBE = "import tracker.parse.attribution as m; print(m.__file__)"
_PARSE_ALL = """
import json, sys
from tracker.export.document import document_json
from tracker.parse import parse_article
texts = json.load(sys.stdin)
json.dump([document_json(parse_article(t), "a.txt") for t in texts], sys.stdout)
"""


def _installed_is_compiled(cwd: Path) -> bool:
    found = subprocess.run(
        [sys.executable, "-I", "-c", _PROBE], cwd=cwd, capture_output=True, text=True
    )
    return found.returncode == 0 and not found.stdout.strip().endswith(".py")


def hard_cases(count: int, seed: int = 0) -> list[str]:
    """Random joins of news fragments, random unicode, and one long unpunctuated run."""
    rng = random.Random(seed)
    texts = ["".join(rng.choices(NEWS_PIECES, k=rng.randint(1, 80))) for _ in range(count)]
    alphabet = "aZ .,:;“”\"'‘’«»()\n\r\xa0\u2028é中\U0001f600-–—…0123456789"
    texts += ["".join(rng.choices(alphabet, k=rng.randint(0, 300))) for _ in range(count // 4)]
    texts.append(" ".join(rng.choices(["said", "Mr", "Weber", "that", "“", "”"], k=20_000)))
    return texts


def test_compiled_parser_matches_pure_python(tmp_path: Path) -> None:
    if not _installed_is_compiled(tmp_path):
        # CI sets this: there a silent fall back to pure Python (a type error mypyc
        # refuses, say) must fail, not skip.
        assert not os.environ.get("TRACKER_EXPECT_COMPILED"), (
            "TRACKER_EXPECT_COMPILED is set but the installed parser is pure Python: "
            "see the 'tracker build:' line of `pip install -v .`"
        )
        pytest.skip(
            "the installed tracker parser is pure Python (an editable install, "
            "TRACKER_PURE_PYTHON=1, or no C compiler at install time): nothing compiled to compare"
        )
    assert attribution.__file__.endswith(".py"), "the tests should import the source tree"
    texts = [p.read_bytes().decode("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += hard_cases(400)
    run = subprocess.run(
        [sys.executable, "-I", "-c", _PARSE_ALL],
        cwd=tmp_path,
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    compiled = json.loads(run.stdout)
    for text, got in zip(texts, compiled, strict=True):
        expected = json.loads(json.dumps(document_json(parse_article(text), "a.txt")))
        assert got == expected, text[:200]
