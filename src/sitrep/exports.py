"""``sitrep export FORMAT``: the situation in formats other tools read (see docs/exports.md).

=========  ===============================================================================
plover     PLOVER JSON lines: one OEDA event record per situation event (.jsonl)
polecat    POLECAT-style TSV with a header: one row per situation event (.tsv)
cameo      CAMEO TSV in the 58-column GDELT 1.0 event layout, no header (.tsv)
parquet    a directory with one Parquet file per store table (DuckDB COPY)
graphml    the actor graph (relations and event counts as edges) at a date (.graphml)
stix       a STIX 2.1 bundle: identities, threat-actors, locations, relationships, reports,
           sightings of events (.json)
=========  ===============================================================================

Every export is written to a temporary file beside the target and renamed into place, so a failed
export leaves nothing half-written. Nothing sitrep did not write is ever deleted: an existing target
file is refused unless ``force`` (which replaces that file); a directory given as the target of a
file format is refused even with ``force``. The ``parquet`` export writes a directory: an existing
one is refused unless ``force``, which replaces sitrep's own ``TABLE.parquet`` files in it, one by
one, and leaves everything else in it alone.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
import uuid
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional, Union
from xml.etree import ElementTree as ET


from .datafiles import load_data
from . import __version__
from .errors import ExportError

#: formats whose output is a directory of files (the others write one file)
DIRECTORY_FORMATS = frozenset({"parquet"})
FORMATS = {"plover": ".jsonl", "polecat": ".tsv", "cameo": ".tsv", "parquet": "", "graphml": ".graphml",
           "stix": ".json"}

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

POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Contexts", "Quad Code", "Intensity", "Modality",
    "Actor Name", "Actor Country", "Actor Sector", "Actor Wikidata ID", "Actor Name Raw",
    "Recipient Name", "Recipient Country", "Recipient Sector", "Recipient Wikidata ID", "Recipient Name Raw",
    "Placename", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Source", "Publication Date", "URL", "Headline", "Story IDs", "Num Reports", "Num Sources", "Confidence",
    "Text",
)

STIX_NAMESPACE = uuid.UUID("6f2b1d5e-3c1a-5b8e-9d7f-2a4c6e8b0d13")


@lru_cache(maxsize=1)
def codes() -> dict:
    """``data/export_codes.yaml``, loaded and checked once per process."""
    from .contract import PLOVER_TYPES
    from .errors import ConfigError

    data = load_data("export_codes.yaml")
    for key in ("scale", "quad", "actor_code", "identity_class"):
        if not isinstance(data.get(key), dict):
            raise ConfigError(f"export_codes.yaml: missing mapping '{key}'")
    missing = [t for t in PLOVER_TYPES if t not in data["scale"]]
    if missing:
        raise ConfigError(f"export_codes.yaml: no scale for {missing}")
    return data


# -- shared -------------------------------------------------------------------------------------
def default_path(fmt: str) -> Path:
    return Path(f"sitrep_{fmt}{FORMATS[fmt]}")


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _parent(out: Path) -> Path:
    parent = out.parent
    if not parent.is_dir():
        raise ExportError(f"directory {parent} does not exist")
    return parent


def _write_file(out: Path, force: bool, write: Callable[[Path], int], fmt: str = "") -> int:
    """Write a one-file export through ``write(tmp_path)`` into a temporary file beside ``out`` and
    rename it to ``out``. An existing file is replaced only with ``force``; a directory never."""
    if out.is_dir():
        example = out / default_path(fmt).name if fmt in FORMATS else out / "FILE"
        raise ExportError(f"{out} is a directory; --out names the file to write (e.g. {example}); "
                          f"a directory is never replaced, even with --force")
    if (out.exists() or out.is_symlink()) and not force:
        raise ExportError(f"{out} already exists; choose another --out or pass --force to replace it")
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".sitrep-tmp", dir=_parent(out))
    os.close(fd)
    tmp: Optional[Path] = Path(name)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file (mkstemp makes it private)
        n = write(tmp)
        os.replace(tmp, out)
        tmp = None
        return n
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def _write_directory(out: Path, force: bool, write: Callable[[Path], int], fmt: str = "") -> int:
    """Write a directory export through ``write(directory)``: a new directory is made beside ``out`` and
    renamed to it; into an existing one (only with ``force``) ``write`` replaces its own files."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; this format writes a directory (give a directory for --out)")
    if out.is_dir():
        if not force:
            raise ExportError(f"{out} already exists; choose another --out or pass --force to replace sitrep's "
                              f"files in it (nothing else in it is touched)")
        return write(out)
    tmp: Optional[Path] = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".sitrep-tmp", dir=_parent(out)))
    try:
        os.chmod(tmp, 0o777 & ~_umask())
        n = write(tmp)
        os.rename(tmp, out)
        tmp = None
        return n
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)  # the directory this export made, and only it


