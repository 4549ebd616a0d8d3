"""The situation across articles: one identity per actor, one record per real event, contradictions
between reports, and the actor graph at a date.

One article is a snapshot; this module joins the per-article facts in the store into the situation:

* **Actors** resolve to one identity (an *entity*) across the corpus, by rules tried in order: the
  knowledge-base id (``kb``); the normalised name (``name``: case, accents, punctuation and a leading
  "the" ignored; also matches the canonical name of a KB actor; a *descriptive* name -- a common-noun
  description such as "police", "civilians", "the market", "government buildings", told by
  :func:`is_descriptive` -- joins only within one country: the actor's own country, else its article's
  story country (see Events), so the police of Kenya and of Serbia stay two actors; the rule is stored as
  ``descriptive:KEN:own`` / ``:story``); for a person named by a bare surname,
  the one KB person of that surname (``surname``); then a conservative fuzzy match (``fuzzy``: rapidfuzz
  ratio >= :data:`FUZZY_THRESHOLD` on names of at least
  :data:`FUZZY_MIN_LEN` characters, same kind, no conflicting country, one unambiguous best
  candidate). Two KB actors are never merged: a KB actor is only ever its own KB id. The rule that
  linked each actor is stored in ``s_actor_map.rule`` (shown by ``GET /articles/{id}/links``); the
  words that decide a descriptive name are in ``data/descriptive_names.yaml``.
* **Events**: reports of the same real event merge into one *situation event* when they have the
  same PLOVER type, the same resolved source and target (at least one of them known), the same
  polarity (negated or not) and modality class, the same place or none, the same country or none
  (the country of the report's place, else its article's story country: the country most of the
  article's places are in), and dates within :data:`WINDOW_DAYS` of the first report's date: "police
  fired tear gas at protesters" in a Kenyan and a Serbian report are two incidents. Each report keeps its article, sentence and
  outlet; ``n_sources`` counts distinct outlets. The rule that joined each report is stored, so
  :func:`explain` (``sitrep why EVENT_ID``) can print it.
* **Contradictions across articles** reuse THE rule, :func:`sitrep.lang.conflicts.contradicts`, with the
  entity as the subject key and the resolved place as the place key; undated claims are compared
  only when their articles were published within :data:`WINDOW_DAYS` of each other (a toll reported a
  week later may well have grown), or within the property's ``comparable_days`` in
  ``data/quantities.yaml`` (a force level stands for weeks).
* **Relations over time**: reports of the same relation (type, subject, object, polarity) merge
  with the earliest ``since`` and the latest ``until``; :func:`graph_at` returns what held at a date.

:func:`rebuild` recomputes every situation table (``s_*``) from the per-article tables; the store
calls it after each ingest. Everything here works on any store, including an empty one.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from operator import itemgetter
from typing import Any, Iterable, Optional, Sequence

from rapidfuzz import fuzz, process

from ..kb.agents import load_agents
from ..lang.casing import singular
from ..lang.conflicts import contradicts
from ..core.contract import ActorRef, Claim
from ..core.datamodels import DataModel, load_model
from ..geo.gazetteer import iso3_of
from ..lang.numbers import lexicon
from .dbutil import bulk_insert
from .dialect import dialect_of
from .corrections import actor_fixes, overrides, resolve_overrides
from .schema import SITUATION_TABLES
from .search import rebuild_index
from .summaries import DYAD_MIN, summarise

WINDOW_DAYS = 2
FUZZY_THRESHOLD = 92.0
FUZZY_MIN_LEN = 6
#: modalities that report the same kind of fact; others (future, hypothetical, historical) stand apart
FACTUAL = ("asserted", "reported")

# -- helpers ---------------------------------------------------------------------------------------
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")


@lru_cache(maxsize=65536)
def normalise(name: Optional[str]) -> str:
    """A name's comparison key: lower case, accents and punctuation dropped, a leading "the" removed."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace("’", "'").replace("'s ", " ")
    s = _PUNCT.sub(" ", s.replace("-", " "))
    s = _SPACE.sub(" ", s).strip()
    return _LEADING_THE.sub("", s)


class DescriptiveNamesFile(DataModel):
    """``data/descriptive_names.yaml``: what makes an actor's name a description, not a proper name."""

    version: int
    determiners: list[str]
    common_words: list[str]


@lru_cache(maxsize=1)
def _descriptive_words() -> tuple[frozenset, frozenset]:
    """(leading determiners, common words that may stand capitalised alone) of data/descriptive_names.yaml."""
    data = load_model("descriptive_names.yaml", DescriptiveNamesFile)
    return frozenset(w.lower() for w in data.determiners), frozenset(w.lower() for w in data.common_words)


@lru_cache(maxsize=1)
def _agent_words() -> frozenset:
    """The one-word generic agent nouns of the knowledge base (``kb/data/agents.yaml``: "gunman",
    "jihadist", "kidnapper"; not a title like "president"): common nouns too, when a name is one alone."""
    agents = load_agents()
    return frozenset(a.word for lst in agents.by_head.values() for a in lst if not a.role and not a.modifiers)


_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@lru_cache(maxsize=65536)
def is_descriptive(name: Optional[str]) -> bool:
    """Whether an actor's name is a common-noun description ("police", "the market", "Local fighters")
    rather than a proper name ("Free Karvan Brigade", "Hamas"): after its leading determiners no word but
    the first is capitalised, and a capitalised first word stands with more words or is a listed common
    word (data/descriptive_names.yaml) or a generic agent noun of the knowledge base ("Kidnappers",
    "Militiamen": a generic actor named by its first mention at a sentence start or after a dateline)."""
    determiners, common = _descriptive_words()
    words = _WORD.findall(name or "")
    while words and words[0].lower() in determiners:
        words = words[1:]
    if not words or any(not w.islower() for w in words[1:]):
        return False
    first = words[0]
    return first.islower() or (first[0].isupper() and first[1:].islower()
                               and (len(words) > 1 or first.lower() in common
                                    or singular(first.lower()) in _agent_words()))


