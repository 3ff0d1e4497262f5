"""Per-source bars: each source's verified / disputed / unverifiable / open share.

Owns how a ``SourceTally`` is drawn on one line, so an editor sees at a
glance where the disputed claims come from. Pure drawing.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from tracker.model import SourceTally
from tracker.tui.widgets.highlight import line

#: (name, glyph) of each share, in bar order.
SHARES = (("verified", "█"), ("disputed", "█"), ("unverifiable", "█"), ("open", "░"))


def bar(tally: SourceTally, width: int, styles: dict[str, Style]) -> Text:
    """A bar ``width`` cells wide split by share; cells are given out by cumulative rounding."""
    counts = [tally.verified, tally.disputed, tally.unverifiable, tally.open]
    total = max(1, sum(counts))
    out = Text(end="")
    done = 0
    running = 0
    for (name, glyph), n in zip(SHARES, counts, strict=True):
        running += n
        cells = round(running * width / total) - done
        if n and cells == 0 and done < width:
            cells = 1  # a share that exists is never invisible
        cells = min(cells, width - done)
        out.append(glyph * cells, styles.get(name, Style()))
        done += cells
    out.append(" " * (width - done))
    return out


def source_line(
    tally: SourceTally, name_width: int, bar_width: int, styles: dict[str, Style]
) -> Text:
    """Name, total, bar, then the four counts in bar order."""
    out = Text(end="", no_wrap=True, overflow="ellipsis")
    name = line(tally.name, limit=name_width)
    name.truncate(name_width, overflow="ellipsis", pad=True)
    out.append_text(name)
    out.append(f" {tally.total:>9,} ")
    out.append_text(bar(tally, bar_width, styles))
    counts = (tally.verified, tally.disputed, tally.unverifiable, tally.open)
    for (share, _), n in zip(SHARES, counts, strict=True):
        out.append(f" {n:>9,}", styles.get(share, Style()))
    return out


def legend(name_width: int, bar_width: int, styles: dict[str, Style]) -> Text:
    """The header line of ``source_line`` rows."""
    out = Text(end="", no_wrap=True)
    out.append("source".ljust(name_width), styles.get("dim", Style()))
    out.append(f" {'claims':>9} ", styles.get("dim", Style()))
    out.append("bar".ljust(bar_width), styles.get("dim", Style()))
    for share, _ in SHARES:
        label = "unverif." if share == "unverifiable" else share
        out.append(f" {label:>9}", styles.get(share, Style()))
    return out
