"""Stage ``dates`` (scaffold: assigns nothing yet; its issue implements it)."""

from __future__ import annotations

from ..article import ArticleState
from .base import Stage


class DatesStage(Stage):
    name = "dates"
    needs = ("doc",)
    assigns = ("dates",)

    def process(self, state: ArticleState) -> None:
        pass
