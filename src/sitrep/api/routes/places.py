"""``/places``: the places named in the articles, merged by geonames id."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query

from ..models import PlaceRow
from ..params import MAX_LIMIT, OFFSET, page_limit
from ..state import STATE, ApiState

router = APIRouter()


@router.get("/places", response_model=list[PlaceRow], tags=["read"])
def places(search: Optional[str] = Query(None, max_length=200), limit: int = page_limit(MAX_LIMIT),
           offset: int = OFFSET, state: ApiState = STATE):
    """Places named in the articles (merged by geonames id), with coordinates and event counts; the next
    page at `offset`."""
    with state.db() as s:
        return s.places(search=search, limit=limit, offset=offset)
