"""Metonymy: when a capital or seat of power ("Moscow", "Washington", "the Kremlin", "the Pentagon")
stands for its government.

Contract with the places stage: a KB metonym becomes a mention of the government actor
(``how == "metonym"``) ONLY when it acts, speaks or receives, read from its dependency role:

* subject of an active verb ("Moscow said"), not of a place verb ("Aleppo fell", "Kyiv lies") nor of
  "be" -- unless it is a building or an ORG ("the Kremlin is ...");
* subject of a passive addressing verb ("Tehran was urged"), object of an addressing or contact verb
  ("urged Tehran"), indirect object ("told Moscow");
* possessor of a non-place noun ("Moscow's position", not "Moscow's streets");
* modifier of a title, contact noun or agent ("Kremlin spokesman", "Washington talks");
* agent of a passive ("was condemned by Washington"), party to contact ("reach out to Moscow", "talks
  with Tehran"), of a title or contact noun ("the envoy of Moscow"); never after a place preposition
  ("fighting in Moscow").

A dateline ("WASHINGTON -") is where the story was filed: never an actor.
"""

from __future__ import annotations

from typing import Optional


def is_dateline(b, span) -> bool:
    """ "WASHINGTON (Reuters) -": an all-capitals name at the start of the text or of a line."""
    return span.text.isupper() and len(span.text) > 3 and (
        span.start == 0 or "\n" in b.doc[span.start - 1].text_with_ws)


def is_building(b, span, label: str) -> bool:
    """ "the Kremlin", "the White House" (a definite name) or an ORG/FAC: a seat of power that acts
    even as the subject of "be"."""
    if span.start:
        return label in ("ORG", "FAC") or b.doc[span.start - 1].lower_ == "the"
    return label in ("ORG", "FAC")


def addressed_by(b, lemma: str) -> bool:
    """Is ``lemma`` a verb whose object receives ("urge", "sanction") or takes part ("reach", "talk")?"""
    return lemma in b.cues.object_verbs or lemma in b.cues.contact_verbs


def as_subject(b, head, building: bool) -> bool:
    """ "Moscow said" acts; "Aleppo fell", "Kyiv is cold" are places (unless a building)."""
    return head.lemma_ not in b.cues.place_subject_verbs and head.lemma_ != "be" or building


def as_passive_subject(b, head, building: bool) -> bool:
    """ "Tehran was urged to ..." receives; "Kyiv was hit" is a place."""
    return addressed_by(b, head.lemma_)


def as_object(b, head, building: bool) -> bool:
    """ "urged Tehran", "reach Moscow" receive; "hit Kyiv" is a place (unless a building)."""
    return addressed_by(b, head.lemma_) or building


def as_possessor(b, head, building: bool) -> bool:
    """ "Moscow's position" acts; "Moscow's streets" is a place."""
    return head.lemma_.lower() not in b.cues.place_nouns


def as_modifier(b, head, building: bool) -> bool:
    """ "Kremlin spokesman", "Washington talks", "Moscow officials" act."""
    h = head.lemma_.lower()
    return h in b.data.role_heads or h in b.cues.contact_nouns or h in b.agents.by_head


def as_prep_object(b, head, building: bool) -> bool:
    """ "condemned by Washington", "talks with Tehran", "the envoy of Moscow" act; "in Moscow" is a place."""
    return _by_preposition(b, head.lower_, head.head, building, agent=head.dep_ == "agent")


def _by_preposition(b, prep: str, gov, building: bool, agent: bool = False, of: tuple = ("of",)) -> bool:
    """The rule of :func:`as_prep_object` for the preposition ``prep`` hanging on ``gov``."""
    cues = b.cues
    if agent or prep in cues.agent_preps:
        return True
    if prep in cues.place_preps:
        return False
    if prep in cues.contact_preps:
        lem = gov.lemma_.lower()
        return lem in cues.contact_verbs or lem in cues.contact_nouns or lem in cues.object_verbs
    if prep in of:
        lem = gov.lemma_.lower()
        return lem in b.data.role_heads or lem in cues.contact_nouns or building
    return building


#: Universal Dependencies (French parses): the relation of the metonym -> its English counterpart's rule;
#: an oblique or nominal modifier is read by its preposition (its ``case`` child: "par", "avec", "de")
_UD_BY_DEP = {
    "nsubj": as_subject,
    "nsubj:pass": as_passive_subject,
    "obj": as_object,
    "iobj": lambda b, head, building: True,
    "obl:agent": lambda b, head, building: True,
}
_UD_OBLIQUE = ("obl", "obl:arg", "obl:mod", "nmod")
_UD_OF = ("de", "d'", "d\u2019", "du", "des")


def _ud_metonym_acts(b, root, building: bool) -> Optional[bool]:
    """:func:`metonym_acts` on a Universal Dependencies parse (None: no rule for the relation)."""
    dep, head = root.dep_, root.head
    rule = _UD_BY_DEP.get(dep)
    if rule is not None:
        return rule(b, head, building)
    if dep in _UD_OBLIQUE:
        prep = next((c.lower_ for c in root.children if c.dep_ == "case"), None)
        if prep is None:
            return building
        return _by_preposition(b, prep, head, building, of=_UD_OF)
    return None


#: dependency label of the metonym -> the rule deciding whether it acts
_BY_DEP = {
    "nsubj": as_subject,
    "nsubjpass": as_passive_subject,
    "dobj": as_object,
    "iobj": lambda b, head, building: True,
    "dative": lambda b, head, building: True,
    "poss": as_possessor,
    "compound": as_modifier,
    "pobj": as_prep_object,
}


def metonym_acts(b, span, label: str) -> bool:
    """Does the capital / seat of power ``span`` act, speak or receive (-> government actor)?"""
    root = b.conj_top(span.root)
    dep, head = root.dep_, root.head
    if is_dateline(b, span):
        return False  # a dateline ("WASHINGTON -"), where the story was filed
    building = is_building(b, span, label)
    if b.doc.lang_ != "en":
        acts = _ud_metonym_acts(b, root, building)
        if acts is not None:
            return acts
    rule = _BY_DEP.get(dep)
    if rule is not None:
        return rule(b, head, building)
    return building and dep not in ("appos",)
