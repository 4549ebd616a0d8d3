"""``stix``: a STIX 2.1 bundle of the whole situation (see docs/exports.md for the mapping)."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Optional

from ..core.version import __version__
from . import common
from .registry import Format, register

STIX_NAMESPACE = uuid.UUID("6f2b1d5e-3c1a-5b8e-9d7f-2a4c6e8b0d13")


def _sid(kind: str, *key: Any) -> str:
    return f"{kind}--{uuid.uuid5(STIX_NAMESPACE, kind + chr(31) + chr(31).join(str(k) for k in key))}"


def _ts(day: Optional[str], fallback: str) -> str:
    return f"{day}T00:00:00.000Z" if day else fallback


def stix_bundle(store, min_confidence: Optional[float] = None) -> dict:
    """A STIX 2.1 bundle (a plain dict) of the situation. See docs/exports.md for the mapping."""
    s = common.situation(store, min_confidence)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    cls = common.codes()["identity_class"]
    objs: list[dict] = []
    sitrep_id = _sid("identity", "sitrep")
    objs.append({"type": "identity", "spec_version": "2.1", "id": sitrep_id, "created": now, "modified": now,
                 "name": "sitrep", "identity_class": "system",
                 "description": f"sitrep {__version__}: events, actors and relations extracted from news"})
    base = {"spec_version": "2.1", "created": now, "modified": now, "created_by_ref": sitrep_id}

    ref: dict[str, str] = {}
    for a in sorted(s["actors"].values(), key=lambda a: a["entity_id"]):
        aliases = [x for x in (a["aliases"] or []) if x and x != a["name"]]
        ext = [{"source_name": "wikidata", "external_id": a["wikidata"],
                "url": f"https://www.wikidata.org/wiki/{a['wikidata']}"}] if a["wikidata"] else []
        if a["kind"] == "armed_group":
            o = {"type": "threat-actor", "id": _sid("threat-actor", a["entity_id"]), **base, "name": a["name"]}
            if aliases:
                o["aliases"] = aliases
        else:
            o = {"type": "identity", "id": _sid("identity", a["entity_id"]), **base, "name": a["name"],
                 "identity_class": cls.get(a["kind"], "unknown")}
            if aliases:
                o["description"] = "Also reported as: " + "; ".join(aliases)
            if a["roles"]:
                o["roles"] = list(a["roles"])
        if ext:
            o["external_references"] = ext
        ref[a["entity_id"]] = o["id"]
        objs.append(o)

    def node(key: str, name: Optional[str]) -> str:
        if key not in ref:
            o = {"type": "identity", "id": _sid("identity", key), **base, "name": name or key,
                 "identity_class": "unknown"}
            ref[key] = o["id"]
            objs.append(o)
        return ref[key]

    locs: dict[str, str] = {}

    def location(key: Optional[str], name, lat, lon, cc) -> Optional[str]:
        if not key or (lat is None and not cc):
            return None
        if key not in locs:
            o = {"type": "location", "id": _sid("location", key), **base, "name": name or key}
            if lat is not None and lon is not None:
                o["latitude"], o["longitude"] = float(lat), float(lon)
            if cc:
                o["country"] = cc
            if "latitude" not in o and "country" not in o:
                return None
            locs[key] = o["id"]
            objs.append(o)
        return locs[key]

    for r in common.rows(store, "SELECT * FROM s_relations WHERE NOT negated ORDER BY relation_id"):
        src = node(r["subject_entity"], r["subject_name"])
        if r["object_kind"] == "place":
            tgt = location(r["object_entity"], r["object_name"], None, None, None) or node(r["object_entity"],
                                                                                       r["object_name"])
        else:
            tgt = node(r["object_entity"], r["object_name"])
        o = {"type": "relationship", "id": _sid("relationship", r["relation_id"]), **base,
             "relationship_type": r["type"].replace("_", "-").lower(), "source_ref": src, "target_ref": tgt,
             "description": r["evidence"] or f"{r['subject_name']} {r['type']} {r['object_name']}"}
        if r["since"]:
            o["start_time"] = _ts(_full_day(r["since"], first=True), now)
        if r["until"]:
            o["stop_time"] = _ts(_full_day(r["until"], first=False), now)
        if "start_time" in o and "stop_time" in o and o["stop_time"] <= o["start_time"]:
            del o["stop_time"]
        objs.append(o)

    unknown = None
    by_article: dict[str, list[str]] = {}
    for ev in s["events"]:
        reps = s["reports"].get(ev["event_id"], [])
        of = ev["source_entity"] or ev["target_entity"]
        if of:
            of_ref = node(of, ev["source_name"] if ev["source_entity"] else ev["target_name"])
        else:
            if unknown is None:
                unknown = node("unidentified-actor", "Unidentified actor")
            of_ref = unknown
        o = {"type": "sighting", "id": _sid("sighting", ev["event_id"]), **base, "sighting_of_ref": of_ref,
             "count": int(ev["n_reports"] or 1),
             "description": (f"{ev['type']}{'/' + ev['mode'] if ev['mode'] else ''}: {ev['source_name'] or '?'} -> "
                             f"{ev['target_name'] or '(none)'}{' at ' + ev['place_name'] if ev['place_name'] else ''}"
                             f" [{ev['event_id']}, {ev['n_sources']} source(s)] {ev['evidence'] or ''}").strip()}
        if ev["date"]:
            o["first_seen"] = _ts(ev["date"], now)
            o["last_seen"] = f"{ev['date']}T23:59:59.000Z"
        where = location(ev["place_key"], ev["place_name"], ev["lat"], ev["lon"], ev["country_code"])
        if where:
            o["where_sighted_refs"] = [where]
        objs.append(o)
        for r in reps:
            by_article.setdefault(r["article_id"], []).append(o["id"])

    outlets: dict[str, str] = {}
    for a in common.rows(store, "SELECT id, title, source, url, published, ingested_at FROM articles "
                                "ORDER BY published, id"):
        refs = list(dict.fromkeys(by_article.get(a["id"], [])))
        refs += [ref[e] for (e,) in store.con.execute(
            "SELECT DISTINCT entity_id FROM s_actor_map WHERE article_id = ? ORDER BY 1", [a["id"]]).fetchall()
            if e in ref]
        created_by = sitrep_id
        if a["source"]:
            if a["source"] not in outlets:
                o = {"type": "identity", "id": _sid("identity", "outlet", a["source"]), **base, "name": a["source"],
                     "identity_class": "organization", "description": "News outlet"}
                outlets[a["source"]] = o["id"]
                objs.append(o)
            created_by = outlets[a["source"]]
        rep = {"type": "report", "id": _sid("report", a["id"]), **base, "created_by_ref": created_by,
               "name": a["title"] or f"Article {a['id']}", "report_types": ["threat-report"],
               "published": _ts(a["published"], (a["ingested_at"] or now[:19])[:19] + ".000Z"),
               "object_refs": refs or [created_by]}
        if a["url"]:
            rep["external_references"] = [{"source_name": a["source"] or "article", "url": a["url"]}]
        objs.append(rep)
    return {"type": "bundle", "id": _sid("bundle", "sitrep", now), "objects": objs}


def _full_day(value: str, *, first: bool) -> str:
    if len(value) == 10:
        return value
    if len(value) == 7:
        if first:
            return value + "-01"
        y, m = int(value[:4]), int(value[5:7])
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return (nxt.fromordinal(nxt.toordinal() - 1)).isoformat()
    return value[:4] + ("-01-01" if first else "-12-31")


def write_stix(store, path: Path, min_confidence: Optional[float] = None) -> int:
    bundle = stix_bundle(store, min_confidence)
    path.write_text(json.dumps(bundle, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(bundle["objects"])


register(Format(name="stix", suffix=".json", writer=write_stix, unit="objects", order=60,
                options=("min_confidence",),
                description="a STIX 2.1 bundle: identities, threat-actors, locations, relationships, reports, "
                            "sightings of events"))
