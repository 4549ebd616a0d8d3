"""Test support for the claims/relations tests: an ArticleState with the spaCy parse and hand-made
actor mentions, places and dates, so that these stages are tested without the actors/places/dates
stages (whose output they only read through the ArticleState fields)."""

from __future__ import annotations

import re

from sitrep.article import Article, ArticleState, Mention, PlaceMention
from sitrep.contract import Actor, Place, TimeExpression
from sitrep.stages.nlp import NlpStage


def make_state(text, actors=None, places=None, dates=None, published="2024-05-14"):
    """``actors``: {surface: actor_id or (actor_id, kind)}; ``places``: {surface: (place_id, feature)};
    ``dates``: [(surface, value, relation)]. Every occurrence of a surface (whole word) becomes a
    mention; longer surfaces win."""
    state = ArticleState(article=Article(text=text, published=published))
    NlpStage()(state)
    taken = []
    mentions, kinds = [], {}
    for surface, spec in sorted((actors or {}).items(), key=lambda kv: -len(kv[0])):
        aid, kind = (spec, "other") if isinstance(spec, str) else spec
        kinds.setdefault(aid, kind)
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            how = "pronoun" if surface.lower() in ("it", "its", "they", "he", "she") else \
                "demonym" if surface.endswith(("ians", "ans", "is")) and surface[0].isupper() else "name"
            mentions.append(Mention(start=m.start(), end=m.end(), actor_id=aid, text=m.group(0), how=how))
    state.mentions = sorted(mentions, key=lambda m: m.start)
    state.actors = [Actor(id=aid, name=aid, kind=kind) for aid, kind in kinds.items()]
    pms, plist = [], {}
    for surface, (pid, feature) in (places or {}).items():
        plist[pid] = Place(id=pid, name=surface, feature=feature)
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            pms.append(PlaceMention(start=m.start(), end=m.end(), place_id=pid, text=m.group(0)))
    state.places = list(plist.values())
    state.place_mentions = sorted(pms, key=lambda p: p.start)
    tes = []
    for surface, value, relation in dates or []:
        i = text.index(surface)
        tes.append(TimeExpression(text=surface, start=i, end=i + len(surface), value=value, relation=relation))
    state.dates = tes
    state.assigned.update({"actors", "mentions", "places", "place_mentions", "dates"})
    return state
