"""The real-news development set (``eval/news/``): strict, role-level scoring of whole articles.

The set's format is described in ``eval/news/FORMAT.md``: ``texts/<id>.json`` holds an excerpt of a real
news page with its URL and date; ``gold/<id>.json`` (or, before adjudication, ``annotations/a/<id>.json``)
the reading a person wrote; ``splits.json`` which ids are for development and which are held back.

What is scored, each as precision and recall over one-to-one matches:

1. **events** at four levels: the type in the right sentence; type and source; type, source and target
   (the strict figure); and, over the strict matches, modality and date agreement. A predicted event
   matches a gold event when their sentences overlap and the type is the same; an event sitrep merged
   from reports in several sentences (its ``evidence``) may match one gold event in each of them (the
   gold codes a restatement with a new detail as an event of its own), and counts once for precision.
   A party is right when
   the predicted mention names the gold actor (one of its names, the nominal core of a described name
   -- "citizens" for "all citizens who own pagers" --, or the same state by its ISO code);
   a gold ``null`` party is right only when sitrep gives none. An instrument is never a source.
2. **quotes**: a gold quote is found when a predicted quote begins with (or contains) its first words;
   the speaker is right when it names the gold speaker.
3. **claims**: a gold number is found when a predicted claim has the same value and a compatible
   property (:func:`claim_properties`: "dead" for "killed", a money kind -- "aid" -- for "money",
   "casualties" for "other"); precision counts predicted claims that match a gold number, over the
   predicted claims of properties the gold annotates (weapons, distances and areas are no gold claims
   -- ``eval/news/FORMAT.md`` -- and are counted apart as unscored).
4. **places**: a predicted place is right when its name is a gold place's and it lies within 161 km of
   it (countries: the same country code).

Per-type figures and a confusion matrix (gold type by predicted type, in matched sentences) come with
the figures. Event confidence is compared with strict correctness as an expected calibration error.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from ..core.article import Article
from ..core.contract import PLOVER_TYPES, Document
from ..core.errors import EvalDataError
from ..core.text import haversine_km
from ..lang.numbers import lexicon
from .matching import norm_name, norm_text, run_pipeline
from .results import Metric, SuiteResult, count, prf, ratio

SPLITS = ("dev", "dev-a", "dev-b", "held", "all")
#: the two halves of the dev split: write a rule from one half's errors, confirm it on the other
DEV_HALVES = {"dev-a": 0, "dev-b": 1}
#: the claim properties the gold annotates (``eval/news/FORMAT.md``)
GOLD_CLAIM_PROPERTIES = ("killed", "wounded", "dead", "missing", "displaced", "refugees", "arrested", "detained",
                         "released", "kidnapped", "troops", "money", "other")
#: predicted claim properties that count for a gold property, besides its own (money: its kinds too, from
#: the quantities lexicon; "other" is what the gold gives killed and wounded counted together)
CLAIM_PROPERTIES = {"killed": {"killed", "dead"}, "dead": {"killed", "dead"}, "other": {"other", "casualties"}}
ACC_KM = 161.0
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "him",
                      "them", "us", "who", "which", "that"})
ECE_BINS = 10


# -- the gold ---------------------------------------------------------------------------------------

@dataclass
class GoldArticle:
    """One article of the set with its gold reading."""

    id: str
    text: str
    meta: dict[str, Any]
    actors: dict[str, dict[str, Any]]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    places: list[dict[str, Any]]

    def article(self) -> Article:
        return Article(text=self.text, id=self.id, title=self.meta.get("title"), url=self.meta.get("url"),
                       source=self.meta.get("source"), published=self.meta.get("published"))

    def names(self, key: Optional[str]) -> set[str]:
        """The normalised names of the gold actor ``key`` (a place name when no actor has that key);
        pronouns the annotators listed are left out (they name nobody by themselves)."""
        if key is None:
            return set()
        actor = self.actors.get(key)
        if actor is None:
            return {norm_name(key)}
        return {norm_name(n) for n in actor.get("names", [])} - {""} - PRONOUNS


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise EvalDataError(f"cannot read {path.name}: {err}", path=str(path)) from None


def gold_dir(root: Path) -> tuple[Path, str]:
    """The folder of gold readings under ``root`` and its name: the adjudicated ``gold/`` when it has
    files, else the first annotation (``annotations/a``)."""
    for sub, label in (("gold", "gold"), ("annotations/a", "annotation a")):
        d = root / sub
        if d.is_dir() and any(d.glob("*.json")):
            return d, label
    raise EvalDataError("no gold readings (gold/ or annotations/a/) in the news set", path=str(root))


def region_hash_order(texts: dict[str, dict]) -> list[str]:
    """Article ids ordered by region and, within a region, by the SHA-256 of the id: an order fixed by the
    ids alone, in which taking every n-th article spreads every region over the parts."""
    by_region: dict[str, list[str]] = {}
    for aid, meta in texts.items():
        by_region.setdefault(meta.get("region") or "?", []).append(aid)
    order: list[str] = []
    for region in sorted(by_region):
        order += sorted(by_region[region], key=lambda i: hashlib.sha256(i.encode()).hexdigest())
    return order


def dev_half(root: Path, dev: set[str], half: str) -> set[str]:
    """Half ``half`` ("dev-a" or "dev-b") of the dev ids: alternate articles of the region and hash order,
    so each half holds every region. A rule written from one half's errors is confirmed on the other."""
    texts = {}
    for aid in dev:
        path = root / "texts" / f"{aid}.json"
        texts[aid] = _read_json(path) if path.is_file() else {}
    order = region_hash_order(texts)
    return {aid for k, aid in enumerate(order) if k % 2 == DEV_HALVES[half]}


