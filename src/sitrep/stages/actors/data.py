"""What the actors stage reads besides the article: the knowledge base, the generic agents, the actor
cue words and (only when a rule needs it) the gazetteer -- all obtained from the pipeline's
:class:`~sitrep.stages.resources.Resources`, plus two indexes derived from them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from ...geo.gazetteer import Gazetteer
from ...kb import KnowledgeBase
from ...kb.agents import ActorCues, Agents
from .entities import EntityWords
from .sources import SourceWords


@dataclass(frozen=True)
class ActorData:
    """The stage's resources for one pipeline."""

    kb: KnowledgeBase
    agents: Agents
    cues: ActorCues
    #: head lemmas of titles held by one person ("spokesman", "advisor")
    role_heads: frozenset
    #: first letter -> [(normalised KB name, id)] of unambiguous names, for conservative fuzzy matching
    fuzzy: dict
    #: the gazetteer, loaded on first call (most articles never need it)
    gazetteer: Callable[[], Gazetteer]
    #: the words of described sources ("a Kremlin source", "security sources"; ``None``: the rule is off)
    sources: Optional[SourceWords] = None
    #: the head nouns of described entities ("the legislative council building"; ``None``: the rule is off)
    entities: Optional[EntityWords] = None


def role_heads(agents: Agents) -> frozenset:
    """The head words of the agents that are a person's title: "spokesman", "advisor", "president"."""
    return frozenset(h for h, lst in agents.by_head.items() if any(a.role for a in lst))


def fuzzy_index(kb: KnowledgeBase, min_chars: int) -> dict[str, list[tuple[str, str]]]:
    """First letter -> [(name, id)] for every normalised KB name of at least ``min_chars`` characters
    that names one entry only ("hayat tahrir al sham" -> HTS)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for key, ids in kb.all_names().items():
        if len(key) >= min_chars and len(ids) == 1:
            index.setdefault(key[0], []).append((key, ids[0]))
    return index
