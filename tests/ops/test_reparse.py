"""Re-parsing keeps every verdict: reviewed claims carry over or stay orphaned, never vanish."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.support import lexicon_without
from tracker.cli import main
from tracker.model import Claim, ClaimFilter, ClaimRow, CueClass, Mode, SourceType, Span, Status
from tracker.ops.claims import claim_detail, list_claims
from tracker.ops.ingest import ingest
from tracker.ops.reparse import match_claims, reparse
from tracker.ops.review import mark_claim
from tracker.parse import parse_article
from tracker.store.articles import StoredClaim, claim_fingerprint, source_key


def claims_with_cue(store, cue: str) -> list[ClaimRow]:  # type: ignore[no-untyped-def]
    return [c for c in list_claims(store, ClaimFilter()) if c.cue and c.cue.text == cue]


def test_reviewed_claims_carry_over_or_stay_orphaned(store, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    ingest(store, [str(seeds)])
    said = next(c for c in claims_with_cue(store, "said") if c.mode is Mode.INDIRECT)
    told = claims_with_cue(store, "told")[0]
    disputed = mark_claim(store, said.id, Status.DISPUTED, reviewer="ann", note="contradicted")
    verified = mark_claim(store, told.id, Status.VERIFIED, reviewer="bob")
    unreviewed_said = {c.id for c in claims_with_cue(store, "said")} - {said.id}
    assert unreviewed_said

    changed = lexicon_without("said")
    outcomes = list(reparse(store, lexicon=changed))
    assert sum(o.orphaned for o in outcomes) >= 1
    assert sum(o.carried for o in outcomes) >= 1

    kept_said = claim_detail(store, said.id)
    assert kept_said.claim.orphaned and kept_said.claim.status is Status.DISPUTED
    assert kept_said.claim.version == disputed.claim.version
    assert [e.id for e in kept_said.history] == [disputed.entry.id]
    kept_told = claim_detail(store, told.id)
    assert not kept_told.claim.orphaned and kept_told.claim.status is Status.VERIFIED
    assert [e.id for e in kept_told.history] == [verified.entry.id]

    orphans = list_claims(store, ClaimFilter(statuses=(Status.ORPHANED,)))
    assert said.id in {c.id for c in orphans} and told.id not in {c.id for c in orphans}
    remaining = {c.id for c in list_claims(store, ClaimFilter())}
    assert not (unreviewed_said & remaining), "unreviewed claims are replaced, not kept"

    # The article now holds exactly the new parse plus the orphan.
    text = (seeds / Path(claim_detail(store, said.id).article.path or "").name).read_text(
        encoding="utf-8"
    )
    new_parse = parse_article(text, lexicon=changed)
    in_article = list_claims(store, ClaimFilter(article_id=said.article_id))
    assert len(in_article) == len(new_parse.claims) + 1

    # Back to the default lexicon: the orphan is found again and keeps its verdict.
    list(reparse(store, article_id=said.article_id))
    revived = claim_detail(store, said.id)
    assert not revived.claim.orphaned and revived.claim.status is Status.DISPUTED


def test_orphans_are_listed_by_the_cli(tmp_path: Path, seeds: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "t.db")
    main(["ingest", "--db", db, str(seeds)])
    from tracker.ops.database import open_database

    store = open_database(db)
    said = next(c for c in claims_with_cue(store, "said") if c.mode is Mode.INDIRECT)
    mark_claim(store, said.id, Status.VERIFIED, reviewer="ann")
    store.close()
    monkeypatch.setattr("tracker.ops.reparse.DEFAULT_LEXICON", lexicon_without("said"))
    capsys.readouterr()
    assert main(["reparse", "--db", db]) == 0
    assert "orphaned" in capsys.readouterr().out
    assert main(["claims", "--db", db, "--status", "orphaned", "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and f'"id": {said.id},' in lines[0] and '"orphaned": true' in lines[0]


TEXT = "Ms Malyar said that the area around the capital had been liberated from the invaders today."


def new_claim(entity: str, start: int, end: int) -> Claim:
    return Claim(
        source=Span(0, 9, TEXT[0:9]),
        source_entity=entity,
        source_type=SourceType.PERSON,
        cue=Span(10, 14, "said"),
        cue_class=CueClass.SPEECH,
        content=(Span(start, end, TEXT[start:end]),),
        mode=Mode.INDIRECT,
    )


def stored_claim(
    cid: int, entity: str, spans: list[tuple[int, int]], reviewed: bool = True
) -> StoredClaim:
    content = " … ".join(TEXT[a:b] for a, b in spans)
    return StoredClaim(
        cid, source_key(entity), claim_fingerprint(entity, content), tuple(spans), reviewed
    )


@pytest.mark.parametrize(
    ("old_spans", "old_entity", "expected"),
    [
        pytest.param([(20, 67)], "Hanna Malyar", {0: 7}, id="identical"),
        pytest.param([(20, 90)], "Hanna Malyar", {0: 7}, id="content-grew-within-half"),
        pytest.param([(20, 67)], "Ministry of Defence", {}, id="other-source-same-words"),
        pytest.param([(60, 90)], "Hanna Malyar", {}, id="overlap-under-half"),
        pytest.param(
            [(20, 40), (41, 67)], "hanna  malyar", {0: 7}, id="split-spans-same-source-key"
        ),
    ],
)
def test_match_claims_rule(
    old_spans: list[tuple[int, int]], old_entity: str, expected: dict[int, int]
) -> None:
    stored = stored_claim(7, old_entity, old_spans)
    assert match_claims([stored], [new_claim("Hanna Malyar", 20, 67)]) == expected
    unreviewed = dataclasses.replace(stored, reviewed=False)
    assert match_claims([unreviewed], [new_claim("Hanna Malyar", 20, 67)]) == {}


def test_each_claim_is_matched_once_best_first() -> None:
    old = [stored_claim(1, "Hanna Malyar", [(20, 67)]), stored_claim(2, "Hanna Malyar", [(20, 80)])]
    new = [new_claim("Hanna Malyar", 20, 80), new_claim("Hanna Malyar", 20, 67)]
    assert match_claims(old, new) == {0: 2, 1: 1}
