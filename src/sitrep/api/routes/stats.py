"""``GET /stats``: the store's row counts, the version and the limits."""

from __future__ import annotations


from fastapi import APIRouter

from ...core.version import __version__
from ..models import Stats
from ..params import MAX_LIMIT
from ..state import STATE, ApiState

router = APIRouter()


@router.get("/stats", response_model=Stats, tags=["read"])
def stats(state: ApiState = STATE) -> Stats:
    """Row counts of the store, the version and the limits."""
    with state.db() as s:
        counts = s.counts()
    return Stats(version=__version__, counts=counts, writable=bool(state.token), max_body_bytes=state.max_body,
                 max_limit=MAX_LIMIT)
