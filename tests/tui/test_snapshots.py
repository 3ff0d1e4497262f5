"""Snapshots of the review TUI at 120x40: main screen, detail pane, article view, help.

Everything on screen is fixed: decisions carry a frozen time, the text cursor
does not blink, no clock is shown, and no notification is open. The seeds'
claims come from the parser, so a parser change changes these pictures:
review the report, then regenerate on purpose with
``pytest tests/tui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from tests.tui.conftest import FROZEN, SIZE, find_claim, make_app, press, settle, type_text
from tracker.model import Status
from tracker.ops.database import Store
from tracker.ops.review import mark_claim
from tracker.tui.widgets.article_text import ArticleText

Snap = Callable[..., bool]


def decided(store: Store) -> None:
    """Two decisions on Malyar's claim, at a frozen time, for history on screen."""
    claim = find_claim(store, "Malyar", "liberated")
    assert claim is not None
    first = mark_claim(
        store, claim.id, Status.UNVERIFIABLE, reviewer="bob", note="no second source", now=FROZEN
    )
    mark_claim(
        store,
        claim.id,
        Status.DISPUTED,
        reviewer="ann",
        note="officials say troops remain",
        evidence=["https://example.org/report"],
        expect_version=first.claim.version,
        now=FROZEN,
    )


async def open_malyar(pilot: Pilot[object]) -> None:
    await settle(pilot)
    await press(pilot, "t")  # any status: the claim has a verdict
    await press(pilot, "slash")
    await type_text(pilot, "Malyar liberated")
    await press(pilot, "enter")


def test_main_screen(snap_compare: Snap, review_store: Store) -> None:
    """The default view: unreviewed speech claims, counter, detail of the first."""
    assert snap_compare(make_app(review_store), terminal_size=SIZE, run_before=settle)


def test_detail_pane(snap_compare: Snap, review_store: Store) -> None:
    """Malyar's claim: context highlighted, the outlet's remark, two log entries."""
    decided(review_store)
    assert snap_compare(make_app(review_store), terminal_size=SIZE, run_before=open_malyar)


def test_article_view(snap_compare: Snap, review_store: Store) -> None:
    """The whole article with every claim highlighted, Malyar's in focus."""
    decided(review_store)

    async def run_before(pilot: Pilot[object]) -> None:
        await open_malyar(pilot)
        await press(pilot, "a")
        text = pilot.app.screen.query_one(ArticleText)
        while not text.positioned:  # scrolled to the claim after the first layout
            await pilot.pause()
        await settle(pilot)

    assert snap_compare(make_app(review_store), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare: Snap, review_store: Store) -> None:
    """Every key of the review screen, grouped."""

    async def run_before(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await press(pilot, "question_mark")

    assert snap_compare(make_app(review_store), terminal_size=SIZE, run_before=run_before)
