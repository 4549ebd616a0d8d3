"""The app factory: :func:`create_app` puts the API together over one store.

The endpoints live in :mod:`sitrep.api.routes` (one module per resource), their models in
:mod:`sitrep.api.models`, the error shape in :mod:`sitrep.api.errors`, the middleware in
:mod:`sitrep.api.middleware`, the per-app state (store, locks, token) in :mod:`sitrep.api.state`.
"""

from __future__ import annotations

import json
import os
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Optional, Union

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from ..core.version import __version__
from ..pipeline import Pipeline
from . import errors
from .cache import ReadCache
from .middleware import BodyLimit, install_headers
from .routes import actors, articles, corrections, downloads, events, extract, graph, places, report, search, statements, stats
from .state import ApiState

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
DEFAULT_MAX_BODY = 2_000_000          # bytes in a request body

#: the routers, in the order of the OpenAPI document
ROUTERS = (stats, search, articles, actors, events, statements, graph, places, report, corrections, downloads, extract)


#: the environment variable in which ``sitrep serve --workers N`` gives its server processes their settings
SERVE_SETTINGS = "SITREP_SERVE_SETTINGS"


def app_from_environment() -> FastAPI:
    """The app of one server process of ``sitrep serve --workers N`` (uvicorn's factory), made from the
    settings the parent put in :data:`SERVE_SETTINGS` as JSON (``db``, ``max_body``, ``article_timeout``,
    ``cache``, ``allowed_hosts``); the token comes from ``SITREP_TOKEN`` as for one process."""
    raw = os.environ.get(SERVE_SETTINGS)
    if not raw:
        raise RuntimeError(f"{SERVE_SETTINGS} is not set: this factory is for `sitrep serve --workers N`")
    cfg = json.loads(raw)
    return create_app(cfg.pop("db"), **cfg)


def create_app(db_path: Union[str, os.PathLike], token: Optional[str] = None, *,
               max_body: int = DEFAULT_MAX_BODY, allowed_hosts: Optional[list[str]] = None,
               pipeline: Optional[Pipeline] = None, article_timeout: Optional[float] = None,
               cache: bool = True) -> FastAPI:
    """The API and dashboard over the store at ``db_path`` (created when missing).

    ``pipeline`` extracts the articles of ``POST /extract`` and ``POST /articles`` (None: the default
    pipeline), each within its time budget, ``article_timeout`` seconds (None: the default of
    :mod:`sitrep.limits`; 0: none), in a supervised worker process that the app's shutdown stops.

    ``token``: the bearer token of the write endpoints; None reads ``SITREP_TOKEN`` from the environment;
    without one the write endpoints answer 403. ``allowed_hosts``: when given, requests whose Host header
    names another host are refused (400), which defeats DNS rebinding against a server on 127.0.0.1.
    ``cache``: answer repeated reads from :class:`~sitrep.api.cache.ReadCache` while the store is unchanged."""
    if token is None:
        token = os.environ.get("SITREP_TOKEN") or None
    state = ApiState(str(db_path), token, max_body, pipeline=pipeline, article_timeout=article_timeout)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        state.close()  # the extraction worker, the pool's connections (PostgreSQL) and the store

    # no /docs or /redoc: FastAPI's pages load Swagger UI from a CDN, and this server works offline
    app = FastAPI(title="sitrep", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="News articles in, a model of a geopolitical situation out. Read endpoints are "
                              "open; POST /extract, POST /articles and POST /corrections need `Authorization: Bearer $SITREP_TOKEN`.")
    app.state.sitrep = state
    errors.install(app)
    if cache:  # inside the header middleware (added after it): a cached answer gets the host check too
        app.add_middleware(ReadCache, generation=state.generation)
    install_headers(app, allowed_hosts)
    for module in ROUTERS:
        app.include_router(module.router)

    # -- the dashboard ----------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodyLimit, max_bytes=max_body)  # outermost: refuses a large body before anything reads it
    return app
