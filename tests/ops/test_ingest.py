"""Ingest on SQLite and PostgreSQL: seeds, re-ingest, bad files in a batch, stdin, the pool."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tracker.model import ClaimFilter
from tracker.ops.claims import list_claims
from tracker.ops.ingest import MAX_CHUNK, MIN_CHUNK, IngestOptions, ingest, split_into_chunks
from tracker.parse import parse_article
from tracker.parse.linking import link_articles
from tracker.store.models import Article, Claim, Review, Sentence, Source, SourceAlias

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from figures import varied_articles  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def counts(store) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    with store.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(t))
            for t in (Article, Sentence, Claim, Source)
        )


def test_ingest_seeds_stores_what_the_parser_finds(store, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    summary = ingest(store, [str(seeds)])
    assert summary.count("ingested") == 5 and not summary.failed
    by_name = {Path(o.name).name: o for o in summary.outcomes}
    paths = sorted(seeds.glob("*.txt"))
    texts = [p.read_bytes().decode("utf-8") for p in paths]
    linked = link_articles([parse_article(t) for t in texts])  # one name per person, as ingest
    for path, text, parsed in zip(paths, texts, linked, strict=True):
        outcome = by_name[path.name]
        assert outcome.claims == len(parsed.claims)
        stored = list_claims(store, ClaimFilter(article_id=outcome.article_id))
        assert [(c.source_entity, c.cue, c.content, c.mode) for c in stored] == [
            (c.source_entity, c.cue, c.content, c.mode) for c in parsed.claims
        ]
        with store.read() as s:
            article = s.get(Article, outcome.article_id)
            assert article.text == text  # kept exactly as read
            n_sentences = s.scalar(
                select(func.count()).where(Sentence.article_id == outcome.article_id)
            )
        assert n_sentences == len(parsed.sentences)
    assert summary.claims_added == sum(o.claims for o in summary.outcomes)


def test_date_header_and_published_flag(store, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    header = seeds / "001_ec3a2409af0ad404.txt"
    ingest(store, [str(header)])
    with store.read() as s:
        assert s.scalar(select(Article.published)) == dt.date(2024, 12, 23)
    other = seeds / "002_f133d4348ed36dd0.txt"
    ingest(store, [str(other)], IngestOptions(published=dt.date(2022, 4, 3), outlet="The Standard"))
    with store.read() as s:
        row = s.execute(select(Article.published, Article.outlet).where(Article.id == 2)).one()
    assert row == (dt.date(2022, 4, 3), "The Standard")


def test_reingest_is_unchanged_and_writes_nothing(store, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    ingest(store, [str(seeds)])
    before = counts(store)
    again = ingest(store, [str(seeds)])
    assert again.count("unchanged") == 5 and again.count("ingested") == 0
    assert again.claims_added == 0
    assert counts(store) == before


def test_a_bad_file_fails_alone(store, seeds: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch = tmp_path / "batch"
    shutil.copytree(seeds, batch)
    (batch / "picture.txt").write_bytes(PNG)
    (batch / "empty.txt").write_bytes(b"")
    summary = ingest(store, [str(batch), str(tmp_path / "missing.txt")])
    failed = {Path(o.name).name: o.reason for o in summary.failed}
    assert set(failed) == {"picture.txt", "empty.txt", "missing.txt"}
    assert "binary" in failed["picture.txt"]
    assert "empty" in failed["empty.txt"]
    assert "no such file" in failed["missing.txt"]
    assert summary.count("ingested") == 5
    assert counts(store)[0] == 5


def test_same_text_twice_in_one_batch(store, seeds: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = seeds / "000_d8c8f5f6c63b1dd1.txt"
    (tmp_path / "a.txt").write_bytes(src.read_bytes())
    (tmp_path / "b.txt").write_bytes(src.read_bytes())
    summary = ingest(store, [str(tmp_path)])
    assert [o.state for o in summary.outcomes] == ["ingested", "unchanged"]
    assert counts(store)[0] == 1


def test_stdin(store, seeds: Path) -> None:  # type: ignore[no-untyped-def]
    data = (seeds / "002_f133d4348ed36dd0.txt").read_bytes()
    summary = ingest(store, ["-"], stdin=io.BytesIO(data))
    assert summary.count("ingested") == 1
    with store.read() as s:
        assert s.scalar(select(Article.path)) == "-"


def test_encodings_are_decoded_and_named(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = "The minister said: “Déjà vu.”\r\nOfficials said that it was fine.\n"
    (tmp_path / "bom8.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (tmp_path / "u16.txt").write_bytes(text.replace("fine", "good").encode("utf-16"))
    (tmp_path / "legacy.txt").write_bytes("Caf\xe9 owners said prices rose.".encode("cp1252"))
    summary = ingest(store, [str(tmp_path)])
    enc = {Path(o.name).name: o.encoding for o in summary.outcomes}
    assert enc == {"bom8.txt": "utf-8-sig", "legacy.txt": "cp1252", "u16.txt": "utf-16"}
    with store.read() as s:
        texts = set(s.scalars(select(Article.text)))
    assert text in texts and "Café owners said prices rose." in texts  # CRLF kept


def test_many_files_through_the_worker_pool(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for i, text in enumerate(varied_articles(40)):
        (tmp_path / f"{i:03d}.txt").write_text(text, encoding="utf-8", newline="")
    summary = ingest(store, [str(tmp_path)], IngestOptions(workers=2))
    assert summary.count("ingested") == 40
    expected = sum(
        len(parse_article(p.read_bytes().decode()).claims) for p in sorted(tmp_path.glob("*.txt"))
    )
    assert summary.claims_added == expected
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Claim)) == expected
        assert s.scalar(select(func.count()).select_from(Review)) == 0


@pytest.mark.parametrize("workers", [1, 2, 3, 8])
@pytest.mark.parametrize("files", [0, 1, 15, 16, 40, 257, 3000])
def test_chunks_hold_every_file_once_and_shrink_towards_the_end(files: int, workers: int) -> None:
    chunks = split_into_chunks(list(range(files)), workers)
    assert [f for chunk in chunks for f in chunk] == list(range(files))
    sizes = [len(chunk) for chunk in chunks]
    assert all(MIN_CHUNK <= n <= MAX_CHUNK for n in sizes[:-1])
    assert all(0 < n <= MAX_CHUNK for n in sizes[-1:])
    assert sizes == sorted(sizes, reverse=True)
    if workers == 1:  # nothing to balance: as few transactions as the memory bound allows
        assert len(chunks) == -(-files // MAX_CHUNK)
    elif files >= 2 * workers * MIN_CHUNK:  # the last chunks are small: workers end together
        assert sizes[-1] <= MIN_CHUNK
        assert len(chunks) >= 2 * workers


def sources_of(store) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    with store.read() as s:
        rows = s.execute(select(Source.name, SourceAlias.alias).join(SourceAlias))
        out: dict[str, set[str]] = {}
        for name, alias in rows:
            out.setdefault(name, set()).add(alias)
    return out


@pytest.mark.parametrize("damaged_first", [True, False], ids=["damaged-first", "full-first"])
def test_a_person_keeps_one_name_across_ingests(store, tmp_path: Path, damaged_first: bool) -> None:  # type: ignore[no-untyped-def]
    damaged = tmp_path / "a.txt"  # the scrape cut the first letter of the article
    damaged.write_text(
        "ina Kovalenko said the bridge would reopen.\nMs Kovalenko added that it was safe.\n",
        encoding="utf-8",
    )
    full = tmp_path / "b.txt"
    full.write_text("Nina Kovalenko told reporters that the dam was intact.\n", encoding="utf-8")
    order = [damaged, full] if damaged_first else [full, damaged]
    for path in order:
        assert ingest(store, [str(path)]).count("ingested") == 1
    people = [
        c.source_entity for c in list_claims(store, ClaimFilter()) if "Kovalenko" in c.source_entity
    ]
    assert people and set(people) == {"Nina Kovalenko"}
    if damaged_first:  # the stored damaged spelling was renamed and kept as an alias
        assert "ina Kovalenko" in sources_of(store)["Nina Kovalenko"]


def test_source_filter_by_id_is_exact_by_name_is_a_substring(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(
        "Officials said the road was closed.\nUkrainian officials said it had reopened.\n",
        encoding="utf-8",
    )
    ingest(store, [str(tmp_path)])
    rows = list_claims(store, ClaimFilter())
    by_name = {r.source_entity: r.source_id for r in rows}
    assert {"officials", "Ukrainian officials"} <= {n for n in by_name} | {
        n.lower() for n in by_name
    }
    broad = list_claims(store, ClaimFilter(source="officials"))
    assert len({r.source_id for r in broad}) == 2
    exact_id = next(i for n, i in by_name.items() if n.lower() == "officials")
    exact = list_claims(store, ClaimFilter(source="officials", source_id=exact_id))
    assert {r.source_id for r in exact} == {exact_id}