def alpha3(code: Optional[str]) -> Optional[str]:
    """An actor's country code (ISO 3166 alpha-3) for a place's (alpha-2: "KE" -> "KEN",
    :func:`~sitrep.geo.gazetteer.iso3_of`); an unknown code is kept as it is."""
    if not code or len(code) != 2:
        return code
    return iso3_of(code.upper()) or code


def identity_country(row: dict) -> Optional[str]:
    """The country that is part of a non-KB actor's identity: for a descriptive name
    (:func:`is_descriptive`), its own country, else its article's story country (``story_country``, an
    alpha-2 place code, as alpha-3); for a proper name, its own country only."""
    if row.get("country"):
        return row["country"]
    return alpha3(row.get("story_country")) if is_descriptive(row.get("name")) else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def _hid(prefix: str, *parts: Any) -> str:
    return prefix + hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


def _day(value: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def effective_date(event_date: Optional[str], published: Optional[str]) -> Optional[date]:
    """The day an event is placed on: its own date when it names a day; a month or year is narrowed
    to the publication day when that falls inside it, else its first day; no date -> published."""
    if event_date and len(event_date) == 10:
        return _day(event_date)
    if event_date:
        if published and published.startswith(event_date):
            return _day(published)
        return _day(event_date + ("-01" if len(event_date) == 7 else "-01-01"))
    return _day(published)


# -- actors ----------------------------------------------------------------------------------------
@dataclass
class Entity:
    entity_id: str
    kb_id: Optional[str]
    names: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    countries: Counter = field(default_factory=Counter)
    sectors: Counter = field(default_factory=Counter)
    wikidata: Counter = field(default_factory=Counter)
    aliases: set = field(default_factory=set)
    roles: Counter = field(default_factory=Counter)
    affiliations: Counter = field(default_factory=Counter)
    articles: set = field(default_factory=set)
    mentions: int = 0
    published: list = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.names.most_common(1)[0][0] if self.names else self.entity_id

    @property
    def kind(self) -> str:
        ks = [k for k, _ in self.kinds.most_common() if k != "other"]
        return ks[0] if ks else "other"

    @property
    def country(self) -> Optional[str]:
        return self.countries.most_common(1)[0][0] if self.countries else None


def _compatible(kind_a: str, kind_b: str, country_a: Optional[str], country_b: Optional[str]) -> bool:
    if kind_a != kind_b and "other" not in (kind_a, kind_b):
        return False
    return not (country_a and country_b and country_a != country_b)


@dataclass
class _Pools:
    """What an unresolved name can be matched against: KB actors by name, surname and kind/country,
    and the non-KB entities made so far."""

    kb_names: dict[str, set[str]]
    kb_meta: dict[str, tuple[str, Optional[str]]]
    kb_surnames: dict[str, str]
    free_names: dict[str, str] = field(default_factory=dict)   # norm name of a non-KB entity -> entity id
    free_meta: dict[str, tuple[str, Optional[str]]] = field(default_factory=dict)


def resolve_actors(rows: Iterable[dict], links: Optional[dict[tuple[str, str], Optional[str]]] = None
                   ) -> tuple[dict[str, Entity], dict[tuple[str, str], tuple[str, str]]]:
    """Give every (article, actor) an entity; returns (entities by id, {(article, actor): (entity, rule)}).

    ``rows``: dicts with article_id, actor_id, name, kind, country, sector, wikidata, kb_id, role,
    affiliation, aliases (list), n_mentions, published; and ``story_country`` (its article's story
    country, :func:`story_countries`) where known.

    1. an actor with a knowledge-base id is that entity;
    2. the others are grouped by normalised name, split by country when two name-alikes name
       different countries; a descriptive name (:func:`is_descriptive`: "police", "the market") without
       a country of its own takes its article's story country, so descriptions of two countries stay apart;
    3. each group, most mentioned first, joins a KB actor of that canonical name, or the one KB person
       of that surname, or a conservative fuzzy match; else it makes a new entity;
    4. an analyst's correction of a link (``links``: (article, actor) -> the entity it is, or None when
       it stands alone) overrides the rules;
    5. each entity gathers its names, kinds, countries, aliases, articles and affiliations.
    """
    rows = list(rows)
    entities: dict[str, Entity] = {}
    mapping: dict[tuple[str, str], tuple[str, str]] = {}
    pools = _kb_entities(rows, entities, mapping)
    for norm, country, kind, crs in _name_groups(rows):
        target, rule = _match_kb_name(pools, norm, kind, country)
        if target is None:
            target, rule = _match_surname(pools, norm, kind, country)
        if target is None:
            target, rule = _match_fuzzy(pools, norm, kind, country)
        if target is None:
            target, rule = _new_entity(entities, pools, norm, kind, country)
        for r in crs:
            mapping[(r["article_id"], r["actor_id"])] = (target, _row_rule(rule, r, country))
    _apply_links(rows, entities, mapping, links or {})
    _aggregate(rows, entities, mapping)
    for eid in [k for k, e in entities.items() if not e.articles]:  # left with no actor by a correction
        del entities[eid]
    return entities, mapping


def _row_rule(rule: Optional[str], row: dict, country: Optional[str]) -> str:
    """The rule that joined one actor: a ``name`` match of a descriptive name says so, with the country
    that took part and where it came from (``descriptive:KEN:own``, ``:story``, ``:alike`` -- the one
    country of its name-alikes -- or ``descriptive:none``)."""
    if rule != "name" or not is_descriptive(row.get("name")):
        return rule or ""
    if not country:
        return "descriptive:none"
    how = "own" if row.get("country") else "story" if alpha3(row.get("story_country")) == country else "alike"
    return f"descriptive:{country}:{how}"


def _apply_links(rows: list[dict], entities: dict[str, Entity], mapping: dict,
                 links: dict[tuple[str, str], Optional[str]]) -> None:
    """Step 4: the links an analyst corrected."""
    for r in rows:
        key = (r["article_id"], r["actor_id"])
        if key not in links:
            continue
        target = links[key]
        if target is None:  # wrongly linked: the actor of this article stands alone
            target = _hid("N:" + _slug(normalise(r["name"])) + "#", *key)
        entities.setdefault(target, Entity(target, None))
        mapping[key] = (target, "correction")


def _kb_entities(rows: list[dict], entities: dict[str, Entity], mapping: dict) -> _Pools:
    """Step 1: the actors with a KB id, and the pools of KB names, kinds and surnames."""
    kb_by_norm: dict[str, set[str]] = defaultdict(set)
    kb_meta: dict[str, tuple[str, Optional[str]]] = {}
    kb_surnames: dict[str, str] = {}
    for r in rows:
        if not r.get("kb_id"):
            continue
        eid = str(r["kb_id"])
        entities.setdefault(eid, Entity(eid, eid))
        mapping[(r["article_id"], r["actor_id"])] = (eid, "kb")
        kb_by_norm[normalise(r["name"])].add(eid)
        kb_meta.setdefault(eid, (r.get("kind") or "other", r.get("country")))
        if r.get("kind") == "person":
            toks = normalise(r["name"]).split()
            if len(toks) > 1:
                kb_surnames[eid] = toks[-1]
    return _Pools(kb_names={n: ids for n, ids in kb_by_norm.items() if n}, kb_meta=kb_meta, kb_surnames=kb_surnames)


def _name_groups(rows: list[dict]) -> list[tuple[str, Optional[str], str, list[dict]]]:
    """Step 2: (normalised name, country, kind, rows) of the non-KB actors, most mentioned first. The
    country is :func:`identity_country` (a descriptive name takes its article's story country); rows
    without one join the one country their name-alikes have."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if not r.get("kb_id"):
            groups[normalise(r["name"]) or normalise(r["actor_id"])].append(r)
    pending: list[tuple[str, Optional[str], str, list[dict]]] = []
    for norm, rs in groups.items():
        by_country: dict[Optional[str], list[dict]] = defaultdict(list)
        for r in rs:
            by_country[identity_country(r)].append(r)
        countries = [c for c in by_country if c]
        if None in by_country and len(countries) == 1:
            by_country[countries[0]].extend(by_country.pop(None))
        for country, crs in by_country.items():
            kind = Counter(r.get("kind") or "other" for r in crs).most_common(1)[0][0]
            pending.append((norm, country, kind, crs))
    pending.sort(key=lambda p: (-sum(int(r.get("n_mentions") or 0) for r in p[3]), p[0], p[1] or ""))
    return pending


def _match_kb_name(pools: _Pools, norm: str, kind: str, country: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """A KB actor whose canonical name this is, of a compatible kind and country."""
    ids = pools.kb_names.get(norm)
    if ids and len(ids) == 1:
        (kid,) = ids
        k_kind, k_country = pools.kb_meta[kid]
        if _compatible(kind, k_kind, country, k_country):
            return kid, "name"
    return None, None


def _match_surname(pools: _Pools, norm: str, kind: str, country: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """A bare surname ("Assad") of exactly one KB person with no conflicting country."""
    if kind != "person" or " " in norm:
        return None, None
    ids = {kid for kid, sn in pools.kb_surnames.items() if sn == norm}
    if len(ids) == 1:
        (kid,) = ids
        if _compatible(kind, pools.kb_meta[kid][0], country, pools.kb_meta[kid][1]):
            return kid, "surname"
    return None, None


def _match_fuzzy(pools: _Pools, norm: str, kind: str, country: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """The one KB actor or earlier entity whose name is close enough (rapidfuzz ratio), when the best
    candidate is unambiguous."""
    if len(norm) < FUZZY_MIN_LEN:
        return None, None
    cands = []
    for pool, is_kb in ((pools.kb_names, True), (pools.free_names, False)):
        if not pool:
            continue
        for cand, score, _ in process.extract(norm, list(pool), scorer=fuzz.ratio,
                                              score_cutoff=FUZZY_THRESHOLD, limit=5):
            if len(cand) < FUZZY_MIN_LEN or cand == norm:
                continue  # the same name was kept apart on purpose (another country)
            ids = pool[cand] if is_kb else {pool[cand]}
            if len(ids) != 1:
                continue
            (cid,) = ids
            c_kind, c_country = pools.kb_meta[cid] if is_kb else pools.free_meta[cid]
            if _compatible(kind, c_kind, country, c_country):
                cands.append((score, cid, cand))
    cands.sort(reverse=True)
    if cands and (len(cands) == 1 or cands[0][0] > cands[1][0] or cands[0][1] == cands[1][1]):
        return cands[0][1], f"fuzzy:{cands[0][0]:.0f}:{cands[0][2]}"
    return None, None


def _new_entity(entities: dict[str, Entity], pools: _Pools, norm: str, kind: str,
                country: Optional[str]) -> tuple[str, str]:
    """A new entity for a name nothing matched."""
    target = "N:" + _slug(norm) + (f"@{country}" if country else "")
    if target in entities:  # two different names with one slug (non-Latin script, punctuation)
        target = _hid(target + "#", norm, country)
    entities[target] = Entity(target, None)
    pools.free_names.setdefault(norm, target)
    pools.free_meta[target] = (kind, country)
    return target, "name"


def _aggregate(rows: list[dict], entities: dict[str, Entity], mapping: dict) -> None:
    """Step 4: each entity's names, kinds, countries, sectors, aliases, articles and affiliations."""
    for r in rows:
        eid, _ = mapping[(r["article_id"], r["actor_id"])]
        e = entities[eid]
        e.names[r["name"]] += 1
        e.kinds[r.get("kind") or "other"] += 1
        for attr, key in (("countries", "country"), ("sectors", "sector"), ("wikidata", "wikidata"), ("roles", "role")):
            if r.get(key):
                getattr(e, attr)[r[key]] += 1
        e.aliases.update(a for a in (r.get("aliases") or []) if a)
        e.articles.add(r["article_id"])
        e.mentions += int(r.get("n_mentions") or 0)
        if r.get("published"):
            e.published.append(str(r["published"]))
        if r.get("affiliation"):
            aff = mapping.get((r["article_id"], r["affiliation"]))
            if aff and aff[0] != eid:
                e.affiliations[aff[0]] += 1
    for e in entities.values():
        e.aliases.update(n for n in e.names if n != e.name)
        e.aliases.discard(e.name)


# -- events ----------------------------------------------------------------------------------------
def _country_relation(a: Optional[str], b: Optional[str]) -> Optional[str]:
    """How the countries of two reports agree (``None``: they do not)."""
    if a == b:
        return f"same country {a}" if a else ""
    if a is None or b is None:
        return ""
    return None


@dataclass
class _Cluster:
    key: tuple
    first: dict
    day: Optional[date]
    place: Optional[str]
    reports: list = field(default_factory=list)
    country: Optional[str] = None


def _place_relation(a: Optional[str], b: Optional[str]) -> Optional[str]:
    if a == b:
        return "same place" if a else "no place in either"
    if a is None or b is None:
        return "place given in one report only"
    return None


def merge_events(rows: Iterable[dict], window_days: int = WINDOW_DAYS) -> list[_Cluster]:
    """Group event reports into situation events (see the module docstring for the rule).

    ``rows``: dicts with at least article_id, event_id, type, source_entity, target_entity, negated,
    modality, place_key, day (a date or None), published; and ``country`` (the report's country, see
    the module docstring) where known.
    """
    by_key: dict[tuple, list[dict]] = defaultdict(list)
    singles: list[dict] = []
    for r in rows:
        if not r.get("source_entity") and not r.get("target_entity"):
            singles.append(r)
            continue
        mclass = "factual" if r.get("modality") in FACTUAL else (r.get("modality") or "factual")
        by_key[(r["type"], r.get("source_entity"), r.get("target_entity"), bool(r.get("negated")), mclass)].append(r)
    clusters: list[_Cluster] = []
    window = timedelta(days=window_days)
    for key, rs in by_key.items():
        rs.sort(key=lambda r: (r["day"] is None, r["day"] or date.min, str(r.get("published") or ""),
                               r["article_id"], r["event_id"]))
        open_: list[_Cluster] = []
        for r in rs:
            chosen = None
            for c in reversed(open_):
                if (c.day is None) != (r["day"] is None):
                    continue
                if c.day is not None and abs(r["day"] - c.day) > window:
                    continue
                if _place_relation(c.place, r.get("place_key")) is None:
                    continue
                if _country_relation(c.country, r.get("country")) is None:
                    continue
                chosen = c
                break
            if chosen is None:
                chosen = _Cluster(key, r, r["day"], r.get("place_key"), country=r.get("country"))
                open_.append(chosen)
                clusters.append(chosen)
                r["rule"] = "first report"
            else:
                parts = [f"same type {key[0]}",
                         f"same source {key[1] or '(none)'}", f"same target {key[2] or '(none)'}",
                         "same polarity" + (" (negated)" if key[3] else ""), f"same modality class {key[4]}",
                         _place_relation(chosen.place, r.get("place_key")) or "",
                         _country_relation(chosen.country, r.get("country")) or ""]
                if chosen.day is not None:
                    gap = abs((r["day"] - chosen.day).days)
                    parts.append(f"date {r['day']} is {gap} day(s) from the first report's {chosen.day} "
                                 f"(window {window_days})")
                else:
                    parts.append("neither report is dated")
                r["rule"] = "; ".join(p for p in parts if p)
                if chosen.place is None and r.get("place_key"):
                    chosen.place = r["place_key"]
                if chosen.country is None and r.get("country"):
                    chosen.country = r["country"]
            chosen.reports.append(r)
    for r in singles:
        r["rule"] = "first report (no resolved source or target: never merged)"
        clusters.append(_Cluster(("single", r["article_id"], r["event_id"]), r, r["day"], r.get("place_key"), [r]))
    return clusters


# -- the rebuild -----------------------------------------------------------------------------------
def _rows(con, sql: str, params: Sequence[Any] = ()) -> list[dict]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def place_key(geonameid, name) -> Optional[str]:
    """An event's place key in the situation: ``geo:<GeoNames id>``, else ``name:`` and the normalised name
    (see :data:`sitrep.situation.schema.PLACE_KEY_SQL` for the key of the places list)."""
    if geonameid is not None:
        return f"geo:{int(geonameid)}"
    n = normalise(name)
    return f"name:{n}" if n else None


def rebuild(con) -> dict[str, int]:
    """Recompute every situation table from the per-article tables (inside the caller's transaction):
    actors, then events (their source and target resolved), contradictions and relations across articles."""
    for t in SITUATION_TABLES:
        con.execute(f"DELETE FROM {t}")  # noqa: S608 - fixed names
    resolve_overrides(con)
    story = story_countries(con)
    names = _rebuild_actors(con, story)
    _rebuild_events(con, names, story)
    count_actor_events(con)
    # contradictions across articles
    bulk_insert(con, "s_contradictions", columns=("subject_entity", "property", "article_a", "claim_a", "article_b",
                                           "claim_b", "outlet_a", "outlet_b", "published_a", "published_b",
                                           "text_a", "text_b", "reason"), rows=cross_contradictions(con))
    # relations over time
    bulk_insert(con, "s_relations", columns=("relation_id", "type", "subject_entity", "subject_name", "object_entity",
                                      "object_name", "object_kind", "since", "until", "negated", "n_reports",
                                      "n_sources", "first_reported", "last_reported", "articles", "evidence"), rows=
                 merged_relations(con, names))
    rebuild_index(con)
    summarise(con)
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in SITUATION_TABLES}  # noqa: S608


