"""``/events``: situation events (reports merged across articles) and one event with its reports."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query

from ..errors import ERROR_RESPONSES
from ..models import EventDetail, Page, SituationEvent
from ..params import DATE_Q, OFFSET, page, page_limit
from ..state import STATE, ApiState

router = APIRouter()


@router.get("/events", response_model=Page[SituationEvent], responses=ERROR_RESPONSES, tags=["read"])
def events(actor: Optional[str] = Query(None, description="An actor id, name or alias."),
           type: Optional[str] = Query(None, description="A PLOVER event type."),
           since: Optional[str] = Query(None, **DATE_Q), until: Optional[str] = Query(None, **DATE_Q),
           place: Optional[str] = Query(None, max_length=200),
           min_sources: Optional[int] = Query(None, ge=0, le=1000),
           modality: Optional[str] = Query(None, description="asserted, reported, future, hypothetical, …"),
           min_confidence: Optional[float] = Query(None, ge=0, le=1),
           limit: int = page_limit(), offset: int = OFFSET, state: ApiState = STATE):
    """Events (reports merged across articles), most recent first; filters as in `sitrep events`."""
    with state.db() as s:
        rows = s.events(actor=actor, type=type, since=since, until=until, place=place,
                        min_sources=min_sources, limit=limit + 1, offset=offset, modality=modality,
                        min_confidence=min_confidence)
    return page(rows, limit, offset)


@router.get("/events/{event_id}", response_model=EventDetail, responses=ERROR_RESPONSES, tags=["read"])
def event(event_id: str, state: ApiState = STATE):
    """One event with each report (article, outlet, sentence span) and the rule that merged them."""
    with state.db() as s:
        found = s.why(event_id)
        reports = s.event_reports([event_id]).get(event_id, [])
    return {"event": found["event"], "reports": reports, "rule": found["rule"]}
