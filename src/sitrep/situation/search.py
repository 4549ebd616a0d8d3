"""The search index: every actor (by name and alias), event and quote (by text) and place (by name), in
two situation tables rebuilt with the others (:func:`rebuild_index`, called by
:func:`sitrep.situation.merge.rebuild`).

DuckDB's ``fts`` extension is downloaded at run time, which sitrep never does; so the index is a plain
table of terms, ``s_search_terms (term, kind, id, weight)``, sorted by term so that DuckDB's zone maps
skip most of it for a prefix range, and ``s_search_docs (kind, id, label, detail, date, boost)``, what a
hit shows. A term is a run of letters or digits, lower case, accents removed (the same rule in SQL,
:meth:`~sitrep.situation.dialect.Dialect.tokens`, and in Python, :func:`terms`); a few very common English words are not indexed.

The query (:meth:`sitrep.situation.queries.Queries.search`) keeps the things that have every query term
(each of two letters or more also as a prefix: "dam" finds "Damascus"; one letter matches only itself), scored by the weight of the fields
the terms are in (a name weighs more than a sentence), an exact term above a prefix, then by the thing's
``boost`` (how many articles or outlets report it) and its date, newest first.

PostgreSQL fills the same two tables with the same SQL (its dialect splits the terms on ``[^[:alnum:]]``
and defines ``strip_accents``), and keeps ``term`` in the "C" collation under a B-tree index, so a prefix
is an index range scan; both backends answer a search alike.
"""

from __future__ import annotations

import re
import unicodedata

from .dialect import Dialect, dialect_of
from .schema import place_key_sql

#: words too common to be worth indexing (or searching for)
STOP_WORDS = ("a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "had", "has", "have", "he", "s", "t",
              "her", "his", "in", "is", "it", "its", "of", "on", "or", "said", "says", "that", "the", "their",
              "they", "this", "to", "was", "were", "which", "who", "will", "with")


#: the weight of a term by the field it comes from
WEIGHTS = {"name": 3.0, "alias": 2.0, "actor": 2.0, "type": 1.5, "place": 1.5, "text": 1.0}

#: the quotes with their speakers, as corrected (a quote marked wrong is not found)
QUOTES_FROM = """FROM quotes q
    LEFT JOIN s_actor_map m ON m.article_id = q.article_id AND m.actor_id = q.speaker_actor
    LEFT JOIN s_overrides o ON o.fact = 'quote' AND o.article_id = q.article_id AND o.fact_id = q.quote_id
    LEFT JOIN s_actors s ON s.entity_id = CASE WHEN o.speaker_set THEN o.speaker_entity ELSE m.entity_id END
    WHERE NOT coalesce(o.wrong, FALSE)"""

_SPLIT = re.compile(r"[\W_]+", re.UNICODE)


def terms(text: str) -> list[str]:
    """The terms of a query, as the index has them (stop words left out unless nothing else is left)."""
    s = unicodedata.normalize("NFKD", text or "")
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    toks = [t for t in _SPLIT.split(s) if t]
    kept = [t for t in toks if t not in STOP_WORDS]
    return list(dict.fromkeys(kept or toks))


def _fields(d: Dialect) -> list[tuple[str, str, str, str, str]]:
    """(kind, id expression, source table or query, text expression, weight name) of every indexed field."""
    quotes = f"""(SELECT q.article_id || ':' || q.quote_id AS id, q.text,
                        coalesce(s.name, q.speaker_text) AS speaker {QUOTES_FROM}) qs"""
    places = "(SELECT id, label AS name FROM s_search_docs WHERE kind = 'place') ps"
    aliases = f"(SELECT entity_id, {d.json_strings('aliases')} AS alias FROM s_actors) x"
    return [
        ("actor", "entity_id", "s_actors", "name", "name"),
        ("actor", "entity_id", aliases, "alias", "alias"),
        ("event", "event_id", "s_events", "evidence", "text"),
        ("event", "event_id", "s_events", "type", "type"),
        ("event", "event_id", "s_events", "coalesce(source_name, '') || ' ' || coalesce(target_name, '')", "actor"),
        ("event", "event_id", "s_events", "place_name", "place"),
        ("quote", "id", quotes, "text", "text"),
        ("quote", "id", quotes, "speaker", "actor"),
        ("place", "id", places, "name", "name"),
    ]


def rebuild_index(con) -> None:
    """Fill ``s_search_docs`` and ``s_search_terms`` from the situation tables and the quotes (inside the
    caller's transaction, after the other situation tables)."""
    con.execute("DELETE FROM s_search_docs")
    con.execute("DELETE FROM s_search_terms")
    con.execute("""INSERT INTO s_search_docs
        SELECT 'actor', entity_id, name, concat_ws(' · ', kind, country, sector), last_seen,
               ln(1 + coalesce(n_articles, 0)), kind, NULL, NULL, NULL
        FROM s_actors""")
    con.execute("""INSERT INTO s_search_docs
        SELECT 'event', event_id,
               coalesce(source_name, '?') || ' ' || type || coalesce(' ' || target_name, '')
               || coalesce(' in ' || place_name, ''), evidence, date, ln(1 + coalesce(n_sources, 0)), type,
               NULL, NULL, NULL
        FROM s_events""")
    con.execute(f"""INSERT INTO s_search_docs
        SELECT 'quote', q.article_id || ':' || q.quote_id, coalesce(s.name, q.speaker_text, '(unattributed)'),
               q.text, (SELECT published FROM articles a WHERE a.id = q.article_id), 0.0, q.kind, q.article_id,
               q.start_offset, q.end_offset {QUOTES_FROM}""")  # noqa: S608 - fixed SQL
    con.execute(f"""INSERT INTO s_search_docs
        SELECT 'place', place_key, any_value(name), concat_ws(' · ', any_value(feature), any_value(country_code)),
               NULL, ln(1 + count(DISTINCT article_id)), any_value(feature), NULL, NULL, NULL
        FROM (SELECT {place_key_sql(dialect_of(con).word_chars)} AS place_key, *
              FROM places) p
        GROUP BY place_key""")  # noqa: S608 - fixed SQL
    parts = []
    d = dialect_of(con)
    for kind, id_expr, source, text, weight in _fields(d):
        parts.append(f"""SELECT DISTINCT '{kind}' AS kind, {id_expr} AS id, {d.tokens(text)} AS term,
                                 {WEIGHTS[weight]} AS weight FROM {source}""")
    stop = ", ".join(f"'{w}'" for w in STOP_WORDS)
    con.execute(f"""INSERT INTO s_search_terms
        SELECT term, kind, id, max(weight) FROM ({' UNION ALL '.join(parts)}) t
        WHERE length(term) > 0 AND term NOT IN ({stop}) AND id IS NOT NULL
        GROUP BY term, kind, id ORDER BY term, kind, id""")  # noqa: S608 - fixed expressions only


#: the fewest letters a query term needs to match as a prefix too; a shorter one matches only itself
#: ("a" alone would match a sixth of the index, and ranks nothing a reader wants first)
MIN_PREFIX = 2


def prefix_bounds(term: str) -> tuple[str, str]:
    """[low, high): the terms that start with ``term``, or only ``term`` itself when it is shorter than
    :data:`MIN_PREFIX`."""
    return term, term + ("\U0010ffff" if len(term) >= MIN_PREFIX else "\x01")
