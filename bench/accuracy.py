"""Accuracy of the parser: the seed gold and the PolNeAR development sample.

Usage:
    python bench/accuracy.py            # both tables
    python bench/accuracy.py --keep DIR # also keep the predictions in DIR

Parses seeds/ and ../shared/eval/polnear-dev with ``tracker.parse`` (the same
documents ``tracker extract`` prints), then runs the project's two scorers,
../shared/eval/score_seeds.py and ../shared/eval/score.py, and prints their
tables. ../shared is read at run time and never copied into the repository;
when it is missing, this says so and skips that part. Not part of
bench/run.py: it measures accuracy, not speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.ops.extract import extract  # noqa: E402
from tracker.parse import parse_article  # noqa: E402

SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
SEED_GOLD = SHARED / "gold" / "seeds"
POLNEAR = SHARED / "eval" / "polnear-dev"


def read_text(path: Path) -> str:
    """A file exactly as stored: UTF-8, newlines untranslated (gold offsets index these)."""
    return path.read_bytes().decode("utf-8")


def write_seed_documents(out: Path) -> None:
    """What ``tracker extract seeds/*.txt`` prints (one call: people named alike across files)."""
    for doc in extract(sorted(str(p) for p in SEEDS.glob("*.txt"))):
        if isinstance(doc, Exception):
            raise SystemExit(str(doc))
        stem = Path(doc["article"]).stem
        (out / f"{stem}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")


def write_polnear_predictions(out: Path) -> int:
    """One JSON line per predicted attribution, in the scorer's shape; returns the count."""
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for line in (POLNEAR / "articles.jsonl").read_text("utf-8").splitlines():
            if not line.strip():
                continue
            meta = json.loads(line)
            aid = meta["article_id"]
            published = dt.date.fromisoformat(meta["publication_date"])
            parsed = parse_article(read_text(POLNEAR / f"{aid}.txt"), published)
            for claim in parsed.claims:
                rec = {
                    "article_id": aid,
                    "source": [claim.source.start, claim.source.end] if claim.source else None,
                    "cue": [claim.cue.start, claim.cue.end] if claim.cue else None,
                    "content": [[s.start, s.end] for s in claim.content],
                }
                f.write(json.dumps(rec) + "\n")
                n += 1
    return n


def run_scorer(args: list[str]) -> None:
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True)
    sys.stdout.write(done.stdout)
    if done.returncode != 0:
        sys.stdout.write(done.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", type=Path, help="folder to keep the predictions in")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tracker-accuracy-") as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        print("== Seeds (../shared/eval/score_seeds.py) ==")
        if SEED_GOLD.is_dir() and (SHARED / "eval" / "score_seeds.py").exists():
            seeds_out = out / "seeds"
            seeds_out.mkdir(exist_ok=True)
            write_seed_documents(seeds_out)
            run_scorer(
                [
                    str(SHARED / "eval" / "score_seeds.py"),
                    "--gold",
                    str(SEED_GOLD),
                    "--pred",
                    str(seeds_out),
                    "--texts",
                    str(SEEDS),
                ]
            )
        else:
            print(f"missing: {SEED_GOLD} (../shared is not next to this repository); skipped")
        print()
        print("== PolNeAR development sample (../shared/eval/score.py) ==")
        if (POLNEAR / "articles.jsonl").exists() and (SHARED / "eval" / "score.py").exists():
            pred = out / "polnear-pred.jsonl"
            write_polnear_predictions(pred)
            run_scorer(
                [str(SHARED / "eval" / "score.py"), "--gold-dir", str(POLNEAR), "--pred", str(pred)]
            )
        else:
            print(f"missing: {POLNEAR} (../shared is not next to this repository); skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
