"""Stage ``contradictions``: pairs of claims in one article whose values disagree beyond their hedges
(the rule: :mod:`sitrep.lang.conflicts`; its tolerances: ``data/quantities.yaml``)."""

from __future__ import annotations

from ..core.article import ArticleState
from ..lang.conflicts import find_contradictions
from ..core.contract import Contradiction
from ..lang.numbers import read_lexicon
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
