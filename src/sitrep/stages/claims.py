"""Stage ``claims`` (scaffold: assigns nothing yet; its issue implements it)."""

from __future__ import annotations

from ..article import ArticleState
from .base import Stage


class ClaimsStage(Stage):
    name = "claims"
    needs = ("doc", "mentions", "place_mentions", "dates",)
    assigns = ("claims",)

    def process(self, state: ArticleState) -> None:
        pass
