"""The review screen on PostgreSQL: search through the GIN index, a decision, its log entry."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.tui.conftest import SEEDS, find_claim, press, run, type_text
from tracker.model import Status
from tracker.ops.claims import claim_detail
from tracker.ops.database import open_database
from tracker.ops.ingest import IngestOptions, ingest
from tracker.tui.app import ReviewApp
from tracker.tui.screens.review import ReviewScreen


def test_search_and_decide_on_postgresql(pg_url: str) -> None:
    store = open_database(pg_url)
    try:
        ingest(store, [str(SEEDS)], IngestOptions(workers=1))
        target = find_claim(store, "Malyar", "liberated")
        assert target is not None

        async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            await press(pilot, "slash")
            await type_text(pilot, "malyar liber")
            await press(pilot, "enter")
            assert screen.claim_list.current is not None
            assert screen.claim_list.current.id == target.id
            await press(pilot, "v", "enter")

        run(store, scenario)
        (entry,) = claim_detail(store, target.id).history
        assert entry.to_status is Status.VERIFIED and entry.reviewer == "ann"
    finally:
        store.close()
