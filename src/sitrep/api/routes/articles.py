"""``/articles``: the stored articles (a page of them, one document) and storing a new one."""

from __future__ import annotations


from fastapi import APIRouter, Depends, Query

from ...core.contract import Document
from ..errors import ERROR_RESPONSES, STORE_RESPONSES, ApiError
from ..models import ArticleIn, ArticleLink, ArticleSummary, Page, Stored
from ..params import OFFSET, page, page_limit
from ..state import STATE, ApiState, document_of, need_token, settled

router = APIRouter()


@router.get("/articles", response_model=Page[ArticleSummary], tags=["read"])
def articles(limit: int = page_limit(), offset: int = OFFSET, state: ApiState = STATE):
    """Stored articles, newest first."""
    with state.db() as s:
        rows = s.article_list(limit + 1, offset)
    return page(rows, limit, offset)


@router.get("/articles/{article_id}", response_model=Document, responses=ERROR_RESPONSES, tags=["read"])
def article(article_id: str, state: ApiState = STATE):
    """One stored article's contract document, with its text (every offset refers to it)."""
    with state.db() as s:
        doc = s.document(article_id)
    if doc is None:
        raise ApiError(404, "not_found", f"no article {article_id!r}")
    return doc


@router.get("/articles/{article_id}/links", response_model=list[ArticleLink], responses=ERROR_RESPONSES,
            tags=["read"])
def article_links(article_id: str, state: ApiState = STATE):
    """The actors of one article and the identity each is linked to now (corrections applied)."""
    with state.db() as s:
        if s.resolve_article(article_id) is None:
            raise ApiError(404, "not_found", f"no article {article_id!r}")
        return s.article_links(article_id)


@router.post("/articles", response_model=Stored, status_code=201, responses=STORE_RESPONSES, tags=["write"],
             dependencies=[Depends(need_token)])
def add_article(body: ArticleIn,
                replace: bool = Query(False, description="A stored id with another text: replace the stored "
                                                         "article (else 409)."),
                update_meta: bool = Query(False, description="The article is stored already with other metadata "
                                                             "(date, outlet, title, URL): extract it again with "
                                                             "the metadata given now."),
                state: ApiState = STATE):
    """Extract one article and store it. An article already stored is left as it is (200); a text
    stored under another id is recorded as its duplicate (200, `duplicate_of`); a stored id with
    another text is a 409 (`id_conflict`) unless `?replace=true`. An article that cannot be extracted
    -- over its time budget (`over_time_budget`, E202), or a stage that broke (`extraction_failed`) -- is
    a 422, recorded in the store's failures."""
    article = state.article(body)
    with state.db() as s:
        answer = settled(s, s.plan([article], replace=replace, update_meta=update_meta), article)
    if answer is not None:
        return answer
    outcome = state.outcome(article)
    if outcome.failure is not None:       # recorded, as ingest records it, and answered 422
        with state.db(write=True) as s:
            s.write_batch([outcome.failure])
    doc = document_of(outcome)
    with state.db(write=True) as s:
        plan = s.plan([article], replace=replace, update_meta=update_meta)  # again: another request may have
        answer = settled(s, plan, article)                                # stored it meanwhile
        if answer is not None:
            return answer
        s.write_batch([(doc, article.origin)], replace=plan.replace)
        s.refresh_situation(only_if_stale=True)
    if article.id in plan.meta_updates:
        changed = ", ".join(f"{k} {old or '(none)'} -> {new}" for k, (old, new) in plan.meta_updates[article.id].items())
        return Stored(stored=True, article_id=doc.article.id, document=doc, replaced=True, meta_updated=True,
                      message=f"already stored; extracted again with its new metadata ({changed})")
    replaced = article.id in plan.replace
    return Stored(stored=True, article_id=doc.article.id, document=doc, replaced=replaced,
                  message="stored, replacing the stored article" if replaced else "stored")
