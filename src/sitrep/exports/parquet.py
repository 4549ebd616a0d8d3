"""``parquet``: a directory with one ``TABLE.parquet`` per store table, written by DuckDB's COPY."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .files import move_into
from .registry import Format, register


def write_parquet(store, path: Path) -> int:
    """One ``TABLE.parquet`` per store table into the directory ``path``, each replaced atomically."""
    store.refresh_situation(only_if_stale=True)
    tables = [r[0] for r in store.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' "
        "ORDER BY table_name").fetchall()]
    # COPY cannot take its file name as a parameter: write into a directory whose name we made, then move
    work = Path(tempfile.mkdtemp(prefix="sitrep-parquet-"))
    try:
        for t in tables:
            target = work / f"{t}.parquet"
            if not all(ch.isalnum() or ch == "_" for ch in t):
                continue
            quoted = target.as_posix().replace("'", "''")
            store.con.execute(f"COPY (SELECT * FROM {t}) TO '{quoted}' (FORMAT parquet)")  # noqa: S608
            move_into(target, path / f"{t}.parquet")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return len(tables)


register(Format(name="parquet", suffix="", writer=write_parquet, unit="tables", order=40, directory=True,
                description="a directory with one TABLE.parquet file per store table"))
