"""The records the actors stage builds while it reads one article: actors and their mentions.

These are the stage's working candidates (the stage turns them into :class:`~sitrep.contract.Actor`
and :class:`~sitrep.article.Mention` at the end), plus the kind groups its rules test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

#: spaCy entity labels that may name an actor (places among them: a capital may be a metonym)
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: how a mention names its actor when it is a name ("Hayat Tahrir al-Sham", "Tahrir al-Sham", "HTS")
NAMED_HOWS = frozenset({"name", "alias", "acronym"})
#: sectors of the state itself: an agent of such a sector with a country is affiliated with that state
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
#: kinds of non-state organisations ("the Herald" may stand for "the Lakeside Herald")
ORG_KINDS = frozenset({"organization", "media", "armed_group", "igo"})
#: sectors whose generic actor is an armed group rather than an organisation
ARMED_SECTORS = frozenset({"REB", "UAF"})


@dataclass
class ActorRecord:
    """An actor of this article: a KB entry (``kb_id``) or a new one named by the text."""

    key: str
    name: str
    kind: str = "other"
    country: Optional[str] = None
    sector: Optional[str] = None
    wikidata: Optional[str] = None
    kb_id: Optional[str] = None
    role: Optional[str] = None
    affiliation: Optional[str] = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class MentionRecord:
    """A span naming an actor: char offsets ``start``/``end``, token offsets ``ts``/``te`` (end
    exclusive), the head token, the actor key (``""`` for an agent not yet resolved) and how it names
    the actor ("name", "alias", "acronym", "demonym", "metonym", "agent", "title", "pronoun")."""

    start: int
    end: int
    key: str
    how: str
    ts: int
    te: int
    head: int
