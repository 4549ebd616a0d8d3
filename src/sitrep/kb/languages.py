"""The knowledge base as read in one language: the package's KB, the user's files and, for a language
other than English, the package's files of names in that language (``kb/data/lang/``), which extend the
entries they name with their aliases, demonyms and capitals (``Syrie``, ``syrienne``, ``Damas``).

English reads the KB exactly as before; a French article reads ``load_language_kb(paths, "fr")``, a KB of
its own (cached like the English one), so French names never match in English text.
"""

from __future__ import annotations

from pathlib import Path

from . import DATA_DIR, KnowledgeBase, load_kb

#: language -> the package's files of names in it, in the order they are read
LANGUAGE_FILES: dict[str, tuple[str, ...]] = {
    "fr": ("lang/fr_states.yaml", "lang/fr.yaml"),
}


def language_agents_path(language: str) -> str:
    """The package's generic agent words in ``language`` (``lang/agents_fr.yaml``; English:
    ``agents.yaml``)."""
    name = DATA_DIR / "lang" / f"agents_{language}.yaml"
    return str(name if name.is_file() else DATA_DIR / "agents.yaml")


def language_kb_paths(language: str) -> tuple[str, ...]:
    """The package files of names in ``language`` (none for English)."""
    return tuple(str(DATA_DIR / f) for f in LANGUAGE_FILES.get(language, ()) if (DATA_DIR / f).is_file())


def language_kb_key(language: str) -> str:
    """The resource name of the KB in ``language`` ("kb" for English, "kb:fr" for French)."""
    return "kb" if not LANGUAGE_FILES.get(language) else f"kb:{language}"


def load_language_kb(paths: tuple[str, ...] = (), language: str = "en", include_package: bool = True) -> KnowledgeBase:
    """The KB read in ``language``: the package's (unless ``include_package`` is false), the user's files
    ``paths``, then the package's names in that language (they extend the package's entries, so they
    are read only with it)."""
    extra = language_kb_paths(language) if include_package else ()
    return load_kb(tuple(str(Path(p)) for p in paths) + extra, include_package)


def language_gazetteer(base, language: str):
    """The gazetteer ``base`` with the names of the states in ``language`` (the aliases of the state
    entries of the language's KB files: "Syrie", "Liban", "Soudan") as names of those countries, before
    any town of the same name ("Liban" is Lebanon, not the Czech town). A shallow copy whose name index
    reads the language's names first: the base is left as it is."""
    import copy
    from collections import ChainMap

    import pycountry

    from ..core.text import name_key as fold

    kb = load_language_kb((), language)
    english = load_kb(())
    extra: dict[str, int] = {}
    for path in language_kb_paths(language):
        for eid, metonyms in _entries(path):
            e = kb.get(eid)
            if e is None or e.kind != "state" or not e.country:
                continue
            c = pycountry.countries.get(alpha_3=e.country)
            if c is None or base.countries.get(c.alpha_2) is None:
                continue
            i = base.countries[c.alpha_2]
            for name in e.aliases:
                if any(base.kind(j) == "country" and j != i for j in base.lookup(name)):
                    continue  # a name two states share ("Congo"): the story's other places decide
                extra.setdefault(fold(name), i)
            # a capital under its name in the language ("Vienne" is Vienna, not the French town; "Le Caire"
            # also written "au Caire"): the town the English names of the state's capital give
            en = english.get(eid)
            towns = [t for m in (en.metonyms if en else []) for t in base.lookup(m)
                     if base.country_of(t) == c.alpha_2 and base.kind(t) == "city"]
            if not towns:
                continue
            town = max(towns, key=base.population)
            for m in metonyms:
                extra[fold(m)] = town
                first, _, rest = m.partition(" ")
                if first.lower() in ("le", "la", "les") and rest:
                    extra.setdefault(fold(rest), town)
    extra.update(_towns(base, language, fold))
    if not extra:
        return base
    g = copy.copy(base)
    _keep_divisions(g, extra, base)
    g.names = ChainMap(extra, base.names)
    g.own_names = frozenset(extra)  # the language's own names of these places (a dateline's "KIEV")
    return g


#: the kinds of a first-level division or region that keep their name beside a state's ("l'Équateur"
#: is Ecuador, or DR Congo's province in a story set in the DR Congo: the resolver decides)
_DIVISION_KINDS = ("admin1", "province", "region")


def _keep_divisions(g, extra: dict, base) -> None:
    import copy

    """Where the language's name of a state is also a division's of another country in ``base``,
    ``extra`` reads both (packed as the gazetteer packs several readings, in ``g``'s own copy of them)."""
    multi = None
    for key, i in list(extra.items()):
        if base.kind(i) != "country":
            continue
        divisions = [j for j in base.lookup(key) if base.kind(j) in _DIVISION_KINDS
                     and base.country_of(j) != base.country_of(i)]
        if not divisions:
            continue
        if multi is None:
            multi = copy.copy(base._multi)  # a list or an array: extended, the base's stays as it was
        readings = [i, *divisions]
        extra[key] = -len(multi) - 1
        multi.extend([len(readings), *readings])
    if multi is not None:
        g._multi = multi


def _towns(base, language: str, fold) -> dict[str, int]:
    """The towns of ``kb/data/lang/places_<language>.yaml`` (name -> geonameid) as gazetteer entries."""
    from . import load_yaml

    path = DATA_DIR / "lang" / f"places_{language}.yaml"
    out: dict[str, int] = {}
    for name, gid in ((load_yaml(str(path)) or {}) if path.is_file() else {}).items():
        hits = [i for i in base.lookup(str(name)) if base.entry(i).geonameid == int(gid)]
        if hits:
            out[fold(str(name))] = hits[0]
    return out


def _entries(path: str) -> list[tuple[str, list[str]]]:
    """(id, metonyms) of the entries of a KB file."""
    from . import load_yaml

    return [(str(m.get("id")), list(m.get("metonyms") or [])) for m in (load_yaml(path) or [])
            if isinstance(m, dict) and m.get("id")]
