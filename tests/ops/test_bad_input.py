"""A corpus of nasty files: each is stored correctly or refused in one line; the batch goes on.

The files are generated here (cleaner than binary fixtures in git). Every
case either decodes (and the outcome names the encoding) or fails with a
reason naming what is wrong; the good files of the same batch are stored
whole, and a refused file leaves nothing behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tracker.cli import main
from tracker.model import IngestOutcome
from tracker.ops import inputs
from tracker.ops.ingest import IngestOptions, ingest
from tracker.parse import parse_article
from tracker.store.models import Article, Claim, Sentence

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")
ARTICLE = (
    "The minister said that the bridge would reopen in May.\n"
    "“We are confident,” the spokesperson added.\n"
    "Officials said the repairs had cost £2m.\n"
)

# name -> bytes; expected: ("ingested", encoding) or ("failed", part of the reason)
CASES: dict[str, tuple[bytes, tuple[str, str]]] = {
    "empty.txt": (b"", ("failed", "empty file")),
    "blank.txt": (b"  \n\t\r\n   ", ("failed", "only whitespace")),
    "picture.txt": (PNG, ("failed", "binary data")),
    "nul.txt": (ARTICLE.encode()[:40] + b"\x00\x00" + ARTICLE.encode()[40:], ("failed", "NUL")),
    "page.txt": (
        b"<!DOCTYPE html>\n<html><head><title>x</title></head><body><p>The minister said it."
        b"</p></body></html>",
        ("failed", "HTML page"),
    ),
    "latin1.txt": ("Café owners said prices had risen.\n".encode("cp1252"), ("ingested", "cp1252")),
    "utf16.txt": (ARTICLE.replace("May", "June").encode("utf-16"), ("ingested", "utf-16")),
    "bom8.txt": (b"\xef\xbb\xbf" + ARTICLE.replace("May", "July").encode(), ("ingested", "utf-8-sig")),
    "crlf.txt": (ARTICLE.replace("May", "March").replace("\n", "\r\n").encode(), ("ingested", "utf-8")),
    "lone-cr.txt": (ARTICLE.replace("May", "April").replace("\n", "\r").encode(), ("ingested", "utf-8")),
    "markup.txt": (
        (
            "The council said: “[bold red]Vote now[/] [link=https://evil.example]here[/link] "
            "\x1b[2J\x1b[31mred\x1b[0m”.\nA spokesman said [i]nothing[/i] was wrong.\n"
        ).encode(),
        ("ingested", "utf-8"),
    ),
    "quotes.txt": (
        (
            "He said: “This never closes.\nShe said ‘nested “inner” quote’ and \"straight ‘mixed”.\n"
            "”Closing first,“ they said. \"\"\" ” “ ‘ ’\n"
        ).encode(),
        ("ingested", "utf-8"),
    ),
}


def write_cases(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (data, _) in CASES.items():
        (folder / name).write_bytes(data)


def test_each_nasty_file_is_stored_or_refused_in_one_line(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    write_cases(corpus)
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    summary = ingest(store, [str(corpus)])
    got = {Path(o.name).name: o for o in summary.outcomes}
    assert set(got) == set(CASES) | {"good.txt"}
    for name, (_, (state, detail)) in CASES.items():
        outcome = got[name]
        assert outcome.state == state, (name, outcome)
        if state == "failed":
            assert outcome.reason and detail in outcome.reason and "\n" not in outcome.reason
        else:
            assert outcome.encoding == detail, (name, outcome.encoding)
    assert got["good.txt"].state == "ingested"
    ingested = [o for o in summary.outcomes if o.state == "ingested"]
    assert_whole(store, ingested)


def assert_whole(store, outcomes: list[IngestOutcome]) -> None:  # type: ignore[no-untyped-def]
    """Every stored article has exactly the sentences and claims its text parses to."""
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Article)) == len(outcomes)
        for o in outcomes:
            article = s.get(Article, o.article_id)
            parsed = parse_article(article.text, article.published)
            n_sent = s.scalar(select(func.count()).where(Sentence.article_id == article.id))
            n_claims = s.scalar(select(func.count()).where(Claim.article_id == article.id))
            assert (n_sent, n_claims) == (len(parsed.sentences), len(parsed.claims)), o.name


def test_text_is_kept_exactly_as_read(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_cases(tmp_path)
    ingest(store, [str(tmp_path / n) for n in ("crlf.txt", "lone-cr.txt", "markup.txt", "latin1.txt")])
    with store.read() as s:
        texts = set(s.scalars(select(Article.text)))
    assert CASES["crlf.txt"][0].decode() in texts
    assert CASES["lone-cr.txt"][0].decode() in texts
    assert CASES["markup.txt"][0].decode() in texts  # markup and escapes stored as data
    assert "Café owners said prices had risen.\n" in texts


def test_markup_and_escapes_stay_data_in_claims_and_cli(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    write_cases(tmp_path)
    db = str(tmp_path / "t.db")
    assert main(["ingest", "--db", db, str(tmp_path / "markup.txt")]) == 0
    capsys.readouterr()
    assert main(["claims", "--db", db, "--limit", "0"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out  # escape sequences are shown (as ␛), never sent to the terminal
    assert "[i]nothing" in out or "[bold red]" in out  # markup shown literally, not applied


def test_lines_without_punctuation_and_huge_lines_parse(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    words = ("word", "another", "said", "officials", "according", "to", "the", "minister")
    line = " ".join(words[i % len(words)] for i in range(5 * 1024 * 1024 // 7))
    (tmp_path / "one-line.txt").write_text(line[: 5 * 1024 * 1024], encoding="utf-8")
    summary = ingest(store, [str(tmp_path / "one-line.txt")])
    assert summary.count("ingested") == 1
    assert_whole(store, list(summary.outcomes))


def test_size_limit_is_explicit_and_can_be_raised(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        paragraph = (ARTICLE * 40).encode()
        for _ in range(50 * 1024 * 1024 // len(paragraph) + 1):
            f.write(paragraph)
    small = tmp_path / "small.txt"
    small.write_text(ARTICLE * 40, encoding="utf-8")
    summary = ingest(store, [str(big), str(small)])
    reasons = {Path(o.name).name: o.reason for o in summary.failed}
    assert reasons == {"big.txt": "larger than the 20 MB article limit (raise it with --max-bytes)"}
    assert summary.count("ingested") == 1
    size = small.stat().st_size
    refused = ingest(store, [str(small)], IngestOptions(max_bytes=size - 1))
    assert refused.failed and "limit" in (refused.failed[0].reason or "")
    small.write_text(ARTICLE * 41, encoding="utf-8")
    accepted = ingest(store, [str(small)], IngestOptions(max_bytes=size * 2))
    assert accepted.count("ingested") == 1


def test_fifo_symlink_loop_and_missing_paths(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "tree"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "good.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(folder, folder / "sub" / "loop")  # a folder link back up: a loop
    os.symlink("b.txt", folder / "a.txt")  # a file link loop: a -> b -> a
    os.symlink("a.txt", folder / "b.txt")
    os.mkfifo(folder / "pipe.txt")
    summary = ingest(store, [str(folder), str(tmp_path / "nope.txt")])
    got = {Path(o.name).name: (o.state, o.reason) for o in summary.outcomes}
    assert got["good.txt"][0] == "ingested"
    assert got["pipe.txt"] == ("failed", "not a regular file (pipe, socket or device)")
    assert got["a.txt"] == ("failed", "symlink loop") and got["b.txt"] == ("failed", "symlink loop")
    assert got["nope.txt"] == ("failed", "no such file or folder")


def test_file_vanishing_between_listing_and_reading(store, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(ARTICLE.replace("May", name), encoding="utf-8")
    real_find = inputs.find_inputs

    def find_then_delete(paths: list[str]):  # type: ignore[no-untyped-def]
        found = real_find(paths)
        (tmp_path / "b.txt").unlink()
        return found

    monkeypatch.setattr("tracker.ops.ingest.find_inputs", find_then_delete)
    summary = ingest(store, [str(tmp_path)])
    got = {Path(o.name).name: (o.state, o.reason) for o in summary.outcomes}
    assert got["b.txt"] == ("failed", "file vanished before it could be read")
    assert got["a.txt"][0] == got["c.txt"][0] == "ingested"


def _without_root_read_bypass() -> list[str] | None:
    """A command prefix under which file permissions apply, or None when there is none.

    Root reads any file; dropping CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the
    bounding set (setpriv) makes a root child obey permissions like anyone else.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--"]


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="needs POSIX permissions")
def test_unreadable_file_fails_alone(tmp_path: Path) -> None:
    prefix = _without_root_read_bypass()
    if prefix is None:
        pytest.skip("running as root without setpriv: no way to make a file unreadable")
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    secret = folder / "secret.txt"
    secret.write_text(ARTICLE.replace("May", "secret"), encoding="utf-8")
    secret.chmod(0)
    cmd = [*prefix, sys.executable, "-m", "tracker", "ingest", str(folder),
           "--db", str(tmp_path / "t.db")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines() == [f"failed: {secret}: permission denied"]
    assert "1 ingested, 0 unchanged, 1 failed" in done.stdout


def test_cli_exit_code_and_one_line_per_failure(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    write_cases(corpus)
    code = main(["ingest", "--db", str(tmp_path / "t.db"), str(corpus)])
    captured = capsys.readouterr()
    assert code == 1
    failures = [line for line in captured.err.splitlines() if line.startswith("failed: ")]
    expected = sorted(n for n, (_, (state, _)) in CASES.items() if state == "failed")
    assert sorted(Path(line.split(": ")[1]).name for line in failures) == expected
    decoded = [line for line in captured.err.splitlines() if line.startswith("note: ")]
    assert any("decoded as cp1252" in line for line in decoded)
    n_ok = sum(1 for _, (_, (state, _)) in CASES.items() if state == "ingested")
    assert f"{n_ok} ingested, 0 unchanged, {len(expected)} failed" in captured.out


@pytest.mark.parametrize(
    ("content", "expected", "limit", "read"),
    [
        (b"abcdef", 6, 10, b"abcdef"),  # as its size said
        (b"abcdefgh", 3, 10, b"abcdefgh"),  # grew after its size was read: all of it
        (b"abcdefghijkl", 3, 10, None),  # grew past the limit
        (b"abcdef", 40, 10, b"abcdef"),  # shrank; size above the limit
        (b"abcdefghijkl", 40, 10, None),
    ],
)
def test_a_file_is_read_whole_or_refused_whatever_its_size_said(
    content: bytes, expected: int, limit: int, read: bytes | None
) -> None:
    import io

    from tracker.errors import InputError
    from tracker.ops.inputs import _read_limited

    if read is None:
        with pytest.raises(InputError):
            _read_limited(io.BytesIO(content), "a.txt", limit, expected)
    else:
        assert _read_limited(io.BytesIO(content), "a.txt", limit, expected) == read
