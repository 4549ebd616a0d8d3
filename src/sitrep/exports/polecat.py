"""``polecat``: POLECAT-style TSV with a header, one row per situation event (see docs/exports.md)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Optional

from . import common
from .registry import Format, register

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Contexts", "Quad Code", "Intensity", "Modality",
    "Actor Name", "Actor Country", "Actor Sector", "Actor Wikidata ID", "Actor Name Raw",
    "Recipient Name", "Recipient Country", "Recipient Sector", "Recipient Wikidata ID", "Recipient Name Raw",
    "Placename", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Source", "Publication Date", "URL", "Headline", "Story IDs", "Num Reports", "Num Sources", "Confidence",
    "Text",
)


def write_polecat(store, path: Path, min_confidence: Optional[float] = None) -> int:
    s = common.situation(store, min_confidence)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(POLECAT_COLUMNS)
        for ev in s["events"]:
            reps = s["reports"].get(ev["event_id"], [])
            src, tgt = s["actors"].get(ev["source_entity"] or ""), s["actors"].get(ev["target_entity"] or "")
            first = reps[0] if reps else {}
            w.writerow([common.clean(x) for x in (
                ev["event_id"], ev["date"], ev["type"], ev["mode"], ";".join(ev["contexts"] or []),
                common.quad(ev["type"]), common.codes()["scale"][ev["type"]], ev["modality"],
                ev["source_name"], src["country"] if src else None, src["sector"] if src else None,
                src["wikidata"] if src else None, first.get("source_text"),
                ev["target_name"], tgt["country"] if tgt else None, tgt["sector"] if tgt else None,
                tgt["wikidata"] if tgt else None, first.get("target_text"),
                ev["place_name"], ev["country_code"], ev["lat"], ev["lon"], ev["geonameid"],
                ";".join(ev["outlets"] or []), first.get("published"), first.get("url"), first.get("title"),
                ";".join(sorted({r["article_id"] for r in reps})), ev["n_reports"], ev["n_sources"],
                ev["confidence"], ev["evidence"])])
    return len(s["events"])


register(Format(name="polecat", suffix=".tsv", writer=write_polecat, unit="events", order=20,
                options=("min_confidence",),
                description="POLECAT-style TSV with a header: one row per situation event"))