def split_ids(root: Path, split: str) -> Optional[set[str]]:
    """The ids of ``split`` from ``splits.json`` (``None``: every article); ``dev-a``/``dev-b`` are the two
    halves of ``dev`` (:func:`dev_half`)."""
    if split == "all":
        return None
    if split in DEV_HALVES:
        dev = split_ids(root, "dev")
        return dev_half(root, dev or set(), split)
    path = root / "splits.json"
    if not path.is_file():
        raise EvalDataError("splits.json is missing; use --split all", path=str(path))
    splits = _read_json(path)
    if split not in splits:
        raise EvalDataError(f"splits.json has no split {split!r}", path=str(path))
    return set(splits[split])


def load_gold(root: str | Path, *, split: str = "dev", limit: Optional[int] = None) -> tuple[list[GoldArticle], str]:
    """The gold articles of ``split`` under ``root`` (``eval/news``), and which readings they are."""
    root = Path(root)
    if split not in SPLITS:
        raise EvalDataError(f"unknown split {split!r}; splits: {', '.join(SPLITS)}", path=str(root))
    gdir, label = gold_dir(root)
    wanted = split_ids(root, split)
    out = []
    for path in sorted(gdir.glob("*.json")):
        g = _read_json(path)
        aid = g.get("id") or path.stem
        if wanted is not None and aid not in wanted:
            continue
        text_path = root / "texts" / f"{aid}.json"
        if not text_path.is_file():
            raise EvalDataError(f"gold {path.name} has no text ({text_path.name})", path=str(path))
        meta = _read_json(text_path)
        out.append(GoldArticle(id=aid, text=meta["text"], meta=meta, actors=g.get("actors") or {},
                               events=g.get("events") or [], quotes=g.get("quotes") or [],
                               claims=g.get("claims") or [], places=g.get("places") or []))
        if limit and len(out) >= limit:
            break
    return out, label


# -- matching one document ----------------------------------------------------------------------------

def _sentence_span(text: str, sentence: Optional[str], trigger: Optional[str]) -> Optional[tuple[int, int]]:
    """Where the gold ``sentence`` lies in ``text`` (by its trigger when it occurs more than once)."""
    if not sentence:
        return None
    start = text.find(sentence)
    if start < 0:
        start = norm_text(text).find(norm_text(sentence))
        if start < 0:
            return None
    return start, start + len(sentence)


def _overlaps(a: Optional[tuple[int, int]], b: tuple[int, int]) -> bool:
    return a is not None and a[0] < b[1] and b[0] < a[1]


