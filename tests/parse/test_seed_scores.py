"""The parser on the project's five seeds, scored against their gold (tests/data/parse/).

Fails below the seed bars of issue 3. The metric is seed_metric.py, a copy of
../shared/eval/score_seeds.py; when ../shared is present, the last test checks
that both print the same numbers.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.parse.seed_metric import score
from tracker.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "data" / "parse"
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score_seeds.py"


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def predicted() -> dict[str, dict[str, Any]]:
    """What ``tracker extract seeds/*.txt`` prints: one call, so people are named alike."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["extract", *map(str, sorted(SEEDS.glob("*.txt")))]) == 0
    docs = [json.loads(line) for line in out.getvalue().splitlines()]
    return {d["article"]: d for d in docs}


@pytest.fixture(scope="module")
def gold() -> dict[str, dict[str, Any]]:
    docs = [json.loads(_read(p)) for p in sorted(GOLD.glob("*.json"))]
    return {d["article"]: d for d in docs}


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.name: _read(p) for p in SEEDS.glob("*.txt")}


@pytest.fixture(scope="module")
def figures(
    gold: dict[str, dict[str, Any]], predicted: dict[str, dict[str, Any]], texts: dict[str, str]
) -> dict[str, Any]:
    assert len(gold) == 5
    return score(gold, predicted, texts)


@pytest.mark.parametrize(
    ("figure", "bar"),
    [
        pytest.param("f1", 0.95, id="claim-f1"),
        pytest.param("strict_f1", 0.80, id="strict-f1"),
        pytest.param("source_acc", 0.95, id="source-accuracy"),
        pytest.param("cue_acc", 0.95, id="cue-accuracy"),
        pytest.param("sentence_acc", 0.95, id="sentence-label-accuracy"),
        pytest.param("link_recall", 0.8, id="verification-link-recall"),
    ],
)
def test_seed_bar(figures: dict[str, Any], figure: str, bar: float) -> None:
    assert figures[figure] >= bar, figures


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="../shared/eval/score_seeds.py not here")
def test_metric_agrees_with_the_shared_scorer(
    tmp_path: Path, predicted: dict[str, dict[str, Any]], figures: dict[str, Any]
) -> None:
    for name, doc in predicted.items():
        (tmp_path / f"{Path(name).stem}.json").write_text(json.dumps(doc), "utf-8")
    done = subprocess.run(
        [
            sys.executable,
            str(SHARED_SCORER),
            "--gold",
            str(GOLD),
            "--pred",
            str(tmp_path),
            "--texts",
            str(SEEDS),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    shared = json.loads(done.stdout.strip().splitlines()[-1])
    assert shared == figures