def _move_into(src: Path, dst: Path) -> None:
    """Move a file we wrote to ``dst`` atomically: beside it under a temporary name, then renamed."""
    tmp = dst.parent / f".{dst.name}.{uuid.uuid4().hex[:8]}.sitrep-tmp"
    try:
        shutil.move(str(src), str(tmp))
        os.replace(tmp, dst)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {dst}: {err.strerror or err}") from None


def _rows(store, sql: str, params=()) -> list[dict]:
    return store.query(sql, params)


def _situation(store) -> dict[str, Any]:
    """Events with their reports and actors, read once for the event-record formats."""
    store.refresh_situation(only_if_stale=True)
    events = _rows(store, "SELECT * FROM s_events ORDER BY date NULLS LAST, event_id")
    actors = {a["entity_id"]: a for a in _rows(store, "SELECT * FROM s_actors")}
    reports: dict[str, list[dict]] = {}
    for r in _rows(store, """SELECT r.*, strpos(substr(a.text, strpos(a.text, chr(10)) + 1), chr(10))
                                     + strpos(a.text, chr(10)) AS lede_end
                              FROM s_event_reports r JOIN articles a ON a.id = r.article_id
                              ORDER BY r.published NULLS LAST, r.article_id, r.sentence_start"""):
        reports.setdefault(r["event_id"], []).append(r)
    features = dict(store.con.execute(
        "SELECT geonameid, any_value(feature) FROM places WHERE geonameid IS NOT NULL GROUP BY 1").fetchall())
    return {"events": events, "actors": actors, "reports": reports, "features": features}


def _quad(etype: str) -> int:
    from .ontology import load_ontology

    return int(codes()["quad"][load_ontology().quad(etype)])


def _cameo(ev: dict) -> str:
    from .ontology import load_ontology

    return ev["cameo"] or load_ontology().cameo(ev["type"], ev["mode"]) or ""


def _actor_code(a: Optional[dict]) -> Optional[str]:
    if not a:
        return None
    return a["country"] or codes()["actor_code"].get(a["kind"])


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format(value, ".10g")
    return " ".join(str(value).split())


# -- PLOVER JSON ----------------------------------------------------------------------------------
def plover_records(store) -> list[dict]:
    """One PLOVER (OEDA) event record per situation event, with sitrep's extra fields."""
    s = _situation(store)
    today = date.today().isoformat()
    out = []
    for ev in s["events"]:
        reps = s["reports"].get(ev["event_id"], [])

        def actor(eid, name, raw):
            a = s["actors"].get(eid) if eid else None
            if not a and not name:
                return []
            return [{"code": _actor_code(a), "sector": a["sector"] if a else None,
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
            "event_text": [r["sentence_text"] for r in reps], "quad_code": _quad(ev["type"]),
            "event_scale": float(codes()["scale"][ev["type"]]), "cameo": _cameo(ev) or None,
            "modality": ev["modality"], "confidence": ev["confidence"],
            "n_reports": ev["n_reports"], "n_sources": ev["n_sources"],
            "cite_info": [{"source": r["outlet"], "url": r["url"], "title": r["title"], "published": r["published"],
                           "article_id": r["article_id"], "sentence_start": r["sentence_start"],
                           "sentence_end": r["sentence_end"]} for r in reps],
            "coder": f"sitrep {__version__}", "coded_date": today,
        })
    return out


def _write_plover(store, path: Path) -> int:
    recs = plover_records(store)
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(recs)


