"""Relations stated by a verb ("the US has *designated* it as a terrorist organization", "the Assad
government, *supported* by Russia, Iran and Hezbollah", "it was previously *known* as the Nusra Front",
"al-Jolani had *set up* another group").

For each entry of ``relations.yaml`` the verb fits (its lemma, with its particle for "set up"; its
required word and modifier), the verb's agents and patients become the relation's subject and
object by the entry's ``patient`` (:func:`verb_entry`), one relation per pair of conjuncts
(:func:`pairs`).
"""

from __future__ import annotations

from ...core.article import Mention
from .arguments import RelationContext, arg
from .grammar import agent_patient, clause_has, irrealis, support_kind
from .records import Found, Single, tok_of


def entries_of(ctx: RelationContext, v) -> list:
    """The verb entries ``v`` may trigger: by lemma and by word, the phrasal entry first when the
    verb has a particle ("set up"; "set" alone triggers nothing)."""
    r = ctx.rules
    lemma = v.lemma_.lower()
    entries = list(r.verbs.get(lemma, [])) + list(r.verbs.get(v.lower_, []))
    prt = next((c.lower_ for c in v.children if c.dep_ == "prt"), None)
    if prt:
        entries = list(r.verbs.get(f"{lemma} {prt}", [])) + [
            e for e in entries if lemma not in r.particle_only_verbs]
    return entries


def verb_relations(ctx: RelationContext, v) -> list[Found]:
    """Every relation verb ``v`` states (none in an irrealis clause)."""
    if irrealis(ctx, v):
        return []
    out = []
    done = set()
    for e in entries_of(ctx, v):
        if id(e) in done:
            continue
        done.add(id(e))
        if e.get("needs_modifier") and not any(
                c.dep_ == "advmod" and c.lower_ in e["needs_modifier"] for c in v.children):
            continue
        if e.get("needs_word") and not clause_has(v, e["needs_word"]):
            continue
        out.extend(verb_entry(ctx, v, e))
    return out


def _objects_of(v, prep: str) -> list:
    """The objects of ``v``'s preposition ``prep`` ("known *as* the Nusra Front")."""
    return [p for c in v.children if c.dep_ == "prep" and c.lower_ == prep for p in c.children if p.dep_ == "pobj"]


def place_relations(ctx: RelationContext, v, rtype: str, kinds, agents, patients) -> list[Found]:
    """"JNIM controls Timbuktu and several towns": the agent and each place among the patients."""
    state = ctx.state
    out = []
    for a_tok in agents:
        for am, at in arg(ctx, a_tok, kinds=kinds):
            for p_tok in patients:
                p_tok = tok_of(p_tok)
                for t in [p_tok] + list(p_tok.conjuncts):
                    pm = state.place_at(t.idx, t.idx + len(t.text)) if state.place_mentions else None
                    if pm is None:
                        continue
                    place = Mention(start=pm.start, end=pm.end, actor_id=pm.place_id, text=pm.text, how="place")
                    out.append(Found(rtype, am, place, [v, at, t], v, ctx.negated(v)))
    return out


def verb_entry(ctx: RelationContext, v, e) -> list[Found]:
    """The relations of verb ``v`` under entry ``e``."""
    r = ctx.rules
    rtype = e["type"]
    kinds = r.types[rtype].get("pronoun_kinds")
    agents, patients, _passive = agent_patient(v, r)
    if e.get("patient") == "renamed":  # "X rebranded itself as Y" / "X renamed Y": Y formerly X
        return pairs(ctx, rtype, _objects_of(v, r.name_preposition), list(agents), v, kinds, e)
    if e.get("object_from"):
        others = _objects_of(v, e["object_from"])
        if v.dep_ == "acl" and not patients:
            patients = [v.head]
        return pairs(ctx, rtype, patients, others, v, kinds, e)
    if e.get("patient_is_place"):
        return place_relations(ctx, v, rtype, kinds, agents, patients)
    if e["patient"] == "subject":
        return pairs(ctx, rtype, patients, agents, v, kinds, e)
    return pairs(ctx, rtype, agents, patients, v, kinds, e)


def kinds_ok(ctx: RelationContext, e, sm: Mention, om: Mention) -> bool:
    """The verb's constraints on what its patient / agent may be ("Clinton leads Trump" in a poll
    is no leadership: a person is not led)."""
    patient, agent = (sm, om) if e.get("patient") == "subject" else (om, sm)
    pk, ak = e.get("patient_kinds"), e.get("agent_kinds")
    if pk and ctx.kinds.get(patient.actor_id, "other") not in pk:
        return False
    if ak and ctx.kinds.get(agent.actor_id, "other") not in ak:
        return False
    return True


def _found(ctx: RelationContext, rtype: str, sm, om, tokens, v, e, with_kind: bool) -> Found:
    return Found(rtype, sm, om, tokens, v, ctx.negated(v), starts=bool(e.get("starts")), ends=bool(e.get("ends")),
                 kind=support_kind(v, e, ctx.rules) if with_kind and rtype == "supported_by" else None)


def pairs(ctx: RelationContext, rtype, subj_toks, obj_toks, v, kinds, e) -> list[Found]:
    """One relation per (subject, object) pair of conjuncts; when none, a pronoun subject resolved
    with the objects excluded ("it was previously known as X")."""
    out = []
    for s_tok in subj_toks:
        subs = arg(ctx, tok_of(s_tok), kinds=kinds, expand=not isinstance(s_tok, Single))
        for o_tok in obj_toks:
            objs = arg(ctx, tok_of(o_tok), exclude={m.actor_id for m, _ in subs},
                       expand=not isinstance(o_tok, Single))
            for sm, st in subs:
                for om, ot in objs:
                    if sm.actor_id == om.actor_id or not kinds_ok(ctx, e, sm, om):
                        continue
                    out.append(_found(ctx, rtype, sm, om, [v, st, ot], v, e, True))
    if not out and subj_toks and obj_toks:
        out = _pairs_excluding_objects(ctx, rtype, subj_toks, obj_toks, v, kinds, e)
    return out


def _pairs_excluding_objects(ctx: RelationContext, rtype, subj_toks, obj_toks, v, kinds, e) -> list[Found]:
    """A pronoun subject resolved with the object excluded ("it was previously known as X")."""
    out = []
    objs = [m for o in obj_toks for m, _ in arg(ctx, tok_of(o), expand=not isinstance(o, Single))]
    excl = {m.actor_id for m in objs}
    for s_tok in subj_toks:
        for sm, st in arg(ctx, tok_of(s_tok), kinds=kinds, exclude=excl, expand=not isinstance(s_tok, Single)):
            for om in objs:
                if sm.actor_id != om.actor_id and kinds_ok(ctx, e, sm, om):
                    out.append(_found(ctx, rtype, sm, om, [v, st], v, e, False))
    return out
