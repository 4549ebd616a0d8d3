"""Stage ``contradictions`` (scaffold: assigns nothing yet; its issue implements it)."""

from __future__ import annotations

from ..article import ArticleState
from .base import Stage


class ContradictionsStage(Stage):
    name = "contradictions"
    needs = ("claims",)
    assigns = ("contradictions",)

    def process(self, state: ArticleState) -> None:
        pass
