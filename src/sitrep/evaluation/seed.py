"""The ``seed`` suite: a hand-written gold reading of one article (the JSON shape of
``shared/seed/gold.json``) against what the pipeline makes of that article.

Matching follows the gold file's own rules ("about", "actor_equivalences"):

* an output actor is a gold actor when one of its names (name, aliases) is one of the gold actor's
  names or aliases (case-insensitive, "the" and a possessive ending ignored), when it is a state (or
  a government body, sector GOV) with the gold state's ISO 3166 alpha-3 code, or when it carries one
  of the gold actor's Wikidata ids;
* for events, claims and relations a person or agency counts as its state: through the output
  actor's ``affiliation`` chain, and through the gold file's equivalences (a gold actor's
  "affiliation", or "RYDER, SULLIVAN count as USA" in ``actor_equivalences``);
* an output event matches a gold event when its type is one of the gold types, its source and
  target are the gold ones (a ``null`` in the gold target list admits an event without target) and
  its negation agrees; location and date are scored separately among the events found;
* ``required`` events must be found, ``optional`` ones may be (they do not count against
  precision), ``must_not`` patterns are errors when an output event fits them.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..core.article import Article
from ..core.contract import Actor, ActorRef, Document, Event
from ..core.errors import EvalDataError, StageError
from ..core.text import haversine_km
from .matching import DocActors, norm_name, norm_text, run_pipeline
from .results import Metric, SuiteResult, count, ratio

LINEAGE_TYPES = {"formerly_known_as", "offshoot_of", "successor_of", "renamed_from", "renamed_to", "merged_into",
                 "split_from"}


@dataclass
class GoldActor:
    key: str
    names: set[str]
    country: Optional[str] = None
    sector: Optional[str] = None
    wikidata: set[str] = field(default_factory=set)
    affiliation: Optional[str] = None
    is_state: bool = False


@dataclass
class SeedGold:
    path: Path
    text: str
    article_path: Optional[Path]
    published: Optional[str]
    source: Optional[str]
    actors: dict[str, GoldActor]
    equivalences: dict[str, set[str]]
    required: list[dict]
    optional: list[dict]
    must_not: list[dict]
    quotes: list[dict]
    places: list[dict]
    dates: list[dict]
    claims: list[dict]
    contradictions: list[dict]
    relations: list[dict]

    @classmethod
    def load(cls, path: str | Path, *, text: Optional[str] = None) -> "SeedGold":
        """Read a gold file (or a folder holding ``gold.json`` and the article it reads)."""
        path = Path(path)
        if path.is_dir():
            path = path / "gold.json"
        if not path.is_file():
            raise EvalDataError(f"no gold file at {path}", path=str(path))
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise EvalDataError(f"cannot read the gold file: {err}", path=str(path)) from None
        if not isinstance(raw, dict) or "events" not in raw or "actors" not in raw:
            raise EvalDataError("a seed gold file is a JSON object with 'actors' and 'events'", path=str(path))
        article_path = None
        if text is None:
            article_path = _find_article(path, raw)
            text = article_path.read_text(encoding="utf-8")
        actors = {}
        for key, a in raw["actors"].items():
            names = {norm_name(n) for n in a.get("names", [])} | {norm_name(key)}
            country = a.get("country")
            sector = a.get("sector")
            is_state = a.get("kind") == "state" or (country is not None and (key == country or sector == "GOV")
                                                   and not a.get("affiliation"))
            actors[key] = GoldActor(key=key, names={n for n in names if n}, country=country, sector=sector,
                                    wikidata=set(a.get("wikidata") or []), affiliation=a.get("affiliation"),
                                    is_state=is_state)
        equivalences = _equivalences(raw.get("actor_equivalences"), actors)
        meta = raw.get("article") or {}
        ev = raw["events"]
        return cls(path=path, text=text, article_path=article_path, published=meta.get("published"),
                   source=meta.get("source"), actors=actors, equivalences=equivalences,
                   required=ev.get("required", []), optional=ev.get("optional", []),
                   must_not=ev.get("must_not", []), quotes=raw.get("quotes", []), places=raw.get("places", []),
                   dates=raw.get("dates", []), claims=raw.get("claims", []),
                   contradictions=raw.get("contradictions", []), relations=raw.get("relations", []))

    def article(self) -> Article:
        aid = self.article_path.stem if self.article_path else "seed"
        return Article(text=self.text, id=aid, published=self.published, source=self.source,
                       origin=str(self.article_path) if self.article_path else None)


def _find_article(gold_path: Path, raw: dict) -> Path:
    folder = gold_path.parent
    meta = raw.get("article") or {}
    for name in (meta.get("file"), meta.get("path")):
        if name and (folder / name).is_file():
            return folder / name
    for name in re.findall(r"[\w.-]+\.txt\b", raw.get("about", "")):
        if (folder / name).is_file():
            return folder / name
    texts = sorted(folder.glob("*.txt"))
    if len(texts) == 1:
        return texts[0]
    raise EvalDataError("cannot tell which article the gold file reads: name it in 'article': {'file': ...}",
                        path=str(gold_path))


_COUNT_AS = re.compile(r"((?:[A-Z][A-Z0-9_]*)(?:\s*(?:,|and)\s*[A-Z][A-Z0-9_]*)*)\s+counts?\s+as\s+([A-Z][A-Z0-9_]*)")


def _equivalences(spec: Any, actors: dict[str, GoldActor]) -> dict[str, set[str]]:
    """gold key -> the gold keys it also counts as (for events, claims, relations)."""
    eq: dict[str, set[str]] = {k: set() for k in actors}
    for k, a in actors.items():
        if a.affiliation and a.affiliation in actors:
            eq[k].add(a.affiliation)
    if isinstance(spec, dict):
        for k, v in spec.items():
            if k in eq:
                eq[k].update([v] if isinstance(v, str) else v)
    elif isinstance(spec, str):
        for group, target in _COUNT_AS.findall(spec):
            if target not in actors:
                continue
            for k in re.split(r"\s*(?:,|and)\s*", group):
                if k in eq and k != target:
                    eq[k].add(target)
    return eq


class Resolver:
    """Which gold actors an output actor (or actor reference) is."""

    def __init__(self, gold: SeedGold, doc: Document):
        self.gold = gold
        self.actors = DocActors(doc)
        self._cache: dict[str, set[str]] = {}

    def actor_keys(self, actor: Optional[Actor]) -> set[str]:
        if actor is None:
            return set()
        if actor.id in self._cache:
            return self._cache[actor.id]
        names = self.actors.names(actor)
        keys = set()
        for k, g in self.gold.actors.items():
            if names & g.names:
                keys.add(k)
            elif actor.wikidata and actor.wikidata in g.wikidata:
                keys.add(k)
            elif g.is_state and actor.country and actor.country == g.country and (
                    actor.kind == "state" or (actor.kind != "person" and (actor.sector or "").upper() == "GOV")):
                keys.add(k)  # the state by its ISO3 code, or one of its government bodies
        self._cache[actor.id] = keys
        return keys

    def strict(self, ref: Optional[ActorRef]) -> set[str]:
        """The gold actors this reference is (no equivalences)."""
        if ref is None:
            return set()
        keys = set(self.actor_keys(self.actors.get(ref)))
        text = norm_name(ref.text)
        if text:
            keys |= {k for k, g in self.gold.actors.items() if text in g.names}
        return keys

    def expanded(self, ref: Optional[ActorRef]) -> set[str]:
        """The gold actors this reference counts as for events: itself, its affiliations, equivalents."""
        keys = self.strict(ref)
        if ref is not None:
            for aff in self.actors.affiliations(self.actors.get(ref)):
                keys |= self.actor_keys(aff)
        for k in list(keys):
            keys |= self.gold.equivalences.get(k, set())
        return keys


# -- events ------------------------------------------------------------------------------------

def _as_list(v: Any) -> list:
    return v if isinstance(v, list) else [v]


def _place_names(doc: Document, place_id: Optional[str]) -> tuple[set[str], Optional[tuple[float, float]]]:
    if not place_id:
        return set(), None
    for p in doc.places:
        if p.id == place_id:
            names = {norm_name(p.name)} | {norm_name(m.text) for m in p.mentions}
            coords = (p.lat, p.lon) if p.lat is not None and p.lon is not None else None
            return names, coords
    return set(), None


def _location_ok(gold: SeedGold, doc: Document, ev_location: Optional[str], wanted: Any) -> bool:
    names, coords = _place_names(doc, ev_location)
    for w in _as_list(wanted):
        if w is None:
            if not ev_location:
                return True
            continue
        if norm_name(w) in names:
            return True
        gp = next((p for p in gold.places if norm_name(p["name"]) == norm_name(w) and "lat" in p), None)
        if gp and coords and haversine_km(gp["lat"], gp["lon"], *coords) <= gp.get("tolerance_km", 25):
            return True
    return False


def _date_ok(ev: Event, g: dict) -> bool:
    if "date" in g:
        return ev.date == g["date"]
    if "date_year" in g:
        return bool(ev.date) and ev.date[:4] == str(g["date_year"])
    return True


def _actor_ok(res: Resolver, ref: Optional[ActorRef], wanted: Any) -> bool:
    allowed = _as_list(wanted)
    if ref is None:
        return None in allowed
    keys = res.expanded(ref)
    return any(a in keys for a in allowed if a is not None)


def event_matches(res: Resolver, ev: Event, g: dict) -> bool:
    """Does output event ``ev`` fit gold event (or must-not pattern) ``g``?"""
    if "types" in g and ev.type not in g["types"]:
        return False
    if "source" in g and g["source"] is not None and not _actor_ok(res, ev.source, g["source"]):
        return False
    if "target" in g and not _actor_ok(res, ev.target, g["target"]):
        return False
    if "negated" in g and bool(ev.negated) != bool(g["negated"]):
        return False
    return True


def must_not_matches(res: Resolver, doc: Document, ev: Event, g: dict) -> bool:
    if not event_matches(res, ev, g):
        return False
    if "location" in g and ev.location and not _location_ok(res.gold, doc, ev.location, g["location"]):
        return False
    if "location_not" in g:
        names, _ = _place_names(doc, ev.location)
        if not any(norm_name(x) in names for x in _as_list(g["location_not"])):
            return False
    return True


# -- scoring -----------------------------------------------------------------------------------

def _quote_matches(q_text: str, starts_with: str) -> bool:
    q = norm_text(q_text).lstrip("\"' ")
    sw = norm_text(starts_with).lstrip("\"' ")
    if not q or not sw:
        return False
    i = q.find(sw[:60])
    if 0 <= i <= 5:
        return True
    return len(q) >= 12 and sw.startswith(q)


def _prop(s: Optional[str]) -> str:
    s = norm_text(s).replace(" ", "_")
    return s[:-1] if s.endswith("s") else s


def _rel_type(s: str) -> str:
    return re.sub(r"[\s\-]+", "_", s.strip().lower())


def _dates_match(gold_text: str, out_text: str) -> bool:
    g, o = norm_text(gold_text), norm_text(out_text)
    return bool(g and o) and (g in o or o in g)


def score_seed(gold: SeedGold, doc: Document) -> SuiteResult:
    """Score one output document against the gold reading: one scorer per kind of item, in order."""
    res = Resolver(gold, doc)
    metrics: list[Metric] = []
    details: dict[str, Any] = {}
    for scorer in (_score_events, _score_quotes, _score_relations, _score_merges, _score_places, _score_dates):
        metrics += scorer(gold, doc, res, details)
    claim_hits, claim_metrics = _score_claims(gold, doc, res, details)
    metrics += claim_metrics
    metrics.append(_score_contradictions(gold, doc, claim_hits))
    result = SuiteResult(suite="seed", data=str(gold.path), items=1, metrics=metrics, details=details)
    result.key_lines = key_lines(result)
    return result


def _score_events(gold: SeedGold, doc: Document, res: Resolver, details: dict) -> list[Metric]:
    """Required events found (with their location and date), must-not errors, event precision."""
    found, loc_ok, date_ok, loc_n, date_n = [], 0, 0, 0, 0
    for g in gold.required:
        hits = [e for e in doc.events if event_matches(res, e, g)]
        if hits:
            found.append(g.get("id"))
        if "location" in g:
            loc_n += 1
            loc_ok += bool(hits) and any(_location_ok(gold, doc, e.location, g["location"]) for e in hits)
        if "date" in g or "date_year" in g:
            date_n += 1
            date_ok += bool(hits) and any(_date_ok(e, g) for e in hits)
    details["required events missed"] = [g.get("id") for g in gold.required if g.get("id") not in found]
    errors = []
    for e in doc.events:
        why = [m.get("why", "") for m in gold.must_not if must_not_matches(res, doc, e, m)]
        if why:
            errors.append({"event": e.id, "type": e.type, "sentence": e.sentence.text[:120], "why": why[0]})
    details["must-not errors"] = errors
    scored = [e for e in doc.events if not e.negated]
    right, wrong = 0, []
    for e in scored:
        if any(event_matches(res, e, g) for g in gold.required + gold.optional):
            right += 1
        else:
            wrong.append({"event": e.id, "type": e.type, "source": e.source.text if e.source else None,
                          "target": e.target.text if e.target else None, "trigger": e.trigger})
    details["events matching no gold event"] = wrong
    return [
        ratio("required events found", len(found), len(gold.required)),
        count("must-not errors", len(errors)),
        ratio("event precision", right, len(scored),
              note="non-negated output events matching a required or optional gold event"),
        ratio("found events with right location", loc_ok, loc_n),
        ratio("found events with right date", date_ok, date_n),
    ]


def _score_quotes(gold: SeedGold, doc: Document, res: Resolver, details: dict) -> list[Metric]:
    """Gold quotes found by their first words, and with the right speaker."""
    q_found, q_speaker, q_missed = 0, 0, []
    for gq in gold.quotes:
        hits = [q for q in doc.quotes if _quote_matches(q.text, gq["starts_with"])]
        if hits:
            q_found += 1
            if any(gq["speaker"] in res.strict(q.speaker) for q in hits if q.speaker):
                q_speaker += 1
            else:
                q_missed.append({"quote": gq["starts_with"][:50], "problem": "wrong speaker",
                                 "got": [q.speaker.text if q.speaker else None for q in hits]})
        else:
            q_missed.append({"quote": gq["starts_with"][:50], "problem": "not found"})
    details["quotes missed"] = q_missed
    return [ratio("quotes found", q_found, len(gold.quotes)),
            ratio("quotes with right speaker", q_speaker, len(gold.quotes))]


def _score_relations(gold: SeedGold, doc: Document, res: Resolver, details: dict) -> list[Metric]:
    """Gold relations found (lineage ones counted apart), and their start dates."""
    r_found, r_since, r_since_n, lineage, lineage_n, r_missed = 0, 0, 0, 0, 0, []
    for gr in gold.relations:
        t = _rel_type(gr["type"])
        hits = [r for r in doc.relations if _rel_type(r.type) == t and not r.negated
                and gr["subject"] in res.expanded(r.subject) and gr["object"] in res.expanded(r.object)]
        is_lineage = t in LINEAGE_TYPES
        lineage_n += is_lineage
        if hits:
            r_found += 1
            lineage += is_lineage
        else:
            r_missed.append(f'{gr["subject"]} {gr["type"]} {gr["object"]}')
        if gr.get("since"):
            r_since_n += 1
            r_since += any((r.since or "")[:len(gr["since"])] == gr["since"] for r in hits)
    details["relations missed"] = r_missed
    return [ratio("relations found", r_found, len(gold.relations)),
            ratio("lineage relations found", lineage, lineage_n),
            ratio("relations with right since", r_since, r_since_n)]


def _score_merges(gold: SeedGold, doc: Document, res: Resolver, details: dict) -> list[Metric]:
    """Actor merges: one output actor standing for two gold actors that share no name and no equivalence."""
    merges = []
    for a in doc.actors:
        keys = sorted(res.actor_keys(a))
        for i, k1 in enumerate(keys):
            for k2 in keys[i + 1:]:
                g1, g2 = gold.actors[k1], gold.actors[k2]
                related = ((g1.names & g2.names) or k2 in gold.equivalences.get(k1, ())
                           or k1 in gold.equivalences.get(k2, ()))
                if not related:
                    merges.append(f"{a.name}: {k1} + {k2}")
    details["actor merges"] = merges
    return [count("actor merges", len(merges),
                  note="one output actor for two distinct gold actors (e.g. HTS and its former name)")]


def _place_right(gp: dict, p) -> bool:
    """Whether the output place ``p`` has the gold place's country, feature and coordinates."""
    if gp.get("country") and (p.country_code or "").upper() != gp["country"].upper():
        return False
    if gp.get("feature") and p.feature != gp["feature"]:
        return False
    if "lat" in gp:
        return p.lat is not None and p.lon is not None and \
            haversine_km(gp["lat"], gp["lon"], p.lat, p.lon) <= gp.get("tolerance_km", 25)
    return True


