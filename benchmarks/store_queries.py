"""Query latency on a synthetic store of one million situation events.

    PYTHONPATH=src python benchmarks/store_queries.py [--events 1000000] [--repeat 20] [--db PATH] [--pg URL]
                                                      [--backend duckdb|postgresql|both] [--json]

On both backends (PostgreSQL: ``--pg URL``, else a temporary server started with ``pgserver``). The
store is generated with SQL (no extraction; :func:`generate` for DuckDB, :func:`generate_pg` for
PostgreSQL): 100 articles per 1,000 events, 1,000,000
per-article event rows and as many merged situation events and reports, 20,000 actors (a few take
part in most events, as in real event data), quotes, claims, relations, and the search index. Every query
the dashboard makes through :class:`sitrep.store.Store` runs ``--repeat`` times after one warm-up; the
script prints p50 and p95 in milliseconds side by side and writes
``benchmarks/results/store_queries-latest.json``. Target (issue #16): p95 <= 150 ms on PostgreSQL.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

from _pg import temporary_postgres

RESULTS = Path(__file__).resolve().parent / "results" / "store_queries-latest.json"

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def generate(path: Path, n_events: int, n_actors: int = 20_000, *, index: bool = False) -> None:
    """A synthetic DuckDB store (``index``: with the search index as well)."""
    from sitrep.situation import count_actor_events
    from sitrep.situation.summaries import summarise
    from sitrep.store import Store

    n_articles = max(n_events // 10, 10)
    with Store(path) as s:
        c = s.con
        c.execute("BEGIN TRANSACTION")
        c.execute("CREATE TEMP TABLE types AS SELECT unnest(?) AS t, generate_subscripts(?, 1) - 1 AS k",
                  [list(TYPES), list(TYPES)])
        c.execute("""INSERT INTO articles SELECT 'a' || i, 'Headline ' || i, 'Outlet ' || (hash(i) % 50),
                       NULL, DATE '2023-01-01' + CAST(hash(i * 7) % 730 AS INTEGER), 'en', NULL,
                       'Headline ' || i || chr(10) || 'Body of article ' || i || '.', '[]', '{}', now(), NULL
                     FROM range(?) r(i)""", [n_articles])
        c.execute("""INSERT INTO s_actors SELECT 'A' || i, 'Actor ' || i, CASE i % 4 WHEN 0 THEN 'state'
                       WHEN 1 THEN 'armed_group' WHEN 2 THEN 'person' ELSE 'organization' END,
                       'C' || chr(65 + CAST(i % 26 AS INTEGER)) || chr(65 + CAST((i // 26) % 26 AS INTEGER)),
                       'GOV', NULL, CASE WHEN i % 3 = 0 THEN 'A' || i END, json_array('Alias ' || i), '[]', NULL,
                       1 + hash(i) % 200, 1 + hash(i) % 900, DATE '2023-01-01', DATE '2024-12-31',
                       'actor ' || i, ['alias ' || i], 0
                     FROM range(?) r(i)""", [n_actors])
        c.execute("""INSERT INTO actors SELECT 'a' || (i // 3), 'X' || (i % 3), 'Actor ' || e, 'state', NULL, NULL,
                       NULL, NULL, NULL, NULL, '[]', '[{"text": "Actor", "start": 0, "end": 5}]'
                     FROM (SELECT i, hash(i * 13) % ? AS e FROM range(?) r(i))""", [n_actors, n_articles * 3])
        c.execute("""INSERT INTO s_actor_map SELECT article_id, actor_id, 'A' || substr(name, 7), 'name'
                     FROM actors""")
        c.execute("""INSERT INTO events SELECT 'a' || (i % ?), 'E' || i, t.t, NULL, '[]', 'X0', 'Actor', 'X1',
                       'Actor', FALSE, 'asserted', NULL, NULL, 0, 10, 'Sentence ' || i, 'verb', 0.8, NULL, '[]'
                     FROM range(?) r(i) JOIN types t ON t.k = r.i % 16""", [n_articles, n_events])
        # few actors take part in most events (as in real event data): the cube of a uniform draw
        c.execute("""INSERT INTO s_events SELECT 'SE' || i, t.t, NULL, '[]',
                       'A' || CAST(floor(pow((hash(i) % 1000003) / 1000003.0, 3) * ?) AS BIGINT), 'Actor',
                       'A' || CAST(floor(pow((hash(i * 3) % 1000003) / 1000003.0, 3) * ?) AS BIGINT), 'Actor',
                       'geo:' || (i % 5000), 'Place ' || (i % 5000), 1.0, 2.0,
                       'SY', i % 5000, DATE '2023-01-01' + CAST(hash(i * 5) % 730 AS INTEGER), NULL, FALSE,
                       'asserted', NULL, 0.8, 1 + i % 3, 1 + i % 4, '["Outlet 1"]', DATE '2023-01-01',
                       DATE '2023-01-02', 'Sentence ' || i, 'single report'
                     FROM range(?) r(i) JOIN types t ON t.k = r.i % 16""", [n_actors, n_actors, n_events])
        c.execute("""INSERT INTO s_event_reports SELECT 'SE' || i, 'a' || (i % ?), 'E' || i, 'Outlet 1',
                       DATE '2023-01-01', NULL, 'Headline', '2023-01-01', 0, 10, 'Sentence ' || i, 'verb',
                       'Actor', 'Actor', 0.8, 'first report' FROM range(?) r(i)""", [n_articles, n_events])
        c.execute("""INSERT INTO quotes SELECT 'a' || (i % ?), 'q' || i, 'X' || (i % 3), 'Actor', 'Quoted words ' || i,
                       0, 10, 'direct', 'said' FROM range(?) r(i)""", [n_articles, n_articles * 2])
        c.execute("""INSERT INTO claims SELECT 'a' || (i % ?), 'C' || i, 'X0', 'people', 'killed', i % 100, NULL,
                       'persons', FALSE, NULL, NULL, NULL, NULL, 0, 5, 'text' FROM range(?) r(i)""",
                  [n_articles, n_articles // 2])
        c.execute("""INSERT INTO s_relations SELECT 'R' || i, 'supported_by', 'A' || (i % ?), 'Actor',
                       'A' || (hash(i) % ?), 'Actor', 'actor', CASE WHEN i % 2 = 0 THEN '2023' END,
                       CASE WHEN i % 5 = 0 THEN '2024-06-01' END, FALSE, 1, 1, DATE '2023-01-01',
                       DATE '2023-01-02', '["a1"]', 'text' FROM range(?) r(i)""", [n_actors, n_actors, n_actors])
        c.execute("""INSERT INTO s_contradictions SELECT 'A1', 'killed', 'a' || i, 'C1', 'a' || (i + 1), 'C2',
                       'Outlet 1', 'Outlet 2', DATE '2023-01-01', DATE '2023-01-01', 'x', 'y', 'reason'
                     FROM range(1000) r(i)""")
        count_actor_events(c)
        if index:
            _index(c)
        summarise(c)
        c.execute("UPDATE meta SET value = '0' WHERE key = 'situation_stale'")
        c.execute("COMMIT")


def generate_pg(url: str, n_events: int, n_actors: int = 20_000) -> None:
    """The same synthetic store as :func:`generate`, in PostgreSQL SQL (``generate_series`` for ``range``,
    ``hashint8`` for ``hash``), then ``ANALYZE`` as after any bulk load."""
    from sitrep.situation import count_actor_events
    from sitrep.situation.summaries import summarise
    from sitrep.store import Store

    n_articles = max(n_events // 10, 10)
    types = "ARRAY[" + ", ".join(f"'{t}'" for t in TYPES) + "]"
    h = "abs(hashint8({}))"  # a stable pseudo-random non-negative integer
    with Store(url) as s:
        c = s.con
        c.execute("BEGIN")
        c.execute(f"""INSERT INTO articles SELECT 'a' || i, 'Headline ' || i, 'Outlet ' || ({h.format('i')} % 50),
                       NULL, DATE '2023-01-01' + CAST({h.format('i * 7')} % 730 AS INTEGER), 'en', NULL,
                       'Headline ' || i || chr(10) || 'Body of article ' || i || '.', '[]', '{{}}', now(),
                       md5('article ' || i)
                     FROM generate_series(0, ? - 1) i""", [n_articles])
        c.execute(f"""INSERT INTO s_actors SELECT 'A' || i, 'Actor ' || i, CASE i % 4 WHEN 0 THEN 'state'
                       WHEN 1 THEN 'armed_group' WHEN 2 THEN 'person' ELSE 'organization' END,
                       'C' || chr(65 + i % 26) || chr(65 + (i / 26) % 26),
                       'GOV', NULL, CASE WHEN i % 3 = 0 THEN 'A' || i END, json_build_array('Alias ' || i), '[]', NULL,
                       1 + {h.format('i')} % 200, 1 + {h.format('i')} % 900, DATE '2023-01-01', DATE '2024-12-31',
                       'actor ' || i, ARRAY['alias ' || i], 0
                     FROM generate_series(0, ? - 1) i""", [n_actors])
        c.execute(f"""INSERT INTO actors SELECT 'a' || (i / 3), 'X' || (i % 3), 'Actor ' || e, 'state', NULL, NULL,
                       NULL, NULL, NULL, NULL, '[]', '[{{"text": "Actor", "start": 0, "end": 5}}]'
                     FROM (SELECT i, {h.format('i * 13')} % ? AS e FROM generate_series(0, ? - 1) i) x""",
                  [n_actors, n_articles * 3])
        c.execute("""INSERT INTO s_actor_map SELECT article_id, actor_id, 'A' || substr(name, 7), 'name'
                     FROM actors""")
        c.execute(f"""INSERT INTO events SELECT 'a' || (i % ?), 'E' || i, ({types})[1 + i % 16], NULL, '[]', 'X0',
                       'Actor', 'X1', 'Actor', FALSE, 'asserted', NULL, NULL, 0, 10, 'Sentence ' || i, 'verb', 0.8,
                       NULL, '[]'
                     FROM generate_series(0, ? - 1) i""", [n_articles, n_events])
        c.execute(f"""INSERT INTO s_events SELECT 'SE' || i, ({types})[1 + i % 16], NULL, '[]',
                       'A' || CAST(floor(pow(({h.format('i')} % 1000003) / 1000003.0, 3) * ?) AS BIGINT), 'Actor',
                       'A' || CAST(floor(pow(({h.format('i * 3')} % 1000003) / 1000003.0, 3) * ?) AS BIGINT), 'Actor',
                       'geo:' || (i % 5000), 'Place ' || (i % 5000), 1.0, 2.0,
                       'SY', i % 5000, DATE '2023-01-01' + CAST({h.format('i * 5')} % 730 AS INTEGER), NULL, FALSE,
                       'asserted', NULL, 0.8, 1 + i % 3, 1 + i % 4, '["Outlet 1"]', DATE '2023-01-01',
                       DATE '2023-01-02', 'Sentence ' || i, 'single report'
                     FROM generate_series(0, ? - 1) i""", [n_actors, n_actors, n_events])
        c.execute("""INSERT INTO s_event_reports SELECT 'SE' || i, 'a' || (i % ?), 'E' || i, 'Outlet 1',
                       DATE '2023-01-01', NULL, 'Headline', '2023-01-01', 0, 10, 'Sentence ' || i, 'verb',
                       'Actor', 'Actor', 0.8, 'first report' FROM generate_series(0, ? - 1) i""", [n_articles, n_events])
        c.execute("""INSERT INTO quotes SELECT 'a' || (i % ?), 'q' || i, 'X' || (i % 3), 'Actor', 'Quoted words ' || i,
                       0, 10, 'direct', 'said' FROM generate_series(0, ? - 1) i""", [n_articles, n_articles * 2])
        c.execute("""INSERT INTO claims SELECT 'a' || (i % ?), 'C' || i, 'X0', 'people', 'killed', i % 100, NULL,
                       'persons', FALSE, NULL, NULL, NULL, NULL, 0, 5, 'text' FROM generate_series(0, ? - 1) i""",
                  [n_articles, n_articles // 2])
        c.execute(f"""INSERT INTO s_relations SELECT 'R' || i, 'supported_by', 'A' || (i % ?), 'Actor',
                       'A' || ({h.format('i')} % ?), 'Actor', 'actor', CASE WHEN i % 2 = 0 THEN '2023' END,
                       CASE WHEN i % 5 = 0 THEN '2024-06-01' END, FALSE, 1, 1, DATE '2023-01-01',
                       DATE '2023-01-02', '["a1"]', 'text' FROM generate_series(0, ? - 1) i""",
                  [n_actors, n_actors, n_actors])
        c.execute("""INSERT INTO s_contradictions SELECT 'A1', 'killed', 'a' || i, 'C1', 'a' || (i + 1), 'C2',
                       'Outlet 1', 'Outlet 2', DATE '2023-01-01', DATE '2023-01-01', 'x', 'y', 'reason'
                     FROM generate_series(0, 999) i""")
        count_actor_events(c)
        _index(c)
        summarise(c)
        c.execute("UPDATE meta SET value = '0' WHERE key = 'situation_stale'")
        c.execute("COMMIT")
        c.execute("ANALYZE")


def _index(con) -> None:
    """The search index, as a rebuild makes it (quotes and places included)."""
    from sitrep.situation.search import rebuild_index

    rebuild_index(con)


def queries(store) -> dict:
    """The queries the dashboard makes, with its parameters (the graph: the strongest ``GRAPH_LIMIT``
    relations and event edges, as ``GET /graph`` sends by default)."""
    from sitrep.api.params import GRAPH_LIMIT

    return {
        "actors()": lambda: store.actors(limit=50),
        "actors(search=)": lambda: store.actors(search="actor 1234", limit=50),
        "actor_profile(name)": lambda: store.actor_profile("Actor 42"),
        "events()": lambda: store.events(limit=100),
        "events(actor=)": lambda: store.events(actor="Actor 42", limit=100),
        "events(type=, since=, until=)": lambda: store.events(type="ASSAULT", since="2024-01-01",
                                                              until="2024-03-31", limit=100),
        "events(place=)": lambda: store.events(place="Place 123", limit=100),
        "events(min_sources=4)": lambda: store.events(min_sources=4, limit=100),
        "quotes(speaker=)": lambda: store.quotes(speaker="Actor 42", limit=100),
        "contradictions()": lambda: store.contradictions(),
        "timeline(actor=)": lambda: store.timeline(actor="Actor 42"),
        f"graph(at=, min_events=5, limit={GRAPH_LIMIT})": lambda: store.graph(at="2024-01-01", min_events=5,
                                                                            limit=GRAPH_LIMIT),
        "why(event)": lambda: store.why("SE777"),
        "report(since=, until=)": lambda: store.report(since="2024-01-01", until="2024-01-31"),
        "situation_counts()": lambda: store.situation_counts(),
        "event_counts_by_type()": lambda: store.event_counts_by_type(),
        "timeline_histogram(week)": lambda: store.timeline_histogram(bucket="week", actor="Actor 42"),
        "places()": lambda: store.places(limit=100),
        "article_list()": lambda: store.article_list(50),
        "claims()": lambda: store.claims(limit=50),
        "search(1234)": lambda: store.search("1234"),
        "search(actor 1234)": lambda: store.search("actor 1234", kind="actor"),
    }


def measure(store, repeat: int) -> dict:
    """p50/p95 (wall clock) and the CPU time at p50 of every query, after one warm-up run."""
    results = {}
    for name, fn in queries(store).items():
        fn()
        times, cpu = [], []
        for _ in range(repeat):
            t, c = time.perf_counter(), time.process_time()
            fn()
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        times.sort()
        results[name] = {"p50_ms": round(statistics.median(times), 1),
                         "p95_ms": round(times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))], 1),
                         "cpu_p50_ms": round(statistics.median(cpu), 1)}
    return results


def run_duckdb(db: Optional[Path], n_events: int, repeat: int) -> dict:
    from sitrep.store import Store

    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        db = db or Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        if not db.exists():
            generate(db, n_events, index=True)
        gen = time.perf_counter() - t0
        with Store(db, read_only=True) as store:
            n = store.con.execute("SELECT count(*) FROM s_events").fetchone()[0]
            return {"events": n, "generate_s": round(gen, 1), "queries": measure(store, repeat)}


def run_pg(url: Optional[str], n_events: int, repeat: int) -> Optional[dict]:
    """On the database at ``url`` (generated there when empty), else on a temporary pgserver."""
    from sitrep.store import Store

    with contextlib.ExitStack() as stack:
        if url is None:
            server = stack.enter_context(temporary_postgres("sitrep-bench-pg-"))
            if server is None:
                return None
            server.psql("CREATE DATABASE bench;")
            url = server.get_uri("bench")
        t0 = time.perf_counter()
        with Store(url) as s:
            empty = s.counts()["articles"] == 0
        if empty:
            generate_pg(url, n_events)
        gen = time.perf_counter() - t0
        with Store(url, read_only=True) as store:
            n = store.con.execute("SELECT count(*) FROM s_events").fetchone()[0]
            return {"events": n, "generate_s": round(gen, 1), "queries": measure(store, repeat)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--db", type=Path, default=None, help="Keep the DuckDB store here (reused if it exists).")
    ap.add_argument("--pg", default=None, help="A PostgreSQL database URL (generated there when empty); "
                                               "default: a temporary server started with pgserver.")
    ap.add_argument("--backend", choices=("duckdb", "postgresql", "both"), default="both")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    out = {}
    if args.backend in ("duckdb", "both"):
        out["duckdb"] = run_duckdb(args.db, args.events, args.repeat)
    if args.backend in ("postgresql", "both"):
        pg = run_pg(args.pg, args.events, args.repeat)
        if pg is not None:
            out["postgresql"] = pg
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    names = list(next(iter(out.values()))["queries"])
    for b, r in out.items():
        print(f"{b}: {r['events']:,} situation events (generated in {r['generate_s']} s); {args.repeat} runs per query")
    print("wall-clock p50/p95 in ms, and the CPU time of this process at p50")
    head = "".join(f"{b + ' p50':>16}{'p95':>8}{'cpu':>8}" for b in out)
    print(f"{'query':<40}{head}")
    for name in names:
        cells = "".join(f"{r['queries'][name]['p50_ms']:>16}{r['queries'][name]['p95_ms']:>8}"
                        f"{r['queries'][name]['cpu_p50_ms']:>8}" for r in out.values())
        print(f"{name:<40}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
