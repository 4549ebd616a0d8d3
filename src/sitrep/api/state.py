"""What one app serves from: its store, its token, its body limit, and its extraction.

Requests read the store concurrently, each over a connection of its own (:meth:`ApiState.db`): a DuckDB
cursor on the process's database (DuckDB runs them in parallel), or a connection from a psycopg pool
for a PostgreSQL store. Writes (and the rebuild of the situation they trigger) hold one lock per process
on DuckDB, which has one writer; PostgreSQL orders concurrent writers itself, across processes.
Extraction runs outside the store, one article at a time, in a supervised worker process
(:class:`~sitrep.supervise.SupervisedRunner`, started on the first extraction and stopped with the app):
an article over its time budget is stopped there and answered as a failure ``E202`` (``POST /articles``
records it in the store's failures, as ``ingest`` does), and the server goes on answering meanwhile.

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

from ..core.article import Article, Failure, Outcome
from ..core.contract import Document
from ..core.errors import UnsupportedLanguageError, failure_kind
from ..pipeline import Pipeline, default_pipeline
from ..readers.jsonl import record_to_article
from ..situation.store import META_FIELDS, Store, open_store
from ..supervise import SupervisedRunner
from .errors import ApiError
from .models import ArticleIn, Stored


class ApiState:
    """``pipeline``: the extraction pipeline (None: the default one); ``article_timeout``: the time budget
    of one article in seconds (None: the default of :mod:`sitrep.limits`; 0: none, extraction then runs in
    the server's process)."""

    def __init__(self, db_path: str, token: Optional[str], max_body: int, *, pipeline: Optional[Pipeline] = None,
                 article_timeout: Optional[float] = None):
        self.db_path = db_path
        self.token = token or None
        self.max_body = max_body
        self.lock = threading.RLock()
        self.store: Store = open_store(db_path)
        self.store.write_lock = self.lock
        self.pool = None
        self.on_close: list[Callable[[], None]] = []
        if self.store.is_postgres:
            from ..situation.postgres import make_pool

            self.pool = make_pool(self.store.path)
        self.pipeline = pipeline
        self.article_timeout = article_timeout
        self._runner_lock = threading.Lock()
        self._runner: Optional[SupervisedRunner] = None

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
        """The app's shutdown: stop the extraction worker, run what was to be run at shutdown, close the
        pool and the store (once)."""
        with self._runner_lock:
            runner, self._runner = self._runner, None
        if runner is not None:
            runner.close()
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

    def runner(self) -> SupervisedRunner:
        """The supervised worker that extracts (made on first use: an app that never extracts loads no model)."""
        with self._runner_lock:
            if self._runner is None:
                self._runner = SupervisedRunner(self.pipeline or default_pipeline(), timeout=self.article_timeout)
            return self._runner

    def outcome(self, article: Article) -> Outcome:
        """The article's document or failure, within its time budget."""
        return self.runner().run(article)

    def extract(self, article: Article) -> Document:
        """The article's document; a failure (over its budget, a stage that broke) is an :class:`ApiError`."""
        return document_of(self.outcome(article))


def document_of(outcome: Outcome) -> Document:
    """The outcome's document; its failure as an :class:`ApiError` (see :func:`failure_error`)."""
    if outcome.document is None:
        if outcome.failure is None:  # pragma: no cover - an outcome has one or the other
            raise ApiError(500, "internal_error", "the extraction gave neither a document nor a failure")
        raise failure_error(outcome.failure)
    return outcome.document


def failure_error(f: Failure) -> ApiError:
    """The answer to an article that failed: 422, ``over_time_budget`` for E202, ``unsupported_language``
    for E204 (its message the refusal itself, as the CLI prints it), else ``extraction_failed``."""
    kind = failure_kind(f.code)
    if f.code == UnsupportedLanguageError.code:
        return ApiError(422, kind, f.reason)
    return ApiError(422, kind, f"[{f.code}] {f.reason} (article {f.article_id}, stage {f.stage})")


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
        differs = {k: [old.get(k), getattr(article, k)] for k in META_FIELDS
                   if getattr(article, k) is not None and getattr(article, k) != old.get(k)}
        hint = ("; its stored metadata differs (" + ", ".join(f"{k} {o or '(none)'} -> {n}" for k, (o, n) in differs.items())
                + "): send it again with ?update_meta=true to update it") if differs else ""
        out = Stored(stored=False, article_id=article.id, document=s.document(article.id), meta_differs=differs,
                     message="this article is already stored" + hint)
        return JSONResponse(out.model_dump(mode="json"), status_code=200)
    return None
