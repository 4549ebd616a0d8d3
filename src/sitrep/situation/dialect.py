"""Every difference between the store's two SQL dialects, DuckDB and PostgreSQL, in one place.

The store, its queries, the situation rebuild, the search index and the corrections write their SQL once,
in the subset both engines share (``?`` placeholders, ``CAST``, ``coalesce``, ``strpos``, ``any_value``,
``ON CONFLICT``...), and ask the connection's dialect (:func:`dialect_of`) for the few expressions that
differ: a value among a list parameter, list aggregates, a map of counts, date formatting, the search
tokeniser, bulk inserts and the DDL.

A PostgreSQL connection (:class:`sitrep.situation.postgres.PgConnection`) translates the ``?``
placeholders to psycopg's ``%s`` (:func:`pg_placeholders`); the PostgreSQL schema is the DuckDB one with
its types spelled for PostgreSQL (:meth:`Dialect.ddl`), plus two helper functions (``strip_accents``,
``try_date``, :data:`PG_FUNCTIONS`) and the indexes of :data:`PG_INDEXES`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Optional, Sequence


class Dialect:
    """DuckDB's SQL (the default, embedded store)."""

    name = "duckdb"
    #: the schema a store's tables live in
    schema_name = "main"

    def any_of(self, column: str) -> str:
        """``column`` is one of the values of a list parameter (``?``)."""
        return f"list_contains(?, {column})"

    def list_has(self, list_column: str, value: str = "?") -> str:
        """A list column holds ``value`` (an expression; by default a parameter)."""
        return f"list_contains({list_column}, {value})"

    def name_has(self, column: str, names_sql: str) -> str:
        """``column`` has a parameter's text (case ignored). ``names_sql``: the distinct values of the
        column that have it (a small subquery, the same parameter), for an engine that then looks the rows
        up by an index; DuckDB scans the column faster."""
        return f"strpos(lower({column}), lower(?)) > 0"

    def list_agg(self, expr: str, order: str) -> str:
        """The values of ``expr`` as a list, in ``order``; an empty list when there are none (use in a
        scalar subquery: ``coalesce((SELECT ...), empty_list)``)."""
        return f"list({expr} ORDER BY {order})"

    empty_list = "[]::VARCHAR[]"

    def count_map(self, key: str, value: str) -> str:
        """An aggregate mapping ``key`` to ``value`` (read back with :func:`as_dict`)."""
        return f"map(list({key}), list({value}))"

    def timestamp_text(self, column: str) -> str:
        """A timestamp as ``YYYY-MM-DD HH:MM:SS``."""
        return f"strftime({column}, '%Y-%m-%d %H:%M:%S')"

    def round(self, expr: str, digits: int) -> str:
        """``expr`` rounded to ``digits`` decimals, as a float."""
        return f"round({expr}, {int(digits)})"

    def try_date(self, expr: str) -> str:
        """``expr`` (text) as a DATE, or NULL when it is not one."""
        return f"TRY_CAST({expr} AS DATE)"

    def json_key_has(self, column: str, key: str) -> str:
        """An element of the JSON array of objects ``column`` has ``key`` equal to a parameter (``?``)."""
        return f"list_contains(CAST(json_extract_string({column}, '$[*].{key}') AS VARCHAR[]), ?)"

    def json_strings(self, column: str) -> str:
        """The strings of a JSON array column, one row each (a set-returning expression)."""
        return f"unnest(CAST({column} AS VARCHAR[]))"

    def json_strings_table(self, column: str, alias: str) -> str:
        """The strings of a JSON array column as a table ``alias(value)`` to join with (in FROM)."""
        return f"unnest(CAST({column} AS VARCHAR[])) {alias}(value)"

    #: what separates two terms of the search index (a regular expression)
    term_split = r"[^\pL\pN]+"
    #: letters and digits of any script, inside a bracket expression of a regular expression
    word_chars = r"\p{L}\p{N}"

    def tokens(self, column: str) -> str:
        """The search terms of a text column, one row each: lower case, accents removed (set-returning)."""
        return f"unnest(regexp_split_to_array(lower(strip_accents(coalesce({column}, ''))), '{self.term_split}'))"

    def ddl(self, sql: str) -> str:
        """The schema's DDL (written in DuckDB's types) in this dialect."""
        return sql

    def situation_lock(self) -> Optional[str]:
        """A statement that makes a transaction the only one to write the situation (None: the engine
        has one writer anyway)."""
        return None

    def tables_sql(self) -> str:
        """The names of the store's tables (one column)."""
        return (f"SELECT table_name FROM information_schema.tables WHERE table_schema = '{self.schema_name}' "
                "AND table_type = 'BASE TABLE' ORDER BY table_name")

    def is_json(self, type_code: Any) -> bool:
        """Whether a result column (its cursor ``description`` type) holds JSON text."""
        return str(type_code).upper() == "JSON"

    def bulk_insert(self, con, table: str, rows: Sequence[Sequence[Any]], columns: Optional[Sequence[str]] = None) -> None:
        """Insert many rows at once: one list parameter per column, unnested by DuckDB (far faster than
        ``executemany``). ``table`` and ``columns`` are fixed names from sitrep's own code."""
        if not rows:
            return
        cols = list(zip(*rows))
        select = ", ".join(f"unnest(${i + 1})" for i in range(len(cols)))
        target = f"{table} ({', '.join(columns)})" if columns else table
        con.execute(f"INSERT INTO {target} SELECT {select}", [list(c) for c in cols])  # noqa: S608


