"""The API's middleware: the request body limit and the response headers (with the Host check)."""

from __future__ import annotations

from typing import Optional

from fastapi import FastAPI, Request

from .errors import error

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class BodyLimit:
    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        too_big = error(413, "payload_too_large",
                         f"the request body is larger than {self.max_bytes} bytes")
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    if int(value) > self.max_bytes:
                        return await too_big(scope, receive, send)
                except ValueError:
                    return await error(400, "bad_request", "invalid Content-Length")(scope, receive, send)
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


def install_headers(app: FastAPI, allowed_hosts: Optional[list[str]] = None) -> None:
    """Security headers on every response; with ``allowed_hosts``, requests whose Host header names another
    host are refused (400), which defeats DNS rebinding against a server on 127.0.0.1."""
    hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        if hosts is not None:
            host = (request.headers.get("host") or "").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if host not in hosts and name not in hosts:
                return error(400, "bad_host", f"this server does not answer for host {host!r}")
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response
