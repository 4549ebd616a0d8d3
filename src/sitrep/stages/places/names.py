"""What the gazetteer says about a *name* (not yet a reading): is it a big place, a division, a
place under its own name, a national capital? Used by the cues (is "Alexandria" big enough to be the
place in "an Alexandria man"?) and by the ranking.

Names are compared *folded* (:func:`sitrep.core.text.name_key`): "St. Petersburg" and "st petersburg" are
one key.
"""

from __future__ import annotations

from ...core.text import name_key

#: kinds of a reading that make a name big whatever its population
_BIG_KINDS = ("country", "admin1", "region", "other")


def is_big(gaz, name: str, population: int) -> bool:
    """Some reading of ``name`` is a country, division, region or feature, or has ``population`` people
    ("Alexandria" at 5,000: yes; "Bank": no)."""
    for i in gaz.lookup(name):
        if gaz.kind(i) in _BIG_KINDS or gaz.population(i) >= population:
            return True
    return False


def spelt_out(key: str, abbreviations) -> str:
    """A folded name with its abbreviated words written out (``abbreviations``: pairs such as ("st",
    "saint")): "st cloud" -> "saint cloud"."""
    if not abbreviations:
        return key
    full = dict(abbreviations)
    return " ".join(full.get(w, w) for w in key.split())


def is_big_own(gaz, name: str, population: int, abbreviations=()) -> bool:
    """As :func:`is_big`, among the readings that bear ``name`` as their own name (its abbreviated words
    written out: "St. Cloud" is Saint Cloud's): an alternate name makes nothing big ("Hudson" is among
    Jersey City's other names, "Wilson" among Uptown's)."""
    key = spelt_out(name_key(name), abbreviations)
    for i in gaz.lookup(name):
        if spelt_out(name_key(gaz.name_of(i)), abbreviations) == key \
                and (gaz.kind(i) in _BIG_KINDS or gaz.population(i) >= population):
            return True
    return False


def is_primary(gaz, name: str) -> bool:
    """Whether some place has ``name`` as its own name (not only as an alternate name): "Aleppo" yes,
    "Berea" (an old name of Aleppo) only if some Berea is called so."""
    key = name_key(name)
    if key in getattr(gaz, "own_names", ()):  # a name of the article's language ("Kiev" in French)
        return True
    return any(name_key(gaz.name_of(i)) == key for i in gaz.lookup(name))


def is_division(gaz, name: str, county: bool = True) -> bool:
    """Some reading of ``name`` is a country or first-level division ("Kentucky"), or (``county``) a
    county or curated region."""
    kinds = ("country", "admin1", "county", "region") if county else ("country", "admin1")
    return any(gaz.kind(i) in kinds for i in gaz.lookup(name))


def is_qualified_province(gaz, name: str) -> bool:
    """The name is a province's with a division word after it ("Khartoum state", "Al Jazeera province",
    "Artibonite region"): a place, whatever the tagger says -- the bare name ("Cauca") needs a cue."""
    key = name_key(name)
    words = len(key.split())
    return any(gaz.kind(i) == "province" and words > len(name_key(gaz.name_of(i)).split())
               for i in gaz.lookup(name))


def capitals(gaz, name: str, ids) -> list[int]:
    """Readings of ``name`` that are national capitals under their own name (not a capital that
    merely lists the country's name among its alternate names): "Moscow" -> [Moscow, RU]."""
    key = name_key(name)
    return [i for i in ids if i in gaz.capitals and name_key(gaz.name_of(i)) == key]


def is_major(gaz, i: int, key: str, world_city_population: int) -> bool:
    """Is reading ``i`` of the name ``key`` one that news means unless told otherwise: a country, a
    national capital or a world city under its own name? (Small namesakes of such places lie
    everywhere -- Damascus, Maryland; Paris, Ohio -- and cluster by chance.)"""
    if gaz.kind(i) == "country":
        return True
    if gaz.kind(i) != "city" or name_key(gaz.name_of(i)) != key:
        return False
    return i in gaz.capitals or gaz.population(i) >= world_city_population


def weight_population(gaz, i: int, region_population: int) -> int:
    """The population a reading weighs with: its own, but at least ``region_population`` for a curated
    region ("the Middle East", "Donbas" carry none in the gazetteer)."""
    pop = gaz.population(i)
    return max(pop, region_population) if gaz.kind(i) == "region" else pop


def distinct_names(cands) -> list[tuple[str, object]]:
    """(folded name, its first candidate) for each distinct name among ``cands``, in text order."""
    out: dict = {}
    for c in cands:
        out.setdefault(name_key(c.text), c)
    return list(out.items())
