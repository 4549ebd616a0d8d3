"""Reciprocal parties: "both sides", "the two sides", "the warring parties" stand for the two opposing
parties the article named last.

Wire copy names the parties of a conflict or a negotiation once and then refers to them together ("The
army and the RSF clashed in the capital ... *Both sides* accused each other of violating the truce";
"*The two sides* exchanged fire along the border"). Such a phrase -- a plural of ``reciprocal_party_nouns``
with a determiner, number or adjective of ``reciprocal_party_words`` -- names no actor itself; it stands
for the two parties of the last acts, when the acts within ``reciprocal_reach_sentences`` sentences
before name exactly two parties. With fewer or more, the phrase names nobody, and the act gives no
event.

The parties are recorded by :func:`remember_parties` as each act's arguments are settled; the two parties come
back in the order of the text, so that a symmetric act ("exchanged fire") takes the first as its source
and the other as its target and a reciprocal one ("accused each other") goes both ways
(:func:`~.arguments.party_pairs`).
"""

from __future__ import annotations

from typing import Optional

from ...core.article import Mention
from .arguments import undergoing_tokens
from .context import ArticleContext
from .model import Candidate


def is_reciprocal_phrase(ctx: ArticleContext, tok) -> bool:
    """Is ``tok`` the head of "both sides", "the two sides", "the warring parties": a plural party noun
    with a reciprocal determiner, number or adjective in front and nothing else there but an article
    ("Yemen's warring parties", "two LTTE camps" are others)?"""
    ac = ctx.acues
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in ac.reciprocal_party_nouns:
        return False
    lefts = [c for c in tok.children if c.i < tok.i]
    return any(c.lower_ in ac.reciprocal_party_words for c in lefts) and all(
        c.lower_ in ac.reciprocal_party_words or (c.dep_ == "det" and c.lower_ in ac.definite_dets)
        for c in lefts)


def reciprocal_parties(ctx: ArticleContext, c: Candidate) -> Optional[list]:
    """The two parties a reciprocal phrase among the source tokens of ``c`` stands for
    (:func:`recent_pair`; an empty list when they are not two), or ``None`` when no source is such a
    phrase. The phrase wins over a speaker the actors stage described by it ("Both sides" said)."""
    for t in c.sources:
        if is_reciprocal_phrase(ctx, t):
            return recent_pair(ctx, t, c.sense.type)
    return None


def standing_for(ctx: ArticleContext, c: Candidate, targets: list) -> Optional[tuple[list, list]]:
    """(sources, targets) of ``c`` when its source is a reciprocal phrase: the two parties it stands for
    (``source_how`` "reciprocal") and the targets that are not one of them -- empty sources when it
    stands for nobody; ``None`` when no source is such a phrase."""
    both = reciprocal_parties(ctx, c)
    if not both:
        return None if both is None else ([], [])
    c.source_how = "reciprocal"
    return both, [t for t in targets if all(t.actor_id != s.actor_id for s in both)]


def standing_targets(ctx: ArticleContext, c: Candidate, targets: list) -> list:
    """The targets of ``c`` when one of its target tokens is a reciprocal phrase ("the UN called on
    *both sides* to respect the truce"): the two parties it stands for, but a source; else ``targets``
    as they were."""
    for t in undergoing_tokens(ctx, c):
        if is_reciprocal_phrase(ctx, t):
            both = recent_pair(ctx, t, c.sense.type)
            return both or [m for m in targets if ctx.mention_for(t) is not m]
    return targets


def recent_pair(ctx: ArticleContext, tok, etype: str) -> list:
    """The two parties of the acts recorded within ``reciprocal_reach_sentences`` sentences before
    ``tok``, when the acts there name exactly two (in the order of the text); else nothing. Nothing
    either when an act of the same type with both parties is in the same sentence: the phrase restates
    it ("talks between Iran and the United States took place ..., as both nations commenced
    negotiations")."""
    parties: dict[str, Mention] = {}
    for at, kind, src, tgt in reversed(ctx.act_parties):
        if at > tok.idx:
            continue
        between = ctx.sentences_between(at, tok.idx)
        if between > ctx.config.reciprocal_reach_sentences:
            break
        if between == 0 and kind == etype and src is not None and tgt is not None:
            return []
        for m in (src, tgt):
            if m is not None and (m.actor_id not in parties or m.start < parties[m.actor_id].start):
                parties[m.actor_id] = m
    return sorted(parties.values(), key=lambda m: m.start) if len(parties) == 2 else []


def remember_parties(ctx: ArticleContext, c: Candidate, sources: list, targets: list) -> None:
    """Record the first source and actor target of ``c`` (of ``reciprocal_party_kinds``) as the
    parties of an act, for a later "both sides"."""
    kinds = ctx.acues.reciprocal_party_kinds
    src = sources[0] if sources and ctx.actor_kind.get(sources[0].actor_id) in kinds else None
    tgt = next((t for t in targets if t.how != "place"), None)
    if tgt is not None and (ctx.actor_kind.get(tgt.actor_id) not in kinds or (src and tgt.actor_id == src.actor_id)):
        tgt = None
    if src is not None or tgt is not None:
        ctx.act_parties.append((c.trigger.idx, c.sense.type, src, tgt))


def adversary(ctx: ArticleContext, c: Candidate, sources: list) -> list:
    """The other side of the source's conflict, for an act of ``adversary_types`` its sentence names no
    target for ("Russia invaded Ukraine in 2022 ... its forces repeatedly hit residential areas"): the
    party the source last fought, in an act of those types recorded within ``adversary_reach_sentences``
    sentences before (as its source or its target), when the act names what it hit by a phrase that names
    no party ("hit *residential areas*", "shelling *of border areas*"; an act with no such phrase may
    be no act on anyone: "ISIS attacks have been on the rise") and the party is a side (``adversary_kinds``: a state or
    an armed force, not the people it hit); a list of one mention, or empty."""
    if not sources or c.sense.type.lower() not in ctx.acues.adversary_types or not _undergoer_phrase(ctx, c):
        return []
    me = sources[0].actor_id
    for at, kind, src, tgt in reversed(ctx.act_parties):
        if at >= c.trigger.idx:
            continue
        if ctx.sentences_between(at, c.trigger.idx) > ctx.config.adversary_reach_sentences:
            break
        if kind.lower() not in ctx.acues.adversary_types or src is None or tgt is None:
            continue
        other = tgt if src.actor_id == me else src if tgt.actor_id == me else None
        if other is not None and all(other.actor_id != s.actor_id for s in sources) \
                and ctx.actor_kind.get(other.actor_id) in ctx.acues.adversary_kinds:
            return [other]
    return []


def _undergoer_phrase(ctx: ArticleContext, c: Candidate) -> bool:
    """Does ``c`` name what it is done to (an object or target phrase, or an act noun's "of" phrase)?"""
    if any(t.i != c.trigger.i for t in undergoing_tokens(ctx, c)):   # (a light verb's object is the act)
        return True
    return c.trigger.pos_ == "NOUN" and any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in c.trigger.children)
