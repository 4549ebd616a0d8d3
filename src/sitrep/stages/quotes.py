"""Stage ``quotes`` (scaffold: assigns nothing yet; its issue implements it)."""

from __future__ import annotations

from ..article import ArticleState
from .base import Stage


class QuotesStage(Stage):
    name = "quotes"
    needs = ("doc", "mentions",)
    assigns = ("quotes",)

    def process(self, state: ArticleState) -> None:
        pass