def _rebuild_actors(con, story: dict[str, str]) -> dict[str, str]:
    """Fill ``s_actor_map`` and ``s_actors`` (:func:`resolve_actors`; ``story``: each article's story
    country, :func:`story_countries`); returns entity id -> name."""
    actor_rows = _rows(con, """
        SELECT x.article_id, x.actor_id, x.name, x.kind, x.country, x.sector, x.wikidata, x.kb_id, x.role,
               x.affiliation, x.aliases, coalesce(json_array_length(x.mentions), 0) AS n_mentions,
               CAST(a.published AS VARCHAR) AS published
        FROM actors x JOIN articles a ON a.id = x.article_id ORDER BY x.article_id, x.actor_id""")
    for r in actor_rows:
        r["aliases"] = json.loads(r["aliases"]) if r["aliases"] else []
        r["story_country"] = story.get(r["article_id"])
    links = {k: (o["entity"] if not o["wrong"] and o["entity_set"] else None)
             for k, o in overrides(con, "link").items() if o["wrong"] or o["entity_set"]}
    entities, mapping = resolve_actors(actor_rows, links)
    fixes = actor_fixes(con)
    bulk_insert(con, "s_actor_map", columns=("article_id", "actor_id", "entity_id", "rule"), rows=
                 [(a, x, e, rule) for (a, x), (e, rule) in mapping.items()])
    bulk_insert(con, "s_actors", columns=("entity_id", "name", "kind", "country", "sector", "wikidata", "kb_id", "aliases",
                                   "roles", "affiliation", "n_articles", "n_mentions", "first_seen", "last_seen",
                                   "name_key", "alias_keys"), rows=
                 [_entity_row(e, fixes.get(e.entity_id)) for e in entities.values()])
    return {e.entity_id: (fixes.get(e.entity_id) or {}).get("name") or e.name for e in entities.values()}


