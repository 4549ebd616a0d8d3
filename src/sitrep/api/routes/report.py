"""``/report``: the situation report of a period, with counts by event type."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query

from ..errors import ERROR_RESPONSES
from ..models import Report
from ..params import DATE_Q
from ..state import STATE, ApiState

router = APIRouter()


@router.get("/report", response_model=Report, responses=ERROR_RESPONSES, tags=["read"])
def report(since: Optional[str] = Query(None, **DATE_Q), until: Optional[str] = Query(None, **DATE_Q),
           limit: int = Query(15, ge=1, le=100), state: ApiState = STATE):
    """The situation report of a period (as `sitrep report`), with counts by event type."""
    with state.db() as s:
        data = s.report(since=since, until=until, limit=limit)
        data["by_type"] = s.event_counts_by_type(data["period"]["since"], data["period"]["until"])
    return data