class _Names:
    """The names each predicted actor goes by, and its state code."""

    def __init__(self, doc: Document):
        self.by_id = {a.id: a for a in doc.actors}
        self.places = {p.id: p for p in doc.places}

    def state_of(self, actor) -> Optional[str]:
        """The ISO3 of the state the actor is or acts for: itself, or the first state up its chain of
        affiliations (a state's army, ministry or spokesman counts as the state, as in the seed's gold)."""
        seen = set()
        while actor is not None and actor.id not in seen:
            if actor.kind == "state":
                return actor.country
            seen.add(actor.id)
            actor = self.by_id.get(actor.affiliation) if actor.affiliation else None
        return None

    def of(self, ref) -> tuple[set[str], Optional[str], Optional[str]]:
        """(names, ISO3 of a state, kind) of the actor (or place) a predicted reference points at."""
        if ref is None:
            return set(), None, None
        names = {norm_name(ref.text)} - PRONOUNS   # "he" names whoever it was resolved to, not itself
        actor = self.by_id.get(ref.actor_id)
        if actor is not None:
            names |= {norm_name(actor.name)} | {norm_name(a) for a in actor.aliases}
            return names - {""}, self.state_of(actor), actor.kind
        place = self.places.get(ref.actor_id)
        if place is not None:
            names.add(norm_name(place.name))
        return names - {""}, None, "place"


def party_right(gold: GoldArticle, key: Optional[str], names: _Names, ref) -> bool:
    """Whether the predicted party ``ref`` is the gold party ``key`` (both absent counts as right)."""
    if key is None:
        return ref is None
    if ref is None:
        return False
    pnames, pstate, _ = names.of(ref)
    gnames = gold.names(key)
    if pnames & gnames or any(_contains(p, g) or _ends_with(g, p) for p in pnames for g in gnames):
        return True
    if pnames & {h for g in gnames if (h := head_phrase(g))}:
        return True
    actor = gold.actors.get(key) or {}
    return bool(pstate and actor.get("kind") == "state" and actor.get("country") == pstate)


def _ends_with(gold: str, pred: str) -> bool:
    """Whether the gold name ends with the predicted one as whole words: the head of a described name
    ("Treasury Secretary Janet Yellen" is named by "Janet Yellen", "Palestinian gunmen" by "gunmen", but
    not by "Palestinian")."""
    return len(pred) >= 4 and gold.endswith(" " + pred)


def _contains(pred: str, gold: str) -> bool:
    """Whether the predicted name holds the gold name as whole words ("Damascus residents" names the
    gold "residents"); the reverse is not accepted ("Palestinian" does not name "Palestinian gunmen")."""
    return len(gold) >= 4 and f" {gold} " in f" {pred} "


#: where the nominal core of a described gold name ends: a relative clause, an apposition or
#: parenthesis, "including", or a participle with its agent ("an Iraqi militia group *backed by* Iran")
_POSTMODIFIER = re.compile(r"\s*(?:,|\(|\b(?:who|that|which|whose|including)\b|\b\w+ed (?:by|to)\b).*$")
#: what comes before the nominal core of a described gold name: an article, a number or a quantifier
_PREDETERMINER = re.compile(r"^(?:(?:a|an|the|all|some|several|many|two|three|four|five|\d[\d,]*)\s+)+")


def head_phrase(gold: str) -> str:
    """The nominal core of a described gold name: without its postmodifier and its leading article or
    quantifier ("all citizens who own pagers" -> "citizens", "an iraqi militia group backed by iran" ->
    "iraqi militia group"); "" when that leaves the name as it was or under four characters. A predicted
    mention that is exactly this core names the gold mention (its head and premodifiers), not a part of
    it ("iraqi" still does not name "an iraqi militia group")."""
    core = _PREDETERMINER.sub("", _POSTMODIFIER.sub("", gold)).strip()
    return core if len(core) >= 4 and core != gold else ""


