"""Stage ``contradictions``: pairs of claims in one article whose values disagree beyond their hedges
(the rule: :mod:`sitrep.conflicts`; its tolerances: ``data/quantities.yaml``)."""

from __future__ import annotations

from ..article import ArticleState
from ..conflicts import find_contradictions
from ..contract import Contradiction
from ..numbers import read_lexicon
from .base import Stage


class ContradictionsStage(Stage):
    name = "contradictions"
    needs = ("claims", "places")
    assigns = ("contradictions",)

    def process(self, state: ArticleState) -> None:
        lex = self.resources.get("quantities", read_lexicon)
        state.contradictions = [Contradiction(claims=[a.id, b.id], reason=reason)
                                for a, b, reason in find_contradictions(
                                    state.claims, {p.id: p.name for p in state.places}, lex=lex)]
