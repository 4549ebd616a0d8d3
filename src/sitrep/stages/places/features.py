"""Named features of a *reading* (one gazetteer entry that a name may be), and its score.

A reading's score is the sum of its features, in this order (each a number; 0 when it does not apply):

1. ``population`` -- log10(population + 10); a curated region weighs as ``region_population`` people.
2. ``kind`` -- the kind prior: country > first-level division = other feature = curated region (plus
   ``region_weight``) > county > town.
3. ``own_name`` -- ``exact_name_weight`` when the reading carries the name as its own name; minus
   ``alternate_penalty`` when it only lists it among its alternate names while another reading carries
   it ("Berea" for Aleppo, "Paris" for Saint Paris). A generated province's name wins no bonus
   (GeoNames names the Kyiv oblast "Kiev": no reason to read "Kiev" as the oblast), but it makes the
   readings that only list the name pay the penalty, world cities excepted ("Nord" is no Swiss quarter).
4. ``capital`` -- a national capital that shares its name with a first-level division of its country
   ("Washington"): the capital is meant unless the setting is the state.
5. ``containment`` -- a town named with the county it lies in, and that county ("Paris and Henry County").
6. ``world_city`` -- a city of ``world_city_population`` under its own name ("Paris", "Lagos") or a
   spelling of it (``variant_similarity``: "Odessa" for Odesa, which Odessa, Texas does not outrank).
7. ``country_setting`` -- the reading's country is the article's (named, or read for other names).
8. ``state_setting`` -- the same for its first-level division ("Ga.", "Georgia", a Georgia town).
9. ``spread_vote`` -- the divisions that several *other* names could lie in ("Lamar County" and
   "Paris" both have Texas readings).
10. ``nearness`` -- (``near_weight``, off by default) near the towns chosen for the other names.
11. ``pairs`` -- two names whose lesser readings lie close together ("Columbus" and "Colfax County",
    both in Nebraska), see :class:`PairGrid`.

The evidence features 4, 5, 9 and 11 read is gathered once per article (:class:`Evidence`,
:class:`PairGrid`); 7, 8 and 10 read the :class:`Setting` of the current round of re-reading.

    >>> features(gaz, paris_tx, "paris", evidence, Setting(), cfg)      # doctest: +SKIP
    {'population': 4.39, 'kind': 0.0, 'own_name': 1.5, ..., 'pairs': 0.0}
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz

from ...core.text import haversine_km, name_key
from .config import PlacesConfig
from .names import distinct_names, weight_population

#: readings that the nearness and pair features place on the map
_LOCAL_KINDS = ("city", "county")


@dataclass
class Setting:
    """Where the article is set, as one round of reading sees it: weights of countries (ISO2), of
    first-level divisions ((ISO2, admin1)) and the points (lat, lon, weight) of towns chosen for the
    other names."""

    countries: Counter = field(default_factory=Counter)
    states: Counter = field(default_factory=Counter)
    points: list = field(default_factory=list)


@dataclass
class Evidence:
    """What the article's names say about each other's readings, gathered once (see :func:`gather`)."""

    #: folded name -> whether some reading carries it as its own name
    exact_any: dict = field(default_factory=dict)
    #: national capitals sharing their name with a first-level division of their country
    capital_first: set = field(default_factory=set)
    #: folded names that only a generated province carries as its own name ("Nord": Burkina Faso's and
    #: Haiti's, while a Swiss quarter lists it among its alternate names)
    province_own: set = field(default_factory=set)
    #: county entry -> the names that may be it
    named_county: dict = field(default_factory=dict)
    #: county entry -> the names that may be a town in it
    town_in: dict = field(default_factory=dict)
    #: (ISO2, admin1) -> the spread vote of all names; per name, its own contribution
    votes: Counter = field(default_factory=Counter)
    contrib: dict = field(default_factory=dict)


@dataclass
class PairGrid:
    """Readings that may pair with another name's, bucketed on a 1-degree grid: cell -> [(name,
    entry, loss, lat, lon)], where *loss* is what the reading gives up against its name's best reading
    alone. ``unpaired`` names (a capital's, a world city's) are never pulled into a cluster."""

    cells: dict = field(default_factory=dict)
    unpaired: set = field(default_factory=set)


# -- the article-wide evidence -----------------------------------------------------------------
def spread_votes(gaz, cands, scan: int) -> tuple[Counter, dict]:
    """Each name votes, 1/sqrt(n) each, for the n first-level divisions its readings lie in; the sum
    over names, and each name's own votes (a name never votes for itself)."""
    contrib: dict[str, Counter] = {}
    for c in cands:
        key = name_key(c.text)
        if key in contrib:
            continue
        areas = {(gaz.country_of(i), gaz.admin1_of(i)) for i in c.ids[:scan]
                 if gaz.kind(i) in ("city", "county", "admin1") and gaz.admin1_of(i)}
        if areas:
            w = 1.0 / math.sqrt(len(areas))
            contrib[key] = Counter({a: w for a in areas})
    votes: Counter = Counter()
    for cnt in contrib.values():
        votes.update(cnt)
    return votes, contrib


