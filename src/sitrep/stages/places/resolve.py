"""Disambiguation: one reading (gazetteer entry) per candidate, by the article's context.

1. **Fixed readings.** A stand-alone AP state abbreviation ("Fla.", "W. Va.") is the state; a name
   qualified once ("Springfield, Ohio") is that place in all its mentions (one sense per discourse).
   A small town bearing the name only as another name of it (no spelling of its own) is no reading
   when nothing locates the mention (:func:`other_names`: "the White House physician" is not
   Fallston, Maryland).
2. **Anchors.** Names with one reading, qualified names, and a country or first-level division that
   dominates its name's other readings by ``anchor_margin`` ("Georgia" against hamlets listing it as
   an alternate name) set the article's countries and divisions.
3. **Evidence** gathered once (:func:`.features.gather`): own names, capitals, containment, the
   spread vote.
4. **Pairs** (:func:`pair_grid`): each name's readings are scored *without* pairs; the town and county
   readings that lose less than ``pair_reach * pair_weight`` against their name's best are put on a
   1-degree grid. From then on a reading's score includes its support from near readings of the
   other names (:func:`.features.pair_support`).
5. **Rounds** (:func:`read_rounds`): round 0 ranks each name's readings with the anchors as setting;
   each later round takes the previous round's readings of the *other* names (never the name's own:
   five mentions of "Paris" are not five French places) as setting, weighted by how clearly each won
   (a win by ``confidence_margin`` counts fully).
6. **Strays** (:func:`drop_strays`): a town abroad of under ``stray_population`` people that nothing
   else in a story firmly set in another country points to ("Bank" of "East Bank" read as an Indian
   town) is dropped.
7. **Countries** (:func:`countries_win`, ``country_names_win``; needs the ``text``): a country's own
   name listed with another country, or whose town reading is tiny, is the country ("unlike in Cuba
   or Iran" in a story set in Washington is not Cuba, New York).

    >>> resolve(cands, gaz, PlacesConfig())           # doctest: +SKIP
    [4567, 891, None, ...]    # one entry (or None) per candidate
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Optional

from rapidfuzz import fuzz

from ...core.text import name_key
from .candidate import Candidate
from .config import PlacesConfig
from .features import Evidence, PairGrid, Setting, gather, pays_alternate, prior, score
from .names import distinct_names, is_major


def resolve(cands: list[Candidate], gaz, cfg: PlacesConfig, scene: Optional[Counter] = None,
            text: Optional[str] = None, coordinators: frozenset = frozenset()) -> list[Optional[int]]:
    """The chosen reading of each candidate (``None``: dropped as a stray). Narrows the candidates'
    ``ids`` for abbreviations and qualified names (steps 1-6 of the module text). ``scene``: countries
    the story's other cues set it in (its demonyms of states: :func:`.focus.demonym_countries`), added
    to every round's setting."""
    standalone_abbreviations(cands, gaz)
    spread_qualifiers(cands)
    unread = other_names(cands, gaz, cfg)
    countries, states = anchors(cands, gaz, cfg)
    countries.update(scene or Counter())
    ev = gather(gaz, cands, cfg)
    pairs = pair_grid(cands, gaz, ev, cfg)
    choice, settings = read_rounds(cands, gaz, ev, pairs, Setting(countries, states, []), cfg, scene)
    drop_strays(cands, choice, settings, gaz, cfg)
    for n in unread:
        choice[n] = None
    if cfg.country_names_win and text is not None:
        countries_win(cands, choice, gaz, text, coordinators, cfg.tiny_town_population)
    return choice


def top_readings(gaz, ids, cfg: PlacesConfig):
    """The readings that are ranked: all, or the ``max_readings`` most populous."""
    if len(ids) <= cfg.max_readings:
        return ids
    return sorted(ids, key=lambda i: -gaz.population(i))[:cfg.max_readings]


# -- 1. fixed readings -------------------------------------------------------------------------
def standalone_abbreviations(cands: list[Candidate], gaz) -> None:
    """An AP state abbreviation standing alone ("Fla.", "W. Va.") is the state, not a town whose folded
    name it happens to spell ("Flå")."""
    for c in cands:
        if c.text.endswith("."):
            st = gaz.abbrevs.get(c.text, gaz.abbrevs.get(c.text.replace(" ", "")))
            if st is not None:
                c.ids = (st,)


