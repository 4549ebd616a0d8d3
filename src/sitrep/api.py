"""The HTTP API and the dashboard: ``sitrep serve``.

    from sitrep.api import create_app
    app = create_app("sitrep.duckdb", token="s3cret")     # token=None: read SITREP_TOKEN

Read endpoints query the store (:class:`~sitrep.store.Store`); ``POST /extract`` returns the contract
:class:`~sitrep.contract.Document` of a text without storing it, ``POST /articles`` extracts and
stores. The write endpoints need ``Authorization: Bearer <token>``; with no token configured they are
refused (403). Every error is ``{"error": {"code", "message"}}``. Request bodies are limited in size
(413). The dashboard (``static/``) is served at ``/``.

One DuckDB connection serves the process; every use of it holds a lock, so concurrent requests are
safe (DuckDB connections are not meant to be shared between threads unguarded). Extraction runs
outside the store lock, under its own lock (one spaCy pipeline per process).
"""

from __future__ import annotations

import hmac
import json
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Generic, Iterator, Optional, TypeVar, Union

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, field_validator, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .contract import PLOVER_TYPES, ArticleMeta, Document, Span
from .errors import IdConflictError, QueryError, ReadError, SitrepError, StoreError

STATIC_DIR = Path(__file__).resolve().parent / "static"
DEFAULT_MAX_BODY = 2_000_000          # bytes in a request body
MAX_LIMIT = 500                       # the largest page a list endpoint returns
DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
PUBLISHED_RE = r"^\d{4}-\d{2}-\d{2}"  # a date, or a timestamp that starts with one (as in JSONL)

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

T = TypeVar("T")


