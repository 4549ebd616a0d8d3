"""Relations stated by a light verb and a relation noun: "The US has *imposed sanctions on* the
regime since 2011"; "*lifted sanctions*" ends the relation (until); "would *not lift sanctions*"
keeps it (a negated ending); "*US sanctions on* Syria" names the imposer as a modifier of the noun."""

from __future__ import annotations

from ... import limits
from .arguments import VERB_POS, RelationContext, arg
from .grammar import agent_patient, clause_verb, irrealis, support_kind
from .records import Found


def light_verb_of(noun):
    """The verb a relation noun is the object of ("imposed *sanctions*"), through conjunctions."""
    v = noun.head if noun.dep_ in ("dobj", "nsubjpass", "conj") else None
    for _ in range(limits.MAX_TREE_WALK):
        if v is None or v.pos_ in VERB_POS or v.dep_ != "conj":
            break
        v = v.head
    return v


def targets_of(noun, v, preps) -> list:
    """The objects of the entry's prepositions on the noun or its verb ("sanctions *on the regime*")."""
    targets = []
    for holder in ([noun] + ([v] if v is not None else [])):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                targets += [p for p in c.children if p.dep_ == "pobj"]
    return targets


def with_verb(ctx: RelationContext, noun, v, e, targets) -> list[Found]:
    """"imposed sanctions on X": the verb's agents impose; "lifted" ends, "would not lift" keeps."""
    r = ctx.rules
    kinds = r.types[e["type"]].get("pronoun_kinds")
    agents, _, _ = agent_patient(v, r)
    neg = ctx.negated(v)
    if irrealis(ctx, v) and not (e.get("ends") and neg):
        return []
    out = []
    for t_tok in targets:
        for tm, tt in arg(ctx, t_tok, kinds=kinds):
            for a_tok in agents:
                for am, at in arg(ctx, a_tok, exclude={tm.actor_id}):
                    toks = [v, noun, tt, at]
                    if e.get("ends") and neg:   # "would not lift sanctions": still in force
                        out.append(Found(e["type"], tm, am, toks, v, False))
                    elif e.get("ends"):
                        out.append(Found(e["type"], tm, am, toks, v, False, ends=True))
                    else:
                        out.append(Found(e["type"], tm, am, toks, v, neg, starts=bool(e.get("starts")),
                                         kind=support_kind(v, e, r) if e["type"] == "supported_by" else None))
    return out


def by_modifier(ctx: RelationContext, noun, e, targets) -> list[Found]:
    """"US sanctions on Syria": the imposer modifies the noun."""
    out = []
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "poss"):
            am = ctx.mention(c)
            if am is None:
                continue
            for t_tok in targets:
                for tm, tt in arg(ctx, t_tok, exclude={am.actor_id}):
                    out.append(Found(e["type"], tm, am, [c, noun, tt], clause_verb(noun) or noun, False))
    return out


def light_relations(ctx: RelationContext, noun) -> list[Found]:
    """Every relation the relation noun ``noun`` states with its light verb or its modifier."""
    r = ctx.rules
    out = []
    nl = noun.lemma_.lower()
    v = light_verb_of(noun)
    for e in r.light:
        if nl not in e["nouns"]:
            continue
        targets = targets_of(noun, v, e.get("preps", []))
        if not targets:
            continue
        if v is not None and v.pos_ in VERB_POS and v.lemma_.lower() in e["verbs"]:
            out.extend(with_verb(ctx, noun, v, e, targets))
        elif not e.get("ends") and (v is None or v.lemma_.lower() not in r.light_verbs):
            out.extend(by_modifier(ctx, noun, e, targets))
    return out
