"""``/actors``: actors across the corpus (one per resolved identity) and one actor's profile."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query

from ..errors import ERROR_RESPONSES
from ..models import ActorProfile, SituationActor
from ..params import OFFSET, page_limit, quote
from ..state import STATE, ApiState

router = APIRouter()


@router.get("/actors", response_model=list[SituationActor], responses=ERROR_RESPONSES, tags=["read"])
def actors(kind: Optional[str] = None, country: Optional[str] = Query(None, description="ISO 3166 alpha-3"),
           search: Optional[str] = Query(None, max_length=200), limit: int = page_limit(100), offset: int = OFFSET,
           state: ApiState = STATE):
    """Actors across the corpus (one per resolved identity), most reported first; the next page at
    `offset` (a page shorter than `limit` is the last)."""
    with state.db() as s:
        return s.actors(kind=kind, country=country, search=search, limit=limit, offset=offset)


@router.get("/actors/{name}", response_model=ActorProfile, responses=ERROR_RESPONSES, tags=["read"])
def actor(name: str, limit: int = page_limit(20), state: ApiState = STATE):
    """One actor (by id, name or alias): aliases, roles, relations, events, quotes, every mention."""
    with state.db() as s:
        p = s.actor_profile(name, limit=limit)
        srcs = s.relation_sources([r["relation_id"] for r in p["relations"]])
    p["quotes"] = [quote(q) for q in p["quotes"]]
    for r in p["relations"]:
        r["sources"] = srcs.get(r["relation_id"], [])
    return p
