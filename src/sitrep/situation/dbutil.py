"""Small SQL helpers shared by the store and the situation tables (DuckDB or PostgreSQL)."""

from __future__ import annotations

from typing import Any, Optional, Sequence

from .dialect import dialect_of


def bulk_insert(con, table: str, rows: Sequence[Sequence[Any]], columns: Optional[Sequence[str]] = None) -> None:
    """Insert many rows in one go, the fastest way the connection's engine has (see
    :meth:`sitrep.situation.dialect.Dialect.bulk_insert`). ``table`` and ``columns`` are fixed names from
    sitrep's own code, never user text; the values travel as parameters."""
    dialect_of(con).bulk_insert(con, table, rows, columns)


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
