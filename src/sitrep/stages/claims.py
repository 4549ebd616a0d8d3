"""Stage ``claims``: quantitative claims -- who has how many of what, where, when, according to whom.

Numbers are found once over the whole text (:func:`sitrep.numbers.find_quantities`); each number is
then read through the parse:

* **what is counted** -- the noun the number modifies ("about 1,000 *troops*", "hundreds *of people*"),
  turned into a property by ``data/quantities.yaml``; a generic noun ("people", "civilians") takes its
  property from the verb or adjective around it ("12 civilians were *killed*"); a currency makes it money
  (refined to aid/sanctions/budget by nearby words); a unit makes it a distance or an area;
* **whose** -- an actor modifying the noun ("US troops", "Russia's soldiers"), else the subject of the
  clause that has the count ("*The US* is keeping around 900 troops"), climbing through non-finite
  clauses ("the US ... while maintaining a force of about 1,000 troops"); for losses (dead, wounded,
  detained...) never the agent of the verb ("Russian strikes killed 12 Syrian soldiers" is Syria's dead);
  the subject of a reporting verb is the source, never the owner;
* **where** -- a place attached by a preposition to the noun or the clause; "the country" is the
  country the article was last speaking of;
* **according to whom** -- the subject of a reporting verb above the count ("..., CNN notes") or
  "according to X" in the sentence;
* **when** -- a date expression in the same clause.

No owner, no property: no claim -- except for losses of people the text names only by what they are
("12 people were killed in Idlib on Monday", "280,000 civilians displaced since November"): the counted
group (a generic agent of the actors stage) is then the subject, when the claim has a place or a date. Every claim's ``text`` is ``article_text[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..article import ArticleState, Mention
from ..contract import ActorRef, Claim
from ..numbers import Quantity, find_quantities, lexicon
from .base import Stage

_NUM_DEPS = {"nummod", "quantmod", "compound", "nmod", "amod", "npadvmod", "appos", "det"}
_MOD_DEPS = {"compound", "amod", "poss", "nmod"}
_PLACE_PREPS = {"in", "inside", "across", "within", "throughout", "near", "at", "into", "to", "on"}
_VERB_POS = {"VERB", "AUX"}
_LOCATIVE = re.compile(r"\b(?:in|inside|across|throughout|within|into|to|from|of|over)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class _Vocab:
    nouns: dict        # lemma -> property
    verbs: dict        # lemma -> property
    adjectives: dict   # word -> property
    victim: frozenset  # properties counting losses
    units: dict        # property -> unit spec
    person_nouns: frozenset
    money_kinds: dict  # word -> money kind
    deictic: frozenset
    attribution: frozenset
    owner_verbs: frozenset
    first_person: frozenset


@lru_cache(maxsize=1)
def vocabulary() -> _Vocab:
    raw = lexicon().raw
    nouns, verbs, adjs, victim, units = {}, {}, {}, set(), {}
    for prop, spec in raw["properties"].items():
        units[prop] = spec["unit"]
        if spec.get("victim"):
            victim.add(prop)
        for n in spec.get("nouns", []) or []:
            nouns[str(n).lower()] = prop
        for v in spec.get("verbs", []) or []:
            verbs[str(v).lower()] = prop
        for a in spec.get("adjectives", []) or []:
            adjs[str(a).lower()] = prop
    kinds = {}
    for kind, words in (raw["properties"].get("money", {}).get("kinds") or {}).items():
        for w in words:
            kinds[str(w).lower()] = kind
    return _Vocab(nouns=nouns, verbs=verbs, adjectives=adjs, victim=frozenset(victim), units=units,
                  person_nouns=frozenset(str(w).lower() for w in raw["person_nouns"]), money_kinds=kinds,
                  deictic=frozenset(str(w).lower() for w in raw.get("deictic_places", [])),
                  attribution=frozenset(str(w).lower() for w in raw["attribution_verbs"]),
                  owner_verbs=frozenset(str(w).lower() for w in raw.get("owner_verbs", [])),
                  first_person=frozenset(str(w).lower() for w in raw.get("first_person", [])))


def _generic(state: ArticleState, m: Mention) -> bool:
    """A generic agent the actors stage tied to no one ("troops", "the force")."""
    if m.how != "agent":
        return False
    a = state.actor(m.actor_id)
    return a is None or (a.country is None and a.kind in ("organization", "group", "other"))


_TEMPORAL_MARKS = frozenset({"since", "after", "when", "until", "before"})


def _temporal_clause_of(verb, clause: set) -> bool:
    """Is ``verb`` the head of a temporal clause of one of the ``clause`` verbs ("killed since the
    offensive began on Nov. 27")?"""
    if verb.dep_ == "advcl" and verb.head.i in clause:
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_MARKS for c in verb.children)
    if verb.dep_ == "pcomp" and verb.head.lower_ in _TEMPORAL_MARKS:
        return verb.head.head.i in clause
    return False


