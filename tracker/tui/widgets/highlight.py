"""Untrusted article text as ``rich.text.Text``: made visible, never interpreted.

Owns the one way article text reaches the screen. Text is never parsed as
markup (it is appended to ``Text`` objects as plain strings), and control
characters, escape sequences included, are replaced by visible signs
(``tracker.export.terminal.visible``) so they can neither style, link nor
move the cursor. Spans are applied on the raw text before it is made
visible, so offsets stay exact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePath

from rich.style import Style
from rich.text import Text

from tracker.export.terminal import visible
from tracker.model import ArticleRow, ClaimRow, Span

#: A piece of text to style: (start, end, style), offsets into the raw text.
Mark = tuple[int, int, Style]


def one_line(text: str, limit: int = 0) -> str:
    """``text`` folded onto one line (whitespace runs become one space), made visible."""
    flat = visible(" ".join(text.split()))
    if limit and len(flat) > limit:
        return flat[: limit - 1] + "…"
    return flat


def plain(text: str, style: Style | str = "") -> Text:
    """Untrusted text as a ``Text``, with control characters made visible."""
    return Text(visible(text), style=style, end="")


def line(text: str, style: Style | str = "", limit: int = 0) -> Text:
    """Untrusted text on one line, as a ``Text``."""
    return Text(one_line(text, limit), style=style, end="")


def marked(raw: str, marks: Iterable[Mark], base: int = 0, style: Style | str = "") -> Text:
    """``raw`` with each mark's style over its span; ``base`` is raw's offset in the article.

    Later marks win where marks overlap. Every piece is made visible separately.
    """
    cuts = {0, len(raw)}
    local: list[tuple[int, int, Style]] = []
    for start, end, mark_style in marks:
        a, b = max(0, start - base), min(len(raw), end - base)
        if a < b:
            local.append((a, b, mark_style))
            cuts.update((a, b))
    out = Text(style=style, end="")
    bounds = sorted(cuts)
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece_style: Style | str = ""
        for start, end, mark_style in local:
            if start <= a and b <= end:
                piece_style = mark_style
        out.append(visible(raw[a:b]), piece_style)
    return out


def claim_marks(claim: ClaimRow, source: Style, cue: Style, content: Style) -> list[Mark]:
    """The source, cue and content spans of ``claim`` in three styles (source wins)."""
    marks: list[Mark] = [(s.start, s.end, content) for s in claim.content]
    if claim.cue is not None:
        marks.append((claim.cue.start, claim.cue.end, cue))
    if claim.source is not None:
        marks.append((claim.source.start, claim.source.end, source))
    return marks


def span_marks(spans: Sequence[Span], style: Style) -> list[Mark]:
    return [(s.start, s.end, style) for s in spans]


def article_name(article: ArticleRow) -> str:
    """How an article is named on screen: its title, else its file's name, else its id."""
    if article.title:
        return article.title
    if article.path and article.path != "-":
        return PurePath(article.path).name
    return f"article {article.id}"