def _score_places(gold: SeedGold, doc: Document, res: Resolver, details: dict) -> list[Metric]:
    """Gold places found by name, and right in country, feature and position."""
    p_found, p_right, p_missed = 0, 0, []
    for gp in gold.places:
        name = norm_name(gp["name"])
        hits = [p for p in doc.places
                if norm_name(p.name) == name or any(norm_name(m.text) == name for m in p.mentions)]
        if not hits:
            p_missed.append(f'{gp["name"]}: not found')
            continue
        p_found += 1
        ok = any(_place_right(gp, p) for p in hits)
        p_right += ok
        if not ok:
            p_missed.append(f'{gp["name"]}: wrong country, feature or coordinates')
    details["places missed"] = p_missed
    return [ratio("places right", p_right, len(gold.places), note="name, country, feature, within tolerance_km"),
            ratio("places found", p_found, len(gold.places))]


def _score_dates(gold: SeedGold, doc: Document, res: Resolver, details: dict) -> list[Metric]:
    """Gold time expressions found with their value."""
    d_right, d_missed = 0, []
    for gd in gold.dates:
        hits = [d for d in doc.dates if _dates_match(gd["text"], d.text)]
        if any(d.value == gd["value"] for d in hits):
            d_right += 1
        else:
            d_missed.append(f'{gd["text"]} = {gd["value"]}; got {[d.value for d in hits]}')
    details["dates missed"] = d_missed
    return [ratio("dates right", d_right, len(gold.dates))]