def _mention(state: ArticleState, tok) -> Optional[Mention]:
    if tok is None:
        return None
    return state.mention_at(tok.idx, tok.idx + len(tok.text))


class ClaimsStage(Stage):
    name = "claims"
    needs = ("doc", "sentences", "actors", "mentions", "places", "place_mentions", "dates",)
    assigns = ("claims",)

    def process(self, state: ArticleState) -> None:
        state.claims = []
        doc = state.doc
        if doc is None or not state.text:
            return
        voc = vocabulary()
        places = {p.id: p for p in state.places}
        seen: set[tuple[int, int]] = set()
        for q in find_quantities(state.text):
            if q.unit == "%" or q.value < 0:
                continue
            try:
                claim = self._read(state, doc, q, voc, places, len(state.claims) + 1)
            except Exception as err:  # noqa: BLE001 - one odd number never costs the article
                state.warnings.append(f"claims: skipped {q.text!r} at {q.start}: {type(err).__name__}: {err}")
                continue
            if claim is None or (claim.start, claim.end) in seen:
                continue
            seen.add((claim.start, claim.end))
            state.claims.append(claim)

    # -- one number ------------------------------------------------------------------------------
    def _read(self, state, doc, q: Quantity, voc: _Vocab, places, n: int) -> Optional[Claim]:
        span = doc.char_span(q.num_start, q.num_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        root = span.root
        noun = self._counted_noun(root, span)
        people = noun is not None and getattr(_mention(state, noun), "how", None) == "demonym"  # "45 Palestinians"
        prop, unit = self._property(q, noun, root, voc, people)
        if prop is None:
            return None
        anchor = noun if noun is not None else root
        subject, path = self._owner(state, anchor, span, prop, voc)
        counted = None
        if subject is None and noun is not None and prop in voc.victim:
            counted = _mention(state, noun)  # "12 people were killed": the people counted are the subject
            if counted is None or counted.how != "agent":
                return None
            subject = counted
            path[1:1] = [c for c in noun.children if c.dep_ in ("acl", "relcl")]  # "45 civilians killed in Idlib"
        if subject is None:
            return None
        if not any(t.pos_ in _VERB_POS for t in path):  # the place may hang on the clause's verb
            for a in anchor.ancestors:
                path.append(a)
                if a.pos_ in _VERB_POS:
                    break
        start = q.start
        end = q.end
        if noun is not None and noun.i >= span.end and noun.i - span.end <= 4:
            end = max(end, noun.idx + len(noun.text))
        text = state.text[start:end]
        place, date = self._place(state, anchor, path, voc, places, start), self._date(state, anchor, path)
        if counted is not None and place is None and date is None:
            return None  # "40 people were wounded" with no where or when: not comparable with anything
        return Claim(id=f"C{n}", subject=subject.ref(), property=prop, value=q.value, value_max=q.value_max,
                     unit=unit, approx=q.approx, place=place, attributed_to=self._source(state, anchor, voc),
                     date=date, start=start, end=end, text=text)

    @staticmethod
    def _counted_noun(root, span):
        head = root.head
        if root.dep_ in _NUM_DEPS and head.i >= span.end and head.pos_ in ("NOUN", "PROPN", "ADJ"):
            return head
        for child in root.children:  # "1,000 of its troops", "hundreds of people"
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "ADJ") and nxt.head.i == root.i:
            return nxt
        if root.pos_ == "NOUN" and root.i >= span.end - 1 and root.i > span.start:
            return None
        return None

    @staticmethod
    def _property(q: Quantity, noun, root, voc: _Vocab, people: bool = False) -> tuple[Optional[str], Optional[str]]:
        if q.currency:
            kind = "money"
            scope = [root] + list(root.head.children) + [root.head] + list(root.children)
            if noun is not None:
                scope += [noun] + list(noun.children)
            for t in scope:
                for c in [t] + [x for x in t.children if x.dep_ == "pobj"]:
                    k = voc.money_kinds.get(c.lemma_.lower())
                    if k:
                        kind = k
                        break
                if kind != "money":
                    break
            if kind == "money":  # a net loss or a salary is not conflict reporting
                return None, None
            return kind, q.currency
        if q.unit_property:
            return q.unit_property, q.unit
        if noun is None:
            return None, None
        lemma = noun.lemma_.lower()
        word = noun.lower_
        prev = noun.nbor(-1).lemma_.lower() + " " + lemma if noun.i > 0 else lemma
        prop = voc.nouns.get(prev) or voc.nouns.get(lemma) or voc.nouns.get(word)
        if prop is None and not people and lemma not in voc.person_nouns and word not in voc.person_nouns:
            return None, None
        # the verb or adjective may say what happened to the counted people
        override = None
        for c in noun.children:
            if c.dep_ in ("amod", "acl") and (c.lower_ in voc.adjectives or c.lemma_.lower() in voc.verbs):
                override = voc.adjectives.get(c.lower_) or voc.verbs.get(c.lemma_.lower())
                break
        if override is None:
            head = noun.head
            if head.pos_ in _VERB_POS and head.lemma_.lower() in voc.verbs and (
                    noun.dep_ in ("dobj", "nsubjpass") or (noun.dep_ == "nsubj" and not any(
                        c.dep_ == "dobj" for c in head.children))):
                override = voc.verbs[head.lemma_.lower()]
        prop = override or prop
        if prop is None:
            return None, None
        unit = voc.units.get(prop)
        if unit == "from_noun":
            unit = lemma
        return prop, unit

    def _owner(self, state, anchor, span, prop, voc: _Vocab):
        """The actor whose count it is, and the clause path climbed to find it."""
        skip = set(range(span.start, span.end))
        path = [anchor]
        for c in [anchor] + [c for c in anchor.children if c.dep_ in _MOD_DEPS]:
            if c.i in skip:
                continue
            m = _mention(state, c)
            if m is not None and c.i == anchor.i and (m.how == "pronoun" or _generic(state, m)):
                continue  # "troops" as a generic agent is what is counted, not its owner
            if m is not None:
                return m, path
        victim = prop in voc.victim
        tok, child = anchor, anchor
        for _ in range(12):
            if tok.head.i == tok.i:
                break
            child, tok = tok, tok.head
            path.append(tok)
            lemma = tok.lemma_.lower()
            if tok.pos_ in _VERB_POS:
                if lemma in voc.attribution or tok.lower_ == "according":
                    return None, path
                if victim and lemma not in voc.owner_verbs:
                    return None, path
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != child.i), None)
                m = _mention(state, subj)
                if m is None and subj is not None:  # "The US budget allocates ...", "Russia's army has ..."
                    m = next((mm for c in subj.children if c.dep_ in ("compound", "poss", "amod")
                              for mm in [_mention(state, c)] if mm is not None), None)
                if m is None and subj is not None and subj.lower_ in voc.first_person:
                    m = self._speaker_side(state, subj, voc)
                if m is not None:
                    return m, path
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                if agent is not None and child.dep_ != "agent":
                    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                    m = _mention(state, pobj)
                    if m is not None:
                        return m, path
                if subj is not None and subj.i != child.i:
                    # object control: "puts the US in a position of ... maintaining 1,000 troops"
                    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i != child.i), None)
                    m = _mention(state, obj)
                    if m is not None:
                        return m, path
                    return None, path
            elif tok.pos_ in ("NOUN", "PROPN"):
                for c in tok.children:
                    if c.dep_ in ("poss", "compound") and c.i != child.i:
                        m = _mention(state, c)
                        if m is not None:
                            return m, path
        return None, path

    def _speaker_side(self, state, pron, voc: _Vocab) -> Optional[Mention]:
        """"We" in reported speech: the speaker's affiliation (or the speaker)."""
        src = self._source(state, pron, voc)
        if src is None:
            return None
        actor = state.actor(src.actor_id)
        aid = actor.affiliation if actor is not None and actor.affiliation else src.actor_id
        return Mention(start=pron.idx, end=pron.idx + len(pron.text), actor_id=aid, text=pron.text, how="pronoun")

    def _place(self, state, anchor, path, voc: _Vocab, places, start: int) -> Optional[str]:
        for tok in path:
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS:
                    continue
                if prep.lower_ == "to" and tok.pos_ not in _VERB_POS:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    pm = state.place_at(pobj.idx, pobj.idx + len(pobj.text))
                    if pm is None:  # "killed in strikes on Rafah": one phrase deeper
                        for sub in pobj.children:
                            if sub.dep_ == "prep" and sub.lower_ in _PLACE_PREPS:
                                for p2 in sub.children:
                                    if p2.dep_ == "pobj":
                                        pm = state.place_at(p2.idx, p2.idx + len(p2.text)) or pm
                    if pm is not None:
                        return pm.place_id
                    if pobj.lemma_.lower() in voc.deictic and any(c.lower_ in ("the", "this") for c in pobj.children):
                        return self._country_in_context(state, places, start)
        return None

    @staticmethod
    def _country_in_context(state, places, offset: int) -> Optional[str]:
        """The country the article last spoke of as a place ("in Syria", not "the US said")."""
        last = last_loc = None
        counts: dict[str, int] = {}
        text = state.text
        for pm in state.place_mentions:
            p = places.get(pm.place_id)
            if p is None or p.feature != "country":
                continue
            counts[pm.place_id] = counts.get(pm.place_id, 0) + 1
            if pm.start < offset:
                last = pm.place_id
                if _LOCATIVE.search(text, max(0, pm.start - 16), pm.start):
                    last_loc = pm.place_id
        if last_loc is not None:
            return last_loc
        if last is not None:
            return last
        return max(counts, key=counts.get) if counts else None

    @staticmethod
    def _source(state, anchor, voc: _Vocab) -> Optional[ActorRef]:
        tok = anchor
        for _ in range(20):
            if tok.head.i == tok.i:
                break
            tok = tok.head
            if tok.pos_ in _VERB_POS and tok.lemma_.lower() in voc.attribution:
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                m = _mention(state, subj)
                if m is not None:
                    return m.ref()
        sent = anchor.sent
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
                to = t.nbor(1)
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if pobj is None and to.i + 1 < sent.end:
                    pobj = to.nbor(1)
                m = _mention(state, pobj)
                if m is not None:
                    return m.ref()
        return None

    @staticmethod
    def _date(state, anchor, path) -> Optional[str]:
        if not state.dates:
            return None
        sent = anchor.sent
        lo, hi = sent.start_char, sent.end_char
        clause = {t.i for t in path if t.pos_ in _VERB_POS}
        best = None
        for d in state.dates:
            if d.value is None or d.start < lo or d.end > hi or d.relation not in ("at", "since"):
                continue
            span = state.doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is None:
                continue
            tok = span.root
            verb = None
            for a in tok.ancestors:
                if a.pos_ in _VERB_POS:
                    verb = a
                    break
            if verb is not None and (verb.i in clause or _temporal_clause_of(verb, clause)):
                best = d.value
                break
        return best
