"""``parquet``: a directory with one ``TABLE.parquet`` per store table, written by DuckDB's COPY.

A PostgreSQL store's tables are copied into an in-memory DuckDB database of the same schema first (in
chunks), so the files have the same column types whichever backend wrote them."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .files import move_into
from .registry import Format, register

#: rows read from PostgreSQL at a time
CHUNK = 50_000


def _duckdb_mirror(store, tables: list[str]):
    """An in-memory DuckDB database holding ``tables`` of a PostgreSQL store."""
    import duckdb

    from ..situation.dbutil import bulk_insert
    from ..situation.schema import SCHEMA

    mirror = duckdb.connect()
    mirror.execute(SCHEMA)
    for t in tables:
        cols = [r[0] for r in mirror.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [t]).fetchall()]
        cur = store.con.execute(f"SELECT {', '.join(cols)} FROM {t}")  # noqa: S608 - names from the schema
        while rows := cur.fetchmany(CHUNK):
            bulk_insert(mirror, t, rows, cols)
    return mirror


def write_parquet(store, path: Path) -> int:
    """One ``TABLE.parquet`` per store table into the directory ``path``, each replaced atomically."""
    store.refresh_situation(only_if_stale=True)
    tables = [r[0] for r in store.con.execute(store.dialect.tables_sql()).fetchall()
              if all(ch.isalnum() or ch == "_" for ch in r[0])]
    con = _duckdb_mirror(store, tables) if getattr(store, "is_postgres", False) else store.con
    # COPY cannot take its file name as a parameter: write into a directory whose name we made, then move
    work = Path(tempfile.mkdtemp(prefix="sitrep-parquet-"))
    try:
        for t in tables:
            target = work / f"{t}.parquet"
            quoted = target.as_posix().replace("'", "''")
            con.execute(f"COPY (SELECT * FROM {t}) TO '{quoted}' (FORMAT parquet)")  # noqa: S608
            move_into(target, path / f"{t}.parquet")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if con is not store.con:
            con.close()
    return len(tables)


register(Format(name="parquet", suffix="", writer=write_parquet, unit="tables", order=40, directory=True,
                description="a directory with one TABLE.parquet file per store table"))
