"""Candidates that are no act of their own (news GUIDELINES §1-§2, §9): the toll an act's participle
tells ("attacked the base, *killing* two soldiers": one attack), and an act that is only the purpose
of another ("sent commandos *to support* its offensives": the sending happened, the support is an aim).
Each is marked ``suppressed``; what it says of the act's victims goes to the act. A bare definite act
noun that refers back to an act told before is not coded again, and a seizure by fighting is an attack.
"""

from __future__ import annotations

import dataclasses
from typing import Optional

from .arguments import definite_act, is_instrument, restates
from .context import ArticleContext
from .grammar import children, conjuncts, has_to_infinitive
from .model import Candidate


def _by_head(cands: list[Candidate]) -> dict[int, Candidate]:
    """The candidates by the index of their trigger and of their light verb."""
    out: dict[int, Candidate] = {}
    for c in cands:
        for h in c.heads:
            out.setdefault(h.i, c)
    return out


def consequence_participles(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """A casualty participle adjoined to an act of its type ("militants attacked the station, *killing*
    a police officer", "launched an attack on the forces, *killing* two soldiers") tells that act's toll:
    one event, not two (news gold); so does a participle telling how a protest went
    (``manner_participle_types``: "residents gathered in the centre, *chanting* slogans"). The act takes
    the participle's victims when it names no target but the state it is done in ("attacked a police
    station in Colombia, killing a police officer")."""
    heads = _by_head(cands)
    for c in cands:
        t = c.trigger
        if (c.kind != "verbal" or c.suppressed or t.tag_ != "VBG" or t.dep_ not in ctx.cues.consequence_deps
                or children(t, "nsubj") or not (t.lemma_.lower() in ctx.cues.casualty_lemmas
                                                or c.sense.type.lower() in ctx.cues.manner_participle_types)):
            continue
        act = heads.get(t.head.i)
        if act is None or act is c or act.suppressed or act.sense.type != c.sense.type:
            continue
        c.suppressed = True
        if not any(ctx.mention_for(x) and not _in_state(ctx, x) for x in act.targets):
            act.targets = list(c.targets) or act.targets


def _in_state(ctx: ArticleContext, tok) -> bool:
    """Is ``tok`` the object of a preposition naming where an act is done ("in Colombia")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in ctx.cues.state_recipient_preps


def purpose_clauses(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """An act in a to-infinitive of purpose adjoined to another act ("has sent commandos *to support*
    its offensives", "launched an offensive *to take control* of the region") is what the doer aims at,
    not an act the text states (news GUIDELINES §1): no event. Not when the verb it is adjoined to is
    no act ("dispatched firefighters *to help* Bolivia", "sent personnel to Bosnia *to investigate*":
    the purpose is the news); not an infinitive complement ("moved *to disarm* the forces", "agreed *to
    withdraw*"), which the frames and the modality read; not the purpose of using a means
    (``cues.means_verbs``: "police used tear gas *to disperse* the crowd": the dispersal is the act); and
    not a purpose that makes the act what it is (``cues.stated_purpose_types``: "shunned work *to
    protest*"). An act of the same type aimed at someone takes them as its target ("has been fighting
    since 2006 *to topple the government*")."""
    heads = _by_head(cands)
    for c in cands:
        t = c.trigger if c.light is None else c.light
        if c.suppressed or t.dep_ != "advcl" or children(t, "nsubj") or t.head.i == t.i \
                or t.head.lemma_.lower() in ctx.cues.means_verbs:
            continue
        act = heads.get(t.head.i)
        if act is None or act.suppressed or c.sense.type.lower() in ctx.cues.stated_purpose_types \
                or not has_to_infinitive(t):
            continue
        c.suppressed = True
        if act.sense.type == c.sense.type and not any(ctx.mention_for(x) for x in act.targets):
            act.targets = list(c.targets) or act.targets


def attempted_aims(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """An act below another act of its type by the same doer tells that act again, not a second one
    (news GUIDELINES §1: one act; its purpose is no event): its aim, in an infinitive ("police fired
    teargas and *moved to disperse* crowds", "riot police used water cannons *to try to disperse*
    people"), or its means, in a participle of a means verb (``cues.means_verbs``: "troops attacked the
    village, *firing* on its houses"). Reached through ``xcomp`` / ``advcl`` links, conjuncts and the verbs
    of ``cues.attempt_verbs`` (:func:`_governing_act`)."""
    heads = _by_head(cands)
    for c in cands:
        if c.suppressed or c.kind != "verbal" or not _aim_or_means(ctx, c.trigger):
            continue
        doers = _doers(ctx, c)
        act = _governing_act(ctx, c.trigger, heads)
        if doers and act is not None and act is not c and not act.suppressed \
                and act.sense.type == c.sense.type and _doers(ctx, act) == doers:
            c.suppressed = True


def _aim_or_means(ctx: ArticleContext, t) -> bool:
    """Is verb ``t`` an adjoined infinitive ("to disperse") or an adjoined participle of a means verb
    ("firing")?"""
    if t.dep_ not in ("xcomp", "advcl"):
        return False
    return has_to_infinitive(t) or (t.tag_ == "VBG" and t.lemma_.lower() in ctx.cues.means_verbs)


def _governing_act(ctx: ArticleContext, t, heads: dict, hops: int = 3) -> Optional[Candidate]:
    """The candidate whose trigger governs infinitive ``t`` through ``xcomp``/``advcl`` links, passing
    verbs of ``cues.attempt_verbs`` and the conjuncts of an act ("fired teargas and moved to ...")."""
    for _ in range(hops):
        if t.dep_ not in ("xcomp", "advcl", "conj") or t.head.i == t.i:
            return None
        t = t.head
        if t.i in heads:
            return heads[t.i]
        if t.lemma_.lower() not in ctx.cues.attempt_verbs:
            return None
    return None


def _doers(ctx: ArticleContext, c: Candidate) -> frozenset:
    """The actors (ids) of ``c``'s source tokens that name one."""
    return frozenset(m.actor_id for m in (ctx.mention_for(s) for s in c.sources) if m is not None)


def references_back(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """A definite act noun that no light verb carries ("SOHR described it as *the deadliest attack* by
    the group", "*The RSF attack* marked the latest escalation", "five soldiers died in *the attack*
    claimed by the militants") refers to an act the article told before: a bare reference is not coded
    again (news GUIDELINES §9). Only for the types whose act nouns refer back (``act_anaphor_types``),
    when an act of its type was told in an earlier sentence (coded or not), and when the noun names no party or place
    of its own (``detail_preps``: "the attack *on Ganja*", "the arrest *by* the morality police" tell
    the act again with a detail), nor its toll ("*the bombing* killed 20 people") or its doer ("the
    offensive *led by* HTS")."""
    for c in cands:
        t = c.trigger
        if c.kind != "nominal" or c.suppressed or c.sense.type not in ctx.told_types \
                or c.sense.type.lower() not in ctx.acues.act_anaphor_types:
            continue
        if _predicated_of_reference(ctx, t) or _matter_of_information(ctx, t):
            c.suppressed = True   # "It was the largest attack by the Houthis": a comment on the act told
            continue
        if not definite_act(ctx, t) or any(d.dep_ == "prep" and d.lower_ in ctx.cues.detail_preps for d in t.children):
            continue
        if t.dep_ == "nsubj" and t.head.lemma_.lower() in ctx.cues.casualty_lemmas:
            continue   # "the bombing killed 20 people": told again with its toll
        if restates(ctx, t):
            continue   # "*The attack* occurred near the town of ...", "*Monday's* shelling": told again with a place or day
        if any(a.dep_ == "acl" and (children(a, "agent") or a.lemma_.lower() in ctx.cues.attribution_participles)
               for a in t.children):
            continue   # "the offensive *led by* HTS", "the attack *blamed on* Hamas": told again with its doer
        c.suppressed = True


def _predicated_of_reference(ctx: ArticleContext, t) -> bool:
    """Is act noun ``t`` said of a reference to an act told before ("*It* was the largest *attack* to date by
    the Houthis", "SOHR described *it* as the deadliest *attack* by the group": the subject of the copula
    or the object of the describing verb one of ``verdict_subjects``)? Then it comments on that act, it
    tells no new one, whatever phrases it has."""
    refs = ctx.acues.verdict_subjects
    h = t.head
    if t.dep_ == "attr" and h.lemma_.lower() == "be":
        return any(s.dep_ == "nsubj" and s.lemma_.lower() in refs for s in h.children)
    if t.dep_ == "pobj" and h.lower_ == "as" and h.head.i != h.i:
        return any(o.dep_ == "dobj" and o.lemma_.lower() in refs for o in h.head.children)
    return False


def _matter_of_information(ctx: ArticleContext, t) -> bool:
    """Is act noun ``t`` what a piece of information is about ("did not give timing or a *location for* the
    attack by X", "no *details of* the raid": a noun of ``non_act_objects``)? It refers to the act told
    before; the information about it tells no new one."""
    p = t.head
    return (t.dep_ == "pobj" and p.lower_ in ("for", "of", "about", "on") and p.head.i != p.i
            and p.head.lemma_.lower() in ctx.cues.non_act_objects)


def captures_by_fighting(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """Taking a place by fighting is an attack (news GUIDELINES §9: "capturing a town by fighting is
    ASSAULT, taking it without a fight COERCE seize"): a seizure whose doer attacks in the same sentence
    or whose clause is chained to the attack ("troops attacked junta soldiers in Kawlin, before
    overpowering them and *taking over* the town": ``capture_links``) takes the attack's type (its modes:
    ``capture_modes``, its words: ``capture_lemmas``; "later *annexed* it" stays a seizure)."""
    attacks = [c for c in cands if c.sense.type == "ASSAULT" and not c.suppressed]
    if not attacks:
        return
    attackers = {t.i for c in attacks for t in c.sources}
    attack_heads = {h.i for c in attacks for h in c.heads}
    for c in cands:
        if c.sense.type != "COERCE" or c.sense.mode not in ctx.cues.capture_modes \
                or c.trigger.lemma_.lower() not in ctx.cues.capture_lemmas or _takes_objects(ctx, c):
            continue
        if any(t.i in attackers for t in c.sources) or _linked_to(c.trigger, attack_heads, ctx.cues.capture_links):
            c.sense = dataclasses.replace(c.sense, type="ASSAULT", mode=None, cameo=None)


def _takes_objects(ctx: ArticleContext, c: Candidate) -> bool:
    """Does the seizure take things, not a place ("seized the two *firearms*", "took the *vehicles*": the
    weapons and vehicles of ``weapon_nouns`` and ``instrument_nouns``)? It stays a seizure however it
    was done (news gold)."""
    things = ctx.cues.weapon_nouns | ctx.cues.instrument_nouns | ctx.cues.seized_things
    objs = [o for ch in c.trigger.children if ch.dep_ in ("dobj", "nsubjpass") for o in conjuncts(ch)]
    return bool(objs) and all(o.lemma_.lower() in things for o in objs)


def _linked_to(t, heads: set, links, hops: int = 3) -> bool:
    """Is ``t`` one of the clauses chained to a trigger in ``heads`` ("attacked ..., before overpowering
    them and *taking over* the town") through at most ``hops`` of the ``links``?"""
    for _ in range(hops):
        if t.dep_ not in links or t.head.i == t.i:
            return False
        t = t.head
        if t.i in heads:
            return True
    return False


def conditions(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """The act in a condition ("*if* Hamas attacks again, Israel will respond", "*unless* the junta
    releases the prisoners") is no act of its doer: it is what another's threat or promise hangs on
    (news GUIDELINES §2, §4); the clause it conditions is coded (``condition_marks``)."""
    for c in cands:
        t = c.trigger if c.light is None else c.light
        if not c.suppressed and t.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ctx.cues.condition_marks for m in t.children):
            c.suppressed = True


def absolute_tolls(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """A casualty participle in an absolute phrase ("224 people were detained, *with* 21 police officers
    *injured*") counts victims: a claim, not an act (news GUIDELINES §9), and its noun is no doer."""
    for c in cands:
        t = c.trigger
        if (c.kind == "verbal" and t.tag_ == "VBN" and t.dep_ == "pcomp" and t.head.lower_ in ctx.cues.absolute_preps
                and t.lemma_.lower() in ctx.cues.casualty_lemmas):
            c.suppressed = True


def held_states(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """A coercion participle restricting the people it holds, with no doer and no time ("to avenge
    people *detained* in prisons run by the Taliban", "prisoners *held* in Evin"), describes their state,
    not an act (``state_participle_types``); "activists detained by police on Monday" stays an act."""
    for c in cands:
        t = c.trigger
        if (c.kind != "verbal" or c.suppressed or t.dep_ != "acl" or t.tag_ != "VBN"
                or c.sense.type.lower() not in ctx.cues.state_participle_types):
            continue
        if t.i > 0 and t.doc[t.i - 1].text == ",":
            continue   # "the activists, detained on Monday, ...": told as an act
        if any(x.dep_ in ("agent", "nsubj", "nsubjpass", "aux", "auxpass", "mark") for x in t.children) \
                or any(x.ent_type_ in ("DATE", "TIME") for x in t.subtree):
            continue   # a doer, a clause of its own ("an allegation that the NPFL had *taken over* ..."), a time
        c.suppressed = True


def tolls_of_unclaimed_acts(ctx: ArticleContext, cands: list[Candidate]) -> None:
    """A casualty verb that reports an act noun naming no doer ("at least 22 people were killed *in an
    overnight raid*", "four Palestinians were killed *in a drone strike*") is one act with it: the verb,
    which names the victims, is kept, the act noun not coded again (an act noun with its doer takes the
    victims instead: ``casualties_to_acts``). Only when the victims name an actor: else the act noun is
    the event."""
    nouns = {c.trigger.i: c for c in cands if c.kind == "nominal" and not c.suppressed}
    if not nouns:
        return
    for c in cands:
        t = c.trigger
        if c.kind != "verbal" or c.suppressed or t.lemma_.lower() not in ctx.cues.casualty_lemmas \
                or not any(ctx.mention_for(x) for x in c.targets):
            continue   # victims naming no actor: the act noun stays ("one person was injured in the attack on X")
        for p in t.children:
            if p.dep_ not in ("prep", "agent") or p.dep_ == "prep" and p.lower_ not in ctx.cues.toll_cause_preps:
                continue
            for o in p.children:
                act = nouns.get(o.i)
                if (act is not None and o.dep_ == "pobj" and act.sense.type == c.sense.type
                        and not any(ctx.mention_for(x) for x in act.sources)):
                    act.suppressed = True

def armed_operations(ctx: ArticleContext, cands: list) -> None:
    """A joint operation carried out *with* weapons ("carried out a joint military operation with a large
    number of ballistic missiles and drones") is an attack, not cooperation with a partner: a COOPERATE act
    whose only "with" parties are weapons or their platforms (``weapon_nouns``, ``instrument_nouns``;
    news gold) becomes an ASSAULT, and the weapons are no party of it (news GUIDELINES §3). A weapon
    named elsewhere ("sharing information *on* North Korea's *missile* with the US") arms nothing: the
    act stays cooperation."""
    for c in cands:
        if c.sense.type != "COOPERATE" or not c.targets:
            continue
        if all(_armed(ctx, t) and _with_phrase(t) for t in c.targets):
            c.sense = dataclasses.replace(c.sense, type="ASSAULT", mode=None, cameo=None)
            c.targets = []


def _with_phrase(tok) -> bool:
    """Is ``tok`` the object of a "with" phrase ("an operation *with* missiles")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ == "with"


def _armed(ctx: ArticleContext, tok) -> bool:
    """Is ``tok`` a weapon or platform, or a count of them ("a large number *of* missiles")?"""
    if is_instrument(tok, ctx.cues):
        return True
    of = [p for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of" for p in ch.children if p.dep_ == "pobj"]
    return tok.lemma_.lower() in ctx.lex.quantity_words and bool(of) and all(is_instrument(p, ctx.cues) for p in of)


def described_things(ctx: ArticleContext, cands: list) -> None:
    """A cooperative act in a relative clause on a weapon or a platform ("targeted a US ship *that was
    providing support* to Israel"): the clause says what the thing is for, the thing does no act (it is
    no party, news GUIDELINES §3); not an event (news gold)."""
    for c in cands:
        t = c.trigger if c.light is None else c.light
        if c.kind == "verbal" and t.dep_ == "relcl" and ctx.onto.quad(c.sense.type).endswith("cooperation") \
                and is_instrument(t.head, ctx.cues):
            c.suppressed = True

