"""Whose count it is.

1. an actor modifying the counted noun ("*US* troops", "*Russia's* soldiers"); a generic agent or a
   pronoun on the noun itself is what is counted, not its owner;
2. else, climbing the parse from the noun (:func:`owner`), at each verb (:func:`verb_owner`):

   * a reporting verb ("..., *CNN notes*") stops the climb: its subject is the source, never the owner;
   * a count of forces or weapons the act was done to ("the gang *set fire to* 34 vehicles", "rebels
     *destroyed* 12 tanks": ``patient_verbs``) is damage to someone else's, never the subject's own:
     the climb stops without an owner;
   * for losses (dead, wounded, detained ...) only a verb through which a count passes to its owner
     ("Russia *lost* 500 soldiers") goes on: "Russian strikes killed 12 Syrian soldiers" is not
     Russia's dead;
   * the verb's subject, or an actor modifying it ("*The US* budget allocates ...");
     "we" in reported speech is the speaker's side (:func:`speaker_side`);
   * the agent of a passive ("... were deployed *by Russia*");
   * object control: "puts *the US* in a position of ... maintaining 1,000 troops";

   and at each noun an actor modifying it ("*Russia's* deployment of 1,000 troops").
"""

from __future__ import annotations

from typing import Optional

from ...core.article import Mention
from .reader import VERB_POS, ClaimReader
from .circumstances import source

#: dependencies by which an actor modifies a counted noun ("US troops", "Russia's soldiers")
MOD_DEPS = {"compound", "amod", "poss", "nmod"}


def modifier_owner(r: ClaimReader, anchor, skip: set) -> Optional[Mention]:
    """Rule 1: an actor modifying the counted noun (or the noun itself when it names one)."""
    for c in [anchor] + [c for c in anchor.children if c.dep_ in MOD_DEPS]:
        if c.i in skip:
            continue
        m = r.mention(c)
        if m is not None and c.i == anchor.i and (m.how == "pronoun" or r.generic(m)):
            continue  # "troops" as a generic agent is what is counted, not its owner
        if m is not None:
            return m
    return None


def subject_owner(r: ClaimReader, verb, child) -> tuple[Optional[Mention], object]:
    """The actor of ``verb``'s subject (or of a modifier of it, or the speaker's side for "we"), and
    the subject token (None when the subject is the ``child`` climbed from)."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != child.i), None)
    m = r.mention(subj)
    if m is None and subj is not None:  # "The US budget allocates ...", "Russia's army has ..."
        m = next((mm for c in subj.children if c.dep_ in ("compound", "poss", "amod")
                  for mm in [r.mention(c)] if mm is not None), None)
    if m is None and subj is not None and subj.lower_ in r.voc.first_person:
        m = speaker_side(r, subj)
    return m, subj


def acted_upon(voc, verb, child) -> bool:
    """Whether the climb reached ``verb`` from what the act was done to: ``verb`` is a patient verb
    ("destroyed", "shot down", "set fire to") and ``child`` is not its active subject."""
    if child.dep_ == "nsubj" or (child.dep_ == "prep" and child.lower_ in voc.instrument_preps):
        return False  # who acted, or what it acted with ("hit the depot *with* two jets")
    lemma = verb.lemma_.lower()
    if lemma in voc.patient_verbs:
        return True
    words = []
    for c in verb.children:
        if c.dep_ in ("dobj", "prt", "oprd", "acomp", "advmod", "dative"):
            words.append(c.lemma_.lower())
        elif c.dep_ == "prep":  # "set *on fire*"
            words += [g.lemma_.lower() for g in c.children if g.dep_ == "pobj"]
    return any(f"{lemma} {w}" in voc.patient_verbs for w in words)


def verb_owner(r: ClaimReader, verb, child, victim: bool) -> tuple[bool, Optional[Mention]]:
    """Rule 2 at one verb: ``(stop, owner)``; ``stop`` ends the climb (with or without an owner).
    Forces or weapons the act was done to ("the gang set fire to 34 vehicles") have no owner here."""
    lemma = verb.lemma_.lower()
    if lemma in r.voc.attribution or verb.lower_ == "according":
        return True, None
    if not victim and acted_upon(r.voc, verb, child):
        return True, None
    if victim and lemma not in r.voc.owner_verbs:
        return True, None
    m, subj = subject_owner(r, verb, child)
    if m is not None:
        return True, m
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None and child.dep_ != "agent":
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        m = r.mention(pobj)
        if m is not None:
            return True, m
    if subj is not None and subj.i != child.i:
        # object control: "puts the US in a position of ... maintaining 1,000 troops"
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != child.i), None)
        return True, r.mention(obj)
    return False, None


def noun_owner(r: ClaimReader, noun, child) -> Optional[Mention]:
    """Rule 2 at one noun: an actor modifying it ("*Russia's* deployment of 1,000 troops")."""
    for c in noun.children:
        if c.dep_ in ("poss", "compound") and c.i != child.i:
            m = r.mention(c)
            if m is not None:
                return m
    return None


def owner(r: ClaimReader, anchor, span, prop: str) -> tuple[Optional[Mention], list]:
    """The actor whose count it is, and the clause path climbed to find it."""
    path = [anchor]
    m = modifier_owner(r, anchor, set(range(span.start, span.end)))
    if m is not None:
        return m, path
    victim = prop in r.voc.victim
    tok, child = anchor, anchor
    for _ in range(r.config.owner_climb_limit):
        if tok.head.i == tok.i:
            break
        child, tok = tok, tok.head
        path.append(tok)
        if tok.pos_ in VERB_POS:
            stop, m = verb_owner(r, tok, child, victim)
            if stop:
                return m, path
        elif tok.pos_ in ("NOUN", "PROPN"):
            m = noun_owner(r, tok, child)
            if m is not None:
                return m, path
    return None, path


def speaker_side(r: ClaimReader, pron) -> Optional[Mention]:
    """"We" in reported speech: the speaker's affiliation (or the speaker)."""
    src = source(r, pron)
    if src is None:
        return None
    actor = r.state.actor(src.actor_id)
    aid = actor.affiliation if actor is not None and actor.affiliation else src.actor_id
    return Mention(start=pron.idx, end=pron.idx + len(pron.text), actor_id=aid, text=pron.text, how="pronoun")
