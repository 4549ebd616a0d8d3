"""The situation across articles: the store that keeps every document, and the facts merged across them.

* :mod:`~sitrep.situation.store` -- :class:`Store`, on an embedded DuckDB file or a PostgreSQL database
  (:func:`open_store` opens either): opening (and upgrading) it, ingesting articles (read, extract,
  store; idempotent, every id accounted for), writing documents;
* :mod:`~sitrep.situation.dialect` -- every difference between the two SQL dialects;
  :mod:`~sitrep.situation.postgres` -- psycopg connections and pool with DuckDB's interface;
* :mod:`~sitrep.situation.schema` -- the tables, the rows a document becomes, the migrations;
* :mod:`~sitrep.situation.merge` -- one identity per actor, one record per real event, contradictions
  across articles, the actor graph at a date (the ``s_*`` tables, rebuilt after each ingest);
* :mod:`~sitrep.situation.queries` -- the store's read queries (the CLI, the API and the exports use them);
* :mod:`~sitrep.situation.report` -- the situation report rendered for people;
* :mod:`~sitrep.situation.dbutil` -- two SQL helpers (bulk insert, date periods);
* :mod:`~sitrep.situation.handoff` -- a DuckDB store held by ``sitrep serve``, and where to send articles.

The names of :mod:`~sitrep.situation.merge` are re-exported here, where they were before issue #15
(``from sitrep.situation import resolve_actors``); the store is imported from its module (DuckDB loads then).
"""

from .merge import (FACTUAL, FUZZY_MIN_LEN, FUZZY_THRESHOLD, WINDOW_DAYS, Entity, _comparable_days,  # noqa: F401
                    _published_close, count_actor_events, cross_contradictions, effective_date, explain, graph_at,
                    holds_at, merge_events, merged_relations, normalise, rebuild, resolve_actors)
from .schema import SITUATION_SCHEMA, SITUATION_TABLES  # noqa: F401


def open_store(target=None, *, read_only: bool = False):
    """The store ``target`` names: a ``postgresql://`` URL or a DuckDB file (default: ``$SITREP_DB``, else
    ``sitrep.duckdb``); see :func:`sitrep.situation.store.open_store`. DuckDB is imported on this call."""
    from .store import open_store as _open

    return _open(target, read_only=read_only)