def spread_qualifiers(cands: list[Candidate]) -> None:
    """A name qualified once ("Springfield, Ohio") is that place in all its mentions ("Springfield's
    schools" later in the story), when they may be it."""
    qualified: dict[str, Candidate] = {}
    for c in cands:
        if c.forced:
            qualified.setdefault(name_key(c.text), c)
    if qualified:
        for c in cands:
            q = qualified.get(name_key(c.text))
            if q is not None and not c.forced and set(q.ids) <= set(c.ids):
                c.ids, c.forced = q.ids, q.forced


def spelling_of(gaz, i: int, key: str, cfg: PlacesConfig) -> bool:
    """``key`` is reading ``i``'s own name, a spelling of it (``variant_similarity``: "Kiev" of Kyiv) or
    a short form of it ("Kingston" of Kingston upon Thames), not another name it once had or has in
    another language ("White House" of Fallston, Maryland)."""
    own = name_key(gaz.name_of(i))
    return own == key or fuzz.ratio(own, key) >= cfg.variant_similarity or set(key.split()) <= set(own.split())


def other_names(cands: list[Candidate], gaz, cfg: PlacesConfig) -> set[int]:
    """A name no place bears as its own, that a town of under ``other_name_population`` people bears
    only as another name of it -- a former name, a name in another language -- and under no spelling
    of its own name, is no reading of the mention when nothing locates it ("the White House physician"
    is not Fallston, Maryland; "Flavia Nardelli" not Plovdiv). Where a country, a national capital or a
    world city bears the name, no town bearing it only as another name is a reading, wherever the
    mention stands ("WASHINGTON (AP)" is not Piqua, Ohio, once called Washington). Countries, divisions,
    regions and counties keep their other names ("Burma"); a qualified mention keeps its readings, and
    a locative one those of a name no major place bears.
    Narrows the candidates' readings; returns the candidates left with none (to be dropped)."""
    unread: set[int] = set()
    if cfg.other_name_population <= 0:
        return unread
    for n, c in enumerate(cands):
        if c.forced:
            continue
        key = name_key(c.text)
        if any(is_major(gaz, i, key, cfg.world_city_population) for i in c.ids):
            keep = tuple(i for i in c.ids if gaz.kind(i) != "city" or spelling_of(gaz, i, key, cfg))
        elif any(spelling_of(gaz, i, key, cfg) for i in c.ids):
            continue
        elif c.locative or c.dateline:
            continue
        else:
            keep = tuple(i for i in c.ids if gaz.kind(i) != "city" or gaz.population(i) >= cfg.other_name_population)
        if not keep:
            unread.add(n)
        elif keep != c.ids:
            c.ids = keep
    return unread


# -- 2. anchors --------------------------------------------------------------------------------
def anchor_of(c: Candidate, gaz, cfg: PlacesConfig) -> Optional[int]:
    """The reading that anchors the setting for ``c``: its only or qualified reading, or a country or
    first-level division whose prior beats the next reading by ``anchor_margin``."""
    if len(c.ids) == 1 or c.forced:
        return c.ids[0]
    key = name_key(c.text)
    ranked = sorted(c.ids[:cfg.max_readings], key=lambda j: -prior(gaz, j, key, cfg))
    if gaz.kind(ranked[0]) in ("country", "admin1") \
            and prior(gaz, ranked[0], key, cfg) - prior(gaz, ranked[1], key, cfg) >= cfg.anchor_margin:
        return ranked[0]
    return None


def anchors(cands: list[Candidate], gaz, cfg: PlacesConfig) -> tuple[Counter, Counter]:
    """Counts of the anchors' countries and (country, admin1) divisions."""
    countries: Counter = Counter()
    states: Counter = Counter()
    for c in cands:
        i = anchor_of(c, gaz, cfg) if not c.actor else None  # "U.S. forces" sets no scene
        if i is None:
            continue
        countries[gaz.country_of(i)] += 1
        if gaz.kind(i) in ("admin1", "county", "city") or c.forced:
            states[(gaz.country_of(i), gaz.admin1_of(i) if not c.forced else c.forced[1])] += 1
    countries.pop(None, None)
    return countries, states


