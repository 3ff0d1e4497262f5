"""The issue's "done when": a new user, reading only the footer, reviews Malyar's claim.

Open the seeds as ``tracker demo`` does; find Hanna Malyar's "liberated" claim
with the search key the footer offers; see in the detail pane that the
outlet could not verify it; mark it unverifiable with a note; undo that;
mark it disputed. The log then holds all three entries, the undo as its own.
"""

from __future__ import annotations

import json
from pathlib import Path

from textual.pilot import Pilot

from tests.tui.conftest import find_claim, press, run, screen_text, type_text
from tracker.cli import main
from tracker.model import Stance, Status
from tracker.ops.claims import claim_detail
from tracker.ops.database import Store
from tracker.tui.app import ReviewApp
from tracker.tui.screens.dialogs import NoteDialog
from tracker.tui.screens.review import ReviewScreen


def footer_keys(app: ReviewApp) -> dict[str, str]:
    """What the footer offers: description by key."""
    return {k.key: k.description for k in app.screen.query("FooterKey")}  # type: ignore[attr-defined]


def test_done_when_new_user_finds_malyar_liberated_marks_unverifiable_undoes_and_disputes(
    review_store: Store, seeds_db: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    target = find_claim(review_store, "Malyar", "liberated")
    assert target is not None, "the parser does not find Hanna Malyar's 'liberated' claim"

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        keys = footer_keys(app)
        assert keys["slash"] == "Search"

        # find the claim: the footer says "/ Search"
        await press(pilot, "slash")
        await type_text(pilot, "Malyar liberated")
        await press(pilot, "enter")
        row = screen.claim_list.current
        assert row is not None and row.id == target.id
        assert "Malyar" in row.source_entity and "liberated" in row.content_text

        # see that the outlet could not verify it
        detail = screen.detail
        assert detail is not None and detail.claim.id == target.id
        assert any(
            r.stance is Stance.UNVERIFIED and "could not independently verify" in r.sentence.text
            for r in detail.remarks
        ), "no verification remark points at the claim: see the parser's links"
        assert "could not independently verify" in screen_text(app)

        # mark it unverifiable with a note: the footer says "u Unverifiable"
        assert keys["u"] == "Unverifiable"
        await press(pilot, "u")
        assert isinstance(app.screen, NoteDialog)
        await type_text(pilot, "The Standard could not verify it; no second source")
        await press(pilot, "enter")
        assert screen.claim_list.current is not None
        assert screen.claim_list.current.status is Status.UNVERIFIABLE

        # undo that: the footer says "z Undo"
        assert keys["z"] == "Undo"
        await press(pilot, "z")
        assert screen.claim_list.current.status is Status.UNREVIEWED

        # mark it disputed: the footer says "d Dispute"
        assert keys["d"] == "Dispute"
        await press(pilot, "d")
        await type_text(pilot, "Western officials say Russian troops remain near Bucha")
        await press(pilot, "enter")
        assert screen.claim_list.current.status is Status.DISPUTED

        # the detail pane shows the three log entries
        text = screen_text(app)
        assert text.count("ann") >= 3 and "undo of #" in text

    run(review_store, scenario)

    history = claim_detail(review_store, target.id).history
    assert [(e.from_status, e.to_status) for e in history] == [
        (Status.UNREVIEWED, Status.UNVERIFIABLE),
        (Status.UNVERIFIABLE, Status.UNREVIEWED),
        (Status.UNREVIEWED, Status.DISPUTED),
    ]
    assert history[1].undoes == history[0].id
    assert all(e.reviewer == "ann" for e in history)

    # and the log, as `tracker show` prints it, holds all three
    assert main(["show", str(target.id), "--format", "json", "--db", str(seeds_db)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [h["to_status"] for h in shown["history"]] == ["unverifiable", "unreviewed", "disputed"]
