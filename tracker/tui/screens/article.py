"""The article view: one article whole, to read claims in context and jump between them.

Owns its keys (next / previous claim, open a claim in the list, back). Reads
the article through ``tracker.ops.browse`` in a thread worker and answers
the claim to show in the list, or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from tracker.ops import browse
from tracker.tui.messages import ArticleLoaded, LoadFailed
from tracker.tui.screens.workers import post_read
from tracker.tui.widgets.article_text import ArticleText, article_heading
from tracker.tui.widgets.footer import KeyFooter
from tracker.tui.widgets.highlight import line

if TYPE_CHECKING:
    from tracker.ops.database import Store


class ArticleScreen(Screen[int | None]):
    """The whole article; ``n`` / ``p`` walk its claims, Enter opens one in the list."""

    BINDINGS = [
        Binding("n,right_square_bracket", "step(1)", "Next claim", id="tracker.move.next-claim"),
        Binding(
            "p,left_square_bracket", "step(-1)", "Prev claim", id="tracker.move.previous-claim"
        ),
        Binding("enter", "open", "Show in list", id="tracker.view.open-claim"),
        Binding("escape,a", "back", "Back", id="tracker.view.back"),
    ]

    def __init__(self, store: Store, article_id: int, claim_id: int | None) -> None:
        super().__init__()
        self.store = store
        self.article_id = article_id
        self.claim_id = claim_id

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Article {self.article_id}", style="bold"), id="article-title")
        yield Static(Text("", end=""), id="article-claim")
        yield ArticleText(id="article-text")
        yield KeyFooter(rows=1)

    def on_mount(self) -> None:
        self.query_one(ArticleText).focus()
        self.load_article(self.article_id)

    @work(thread=True, exclusive=True, group="article")
    def load_article(self, article_id: int) -> None:
        post_read(
            self,
            lambda: browse.article_view(self.store, article_id),
            ArticleLoaded,
            f"read article {article_id}",
        )

    async def on_article_loaded(self, message: ArticleLoaded) -> None:
        self.query_one("#article-title", Static).update(article_heading(message.view))
        await self.query_one(ArticleText).show(message.view, self.claim_id)
        self.show_claim()

    def on_load_failed(self, message: LoadFailed) -> None:
        self.notify(message.reason, severity="error", markup=False)

    def show_claim(self) -> None:
        text = self.query_one(ArticleText)
        claim = text.claim
        label = self.query_one("#article-claim", Static)
        if claim is None or text.view is None or text.current is None:
            label.update(Text("No claims found in this article.", style="italic"))
            return
        out = Text(f"Claim {text.current + 1} of {len(text.view.claims)} (id {claim.id}, ", end="")
        out.append(claim.status.value)
        out.append(") ")
        out.append_text(line(claim.source_entity, style="bold", limit=50))
        label.update(out)

    def action_step(self, delta: int) -> None:
        self.query_one(ArticleText).step(delta)
        self.show_claim()

    def action_open(self) -> None:
        claim = self.query_one(ArticleText).claim
        self.dismiss(claim.id if claim else None)

    def action_back(self) -> None:
        self.dismiss(None)