# -- 4. pairs ----------------------------------------------------------------------------------
def pair_grid(cands: list[Candidate], gaz, ev: Evidence, cfg: PlacesConfig) -> PairGrid:
    """The :class:`~.features.PairGrid` of the article (empty when ``pair_weight`` is 0). Scores here
    are without pairs and without setting; a name whose best reading is major (a country, a capital, a
    world city: "Damascus", "Paris") is never paired, nor a reading that only lists the name among its
    alternate names while another reading carries it ("Nord" and "Sud" are no pair of Swiss quarters)."""
    grid = PairGrid()
    if cfg.pair_weight <= 0:
        return grid
    reach = cfg.pair_reach * cfg.pair_weight
    for key, c in distinct_names(cands):
        ids = top_readings(gaz, c.ids, cfg)
        base = {i: score(gaz, i, key, ev, Setting(), cfg) for i in ids}
        mx = max(base.values())
        if is_major(gaz, max(base, key=base.get), key, cfg.world_city_population):
            grid.unpaired.add(key)
            continue
        for i in ids:
            loss = mx - base[i]
            if loss >= reach or gaz.kind(i) not in ("city", "county") or pays_alternate(gaz, i, key, ev, cfg):
                continue
            la, lo = gaz.coords(i)
            if math.isnan(la):
                continue
            grid.cells.setdefault((int(math.floor(la)), int(math.floor(lo))), []).append((key, i, loss, la, lo))
    return grid


# -- 5. rounds ---------------------------------------------------------------------------------
def settings_from(keys: list[str], choice, conf, gaz, scenic=None) -> dict[str, Setting]:
    """Per name, the :class:`~.features.Setting` that the *other* names' readings make: each name
    weighted by its confidence, divided among its mentions. ``scenic`` (one flag per mention, default
    all) leaves out mentions that set no scene ("U.S. forces": :mod:`.focus`)."""
    scenic = scenic if scenic is not None else [True] * len(keys)
    n_of_key = Counter(k for k, ok in zip(keys, scenic) if ok)
    per_key: dict[str, tuple[Counter, Counter, list]] = {}
    for k, ch, cf, ok in zip(keys, choice, conf, scenic):
        if ch is None or cf <= 0 or not ok:
            continue
        wgt = cf / n_of_key[k]
        cs, ss, pts = per_key.setdefault(k, (Counter(), Counter(), []))
        kind, cc, a1 = gaz.kind(ch), gaz.country_of(ch), gaz.admin1_of(ch)
        cs[cc] += wgt
        if kind in ("admin1", "city", "county") and a1:
            ss[(cc, a1)] += wgt
        if kind == "city":
            la, lo = gaz.coords(ch)
            pts.append((la, lo, cf))
    out: dict[str, Setting] = {}
    for k in set(keys):
        s = Setting()
        for k2, (c2, s2, p2) in per_key.items():
            if k2 != k:
                s.countries.update(c2)
                s.states.update(s2)
                s.points.extend(p2)
        s.countries.pop(None, None)
        out[k] = s
    return out


def rank(gaz, key: str, ids, ev: Evidence, setting: Setting, pairs: PairGrid,
         cfg: PlacesConfig) -> tuple[float, int, float]:
    """(best score, best reading, runner-up score) of a name's readings; the runner-up is the best
    reading in another (country, admin1) area (``unopposed_margins`` margins below when none is)."""
    scored = sorted(((score(gaz, i, key, ev, setting, cfg, pairs), i) for i in ids), reverse=True)
    best_s, best = scored[0]
    area = (gaz.country_of(best), gaz.admin1_of(best))
    second = next((sc for sc, i in scored[1:] if (gaz.country_of(i), gaz.admin1_of(i)) != area),
                  best_s - cfg.unopposed_margins * cfg.confidence_margin)
    return best_s, best, second


