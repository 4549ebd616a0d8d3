"""Relations stated by a relation noun or adjective.

* nouns in appositions, copulas and titles: "Jabhat al-Nusra, an *offshoot* of al-Qaeda" (the
  holder is the apposition's head), "HTS is an *offshoot* of al-Qaeda" (the copula's subject), "HTS
  *founder* Abu Mohammad al-Jolani", "Pentagon *spokesman* Pat Ryder" (the name after the title);
  the other argument is an "of/for" phrase or a modifier ("*HTS* founder", "*Russia's* ally");
* adjectives with their preposition: "allied *with* X", "opposed *to* X", "loyal *to* X".
"""

from __future__ import annotations

from .arguments import VERB_POS, RelationContext, arg
from .grammar import clause_verb, irrealis
from .records import Found


def noun_others(ctx: RelationContext, noun, e) -> list:
    """The other argument of a relation noun: an "of/for" object, else a modifier naming an actor."""
    others = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ctx.rules.noun_preps:
            others += [p for p in c.children if p.dep_ == "pobj"]
    if not others:
        mods = e.get("modifiers") or ctx.rules.noun_modifiers
        others = [c for c in noun.children if c.dep_ in mods and ctx.mention(c) is not None]
    return others


def noun_holders(ctx: RelationContext, noun):
    """``(holders, clause, negated)``: who holds the relation noun, the clause, and its negation."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    nm = ctx.mention(nxt) if nxt is not None and nxt.pos_ == "PROPN" else None
    if nm is not None and nm.start >= noun.idx + len(noun.text) and ctx.kinds.get(nm.actor_id) == "person":
        return [nxt], noun, False  # "..., Pentagon spokesman Pat Ryder told reporters"
    if noun.dep_ == "appos":
        return [noun.head], noun, False
    if noun.dep_ == "attr" and noun.head.lemma_ in ctx.rules.copulas:
        return ([c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")], noun.head,
                ctx.negated(noun.head))
    if noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        return [noun.head], noun, False
    return [c for c in noun.children if c.dep_ == "appos"], noun, False


def noun_relations(ctx: RelationContext, noun) -> list[Found]:
    """Every relation the relation noun ``noun`` states (see the module doc)."""
    r = ctx.rules
    e = r.nouns.get(noun.lemma_.lower()) or r.nouns.get(noun.lower_)
    if e is None or irrealis(ctx, noun):
        return []
    rtype = e["type"]
    others = noun_others(ctx, noun, e)
    if not others:
        return []
    holders, clause, neg = noun_holders(ctx, noun)
    out = []
    for h_tok in holders:
        for hm, ht in arg(ctx, h_tok)[:1]:
            for o_tok in others:
                for om, ot in arg(ctx, o_tok, exclude={hm.actor_id}):
                    if hm.actor_id == om.actor_id:
                        continue
                    s, o = (hm, om) if e["holder"] == "subject" else (om, hm)
                    out.append(Found(rtype, s, o, [noun, ht, ot], clause_verb(noun) or clause, neg))
    return out


def adjective_relations(ctx: RelationContext, adj) -> list[Found]:
    """"allied with X", "X is loyal to Y": the holder is the adjective's subject or the noun it
    modifies."""
    e = ctx.rules.adjectives.get(adj.lower_)
    if e is None:
        return []
    others = [p for c in adj.children if c.dep_ == "prep" and c.lower_ == e["prep"]
              for p in c.children if p.dep_ == "pobj"]
    if not others:
        return []
    if adj.dep_ in ("acomp",) or (adj.dep_ == "ROOT") or adj.pos_ in VERB_POS:
        holders = [c for c in adj.children if c.dep_ in ("nsubj", "nsubjpass")] or \
                  [c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        holders = [adj.head]
    out = []
    for h_tok in holders:
        for hm, ht in arg(ctx, h_tok):
            for o_tok in others:
                for om, ot in arg(ctx, o_tok, exclude={hm.actor_id}):
                    s, o = (om, hm) if e.get("reverse") else (hm, om)
                    out.append(Found(e["type"], s, o, [adj, ht, ot], clause_verb(adj) or adj,
                                     ctx.negated(adj, adj.head)))
    return out
