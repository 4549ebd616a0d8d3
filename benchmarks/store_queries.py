"""Query latency on a synthetic store of one million situation events.

    PYTHONPATH=src python benchmarks/store_queries.py [--events 1000000] [--repeat 20] [--db PATH] [--json]

The store is generated with DuckDB SQL (no extraction): 100 articles per 1,000 events, 1,000,000
per-article event rows and as many merged situation events and reports, 20,000 actors (a few take
part in most events, as in real event data), quotes, claims, relations. Every query of
:class:`sitrep.store.Store` runs ``--repeat`` times after one warm-up; the script prints p50 and p95
in milliseconds. Target: well under a second each.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def generate(path: Path, n_events: int, n_actors: int = 20_000) -> None:
    from sitrep.situation import count_actor_events
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
        c.execute("UPDATE meta SET value = '0' WHERE key = 'situation_stale'")
        c.execute("COMMIT")


def queries(store) -> dict:
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
        "graph(at=, min_events=5)": lambda: store.graph(at="2024-01-01", min_events=5),
        "why(event)": lambda: store.why("SE777"),
        "report(since=, until=)": lambda: store.report(since="2024-01-01", until="2024-01-31"),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--db", type=Path, default=None, help="Keep the generated store here (reused if it exists).")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from sitrep.store import Store

    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="sitrep-bench-")
        db = Path(tmp.name) / "bench.duckdb"
    t0 = time.perf_counter()
    if not db.exists():
        generate(db, args.events)
    gen = time.perf_counter() - t0
    results = {}
    with Store(db, read_only=True) as store:
        n = store.con.execute("SELECT count(*) FROM s_events").fetchone()[0]
        for name, fn in queries(store).items():
            fn()
            times, cpu = [], []
            for _ in range(args.repeat):
                t, c = time.perf_counter(), time.process_time()
                fn()
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            times.sort()
            results[name] = {"p50_ms": round(statistics.median(times), 1),
                             "p95_ms": round(times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))], 1),
                             "cpu_p50_ms": round(statistics.median(cpu), 1)}
    if args.json:
        print(json.dumps({"events": n, "generate_s": round(gen, 1), "queries": results}, indent=2))
    else:
        print(f"{n:,} situation events (generated in {gen:.1f} s); {args.repeat} runs per query")
        print("wall-clock p50/p95, and the CPU time of this process (all DuckDB threads) at p50")
        print(f"{'query':<32}{'p50 ms':>10}{'p95 ms':>10}{'cpu p50 ms':>12}")
        for name, r in results.items():
            print(f"{name:<32}{r['p50_ms']:>10}{r['p95_ms']:>10}{r['cpu_p50_ms']:>12}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
