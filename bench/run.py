"""Run the benchmarks and print one JSON line per figure.

Usage:
    python bench/run.py            # every benchmark
    python bench/run.py ingest     # only the named ones

Each benchmark is a module ``bench/<name>.py`` with a function
``run() -> Iterable[Figure]``. Benchmarks print figures; they never assert
on timings (tests don't either).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Order matters only for reading the output; slow ones last.
BENCHMARKS = ("ingest", "parse", "tui", "export")


def available() -> list[str]:
    return [name for name in BENCHMARKS if (HERE / f"{name}.py").exists()]


def main(argv: list[str] | None = None) -> int:
    names = list(argv if argv is not None else sys.argv[1:]) or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(
            f"unknown benchmark(s): {', '.join(unknown)}; have: {', '.join(available())}",
            file=sys.stderr,
        )
        return 2
    sys.path.insert(0, str(HERE))
    if importlib.util.find_spec("tracker") is None:
        # Not installed: measure the source tree (pure Python). Installed, the
        # installed build is measured, compiled parser included (setup.py).
        sys.path.insert(0, str(HERE.parent))
    for name in names:
        module = importlib.import_module(name)
        for figure in module.run():
            print(json.dumps(figure.as_dict()), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