def _entity_row(e: Entity, fix: Optional[dict] = None) -> tuple:
    """The ``s_actors`` row of an entity: its most frequent sector, Wikidata id, roles and affiliation;
    ``fix``: an analyst's corrections of its name, kind or country."""
    pubs = sorted(e.published)
    fix = fix or {}
    name = fix.get("name") or e.name
    aliases = (e.aliases | ({e.name} if name != e.name else set())) - {name}
    return (e.entity_id, name, fix.get("kind") or e.kind, fix["country"] if "country" in fix else e.country,
            e.sectors.most_common(1)[0][0] if e.sectors else None,
            e.wikidata.most_common(1)[0][0] if e.wikidata else None, e.kb_id,
            json.dumps(sorted(aliases), ensure_ascii=False),
            json.dumps([r for r, _ in e.roles.most_common()], ensure_ascii=False),
            e.affiliations.most_common(1)[0][0] if e.affiliations else None,
            len(e.articles), e.mentions, pubs[0] if pubs else None, pubs[-1] if pubs else None,
            normalise(name), sorted({normalise(a) for a in aliases} - {""}))


def _rebuild_events(con, names: dict[str, str], story: dict[str, str]) -> None:
    """Fill ``s_events`` and ``s_event_reports`` (:func:`merge_events`; ``story``: each article's story
    country); a denial is not an act: negated reports stay in the per-article table only."""
    ev = _rows(con, """
        SELECT e.article_id, e.event_id, e.type, e.mode, e.contexts, e.source_text, e.target_text, e.negated,
               e.modality, e.date, e.sentence_start, e.sentence_end, e.sentence_text, e.trigger, e.confidence,
               e.cameo, a.source AS outlet, CAST(a.published AS VARCHAR) AS published, a.url, a.title,
               ms.entity_id AS source_entity, mt.entity_id AS target_entity,
               p.name AS place_name, p.geonameid, p.lat, p.lon, p.country_code
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN s_actor_map ms ON ms.article_id = e.article_id AND ms.actor_id = e.source_actor
        LEFT JOIN s_actor_map mt ON mt.article_id = e.article_id AND mt.actor_id = e.target_actor
        LEFT JOIN places p ON p.article_id = e.article_id AND p.place_id = e.location
        WHERE NOT coalesce(e.negated, FALSE)
        ORDER BY e.article_id, e.event_id""")
    fixed = overrides(con, "event")
    ev = [r for r in ev if not _correct_event(r, fixed.get((r["article_id"], r["event_id"])), names)]
    for r in ev:
        r["day"] = effective_date(r["date"], r["published"])
        r["place_key"] = place_key(r["geonameid"], r["place_name"])
        r["country"] = r["country_code"] or story.get(r["article_id"])
    ev_rows, rep_rows = [], []
    for c in merge_events(ev):
        eid = _hid("SE", c.first["article_id"], c.first["event_id"])
        ev_rows.append(_situation_event_row(eid, c, names))
        rep_rows += [_report_row(eid, r) for r in c.reports]
    bulk_insert(con, "s_events", columns=("event_id", "type", "mode", "contexts", "source_entity", "source_name",
                                   "target_entity", "target_name", "place_key", "place_name", "lat", "lon",
                                   "country_code", "geonameid", "date", "date_text", "negated", "modality", "cameo",
                                   "confidence", "n_reports", "n_sources", "outlets", "first_reported",
                                   "last_reported", "evidence", "rule"), rows=ev_rows)
    bulk_insert(con, "s_event_reports", columns=("event_id", "article_id", "report_id", "outlet", "published", "url",
                                          "title", "date", "sentence_start", "sentence_end", "sentence_text",
                                          "trigger", "source_text", "target_text", "confidence", "rule"), rows=rep_rows)


