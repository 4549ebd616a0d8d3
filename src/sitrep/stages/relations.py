"""Stage ``relations`` (scaffold: assigns nothing yet; its issue implements it)."""

from __future__ import annotations

from ..article import ArticleState
from .base import Stage


class RelationsStage(Stage):
    name = "relations"
    needs = ("doc", "mentions", "dates",)
    assigns = ("relations",)

    def process(self, state: ArticleState) -> None:
        pass
