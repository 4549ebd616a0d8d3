"""``/corrections``: the analyst layer -- facts marked wrong or fixed, who did it and when (writes need the token)."""

from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, Query

from ..errors import ERROR_RESPONSES, WRITE_RESPONSES
from ..models import Correction, CorrectionIn, WithdrawalIn
from ..state import STATE, ApiState, need_token

router = APIRouter()
#: a write that names a correction or a fact the store may not have
_WRITE_404: dict[int | str, dict[str, Any]] = {**WRITE_RESPONSES, 404: ERROR_RESPONSES[404]}


@router.get("/corrections", response_model=list[Correction], responses=ERROR_RESPONSES, tags=["read"])
def corrections(article: Optional[str] = Query(None, description="Only those made on this article's facts."),
                target: Optional[str] = Query(None, description="Only those of this event, quote, link or actor."),
                state: ApiState = STATE):
    """Every correction (who, when, what, on which facts), oldest first, with how many facts it applies to now."""
    with state.db() as s:
        return s.corrections(article=article, target=target)


@router.post("/corrections", response_model=Correction, status_code=201,
             responses=_WRITE_404, tags=["write"],
             dependencies=[Depends(need_token)])
def add_correction(body: CorrectionIn, state: ApiState = STATE):
    """Mark a fact wrong (`"wrong": true`) or set one of its fields: an event's `type`, `source` or `target`;
    a quote's `speaker`; a link's `entity` (the actor an article's actor is); an actor's `name`, `kind` or
    `country`. It is applied at once to every view, query and export, and kept when articles are ingested
    again."""
    with state.db() as s:
        return s.add_correction(body.target_kind, body.target_id, author=body.author, wrong=body.wrong,
                                field=body.field, value=body.value, note=body.note)


@router.post("/corrections/{correction_id}/withdraw", response_model=Correction, status_code=201,
             responses=_WRITE_404, tags=["write"],
             dependencies=[Depends(need_token)])
def withdraw_correction(correction_id: str, body: WithdrawalIn, state: ApiState = STATE):
    """Withdraw a correction: it stays in the trail, listed with who withdrew it and when, and applies to
    nothing from now on (every view, query and export at once). Returns the withdrawal (`action`
    `withdraw`, `value` the correction's id)."""
    with state.db() as s:
        return s.withdraw_correction(correction_id, author=body.author, note=body.note)
