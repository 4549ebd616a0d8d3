"""``sitrep serve``: the HTTP API and the dashboard (:mod:`sitrep.api`) under uvicorn."""

from __future__ import annotations

import os
from typing import Any, Optional

import typer

from .options import ARTICLE_TIMEOUT, DB


def _client_host(host: str) -> str:
    """The address a client on this machine reaches a server bound to ``host`` at."""
    if host in ("0.0.0.0", "::", ""):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def _writes_note(token: Optional[str]) -> str:
    return ("writes enabled (bearer token from SITREP_TOKEN)" if token
            else "read-only: set SITREP_TOKEN to enable POST /extract and POST /articles")


def _serve_processes(db: str, host: str, port: int, workers: int, token: Optional[str], settings: dict) -> None:
    """``sitrep serve --workers N``: uvicorn's N processes, each making its app from the settings passed in
    :data:`~sitrep.api.factory.SERVE_SETTINGS` (a DuckDB file is one process's, so PostgreSQL only)."""
    import json

    import uvicorn

    from ..api.factory import SERVE_SETTINGS
    from ..situation import postgres

    if not postgres.is_url(db):
        raise typer.BadParameter("more than one server process needs a PostgreSQL store (postgresql://...): "
                                 "a DuckDB file is open in one process only", param_hint="--workers")
    os.environ[SERVE_SETTINGS] = json.dumps({"db": db, **settings})
    typer.echo(f"sitrep: serving {postgres.redact(db)} at http://{host}:{port}/ with {workers} processes; "
               + _writes_note(token), err=True)
    uvicorn.run("sitrep.api.factory:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level="info")


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: str = DB,
        host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; 127.0.0.1 keeps it on this machine."),
        port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
        max_body: int = typer.Option(2_000_000, "--max-body", min=1, help="Largest request body in bytes."),
        article_timeout: Optional[float] = ARTICLE_TIMEOUT,
        cache: bool = typer.Option(True, "--cache/--no-cache",
                                   help="Answer repeated reads from memory while the store is unchanged."),
        workers: int = typer.Option(1, "--workers", min=1, max=64,
                                    help="Server processes (a PostgreSQL store only: each has its own connection "
                                         "pool, read cache and extraction worker)."),
    ) -> None:
        """Serve the HTTP API and the dashboard at http://HOST:PORT/ (writes need SITREP_TOKEN)."""
        import uvicorn

        from ..api import create_app  # FastAPI on first use: the CLI starts without it

        token = os.environ.get("SITREP_TOKEN") or None
        loopback = host in ("127.0.0.1", "localhost", "::1")
        # the app's settings, the same for one process and for each of --workers N; on the loopback
        # interface only local names are answered (no DNS rebinding from a web page)
        settings: dict[str, Any] = dict(max_body=max_body, article_timeout=article_timeout, cache=cache,
                                        allowed_hosts=["127.0.0.1", "localhost", "[::1]"] if loopback else None)
        if not loopback:
            typer.echo(f"warning: listening on {host}: the API is reachable from other machines", err=True)
        if workers > 1:
            _serve_processes(db, host, port, workers, token, settings)
            return
        api = create_app(db, token=token, **settings)
        typer.echo(f"sitrep: serving {db} at http://{host}:{port}/ (OpenAPI schema at /openapi.json); "
                   + _writes_note(token), err=True)
        from ..situation.handoff import announce, withdraw

        state = api.state.sitrep
        # a DuckDB store is this process's alone: say where to send articles (`sitrep ingest` finds it)
        if not state.store.is_postgres:
            info = announce(state.store.path, f"http://{_client_host(host)}:{port}")
            state.on_close.append(lambda: withdraw(info))  # at shutdown (uvicorn ends the process on a signal)
        try:
            uvicorn.run(api, host=host, port=port, log_level="info")
        finally:
            state.close()