def own_names(gaz, cands, scan: int) -> tuple[dict, set, set]:
    """Per name, whether some reading carries it as its own name; the national capitals that share
    their name with a first-level division of the same country ("Washington"); and the names that only
    generated provinces carry as their own."""
    exact_any: dict[str, bool] = {}
    capital_first: set[int] = set()
    province_own: set[str] = set()
    for c in cands:
        key = name_key(c.text)
        if key in exact_any:
            continue
        owners = [i for i in c.ids[:scan] if name_key(gaz.name_of(i)) == key]
        exact = [i for i in owners if gaz.kind(i) != "province"]
        exact_any[key] = bool(exact)
        if owners and not exact:
            province_own.add(key)
        for i in exact:
            if i in gaz.capitals and any(gaz.kind(j) == "admin1" and gaz.country_of(j) == gaz.country_of(i)
                                         for j in exact):
                capital_first.add(i)
    return exact_any, capital_first, province_own


def counties_and_towns(gaz, cands, scan: int) -> tuple[dict, dict]:
    """County entry -> the names that may be it, and -> the names that may be a town in it."""
    named_county: dict[int, set] = defaultdict(set)
    town_in: dict[int, set] = defaultdict(set)
    for key, c in distinct_names(cands):
        for i in c.ids[:scan]:
            k = gaz.kind(i)
            if k == "county":
                named_county[i].add(key)
            elif k == "city":
                j = gaz.county_of(i)
                if j is not None:
                    town_in[j].add(key)
    return named_county, town_in


def gather(gaz, cands, cfg: PlacesConfig) -> Evidence:
    """The article-wide :class:`Evidence` of the candidates."""
    votes, contrib = spread_votes(gaz, cands, cfg.scan_readings)
    exact_any, capital_first, province_own = own_names(gaz, cands, cfg.scan_readings)
    named_county, town_in = counties_and_towns(gaz, cands, cfg.scan_readings)
    return Evidence(exact_any=exact_any, capital_first=capital_first, province_own=province_own,
                    named_county=named_county,
                    town_in=town_in, votes=votes, contrib=contrib)


# -- the features ------------------------------------------------------------------------------
def band(d: float, limits, factors) -> float:
    """The factor of the first distance band that ``d`` lies under (0 beyond the last)."""
    for limit, f in zip(limits, factors):
        if d < limit:
            return f
    return 0.0


def kind_prior(kind: str, cfg: PlacesConfig) -> float:
    """The prior of a kind of place (without the ranking's ``region_weight``)."""
    return {"country": cfg.country_prior, "admin1": cfg.admin1_prior, "region": cfg.region_prior,
            "other": cfg.other_prior, "county": cfg.county_prior,
            "province": cfg.admin1_prior}.get(kind, 0.0)


def own_name(gaz, i: int, key: str, cfg: PlacesConfig) -> bool:
    """Reading ``i`` carries ``key`` as its own name -- or is a world city and ``key`` a spelling of its
    name ("Odessa": Odesa, Ukraine; "Kharkov": Kharkiv), not another name of it ("Canton": Guangzhou)
    nor a shorter name one letter off ("Samar" of Northern Samar is no spelling of Samara)."""
    own = name_key(gaz.name_of(i))
    if own == key:
        return True
    return (gaz.kind(i) == "city" and len(key) >= cfg.variant_min_letters
            and weight_population(gaz, i, cfg.region_population) >= cfg.world_city_population
            and fuzz.ratio(own, key) >= cfg.variant_similarity)


def prior(gaz, i: int, key: str, cfg: PlacesConfig) -> float:
    """A reading's weight before any context: population, kind and own name (features 1-3 without
    ``region_weight`` and the alternate-name penalty) -- what anchors the setting."""
    s = math.log10(weight_population(gaz, i, cfg.region_population) + 10) + kind_prior(gaz.kind(i), cfg)
    if own_name(gaz, i, key, cfg):
        s += cfg.exact_name_weight
    return s


def contained(gaz, i: int, kind: str, key: str, ev: Evidence) -> bool:
    """Reading ``i`` is a county in which another name may be a town, or a town in a county that
    another name may be."""
    if kind == "county":
        names = ev.town_in.get(i)
    elif kind == "city":
        j = gaz.county_of(i)
        names = ev.named_county.get(j) if j is not None else None
    else:
        return False
    return bool(names) and (len(names) > 1 or key not in names)


