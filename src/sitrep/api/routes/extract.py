"""``POST /extract``: one article's document, extracted and not stored."""

from __future__ import annotations


from fastapi import APIRouter, Depends

from ...core.contract import Document
from ..errors import WRITE_RESPONSES
from ..models import ArticleIn
from ..state import STATE, ApiState, need_token

router = APIRouter()


@router.post("/extract", response_model=Document, responses=WRITE_RESPONSES, tags=["write"],
             dependencies=[Depends(need_token)])
def extract(body: ArticleIn, state: ApiState = STATE):
    """Extract one article's contract document without storing it (the body is a JSONL line's shape;
    the document carries your id). An article over its time budget is stopped and answered 422
    (`over_time_budget`, E202)."""
    return state.extract(state.article(body))
