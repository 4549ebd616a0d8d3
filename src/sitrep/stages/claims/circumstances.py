"""Where, according to whom, and when a count holds.

* **where** (:func:`place`): a place attached by a preposition to the noun or to a word of the clause
  path ("900 troops *in Iraq*"), or one phrase deeper ("killed in strikes *on Rafah*"); "the country"
  is the country the article was last speaking of (:func:`country_in_context`); a loss that no actor
  owns belongs to the place of its incident (:func:`incident_place`, named by :func:`place_ref`);
* **according to whom** (:func:`source`): the subject of a reporting verb above the count ("...,
  *CNN* notes") or "according to X" in the sentence;
* **when** (:func:`date`): a date expression (at/since) of the dates stage in the same clause, or in a
  temporal clause of it ("killed since the offensive began *on Nov. 27*").
"""

from __future__ import annotations

from typing import Optional

from ...core.contract import ActorRef
from .reader import VERB_POS, ClaimReader


# -- where ------------------------------------------------------------------------------------------
def _pobj_place(r: ClaimReader, pobj):
    """The place mention on a prepositional object, or one phrase deeper ("strikes on Rafah")."""
    state = r.state
    pm = state.place_at(pobj.idx, pobj.idx + len(pobj.text))
    if pm is None:  # "killed in strikes on Rafah": one phrase deeper
        for sub in pobj.children:
            if sub.dep_ == "prep" and sub.lower_ in r.voc.place_preps:
                for p2 in sub.children:
                    if p2.dep_ == "pobj":
                        pm = state.place_at(p2.idx, p2.idx + len(p2.text)) or pm
    return pm


