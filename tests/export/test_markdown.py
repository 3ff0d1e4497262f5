"""Markdown report: untrusted text renders as itself, never as a link, an image or HTML."""

from __future__ import annotations

import datetime as dt
import html
import io
import re

import pytest
from hypothesis import given
from markdown_it import MarkdownIt

from tests.export.rows import log_row, texts
from tracker.export.markdown import escape, link, write_markdown

# CommonMark, and the GitHub-like preset with linkify (which also links bare domains).
RENDERERS = (MarkdownIt("commonmark"), MarkdownIt("gfm-like"))
NASTY = [
    "[click](javascript:alert(1))",
    "![pixel](https://evil.example/t.png)",
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "<!-- hidden --> &lt;b&gt; &amp;",
    "see https://evil.example/x and www.evil.example and evil.com/x",
    "mail me: someone@evil.example",
    "[ref]: https://evil.example\n\n[ref]",
    "*bold* __strong__ `code` ~~gone~~ | a | b |",
    "# heading\n- item\n> quote\n```\nfence",
    "trailing backslash \\",
    "- item",
    "1. item",
    "=== --- ***",
]


def rendered_text(markup: str, renderer: MarkdownIt) -> str:
    """The text of ``markup`` rendered after a label, as the report places untrusted text."""
    out = renderer.render(f"Note: {markup} ◊")
    assert re.fullmatch(r"(?s)<p>Note: .* ◊</p>\n", out), out  # one paragraph, nothing else
    inner = out.removeprefix("<p>Note: ").removesuffix(" ◊</p>\n")
    assert "<" not in inner, out  # no tag inside: no link, image, emphasis, code or HTML
    return html.unescape(inner)


@pytest.mark.parametrize("text", NASTY)
@pytest.mark.parametrize("renderer", RENDERERS, ids=("commonmark", "gfm-linkify"))
def test_nasty_text_renders_as_itself(text: str, renderer: MarkdownIt) -> None:
    assert rendered_text(escape(text), renderer) == " ".join(text.split())


@given(texts)
def test_any_text_renders_as_itself(text: str) -> None:
    folded = " ".join(text.split())
    for renderer in RENDERERS:
        got = rendered_text(escape(text), renderer)
        # CommonMark turns NUL into U+FFFD
        assert got == folded.replace("\x00", "\ufffd"), (text, got)


def test_only_plain_http_evidence_becomes_a_link() -> None:
    assert link("https://example.org/a_b?c=1&d=(2)") == "<https://example.org/a_b?c=1&d=(2)>"
    assert "<" not in link("javascript:alert(1)").replace("&lt;", "")
    assert link("https://x.example/>inject") == "https\\://x\\.example/&gt;inject"


def report(*rows: object, totals: dict[int, int] | None = None) -> str:
    out = io.StringIO()
    write_markdown(
        rows,  # type: ignore[arg-type]
        out,
        totals=totals or {},
        generated_at=dt.datetime(2025, 1, 2, 3, 4, tzinfo=dt.UTC),
        scope="reviewer ann",
        org="The <Standard>",
    )
    return out.getvalue()


def test_report_groups_by_article_with_counts_and_claims() -> None:
    rows = (
        log_row(claim_id=1, to_status="verified"),
        log_row(claim_id=2, to_status="disputed", note="[x](https://evil.example)"),
        log_row(claim_id=3, to_status="unreviewed", evidence=()),
        log_row(claim_id=4, article_id=8, article_title=None, to_status="unverifiable"),
    )
    text = report(*rows, totals={3: 10, 8: 2})
    assert text.startswith(
        "# Verification log by The &lt;Standard&gt;\n\nExported 2025-01-02 03:04 UTC"
    )
    assert text.count("\n## ") == 2
    assert "## Kyiv region retaken\n" in text and "## seeds/002\\.txt\n" in text
    assert (
        "**3 of the article's 10 claims:** 1 verified · 1 disputed · 0 unverifiable · 1 reopened"
        in text
    )
    assert "### Claim 2: disputed" in text and "### Claim 3: reopened (unreviewed)" in text
    assert "- **Note:** \\[x\\](https\\://evil\\.example)" in text
    assert "- **Evidence:** <https://example.org/a>" in text
    assert "> “the area around the capital had been “liberated””" in text
    assert text.rstrip().endswith("4 claims in 2 articles.")
    for renderer in RENDERERS:
        assert 'href="https://evil.example' not in renderer.render(text)


def test_an_empty_report_says_so() -> None:
    assert "No reviewed claims match." in report()
