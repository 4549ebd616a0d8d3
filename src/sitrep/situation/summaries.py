"""The summary tables of the situation (:data:`sitrep.situation.schema.SUMMARY_SCHEMA`), and the counts
they answer.

A store of a million events cannot count them at every dashboard request (PostgreSQL reads every row of
``s_events`` for a ``count(*)``). The situation changes only in :func:`sitrep.situation.merge.rebuild`, so
its last step, :func:`summarise`, recomputes four small tables from the situation tables:

* ``s_event_days``: events per day and PLOVER type (with their reports and how many have several
  sources) -- the event counts of any period (:func:`event_totals`, ``event_counts_by_type``);
* ``s_dyads``: the (source, target, type) actor pairs with at least :data:`DYAD_MIN` events -- the graph's
  edges with ``min_events`` of 2 or more are among them, so it groups their events only;
* ``s_place_names``: the distinct place names of events -- a place filter finds the names that contain
  the user's text there, then the events by the index on ``place_name``;
* ``s_article_days``: articles, quotes (not marked wrong), claims and contradictions per publication day --
  their counts in any period (:func:`article_totals`), which are sums, unlike the distinct actors,
  sources and relations that :func:`live_counts` still counts;
* ``s_actor_days``: for each publication day, the situation actors its articles name, with how many
  articles and mentions -- a period's actors (distinct, and the most named ones of its report) from a
  few thousand rows, not from the per-article actors joined with their articles;
* ``s_totals``: :func:`live_counts` over the whole store, as of the rebuild.

Every reader goes through the store's ``_ready()`` first (a stale situation is rebuilt before it is read),
so a summary is never older than the situation tables it summarises.
"""

from __future__ import annotations

from typing import Optional

from .dbutil import period
from .dialect import dialect_of
from .schema import SUMMARY_TABLES

#: the fewest events of a type an actor pair needs to be kept in ``s_dyads``
DYAD_MIN = 2
#: the keys of ``situation_counts()``, in order
COUNT_KEYS = ("articles", "sources", "actors", "events", "event_reports", "multi_source_events", "quotes",
              "claims", "relations", "contradictions")


def summarise(con) -> None:
    """Recompute every summary table from the situation tables (inside the caller's transaction)."""
    for t in SUMMARY_TABLES:
        con.execute(f"DELETE FROM {t}")  # noqa: S608 - fixed names
    con.execute("""INSERT INTO s_event_days
                   SELECT date, type, count(*), coalesce(sum(n_reports), 0), count(*) FILTER (WHERE n_sources > 1)
                   FROM s_events GROUP BY date, type""")
    con.execute("""INSERT INTO s_dyads
                   SELECT source_entity, target_entity, type, count(*) FROM s_events
                   WHERE source_entity IS NOT NULL AND target_entity IS NOT NULL AND source_entity <> target_entity
                   GROUP BY source_entity, target_entity, type HAVING count(*) >= ?""", [DYAD_MIN])
    con.execute("INSERT INTO s_place_names SELECT DISTINCT place_name FROM s_events WHERE place_name IS NOT NULL")
    con.execute("""INSERT INTO s_article_days
                   WITH q AS (SELECT q.article_id, count(*) AS n FROM quotes q
                              WHERE NOT EXISTS (SELECT 1 FROM s_overrides o WHERE o.fact = 'quote' AND o.wrong
                                                AND o.article_id = q.article_id AND o.fact_id = q.quote_id)
                              GROUP BY q.article_id),
                        c AS (SELECT article_id, count(*) AS n FROM claims GROUP BY article_id),
                        x AS (SELECT article_id, count(*) AS n FROM contradictions GROUP BY article_id),
                        sx AS (SELECT article_b AS article_id, count(*) AS n FROM s_contradictions GROUP BY article_b)
                   SELECT a.published, count(*), coalesce(sum(q.n), 0), coalesce(sum(c.n), 0),
                          coalesce(sum(x.n), 0) + coalesce(sum(sx.n), 0)
                   FROM articles a LEFT JOIN q ON q.article_id = a.id LEFT JOIN c ON c.article_id = a.id
                        LEFT JOIN x ON x.article_id = a.id LEFT JOIN sx ON sx.article_id = a.id
                   GROUP BY a.published""")
    con.execute("""INSERT INTO s_actor_days
                   SELECT a.published, m.entity_id, count(DISTINCT m.article_id),
                          coalesce(sum(json_array_length(x.mentions)), 0)
                   FROM s_actor_map m JOIN articles a ON a.id = m.article_id
                   JOIN actors x ON x.article_id = m.article_id AND x.actor_id = m.actor_id
                   GROUP BY a.published, m.entity_id""")
    totals = live_counts(con, None, None)
    for name in COUNT_KEYS:
        con.execute("INSERT INTO s_totals VALUES (?, ?)", [name, totals[name]])


