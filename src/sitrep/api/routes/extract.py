"""``POST /extract``: one article's document, extracted and not stored."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, Query

from ...core.contract import Document
from ..errors import WRITE_RESPONSES
from ..models import ArticleIn
from ..state import STATE, ApiState, need_token

router = APIRouter()


@router.post("/extract", response_model=Document, responses=WRITE_RESPONSES, tags=["write"],
             dependencies=[Depends(need_token)])
def extract(body: ArticleIn, state: ApiState = STATE,
            min_confidence: Optional[float] = Query(None, ge=0, le=1, description="Leave out events less "
                                                    "confident than this (calibrated confidence).")):
    """Extract one article's contract document without storing it (the body is a JSONL line's shape;
    the document carries your id); with ``min_confidence``, only the events at least that confident. An
    article over its time budget is stopped and answered 422 (`over_time_budget`, E202)."""
    doc = state.extract(state.article(body))
    if min_confidence:
        doc = doc.model_copy(update={"events": [e for e in doc.events if e.confidence >= min_confidence]})
    return doc
