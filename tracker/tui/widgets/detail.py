"""The detail pane: one claim in its context, with its remarks and its history.

Owns how a ``ClaimDetail`` is drawn: the claim's sentence with the sentences
around it, source, cue and content in three distinct styles; the resolved
source entity with its other claims; hedges; the verification remarks that
point at the claim; its review history. Renders only; reads nothing.
"""

from __future__ import annotations

import datetime as dt

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from tracker.model import (
    UNSPECIFIED_SOURCE,
    ClaimDetail,
    ReviewEntry,
    SentenceLabel,
    Stance,
    Status,
)
from tracker.tui.widgets.highlight import article_name, claim_marks, line, marked, plain

STANCE_SIGNS = {
    Stance.UNVERIFIED: "?",
    Stance.CAUTION: "!",
    Stance.DISPUTED: "✗",
    Stance.SUPPORTED: "✓",
}


def timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


class ClaimDetailView(Horizontal):
    """One ``ClaimDetail``: the claim in context on the left, remarks and history on the right."""

    COMPONENT_CLASSES = {
        "claim-detail--heading",
        "claim-detail--label",
        "claim-detail--dim",
        "claim-detail--source",
        "claim-detail--cue",
        "claim-detail--content",
        "claim-detail--remark",
        "claim-detail--verified",
        "claim-detail--disputed",
        "claim-detail--unverifiable",
        "claim-detail--unreviewed",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.detail: ClaimDetail | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-main"):
            yield Static(Text("No claim selected.", style="italic"), id="detail-body")
        with VerticalScroll(id="detail-side"):
            yield Static(Text("", end=""), id="detail-log")

    def style_of(self, name: str) -> Style:
        return self.get_component_rich_style(f"claim-detail--{name}", partial=True)

    def show(self, detail: ClaimDetail | None, empty: str = "No claim selected.") -> None:
        self.detail = detail
        body = self.query_one("#detail-body", Static)
        log = self.query_one("#detail-log", Static)
        if detail is None:
            self.border_title = "Claim"
            body.update(Text(empty, style="italic"))
            log.update(Text("", end=""))
            return
        c = detail.claim
        self.border_title = f"Claim {c.id}"
        body.update(self.render_detail(detail))
        log.update(self.render_side(detail))
        for pane in self.query(VerticalScroll):
            pane.scroll_home(animate=False)

    def status_style(self, status: Status) -> Style:
        return self.style_of(status.value if status is not Status.ORPHANED else "dim")

    def render_detail(self, detail: ClaimDetail) -> Text:
        c = detail.claim
        label, dim, heading = self.style_of("label"), self.style_of("dim"), self.style_of("heading")
        out = Text(end="")
        out.append(c.status.value.upper(), self.status_style(c.status) + Style(bold=True))
        if c.orphaned:
            out.append(" (orphaned: the parser no longer finds it)", dim)
        out.append(f"  version {c.version} · {c.cue_class.value} · {c.mode.value}", dim)
        out.append("\n")

        out.append("Source   ", label)
        out.append_text(line(c.source_entity, self.style_of("source")))
        others = detail.source_claims - 1
        out.append(f"  {c.source_type.value} · ", dim)
        out.append(
            f"{others:,} other claim{'s' if others != 1 else ''}" if others else "no other claims",
            dim,
        )
        aliases = [a for a in detail.source_aliases if a != c.source_entity]
        if aliases:
            out.append(" · also written ", dim)
            out.append_text(line(", ".join(aliases[:6]), limit=120))
        out.append("\n")
        out.append("Cue      ", label)
        out.append_text(line(c.cue.text, self.style_of("cue")) if c.cue else Text("—"))
        out.append("   Hedges ", label)
        out.append_text(line(", ".join(c.hedges)) if c.hedges else Text("none", style=dim))
        if c.speech_date or c.speech_date_text:
            out.append("   Said ", label)
            out.append_text(line(c.speech_date_text or "", limit=60))
            if c.speech_date:
                out.append(f" ({c.speech_date.isoformat()})", dim)
        out.append("\n")
        a = detail.article
        out.append("Article  ", label)
        out.append(f"{a.id} ", dim)
        out.append_text(line(article_name(a), limit=90))
        if a.published:
            out.append(f" · {a.published.isoformat()}", dim)
        out.append("\n\n")

        out.append("In context", heading)
        out.append("   ")
        out.append("source", self.style_of("source"))
        out.append(" · ", dim)
        out.append("cue", self.style_of("cue"))
        out.append(" · ", dim)
        out.append("content", self.style_of("content"))
        out.append("\n")
        marks = claim_marks(
            c, self.style_of("source"), self.style_of("cue"), self.style_of("content")
        )
        for sentence in detail.context:
            own = sentence.span.start == detail.sentence.start
            faded = sentence.label is SentenceLabel.BOILERPLATE
            out.append("▶ " if own else "  ", heading if own else dim)
            if own:
                out.append_text(marked(sentence.span.text, marks, base=sentence.span.start))
            else:
                out.append_text(
                    marked(sentence.span.text, marks, base=sentence.span.start, style=dim)
                    if not faded
                    else plain(sentence.span.text, dim)
                )
            out.append("\n")
        if not detail.context:
            out.append("  ")
            out.append_text(marked(detail.sentence.text, marks, base=detail.sentence.start))
        out.rstrip()
        return out

    def render_side(self, detail: ClaimDetail) -> Text:
        dim, heading = self.style_of("dim"), self.style_of("heading")
        out = Text(end="")
        out.append("Verification remarks in the text", heading)
        out.append("\n")
        if not detail.remarks:
            out.append("none point at this claim\n", dim)
        for remark in detail.remarks:
            sign = STANCE_SIGNS.get(remark.stance, "?")
            out.append(f"{sign} {remark.stance.value}", self.style_of("remark"))
            if remark.by and remark.by != UNSPECIFIED_SOURCE:
                out.append(" by ", dim)
                out.append_text(line(remark.by, limit=60))
            out.append(": ", dim)
            out.append_text(line(remark.sentence.text))
            out.append("\n")

        out.append("\nHistory", heading)
        out.append("\n")
        if not detail.history:
            out.append("no decisions yet\n", dim)
        for entry in detail.history:
            out.append_text(self.render_entry(entry))
            out.append("\n")
        out.rstrip()
        return out

    def render_entry(self, entry: ReviewEntry) -> Text:
        dim = self.style_of("dim")
        out = Text(end="")
        out.append(f"#{entry.id} {timestamp(entry.created_at)} ", dim)
        out.append_text(line(entry.reviewer, limit=40, style=Style(bold=True)))
        out.append("\n  ")
        out.append(entry.from_status.value, self.status_style(entry.from_status))
        out.append(" → ", dim)
        out.append(entry.to_status.value, self.status_style(entry.to_status) + Style(bold=True))
        if entry.undoes is not None:
            out.append(f" (undo of #{entry.undoes})", dim)
        if entry.note:
            out.append("\n  “", dim)
            out.append_text(line(entry.note, limit=300))
            out.append("”", dim)
        for url in entry.evidence:
            out.append("\n  ")
            out.append_text(line(url, Style(underline=True), limit=200))
        return out