def _place_preps(r: ClaimReader, tok):
    """The place prepositions attached to ``tok`` ("to" only on a verb: "sent 900 troops to Iraq")."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in r.voc.place_preps:
            continue
        if prep.lower_ == "to" and tok.pos_ not in VERB_POS:
            continue
        yield prep


def place(r: ClaimReader, path, start: int) -> Optional[str]:
    """The place id of a count whose clause path is ``path`` (see the module doc), or None."""
    voc = r.voc
    for tok in path:
        for prep in _place_preps(r, tok):
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                pm = _pobj_place(r, pobj)
                if pm is not None:
                    return pm.place_id
                if pobj.lemma_.lower() in voc.deictic and any(c.lower_ in voc.deictic_determiners
                                                               for c in pobj.children):
                    return country_in_context(r, start)
    return None


def country_in_context(r: ClaimReader, offset: int) -> Optional[str]:
    """The country the article last spoke of as a place ("in Syria", not "the US said"): the last
    country named after a locative preposition before ``offset``, else the last country named before
    it, else the country named most."""
    state = r.state
    last = last_loc = None
    counts: dict[str, int] = {}
    text = state.text
    lookback = r.config.locative_lookback
    for pm in state.place_mentions:
        p = r.places.get(pm.place_id)
        if p is None or p.feature != "country":
            continue
        counts[pm.place_id] = counts.get(pm.place_id, 0) + 1
        if pm.start < offset:
            last = pm.place_id
            if r.voc.locative.search(text, max(0, pm.start - lookback), pm.start):
                last_loc = pm.place_id
    if last_loc is not None:
        return last_loc
    if last is not None:
        return last
    return max(counts, key=counts.get) if counts else None


def place_ref(r: ClaimReader, place_id: str, offset: int) -> ActorRef:
    """A place as a claim's owner (the events stage's convention for a place with no actor: the place
    id in ``actor_id``), named by its mention nearest before ``offset`` (else its first, else its name)."""
    best = None
    for pm in r.state.place_mentions:
        if pm.place_id != place_id:
            continue
        if best is None or pm.start <= offset:
            best = pm
    if best is not None:
        return ActorRef(actor_id=place_id, text=best.text)
    p = r.places.get(place_id)
    return ActorRef(actor_id=place_id, text=p.name if p is not None else place_id)


def _scene(r: ClaimReader, pm) -> bool:
    """Whether a place mention may be the scene of an incident: not a modifier ("a *Britain*-based
    monitor", "*Iran*-backed") and not where something was said ("said *in Geneva*", "*In Washington*,
    Biden said")."""
    text = r.state.text
    if text[pm.end:pm.end + 1] in ("-", "‐", "–"):
        return False
    span = r.state.doc.char_span(pm.start, pm.end, alignment_mode="expand")
    if span is None:
        return True
    tok = span.root
    prep = tok.head if tok.dep_ == "pobj" else None
    verb = prep.head if prep is not None and prep.dep_ == "prep" else None
    return not (verb is not None and verb.pos_ in VERB_POS and verb.lemma_.lower() in r.voc.attribution)


def incident_place(r: ClaimReader, anchor) -> tuple[Optional[str], bool]:
    """Where a loss that no actor owns happened, when its clause names no place: a place its sentence
    names (one after a locative preposition first: "... after shelling *in* Sinjar"), else the place
    the article last spoke of before it (never a modifier or where something was said: :func:`_scene`)
    ("Shelling hit Sinjar on Monday. Two people were killed."),
    one named after a locative preposition first. Place mentions are in text order. Returns the place
    id and whether the count's own sentence names it."""
    state = r.state
    sent = anchor.sent
    lo, hi = sent.start_char, sent.end_char
    text = state.text
    lookback = r.config.locative_lookback
    in_sent = in_sent_loc = before = before_loc = None
    for pm in state.place_mentions:
        if pm.start >= hi:
            break
        scene = r.scenes.get(pm.start)
        if scene is None:
            scene = r.scenes[pm.start] = _scene(r, pm)
        if not scene:
            continue
        loc = bool(r.voc.locative.search(text, max(0, pm.start - lookback), pm.start))
        if pm.start >= lo:
            in_sent = in_sent or pm.place_id
            in_sent_loc = in_sent_loc or (pm.place_id if loc else None)
        else:
            before = pm.place_id
            before_loc = pm.place_id if loc else before_loc
    if in_sent_loc or in_sent:
        return in_sent_loc or in_sent, True
    return before_loc or before, False


# -- according to whom -------------------------------------------------------------------------------
def source(r: ClaimReader, anchor) -> Optional[ActorRef]:
    """Who reports the count: the subject of a reporting verb above it, or "according to X" in its
    sentence."""
    tok = anchor
    for _ in range(r.config.source_climb_limit):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in VERB_POS and tok.lemma_.lower() in r.voc.attribution:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            m = r.mention(subj)
            if m is not None:
                return m.ref()
    sent = anchor.sent
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
            to = t.nbor(1)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None and to.i + 1 < sent.end:
                pobj = to.nbor(1)
            m = r.mention(pobj)
            if m is not None:
                return m.ref()
    return None


# -- when -------------------------------------------------------------------------------------------
def temporal_clause_of(verb, clause: set, marks: frozenset) -> bool:
    """Is ``verb`` the head of a temporal clause of one of the ``clause`` verbs ("killed since the
    offensive began on Nov. 27")?"""
    if verb.dep_ == "advcl" and verb.head.i in clause:
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in verb.children)
    if verb.dep_ == "pcomp" and verb.head.lower_ in marks:
        return verb.head.head.i in clause
    return False


def date(r: ClaimReader, anchor, path) -> Optional[str]:
    """The value of the first at/since date expression of the dates stage governed by the count's
    clause (see the module doc), or None."""
    state = r.state
    if not state.dates:
        return None
    sent = anchor.sent
    lo, hi = sent.start_char, sent.end_char
    clause = {t.i for t in path if t.pos_ in VERB_POS}
    for d in state.dates:
        if d.value is None or d.start < lo or d.end > hi or d.relation not in ("at", "since"):
            continue
        span = state.doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        verb = next((a for a in span.root.ancestors if a.pos_ in VERB_POS), None)
        if verb is not None and (verb.i in clause or temporal_clause_of(verb, clause, r.voc.temporal_marks)):
            return d.value
    return None
