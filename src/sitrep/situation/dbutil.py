"""Small DuckDB helpers shared by the store and the situation tables."""

from __future__ import annotations

from typing import Any, Optional, Sequence


def bulk_insert(con, table: str, rows: Sequence[Sequence[Any]], columns: Optional[Sequence[str]] = None) -> None:
    """Insert many rows in one statement: one list parameter per column, unnested by DuckDB.

    Far faster than ``executemany``. ``table`` and ``columns`` are fixed names from sitrep's own code,
    never user text; the values travel as parameters."""
    if not rows:
        return
    cols = list(zip(*rows))
    select = ", ".join(f"unnest(${i + 1})" for i in range(len(cols)))
    target = f"{table} ({', '.join(columns)})" if columns else table
    con.execute(f"INSERT INTO {target} SELECT {select}", [list(c) for c in cols])  # noqa: S608


def period(column: str, since: Optional[str], until: Optional[str]) -> tuple[list[str], list]:
    """SQL conditions and parameters keeping ``column`` (a DATE, or text cast to one) within
    [since, until]; either end may be open. ``column`` is a fixed name from sitrep's own code."""
    conds, params = [], []
    if since:
        conds.append(f"{column} >= CAST(? AS DATE)")
        params.append(since)
    if until:
        conds.append(f"{column} <= CAST(? AS DATE)")
        params.append(until)
    return conds, params