# -- response models (the contract's, plus the situation's rows) -------------------------------------
class _Row(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class Page(BaseModel, Generic[T]):
    """One page of a list: ``next_offset`` is null on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: Optional[int] = None


class ArticleSummary(ArticleMeta):
    origin: Optional[str] = None
    duplicates: list[str] = Field(default_factory=list, description="Ids recorded as duplicates of this article "
                                                                    "(the same text); each resolves to it.")
    n_actors: int = 0
    n_events: int = 0
    n_quotes: int = 0
    n_claims: int = 0


class SituationActor(_Row):
    """One actor across the corpus (its resolved identity)."""

    entity_id: str
    name: str
    kind: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    wikidata: Optional[str] = None
    kb_id: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)
    affiliation: Optional[str] = None
    n_articles: Optional[int] = None
    n_mentions: Optional[int] = None
    n_events: Optional[int] = None
    first_seen: Optional[str] = None
    last_seen: Optional[str] = None


class ActorMentions(_Row):
    article_id: str
    outlet: Optional[str] = None
    published: Optional[str] = None
    actor_id: str
    name: Optional[str] = None
    role: Optional[str] = None
    mentions: list[Span] = Field(default_factory=list)


class SituationRelation(_Row):
    relation_id: str
    type: str
    subject_entity: Optional[str] = None
    subject_name: Optional[str] = None
    object_entity: Optional[str] = None
    object_name: Optional[str] = None
    object_kind: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    negated: Optional[bool] = None
    n_reports: Optional[int] = None
    n_sources: Optional[int] = None
    first_reported: Optional[str] = None
    evidence: Optional[str] = None
    sources: list["Source"] = Field(default_factory=list, description="Per-article reports (not in /graph).")


class SituationEvent(_Row):
    """One real event: the reports of it merged across articles."""

    event_id: str
    date: Optional[str] = None
    type: str
    mode: Optional[str] = None
    source_entity: Optional[str] = None
    source_name: Optional[str] = None
    target_entity: Optional[str] = None
    target_name: Optional[str] = None
    place_name: Optional[str] = None
    modality: Optional[str] = None
    n_reports: int = 0
    n_sources: int = 0
    outlets: list[str] = Field(default_factory=list)
    confidence: Optional[float] = None
    cameo: Optional[str] = None
    evidence: Optional[str] = None


class EventFull(SituationEvent):
    contexts: list[str] = Field(default_factory=list)
    negated: Optional[bool] = None
    place_key: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country_code: Optional[str] = None
    first_reported: Optional[str] = None
    last_reported: Optional[str] = None
    rule: Optional[str] = None


class Source(_Row):
    """An article that reports a fact, with the span of its evidence (offsets into the article text)."""

    article_id: str
    outlet: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None
    text: Optional[str] = None


class EventReport(Source):
    report_id: str
    date: Optional[str] = None
    trigger: Optional[str] = None
    source_text: Optional[str] = None
    target_text: Optional[str] = None
    confidence: Optional[float] = None
    rule: Optional[str] = None


class EventDetail(BaseModel):
    event: EventFull
    reports: list[EventReport]
    rule: str


class QuoteRow(_Row):
    article_id: str
    quote_id: str
    speaker_entity: Optional[str] = None
    speaker: Optional[str] = None
    speaker_text: Optional[str] = None
    text: str
    kind: Optional[str] = None
    cue: Optional[str] = None
    start: int
    end: int
    outlet: Optional[str] = None
    published: Optional[str] = None


class ActorProfile(BaseModel):
    actor: SituationActor
    mentions: list[ActorMentions]
    relations: list[SituationRelation]
    events: list[SituationEvent]
    quotes: list[QuoteRow]


class ClaimRow(_Row):
    article_id: str
    claim_id: str
    subject_entity: Optional[str] = None
    subject_text: Optional[str] = None
    property: str
    value: float
    value_max: Optional[float] = None
    unit: Optional[str] = None
    approx: Optional[bool] = None
    place: Optional[str] = None
    attributed_text: Optional[str] = None
    date: Optional[str] = None
    start: int
    end: int
    text: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None


class ContradictionRow(_Row):
    scope: str
    reason: Optional[str] = None
    article_a: str
    claim_a: str
    text_a: Optional[str] = None
    outlet_a: Optional[str] = None
    published_a: Optional[str] = None
    article_b: str
    claim_b: str
    text_b: Optional[str] = None
    outlet_b: Optional[str] = None
    published_b: Optional[str] = None
    start_a: Optional[int] = None
    end_a: Optional[int] = None
    start_b: Optional[int] = None
    end_b: Optional[int] = None


class GraphNode(_Row):
    entity_id: str
    name: Optional[str] = None
    kind: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    wikidata: Optional[str] = None
    n_articles: Optional[int] = None


class GraphEventEdge(_Row):
    source_entity: str
    target_entity: str
    type: str
    n_events: int
    n_reports: Optional[int] = None
    first: Optional[str] = None
    last: Optional[str] = None


class Graph(BaseModel):
    at: Optional[str] = None
    nodes: list[GraphNode]
    relations: list[SituationRelation]
    events: list[GraphEventEdge]


class TimelineItem(_Row):
    date: str
    kind: str
    id: str
    type: str
    what: str
    n_sources: Optional[int] = None
    evidence: Optional[str] = None
    sources: list[Source] = Field(default_factory=list)


class PlaceRow(_Row):
    place_key: str
    name: str
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country_code: Optional[str] = None
    feature: Optional[str] = None
    n_articles: int = 0
    n_mentions: int = 0
    n_events: int = 0


class Report(BaseModel):
    """The situation report of a period (``sitrep report``), with counts by event type."""

    period: dict[str, Optional[str]]
    counts: dict[str, int]
    by_type: dict[str, int]
    articles: dict[str, Any]
    actors: list[dict[str, Any]]
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    contradictions: list[dict[str, Any]]
    top_events: list[SituationEvent]
    contradictions_across: list[ContradictionRow]
    failures: int


class Stats(BaseModel):
    version: str
    counts: dict[str, int]
    writable: bool = Field(description="Whether the write endpoints are enabled (a token is configured).")
    max_body_bytes: int
    max_limit: int


class ArticleIn(BaseModel):
    """An article, in the shape of a JSONL line (``sitrep ingest``): plain ``text`` or the content of an
    HTML file (``html``), not both, with your own ``id`` if you have one (else a hash of the text)."""

    model_config = ConfigDict(extra="forbid")

    id: Optional[Union[StrictStr, StrictInt]] = Field(
        default=None, description="Your id for the article (an integer is taken as its decimal string); "
                                  "default: a hash of the text.")
    text: Optional[str] = Field(default=None, description="The article text.")
    html: Optional[str] = Field(default=None, description="An HTML page's content (its main text is read).")
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = Field(default=None, pattern=PUBLISHED_RE,
                                     description="YYYY-MM-DD (a timestamp is cut to its date)")
    source: Optional[str] = Field(default=None, description="The outlet's name.")
    language: Optional[str] = Field(default=None, description='Default "en".')

    @field_validator("published")
    @classmethod
    def _real_day(cls, value: Optional[str]) -> Optional[str]:
        from datetime import date

        if value is not None:
            try:
                date.fromisoformat(value[:10])
            except ValueError:
                raise ValueError(f"{value!r} is not a calendar date") from None
        return value

    @model_validator(mode="after")
    def _one_body(self) -> "ArticleIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        body = self.text if self.text is not None else self.html
        if not (body or "").strip():
            raise ValueError("the article is empty")
        return self


class Stored(BaseModel):
    stored: bool = Field(description="False when the article (or its text) was already in the store (nothing new).")
    article_id: str = Field(description="The article's id, as given (or the hash of its text).")
    duplicate_of: Optional[str] = Field(
        default=None, description="When the store holds this text under another id: that id (the document is "
                                  "that article's, and this id now resolves to it).")
    replaced: bool = Field(default=False, description="True when this text replaced a stored one (?replace=true).")
    message: str
    document: Document


for _m in (SituationRelation, ActorProfile, Graph):
    _m.model_rebuild()

# -- errors ---------------------------------------------------------------------------------------------
class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: Optional[dict] = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type",
               422: "invalid_request", 500: "internal_error"}


def _error(status: int, code: str, message: str, headers: Optional[dict] = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for e in err.errors()[:5]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{loc}: {e.get('msg')}" if loc else str(e.get("msg")))
    return "; ".join(parts) or "invalid request"


ERROR_RESPONSES = {s: {"model": ErrorResponse} for s in (400, 404, 422)}
WRITE_RESPONSES = {s: {"model": ErrorResponse} for s in (400, 401, 403, 413, 422)}
STORE_RESPONSES = {**WRITE_RESPONSES, 409: {"model": ErrorResponse}}


# -- the request body limit (plain ASGI, so it also covers chunked bodies) ------------------------------
class BodyLimit:
    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        too_big = _error(413, "payload_too_large",
                         f"the request body is larger than {self.max_bytes} bytes")
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    if int(value) > self.max_bytes:
                        return await too_big(scope, receive, send)
                except ValueError:
                    return await _error(400, "bad_request", "invalid Content-Length")(scope, receive, send)
        chunks, size = [], 0
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            body = msg.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                return await too_big(scope, receive, send)
            chunks.append(body)
            if not msg.get("more_body"):
                break
        data, sent = b"".join(chunks), False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": data, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)


# -- the app -------------------------------------------------------------------------------------------
class _State:
    def __init__(self, db_path: str, token: Optional[str], max_body: int):
        from .store import Store

        self.db_path = db_path
        self.token = token or None
        self.max_body = max_body
        self.lock = threading.RLock()
        self.extract_lock = threading.Lock()
        self.store = Store(db_path)

    @contextmanager
    def db(self) -> Iterator[Any]:
        with self.lock:
            yield self.store

    def article(self, body: ArticleIn):
        """The request body as an :class:`~sitrep.article.Article`, read as a JSONL line is."""
        from .readers.jsonl import record_to_article

        return record_to_article(body.model_dump(exclude_none=True), max_bytes=self.max_body,
                                 origin="upload" if body.html is not None else "api")

    def extract(self, article) -> Document:
        from . import default_pipeline

        with self.extract_lock:
            return default_pipeline()(article)


def _settled(s, plan, article) -> Optional[JSONResponse]:
    """The answer when the store already settles ``article`` (already stored, a duplicate, a conflict:
    409), else None (it is to be extracted and stored)."""
    if plan.conflicts:
        raise ApiError(409, "id_conflict", plan.conflicts[0].reason.replace("Pass --replace", "Pass ?replace=true"))
    if plan.duplicates:
        (d,) = plan.duplicates
        s.record_duplicates([d], drop=plan.drop)
        out = Stored(stored=False, article_id=article.id, duplicate_of=d.duplicate_of, document=s.document(d.duplicate_of),
                     message=f"this text is stored as article {d.duplicate_of!r}; {article.id!r} now resolves to it")
        return JSONResponse(out.model_dump(mode="json"), status_code=200)
    if plan.skipped:
        out = Stored(stored=False, article_id=article.id, document=s.document(article.id),
                     message="this article is already stored")
        return JSONResponse(out.model_dump(mode="json"), status_code=200)
    return None


def _limit(default: int = 50):
    return Query(default, ge=1, le=MAX_LIMIT, description=f"How many (at most {MAX_LIMIT}).")


OFFSET = Query(0, ge=0, le=10_000_000, description="How many to skip.")
DATE_Q = dict(pattern=DATE_RE, description="YYYY-MM-DD")


def create_app(db_path: Union[str, os.PathLike], token: Optional[str] = None, *,
               max_body: int = DEFAULT_MAX_BODY, allowed_hosts: Optional[list[str]] = None) -> FastAPI:
    """The API and dashboard over the store at ``db_path`` (created when missing).

    ``token``: the bearer token of the write endpoints; None reads ``SITREP_TOKEN`` from the environment;
    without one the write endpoints answer 403. ``allowed_hosts``: when given, requests whose Host header
    names another host are refused (400), which defeats DNS rebinding against a server on 127.0.0.1."""
    if token is None:
        token = os.environ.get("SITREP_TOKEN") or None
    state = _State(str(db_path), token, max_body)
    # no /docs or /redoc: FastAPI's pages load Swagger UI from a CDN, and this server works offline
    app = FastAPI(title="sitrep", version=__version__, docs_url=None, redoc_url=None,
                  description="News articles in, a model of a geopolitical situation out. Read endpoints are "
                              "open; POST /extract and POST /articles need `Authorization: Bearer $SITREP_TOKEN`.")
    app.state.sitrep = state

    # errors, in one shape
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _error(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, _HTTP_CODES.get(exc.status_code, "error"), str(exc.detail),
                      getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        return _error(422, "invalid_request", _validation_message(exc))

    @app.exception_handler(QueryError)
    async def _query_error(request: Request, exc: QueryError):
        # the store raises QueryError for bad filters and for names it cannot find; the latter are 404s
        status = 404 if str(exc.message).startswith(("unknown actor '", 'unknown actor "', "no situation event")) \
            else 400
        return _error(status, "not_found" if status == 404 else "bad_query", exc.message)

    @app.exception_handler(ReadError)
    async def _read_error(request: Request, exc: ReadError):
        status = 413 if exc.code == _too_large_code() else 422
        return _error(status, "payload_too_large" if status == 413 else "unreadable_article", exc.message)

    @app.exception_handler(IdConflictError)
    async def _id_conflict(request: Request, exc: IdConflictError):
        return _error(409, "id_conflict", exc.message)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError):
        return _error(503, "store_unavailable", exc.message)

    @app.exception_handler(SitrepError)
    async def _sitrep_error(request: Request, exc: SitrepError):
        return _error(422, "extraction_failed", str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        return _error(500, "internal_error", "internal server error (see the server log)")

    hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        if hosts is not None:
            host = (request.headers.get("host") or "").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if host not in hosts and name not in hosts:
                return _error(400, "bad_host", f"this server does not answer for host {host!r}")
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    def need_token(request: Request) -> None:
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

    # -- reading ----------------------------------------------------------------------------------------
    @app.get("/stats", response_model=Stats, tags=["read"])
    def stats() -> Stats:
        """Row counts of the store, the version and the limits."""
        with state.db() as s:
            counts = s.counts()
        return Stats(version=__version__, counts=counts, writable=bool(state.token), max_body_bytes=state.max_body,
                     max_limit=MAX_LIMIT)

    @app.get("/articles", response_model=Page[ArticleSummary], tags=["read"])
    def articles(limit: int = _limit(), offset: int = OFFSET):
        """Stored articles, newest first."""
        with state.db() as s:
            rows = s.article_list(limit + 1, offset)
        return _page(rows, limit, offset)

    @app.get("/articles/{article_id}", response_model=Document, responses=ERROR_RESPONSES, tags=["read"])
    def article(article_id: str):
        """One stored article's contract document, with its text (every offset refers to it)."""
        with state.db() as s:
            doc = s.document(article_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no article {article_id!r}")
        return doc

    @app.get("/actors", response_model=list[SituationActor], responses=ERROR_RESPONSES, tags=["read"])
    def actors(kind: Optional[str] = None, country: Optional[str] = Query(None, description="ISO 3166 alpha-3"),
               search: Optional[str] = Query(None, max_length=200), limit: int = _limit(100)):
        """Actors across the corpus (one per resolved identity), most reported first."""
        with state.db() as s:
            return s.actors(kind=kind, country=country, search=search, limit=limit)

    @app.get("/actors/{name}", response_model=ActorProfile, responses=ERROR_RESPONSES, tags=["read"])
    def actor(name: str, limit: int = _limit(20)):
        """One actor (by id, name or alias): aliases, roles, relations, events, quotes, every mention."""
        with state.db() as s:
            p = s.actor_profile(name, limit=limit)
            srcs = s.relation_sources([r["relation_id"] for r in p["relations"]])
        p["quotes"] = [_quote(q) for q in p["quotes"]]
        for r in p["relations"]:
            r["sources"] = srcs.get(r["relation_id"], [])
        return p

    @app.get("/events", response_model=Page[SituationEvent], responses=ERROR_RESPONSES, tags=["read"])
    def events(actor: Optional[str] = Query(None, description="An actor id, name or alias."),
               type: Optional[str] = Query(None, description="A PLOVER event type."),
               since: Optional[str] = Query(None, **DATE_Q), until: Optional[str] = Query(None, **DATE_Q),
               place: Optional[str] = Query(None, max_length=200),
               min_sources: Optional[int] = Query(None, ge=0, le=1000),
               limit: int = _limit(), offset: int = OFFSET):
        """Events (reports merged across articles), most recent first; filters as in `sitrep events`."""
        with state.db() as s:
            rows = s.events(actor=actor, type=type, since=since, until=until, place=place,
                            min_sources=min_sources, limit=limit + 1, offset=offset)
        return _page(rows, limit, offset)

    @app.get("/events/{event_id}", response_model=EventDetail, responses=ERROR_RESPONSES, tags=["read"])
    def event(event_id: str):
        """One event with each report (article, outlet, sentence span) and the rule that merged them."""
        with state.db() as s:
            found = s.why(event_id)
            reports = s.event_reports([event_id]).get(event_id, [])
        return {"event": found["event"], "reports": reports, "rule": found["rule"]}

    @app.get("/quotes", response_model=list[QuoteRow], responses=ERROR_RESPONSES, tags=["read"])
    def quotes(speaker: Optional[str] = Query(None, description="An actor id, name or alias."),
               since: Optional[str] = Query(None, **DATE_Q), until: Optional[str] = Query(None, **DATE_Q),
               limit: int = _limit(100)):
        """Quotes with their resolved speakers, newest article first."""
        with state.db() as s:
            return [_quote(q) for q in s.quotes(speaker=speaker, since=since, until=until, limit=limit)]

    @app.get("/claims", response_model=Page[ClaimRow], responses=ERROR_RESPONSES, tags=["read"])
    def claims(article: Optional[str] = None, subject: Optional[str] = Query(None, description="An actor."),
               property: Optional[str] = None, since: Optional[str] = Query(None, **DATE_Q),
               until: Optional[str] = Query(None, **DATE_Q), limit: int = _limit(), offset: int = OFFSET):
        """Quantitative claims (casualties, troops, refugees...), with their sources (period: publication)."""
        with state.db() as s:
            rows = s.claims(article=article, subject=subject, prop=property, limit=limit + 1, offset=offset,
                                since=since, until=until)
        return _page(rows, limit, offset)

    @app.get("/contradictions", response_model=list[ContradictionRow], tags=["read"])
    def contradictions():
        """Contradicting claims, within one article and across articles."""
        with state.db() as s:
            rows = s.contradictions()
            spans = s.claim_spans({(r["article_a"], r["claim_a"]) for r in rows}
                                      | {(r["article_b"], r["claim_b"]) for r in rows})
        for r in rows:
            r["start_a"], r["end_a"] = spans.get((r["article_a"], r["claim_a"]), (None, None))
            r["start_b"], r["end_b"] = spans.get((r["article_b"], r["claim_b"]), (None, None))
        return rows

    @app.get("/graph", response_model=Graph, responses=ERROR_RESPONSES, tags=["read"])
    def graph(at: Optional[str] = Query(None, **DATE_Q),
              min_events: int = Query(1, ge=1, le=10_000, description="Leave out event edges with fewer events.")):
        """The actor graph at a date: relations that held then, and event counts up to it."""
        with state.db() as s:
            return s.graph(at=at, min_events=min_events)

    @app.get("/relations", response_model=list[SituationRelation], responses=ERROR_RESPONSES, tags=["read"])
    def relations(at: Optional[str] = Query(None, **DATE_Q), type: Optional[str] = None):
        """Relations between actors (alliances, memberships, leadership...) that held at a date."""
        with state.db() as s:
            rows = [r for r in s.graph(at=at)["relations"] if not type or r["type"] == type]
            srcs = s.relation_sources([r["relation_id"] for r in rows])
        for r in rows:
            r["sources"] = srcs.get(r["relation_id"], [])
        return rows

    @app.get("/timeline", response_model=list[TimelineItem], responses=ERROR_RESPONSES, tags=["read"])
    def timeline(actor: Optional[str] = Query(None, description="An actor id, name or alias."),
                 type: Optional[str] = Query(None, description="A PLOVER event type or a relation type."),
                 since: Optional[str] = Query(None, **DATE_Q), until: Optional[str] = Query(None, **DATE_Q),
                 limit: int = _limit(200)):
        """Events and relation changes in date order, each with its sources."""
        if type and type.upper() in PLOVER_TYPES:
            type = type.upper()
        with state.db() as s:
            rows = s.timeline(actor=actor, since=since, until=until, limit=None if type else limit)
            if type:
                rows = [r for r in rows if r["type"] == type][:limit]
            ev = s.event_reports([r["id"] for r in rows if r["kind"] == "event"])
            rel = s.relation_sources([r["id"] for r in rows if r["kind"] != "event"])
        for r in rows:
            r["sources"] = ev.get(r["id"], []) if r["kind"] == "event" else rel.get(r["id"], [])
        return rows

    @app.get("/places", response_model=list[PlaceRow], tags=["read"])
    def places(search: Optional[str] = Query(None, max_length=200), limit: int = _limit(MAX_LIMIT)):
        """Places named in the articles (merged by geonames id), with coordinates and event counts."""
        with state.db() as s:
            return s.places(search=search, limit=limit)

    @app.get("/report", response_model=Report, responses=ERROR_RESPONSES, tags=["read"])
    def report(since: Optional[str] = Query(None, **DATE_Q), until: Optional[str] = Query(None, **DATE_Q),
               limit: int = Query(15, ge=1, le=100)):
        """The situation report of a period (as `sitrep report`), with counts by event type."""
        with state.db() as s:
            data = s.report(since=since, until=until, limit=limit)
            data["by_type"] = s.event_counts_by_type(data["period"]["since"], data["period"]["until"])
        return data

    # -- writing ----------------------------------------------------------------------------------------
    @app.post("/extract", response_model=Document, responses=WRITE_RESPONSES, tags=["write"],
              dependencies=[Depends(need_token)])
    def extract(body: ArticleIn):
        """Extract one article's contract document without storing it (the body is a JSONL line's shape;
        the document carries your id)."""
        return state.extract(state.article(body))

    @app.post("/articles", response_model=Stored, status_code=201, responses=STORE_RESPONSES, tags=["write"],
              dependencies=[Depends(need_token)])
    def add_article(body: ArticleIn,
                    replace: bool = Query(False, description="A stored id with another text: replace the stored "
                                                             "article (else 409).")):
        """Extract one article and store it. An article already stored is left as it is (200); a text
        stored under another id is recorded as its duplicate (200, `duplicate_of`); a stored id with
        another text is a 409 (`id_conflict`) unless `?replace=true`."""
        article = state.article(body)
        with state.db() as s:
            answer = _settled(s, s.plan([article], replace=replace), article)
        if answer is not None:
            return answer
        doc = state.extract(article)
        with state.db() as s:
            plan = s.plan([article], replace=replace)  # again: another request may have stored it meanwhile
            answer = _settled(s, plan, article)
            if answer is not None:
                return answer
            s.write_batch([(doc, article.origin)], replace=plan.replace)
            s.refresh_situation(only_if_stale=True)
        replaced = article.id in plan.replace
        return Stored(stored=True, article_id=doc.article.id, document=doc, replaced=replaced,
                      message="stored, replacing the stored article" if replaced else "stored")

    # -- the dashboard ----------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodyLimit, max_bytes=max_body)  # outermost: refuses a large body before anything reads it
    return app


def _too_large_code() -> str:
    from .errors import TooLargeError

    return TooLargeError.code


def _quote(q: dict) -> dict:
    q = dict(q)
    q["start"], q["end"] = q.pop("start_offset", None), q.pop("end_offset", None)
    return q


def _page(rows: list, limit: int, offset: int) -> dict:
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}


def free_port(host: str = "127.0.0.1") -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class BackgroundServer:
    """Uvicorn serving an app in a thread (for browser tests and the screenshot script).

        with BackgroundServer(create_app(db)) as url:  # "http://127.0.0.1:PORT"
            ...
    """

    def __init__(self, app, host: str = "127.0.0.1", port: Optional[int] = None):
        import uvicorn

        self.host, self.port = host, port or free_port(host)
        self.server = uvicorn.Server(uvicorn.Config(app, host=self.host, port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True, name="sitrep-serve")

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> str:
        import time

        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start on {self.url}")
            time.sleep(0.05)
        return self.url

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


__all__ = ["create_app", "BackgroundServer", "free_port", "MAX_LIMIT", "DEFAULT_MAX_BODY"]

if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(create_app(":memory:").openapi(), indent=2))