@dataclass
class _Tally:
    """Counts over the whole set."""

    c: Counter = field(default_factory=Counter)
    per_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    calibration: list[tuple[float, bool]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def score_events(gold: GoldArticle, doc: Document, t: _Tally) -> None:
    """Match predicted events to gold events sentence by sentence and count each level."""
    names = _Names(doc)
    spans = [_sentence_span(gold.text, g.get("sentence"), g.get("trigger")) for g in gold.events]
    preds = list(doc.events)
    t.c["event gold"] += len(gold.events)
    t.c["event pred"] += len(preds)
    for g in gold.events:
        t.per_type[g["type"]]["gold"] += 1
    for p in preds:
        t.per_type[p.type]["pred"] += 1
    levels = {
        "type": lambda g, p: True,
        "type+source": lambda g, p: party_right(gold, g.get("source"), names, p.source),
        "type+source+target": lambda g, p: (party_right(gold, g.get("source"), names, p.source)
                                            and party_right(gold, g.get("target"), names, p.target)),
    }
    sentences = [_report_sentences(p) for p in preds]
    for level, right in levels.items():
        pairs = match_level(gold, preds, spans, sentences, right)
        used = set(pairs.values())                 # the predictions that matched (precision)
        for gi, g in enumerate(gold.events):
            pi = pairs.get(gi)
            if pi is not None:
                p = preds[pi]
                t.c[f"{level} found"] += 1
                if level == "type":
                    t.per_type[g["type"]]["found"] += 1
                if level == "type+source+target":
                    t.c["modality pairs"] += 1
                    t.c["modality right"] += p.modality == g.get("modality", "asserted")
                    t.c["date right"] += (p.date or None) == (g.get("date") or None)
            elif level == "type+source+target":
                t.misses.append(f"{gold.id}: {g['type']} {g.get('source')} -> {g.get('target')} "
                                f"({g.get('trigger')})")
        t.c[f"{level} right"] += len(used)
        if level == "type+source+target":
            for pi, p in enumerate(preds):
                t.calibration.append((p.confidence, pi in used))
    _confusion(gold, preds, spans, t)


def match_level(gold: GoldArticle, preds, spans, sentences, right) -> dict[int, int]:
    """Greedy one-to-one matching at one level: gold event index -> predicted event index. A gold
    event takes the first prediction of its type reported in its sentence for which ``right`` holds;
    a prediction matches one gold event per sentence it is reported in."""
    pairs: dict[int, int] = {}
    taken: set[tuple[int, int]] = set()            # (prediction, sentence start): one gold event each
    for gi, g in enumerate(gold.events):
        for pi, p in enumerate(preds):
            if p.type != g["type"]:
                continue
            sp = next((x for x in sentences[pi] if (pi, x[0]) not in taken and _overlaps(spans[gi], x)), None)
            if sp is None or not right(g, p):
                continue
            taken.add((pi, sp[0]))
            pairs[gi] = pi
            break
    return pairs


def strict_pairs(gold: GoldArticle, doc: Document) -> list[tuple[dict, object]]:
    """The (gold event, predicted event) pairs matched at the strict level (type+source+target), the
    pairs over which ``sitrep eval news`` counts modality and date agreement."""
    names = _Names(doc)
    spans = [_sentence_span(gold.text, g.get("sentence"), g.get("trigger")) for g in gold.events]
    preds = list(doc.events)

    def right(g, p):
        return (party_right(gold, g.get("source"), names, p.source)
                and party_right(gold, g.get("target"), names, p.target))

    pairs = match_level(gold, preds, spans, [_report_sentences(p) for p in preds], right)
    return [(gold.events[gi], preds[pi]) for gi, pi in sorted(pairs.items())]


def _report_sentences(p) -> list[tuple[int, int]]:
    """The sentences an event is reported in: its own, then the others it was merged from (``evidence``)."""
    own = (p.sentence.start, p.sentence.end)
    return [own] + [(e.start, e.end) for e in (getattr(p, "evidence", None) or ()) if (e.start, e.end) != own]


def _confusion(gold: GoldArticle, preds, spans, t: _Tally) -> None:
    """Gold type against the predicted types of the same sentence (``none`` when it has none)."""
    for gi, g in enumerate(gold.events):
        types = {p.type for p in preds if _overlaps(spans[gi], (p.sentence.start, p.sentence.end))}
        if g["type"] in types:
            t.confusion[g["type"]][g["type"]] += 1
        elif types:
            t.confusion[g["type"]][sorted(types)[0]] += 1
        else:
            t.confusion[g["type"]]["none"] += 1


def score_quotes(gold: GoldArticle, doc: Document, t: _Tally) -> None:
    """Find each gold quote by its first words (a prediction that begins with them before one that only
    contains them: a longer report holding a partial quote must not take the partial's match); check
    its speaker."""
    names = _Names(doc)
    t.c["quote gold"] += len(gold.quotes)
    t.c["quote pred"] += len(doc.quotes)
    used: set[int] = set()
    texts = [norm_text(q.text) for q in doc.quotes]
    for g in gold.quotes:
        start = norm_text(g.get("starts_with"))
        order = sorted(range(len(texts)), key=lambda i: not texts[i].startswith(start[:40]))
        for i in order:
            q = doc.quotes[i]
            if i in used or not start or start[:40] not in texts[i]:
                continue
            used.add(i)
            t.c["quote found"] += 1
            if party_right(gold, g.get("speaker"), names, q.speaker):
                t.c["speaker right"] += 1
            else:
                got = q.speaker.text if q.speaker else None
                t.misses.append(f"{gold.id}: quote '{start[:30]}' speaker {got!r}, gold {g.get('speaker')}")
            break
    t.c["quote right"] += len(used)


@lru_cache(maxsize=1)
def claim_properties() -> dict[str, frozenset]:
    """Gold claim property -> the predicted properties that count for it (:data:`CLAIM_PROPERTIES`;
    "money" takes the money kinds of the quantities lexicon: "aid", "sanctions" ...)."""
    kinds = (lexicon().raw["properties"].get("money", {}).get("kinds") or {}).keys()
    out = {p: frozenset(CLAIM_PROPERTIES.get(p, {p})) for p in GOLD_CLAIM_PROPERTIES}
    out["money"] = out["money"] | frozenset(kinds)
    return out


def score_claims(gold: GoldArticle, doc: Document, t: _Tally) -> None:
    """Match gold numbers to predicted claims by value and property; predicted claims of a property the
    gold does not annotate (weapons, distance) are counted as unscored, not as errors."""
    compatible = claim_properties()
    scored = frozenset().union(*compatible.values())
    claims = [c for c in doc.claims if c.property in scored]
    t.c["claim gold"] += len(gold.claims)
    t.c["claim pred"] += len(claims)
    t.c["claim unscored"] += len(doc.claims) - len(claims)
    used: set[int] = set()
    for g in gold.claims:
        props = compatible.get(g.get("property"), {g.get("property")})
        for i, c in enumerate(claims):
            if i in used or c.property not in props or float(c.value) != float(g.get("value", -1)):
                continue
            used.add(i)
            t.c["claim found"] += 1
            break
        else:
            t.misses.append(f"{gold.id}: claim {g.get('property')} {g.get('value')} not found "
                            f"({g.get('evidence')})")
    t.c["claim right"] += len(used)
    for i, c in enumerate(claims):
        if i not in used:
            t.misses.append(f"{gold.id}: claim {c.property} {c.value:g} of {c.subject.text!r} not in gold "
                            f"({c.text})")


#: the wording the gold leaves off a place's name (GUIDELINES §9: "Sagaing", not "Sagaing region";
#: "Syria" for "northeastern Syria"): a direction word before it, a division word after it
_DIRECTION = re.compile(r"^(?:(?:north|south)(?:-?(?:east|west))?|east|west|central)(?:ern)?\s+")
_DIVISION = re.compile(r"\s+(?:province|region|state|governorate|district|oblast)$")


def bare_name(name: str) -> str:
    """A normalised place name without a leading direction word or a trailing division word:
    "northeastern syria" -> "syria", "anbar province" -> "anbar" (the location is still checked)."""
    return _DIVISION.sub("", _DIRECTION.sub("", name))


def score_places(gold: GoldArticle, doc: Document, t: _Tally) -> None:
    """Predicted places against gold places: same name (or the same bare name: :func:`bare_name`),
    within 161 km (countries: same code)."""
    gold_by_name = defaultdict(list)
    for g in gold.places:
        n = norm_name(g.get("name"))
        for key in {n, bare_name(n)}:
            gold_by_name[key].append(g)
    t.c["place gold"] += len(gold.places)
    t.c["place pred"] += len(doc.places)
    found: set[str] = set()
    for p in doc.places:
        names = {norm_name(p.name)} | {norm_name(m.text) for m in p.mentions}
        cands = [g for n in names | {bare_name(n) for n in names} for g in gold_by_name.get(n, [])]
        if any(_place_right(p, g) for g in cands):
            t.c["place right"] += 1
            found |= {norm_name(g["name"]) for g in cands}
        else:
            t.misses.append(f"{gold.id}: place {p.name} ({p.country_code}) not in gold or too far")
    gold_names = {norm_name(g.get("name")) for g in gold.places}
    t.c["place found"] += sum(1 for n in gold_names if n in found)
    t.c["place gold names"] += len(gold_names)


def _place_right(p, g: dict) -> bool:
    if g.get("feature") == "country" or p.feature == "country":
        return (p.country_code or "").upper() == (g.get("country") or "").upper()
    if g.get("lat") is None or p.lat is None:
        return (p.country_code or "").upper() == (g.get("country") or "").upper()
    return haversine_km(p.lat, p.lon, float(g["lat"]), float(g["lon"])) <= ACC_KM


# -- figures ------------------------------------------------------------------------------------

def expected_calibration_error(pairs: list[tuple[float, bool]], bins: int = ECE_BINS) -> Optional[float]:
    """The mean gap between confidence and accuracy, over equal-width confidence bins, weighted by
    their sizes (``None`` without predictions)."""
    if not pairs:
        return None
    groups: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for conf, ok in pairs:
        groups[min(bins - 1, int(conf * bins))].append((conf, ok))
    total = len(pairs)
    return sum(len(g) / total * abs(sum(c for c, _ in g) / len(g) - sum(o for _, o in g) / len(g))
               for g in groups.values())


def _metrics(t: _Tally) -> list[Metric]:
    c = t.c
    out: list[Metric] = []
    for level in ("type", "type+source", "type+source+target"):
        out += prf(f"event {level}", c[f"{level} right"], c["event pred"], c[f"{level} found"], c["event gold"])
    out.append(ratio("event modality agreement", c["modality right"], c["modality pairs"],
                     note="over strict matches"))
    out.append(ratio("event date agreement", c["date right"], c["modality pairs"], note="over strict matches"))
    ece = expected_calibration_error(t.calibration)
    out.append(Metric(name="event confidence ECE", value=ece, kind="float", higher_is_better=False,
                      note="strict correctness; lower is better"))
    out += prf("quote", c["quote right"], c["quote pred"], c["quote found"], c["quote gold"])
    out.append(ratio("quote speaker accuracy", c["speaker right"], c["quote found"], note="over found quotes"))
    out += prf("claim", c["claim right"], c["claim pred"], c["claim found"], c["claim gold"])
    out.append(count("claims unscored", c["claim unscored"], note="predicted properties the gold does not annotate"))
    out += prf("place", c["place right"], c["place pred"], c["place found"], c["place gold names"])
    for typ in PLOVER_TYPES:
        row = t.per_type.get(typ)
        if row and row["gold"]:
            out.append(ratio(f"recall {typ}", row["found"], row["gold"], note="type in the right sentence"))
    return out


def evaluate_news(path: str | Path, *, pipeline=None, limit: Optional[int] = None,
                  split: str = "dev", suite: str = "news", plots: Optional[str | Path] = None) -> SuiteResult:
    """Run the pipeline over the news set's ``split`` (or another set in its format: ``suite``) and score
    it; ``details["languages"]`` counts the languages the articles were read in. With ``plots``, a folder:
    also write the reliability diagram of event confidence there."""
    golds, label = load_gold(path, split=split, limit=limit)
    if not golds:
        raise EvalDataError(f"no gold articles in split {split!r}", path=str(path))
    t0 = time.perf_counter()
    docs, failures, _ = run_pipeline([g.article() for g in golds], pipeline=pipeline)
    tally = _Tally()
    for gold, doc in zip(golds, docs):
        if doc is None:
            continue
        score_events(gold, doc, tally)
        score_quotes(gold, doc, tally)
        score_claims(gold, doc, tally)
        score_places(gold, doc, tally)
    result = SuiteResult(suite=suite, data=str(path), items=len(golds), failures=len(failures),
                         seconds=time.perf_counter() - t0, metrics=_metrics(tally))
    result.metrics.insert(0, count("articles", len(golds), note=f"split {split}, {label}", higher_is_better=True))
    result.confusion = {g: dict(row) for g, row in tally.confusion.items()}
    result.details = {"pipeline failures": failures, "misses": tally.misses,
                      "languages": dict(Counter(d.article.language for d in docs if d is not None))}
    strict = result.metric("event type+source+target precision")
    result.key_lines = [f"news ({split}, {label}): strict event precision {strict.display()}, "
                        f"recall {result.metric('event type+source+target recall').display()}"]
    if plots is not None:
        from .reliability import write_reliability_plot
        written = write_reliability_plot(tally.calibration, plots)
        result.key_lines.append(f"reliability plot: {written}" if written else "reliability plot: no events")
    return result
