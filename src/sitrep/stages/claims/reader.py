"""What reading one article's numbers needs: the state, the vocabulary, the settings, and the
small look-ups every rule uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from ...core.article import ArticleState, Mention
from .vocabulary import Vocabulary

if TYPE_CHECKING:  # pragma: no cover
    from .stage import ClaimsConfig

VERB_POS = {"VERB", "AUX"}


@dataclass
class ClaimReader:
    state: ArticleState
    voc: Vocabulary
    config: "ClaimsConfig"
    #: place id -> Place
    places: dict[str, Any] = field(default_factory=dict)
    #: place mention start -> whether it may be an incident's scene (filled as read, shared per article)
    scenes: dict[int, bool] = field(default_factory=dict)

    def mention(self, tok) -> Optional[Mention]:
        """The actor mention on ``tok`` (None for no token or no mention)."""
        if tok is None:
            return None
        return self.state.mention_at(tok.idx, tok.idx + len(tok.text))

    def generic(self, m: Mention) -> bool:
        """A generic agent the actors stage tied to no one ("troops", "the force"; see
        :meth:`~sitrep.core.article.ArticleState.is_generic_agent`)."""
        return self.state.is_generic_agent(m)
