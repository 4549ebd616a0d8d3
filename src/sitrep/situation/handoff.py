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


def announce(db: str, url: str) -> Path:
    """Say (next to the store) that this process serves ``db`` at ``url``; returns the file written."""
    p = info_path(db)
    tmp = p.with_suffix(".tmp")
    tmp.write_text(json.dumps({"url": url, "pid": os.getpid(), "db": str(db)}) + "\n", encoding="utf-8")
    os.replace(tmp, p)
    return p


def withdraw(path: Path) -> None:
    """Remove what :func:`announce` wrote (when it is still this process's)."""
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError):
        pass


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
            f"{db} is held by `sitrep serve` at {server['url']} (pid {server['pid']}): `sitrep ingest` sends "
            f"articles to it when SITREP_TOKEN holds the server's token; read the store through the server "
            f"({server['url']}/), stop it, or use a PostgreSQL store (--db postgresql://...) that several "
            f"processes can use at once", server=server["url"])
    return StoreLockedError(
        f"{db} is held by another process (DuckDB lets one process write a file: {str(err).splitlines()[0]}); "
        f"wait for it to finish, or use a PostgreSQL store (--db postgresql://...) that several processes "
        f"can write at once")
