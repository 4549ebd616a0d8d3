"""Place frames: when a name the KB does not know is a place, not an actor, whatever the small model
tagged it -- and which country a place name gives.

* "the town of Tal Rifaat", "east of the Euphrates": the object of "of" after a kind of place or a
  direction (``place_frames`` of the shared lexicon, use ``actors``: lemmas);
* "Daraa and Sweida provinces", "the al-Tanf garrison", "Saydnaya military prison": the modifier of a
  kind of place;
* "in Idlib", "an attack on Aleppo": the object of a place preposition;
* a NORP without a demonym's ending, a one-word name of a sizeable town (gazetteer), a headline
  fragment ("Avoid 'Miscalculations'").

A name with an organisation's words ("the Northern Valley Brigades base") keeps its actor.
"""

from __future__ import annotations

from typing import Optional

from ...geo.gazetteer import iso3_of
from ...kb import norm


def in_place_frame(b, span) -> bool:
    """Does an unknown name stand in a frame that makes it a place: the object of "of" after a kind of
    place or a direction ("the town of Tal Rifaat", "east of the Euphrates"), or the modifier of a kind
    of place ("Daraa and Sweida provinces", "the al-Tanf garrison", "Saydnaya military prison")? A
    name with an organisation's words ("... Brigade base") keeps its actor."""
    frames = b.cues.place_frames
    words = set(norm(span.text).split())
    if words & b.cues.organisation_words:
        return False
    root = span.root
    if root.dep_ == "conj" and root.head.i not in range(span.start, span.end):
        root = b.conj_top(root)   # (a span's root has its head outside the span, and so its ancestors)
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in frames:
        return head.head.i < span.start
    if root.dep_ in ("compound", "nmod", "amod") and head.i >= span.end and head.pos_ in ("NOUN", "PROPN"):
        between = b.doc[span.end:head.i]
        return head.lemma_.lower() in frames and all(
            (t.pos_ in ("ADJ", "NOUN", "PROPN", "CCONJ") or t.text == ",") and t.lower_ not in b.data.role_heads
            for t in between)
    return False


def has_demonym_shape(word: str, endings: tuple[str, ...]) -> bool:
    """ "Kurds", "Alawite"... : does a NORP end like a demonym ("-an", "-ese", "-ish", "-s", ...)?"""
    return word.endswith(endings)


def is_headline_fragment(span) -> bool:
    """An ORG that starts with a verb or holds a quote or an inner possessive: "Avoid
    'Miscalculations'", "Trump's East European Achilles Heel"."""
    return (span[0].pos_ in ("VERB", "AUX") or any(t.text in ("'", "\u2018", "\u2019") for t in span)
            or any(t.tag_ == "POS" for t in span[:-1]))


def looks_like_place(b, span, label: str) -> bool:
    """An unknown ORG/NORP that the small model mislabelled: the object of a place preposition
    ("in Idlib", "attack on Aleppo"), a NORP without a demonym's shape, a one-word name of a
    sizeable town, or a headline fragment."""
    if len(span) == 1 and big_place(b, span.text):
        return True
    root = b.conj_top(span.root)
    if root.dep_ == "pobj" and (root.head.lower_ in b.cues.place_preps or root.head.lower_ in b.cues.target_preps):
        return True
    if label == "NORP":
        return not has_demonym_shape(span[-1].lower_, b.cues.demonym_endings)
    if label == "ORG" and is_headline_fragment(span):
        return True  # headline fragments: "Avoid 'Miscalculations'", "Trump's East European Achilles Heel"
    return False


#: gazetteer kinds whose one-word name is a place, not a person, whatever the NER says
BIG_PLACE_KINDS = frozenset({"country", "admin1", "region", "province"})


def big_place(b, name: str) -> bool:
    """Is a one-word name a sizeable town (``big_place_population``) or a region in the gazetteer
    (loaded only when needed)? "Aleppo" tagged PERSON is a city; "Kherson" (a province, its city under
    the threshold) a province."""
    gaz = b.data.gazetteer()
    return any(gaz.population(i) >= b.config.big_place_population or gaz.kind(i) in BIG_PLACE_KINDS
               for i in gaz.lookup(name))


def place_country(b, name: str, min_pop: Optional[int] = None) -> Optional[str]:
    """The ISO3 country of a place name: a KB state or capital, else the gazetteer's most
    populous place of that name (towns of fewer than ``min_pop`` people -- by default
    ``place_min_population`` -- are ignored). "Baghdad" -> IRQ."""
    if min_pop is None:
        min_pop = b.config.place_min_population
    kid = b.kb.lookup(name) or b.kb.metonym(name)
    if kid and b.kb.entries[kid].kind == "state":
        return b.kb.entries[kid].country or kid
    gaz = b.data.gazetteer()
    ids = [i for i in gaz.lookup(name) if gaz.population(i) >= min_pop or gaz.kind(i) != "city"]
    if not ids:
        return None
    best = max(ids, key=gaz.population)
    return iso3_of(gaz.country_of(best))


