"""Stage ``actors`` (scaffold: assigns nothing yet; its issue implements it)."""

from __future__ import annotations

from ..article import ArticleState
from .base import Stage


class ActorsStage(Stage):
    name = "actors"
    needs = ("doc", "sentences",)
    assigns = ("actors", "mentions",)

    def process(self, state: ArticleState) -> None:
        pass