class PostgresDialect(Dialect):
    """PostgreSQL's SQL (psycopg 3)."""

    name = "postgresql"
    schema_name = "public"

    def any_of(self, column: str) -> str:
        return f"{column} = ANY(?)"

    def list_has(self, list_column: str, value: str = "?") -> str:
        return f"{value} = ANY({list_column})"

    def name_has(self, column: str, names_sql: str) -> str:
        # the names as one array (an InitPlan): an index lookup that can be OR-ed with another (a bitmap),
        # where ``IN (subquery)`` under an OR is a filter on every row
        return f"{column} = ANY(ARRAY({names_sql}))"

    def list_agg(self, expr: str, order: str) -> str:
        return f"array_agg({expr} ORDER BY {order})"

    empty_list = "CAST(ARRAY[] AS VARCHAR[])"

    def count_map(self, key: str, value: str) -> str:
        return f"json_object_agg({key}, {value})"

    def timestamp_text(self, column: str) -> str:
        return f"to_char({column}, 'YYYY-MM-DD HH24:MI:SS')"

    def round(self, expr: str, digits: int) -> str:
        return f"CAST(round(CAST({expr} AS NUMERIC), {int(digits)}) AS DOUBLE PRECISION)"

    def try_date(self, expr: str) -> str:
        return f"try_date({expr})"

    def json_key_has(self, column: str, key: str) -> str:
        return f"EXISTS (SELECT 1 FROM json_array_elements({column}) j WHERE j->>'{key}' = ?)"

    def json_strings(self, column: str) -> str:
        return f"json_array_elements_text({column})"

    def json_strings_table(self, column: str, alias: str) -> str:
        return f"json_array_elements_text({column}) {alias}(value)"

    # the database's locale decides what [:alnum:] is: a UTF-8 locale (C.UTF-8, en_US.UTF-8) is needed
    term_split = "[^[:alnum:]]+"
    word_chars = "[:alnum:]"

    def ddl(self, sql: str) -> str:
        sql = re.sub(r"\bDOUBLE\b", "DOUBLE PRECISION", sql)
        # the search terms are compared by code point (prefix ranges), whatever the database's collation
        return sql.replace("s_search_terms (term VARCHAR,", 's_search_terms (term VARCHAR COLLATE "C",')

    def situation_lock(self) -> Optional[str]:
        # held to the end of the rebuild: writers of articles wait (they mark the situation stale), so no
        # article is committed between what the rebuild read and the moment it marks the situation fresh
        return "SELECT value FROM meta WHERE key = 'situation_stale' FOR UPDATE"

    def tables_sql(self) -> str:
        return ("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                "AND table_type = 'BASE TABLE' ORDER BY table_name")

    def is_json(self, type_code: Any) -> bool:
        return type_code == 114  # the json type's oid

    def bulk_insert(self, con, table: str, rows: Sequence[Sequence[Any]], columns: Optional[Sequence[str]] = None) -> None:
        """Insert many rows with COPY (the fastest path into PostgreSQL)."""
        if not rows:
            return
        con.copy_rows(table, columns, rows)


DUCKDB = Dialect()
POSTGRES = PostgresDialect()


def dialect_of(con) -> Dialect:
    """The dialect of a store connection (a DuckDB connection or cursor has none of its own)."""
    return getattr(con, "dialect", DUCKDB)


def as_dict(value: Any) -> dict:
    """A :meth:`Dialect.count_map` value as a dict (DuckDB gives a dict, PostgreSQL JSON text)."""
    if value is None:
        return {}
    if isinstance(value, str):
        import json

        return json.loads(value)
    return dict(value)


@lru_cache(maxsize=4096)
def pg_placeholders(sql: str) -> str:
    """``sql`` with DuckDB's ``?`` placeholders as psycopg's ``%s`` (and a literal ``%`` doubled); a ``?``
    inside a quoted string or identifier is left alone."""
    out, quote = [], None
    for ch in sql:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append("%%" if ch == "%" else ch)
    return "".join(out)


def _accent_table() -> tuple[str, str]:
    """The accented letters of the Latin scripts and Greek, and their bare letters (for ``translate``)."""
    src, dst = [], []
    for cp in list(range(0xC0, 0x250)) + list(range(0x370, 0x400)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base != ch:
            src.append(ch)
            dst.append(base)
    return "".join(src), "".join(dst)


def pg_functions() -> list[str]:
    """The helper functions a PostgreSQL store defines: ``strip_accents`` (as DuckDB's, without the
    ``unaccent`` extension; plain ASCII, the common case, is returned at once) and ``try_date``."""
    src, dst = _accent_table()
    return [
        f"""CREATE OR REPLACE FUNCTION strip_accents(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $$ SELECT CASE WHEN octet_length(t) = char_length(t) THEN t ELSE translate(t, '{src}', '{dst}') END $$""",
        """CREATE OR REPLACE FUNCTION try_date(t text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
            BEGIN RETURN CAST(t AS date); EXCEPTION WHEN others THEN RETURN NULL; END $$""",
    ]


#: PostgreSQL's indexes: the joins of the situation on article and actor, the filters of the dashboard
#: (date, type, actor, place), the search terms' prefix ranges, and one stored copy per text
PG_INDEXES = (
    "CREATE UNIQUE INDEX IF NOT EXISTS articles_text_hash ON articles (text_hash)",
    "CREATE INDEX IF NOT EXISTS articles_published ON articles (published DESC NULLS LAST, ingested_at DESC, id)",
    "CREATE INDEX IF NOT EXISTS duplicates_of ON duplicates (duplicate_of)",
    "CREATE INDEX IF NOT EXISTS failures_article ON failures (article_id)",
    "CREATE INDEX IF NOT EXISTS contradictions_article ON contradictions (article_id)",
    "CREATE INDEX IF NOT EXISTS dates_article ON dates (article_id)",
    "CREATE INDEX IF NOT EXISTS s_actors_name_key ON s_actors (name_key)",
    "CREATE INDEX IF NOT EXISTS s_actors_lower_id ON s_actors (lower(entity_id))",
    "CREATE INDEX IF NOT EXISTS s_actors_alias_keys ON s_actors USING gin (alias_keys)",
    "CREATE INDEX IF NOT EXISTS s_actors_rank ON s_actors (n_articles DESC, n_mentions DESC, name, entity_id)",
    "CREATE INDEX IF NOT EXISTS s_actor_map_entity ON s_actor_map (entity_id)",
    "CREATE INDEX IF NOT EXISTS s_events_date ON s_events (date DESC NULLS LAST, n_sources DESC, event_id)",
    "CREATE INDEX IF NOT EXISTS s_events_source ON s_events (source_entity, date DESC NULLS LAST)",
    "CREATE INDEX IF NOT EXISTS s_events_target ON s_events (target_entity, date DESC NULLS LAST)",
    "CREATE INDEX IF NOT EXISTS s_events_type_date ON s_events (type, date DESC NULLS LAST)",
    "CREATE INDEX IF NOT EXISTS s_events_place ON s_events (place_key)",
    "CREATE INDEX IF NOT EXISTS s_events_place_name ON s_events (place_name)",  # names from s_place_names
    "CREATE INDEX IF NOT EXISTS s_events_dyad ON s_events (source_entity, target_entity, type)",  # the graph
    "CREATE INDEX IF NOT EXISTS s_dyads_n ON s_dyads (n)",
    "CREATE INDEX IF NOT EXISTS s_actor_days_published ON s_actor_days (published, entity_id)",  # a period's actors
    "CREATE INDEX IF NOT EXISTS s_events_sources ON s_events (n_sources, date DESC NULLS LAST)",
    "CREATE INDEX IF NOT EXISTS s_event_reports_event ON s_event_reports (event_id)",
    "CREATE INDEX IF NOT EXISTS s_relations_subject ON s_relations (subject_entity)",
    "CREATE INDEX IF NOT EXISTS s_relations_object ON s_relations (object_entity)",
    "CREATE INDEX IF NOT EXISTS s_search_terms_term ON s_search_terms (term, kind, id)",
    "CREATE INDEX IF NOT EXISTS s_search_terms_kind ON s_search_terms (kind, term, id)",  # a search of one kind
)