def story_countries(con) -> dict[str, str]:
    """Each article's story country: the country most of its places are in (by mentions, then by
    places; a tie between two countries gives none)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for r in _rows(con, "SELECT article_id, country_code, mentions FROM places WHERE country_code IS NOT NULL"):
        m = r["mentions"]
        n = len(json.loads(m)) if isinstance(m, str) else len(m or ())
        counts[r["article_id"]][r["country_code"]] += max(n, 1)
    out = {}
    for aid, c in counts.items():
        top = c.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:
            out[aid] = top[0][0]
    return out


def _correct_event(r: dict, o: Optional[dict], names: dict[str, str]) -> bool:
    """Apply an analyst's corrections to one event report; True when it is marked wrong (left out)."""
    if o is None:
        return False
    if o["wrong"]:
        return True
    if o["type"]:
        r["type"] = o["type"]
        r["cameo"] = None  # the extracted code was the old type's
    for side in ("source", "target"):
        if o[f"{side}_set"]:
            r[f"{side}_entity"] = o[f"{side}_entity"]
            r[f"{side}_text"] = names.get(o[f"{side}_entity"]) if o[f"{side}_entity"] else None
    r["rule_note"] = "corrected by " + ", ".join(o["corrections"])
    return False


def _situation_event_row(eid: str, c: _Cluster, names: dict[str, str]) -> tuple:
    """The ``s_events`` row of a cluster of reports: the first report's type, source, target and evidence;
    the most frequent mode and CAMEO code; every context; the highest confidence; the rule that joined them."""
    f = c.first
    outlets = sorted({r["outlet"] or f"article:{r['article_id']}" for r in c.reports})
    placed = next((r for r in c.reports if r.get("place_key") == c.place and c.place), None)
    modes = Counter(r["mode"] for r in c.reports if r["mode"])
    ctx = sorted({x for r in c.reports for x in (json.loads(r["contexts"]) if r["contexts"] else [])})
    cameos = Counter(r["cameo"] for r in c.reports if r["cameo"])
    pubs = sorted(str(r["published"]) for r in c.reports if r["published"])
    dated = next((r["date"] for r in c.reports if r["date"]), None)
    src = f["source_entity"]
    tgt = f["target_entity"]
    return (eid, f["type"], modes.most_common(1)[0][0] if modes else None, json.dumps(ctx),
            src, names.get(src) if src else f["source_text"],
            tgt, names.get(tgt) if tgt else f["target_text"],
            c.place, placed["place_name"] if placed else None, placed["lat"] if placed else None,
            placed["lon"] if placed else None, placed["country_code"] if placed else None,
            placed["geonameid"] if placed else None,
            c.day, dated, False, f["modality"], cameos.most_common(1)[0][0] if cameos else None,
            max(float(r["confidence"] or 0) for r in c.reports), len(c.reports), len(outlets),
            json.dumps(outlets, ensure_ascii=False), pubs[0] if pubs else None,
            pubs[-1] if pubs else None, f["sentence_text"],
            "single report" if len(c.reports) == 1 else
            f"{len(c.reports)} reports: same type, source, target, polarity and modality class; "
            f"same place or none; dates within {WINDOW_DAYS} day(s)")