# -- POLECAT-style TSV ----------------------------------------------------------------------------
def _write_polecat(store, path: Path) -> int:
    s = _situation(store)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(POLECAT_COLUMNS)
        for ev in s["events"]:
            reps = s["reports"].get(ev["event_id"], [])
            src, tgt = s["actors"].get(ev["source_entity"] or ""), s["actors"].get(ev["target_entity"] or "")
            first = reps[0] if reps else {}
            w.writerow([_clean(x) for x in (
                ev["event_id"], ev["date"], ev["type"], ev["mode"], ";".join(ev["contexts"] or []),
                _quad(ev["type"]), codes()["scale"][ev["type"]], ev["modality"],
                ev["source_name"], src["country"] if src else None, src["sector"] if src else None,
                src["wikidata"] if src else None, first.get("source_text"),
                ev["target_name"], tgt["country"] if tgt else None, tgt["sector"] if tgt else None,
                tgt["wikidata"] if tgt else None, first.get("target_text"),
                ev["place_name"], ev["country_code"], ev["lat"], ev["lon"], ev["geonameid"],
                ";".join(ev["outlets"] or []), first.get("published"), first.get("url"), first.get("title"),
                ";".join(sorted({r["article_id"] for r in reps})), ev["n_reports"], ev["n_sources"],
                ev["confidence"], ev["evidence"])])
    return len(s["events"])


# -- CAMEO TSV, GDELT 1.0 layout -------------------------------------------------------------------
def gdelt_event_id(event_id: str) -> int:
    """A stable integer GLOBALEVENTID for a sitrep event id (48 bits of its hash)."""
    import hashlib

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
    code = _actor_code(a) or ""
    sector = (a or {}).get("sector") or ""
    country = (a or {}).get("country") or ""
    known = code if code in ("IGO", "NGO", "IMG") else ""
    return [code + (sector if sector and sector != code else ""), (a["name"] if a else name).upper(), country,
            known, "", "", "", sector, "", ""]


def _write_cameo(store, path: Path) -> int:
    s = _situation(store)
    added = date.today().strftime("%Y%m%d")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        for ev in s["events"]:
            reps = s["reports"].get(ev["event_id"], [])
            d = date.fromisoformat(ev["date"]) if ev["date"] else None
            code = _cameo(ev)
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
                   int(root), code, code[:3], code[:2], _quad(ev["type"]), codes()["scale"][ev["type"]],
                   ev["n_reports"], ev["n_sources"], len({r["article_id"] for r in reps}), "",
                   *([""] * 7), *([""] * 7), *geo, added, next((r["url"] for r in reps if r["url"]), "")]
            assert len(row) == len(GDELT_COLUMNS)
            w.writerow([_clean(x) for x in row])
    return len(s["events"])


# -- Parquet --------------------------------------------------------------------------------------
def _write_parquet(store, path: Path) -> int:
    """One ``TABLE.parquet`` per store table into the directory ``path``, each replaced atomically."""
    store.refresh_situation(only_if_stale=True)
    tables = [r[0] for r in store.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' "
        "ORDER BY table_name").fetchall()]
    # COPY cannot take its file name as a parameter: write into a directory whose name we made, then move
    work = Path(tempfile.mkdtemp(prefix="sitrep-parquet-"))
    try:
        for t in tables:
            target = work / f"{t}.parquet"
            if not all(ch.isalnum() or ch == "_" for ch in t):
                continue
            quoted = target.as_posix().replace("'", "''")
            store.con.execute(f"COPY (SELECT * FROM {t}) TO '{quoted}' (FORMAT parquet)")  # noqa: S608
            _move_into(target, path / f"{t}.parquet")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return len(tables)


# -- GraphML --------------------------------------------------------------------------------------
_NODE_KEYS = (("name", "string"), ("kind", "string"), ("country", "string"), ("sector", "string"),
              ("wikidata", "string"), ("n_articles", "int"))
_EDGE_KEYS = (("edge_kind", "string"), ("type", "string"), ("since", "string"), ("until", "string"),
              ("n_reports", "int"), ("n_sources", "int"), ("n_events", "int"), ("first", "string"),
              ("last", "string"), ("evidence", "string"))


