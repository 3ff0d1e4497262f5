"""The review screen with a real SQLite database: the list, filters, every action, safety."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from rich.style import Style
from textual.content import Content
from textual.pilot import Pilot
from textual.strip import Strip

from tests.tui.conftest import FROZEN, find_claim, press, run, screen_text, settle, type_text
from tracker.errors import StoreError
from tracker.model import ClaimFilter, CueClass, Status
from tracker.ops import browse, review
from tracker.ops.claims import claim_detail, count_claims, list_claims
from tracker.ops.database import Store
from tracker.tui.app import ReviewApp
from tracker.tui.screens.dialogs import ConflictDialog, FilterDialog, NoteDialog, QuitDialog
from tracker.tui.screens.help import HelpScreen
from tracker.tui.screens.review import DEFAULT_FILTER, ReviewScreen
from tracker.tui.widgets.claim_list import ClaimList
from tracker.tui.widgets.filter_bar import FilterBar


def review_screen(app: ReviewApp) -> ReviewScreen:
    screen = app.screen
    assert isinstance(screen, ReviewScreen), f"expected the review screen, not {screen}"
    return screen


def current_id(app: ReviewApp) -> int:
    row = review_screen(app).claim_list.current
    assert row is not None
    return row.id


async def go_to(pilot: Pilot[object], claim_id: int) -> None:
    await press(pilot, "g")
    await type_text(pilot, str(claim_id))
    await press(pilot, "enter")


async def decide(pilot: Pilot[object], key: str, note: str = "", evidence: str = "") -> None:
    await press(pilot, key)
    assert isinstance(pilot.app.screen, NoteDialog)
    if note:
        await type_text(pilot, note)
    if evidence:
        await press(pilot, "tab")
        await type_text(pilot, evidence)
    await press(pilot, "enter")


# -- the list and the counter ------------------------------------------------------------


def test_default_view_is_unreviewed_speech_claims_with_a_counter(review_store: Store) -> None:
    expected = [r.id for r in list_claims(review_store, DEFAULT_FILTER, limit=50)]
    scope = ClaimFilter(cue_classes=(CueClass.SPEECH,))

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        screen = review_screen(app)
        rows = screen.claim_list.rows
        assert [r.id for r in rows][: len(expected)] == expected
        assert all(r.status is Status.UNREVIEWED and r.cue_class is CueClass.SPEECH for r in rows)
        counts = screen.counts
        assert counts is not None
        assert counts.total == count_claims(review_store, scope)
        assert counts.shown == count_claims(review_store, DEFAULT_FILTER)
        text = screen_text(app)
        assert f"0 reviewed / {counts.total}" in text
        assert "status unreviewed · cues speech" in text

    run(review_store, scenario)


def test_reviewer_and_database_are_shown(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        first_line = screen_text(app).splitlines()[0]
        assert "reviewer mira" in first_line and "seeds.db" in first_line

    run(review_store, scenario, reviewer="mira")


def test_the_counter_follows_decisions(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        await decide(pilot, "v")
        counts = review_screen(app).counts
        assert counts is not None and counts.reviewed == 1
        assert f"1 reviewed / {counts.total}" in screen_text(app)

    run(review_store, scenario)


def test_the_list_walks_every_claim_by_keyset_pages_holding_few_rows(
    review_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tiny pages and a tiny memory: every claim is reached in order, none twice, none lost."""
    monkeypatch.setattr(ClaimList, "page_rows", 4)
    monkeypatch.setattr(ClaimList, "max_rows", 45)  # a 12-row window and two pages ahead
    every = [r.id for r in list_claims(review_store, ClaimFilter())]
    read: list[int] = []
    real = browse.claim_page

    def counted(*args: Any, **kwargs: Any) -> Any:
        page = real(*args, **kwargs)
        read.append(len(page.rows))
        return page

    monkeypatch.setattr(browse, "claim_page", counted)

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        await press(pilot, "t", "c")  # every claim
        claims = review_screen(app).claim_list

        def window() -> list[int]:
            return [r.id for r in claims.rows[claims.top : claims.top + claims.visible_rows]]

        shown: list[int] = window()
        trimmed = False
        while current_id(app) != every[-1]:
            await press(pilot, "pagedown")
            shown += [i for i in window() if i not in shown]
            assert len(claims.rows) <= ClaimList.max_rows
            trimmed = trimmed or claims.rows[0].id != every[0]
        assert shown == every, "pages skipped or repeated claims"
        assert trimmed, "the rows far behind the cursor were never dropped"
        shown = window()
        while current_id(app) != every[0]:
            await press(pilot, "pageup")
            shown = [i for i in window() if i not in shown] + shown
            assert len(claims.rows) <= ClaimList.max_rows
        assert shown == every
        await press(pilot, "end")
        assert current_id(app) == every[-1]
        await press(pilot, "home", "down", "down")
        assert current_id(app) == every[2]

    run(review_store, scenario)
    assert read and max(read) <= 4, "a read asked for more than one page"


