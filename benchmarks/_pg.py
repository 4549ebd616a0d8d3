"""A PostgreSQL server of the benchmark's own: pgserver's binaries in a temporary folder, removed after."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from typing import Any, Iterator, Optional


@contextmanager
def temporary_postgres(prefix: str) -> Iterator[Optional[Any]]:
    """A started pgserver server in a new temporary folder (stopped and removed when the block ends), or
    ``None`` when the ``pgserver`` package is not installed."""
    try:
        import pgserver
    except ImportError:
        yield None
        return
    server = pgserver.get_server(tempfile.mkdtemp(prefix=prefix), cleanup_mode="stop")
    try:
        yield server
    finally:
        data = server.pgdata
        server.cleanup()
        shutil.rmtree(data, ignore_errors=True)