def _report_row(eid: str, r: dict) -> tuple:
    """The ``s_event_reports`` row of one report of situation event ``eid``."""
    return (eid, r["article_id"], r["event_id"], r["outlet"], r["published"], r["url"], r["title"],
            str(r["day"]) if r["day"] else None, r["sentence_start"], r["sentence_end"],
            r["sentence_text"], r["trigger"], r["source_text"], r["target_text"], r["confidence"],
            r["rule"] + (f" ({r['rule_note']})" if r.get("rule_note") else ""))


def count_actor_events(con) -> None:
    """Store in ``s_actors.n_events`` how many situation events each actor takes part in."""
    con.execute("""UPDATE s_actors SET n_events = n.k FROM (
                       SELECT e, count(*) AS k FROM (SELECT source_entity AS e FROM s_events UNION ALL
                           SELECT target_entity FROM s_events WHERE target_entity IS DISTINCT FROM source_entity) x
                       WHERE e IS NOT NULL GROUP BY e) n
                   WHERE n.e = s_actors.entity_id""")


def cross_contradictions(con) -> list[tuple]:
    """Contradicting claim pairs from different articles, by THE rule (:func:`sitrep.lang.conflicts.contradicts`).

    Only reports of the same incident are compared: the same subject (a count no actor owns has the
    place of its incident as subject, matched across articles by its place key), the same place, and
    compatible dates (undated reports published within the property's ``comparable_days``); a loss
    (a victim property) is compared only where both reports say where it happened. The reason names the
    place and the dates, or the publication days of undated reports."""
    rows = _rows(con, """
        SELECT c.*, m.entity_id AS subject_entity, a.source AS outlet, CAST(a.published AS VARCHAR) AS published,
               p.geonameid, p.name AS place_name, ps.geonameid AS subject_geonameid, ps.name AS subject_place
        FROM claims c JOIN articles a ON a.id = c.article_id
        LEFT JOIN s_actor_map m ON m.article_id = c.article_id AND m.actor_id = c.subject_actor
        LEFT JOIN places p ON p.article_id = c.article_id AND p.place_id = c.place
        LEFT JOIN places ps ON ps.article_id = c.article_id AND ps.place_id = c.subject_actor
        ORDER BY a.published NULLS LAST, c.article_id, c.start_offset""")
    victim = _victim_properties()
    groups: dict[tuple, list[tuple[dict, Claim, str, Optional[str]]]] = defaultdict(list)
    for r in rows:
        incident = r["subject_entity"] is None and r["subject_place"] is not None
        r["incident"] = incident
        if r["property"] in victim and not r["place"]:
            continue  # a loss with no place is no incident another report can be matched with
        subject = (f"place:{place_key(r['subject_geonameid'], r['subject_place'])}" if incident else
                   r["subject_entity"] or f"{r['article_id']}:{r['subject_actor']}")
        place = place_key(r["geonameid"], r["place_name"]) if r["place"] else None
        claim = Claim(id=r["claim_id"], subject=ActorRef(actor_id=r["subject_actor"] or "", text=r["subject_text"] or ""),
                      property=r["property"], value=r["value"], value_max=r["value_max"], unit=r["unit"],
                      approx=bool(r["approx"]), place=r["place"],
                      date=r["date"], start=r["start_offset"], end=r["end_offset"], text=r["text"])
        groups[(subject, r["property"], r["unit"], place)].append((r, claim, subject, place))
    out = []
    for (_, prop, _, _), items in groups.items():
        days = _comparable_days(prop)  # one property per group
        for i, (ra, ca, sa, pa) in enumerate(items):
            for rb, cb, sb, pb in items[i + 1:]:
                if ra["article_id"] == rb["article_id"]:
                    continue
                if not (ca.date and cb.date) and not _published_close(ra["published"], rb["published"], days):
                    continue  # an undated claim speaks of its publication day: far-apart days may both be right
                reason = contradicts(ca, cb, subject_a=sa, subject_b=sb, place_a=pa or "", place_b=pb or "",
                                     place_label=ra["place_name"], incident=ra["incident"] and rb["incident"],
                                     undated=f" (undated, reported {ra['published']} and {rb['published']})")
                if reason:
                    out.append((sa, ra["property"], ra["article_id"], ra["claim_id"], rb["article_id"], rb["claim_id"],
                                ra["outlet"], rb["outlet"], ra["published"], rb["published"], ra["text"], rb["text"],
                                reason))
    return out


