"""The claims stage's words, taken from ``data/quantities.yaml`` (validated by :mod:`sitrep.lang.numbers`):
what a counted noun, verb or adjective makes the count (troops, dead, wounded ...), which properties
count losses, the money kinds, and the words around a count (places, sources, owners, dates)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ...lang.numbers import Lexicon, lexicon


@dataclass(frozen=True)
class Vocabulary:
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
    place_preps: frozenset = frozenset()
    deictic_determiners: frozenset = frozenset()
    temporal_marks: frozenset = frozenset()
    #: prepositions making a count part of a counted group ("including 35 children")
    part_markers: frozenset = frozenset()
    #: noun lemma -> property of a toll whose value is a number ("the death toll rose to 704")
    tolls: dict = field(default_factory=dict)
    #: prepositions giving a toll its value ("rose *to* 704", "stands *at* four")
    toll_prepositions: frozenset = frozenset()
    #: a bare number in this range with no hedge is a year, never a count
    year_range: tuple = (1900, 2100)
    #: nouns through which a count reaches its noun ("a *total* of 153 prisoners")
    aggregates: frozenset = frozenset()
    #: words after a distance that make it a location, not a claim ("10 miles *east* of Damascus")
    geography: Optional[re.Pattern] = None
    #: the property of one count of two different losses ("killed or injured dozens")
    mixed_property: Optional[str] = None
    #: entity labels of the parse that make a bare number no count ("on January *27*")
    not_counts: frozenset = frozenset()
    #: "in (the) " right before a country: the article speaks of the country as a place
    locative: Optional[re.Pattern] = None
    #: verbs (or "verb particle/object" pairs) whose object is what the act was done to ("destroyed")
    patient_verbs: frozenset = frozenset()
    #: victim properties whose nouns name people by a state ("prisoners"): a verb on them says more
    status: frozenset = frozenset()
    #: (property, places): people moved *from* one of these places ("from their homes") have the property
    driven_from: Optional[tuple] = None
    #: verbs whose object was spared a loss ("saved 130 lives")
    sparing_verbs: frozenset = frozenset()
    #: prepositions of what an act is done with, not to ("hit the depot *with* two jets")
    instrument_preps: frozenset = frozenset()
    #: the text right before a number that makes it a model designation ("Quds-*2*")
    designation_before: Optional[re.Pattern] = None
    #: adverb -> the property it gives the verb it modifies, whatever the verb ("*fatally* shot" -> dead)
    adverbs: dict = field(default_factory=dict)
    #: verbs whose object is the place left, not who left it ("fled dozens of communities")
    leaving_verbs: frozenset = frozenset()
    #: words between a count and the loss word after it ("several *more* wounded")
    count_extensions: frozenset = frozenset()
    #: determiners of a loss word that make "N of the dead" a part of a count already given
    subset_determiners: frozenset = frozenset()
    #: nouns for the members of a group, and the property of a count of an armed group's members
    membership_nouns: frozenset = frozenset()
    membership_property: Optional[str] = None
    #: actor kinds whose members are a force
    armed_kinds: frozenset = frozenset()


def _lower(words) -> frozenset:
    return frozenset(str(w).lower() for w in words or [])


def _locative(preps) -> re.Pattern:
    """``\\b(?:in|inside|...)\\s+(?:the\\s+)?$``: one of ``preps`` (and "the") right before a name."""
    alt = "|".join(re.escape(str(p)) for p in preps)
    return re.compile(rf"\b(?:{alt})\s+(?:the\s+)?$", re.IGNORECASE)


def _geography(words) -> Optional[re.Pattern]:
    """One of ``words`` right after a distance, past a bracketed conversion ("60 kilometres (37 miles)
    *north* of"), or None without words."""
    if not words:
        return None
    alt = "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:\)\s*)?(?:\([^)]{{0,40}}\)\s*)?(?:{alt})\b", re.IGNORECASE)


def _driven_from(spec) -> Optional[tuple]:
    """``(property, place lemmas)`` of the lexicon's ``driven_from``, or None."""
    if not spec:
        return None
    return spec["property"], _lower(spec["places"])


def build_vocabulary(lex: Lexicon) -> Vocabulary:
    """The claims vocabulary of a quantities lexicon."""
    raw = lex.raw
    nouns, verbs, adjs, victim, units, tolls, status, advs = {}, {}, {}, set(), {}, {}, set(), {}
    for prop, spec in raw["properties"].items():
        for n in spec.get("tolls", []) or []:
            tolls[str(n).lower()] = prop
        units[prop] = spec["unit"]
        if spec.get("victim"):
            victim.add(prop)
        if spec.get("status"):
            status.add(prop)
        for n in spec.get("nouns", []) or []:
            nouns[str(n).lower()] = prop
        for v in spec.get("verbs", []) or []:
            verbs[str(v).lower()] = prop
        for a in spec.get("adjectives", []) or []:
            adjs[str(a).lower()] = prop
        for a in spec.get("adverbs", []) or []:
            advs[str(a).lower()] = prop
    kinds = {}
    for kind, words in (raw["properties"].get("money", {}).get("kinds") or {}).items():
        for w in words:
            kinds[str(w).lower()] = kind
    return Vocabulary(nouns=nouns, verbs=verbs, adjectives=adjs, victim=frozenset(victim), units=units,
                      person_nouns=_lower(raw["person_nouns"]), money_kinds=kinds,
                      deictic=_lower(raw.get("deictic_places")), attribution=_lower(raw["attribution_verbs"]),
                      owner_verbs=_lower(raw.get("owner_verbs")), first_person=_lower(raw.get("first_person")),
                      place_preps=_lower(raw["place_prepositions"]),
                      deictic_determiners=_lower(raw["deictic_determiners"]),
                      temporal_marks=_lower(raw["temporal_marks"]),
                      part_markers=_lower(raw.get("part_markers")), tolls=tolls,
                      toll_prepositions=_lower(raw.get("toll_prepositions")),
                      year_range=tuple(raw.get("year_range") or (1900, 2100)),
                      aggregates=_lower(raw.get("aggregate_nouns")),
                      geography=_geography(raw.get("geography_words") or []),
                      mixed_property=raw.get("mixed_property"),
                      not_counts=frozenset(raw.get("bare_number_not_counts") or ()),
                      locative=_locative(raw["locative_prepositions"]),
                      patient_verbs=_lower(raw.get("patient_verbs")),
                      sparing_verbs=_lower(raw.get("sparing_verbs")),
                      driven_from=_driven_from(raw.get("driven_from")), status=frozenset(status),
                      instrument_preps=_lower(raw.get("instrument_prepositions")),
                      designation_before=re.compile(raw["designation_before"]) if raw.get("designation_before") else None,
                      adverbs=advs, leaving_verbs=_lower(raw.get("leaving_verbs")),
                      count_extensions=_lower(raw.get("count_extensions")),
                      subset_determiners=_lower(raw.get("subset_determiners")),
                      membership_nouns=_lower((raw.get("membership") or {}).get("nouns")),
                      membership_property=(raw.get("membership") or {}).get("property"),
                      armed_kinds=_lower((raw.get("membership") or {}).get("actor_kinds")))


def vocabulary(lex: Optional[Lexicon] = None) -> Vocabulary:
    """The claims vocabulary of ``lex`` (default: the process-wide quantities lexicon)."""
    return build_vocabulary(lex or lexicon())
