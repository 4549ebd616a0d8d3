"""A DuckDB store held by a running ``sitrep serve``: who holds it, and how to reach that server.

DuckDB lets one process write a database file. While ``sitrep serve`` holds a store, it writes
``STORE.server.json`` next to it (:func:`announce`): its URL and process id. ``sitrep ingest`` into that
store then finds the server (:func:`find_server`) and sends its articles to the server's
``POST /articles`` (:func:`send_articles`) with the token from ``SITREP_TOKEN``, or, when it cannot, says
how to (:func:`held_error`). A PostgreSQL store needs none of this: every process writes it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

from ..core.errors import StoreLockedError


def info_path(db: str) -> Path:
    """Where the server holding ``db`` says so."""
    return Path(str(db) + ".server.json")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def find_server(db: str) -> Optional[dict]:
    """The server holding ``db`` (``{"url", "pid", "db"}``), when its info file names a live process."""
    p = info_path(db)
    try:
        info = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict) or not isinstance(info.get("pid"), int) or not info.get("url"):
        return None
    return info if _alive(info["pid"]) else None


def held_error(db: str, err: Exception) -> StoreLockedError:
    """The error of a store another process holds, saying what to do."""
    server = find_server(db)
    if server:
        return StoreLockedError(
            f"{db} is held by `sitrep serve` at {server['url']} (pid {server['pid']}); send articles to it "
            f"with `sitrep ingest PATH --db {db}` and SITREP_TOKEN set to the server's token (they go to its "
            f"POST /articles), stop the server, or use a PostgreSQL store (--db postgresql://...) that "
            f"several processes can write", server=server["url"])
    return StoreLockedError(
        f"{db} is held by another process (DuckDB lets one process write a file: {str(err).splitlines()[0]}); "
        f"wait for it to finish, or use a PostgreSQL store (--db postgresql://...) that several processes "
        f"can write at once")