def _claim_right(gc: dict, c, doc: Document, res: Resolver) -> bool:
    """Whether a claim matching a gold claim's subject, property and value also has its approx,
    place and source."""
    if "approx" in gc and bool(c.approx) != bool(gc["approx"]):
        return False
    if gc.get("place"):
        names, _ = _place_names(doc, c.place)
        if norm_name(gc["place"]) not in names:
            return False
    return not gc.get("attributed_to") or gc["attributed_to"] in res.expanded(c.attributed_to)


def _score_claims(gold: SeedGold, doc: Document, res: Resolver,
                  details: dict) -> tuple[dict[str, set[str]], list[Metric]]:
    """Gold claims found (subject, property, value) and fully right; also which output claims matched
    each gold claim, for the contradictions."""
    claim_hits: dict[str, set[str]] = {}
    c_full = 0
    for gc in gold.claims:
        hits = [c for c in doc.claims
                if gc["subject"] in res.expanded(c.subject) and _prop(c.property) == _prop(gc["property"])
                and abs(c.value - float(gc["value"])) < 1e-6]
        claim_hits[gc.get("id", "")] = {c.id for c in hits}
        c_full += any(_claim_right(gc, c, doc, res) for c in hits)
    c_found = sum(1 for v in claim_hits.values() if v)
    details["claims missed"] = [k for k, v in claim_hits.items() if not v]
    return claim_hits, [ratio("claims found", c_found, len(gold.claims), note="subject, property, value"),
                        ratio("claims fully right", c_full, len(gold.claims), note="also approx, place, attributed_to")]


