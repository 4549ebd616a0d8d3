"""What the sources say: ``/quotes``, ``/claims`` and ``/contradictions`` between claims."""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query

from ..errors import ERROR_RESPONSES
from ..models import ClaimRow, ContradictionRow, Page, QuoteRow
from ..params import DATE_Q, OFFSET, page, page_limit, quote
from ..state import STATE, ApiState

router = APIRouter()


@router.get("/quotes", response_model=list[QuoteRow], responses=ERROR_RESPONSES, tags=["read"])
def quotes(speaker: Optional[str] = Query(None, description="An actor id, name or alias."),
           since: Optional[str] = Query(None, **DATE_Q), until: Optional[str] = Query(None, **DATE_Q),
           limit: int = page_limit(100), offset: int = OFFSET, state: ApiState = STATE):
    """Quotes with their resolved speakers, newest article first; the next page at `offset`."""
    with state.db() as s:
        return [quote(q) for q in s.quotes(speaker=speaker, since=since, until=until, limit=limit, offset=offset)]


@router.get("/claims", response_model=Page[ClaimRow], responses=ERROR_RESPONSES, tags=["read"])
def claims(article: Optional[str] = None, subject: Optional[str] = Query(None, description="An actor."),
           property: Optional[str] = None, since: Optional[str] = Query(None, **DATE_Q),
           until: Optional[str] = Query(None, **DATE_Q), limit: int = page_limit(), offset: int = OFFSET,
           state: ApiState = STATE):
    """Quantitative claims (casualties, troops, refugees...), with their sources (period: publication)."""
    with state.db() as s:
        rows = s.claims(article=article, subject=subject, prop=property, limit=limit + 1, offset=offset,
                            since=since, until=until)
    return page(rows, limit, offset)


@router.get("/contradictions", response_model=list[ContradictionRow], tags=["read"])
def contradictions(state: ApiState = STATE):
    """Contradicting claims, within one article and across articles."""
    with state.db() as s:
        rows = s.contradictions()
        spans = s.claim_spans({(r["article_a"], r["claim_a"]) for r in rows}
                                  | {(r["article_b"], r["claim_b"]) for r in rows})
    for r in rows:
        r["start_a"], r["end_a"] = spans.get((r["article_a"], r["claim_a"]), (None, None))
        r["start_b"], r["end_b"] = spans.get((r["article_b"], r["claim_b"]), (None, None))
    return rows
