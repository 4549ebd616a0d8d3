"""Resolving one entity span to an actor: the first of these rules that decides wins.

1. KB id from the entity ruler -> that entry (:func:`.kb_match.kb_entity`);
2. an acronym or name the article defined -> its actor;
3. an ORG/NORP that is a title ("the National Security Advisor") -> nothing (persons handle titles);
4. a KB name or alias -> that entry; a demonym ("Russian") -> its state;
5. a KB metonym ("Moscow") -> its government when it acts (:mod:`.metonyms`), else nothing (a place);
6. an unknown name in a place frame ("the town of Tal Rifaat") -> nothing (:mod:`.frames`);
7. a PERSON -> a person (:mod:`.persons`);
8. a short form of a person or organisation named before ("Caddell", "the Post") -> that actor;
9. GPE/LOC/FAC -> nothing (places are the places stage's);
10. a near-spelling of a KB name -> that entry;
11. anything else capitalised and not a place -> a new actor, its kind inferred from its words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...lang.coref import surname_of
from ...kb import norm
from ...lang.casing import capitalised_by_position
from . import frames, kb_match, persons
from .agents import head_entries
from .kinds import infer_kind
from .metonyms import metonym_acts


@dataclass
class Entity:
    """An entity span being resolved: token offsets, NER/ruler label, KB id ("" when none)."""

    ts: int
    te: int
    label: str
    eid: str
    span: Any

    @property
    def text(self) -> str:
        return self.span.text


def known_id(b, e: Entity) -> bool:
    """Rule 1: the KB ruler gave the entity an id ("Jabhat al-Nusra" -> NUSRA)."""
    if e.eid and e.eid in b.kb.entries:
        kb_match.kb_entity(b, e.ts, e.te, e.label, e.eid)
        return True
    return False


def defined_here(b, e: Entity) -> bool:
    """Rule 2: "FSL" after "the Free Syrian Legion (FSL)"."""
    return kb_match.local_name(b, e.ts, e.te)


def title_not_name(b, e: Entity) -> bool:
    """Rule 3: the small model's ORG/NORP for a title or a generic agent ("the National Security
    Advisor", "Kidnappers" after a dateline) is no name: the agents read it. A word capitalised only
    by its position and its lower-case followers count by their lower-cased form ("MOGADISHU (Agency) -
    Kidnappers seized ..."), never a name of several capitalised words ("Rapid Support Forces")."""
    if e.label not in ("ORG", "NORP"):
        return False
    lemmas = [t.lemma_.lower() for t in e.span]
    if b.agents.match(lemmas) is not None:
        return True
    span = e.span
    if any(t.text[:1].isupper() for t in span[1:]) or not capitalised_by_position(
            span[0], b.config.headline_case_share):
        return False
    cands = head_entries(b, span[-1])
    return bool(cands) and b.agents.match(lemmas[:-1] + [cands[0].head]) is not None


def kb_alias(b, e: Entity) -> bool:
    """Rule 4a: a KB name or alias the ruler did not tag ("Tahrir al-Sham")."""
    kid = b.kb.lookup(e.text)
    if kid:
        b.add_mention(e.ts, e.te, b.add_actor_kb(kid), "alias")
        return True
    return False


def demonym(b, e: Entity) -> bool:
    """Rule 4b: a demonym tagged NORP/GPE/ORG ("Iranian") names its state."""
    dem = b.kb.demonym(e.text)
    if dem and e.label in ("NORP", "GPE", "ORG"):
        b.add_mention(e.ts, e.te, b.add_actor_kb(dem), "demonym")
        return True
    return False


def metonym(b, e: Entity) -> bool:
    """Rule 5: "Moscow said" -> RUS (how "metonym"); "in Moscow" -> no actor (decided either way)."""
    met = b.kb.metonym(e.text)
    if not met:
        return False
    if metonym_acts(b, e.span, e.label):
        b.add_mention(e.ts, e.te, b.add_actor_kb(met), "metonym")
    return True


def place_frame(b, e: Entity) -> bool:
    """Rule 6: "the town of Tal Rifaat", "Daraa and Sweida provinces": a place, whatever NER said."""
    return frames.in_place_frame(b, e.span)


def person(b, e: Entity) -> bool:
    """Rule 7: a PERSON entity."""
    if e.label == "PERSON":
        persons.resolve_person_name(b, e.ts, e.te)
        return True
    return False


def short_form(b, e: Entity) -> bool:
    """Rule 8: "Caddell" tagged ORG after "Pat Caddell"; "the Post" after "the New York Post"."""
    span = e.span
    if not (len(span) <= 2 and span[0].is_title):
        return False
    words = [t.text for t in span if not t.is_punct]
    hit = surname_of(words, b.persons(), b.salience(), first_names=False)
    if hit is None and e.label in ("ORG",):
        hit = surname_of(words, b.new_organisations(), b.salience(), first_names=False)
    if hit:
        b.add_mention(e.ts, e.te, hit, "alias")
        return True
    return False


def place_label(b, e: Entity) -> bool:
    """Rule 9: GPE/LOC/FAC are the places stage's."""
    return e.label in ("GPE", "LOC", "FAC")


def near_spelling(b, e: Entity) -> bool:
    """Rule 10: an ORG/NORP near-spelling of a KB name ("Hayat Tahrir al-Shams")."""
    if b.config.fuzzy and e.label in ("ORG", "NORP"):
        fid = kb_match.fuzzy_lookup(b, e.text)
        if fid:
            b.add_mention(e.ts, e.te, b.add_actor_kb(fid), "alias")
            return True
    return False


def not_a_name(b, e: Entity) -> bool:
    """No capitalised word, a misread place ("in Idlib"), or a portfolio word of a title ("Defence"
    of "Defence Secretary Marcus Hale")."""
    span = e.span
    if not any(t.is_alpha and t.text[0].isupper() for t in span):
        return True
    if frames.looks_like_place(b, span, e.label):
        return True
    return e.label == "ORG" and all(t.lower_ in b.cues.portfolio_words for t in span)


def person_by_apposition(b, e: Entity) -> bool:
    """ "Marcus Hale, the British defence secretary," that NER called an ORG: a person when two or
    three capitalised words without an armed group's or medium's word come before a title."""
    span = e.span
    if e.label == "ORG" and persons.followed_by_title(b, e.te) and 2 <= len(span) <= 3 \
            and all(t.is_title for t in span) \
            and not set(norm(e.text).split()) & (b.cues.armed_group_words | b.cues.media_words):
        persons.resolve_person_name(b, e.ts, e.te)
        return True
    return False


def unknown_name(b, e: Entity) -> bool:
    """Rule 11: a new actor ("The Northern Valley Brigades" -> armed_group), unless not a name."""
    if not_a_name(b, e) or person_by_apposition(b, e):
        return True
    b.add_mention(e.ts, e.te, b.add_actor_new(e.text, infer_kind(b, e.text, e.label)), "name")
    return True


#: the rules in order; each returns True when it decided the entity (with or without a mention)
RULES = (known_id, defined_here, title_not_name, kb_alias, demonym, metonym, place_frame, person, short_form,
         place_label, near_spelling, unknown_name)


def resolve_entity(b, ts: int, te: int, label: str, eid: str) -> None:
    """Apply :data:`RULES` to one entity span until one decides."""
    e = Entity(ts=ts, te=te, label=label, eid=eid, span=b.doc[ts:te])
    for rule in RULES:
        if rule(b, e):
            return
