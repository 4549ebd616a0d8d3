"""Places of an act: where it happened (its ``location``) and, when no actor undergoes it, the place
it is done to (its target: "shelled Juba", "imposed a curfew in the town of Cizre").

A place that names an actor in the sentence ("Moscow said") is never the act's place.
"""

from __future__ import annotations

from typing import Optional

from ...core.article import Mention
from .arguments import lands_on_places, prep_targets
from .context import ArticleContext
from .grammar import conjuncts, np_span
from .model import Candidate


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def place_for(ctx: ArticleContext, tok, places: list) -> Optional[Mention]:
    """The place named by the noun phrase headed by ``tok`` ("Juba", "the capital Kabul", "the town
    of Cizre", "central Iran") as a target reference carrying the place id; a state that is also an
    actor of the article as that actor's mention ("the war *in Ukraine*"); else ``None``."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "appos"]
    if tok.lemma_.lower() in ctx.lex.place_nouns:
        heads += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj"]
    for h in heads:
        s, e = np_span(h)
        s, e = min(s, h.idx), max(e, h.idx + len(h.text))
        for p in places:
            if p.start < e and s < p.end:
                named = [m for m in ctx.mentions_over(s, e) if _overlaps(m, p)]
                if named:   # the place names an actor here: the act is done to that actor ("war in Ukraine")
                    return named[0] if ctx.is_state_like(h) else None
                return Mention(start=p.start, end=p.end, actor_id=p.place_id, text=p.text, how="place")
    return None


def _place_described(ctx: ArticleContext, sent) -> bool:
    """Does ``sent`` hold a place description noun ("the city") that may stand for an earlier place?"""
    return any(t.lower_ in ctx.lex.place_descriptions for t in sent)


def described_place(ctx: ArticleContext, tok) -> Optional[Mention]:
    """The place a bare definite place noun stands for ("shelled *the city*", "the northern town"): the
    last place named before it, of the kinds its noun allows (``place_descriptions``: a city for "the
    town"), at most ``place_description_sentences`` sentences back and naming no actor there ("Kyiv
    said"); ``None`` for a noun that names its place itself ("the city of Goma", "the town Cizre")."""
    features = ctx.lex.place_descriptions.get(tok.lower_)
    if not features or tok.tag_ != "NN" or tok.dep_ == "compound":
        return None
    lefts = list(tok.lefts)
    if not lefts or lefts[0].lower_ != "the" or lefts[0].dep_ != "det" \
            or any(c.pos_ == "PROPN" or c.dep_ in ("compound", "poss", "nummod") for c in lefts[1:]):
        return None
    if any(c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.rights) \
            or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN"):
        return None
    feature = {p.id: p.feature for p in ctx.state.places}
    best = None
    for pm in ctx.state.place_mentions:
        if pm.end <= lefts[0].idx and feature.get(pm.place_id) in features \
                and not ctx.mentions_over(pm.start, pm.end) and (best is None or pm.start > best.start):
            best = pm
    if best is None or ctx.sentences_between(best.start, tok.idx) > ctx.config.place_description_sentences:
        return None
    s, e = lefts[0].idx, tok.idx + len(tok.text)
    return Mention(start=s, end=e, actor_id=best.place_id, text=ctx.text[s:e], how="place")


def place_targets(ctx: ArticleContext, c: Candidate, sent, sources: list) -> list[Mention]:
    """The place an act is done to or in, as its target (at most one): among the act's targets, its
    objects and its place prepositions ("shelled the port city Kismayo", "imposed a curfew in
    Garissa"); never a place inside the source."""
    places = ctx.sentence_places(sent)
    if not places and not _place_described(ctx, sent):
        return []
    src_spans = [(m.start, m.end) for m in sources]
    toks, where = _place_tokens(ctx, c)
    out: list[Mention] = []
    for t in toks + where:
        m = (place_for(ctx, t, places) if places else None) or described_place(ctx, t)
        if m is None or any(s <= m.start < e for s, e in src_spans) or any(o.actor_id == m.actor_id for o in out):
            continue
        if t in where and not _settlement(ctx, m):
            c.located = True   # "shot dead in the Sagaing region": where, not whom
            continue
        out.append(m)
    return out[:1]


def _place_tokens(ctx: ArticleContext, c: Candidate) -> tuple[list, list]:
    """The tokens that may name the place ``c`` is done to: its targets, objects and their place
    prepositions' objects; and apart, the objects of its own locative prepositions (``locative_preps``,
    for a point act only), which name its target only when a town (:func:`_settlement`)."""
    toks = [x for t in c.targets for x in conjuncts(t)]
    heads = c.heads
    own = list(heads)
    for h in list(heads):
        objs = [o for o in h.children if o.dep_ in ("dobj", "nsubjpass") and o.i != c.trigger.i]
        heads += objs
        toks += [x for o in objs for x in conjuncts(o)]
    locative = ctx.acues.locative_preps if c.sense.type.lower() in ctx.acues.point_act_types else frozenset()
    for h in heads:   # the act's own place phrase may only locate it; an object's names where the object is
        toks += [x for t in prep_targets(h, ctx.lex.place_target_preps - (locative if h in own else frozenset()))
                 for x in conjuncts(t)]
    where = [x for h in own for t in prep_targets(h, ctx.lex.place_target_preps & locative) for x in conjuncts(t)]
    return toks, where


def _settlement(ctx: ArticleContext, m: Mention) -> bool:
    """Is the place of ``m`` one an act in it is done to: a state that is an actor of the article
    ("Russia's war in Ukraine"), or a place of a feature in ``locative_target_features`` (a town is,
    "killed a child in Kyiv"; a region or a sea only says where: "shot dead in the Sagaing region",
    "deployed across the West Bank", "an attack in the Red Sea")?"""
    if m.how != "place":
        return True
    feature = next((p.feature for p in ctx.state.places if p.id == m.actor_id), None)
    return feature is None or feature in ctx.acues.locative_target_features   # (unknown: as before)


def struck_place(ctx: ArticleContext, c: Candidate, sent, sources: list) -> list[Mention]:
    """The place an act noun of fire lands on, named in its "on"/"against" phrase ("a Russian missile
    strike *on Kyiv*", "air strikes *on Gaza*"): a list of one place reference, or empty. Only for a mode
    of fire from afar (``place_hit_modes``); never a place inside the source."""
    if not lands_on_places(ctx, c):
        return []
    places = ctx.sentence_places(sent)
    if not places and not _place_described(ctx, sent):
        return []
    toks = [x for t in prep_targets(c.trigger, ctx.cues.nominal_target_preps) for x in conjuncts(t)]
    for t in toks:
        m = (place_for(ctx, t, places) if places else None) or described_place(ctx, t)
        if m is not None and m.how == "place" and all(not (s.start <= m.start < s.end) for s in sources):
            return [m]
    return []


def location(ctx: ArticleContext, c: Candidate, sent) -> Optional[str]:
    """The place id of the act: a prepositional place of the trigger, its light verb or its targets
    ("bombed positions *in Qandil*"); else, for a physical act only, the one place of the sentence
    that is no actor, marked "~" as a weak guess (merging prefers a real one)."""
    pms = ctx.sentence_places(sent)
    if not pms:
        return None
    for h in c.heads + list(c.targets):
        pid = _prepositional_place(ctx, h, pms)
        if pid:
            return pid
    if not ctx.onto.quad(c.sense.type).startswith("material"):
        return None
    free = ctx.per_sentence(sent, "free_places", lambda: [
        p.place_id for p in pms if not any(_overlaps(m, p) for m in ctx.sentence_mentions(sent))])
    if len(set(free)) == 1:
        return "~" + free[0]
    return None


def _prepositional_place(ctx: ArticleContext, h, pms: list) -> Optional[str]:
    """The place id named after one of ``h``'s place prepositions ("in Qandil", "near Kharkiv")."""
    for ch in h.children:
        if ch.dep_ == "prep" and ch.lower_ in ctx.cues.place_preps:
            for p in ch.children:
                if p.dep_ == "pobj":
                    for q in conjuncts(p):
                        pid = _place_of(ctx, q, pms)
                        if pid:
                            return pid
    return None


def _place_of(ctx: ArticleContext, tok, pms: list) -> Optional[str]:
    """The place id of the noun phrase headed by ``tok``, unless the place names an actor there
    ("Moscow said")."""
    s, e = np_span(tok)
    for p in pms:
        if p.start < e and s < p.end:
            m = ctx.mention_for(tok)
            if m is not None and (m.start < p.end and p.start < m.end):
                return None
            return p.place_id
    return None