def read_rounds(cands: list[Candidate], gaz, ev: Evidence, pairs: PairGrid, anchored: Setting,
                cfg: PlacesConfig, scene: Optional[Counter] = None) -> tuple[list, dict[str, Setting]]:
    """``cfg.rounds`` rounds of ranking: round 0 in the ``anchored`` setting, later rounds each name in
    the setting of the others' previous readings (actor mentions left out) and of the ``scene``.
    Returns the choices and the last settings (empty after a single round)."""
    scenic = [not c.actor for c in cands]
    choice: list[Optional[int]] = [None] * len(cands)
    conf: list[float] = [0.0] * len(cands)
    keys = [name_key(c.text) for c in cands]
    settings: dict[str, Setting] = {}
    for rnd in range(cfg.rounds):
        if rnd > 0:
            settings = settings_from(keys, choice, conf, gaz, scenic)
            if scene:
                for s in settings.values():
                    s.countries.update(scene)
        done: dict = {}  # (name, readings) -> this round's rank()
        for n, c in enumerate(cands):
            ids = top_readings(gaz, c.ids, cfg)
            if len(ids) == 1 or c.forced:
                choice[n] = ids[0] if len(ids) == 1 else choice[n]
                conf[n] = 1.0
                if len(ids) == 1:
                    continue
            memo = (keys[n], tuple(ids)) if not c.forced else None
            got = done.get(memo) if memo is not None else None
            if got is None:
                setting = anchored if rnd == 0 else settings[keys[n]]
                got = rank(gaz, keys[n], ids, ev, setting, pairs, cfg)
                if memo is not None:
                    done[memo] = got
            best_s, best, second = got
            choice[n] = best
            if not c.forced:
                conf[n] = min(1.0, (best_s - second) / cfg.confidence_margin)
    for c, cf in zip(cands, conf):
        c.margin = cf
    return choice, settings


# -- 6. strays ---------------------------------------------------------------------------------
def drop_strays(cands: list[Candidate], choice: list, settings: dict[str, Setting], gaz,
                cfg: PlacesConfig) -> None:
    """A small town abroad that nothing else in the story points to ("East Bank" read as an Indian
    town in a West Virginia story) is more likely a misreading than a place: its choice becomes None.
    Needs the settings of a second round."""
    if not cfg.stray_population or not settings:
        return
    for n, c in enumerate(cands):
        ch = choice[n]
        key = name_key(c.text)
        if ch is None or c.forced or len(c.ids) == 1 and name_key(gaz.name_of(ch)) == key:
            continue
        if gaz.kind(ch) != "city" or gaz.population(ch) >= cfg.stray_population:
            continue
        countries = settings[key].countries
        if countries.get(gaz.country_of(ch), 0.0) <= 0 and max(countries.values(), default=0.0) >= cfg.stray_setting:
            choice[n] = None


# -- 7. countries ------------------------------------------------------------------------------
def countries_win(cands: list[Candidate], choice: list, gaz, text: str, coordinators, tiny: int) -> None:
    """A country's own name means the country, not a town of the story's country, when it is listed
    with a name read as another country ("unlike in Cuba or Iran" in a story set in Washington is not
    Cuba, New York) or when the town has fewer than ``tiny`` people. A qualified name ("Cuba, N.Y.")
    keeps its town, and so does one used as a town's (``data/place_senses.yaml``: "a Lebanon woman",
    which leaves no country reading)."""
    for n, c in enumerate(cands):
        ch = choice[n]
        if ch is None or c.forced or gaz.kind(ch) not in ("city", "county"):
            continue
        key = name_key(c.text)
        own = next((i for i in c.ids if gaz.kind(i) == "country" and name_key(gaz.name_of(i)) == key), None)
        if own is not None and (gaz.population(ch) < tiny
                                or listed_with_country(cands, choice, n, gaz, text, coordinators)):
            choice[n] = own


def listed_with_country(cands: list[Candidate], choice: list, n: int, gaz, text: str, coordinators) -> bool:
    """Candidate ``n`` and a neighbour read as a country are joined by a coordinator ("Cuba or Iran")."""
    for m in (n - 1, n + 1):
        if 0 <= m < len(cands) and choice[m] is not None and gaz.kind(choice[m]) == "country":
            a, b = (cands[m], cands[n]) if m < n else (cands[n], cands[m])
            if text[a.end:b.start].strip().lower() in coordinators:
                return True
    return False