def _published_close(a: Optional[str], b: Optional[str], days: int = WINDOW_DAYS) -> bool:
    da, db = _day(a), _day(b)
    return da is None or db is None or abs((da - db).days) <= days


def _victim_properties() -> frozenset:
    """The properties that count losses (``victim: true`` in data/quantities.yaml)."""
    props = lexicon().raw.get("properties") or {}
    return frozenset(p for p, spec in props.items() if isinstance(spec, dict) and spec.get("victim"))


def _comparable_days(prop: str) -> int:
    """How far apart two undated reports of ``prop`` may be published and still be compared
    (``comparable_days`` in data/quantities.yaml; a toll grows, a force level stands)."""
    spec = (lexicon().raw.get("properties") or {}).get(prop) or {}
    days = spec.get("comparable_days", WINDOW_DAYS) if isinstance(spec, dict) else WINDOW_DAYS
    return int(days) if isinstance(days, int) and days >= 0 else WINDOW_DAYS


def merged_relations(con, names: dict[str, str]) -> list[tuple]:
    """One row per (type, subject, object, polarity), with the earliest since and the latest until."""
    rows = _rows(con, """
        SELECT r.*, ms.entity_id AS subject_entity, mo.entity_id AS object_entity, p.name AS place_name,
               p.geonameid, a.source AS outlet, CAST(a.published AS VARCHAR) AS published, a.text AS article_text
        FROM relations r JOIN articles a ON a.id = r.article_id
        LEFT JOIN s_actor_map ms ON ms.article_id = r.article_id AND ms.actor_id = r.subject_actor
        LEFT JOIN s_actor_map mo ON mo.article_id = r.article_id AND mo.actor_id = r.object_actor
        LEFT JOIN places p ON p.article_id = r.article_id AND p.place_id = r.object_actor
        ORDER BY a.published NULLS LAST, r.article_id, r.n""")
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        subj = r["subject_entity"] or f"N:{_slug(normalise(r['subject_text']))}"
        if r["object_entity"]:
            obj, okind, oname = r["object_entity"], "actor", names.get(r["object_entity"])
        elif r["place_name"] is not None:
            obj, okind, oname = place_key(r["geonameid"], r["place_name"]), "place", r["place_name"]
        else:
            obj, okind, oname = f"N:{_slug(normalise(r['object_text']))}", "actor", r["object_text"]
        r["_s"], r["_o"], r["_okind"], r["_oname"] = subj, obj, okind, oname or r["object_text"]
        groups[(r["type"], subj, obj, bool(r["negated"]))].append(r)
    out = []
    for (rtype, subj, obj, neg), rs in groups.items():
        sinces = sorted(r["since"] for r in rs if r["since"])
        untils = sorted(r["until"] for r in rs if r["until"])
        until = untils[-1] if untils else None
        if until and any(not r["until"] and r["published"] and r["published"][:len(until)] > until for r in rs):
            until = None  # reported as still holding after its end: it holds again
        pubs = sorted(r["published"] for r in rs if r["published"])
        first = rs[0]
        text = first.get("article_text") or ""
        evidence = text[first["start_offset"]:first["end_offset"]] if text else None
        out.append((_hid("R", rtype, subj, obj, neg), rtype, subj, names.get(subj, first["subject_text"]), obj,
                    first["_oname"], first["_okind"], sinces[0] if sinces else None, until, neg, len(rs),
                    len({r["outlet"] or r["article_id"] for r in rs}), pubs[0] if pubs else None,
                    pubs[-1] if pubs else None, json.dumps(sorted({r["article_id"] for r in rs})), evidence))
    return out


# -- reading ---------------------------------------------------------------------------------------
def explain(con, event_id: str) -> Optional[dict]:
    """The reports of one situation event and the rule that joined each (``sitrep why``)."""
    ev = _rows(con, "SELECT * FROM s_events WHERE event_id = ?", [event_id])
    if not ev:
        return None
    reports = _rows(con, """SELECT article_id, report_id, outlet, CAST(published AS VARCHAR) AS published, url, title,
                                   date, sentence_text, trigger, source_text, target_text, confidence, rule
                            FROM s_event_reports WHERE event_id = ? ORDER BY date NULLS LAST, published, article_id,
                            report_id""", [event_id])
    e = ev[0]
    e["date"] = str(e["date"]) if e["date"] else None
    for k in ("first_reported", "last_reported"):
        e[k] = str(e[k]) if e[k] else None
    e["outlets"] = json.loads(e["outlets"]) if e["outlets"] else []
    e["contexts"] = json.loads(e["contexts"]) if e["contexts"] else []
    return {"event": e, "reports": reports,
            "rule": (f"Reports merge when they share the PLOVER type, the resolved source and target actors "
                     f"(at least one known; an actor named by a description, such as \"police\", is one actor only "
                     f"within one country), polarity and modality class, name the same place or none, and "
                     f"are dated within {WINDOW_DAYS} day(s) of the first report.")}


def holds_at(since: Optional[str], until: Optional[str], first_reported: Optional[str], at: str) -> bool:
    """Whether a relation held at day ``at`` (YYYY-MM-DD), comparing at each bound's own precision.

    Without ``since`` a relation holds from its first report on (the graph shows what was known)."""
    if since:
        if at[:len(since)] < since:
            return False
    elif first_reported and first_reported > at:
        return False
    return not (until and at[:len(until)] > until)


#: holds_at() in SQL, of a relation at a day (three parameters: the day): each bound compared at its own precision
_HELD = """(CASE WHEN since IS NOT NULL THEN substr(?, 1, length(since)) >= since
                 ELSE first_reported IS NULL OR first_reported <= CAST(? AS DATE) END)
           AND (until IS NULL OR substr(?, 1, length(until)) <= until)"""


#: the columns of a graph node (``s_actors``)
_NODE_COLUMNS = "entity_id, name, kind, country, sector, wikidata, n_articles"
#: the columns of a situation relation as the graph and ``/relations`` send it
_RELATION_COLUMNS = """relation_id, type, subject_entity, subject_name, object_entity, object_name, object_kind, since,
                       until, n_reports, n_sources, CAST(first_reported AS VARCHAR) AS first_reported, evidence"""


