"""``/search``: actors, events, quotes and places found by their words (one search box for all)."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query

from ..errors import ERROR_RESPONSES
from ...situation.queries import SearchKind
from ..models import SearchResults
from ..params import OFFSET, page_limit
from ..state import STATE, ApiState

router = APIRouter()


@router.get("/search", response_model=SearchResults, responses=ERROR_RESPONSES, tags=["read"])
def search(q: str = Query(..., min_length=1, max_length=200, description="Words to find (each also as a prefix)."),
           kind: Optional[SearchKind] = Query(None, description="Only this kind."),
           limit: int = page_limit(20), offset: int = OFFSET, state: ApiState = STATE):
    """Actors by name or alias, events and quotes by their text, places by name: the things that have
    every word of `q`, best first (the fields matched, then how widely reported, then newest)."""
    with state.db() as s:
        return s.search(q, kind=kind, limit=limit, offset=offset)
