"""What one app serves from: its store, its token, its body limit, and its extraction.

Requests read the store concurrently, each over a connection of its own (:meth:`ApiState.db`): a DuckDB
cursor on the process's database (DuckDB runs them in parallel), or a connection from a psycopg pool
for a PostgreSQL store. Writes (and the rebuild of the situation they trigger) hold one lock per process
on DuckDB, which has one writer; PostgreSQL orders concurrent writers itself, across processes.
Extraction runs outside the store, under its own lock (one spaCy pipeline per process).

Endpoints receive it as a dependency (``state: ApiState = STATE``); the write endpoints also depend on
:func:`need_token`.
"""

from __future__ import annotations

import hmac
import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Optional

from fastapi import Depends, Request
from fastapi.responses import JSONResponse

from ..core.contract import Document
from ..pipeline import default_pipeline
from ..readers.jsonl import record_to_article
from ..situation.store import Store, open_store
from .errors import ApiError
from .models import ArticleIn, Stored


class ApiState:
    def __init__(self, db_path: str, token: Optional[str], max_body: int):
        self.db_path = db_path
        self.token = token or None
        self.max_body = max_body
        self.lock = threading.RLock()
        self.extract_lock = threading.Lock()
        self.store: Store = open_store(db_path)
        self.store.write_lock = self.lock
        self.pool = None
        self.on_close: list[Callable[[], None]] = []
        if self.store.is_postgres:
            from ..situation.postgres import make_pool

            self.pool = make_pool(self.store.path)

    @contextmanager
    def db(self, *, write: bool = False) -> Iterator[Any]:
        """The store over a connection of this request's own; ``write``: hold the process's write lock
        meanwhile (a plan and its write are then not interleaved with another request's)."""
        if write:
            with self.lock, self.store.session(self.pool) as s:
                yield s
            return
        with self.store.session(self.pool) as s:
            yield s

    def generation(self) -> int:
        """The store's generation (see :meth:`~sitrep.situation.store.Store.generation`)."""
        with self.db() as s:
            return s.generation()

    def close(self) -> None:
        """Close the pool and the store, and run what was to be run at shutdown (once)."""
        while self.on_close:
            self.on_close.pop()()
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        if self.store is not None:
            self.store.close()
            self.store = None  # type: ignore[assignment]

    def article(self, body: ArticleIn):
        """The request body as an :class:`~sitrep.article.Article`, read as a JSONL line is."""
        return record_to_article(body.model_dump(exclude_none=True), max_bytes=self.max_body,
                                 origin="upload" if body.html is not None else "api")

    def extract(self, article) -> Document:
        with self.extract_lock:
            return default_pipeline()(article)


def get_state(request: Request) -> ApiState:
    """The state of the app that received ``request``."""
    return request.app.state.sitrep


#: the dependency that gives an endpoint its app's state
STATE = Depends(get_state)


def need_token(request: Request) -> None:
    """Refuse a write without the bearer token (401), or when the server has none configured (403)."""
    state = get_state(request)
    if not state.token:
        raise ApiError(403, "writes_disabled",
                       "the write endpoints are disabled: set SITREP_TOKEN in the server's environment "
                       "and restart `sitrep serve` to enable them")
    auth = request.headers.get("authorization") or ""
    scheme, _, given = auth.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "unauthorized", "this endpoint needs `Authorization: Bearer <SITREP_TOKEN>`",
                       {"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), state.token.encode("utf-8")):
        raise ApiError(401, "unauthorized", "the bearer token is wrong", {"WWW-Authenticate": "Bearer"})


def settled(s, plan, article) -> Optional[JSONResponse]:
    """The answer when the store already settles ``article`` (already stored, a duplicate, a conflict:
    409), else None (it is to be extracted and stored)."""
    if plan.conflicts:
        raise ApiError(409, "id_conflict", plan.conflicts[0].reason.replace("Pass --replace", "Pass ?replace=true"))
    if plan.duplicates:
        (d,) = plan.duplicates
        s.record_duplicates([d], drop=plan.drop)
        out = Stored(stored=False, article_id=article.id, duplicate_of=d.duplicate_of,
                     document=s.document(d.duplicate_of),
                     message=f"this text is stored as article {d.duplicate_of!r}; {article.id!r} now resolves to it")
        return JSONResponse(out.model_dump(mode="json"), status_code=200)
    if plan.skipped:
        old = s.stored_meta([article.id]).get(article.id, {})
        differs = {k: [old.get(k), getattr(article, k)] for k in ("title", "source", "url", "published")
                   if getattr(article, k) is not None and getattr(article, k) != old.get(k)}
        hint = ("; its stored metadata differs (" + ", ".join(f"{k} {o or '(none)'} -> {n}" for k, (o, n) in differs.items())
                + "): send it again with ?update_meta=true to update it") if differs else ""
        out = Stored(stored=False, article_id=article.id, document=s.document(article.id), meta_differs=differs,
                     message="this article is already stored" + hint)
        return JSONResponse(out.model_dump(mode="json"), status_code=200)
    return None
