"""The HTTP API and the dashboard: ``sitrep serve``.

    from sitrep.api import create_app
    app = create_app("sitrep.duckdb", token="s3cret")     # token=None: read SITREP_TOKEN

Read endpoints query the store (:class:`~sitrep.situation.store.Store`); ``POST /extract`` returns the
contract :class:`~sitrep.contract.Document` of a text without storing it, ``POST /articles`` extracts and
stores. The write endpoints need ``Authorization: Bearer <token>``; with no token configured they are
refused (403). Every error is ``{"error": {"code", "message"}}``. Request bodies are limited in size
(413). The dashboard (``static/``) is served at ``/``.

* :mod:`~sitrep.api.factory` -- :func:`create_app`;
* :mod:`~sitrep.api.routes` -- the endpoints, one module per resource;
* :mod:`~sitrep.api.models` -- request and response models (the OpenAPI document is made from them);
* :mod:`~sitrep.api.errors`, :mod:`~sitrep.api.middleware`, :mod:`~sitrep.api.state`, :mod:`~sitrep.api.params`;
* :mod:`~sitrep.api.server` -- :class:`BackgroundServer` (an app served from a thread, for tests).
"""

from .factory import DEFAULT_MAX_BODY, STATIC_DIR, create_app
from .params import MAX_LIMIT
from .server import BackgroundServer, free_port

__all__ = ["create_app", "BackgroundServer", "free_port", "MAX_LIMIT", "DEFAULT_MAX_BODY", "STATIC_DIR"]
