"""Stage ``events`` (scaffold: assigns nothing yet; its issue implements it)."""

from __future__ import annotations

from ..article import ArticleState
from .base import Stage


class EventsStage(Stage):
    name = "events"
    needs = ("doc", "mentions", "place_mentions", "dates",)
    assigns = ("events",)

    def process(self, state: ArticleState) -> None:
        pass
