"""Stage ``contradictions``: pairs of claims in one article whose values disagree beyond their hedges
(the rule: :mod:`sitrep.conflicts`)."""

from __future__ import annotations

from ..article import ArticleState
from ..conflicts import find_contradictions
from ..contract import Contradiction
from .base import Stage


class ContradictionsStage(Stage):
    name = "contradictions"
    needs = ("claims", "places",)
    assigns = ("contradictions",)

    def process(self, state: ArticleState) -> None:
        state.contradictions = [Contradiction(claims=[a.id, b.id], reason=reason)
                                for a, b, reason in find_contradictions(
                                    state.claims, {p.id: p.name for p in state.places})]
