"""The situation over time: the actor ``/graph`` at a date, ``/relations``, the ``/timeline``."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query

from ...core.contract import PLOVER_TYPES
from ..errors import ERROR_RESPONSES
from ..models import Graph, SituationRelation, TimelineItem
from ..params import DATE_Q, page_limit
from ..state import STATE, ApiState

router = APIRouter()


@router.get("/graph", response_model=Graph, responses=ERROR_RESPONSES, tags=["read"])
def graph(at: Optional[str] = Query(None, **DATE_Q),
          min_events: int = Query(1, ge=1, le=10_000, description="Leave out event edges with fewer events."),
          state: ApiState = STATE):
    """The actor graph at a date: relations that held then, and event counts up to it."""
    with state.db() as s:
        return s.graph(at=at, min_events=min_events)


@router.get("/relations", response_model=list[SituationRelation], responses=ERROR_RESPONSES, tags=["read"])
def relations(at: Optional[str] = Query(None, **DATE_Q), type: Optional[str] = None, state: ApiState = STATE):
    """Relations between actors (alliances, memberships, leadership...) that held at a date."""
    with state.db() as s:
        rows = [r for r in s.graph(at=at)["relations"] if not type or r["type"] == type]
        srcs = s.relation_sources([r["relation_id"] for r in rows])
    for r in rows:
        r["sources"] = srcs.get(r["relation_id"], [])
    return rows


@router.get("/timeline", response_model=list[TimelineItem], responses=ERROR_RESPONSES, tags=["read"])
def timeline(actor: Optional[str] = Query(None, description="An actor id, name or alias."),
             type: Optional[str] = Query(None, description="A PLOVER event type or a relation type."),
             since: Optional[str] = Query(None, **DATE_Q), until: Optional[str] = Query(None, **DATE_Q),
             limit: int = page_limit(200), state: ApiState = STATE):
    """Events and relation changes in date order, each with its sources."""
    if type and type.upper() in PLOVER_TYPES:
        type = type.upper()
    with state.db() as s:
        rows = s.timeline(actor=actor, since=since, until=until, limit=None if type else limit)
        if type:
            rows = [r for r in rows if r["type"] == type][:limit]
        ev = s.event_reports([r["id"] for r in rows if r["kind"] == "event"])
        rel = s.relation_sources([r["id"] for r in rows if r["kind"] != "event"])
    for r in rows:
        r["sources"] = ev.get(r["id"], []) if r["kind"] == "event" else rel.get(r["id"], [])
    return rows