def event_totals(con, since: Optional[str], until: Optional[str]) -> tuple[int, ...]:
    """Situation events dated in the period (all of them without one), their reports, and those with
    several sources, from ``s_event_days``."""
    return _day_sums(con, "s_event_days", "date", ("n_events", "n_reports", "n_multi_source"), since, until)


def article_totals(con, since: Optional[str], until: Optional[str]) -> tuple[int, ...]:
    """Articles published in the period (all of them without one), their quotes, claims and
    contradictions, from ``s_article_days``."""
    return _day_sums(con, "s_article_days", "published", ("n_articles", "n_quotes", "n_claims", "n_contradictions"),
                     since, until)


def _day_sums(con, table: str, day: str, columns: tuple[str, ...], since: Optional[str],
              until: Optional[str]) -> tuple[int, ...]:
    """The sums of ``columns`` over the rows of the per-day summary ``table`` whose ``day`` is in the
    period (fixed names from this module)."""
    conds, params = period(day, since, until)
    sums = ", ".join(f"CAST(coalesce(sum({c}), 0) AS BIGINT)" for c in columns)
    row = con.execute(f"SELECT {sums} FROM {table} WHERE {' AND '.join(['TRUE', *conds])}", params).fetchone()
    return tuple(int(v) for v in row)


def stored_totals(con) -> Optional[dict[str, int]]:
    """``s_totals`` as ``situation_counts()`` gives it, or None when it was never filled."""
    found = {r[0]: int(r[1]) for r in con.execute("SELECT name, n FROM s_totals").fetchall()}
    if set(found) != set(COUNT_KEYS):
        return None
    return {k: found[k] for k in COUNT_KEYS}


def live_counts(con, since: Optional[str], until: Optional[str]) -> dict[str, int]:
    """How many of each thing the store holds (in a period of publication/event dates): the events from
    ``s_event_days``, the articles' facts from ``s_article_days``, a period's actors from ``s_actor_days``,
    the distinct sources and relations from the tables."""
    dialect = dialect_of(con)
    pub, pp = period("a.published", since, until)
    whole = not pub  # no period: the joins with articles that only filter by date are left out
    pw = " AND ".join(["TRUE", *pub])
    days, dp = period("published", since, until)

    def one(sql: str, p: list) -> int:
        return int(con.execute(sql, p).fetchone()[0] or 0)

    n_articles, n_quotes, n_claims, n_contradictions = article_totals(con, since, until)
    evs = event_totals(con, since, until)
    return {
        "articles": n_articles,
        "sources": one(f"SELECT count(DISTINCT a.source) FROM articles a WHERE {pw}", pp),
        "actors": one("SELECT count(DISTINCT entity_id) FROM s_actor_map", []) if whole else
        one(f"SELECT count(DISTINCT entity_id) FROM s_actor_days WHERE {' AND '.join(['TRUE', *days])}", dp),
        "events": evs[0],
        "event_reports": evs[1],
        "multi_source_events": evs[2],
        "quotes": n_quotes,
        "claims": n_claims,
        "relations": one(f"""SELECT count(DISTINCT r.relation_id) FROM s_relations r,
                             {dialect.json_strings_table('r.articles', 'u')}, articles a
                             WHERE a.id = u.value AND NOT r.negated AND {pw}""", pp),
        "contradictions": n_contradictions,
    }
