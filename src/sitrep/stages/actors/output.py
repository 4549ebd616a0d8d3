"""The stage's output: one :class:`~sitrep.contract.Actor` per actor that kept a mention, and
``state.mentions`` sorted by start, without overlaps (the first, longest, at each position wins)."""

from __future__ import annotations

from ...core.article import Mention
from ...core.contract import Actor, Span
from ...kb import KINDS
from .model import MentionRecord


def clean_mentions(b) -> list[MentionRecord]:
    """Mentions of actors that exist, by start (longest first), without overlaps."""
    ments = sorted((m for m in b.ments if m.key in b.actors), key=lambda m: (m.start, -m.end))
    clean: list[MentionRecord] = []
    for m in ments:
        if clean and m.start < clean[-1].end:
            continue
        clean.append(m)
    return clean


def aliases_of(b, a, ms: list[MentionRecord]) -> list[str]:
    """Every way the text named the actor besides its name (pronouns aside), then its recorded aliases."""
    text = b.text
    aliases = []
    for m in ms:
        t = text[m.start:m.end]
        if m.how != "pronoun" and t != a.name and t not in aliases:
            aliases.append(t)
    for al in a.aliases:
        if al not in aliases and al != a.name:
            aliases.append(al)
    return aliases


def output(b) -> tuple[list[Actor], list[Mention]]:
    """(actors, mentions) for ``state.actors`` and ``state.mentions``."""
    text = b.text
    clean = clean_mentions(b)
    by_actor: dict[str, list[MentionRecord]] = {}
    for m in clean:
        by_actor.setdefault(m.key, []).append(m)
    actors = []
    for key, a in b.actors.items():
        if key not in by_actor:
            continue
        ms = by_actor[key]
        actors.append(Actor(
            id=key, name=a.name, kind=a.kind if a.kind in KINDS else "other",
            country=a.country, sector=a.sector, wikidata=a.wikidata, aliases=aliases_of(b, a, ms), role=a.role,
            affiliation=a.affiliation if a.affiliation != key else None,
            mentions=[Span.model_construct(text=text[m.start:m.end], start=m.start, end=m.end) for m in ms],
            kb_id=a.kb_id))
    mentions = [Mention(start=m.start, end=m.end, actor_id=m.key, text=text[m.start:m.end], how=m.how)
                for m in clean]
    return actors, mentions