def _score_contradictions(gold: SeedGold, doc: Document, claim_hits: dict[str, set[str]]) -> Metric:
    """Gold contradictions found between output claims matching the two gold claims."""
    k_found = 0
    for gk in gold.contradictions:
        a, b = (claim_hits.get(x, set()) for x in gk["claims"][:2])
        if any((c.claims[0] in a and c.claims[1] in b) or (c.claims[0] in b and c.claims[1] in a)
               for c in doc.contradictions):
            k_found += 1
    return ratio("contradictions found", k_found, len(gold.contradictions))


def _frac(r: SuiteResult, name: str) -> str:
    m = r.metric(name)
    return f"{_i(m.numerator)}/{_i(m.denominator)}"


def _i(x) -> str:
    return "-" if x is None else str(int(x))


def key_lines(r: SuiteResult) -> list[str]:
    p = r.metric("event precision")
    prec = "n/a (no events)" if p.value is None else f"{p.value:.2f} ({_frac(r, 'event precision')})"
    return [
        f"required events found: {_frac(r, 'required events found')}",
        f"must-not errors: {int(r.metric('must-not errors').value)}",
        f"event precision: {prec}",
        f"quotes found: {_frac(r, 'quotes found')}, with right speaker: {_frac(r, 'quotes with right speaker')}",
        f"relations: {_frac(r, 'relations found')} (lineage {_frac(r, 'lineage relations found')})",
        f"places: {_frac(r, 'places right')}",
        f"dates: {_frac(r, 'dates right')}",
        f"claims: {_frac(r, 'claims found')}",
        f"contradictions: {_frac(r, 'contradictions found')}",
    ]


def evaluate_seed(path: str | Path, *, pipeline=None, limit: Optional[int] = None) -> SuiteResult:
    """Run the pipeline over the seed article and score it."""
    gold = SeedGold.load(path)
    t0 = time.perf_counter()
    docs, failures, _ = run_pipeline([gold.article()], pipeline=pipeline)
    if docs[0] is None:
        raise StageError(f"the pipeline failed on the seed article: {failures[0]}", path=str(gold.path))
    result = score_seed(gold, docs[0])
    result.seconds = time.perf_counter() - t0
    return result