def pair_support(gaz, i: int, key: str, grid: PairGrid, cfg: PlacesConfig) -> float:
    """What reading ``i`` of ``key`` gains from the other names' readings near it: per other name,
    max(0, ``pair_reach`` * ``pair_weight`` * nearness - that reading's loss), summed, at most
    ``pair_cap``. Another name's reading of the same place is no neighbour."""
    if key in grid.unpaired or gaz.kind(i) not in _LOCAL_KINDS:
        return 0.0
    la, lo = gaz.coords(i)
    if math.isnan(la):
        return 0.0
    gy, gx = int(math.floor(la)), int(math.floor(lo))
    best: dict[str, float] = {}
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            for k2, j, loss, la2, lo2 in grid.cells.get((gy + dy, gx + dx), ()):
                if k2 == key or j == i:
                    continue
                f = band(haversine_km(la, lo, la2, lo2), cfg.pair_km, cfg.pair_factors)
                g = cfg.pair_reach * cfg.pair_weight * f - loss
                if g > best.get(k2, 0.0):
                    best[k2] = g
    return min(sum(best.values()), cfg.pair_cap)


def nearness(gaz, i: int, points, cfg: PlacesConfig) -> float:
    """``near_weight`` times the best (distance band x confidence) over the other names' towns."""
    la, lo = gaz.coords(i)
    if math.isnan(la):
        return 0.0
    best = 0.0
    for pla, plo, pw in points:
        f = band(haversine_km(la, lo, pla, plo), cfg.near_km, cfg.near_factors)
        best = max(best, f * pw)
    return cfg.near_weight * best


def alternate_only(kind: str, pop: float, key: str, ev: Evidence, cfg: PlacesConfig) -> bool:
    """A reading (not carrying ``key`` as its own name) pays the alternate penalty: another reading
    carries the name as its own -- also when that is only a generated province ("Nord", not a Swiss
    quarter that lists it), unless this reading is a province or a world city ("Kiev": the city Kyiv
    over the oblast GeoNames calls Kiev)."""
    if ev.exact_any.get(key):
        return True
    return key in ev.province_own and kind != "province" \
        and not (kind == "city" and pop >= cfg.world_city_population)


def pays_alternate(gaz, i: int, key: str, ev: Evidence, cfg: PlacesConfig) -> bool:
    """Reading ``i`` of ``key`` pays the alternate-name penalty (:func:`alternate_only`): it does not
    carry the name as its own, another reading does."""
    kind = gaz.kind(i)
    if own_name(gaz, i, key, cfg) and kind != "province":
        return False
    return alternate_only(kind, weight_population(gaz, i, cfg.region_population), key, ev, cfg)


def features(gaz, i: int, key: str, ev: Evidence, setting: Setting, cfg: PlacesConfig,
             pairs: Optional[PairGrid] = None) -> dict[str, float]:
    """The named features of reading ``i`` of the name ``key`` (see the module text), in order."""
    kind = gaz.kind(i)
    pop = weight_population(gaz, i, cfg.region_population)
    exact = own_name(gaz, i, key, cfg) and kind != "province"
    cc = gaz.country_of(i)
    a1 = gaz.admin1_of(i)
    f = {"population": math.log10(pop + 10),
         "kind": cfg.region_prior + cfg.region_weight if kind == "region" else kind_prior(kind, cfg),
         "own_name": cfg.exact_name_weight if exact else -cfg.alternate_penalty if pays_alternate(gaz, i, key, ev, cfg)
         else 0.0,
         "capital": cfg.capital_weight if i in ev.capital_first else 0.0,
         "containment": cfg.contain_weight if (ev.named_county or ev.town_in) and contained(gaz, i, kind, key, ev)
         else 0.0,
         "world_city": cfg.world_city_weight if kind == "city" and pop >= cfg.world_city_population and exact
         else 0.0}
    w = setting.countries.get(cc, 0.0) if cc else 0.0
    f["country_setting"] = cfg.country_weight * min(w, cfg.context_cap) \
        + min(w, cfg.country_mentions_cap) * cfg.country_mentions_weight if w > 0 else 0.0
    w = setting.states.get((cc, a1), 0.0) if a1 else 0.0
    f["state_setting"] = cfg.context_weight * min(w, cfg.context_cap) if w > 0 else 0.0
    v = 0.0
    if a1 and kind != "admin1":
        v = ev.votes.get((cc, a1), 0.0) - ev.contrib.get(key, {}).get((cc, a1), 0.0)
    f["spread_vote"] = min(v, cfg.vote_cap) * cfg.vote_weight if v > 0 else 0.0
    f["nearness"] = nearness(gaz, i, setting.points, cfg) if setting.points and kind in _LOCAL_KINDS else 0.0
    f["pairs"] = pair_support(gaz, i, key, pairs, cfg) if pairs is not None and pairs.cells else 0.0
    return f


def score(gaz, i: int, key: str, ev: Evidence, setting: Setting, cfg: PlacesConfig,
          pairs: Optional[PairGrid] = None) -> float:
    """The sum of :func:`features`, added in their order."""
    return sum(features(gaz, i, key, ev, setting, cfg, pairs).values())
