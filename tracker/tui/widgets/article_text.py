"""A whole article with every claim highlighted and the boilerplate dimmed.

Owns the drawing of an ``ArticleView``: one block per paragraph, each claim's
source, cue and content in the same three styles as the detail pane, the
claim in focus emphasised, verification remarks marked, boilerplate faded.
Renders only; reads nothing.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tracker.model import ArticleView, ClaimRow, SentenceLabel
from tracker.tui.widgets.highlight import Mark, article_name, claim_marks, line, marked


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty line of ``text``."""
    out: list[tuple[int, int]] = []
    pos = 0
    for chunk in text.split("\n"):
        if chunk.strip():
            out.append((pos, pos + len(chunk)))
        pos += len(chunk) + 1
    return out


class ArticleText(VerticalScroll, can_focus=True):
    """The article, paragraph by paragraph; ``focus_claim`` moves the emphasis."""

    COMPONENT_CLASSES = {
        "article-text--source",
        "article-text--cue",
        "article-text--content",
        "article-text--current",
        "article-text--boilerplate",
        "article-text--remark",
        "article-text--heading",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: ArticleView | None = None
        self.current: int | None = None
        """Index into ``view.claims`` of the claim in focus."""
        self._blocks: list[tuple[int, int]] = []
        self.positioned = False
        """True once the claim in focus has been scrolled into view after ``show``."""

    def compose(self) -> ComposeResult:
        yield Static(Text("Loading the article…", style="italic"), id="article-loading")

    def style_of(self, name: str) -> Style:
        return self.get_component_rich_style(f"article-text--{name}", partial=True)

    async def show(self, view: ArticleView, claim_id: int | None) -> None:
        self.view = view
        self.positioned = False
        self._blocks = paragraphs(view.text)
        ids = [c.id for c in view.claims]
        self.current = ids.index(claim_id) if claim_id in ids else (0 if ids else None)
        await self.remove_children()
        await self.mount_all(
            Static(self.render_block(i), id=f"para-{i}", classes="article-paragraph")
            for i in range(len(self._blocks))
        )
        self.call_after_refresh(self.position)

    def position(self) -> None:
        """Scroll the claim in focus into view once the paragraphs have been laid out."""
        claim = self.claim
        if claim is None or not self._blocks:
            self.positioned = True
            return
        block = self.query_one(f"#para-{self.block_of(claim)}", Static)
        if block.region.height == 0 or self.virtual_size.height < len(self._blocks):
            self.call_after_refresh(self.position)  # not laid out yet: after the next refresh
            return
        self.scroll_to_current(settled=False)
        # That layout can still change (a scrollbar appearing re-wraps every paragraph):
        # scroll again once it has been redrawn, and only then call the claim positioned.
        self.call_after_refresh(self.scroll_to_current)

    @property
    def claim(self) -> ClaimRow | None:
        if self.view is None or self.current is None:
            return None
        return self.view.claims[self.current]

    def marks(self) -> list[Mark]:
        assert self.view is not None
        out: list[Mark] = []
        for s in self.view.sentences:
            if s.label is SentenceLabel.BOILERPLATE:
                out.append((s.span.start, s.span.end, self.style_of("boilerplate")))
            elif s.label is SentenceLabel.HEADING:
                out.append((s.span.start, s.span.end, self.style_of("heading")))
        for r in self.view.remarks:
            out.append((r.sentence.start, r.sentence.end, self.style_of("remark")))
        source, cue, content = (self.style_of(n) for n in ("source", "cue", "content"))
        current = self.style_of("current")
        for i, c in enumerate(self.view.claims):
            if i == self.current:
                out.extend(claim_marks(c, current + source, current + cue, current + content))
            else:
                out.extend(claim_marks(c, source, cue, content))
        return out

    def render_block(self, index: int) -> Text:
        assert self.view is not None
        start, end = self._blocks[index]
        return marked(self.view.text[start:end], self.marks(), base=start)

    def block_of(self, claim: ClaimRow) -> int:
        anchor = (claim.cue or claim.source or claim.content[0]).start
        for i, (start, end) in enumerate(self._blocks):
            if start <= anchor <= end:
                return i
        return 0

    def step(self, delta: int) -> ClaimRow | None:
        """Move the emphasis ``delta`` claims on; returns the claim now in focus."""
        if self.view is None or self.current is None or not self.view.claims:
            return None
        before = self.block_of(self.view.claims[self.current])
        self.current = (self.current + delta) % len(self.view.claims)
        after = self.block_of(self.view.claims[self.current])
        for i in {before, after}:
            self.query_one(f"#para-{i}", Static).update(self.render_block(i))
        self.scroll_to_current()
        return self.claim

    def scroll_to_current(self, settled: bool = True) -> None:
        claim = self.claim
        if claim is not None and self._blocks:
            block = self.query_one(f"#para-{self.block_of(claim)}", Static)
            self.scroll_to_widget(block, center=True, animate=False)
        self.positioned = self.positioned or settled


def article_heading(view: ArticleView) -> Text:
    a = view.article
    out = Text(end="")
    out.append_text(line(article_name(a), style="bold", limit=100))
    details = [f"article {a.id}"]
    if a.outlet:
        details.append(a.outlet)
    if a.published:
        details.append(a.published.isoformat())
    details.append(f"{len(view.claims)} claims")
    out.append("  ")
    out.append_text(line(" · ".join(details), style="dim", limit=100))
    return out
