"""``/export/{view}.{format}``: what a page of the dashboard shows, with its filters, as a file to take away --
CSV (for spreadsheets), JSON, or GeoJSON (what has coordinates: events and places)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Literal, Optional

from fastapi import APIRouter, Query
from fastapi.responses import Response

from ..errors import ERROR_RESPONSES, ApiError
from ..params import DATE_Q
from ..state import STATE, ApiState

router = APIRouter()

VIEWS = ("events", "timeline", "places", "actors", "quotes", "claims", "contradictions", "search", "corrections")
MAX_ROWS = 100_000
_MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json", "geojson": "application/geo+json"}


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        v = json.dumps(v, ensure_ascii=False)
    v = str(v)
    # a cell a spreadsheet would read as a formula is quoted as text
    return "'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v


def to_csv(rows: list[dict]) -> str:
    cols: list[str] = []
    for r in rows:
        cols += [k for k in r if k not in cols]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in cols])
    return out.getvalue()


def to_geojson(rows: list[dict]) -> dict:
    feats = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
              "properties": {k: v for k, v in r.items() if k not in ("lat", "lon")}}
             for r in rows if r.get("lat") is not None and r.get("lon") is not None]
    return {"type": "FeatureCollection", "features": feats}


def _rows(s, view: str, f: dict) -> list[dict]:
    if view == "events":
        return s.events(actor=f["actor"], type=f["type"], since=f["since"], until=f["until"], place=f["place"],
                        min_sources=f["min_sources"], modality=f["modality"], min_confidence=f["min_confidence"],
                        limit=MAX_ROWS)
    if view == "timeline":
        return s.timeline(actor=f["actor"], type=f["type"], since=f["since"], until=f["until"], place=f["place"],
                          modality=f["modality"], min_confidence=f["min_confidence"], negated=f["negated"],
                          newest_first=f["order"] == "newest", limit=MAX_ROWS)
    if view == "places":
        return s.places(search=f["search"], limit=MAX_ROWS)
    if view == "actors":
        return s.actors(kind=f["kind"], country=f["country"], search=f["search"], limit=MAX_ROWS)
    if view == "quotes":
        return s.quotes(speaker=f["actor"], since=f["since"], until=f["until"], limit=MAX_ROWS)
    if view == "claims":
        return s.claims(subject=f["actor"], since=f["since"], until=f["until"], limit=MAX_ROWS)
    if view == "contradictions":
        return s.contradictions()
    if view == "corrections":
        return s.corrections()
    if not f["q"]:
        raise ApiError(400, "bad_query", "the search export needs q")
    return s.search(f["q"], kind=f["kind"], limit=MAX_ROWS)["items"]


@router.get("/export/{view}.{fmt}", responses={**ERROR_RESPONSES, 200: {"content": {m: {} for m in _MEDIA.values()}}},
            tags=["read"])
def export_view(view: Literal[VIEWS], fmt: Literal["csv", "json", "geojson"],  # type: ignore[valid-type]
                actor: Optional[str] = Query(None, description="events, timeline: an actor; quotes: the speaker; "
                                                               "claims: the subject."),
                type: Optional[str] = None, since: Optional[str] = Query(None, **DATE_Q),
                until: Optional[str] = Query(None, **DATE_Q), place: Optional[str] = Query(None, max_length=200),
                min_sources: Optional[int] = Query(None, ge=0, le=1000), modality: Optional[str] = None,
                min_confidence: Optional[float] = Query(None, ge=0, le=1), negated: bool = False,
                order: Literal["oldest", "newest"] = "oldest", search: Optional[str] = Query(None, max_length=200),
                kind: Optional[str] = None, country: Optional[str] = None,
                q: Optional[str] = Query(None, max_length=200), state: ApiState = STATE):
    """A list as the dashboard shows it, with the same filters, as CSV, JSON or GeoJSON (events and places:
    a point per row with coordinates). At most 100,000 rows."""
    f = dict(actor=actor, type=type, since=since, until=until, place=place, min_sources=min_sources,
             modality=modality, min_confidence=min_confidence, negated=negated, order=order, search=search,
             kind=kind, country=country, q=q)
    if fmt == "geojson" and view not in ("events", "places", "search"):
        raise ApiError(400, "bad_query", f"{view} have no coordinates: export them as csv or json")
    with state.db() as s:
        rows = _rows(s, view, f)
        if fmt == "geojson" and view == "search":
            keys = [r["id"] for r in rows if r["kind"] == "place"]
            rows = [p for p in s.places(limit=MAX_ROWS) if p["place_key"] in set(keys)]
    if fmt == "csv":
        body = to_csv(rows)
    else:
        body = json.dumps(to_geojson(rows) if fmt == "geojson" else rows, ensure_ascii=False, default=str)
    return Response(body, media_type=_MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="sitrep-{view}.{fmt}"'})
