"""The claims stage's words, taken from ``data/quantities.yaml`` (validated by :mod:`sitrep.numbers`):
what a counted noun, verb or adjective makes the count (troops, dead, wounded ...), which properties
count losses, the money kinds, and the words around a count (places, sources, owners, dates)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ...numbers import Lexicon, lexicon


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
    #: "in (the) " right before a country: the article speaks of the country as a place
    locative: Optional[re.Pattern] = None


def _lower(words) -> frozenset:
    return frozenset(str(w).lower() for w in words or [])


def _locative(preps) -> re.Pattern:
    """``\\b(?:in|inside|...)\\s+(?:the\\s+)?$``: one of ``preps`` (and "the") right before a name."""
    alt = "|".join(re.escape(str(p)) for p in preps)
    return re.compile(rf"\b(?:{alt})\s+(?:the\s+)?$", re.IGNORECASE)


def build_vocabulary(lex: Lexicon) -> Vocabulary:
    """The claims vocabulary of a quantities lexicon."""
    raw = lex.raw
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
    return Vocabulary(nouns=nouns, verbs=verbs, adjectives=adjs, victim=frozenset(victim), units=units,
                      person_nouns=_lower(raw["person_nouns"]), money_kinds=kinds,
                      deictic=_lower(raw.get("deictic_places")), attribution=_lower(raw["attribution_verbs"]),
                      owner_verbs=_lower(raw.get("owner_verbs")), first_person=_lower(raw.get("first_person")),
                      place_preps=_lower(raw["place_prepositions"]),
                      deictic_determiners=_lower(raw["deictic_determiners"]),
                      temporal_marks=_lower(raw["temporal_marks"]),
                      locative=_locative(raw["locative_prepositions"]))


def vocabulary(lex: Optional[Lexicon] = None) -> Vocabulary:
    """The claims vocabulary of ``lex`` (default: the process-wide quantities lexicon)."""
    return build_vocabulary(lex or lexicon())