# -- filters ---------------------------------------------------------------------------------


def test_status_and_cue_filters_cycle_and_show(review_store: Store) -> None:
    some = list_claims(review_store, limit=1)[0]
    review.mark_claim(review_store, some.id, Status.VERIFIED, reviewer="bob", now=FROZEN)

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        screen = review_screen(app)
        assert some.id not in [r.id for r in screen.claim_list.rows]
        await press(pilot, "t")  # any status
        assert screen.filter.statuses == ()
        assert "status any" in screen_text(app)
        await press(pilot, "t")  # verified
        assert screen.filter.statuses == (Status.VERIFIED,)
        assert [r.id for r in screen.claim_list.rows] == [
            r.id
            for r in list_claims(
                review_store,
                ClaimFilter(statuses=(Status.VERIFIED,), cue_classes=(CueClass.SPEECH,)),
            )
        ]
        await press(pilot, "c")  # any cue
        assert screen.filter.cue_classes == ()
        assert "cues any" in screen_text(app)
        assert some.id in [r.id for r in screen.claim_list.rows]
        await press(pilot, "c")  # cognition
        assert screen.filter.cue_classes == (CueClass.COGNITION,)
        assert all(r.cue_class is CueClass.COGNITION for r in screen.claim_list.rows)
        await press(pilot, "x")
        assert screen.filter == DEFAULT_FILTER

    run(review_store, scenario)


