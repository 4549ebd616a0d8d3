"""Serving an app from a thread: for the browser tests and the screenshot script (``sitrep serve`` runs
uvicorn itself)."""

from __future__ import annotations

import socket
import threading
import time
from typing import Optional


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class BackgroundServer:
    """Uvicorn serving an app in a thread (for browser tests and the screenshot script).

        with BackgroundServer(create_app(db)) as url:  # "http://127.0.0.1:PORT"
            ...
    """

    def __init__(self, app, host: str = "127.0.0.1", port: Optional[int] = None):
        import uvicorn  # only where a server runs: `import sitrep.api` stays without it

        self.app = app
        self.host, self.port = host, port or free_port(host)
        self.server = uvicorn.Server(uvicorn.Config(app, host=self.host, port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True, name="sitrep-serve")

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> str:
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
        state = getattr(getattr(self.app, "state", None), "sitrep", None)
        if state is not None:  # the lifespan is off here: stop the app's extraction worker ourselves
            state.close()
