"""``plover``: PLOVER JSON lines, one OEDA event record per situation event (see docs/exports.md)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Optional

from ..core.version import __version__
from . import common
from .registry import Format, register


def plover_records(store, min_confidence: Optional[float] = None) -> list[dict]:
    """One PLOVER (OEDA) event record per situation event, with sitrep's extra fields."""
    s = common.situation(store, min_confidence)
    today = date.today().isoformat()
    out = []
    for ev in s["events"]:
        reps = s["reports"].get(ev["event_id"], [])

        def actor(eid, name, raw):
            a = s["actors"].get(eid) if eid else None
            if not a and not name:
                return []
            return [{"code": common.actor_code(a), "sector": a["sector"] if a else None,
                     "identifier": a["wikidata"] if a else None, "text": a["name"] if a else name,
                     "raw_text": raw, "entity_id": eid}]

        ctx = list(ev["contexts"] or [])
        if ev["modality"] in ("future", "hypothetical", "historical"):
            ctx.append(ev["modality"])
        out.append({
            "id": ev["event_id"], "date": ev["date"], "event": [ev["type"]],
            "mode": [ev["mode"]] if ev["mode"] else [], "context": ctx,
            "source": actor(ev["source_entity"], ev["source_name"], reps[0]["source_text"] if reps else None),
            "recipient": actor(ev["target_entity"], ev["target_name"], reps[0]["target_text"] if reps else None),
            "event_loc": ({"name": ev["place_name"], "geonameid": ev["geonameid"], "lat": ev["lat"],
                           "lon": ev["lon"], "country_code": ev["country_code"]} if ev["place_key"] else None),
            "event_text": [r["sentence_text"] for r in reps], "quad_code": common.quad(ev["type"]),
            "event_scale": float(common.codes()["scale"][ev["type"]]), "cameo": common.cameo(ev) or None,
            "modality": ev["modality"], "confidence": ev["confidence"],
            "n_reports": ev["n_reports"], "n_sources": ev["n_sources"],
            "cite_info": [{"source": r["outlet"], "url": r["url"], "title": r["title"], "published": r["published"],
                           "article_id": r["article_id"], "sentence_start": r["sentence_start"],
                           "sentence_end": r["sentence_end"]} for r in reps],
            "coder": f"sitrep {__version__}", "coded_date": today,
        })
    return out


def write_plover(store, path: Path, min_confidence: Optional[float] = None) -> int:
    recs = plover_records(store, min_confidence)
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(recs)


register(Format(name="plover", suffix=".jsonl", writer=write_plover, unit="events", order=10,
                options=("min_confidence",),
                description="PLOVER JSON lines: one OEDA event record per situation event"))