def relations_by_id(con, relation_ids: Sequence[str], at: Optional[str] = None) -> list[dict]:
    """The situation relations of these ids (those that held at day ``at``, when given), in the graph's
    order."""
    held, hp = (_HELD, [at, at, at]) if at else ("TRUE", [])
    rels = _rows(con, f"""SELECT {_RELATION_COLUMNS} FROM s_relations
                          WHERE NOT negated AND {held} AND {dialect_of(con).any_of('relation_id')}""",
                 hp + [sorted(set(relation_ids))])
    return sorted(rels, key=_relation_order)


def graph_at(con, at: Optional[str] = None, min_events: int = 1, limit: Optional[int] = None) -> dict:
    """The actor graph at day ``at`` (or with everything when None): nodes, relation edges, and event
    edges (dyads with at least ``min_events`` events of a type).

    With ``limit``, at most that many relations (the most reported first) and as many event edges (the
    most events first), and only their actors as nodes; ``n_relations`` and ``n_event_edges`` always say
    how many there are in all, so a reader knows what was left out."""
    held, hp = (_HELD, [at, at, at]) if at else ("TRUE", [])
    # with a limit: the most reported, and how many there are in all (a window over the rows that held)
    top, n_all, hp_top = ((" ORDER BY n_reports DESC, n_sources DESC, relation_id LIMIT ?", ", count(*) OVER () AS n_all",
                           [int(limit)]) if limit is not None else ("", "", []))
    # sorted here, not by the database: a million-event store holds tens of thousands of relations, which
    # PostgreSQL sorted in 30 ms and Python sorts in a few (the same order: undated last, then by id)
    rels = _rows(con, f"""SELECT {_RELATION_COLUMNS}{n_all}
                          FROM s_relations WHERE NOT negated AND {held}{top}""", hp + hp_top)
    n_relations = _total(rels) if limit is not None else len(rels)
    rels.sort(key=_relation_order)
    evs = _event_edges(con, at, min_events, limit)
    n_event_edges = _total(evs)
    ends = {r["source_entity"] for r in evs} | {r["target_entity"] for r in evs}
    if limit is None:  # the actors of the relations by the same condition in SQL (not sent back as a list)
        nodes = {r["entity_id"]: r for r in _rows(con, f"""
            WITH r AS (SELECT subject_entity, object_entity FROM s_relations WHERE NOT negated AND {held})
            SELECT {_NODE_COLUMNS} FROM s_actors
            WHERE entity_id IN (SELECT subject_entity FROM r UNION SELECT object_entity FROM r)
                  OR {dialect_of(con).any_of('entity_id')}""", hp + [sorted(ends)])}
    else:  # a few thousand ends at most: asked for by id
        ends |= {r["subject_entity"] for r in rels} | {r["object_entity"] for r in rels}
        nodes = {r["entity_id"]: r for r in _rows(con, f"""
            SELECT {_NODE_COLUMNS} FROM s_actors WHERE {dialect_of(con).any_of('entity_id')}""", [sorted(ends)])}
    missing = ({r["subject_entity"] for r in rels} | {r["object_entity"] for r in rels}) - nodes.keys()
    for r in rels if missing else ():  # the ends that are no situation actor (places, things named only there)
        if r["subject_entity"] not in nodes:
            nodes[r["subject_entity"]] = _other_node(r["subject_entity"], r["subject_name"], "actor")
        if r["object_entity"] not in nodes:
            nodes[r["object_entity"]] = _other_node(r["object_entity"], r["object_name"], r["object_kind"])
    return {"at": at, "nodes": sorted(nodes.values(), key=itemgetter("entity_id")), "relations": rels,
            "events": evs, "n_relations": n_relations, "n_event_edges": n_event_edges, "limit": limit}


def _total(rows: list[dict]) -> int:
    """How many rows a query had before its LIMIT: the ``n_all`` window every row carries, taken off them."""
    total = rows[0]["n_all"] if rows else 0
    for r in rows:
        del r["n_all"]
    return total


def _relation_order(r: dict) -> tuple[str, str]:
    """A relation's place in the graph: by first report, undated last (no day is written with U+FFFF),
    then by id."""
    return (r["first_reported"] or "\uffff", r["relation_id"])


def _other_node(key: str, name: Optional[str], kind: Optional[str]) -> dict:
    """The node of a relation's end that is no situation actor (a place, or a thing named only there)."""
    return {"entity_id": key, "name": name, "kind": "place" if kind == "place" else "other",
            "country": None, "sector": None, "wikidata": None, "n_articles": None}


def _event_edges(con, at: Optional[str], min_events: int, limit: Optional[int] = None) -> list[dict]:
    """The dyads (source, target, type) with at least ``min_events`` events up to day ``at`` (the most events
    first; at most ``limit``), each with ``n_all``, how many there are in all; from 2 events up, only the
    pairs of ``s_dyads`` (as many events in all) are grouped."""
    params: list = []
    cond = "TRUE"
    if at:
        cond, params = "e.date <= CAST(? AS DATE)", [at]
    dyads = ""
    if min_events >= DYAD_MIN:
        dyads = """JOIN s_dyads d ON d.source_entity = e.source_entity AND d.target_entity = e.target_entity
                       AND d.type = e.type AND d.n >= ?"""
        params = [int(min_events)] + params
    return _rows(con, f"""SELECT e.source_entity, e.target_entity, e.type, count(*) AS n_events,
                                 sum(e.n_reports) AS n_reports, CAST(min(e.date) AS VARCHAR) AS first,
                                 CAST(max(e.date) AS VARCHAR) AS last, count(*) OVER () AS n_all
                          FROM s_events e {dyads}
                          WHERE e.source_entity IS NOT NULL AND e.target_entity IS NOT NULL
                                AND e.source_entity <> e.target_entity AND {cond}
                          GROUP BY e.source_entity, e.target_entity, e.type HAVING count(*) >= ?
                          ORDER BY n_events DESC, e.source_entity, e.target_entity, e.type
                          {"LIMIT ?" if limit is not None else ""}""",
                 params + [int(min_events)] + ([int(limit)] if limit is not None else []))
