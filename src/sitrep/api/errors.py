"""Every error of the API in one shape, ``{"error": {"code", "message"}}``, with its HTTP status.

:func:`install` maps sitrep's errors (:mod:`sitrep.errors`) and FastAPI's onto it: a bad filter is a 400, a
name the store cannot find a 404, an unreadable article a 422 (413 when too large; ``unsupported_language``
for an article in a language sitrep does not read), an id stored with
another text a 409, a store that cannot be opened a 503, anything unexpected a 500 (details in the log).
"""

from __future__ import annotations

from typing import Any, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..core.errors import (
    IdConflictError, QueryError, ReadError, SitrepError, StoreError, TooLargeError, UnsupportedLanguageError,
    failure_kind,
)
from .models import ErrorResponse


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: Optional[dict] = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type",
               422: "invalid_request", 500: "internal_error"}


def error(status: int, code: str, message: str, headers: Optional[dict] = None) -> JSONResponse:
    """The error response."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for e in err.errors()[:5]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{loc}: {e.get('msg')}" if loc else str(e.get("msg")))
    return "; ".join(parts) or "invalid request"


#: the error responses an endpoint documents: reading, writing, and writing into the store
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {s: {"model": ErrorResponse} for s in (400, 404, 422)}
WRITE_RESPONSES = {s: {"model": ErrorResponse} for s in (400, 401, 403, 413, 422)}
STORE_RESPONSES = {**WRITE_RESPONSES, 409: {"model": ErrorResponse}}


def install(app: FastAPI) -> None:
    """Answer every error of ``app`` in the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        return error(exc.status_code, _HTTP_CODES.get(exc.status_code, "error"), str(exc.detail),
                     getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        return error(422, "invalid_request", _validation_message(exc))

    @app.exception_handler(QueryError)
    async def _query_error(request: Request, exc: QueryError):
        # the store raises QueryError for bad filters and for names it cannot find; the latter are 404s
        status = 404 if str(exc.message).startswith(("unknown actor '", 'unknown actor "', "no situation event",
                                                   "no correction ")) \
            else 400
        return error(status, "not_found" if status == 404 else "bad_query", exc.message)

    @app.exception_handler(ReadError)
    async def _read_error(request: Request, exc: ReadError):
        status = 413 if exc.code == TooLargeError.code else 422
        return error(status, "payload_too_large" if status == 413 else "unreadable_article", exc.message)

    @app.exception_handler(IdConflictError)
    async def _id_conflict(request: Request, exc: IdConflictError):
        return error(409, "id_conflict", exc.message)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError):
        return error(503, "store_unavailable", exc.message)

    @app.exception_handler(SitrepError)
    async def _sitrep_error(request: Request, exc: SitrepError):
        kind = failure_kind(exc.code)  # a failure of the pipeline keeps its code, not its class
        return error(422, kind, exc.message if exc.code == UnsupportedLanguageError.code else str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        return error(500, "internal_error", "internal server error (see the server log)")
