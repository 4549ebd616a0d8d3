"""Stage ``places`` (scaffold: assigns nothing yet; its issue implements it)."""

from __future__ import annotations

from ..article import ArticleState
from .base import Stage


class PlacesStage(Stage):
    name = "places"
    needs = ("doc", "mentions",)
    assigns = ("places", "place_mentions",)

    def process(self, state: ArticleState) -> None:
        pass
