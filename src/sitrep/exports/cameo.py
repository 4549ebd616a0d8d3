"""``cameo``: CAMEO TSV in the 58-column GDELT 1.0 event layout, no header (see docs/exports.md)."""

from __future__ import annotations

import csv
import hashlib
from datetime import date
from pathlib import Path
from typing import Optional

from . import common
from .registry import Format, register

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)


def gdelt_event_id(event_id: str) -> int:
    """A stable integer GLOBALEVENTID for a sitrep event id (48 bits of its hash)."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:12], 16)


def _geo_type(feature: Optional[str], cc: Optional[str]) -> str:
    if feature == "country":
        return "1"
    if feature == "city":
        return "3" if cc == "US" else "4"
    if feature == "region":
        return "2" if cc == "US" else "5"
    return ""


def _cameo_actor(a: Optional[dict], name: Optional[str]) -> list[str]:
    if not a and not name:
        return [""] * 10
    code = common.actor_code(a) or ""
    sector = (a or {}).get("sector") or ""
    country = (a or {}).get("country") or ""
    known = code if code in ("IGO", "NGO", "IMG") else ""
    return [code + (sector if sector and sector != code else ""), (a["name"] if a else name).upper(), country,
            known, "", "", "", sector, "", ""]


def write_cameo(store, path: Path, min_confidence: Optional[float] = None) -> int:
    s = common.situation(store, min_confidence)
    added = date.today().strftime("%Y%m%d")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        for ev in s["events"]:
            reps = s["reports"].get(ev["event_id"], [])
            d = date.fromisoformat(ev["date"]) if ev["date"] else None
            code = common.cameo(ev)
            root = any(r["sentence_start"] is not None and r["lede_end"] and r["sentence_start"] < r["lede_end"]
                       for r in reps)
            feature = s["features"].get(ev["geonameid"]) if ev["geonameid"] is not None else None
            geo = ([_geo_type(feature, ev["country_code"]), ev["place_name"], ev["country_code"], "", ev["lat"],
                    ev["lon"], ev["geonameid"]] if ev["place_key"] else [""] * 7)
            row = [gdelt_event_id(ev["event_id"]), d.strftime("%Y%m%d") if d else "", d.strftime("%Y%m") if d else "",
                   d.year if d else "",
                   f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}" if d else "",
                   *_cameo_actor(s["actors"].get(ev["source_entity"] or ""), ev["source_name"]),
                   *_cameo_actor(s["actors"].get(ev["target_entity"] or ""), ev["target_name"]),
                   int(root), code, code[:3], code[:2], common.quad(ev["type"]), common.codes()["scale"][ev["type"]],
                   ev["n_reports"], ev["n_sources"], len({r["article_id"] for r in reps}), "",
                   *([""] * 7), *([""] * 7), *geo, added, next((r["url"] for r in reps if r["url"]), "")]
            assert len(row) == len(GDELT_COLUMNS)
            w.writerow([common.clean(x) for x in row])
    return len(s["events"])


register(Format(name="cameo", suffix=".tsv", writer=write_cameo, unit="events", order=30,
                options=("min_confidence",),
                description="CAMEO TSV in the 58-column GDELT 1.0 event layout, no header: one row per "
                            "situation event"))
