"""Relations from the actors stage's roles and affiliations: "State Department spokesman Matthew
Miller" (the actor's role "State Department spokesman", affiliation USA) -> Miller spokesperson_of
USA; "HTS founder ..." -> HTS founded_by the person. A role counts only where the text writes it next
to a mention of the actor (:func:`role_evidence`)."""

from __future__ import annotations

import re
from typing import Optional

from ...core.article import Mention
from .arguments import RelationContext
from .records import Found

_NAME_HOWS = ("name", "alias", "acronym")


def _gap_before(ctx: RelationContext) -> re.Pattern:
    """Between a role and the name after it: spaces and up to N short titles ("Lt. Gen.")."""
    return re.compile(rf"\s+(?:[A-Z][a-z]{{0,4}}\.?\s+){{0,{ctx.config.role_titles_max}}}")


def _gap_after(ctx: RelationContext) -> re.Pattern:
    """Between a name and the role after it: a comma and an article ("Miller, the ...")."""
    arts = "|".join(re.escape(a) for a in ctx.rules.role_articles)
    return re.compile(rf",\s+(?:(?:{arts})\s+)?", re.IGNORECASE)


def role_evidence(ctx: RelationContext, actor) -> Optional[tuple[Mention, int, int]]:
    """A mention of ``actor`` with its role written next to it, and the span of both: "State
    Department spokesman (Lt. Gen.) Matthew Miller" or "Miller, the State Department spokesman"
    (not "Assad, Pentagon spokesman Pat Ryder said": that role is Ryder's)."""
    state, cfg = ctx.state, ctx.config
    role = actor.role.lower()
    low = state.text.lower()
    before, after_re = _gap_before(ctx), _gap_after(ctx)
    for m in state.mentions:
        if m.actor_id != actor.id or m.how not in _NAME_HOWS:
            continue
        i = low.rfind(role, max(0, m.start - len(role) - cfg.role_lookback), m.start)
        if i >= 0 and before.fullmatch(state.text[i + len(role):m.start]):
            return m, i, m.end
        j = low.find(role, m.end, m.end + len(role) + cfg.role_lookahead)
        after = j + len(role)
        nxt = state.mention_at(after, after + cfg.role_next_name_window) if j >= 0 else None
        if nxt is not None and nxt.start >= after and nxt.actor_id != actor.id:
            j = -1  # "Assad, Pentagon spokesman Pat Ryder said": the role is Ryder's
        if j >= 0 and after_re.fullmatch(state.text[m.end:j]):
            return m, m.start, j + len(role)
    return None


def role_relations(ctx: RelationContext, found: list[Found]) -> list[Found]:
    """The relations of the actors' roles not already read from the text."""
    state, r = ctx.state, ctx.rules
    have = {(f.type, f.subject.actor_id) for f in found}
    have |= {(f.type, f.object.actor_id) for f in found}
    out = []
    for actor in state.actors:
        if not actor.role or not actor.affiliation or actor.affiliation == actor.id:
            continue
        words = actor.role.lower().split()
        e = r.nouns.get(words[-1]) if words else None  # the role's head word: "chief economist" is no chief
        if e is None or (e["type"], actor.id) in have:
            continue
        hit = role_evidence(ctx, actor)
        if hit is None:
            continue
        first, start, end = hit
        aff = next((m for m in state.mentions if m.actor_id == actor.affiliation), None)
        aff_actor = state.actor(actor.affiliation)
        if aff_actor is None:
            continue  # every reference points at an actor of this document
        obj = Mention(start=start, end=end, actor_id=actor.affiliation,
                      text=aff.text if aff is not None else (aff_actor.name if aff_actor else actor.affiliation))
        subj = Mention(start=start, end=end, actor_id=actor.id, text=first.text, how=first.how)
        if e["holder"] == "subject":   # "State Department spokesman" -> spokesperson_of USA
            out.append(Found(e["type"], subj, obj, [], None))
        else:                          # "HTS founder" -> HTS founded_by the person
            out.append(Found(e["type"], obj, subj, [], None))
    return out
