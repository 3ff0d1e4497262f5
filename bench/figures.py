"""Shared helpers for the benchmarks: figures, timing, memory, a varied corpus."""

from __future__ import annotations

import random
import re
import resource
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str

    def as_dict(self) -> dict[str, object]:
        return {"name": self.name, "value": round(self.value, 3), "unit": self.unit}


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Stopwatch:
    def __enter__(self) -> Stopwatch:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start


_FIRST = [
    "Anna",
    "Boris",
    "Carla",
    "Dmytro",
    "Elena",
    "Farid",
    "Greta",
    "Hugo",
    "Irina",
    "Jonas",
    "Katya",
    "Luis",
    "Maria",
    "Nikolai",
    "Olena",
    "Pavel",
    "Rosa",
    "Sergei",
    "Tanya",
    "Viktor",
]
_LAST = [
    "Kovalenko",
    "Schmidt",
    "Moreau",
    "Petrov",
    "Rossi",
    "Novak",
    "Silva",
    "Berg",
    "Costa",
    "Horvat",
    "Lindqvist",
    "Marchetti",
    "Okafor",
    "Quinn",
    "Reyes",
    "Tanaka",
    "Weber",
    "Yilmaz",
]
_NAME = re.compile(r"\b(Sunak|Zelensky|Malyar|Healey|Cleverly|Johnson|Starmer|Arakhamia|Chaus)\b")
_NUMBER = re.compile(r"\b\d{1,4}\b")


def seed_texts() -> list[str]:
    """The five seed articles, read exactly as stored (no newline translation)."""
    return [p.read_bytes().decode("utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def varied_articles(count: int, seed: int = 7) -> Iterator[str]:
    """``count`` distinct articles made from the seeds with names and numbers varied."""
    rng = random.Random(seed)
    texts = seed_texts()
    for i in range(count):
        base = texts[i % len(texts)]
        surnames: dict[str, str] = {}
        text = _NAME.sub(
            lambda m, names=surnames: names.setdefault(m.group(0), rng.choice(_LAST)), base
        )
        text = _NUMBER.sub(lambda m: str(rng.randint(2, 999)), text)
        yield f"Filed by {rng.choice(_FIRST)} {rng.choice(_LAST)}, edition {i}.\n" + text