def graphml_tree(graph: dict) -> ET.ElementTree:
    """The actor graph of :meth:`sitrep.store.Store.graph` as a GraphML document."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    for i, (name, typ) in enumerate(_NODE_KEYS):
        ET.SubElement(root, "key", {"id": f"n{i}", "for": "node", "attr.name": name, "attr.type": typ})
    for i, (name, typ) in enumerate(_EDGE_KEYS):
        ET.SubElement(root, "key", {"id": f"e{i}", "for": "edge", "attr.name": name, "attr.type": typ})
    g = ET.SubElement(root, "graph", {"id": f"sitrep-{graph['at'] or 'all'}", "edgedefault": "directed"})

    def data(el, prefix, keys, values):
        for i, (name, _) in enumerate(keys):
            v = values.get(name)
            if v is not None and v != "":
                ET.SubElement(el, "data", {"key": f"{prefix}{i}"}).text = str(v)

    for n in graph["nodes"]:
        data(ET.SubElement(g, "node", {"id": n["entity_id"]}), "n", _NODE_KEYS, n)
    k = 0
    for r in graph["relations"]:
        el = ET.SubElement(g, "edge", {"id": f"r{k}", "source": r["subject_entity"], "target": r["object_entity"]})
        data(el, "e", _EDGE_KEYS, {**r, "edge_kind": "relation", "first": r["first_reported"]})
        k += 1
    for e in graph["events"]:
        el = ET.SubElement(g, "edge", {"id": f"r{k}", "source": e["source_entity"], "target": e["target_entity"]})
        data(el, "e", _EDGE_KEYS, {**e, "edge_kind": "event"})
        k += 1
    ET.indent(root)
    return ET.ElementTree(root)


def _write_graphml(store, path: Path, at: Optional[str] = None) -> int:
    graph = store.graph(at=at)
    graphml_tree(graph).write(path, encoding="utf-8", xml_declaration=True)
    return len(graph["relations"]) + len(graph["events"])


# -- STIX 2.1 -------------------------------------------------------------------------------------
def _sid(kind: str, *key: Any) -> str:
    return f"{kind}--{uuid.uuid5(STIX_NAMESPACE, kind + chr(31) + chr(31).join(str(k) for k in key))}"


def _ts(day: Optional[str], fallback: str) -> str:
    return f"{day}T00:00:00.000Z" if day else fallback


def stix_bundle(store) -> dict:
    """A STIX 2.1 bundle (a plain dict) of the situation. See docs/exports.md for the mapping."""
    s = _situation(store)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    cls = codes()["identity_class"]
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

    for r in _rows(store, "SELECT * FROM s_relations WHERE NOT negated ORDER BY relation_id"):
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
    for a in _rows(store, "SELECT id, title, source, url, published, ingested_at FROM articles ORDER BY published, id"):
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


def _write_stix(store, path: Path) -> int:
    bundle = stix_bundle(store)
    path.write_text(json.dumps(bundle, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(bundle["objects"])


# -- entry point ----------------------------------------------------------------------------------
def export(store, fmt: str, out: Optional[Union[str, os.PathLike]] = None, *, force: bool = False,
           at: Optional[str] = None) -> dict:
    """Write the situation in ``fmt`` to ``out`` (default ``sitrep_FORMAT.EXT``); returns a summary."""
    _check(fmt)
    if at is not None and fmt != "graphml":
        raise ExportError("--at applies to the graphml export only")
    path = Path(out) if out is not None else default_path(fmt)
    writers: dict[str, Callable[[Path], int]] = {
        "plover": lambda p: _write_plover(store, p), "polecat": lambda p: _write_polecat(store, p),
        "cameo": lambda p: _write_cameo(store, p), "parquet": lambda p: _write_parquet(store, p),
        "graphml": lambda p: _write_graphml(store, p, at), "stix": lambda p: _write_stix(store, p)}
    write = _write_directory if fmt in DIRECTORY_FORMATS else _write_file
    n = write(path, force, writers[fmt], fmt)
    unit = {"parquet": "tables", "graphml": "edges", "stix": "objects"}.get(fmt, "events")
    return {"format": fmt, "path": str(path), "count": n, "unit": unit}
