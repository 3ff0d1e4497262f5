"""Fixtures for the review TUI: a real SQLite database of the seeds, an app, a pilot runner.

The seeds' claims come from the parser, which changes; tests find claims by
their properties (source, content) and compare with what ``tracker.ops``
reads, never with hard-coded ids or counts.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tracker.model import ClaimFilter, ClaimRow
from tracker.ops.claims import iter_claims
from tracker.ops.database import Store, open_database
from tracker.ops.ingest import IngestOptions, ingest
from tracker.tui.app import ReviewApp

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SIZE = (120, 40)
#: Decisions made in fixtures carry this time, so nothing on screen depends on the clock.
FROZEN = dt.datetime(2024, 12, 23, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def seeds_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds ingested once into an SQLite file; tests copy it."""
    path = tmp_path_factory.mktemp("tui-template") / "seeds.db"
    store = open_database(str(path))
    try:
        ingest(store, [str(SEEDS)], IngestOptions(workers=1))
    finally:
        store.close()
    return path


@pytest.fixture
def seeds_db(seeds_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "seeds.db"
    shutil.copyfile(seeds_template, path)
    return path


@pytest.fixture
def review_store(seeds_db: Path) -> Iterator[Store]:
    store = open_database(str(seeds_db))
    try:
        yield store
    finally:
        store.close()


def make_app(store: Store, reviewer: str = "ann") -> ReviewApp:
    return ReviewApp(store, reviewer, db_label="seeds.db", blink=False)


def find_claim(store: Store, source: str, content: str) -> ClaimRow | None:
    """The first claim whose source entity contains ``source`` and content ``content``."""
    for row in iter_claims(store, ClaimFilter()):
        if source.lower() in row.source_entity.lower() and content.lower() in (
            row.content_text.lower()
        ):
            return row
    return None


async def settle(pilot: Pilot[object]) -> None:
    """Wait until every worker has finished and every message has been handled."""
    app = pilot.app
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            await pilot.pause()
            if not any(w.is_running for w in app.workers):
                return
    raise AssertionError("workers never settled")


async def press(pilot: Pilot[object], *keys: str) -> None:
    """Press keys one at a time, letting the app settle after each."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def type_text(pilot: Pilot[object], text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


def screen_text(app: ReviewApp) -> str:
    """What the terminal shows now, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def run(
    store: Store,
    scenario: Callable[[Pilot[object], ReviewApp], Awaitable[None]],
    reviewer: str = "ann",
) -> ReviewApp:
    """Run ``scenario`` against a fresh app at 120x40, after the first screen has loaded."""
    app = make_app(store, reviewer)

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await scenario(pilot, app)

    asyncio.run(main())
    return app
