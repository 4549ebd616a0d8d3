"""The ``plover`` suite: the OEDA PLOVER gold standard format (a JSON array of records with "text",
"event", "mode", "source"/"target" lists of ``{"actorText", "code", "sector"}``).

Each record is one sentence, processed as one article. The output's highest-confidence event is
compared with the gold event: its type (PLOVER 0.5 labels mapped to 2.0), its mode, its source and
target. An output actor is a gold actor when its text or one of its names contains the gold
``actorText`` (or the reverse; a proper name must be shared), or when the gold code is a country
code equal to the actor's ``country`` (or an affiliated actor's) with a compatible sector, or a
non-state code (IGO, NGO) that fits the actor's kind.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional


from ..core.datafiles import load_data
from ..core.article import Article
from ..core.contract import PLOVER_TYPES, ActorRef, Document, Event
from ..core.errors import EvalDataError
from .matching import DocActors, norm_name, run_pipeline
from .results import Metric, SuiteResult, ratio

DEFAULT_FILE = "PLOVER_GSR_CAMEO.txt"


@lru_cache(maxsize=1)
def gsr_map() -> dict:
    """The 0.5 -> 2.0 label map, mode map and code tables (src/sitrep/data/plover_gsr_map.yaml)."""
    data = load_data("plover_gsr_map.yaml")
    for key in ("events", "modes", "country_codes", "kind_codes"):
        if not isinstance(data.get(key), dict):
            raise EvalDataError(f"plover_gsr_map.yaml: '{key}' must be a mapping")
    for label, (typ, _mode) in data["events"].items():
        if typ not in PLOVER_TYPES:
            raise EvalDataError(f"plover_gsr_map.yaml: {label} maps to {typ}, not a PLOVER 2.0 type")
    return data


def map_event(label: str, mode: Optional[str]) -> tuple[str, Optional[str]]:
    """A PLOVER 0.5 (or 2.0) label and mode as PLOVER 2.0 type and mode."""
    m = gsr_map()
    label = (label or "").strip().upper()
    mode = (mode or "").strip().lower() or None
    if label in m["events"]:
        label, forced = m["events"][label]
        mode = forced or mode
    if mode:
        mode = m["modes"].get(mode, mode)
    return label, mode


@dataclass
class GoldActor:
    text: str
    code: Optional[str] = None
    sector: Optional[str] = None


@dataclass
class GoldSentence:
    id: str
    text: str
    type: str
    mode: Optional[str]
    date: Optional[str]
    sources: list[GoldActor] = field(default_factory=list)
    targets: list[GoldActor] = field(default_factory=list)
    label: str = ""  # the label as written in the file


def _actors(v: Any) -> list[GoldActor]:
    if not v:
        return []
    if isinstance(v, dict):
        v = [v]
    if not isinstance(v, list):
        return []
    out = []
    for a in v:
        if isinstance(a, dict) and (a.get("actorText") or a.get("code")):
            out.append(GoldActor(text=(a.get("actorText") or "").strip(), code=(a.get("code") or None),
                                 sector=(a.get("sector") or None)))
    return out


def load_gold(path: str | Path) -> list[GoldSentence]:
    path = Path(path)
    if path.is_dir():
        cand = path / DEFAULT_FILE
        if not cand.is_file():
            files = sorted(path.glob("*.json")) + sorted(path.glob("*.txt"))
            if not files:
                raise EvalDataError(f"no PLOVER gold file in {path}", path=str(path))
            cand = files[0]
        path = cand
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise EvalDataError(f"cannot read the PLOVER gold file: {err}", path=str(path)) from None
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, list):
        raise EvalDataError("a PLOVER gold file is a JSON array of records", path=str(path))
    out: list[GoldSentence] = []
    for rec in raw:
        if not isinstance(rec, dict) or not rec.get("text") or not rec.get("event"):
            continue  # documentation records have no text
        typ, mode = map_event(rec["event"], rec.get("mode"))
        if typ not in PLOVER_TYPES:
            continue
        date = rec.get("date")
        if not (isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)):
            date = None
        out.append(GoldSentence(id=str(rec.get("id") or len(out)), text=rec["text"], type=typ, mode=mode,
                                date=date, sources=_actors(rec.get("source")), targets=_actors(rec.get("target")),
                                label=rec["event"]))
    if not out:
        raise EvalDataError("no scorable records (each needs 'text' and 'event')", path=str(path))
    return out


# -- actor matching ----------------------------------------------------------------------------

def _contains(big: str, small: str) -> bool:
    return bool(small) and re.search(r"(?<!\w)" + re.escape(small) + r"(?!\w)", big) is not None


def _has_capital(s: str) -> bool:
    return any(c.isupper() for c in s)


def _sector_ok(gold_sector: Optional[str], actor_sector: Optional[str]) -> bool:
    gs = (gold_sector or "").strip().upper()[:3]
    if not gs or gs == "***" or not actor_sector:
        return True
    return actor_sector.strip().upper()[:3] == gs


def actor_matches(ga: GoldActor, ref: Optional[ActorRef], actors: DocActors) -> bool:
    if ref is None:
        return False
    actor = actors.get(ref)
    gold_text = norm_name(ga.text)
    pieces = [p.strip() for p in gold_text.split("...") if p.strip()] or [gold_text]
    candidates = [ref.text]
    if actor is not None:
        candidates += [actor.name, *actor.aliases]
    for cand in candidates:
        if not cand or not _has_capital(cand):
            continue
        c = norm_name(cand)
        if len(c) < 2:
            continue
        if any(_contains(p, c) or _contains(c, p) for p in pieces):
            return True
    if not ga.code or actor is None:
        return False
    m = gsr_map()
    code = ga.code.strip().upper()
    code = m["country_codes"].get(code, code)
    if code in m["kind_codes"]:
        kinds = set(m["kind_codes"][code])
        return actor.kind in kinds or (actor.sector or "").upper() == code
    chain = [actor, *actors.affiliations(actor)]
    return any(a.country == code and _sector_ok(ga.sector, a.sector) for a in chain)


# -- scoring -----------------------------------------------------------------------------------

def top_event(doc: Optional[Document]) -> Optional[Event]:
    if doc is None or not doc.events:
        return None
    best = doc.events[0]
    for e in doc.events[1:]:
        if e.confidence > best.confidence:
            best = e
    return best


def score_plover(gold: list[GoldSentence], docs: list[Optional[Document]], *, data: str = "") -> SuiteResult:
    n = len(gold)
    type_ok = any_ok = covered = 0
    mode_ok = mode_n = src_ok = src_n = tgt_ok = tgt_n = 0
    confusion: dict[str, dict[str, int]] = {}
    per_type: dict[str, list[int]] = {}
    wrong: list[dict] = []
    for g, doc in zip(gold, docs):
        ev = top_event(doc)
        pred = ev.type if ev else "none"
        confusion.setdefault(g.type, {}).setdefault(pred, 0)
        confusion[g.type][pred] += 1
        pt = per_type.setdefault(g.type, [0, 0])
        pt[1] += 1
        if ev is not None:
            covered += 1
        if pred == g.type:
            type_ok += 1
            pt[0] += 1
        elif len(wrong) < 50:
            wrong.append({"id": g.id, "gold": g.type, "predicted": pred, "text": g.text[:100]})
        if doc is not None and any(e.type == g.type for e in doc.events):
            any_ok += 1
        actors = DocActors(doc) if doc is not None else None
        if g.mode:
            mode_n += 1
            mode_ok += ev is not None and (ev.mode or "").lower() == g.mode
        if g.sources:
            src_n += 1
            src_ok += ev is not None and any(actor_matches(a, ev.source, actors) for a in g.sources)
        if g.targets:
            tgt_n += 1
            tgt_ok += ev is not None and any(actor_matches(a, ev.target, actors) for a in g.targets)
    metrics: list[Metric] = [
        ratio("event type accuracy", type_ok, n, note="highest-confidence event per sentence"),
        ratio("event type found (any event)", any_ok, n, note="some output event of the sentence has the gold type"),
        ratio("sentences with an event", covered, n),
        ratio("mode accuracy", mode_ok, mode_n, note="sentences whose gold event has a mode"),
        ratio("source accuracy", src_ok, src_n, note="top event's source is a gold source actor"),
        ratio("target accuracy", tgt_ok, tgt_n, note="top event's target is a gold target actor"),
    ]
    for t in sorted(per_type):
        ok, tot = per_type[t]
        metrics.append(ratio(f"recall {t}", ok, tot))
    result = SuiteResult(suite="plover", data=data, items=n, metrics=metrics, confusion=confusion,
                         details={"wrong type (first 50)": wrong})
    m = {x.name: x for x in metrics}

    def frac(name):
        x = m[name]
        v = "n/a" if x.value is None else f"{x.value:.3f}"
        return f"{v} ({int(x.numerator)}/{int(x.denominator)})"

    result.key_lines = [
        f"event type accuracy: {frac('event type accuracy')}",
        f"mode accuracy: {frac('mode accuracy')}",
        f"source accuracy: {frac('source accuracy')}",
        f"target accuracy: {frac('target accuracy')}",
    ]
    return result


def evaluate_plover(path: str | Path, *, pipeline=None, limit: Optional[int] = None,
                    batch_size: int = 64) -> SuiteResult:
    gold = load_gold(path)
    if limit:
        gold = gold[:limit]
    t0 = time.perf_counter()
    articles = [Article(text=g.text, id=g.id, published=g.date) for g in gold]
    docs, failures, _ = run_pipeline(articles, pipeline=pipeline, batch_size=batch_size)
    result = score_plover(gold, docs, data=str(path))
    result.failures = len(failures)
    result.details["pipeline failures"] = failures[:20]
    result.seconds = time.perf_counter() - t0
    return result
