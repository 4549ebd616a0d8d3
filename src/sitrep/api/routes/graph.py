"""The situation over time: the actor ``/graph`` at a date, ``/relations``, the ``/timeline``."""

from __future__ import annotations

from typing import Literal, Optional

from fastapi import APIRouter, Depends, Query

from ..errors import ERROR_RESPONSES
from ..models import Graph, HistogramBucket, SituationRelation, TimelineItem
from ..params import DATE_Q, GRAPH_LIMIT, GRAPH_MAX_LIMIT, OFFSET, page_limit
from ..state import STATE, ApiState

router = APIRouter()


@router.get("/graph", response_model=Graph, responses=ERROR_RESPONSES, tags=["read"])
def graph(at: Optional[str] = Query(None, **DATE_Q),
          min_events: int = Query(1, ge=1, le=10_000, description="Leave out event edges with fewer events."),
          limit: int = Query(GRAPH_LIMIT, ge=1, le=GRAPH_MAX_LIMIT,
                             description="At most this many relations (the most reported) and as many event "
                                         "edges (the most events); `n_relations` and `n_event_edges` count all."),
          state: ApiState = STATE):
    """The actor graph at a date: relations that held then, and event counts up to it (the strongest
    `limit` of each, and their actors)."""
    with state.db() as s:
        return s.graph(at=at, min_events=min_events, limit=limit)


@router.get("/relations", response_model=list[SituationRelation], responses=ERROR_RESPONSES, tags=["read"])
def relations(at: Optional[str] = Query(None, **DATE_Q), type: Optional[str] = None,
              id: Optional[list[str]] = Query(None, max_length=500, description="Only these relations (by "
                                                                            "`relation_id`; repeat it)."),
              state: ApiState = STATE):
    """Relations between actors (alliances, memberships, leadership...) that held at a date."""
    with state.db() as s:
        found = s.relations(id, at=at) if id else s.graph(at=at)["relations"]
        rows = [r for r in found if not type or r["type"] == type]
        srcs = s.relation_sources([r["relation_id"] for r in rows])
    for r in rows:
        r["sources"] = srcs.get(r["relation_id"], [])
    return rows


def _timeline_filters(actor: Optional[str] = Query(None, description="An actor id, name or alias."),
                      type: Optional[str] = Query(None, description="A PLOVER event type or a relation type."),
                      since: Optional[str] = Query(None, **DATE_Q), until: Optional[str] = Query(None, **DATE_Q),
                      modality: Optional[str] = Query(None, description="Events of this modality only (asserted, "
                                                                        "reported, future, …)."),
                      min_confidence: Optional[float] = Query(None, ge=0, le=1, description="Events at least this "
                                                                                           "confident only."),
                      negated: bool = Query(False, description="Also the reports that deny an event."),
                      place: Optional[str] = Query(None, max_length=200, description="Events at this place.")) -> dict:
    return {"actor": actor, "type": type, "since": since, "until": until, "modality": modality,
            "min_confidence": min_confidence, "negated": negated, "place": place}


TIMELINE_FILTERS = Depends(_timeline_filters)


@router.get("/timeline", response_model=list[TimelineItem], responses=ERROR_RESPONSES, tags=["read"])
def timeline(filters: dict = TIMELINE_FILTERS,
             order: Literal["oldest", "newest"] = Query("oldest", description="Date order."),
             limit: int = page_limit(200), offset: int = OFFSET, state: ApiState = STATE):
    """Events and relation changes in date order, each with its sources; the next page at `offset`."""
    with state.db() as s:
        rows = s.timeline(limit=limit, offset=offset, newest_first=order == "newest", **filters)
        ev = s.event_reports([r["id"] for r in rows if r["kind"] == "event"])
        rel = s.relation_sources([r["id"] for r in rows if r["kind"].startswith("relation")])
    for r in rows:
        if "sources" not in r:
            r["sources"] = ev.get(r["id"], []) if r["kind"] == "event" else rel.get(r["id"], [])
    return rows


@router.get("/timeline/histogram", response_model=list[HistogramBucket], responses=ERROR_RESPONSES, tags=["read"])
def timeline_histogram(filters: dict = TIMELINE_FILTERS,
                       bucket: Literal["day", "week"] = Query("day", description="Count by day or by week (Monday)."),
                       state: ApiState = STATE):
    """How many timeline entries (the same filters) fall on each day or week, with PLOVER quad classes."""
    with state.db() as s:
        return s.timeline_histogram(bucket=bucket, **filters)
