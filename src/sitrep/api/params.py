"""Query parameters the endpoints share, and the shapes of a page and a quote row."""

from __future__ import annotations

from typing import Any

from fastapi import Query

MAX_LIMIT = 500                       # the largest page a list endpoint returns
GRAPH_LIMIT = 1000                    # /graph: the relations and event edges sent unless asked for more
GRAPH_MAX_LIMIT = 100_000             # /graph: the most that may be asked for
DATE_RE = r"^\d{4}-\d{2}-\d{2}$"


def page_limit(default: int = 50):
    """``limit``: how many rows, at most :data:`MAX_LIMIT`."""
    return Query(default, ge=1, le=MAX_LIMIT, description=f"How many (at most {MAX_LIMIT}).")


OFFSET = Query(0, ge=0, le=10_000_000, description="How many to skip.")
DATE_Q: dict[str, Any] = dict(pattern=DATE_RE, description="YYYY-MM-DD")


def quote(q: dict) -> dict:
    """A quote row of the store with ``start``/``end`` for its offsets, as the other rows have them."""
    q = dict(q)
    q["start"], q["end"] = q.pop("start_offset", None), q.pop("end_offset", None)
    return q


def page(rows: list, limit: int, offset: int) -> dict:
    """One page of ``rows`` (fetched with one row more than ``limit``, to know whether another page follows)."""
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}