def test_hedged_and_remark_toggles_combine(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        screen = review_screen(app)
        await press(pilot, "h")
        assert screen.filter.hedged
        assert all(r.hedges for r in screen.claim_list.rows)
        assert "hedged only" in screen_text(app)
        await press(pilot, "r")
        assert screen.filter.hedged and screen.filter.has_remark
        expected = list_claims(review_store, screen.filter)
        assert [r.id for r in screen.claim_list.rows] == [r.id for r in expected]
        assert "with a verification remark" in screen_text(app)
        await press(pilot, "h", "r")
        assert screen.filter == DEFAULT_FILTER

    run(review_store, scenario)


def test_search_matches_content_and_source_and_combines(review_store: Store) -> None:
    target = find_claim(review_store, "Malyar", "liberated")
    assert target is not None, "the seeds' Malyar claim is missing: see the parser"

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        screen = review_screen(app)
        await press(pilot, "slash")
        assert screen.focused is not None and screen.focused.id == "search"
        await type_text(pilot, "malyar liber")  # a word of the source, a prefix of the content
        await press(pilot, "enter")
        assert screen.filter.text == "malyar liber"
        assert target.id in [r.id for r in screen.claim_list.rows]
        assert all(
            "malyar" in (r.source_entity + r.content_text).lower() for r in screen.claim_list.rows
        )
        assert "search “malyar liber”" in screen_text(app)
        assert isinstance(screen.focused, ClaimList)
        await press(pilot, "t", "t")  # search and status combine: verified only
        assert screen.claim_list.rows == []
        assert "No claims match these filters" in screen_text(app)
        await press(pilot, "slash")
        await type_text(pilot, "zzz")
        await press(pilot, "escape")  # leaves the search box without applying it
        assert screen.filter.text == "malyar liber"

    run(review_store, scenario)


def test_filter_dialog_sets_every_filter(review_store: Store) -> None:
    target = find_claim(review_store, "Malyar", "liberated")
    assert target is not None

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        screen = review_screen(app)
        await press(pilot, "f")
        dialog = app.screen
        assert isinstance(dialog, FilterDialog)
        dialog.query_one("#filter-source").value = "malyar"  # type: ignore[attr-defined]
        dialog.query_one("#filter-article").value = str(target.article_id)  # type: ignore[attr-defined]
        dialog.query_one("#filter-status").value = ()  # type: ignore[attr-defined]
        dialog.query_one("#filter-source").focus()
        await press(pilot, "enter")
        assert isinstance(app.screen, ReviewScreen)
        f = screen.filter
        assert f.source == "malyar" and f.article_id == target.article_id and f.statuses == ()
        assert [r.id for r in screen.claim_list.rows] == [
            r.id for r in list_claims(review_store, f)
        ]
        assert target.id in [r.id for r in screen.claim_list.rows]
        text = screen_text(app)
        assert "source “malyar”" in text and f"article {target.article_id}" in text
        await press(pilot, "f", "escape")  # cancel changes nothing
        assert screen.filter == f

    run(review_store, scenario)


# -- decisions ----------------------------------------------------------------------------------


def test_verify_with_evidence_is_saved_and_logged(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        claim_id = current_id(app)
        await decide(
            pilot, "v", "matches the MoD statement", "https://example.org/mod https://x.org/2"
        )
        detail = claim_detail(review_store, claim_id)
        assert detail.claim.status is Status.VERIFIED and detail.claim.version == 2
        (entry,) = detail.history
        assert (entry.reviewer, entry.note, entry.evidence) == (
            "ann",
            "matches the MoD statement",
            ("https://example.org/mod", "https://x.org/2"),
        )
        screen = review_screen(app)
        assert screen.claim_list.current is not None
        assert screen.claim_list.current.status is Status.VERIFIED  # the row shows it at once
        assert "matches the MoD statement" in screen_text(app)  # history in the detail pane

    run(review_store, scenario)


def test_dispute_without_a_note_is_refused_and_asks_again(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        claim_id = current_id(app)
        await decide(pilot, "d")  # Enter with no note
        assert isinstance(app.screen, NoteDialog), "the dialog comes back"
        assert "needs a note" in screen_text(app)
        await type_text(pilot, "contradicted by the MoD")
        await press(pilot, "enter")
        assert isinstance(app.screen, ReviewScreen)
        detail = claim_detail(review_store, claim_id)
        assert detail.claim.status is Status.DISPUTED
        assert [e.note for e in detail.history] == ["contradicted by the MoD"]

    run(review_store, scenario)


def test_a_bad_evidence_url_is_refused_and_everything_typed_stays(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        claim_id = current_id(app)
        await decide(pilot, "v", "seen it", "javascript:alert(1)")
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        assert "http(s) URL" in screen_text(app)
        assert dialog.query_one("#note").value == "seen it"  # type: ignore[attr-defined]
        assert dialog.query_one("#evidence").value == "javascript:alert(1)"  # type: ignore[attr-defined]
        assert claim_detail(review_store, claim_id).history == ()

    run(review_store, scenario)


def test_unverifiable_then_reopen(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        claim_id = current_id(app)
        await decide(pilot, "u", "no second source")
        assert claim_detail(review_store, claim_id).claim.status is Status.UNVERIFIABLE
        await decide(pilot, "o", "new footage came out")
        detail = claim_detail(review_store, claim_id)
        assert detail.claim.status is Status.UNREVIEWED
        assert [(e.to_status, e.undoes) for e in detail.history] == [
            (Status.UNVERIFIABLE, None),
            (Status.UNREVIEWED, None),
        ]

    run(review_store, scenario)


def test_escape_cancels_and_keeps_what_was_typed(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        claim_id = current_id(app)
        await press(pilot, "d")
        await type_text(pilot, "half a thought")
        await press(pilot, "escape")
        assert isinstance(app.screen, ReviewScreen)
        assert claim_detail(review_store, claim_id).history == ()
        await press(pilot, "d")
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        assert dialog.query_one("#note").value == "half a thought"  # type: ignore[attr-defined]

    run(review_store, scenario)


def test_quitting_with_a_note_not_saved_asks_first(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        await press(pilot, "d")
        await type_text(pilot, "half a thought")
        await press(pilot, "escape", "q")
        assert isinstance(app.screen, QuitDialog)
        assert "not saved" in screen_text(app)
        await press(pilot, "n")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("q", "y")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running

    run(review_store, scenario)


def test_undo_writes_its_own_log_entry(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        claim_id = current_id(app)
        await decide(pilot, "v")
        await press(pilot, "j")  # undo follows the decision, not the cursor
        await press(pilot, "z")
        detail = claim_detail(review_store, claim_id)
        assert detail.claim.status is Status.UNREVIEWED and detail.claim.version == 3
        first, undo = detail.history
        assert undo.undoes == first.id and undo.to_status is Status.UNREVIEWED
        assert current_id(app) == claim_id  # the cursor goes back to the claim undone
        await press(pilot, "z")  # nothing left from this session: undoes the claim's last entry
        assert claim_detail(review_store, claim_id).claim.status is Status.VERIFIED

    run(review_store, scenario)


def test_keys_typed_faster_than_the_database_answers_keep_their_order(
    review_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = review.mark_claim

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)  # a slow database: the next keys arrive before the answer
        return real(*args, **kwargs)

    monkeypatch.setattr(review, "mark_claim", slow)

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        claim_id = current_id(app)
        # no waiting between keys: undo must still see the decision before it
        await pilot.press("u", *"nosource", "enter", "z", "d")
        await settle(pilot)
        assert isinstance(app.screen, NoteDialog), "the dispute dialog opens after the undo"
        await type_text(pilot, "wrong")
        await press(pilot, "enter")
        detail = claim_detail(review_store, claim_id)
        assert [e.to_status for e in detail.history] == [
            Status.UNVERIFIABLE,
            Status.UNREVIEWED,
            Status.DISPUTED,
        ]
        assert detail.history[1].undoes == detail.history[0].id

    run(review_store, scenario)


def test_next_and_previous_unreviewed(review_store: Store) -> None:
    rows = list_claims(review_store, ClaimFilter(cue_classes=(CueClass.SPEECH,)))
    if len(rows) < 3:
        pytest.skip("the parser found fewer than three speech claims in the seeds")
    review.mark_claim(review_store, rows[1].id, Status.VERIFIED, reviewer="bob", now=FROZEN)

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        await press(pilot, "t")  # any status: the verified claim is in the list
        assert current_id(app) == rows[0].id
        await press(pilot, "n")
        assert current_id(app) == rows[2].id  # skips the verified one
        await press(pilot, "p")
        assert current_id(app) == rows[0].id

    run(review_store, scenario)


def test_jump_to_claim_by_id_even_outside_the_filters(review_store: Store) -> None:
    rows = list_claims(review_store, ClaimFilter())
    target = rows[-1]
    review.mark_claim(review_store, target.id, Status.VERIFIED, reviewer="bob", now=FROZEN)

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        await go_to(pilot, target.id)
        assert current_id(app) == target.id
        assert review_screen(app).filter == ClaimFilter()  # widened to show it
        await go_to(pilot, 999_999)
        assert current_id(app) == target.id

    run(review_store, scenario)


# -- safety ---------------------------------------------------------------------------------------


def test_conflict_shows_who_and_asks_again_never_overwriting(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        claim_id = current_id(app)  # ann sees version 1 ...
        review.mark_claim(  # ... while bob decides first
            review_store, claim_id, Status.VERIFIED, reviewer="bob", expect_version=1, now=FROZEN
        )
        await decide(pilot, "d", "the figures are wrong")
        assert isinstance(app.screen, ConflictDialog)
        text = screen_text(app)
        assert "bob" in text and "verified" in text and "2024-12-23 09:30" in text
        await press(pilot, "n")  # keep theirs
        detail = claim_detail(review_store, claim_id)
        assert detail.claim.status is Status.VERIFIED
        assert [e.reviewer for e in detail.history] == ["bob"]
        await press(pilot, "d")  # the note typed before is still there
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        assert dialog.query_one("#note").value == "the figures are wrong"  # type: ignore[attr-defined]
        await press(pilot, "escape")

        review.mark_claim(review_store, claim_id, Status.UNREVIEWED, reviewer="bob", now=FROZEN)
        await decide(pilot, "d")  # stale again (version 2 seen, now 3): asked again
        assert isinstance(app.screen, ConflictDialog)
        await press(pilot, "y")  # save mine on top, knowingly
        detail = claim_detail(review_store, claim_id)
        assert detail.claim.status is Status.DISPUTED
        assert [e.reviewer for e in detail.history] == ["bob", "bob", "ann"]

    run(review_store, scenario)


def test_database_error_shows_a_message_and_keeps_the_note(
    review_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = review.mark_claim
    failures = []

    def locked(*args: object, **kwargs: object) -> object:
        failures.append(kwargs.get("note"))
        raise StoreError("database error: database is locked")

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        claim_id = current_id(app)
        monkeypatch.setattr(review, "mark_claim", locked)
        await decide(pilot, "d", "a long careful note")
        assert failures == ["a long careful note"]
        dialog = app.screen
        assert isinstance(dialog, NoteDialog), "the dialog comes back with the text"
        assert dialog.query_one("#note").value == "a long careful note"  # type: ignore[attr-defined]
        assert "database is locked" in screen_text(app)
        monkeypatch.setattr(review, "mark_claim", real)
        await press(pilot, "enter")  # try again once the database answers
        assert claim_detail(review_store, claim_id).claim.status is Status.DISPUTED

    run(review_store, scenario)


def test_a_slow_save_is_reported_while_it_waits(
    review_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = review.mark_claim

    def locked_for_a_while(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.5)  # SQLite waiting on another writer's lock
        return real(*args, **kwargs)

    monkeypatch.setattr(review, "mark_claim", locked_for_a_while)
    monkeypatch.setattr("tracker.tui.screens.review.SLOW_SAVE_SECONDS", 0.1)

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        claim_id = current_id(app)
        await decide(pilot, "v")
        messages = [str(n.message) for n in app._notifications]
        assert any("Still saving claim" in m for m in messages)
        assert claim_detail(review_store, claim_id).claim.status is Status.VERIFIED

    run(review_store, scenario)


def test_a_lost_database_on_reading_shows_a_message(
    review_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def lost(*args: object, **kwargs: object) -> object:
        raise OSError("connection to server lost")

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        monkeypatch.setattr(browse, "claim_page", lost)
        await press(pilot, "t")
        assert any("connection to server lost" in str(n.message) for n in app._notifications)
        assert isinstance(app.screen, ReviewScreen)

    run(review_store, scenario)


CRAFTED = (
    "Crafted article [bold]not bold[/bold]\n\n"
    "Ms Evil said [bold red]LOUD[/] and [link=https://evil.example]click me[/link] "
    "and \x1b[31mred\x1b[0m and \x1b]8;;https://evil.example\x07osc link\x1b]8;;\x07 "
    "and [reverse]x[/reverse].\n\n"
    "The Daily could not independently verify [italic]this[/italic].\n"
)


def style_at(strip: Strip, index: int) -> tuple[object, ...]:
    """How the character at ``index`` of ``strip`` looks (colours and attributes)."""
    pos = 0
    for segment in strip:
        if pos <= index < pos + len(segment.text):
            s = segment.style or Style()
            return (s.color, s.bgcolor, s.bold, s.italic, s.underline, s.reverse, s.link)
        pos += len(segment.text)
    return ()


def same_style(strips: list[Strip], markup: str, word: str) -> int:
    """Check that ``word`` right after ``markup`` looks like the markup itself: not styled by it.

    Returns how many times the pair was found on screen.
    """
    found = 0
    for strip in strips:
        text = strip.text
        start = text.find(markup + word)
        if start >= 0:
            found += 1
            assert style_at(strip, start) == style_at(strip, start + len(markup)), (
                f"{word!r} took a style from {markup!r}"
            )
    return found


def test_markup_and_escape_sequences_in_articles_show_literally(tmp_path: Path) -> None:
    from tracker.ops.database import open_database
    from tracker.ops.ingest import IngestOptions, ingest

    article = tmp_path / "crafted.txt"
    article.write_text(CRAFTED, encoding="utf-8")
    store = open_database(str(tmp_path / "crafted.db"))
    ingest(store, [str(article)], IngestOptions(workers=1))
    claim = find_claim(store, "Evil", "LOUD")
    assert claim is not None, "the parser found no claim in the crafted article"

    def check(app: ReviewApp) -> tuple[str, list[Strip]]:
        strips = app.screen._compositor.render_strips()
        text = "\n".join(s.text for s in strips)
        assert "\x1b" not in text and "\x07" not in text, "an escape sequence reached the terminal"
        for strip in strips:
            for segment in strip:
                assert segment.style is None or not segment.style.link, f"a link: {segment!r}"
        lines = text.splitlines()
        assert len(lines) == 40 and all(len(line) == 120 for line in lines), "the screen broke"
        assert "q Quit" in lines[-1], "the footer moved"
        return text, strips

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        await press(pilot, "t", "c")  # any status, any cue: the claim is listed whatever it is
        await go_to(pilot, claim.id)
        text, strips = check(app)
        assert same_style(strips, "[bold red]", "LOUD") >= 2  # the list row and the detail pane
        assert "[link=https://evil" in text
        assert "␛[31mred␛[0m" in text
        # the command palette reads help texts as markup: a source name must stay text
        screen = review_screen(app)
        row = screen.claim_list.current
        assert row is not None
        crafted = "[link=https://evil.example]Evil[/link] \x1b[31mCorp"
        screen.claim_list.update_row(replace(row, source_entity=crafted))
        (help_text,) = [c.help for c in screen.filter_commands() if "source" in c.title]
        shown = Content.from_markup(help_text)
        assert "[link=https://evil.example]Evil[/link] ␛[31mCorp" in shown.plain
        await press(pilot, "a")  # the article view shows the whole text the same way
        text, strips = check(app)
        assert same_style(strips, "[bold]", "not bold") >= 1
        assert same_style(strips, "[italic]", "this") >= 1
        assert "[link=https://evil.example]click me[/link]" in text
        assert "[reverse]x[/reverse]" in text
        assert "␛]8;;https://evil.example␇osc link" in text

    run(store, scenario)
    store.close()


# -- views, help, palette --------------------------------------------------------------------------


def test_article_view_walks_claims_and_opens_one_in_the_list(review_store: Store) -> None:
    by_article: dict[int, list[int]] = {}
    for row in list_claims(review_store, ClaimFilter()):
        by_article.setdefault(row.article_id, []).append(row.id)
    article_id, ids = max(by_article.items(), key=lambda kv: len(kv[1]))
    if len(ids) < 2:
        pytest.skip("no seed article has two claims with this parser")

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        await press(pilot, "t", "c")  # every claim
        await go_to(pilot, ids[0])
        await press(pilot, "a")
        assert type(app.screen).__name__ == "ArticleScreen"
        assert f"Claim 1 of {len(ids)}" in screen_text(app)
        await press(pilot, "n")
        assert f"Claim 2 of {len(ids)}" in screen_text(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, ReviewScreen)
        assert current_id(app) == ids[1]

    run(review_store, scenario)


def test_summary_counts_and_filters_by_a_source(review_store: Store) -> None:
    rows = list_claims(review_store, DEFAULT_FILTER)
    review.mark_claim(
        review_store, rows[0].id, Status.DISPUTED, reviewer="bob", note="no", now=FROZEN
    )
    summary = browse.review_summary(review_store, ClaimFilter(cue_classes=(CueClass.SPEECH,)))

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        await press(pilot, "s")
        assert type(app.screen).__name__ == "SummaryScreen"
        text = screen_text(app)
        assert "disputed" in text and "Sources with the most claims" in text
        assert summary.sources[0].name[:20] in text
        await press(pilot, "enter")
        screen = review_screen(app)
        top = summary.sources[0]
        assert screen.filter.source == top.name and screen.filter.source_id == top.source_id
        shown = list_claims(review_store, screen.filter)
        assert shown and {r.source_id for r in shown} == {top.source_id}  # exactly that source

    run(review_store, scenario)


def test_every_action_is_in_the_footer_the_help_and_the_palette(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        screen = review_screen(app)
        declared = [b for b in ReviewScreen.BINDINGS if b.show]  # type: ignore[union-attr]
        footer = {(k.key, k.description) for k in app.screen.query("FooterKey")}  # type: ignore[attr-defined]
        for b in declared:
            assert (b.key, b.description) in footer, f"{b.key} is not in the footer"
        titles = [c.title for c in app.get_system_commands(screen)]
        for b in declared:
            assert b.description in titles, f"{b.description} is not in the palette"
        assert "Filter status: verified" in titles and "Filter cues: cognition" in titles
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for b in declared:
            assert b.description in text, f"{b.description} is not in the help"
        assert "Page down" in text  # the list's own keys too
        await press(pilot, "escape")
        assert isinstance(app.screen, ReviewScreen)

    run(review_store, scenario)


def test_the_palette_runs_filters_and_actions(review_store: Store) -> None:
    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        screen = review_screen(app)
        await press(pilot, "ctrl+p")
        await type_text(pilot, "Filter status: verified")
        await press(pilot, "enter")
        assert screen.filter.statuses == (Status.VERIFIED,)
        await press(pilot, "ctrl+p")
        await type_text(pilot, "Summary")
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "SummaryScreen"

    run(review_store, scenario)


def test_filter_bar_names_every_active_filter() -> None:
    bar = FilterBar()
    bar.filter = ClaimFilter(
        statuses=(Status.DISPUTED,),
        source="Malyar",
        article_id=3,
        hedged=True,
        has_remark=True,
        text="liberated",
    )
    from tracker.tui.widgets.filter_bar import filter_words

    names = [name for name, _ in filter_words(bar.filter)]
    assert names == [
        "status",
        "cues",
        "source",
        "article",
        "hedged only",
        "with a verification remark",
        "search",
    ]


def test_orphaned_claims_stay_visible_after_a_reparse(review_store: Store) -> None:
    """A reviewed claim the parser no longer finds is listed under 'orphaned' and says so."""
    from tests.support import lexicon_without
    from tracker.ops.reparse import reparse

    said = next(
        r for r in list_claims(review_store, ClaimFilter()) if r.cue and r.cue.text == "said"
    )
    review.mark_claim(review_store, said.id, Status.DISPUTED, reviewer="bob", note="no", now=FROZEN)
    without_said = lexicon_without("said")
    list(reparse(review_store, article_id=said.article_id, lexicon=without_said))
    assert claim_detail(review_store, said.id).claim.orphaned

    async def scenario(pilot: Pilot[object], app: ReviewApp) -> None:
        screen = review_screen(app)
        screen.set_filter(ClaimFilter(statuses=(Status.ORPHANED,)))
        await settle(pilot)
        assert [r.id for r in screen.claim_list.rows] == [said.id]
        text = screen_text(app)
        assert "disputed †" in text and "orphaned: the parser no longer finds it" in text

    run(review_store, scenario)
