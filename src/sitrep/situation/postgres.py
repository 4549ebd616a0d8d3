"""The PostgreSQL connection of a store (psycopg 3 and its pool), with the interface of a DuckDB one.

The store's code talks to ``store.con`` as to a DuckDB connection: ``con.execute(sql, params)`` returns a
cursor to ``fetchone``/``fetchall`` (with its ``description``), and ``BEGIN TRANSACTION``/``COMMIT``/
``ROLLBACK`` are plain statements. :class:`PgConnection` gives a psycopg connection that interface: it
runs in autocommit mode (each statement its own transaction unless the store begins one), turns ``?``
into ``%s`` (:func:`sitrep.situation.dialect.pg_placeholders`), reads JSON columns back as text as DuckDB
does, and adds :meth:`PgConnection.copy_rows` for bulk inserts. :func:`connect` opens one;
:func:`make_pool` a :class:`psycopg_pool.ConnectionPool` of them (the server: one connection per request).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Optional, Sequence

from ..core.errors import StoreError
from .dialect import POSTGRES, pg_placeholders

#: the URL schemes that name a PostgreSQL database
SCHEMES = ("postgresql://", "postgres://")
#: the memory one sort or hash of a store's query may take before it spills to disk (PostgreSQL's default,
#: 4MB, spills the graph's tens of thousands of relations of a million-event store to disk)
WORK_MEM = "32MB"
#: psycopg prepares a statement run this many times, and PostgreSQL then may plan it once for any values (a
#: "generic" plan); sitrep's queries differ by their dates, terms and ids, and a generic plan of the search's
#: term range read 120 ms where a plan for the values read 18: None never prepares (each statement is planned
#: with its values, and a connection pooler in transaction mode has no prepared statements to lose)
PREPARE_THRESHOLD = None


def is_url(target: Any) -> bool:
    """Whether ``--db`` names a PostgreSQL database (a URL) rather than a DuckDB file."""
    return isinstance(target, str) and target.startswith(SCHEMES)


def redact(url: str) -> str:
    """The URL without its password, fit to print."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))


def _driver():
    try:
        import psycopg
    except ImportError:
        raise StoreError("a PostgreSQL store needs psycopg: pip install 'sitrep[postgres]'") from None
    return psycopg


def _configure(raw) -> None:
    """JSON columns come back as text (as DuckDB gives them; the store parses them itself), and sorts
    get :data:`WORK_MEM` (the connection is in autocommit mode: the setting holds for its session)."""
    from psycopg.types.string import TextLoader

    raw.adapters.register_loader("json", TextLoader)
    raw.execute(f"SET work_mem = '{WORK_MEM}'")


def _no_nul(value: Any) -> Any:
    """A parameter fit for PostgreSQL, whose text cannot hold NUL: each NUL becomes U+FFFD (which matches
    nothing stored, as a NUL in DuckDB would)."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if isinstance(value, (list, tuple)):
        return [_no_nul(v) for v in value]
    return value


class PgConnection:
    """A psycopg connection with the part of DuckDB's connection interface the store uses."""

    dialect = POSTGRES

    def __init__(self, raw, on_close=None):
        self.raw = raw
        self._on_close = on_close

    def execute(self, sql: str, params: Optional[Sequence[Any]] = None):
        """Run one statement; returns its cursor (``fetchone``, ``fetchall``, ``description``)."""
        cur = self.raw.cursor()
        if params:
            cur.execute(pg_placeholders(sql), [_no_nul(p) for p in params])
        else:
            cur.execute(sql)
        return cur

    def copy_rows(self, table: str, columns: Optional[Sequence[str]], rows: Sequence[Sequence[Any]]) -> None:
        """Insert ``rows`` into ``table`` with COPY (``table`` and ``columns`` are fixed names)."""
        target = f"{table} ({', '.join(columns)})" if columns else table
        with self.raw.cursor() as cur, cur.copy(f"COPY {target} FROM STDIN") as copy:
            for row in rows:
                copy.write_row([_no_nul(v) for v in row])

    def cursor(self) -> "PgConnection":
        return self

    def close(self) -> None:
        if self._on_close is not None:
            self._on_close(self.raw)
        else:
            self.raw.close()


def connect(url: str, *, read_only: bool = False) -> PgConnection:
    """One connection to the database at ``url`` (a ``postgresql://`` URL); a :class:`StoreError` when
    the server cannot be reached."""
    psycopg = _driver()
    try:
        raw = psycopg.connect(url, autocommit=True, prepare_threshold=PREPARE_THRESHOLD)
    except psycopg.Error as err:
        raise StoreError(f"cannot open database {redact(url)}: {str(err).strip()}") from None
    _configure(raw)
    if read_only:
        raw.execute("SET default_transaction_read_only = on")
    return PgConnection(raw)


def make_pool(url: str, *, min_size: int = 2, max_size: int = 20):
    """A pool of connections to ``url`` for a server (one per request at a time)."""
    _driver()
    from psycopg_pool import ConnectionPool

    pool = ConnectionPool(url, min_size=min_size, max_size=max_size,
                          kwargs={"autocommit": True, "prepare_threshold": PREPARE_THRESHOLD},
                          configure=_configure, open=False)
    pool.open(wait=True, timeout=30)
    return pool


@contextmanager
def pooled(pool) -> Iterator[PgConnection]:
    """A connection of ``pool``, given back at the end."""
    with pool.connection() as raw:
        yield PgConnection(raw, on_close=lambda _: None)
