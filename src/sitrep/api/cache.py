"""A cache of the read endpoints' answers, good while the store does not change.

The dashboard asks the same questions again and again (its first page alone makes a dozen requests), and
an answer only changes when the store does. :class:`ReadCache` keeps the body of each successful GET
(by path and query string) with the store's generation (:meth:`sitrep.situation.store.Store.generation`:
every write and rebuild of any process counts one); a request is answered from the cache while the
generation is the same -- one small query instead of the endpoint's queries and the rendering of its
answer. Responses say ``X-Sitrep-Cache: hit`` or ``miss``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable

from anyio import to_thread

#: paths never cached: the dashboard's files (served from disk) and the downloads (large, streamed)
SKIP = ("/static", "/export")


class ReadCache:
    """ASGI middleware: GET answers (status 200, at most ``max_bytes``) kept per (path, query) while
    ``generation()`` (a blocking call, run in a worker thread) returns the same value."""

    def __init__(self, app, generation: Callable[[], int], max_entries: int = 512, max_bytes: int = 2_000_000):
        self.app, self.generation = app, generation
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.entries: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def _cacheable(self, scope) -> bool:
        path = scope.get("path", "")
        return scope["type"] == "http" and scope["method"] == "GET" and path != "/" and not path.startswith(SKIP)

    async def __call__(self, scope, receive, send):
        if not self._cacheable(scope):
            return await self.app(scope, receive, send)
        gen = await to_thread.run_sync(self.generation)
        key = (scope["path"], scope.get("query_string", b""))
        with self.lock:
            hit = self.entries.get(key)
            if hit is not None and hit[0] == gen:
                self.entries.move_to_end(key)
        if hit is not None and hit[0] == gen:
            _, status, headers, body = hit
            await send({"type": "http.response.start", "status": status,
                        "headers": headers + [(b"x-sitrep-cache", b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, self._keeper(send, key, gen))

    def _keeper(self, send, key, gen):
        """``send``, keeping a copy of a successful answer that fits."""
        start: dict = {}
        parts: list[bytes] = []
        size = [0]

        async def keep(message):
            if message["type"] == "http.response.start":
                start.update(message)
                message = {**message, "headers": list(message.get("headers", [])) + [(b"x-sitrep-cache", b"miss")]}
            elif message["type"] == "http.response.body" and start.get("status") == 200 and size[0] <= self.max_bytes:
                body = message.get("body", b"")
                parts.append(body)
                size[0] += len(body)
                if not message.get("more_body") and size[0] <= self.max_bytes:
                    self._store(key, gen, start["status"], list(start.get("headers", [])), b"".join(parts))
            await send(message)

        return keep

    def _store(self, key, gen, status, headers, body) -> None:
        with self.lock:
            self.entries[key] = (gen, status, headers, body)
            self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)
