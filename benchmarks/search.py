"""Search latency (``Store.search``, ``GET /search``, ``sitrep search``) on a synthetic store of 100,000 events.

    PYTHONPATH=src python benchmarks/search.py [--events 100000] [--repeat 30] [--db PATH] [--json]

The store is generated as in ``benchmarks/store_queries.py`` (DuckDB SQL, no extraction), then each event's
sentence is replaced by 24 consecutive words of the bundled example articles taken at a pseudo-random
place (so word frequencies are those of news text), and the search index is built as a rebuild builds it
(:func:`sitrep.situation.search.rebuild_index`). Every query runs ``--repeat`` times after one warm-up;
the script prints p50 and p95 in milliseconds. Target: p95 <= 200 ms for each.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERIES = {  # name -> (text, kind, offset)
    "an actor by full name": ("Actor 1234", None, 0),
    "an actor by alias": ("alias 777", "actor", 0),
    "a prefix (dam)": ("dam", None, 0),
    "a common word (forces)": ("forces", None, 0),
    "two words (rebels aleppo)": ("rebels aleppo", None, 0),
    "three words, events only": ("government forces damascus", "event", 0),
    "a quote's words": ("told reporters", "quote", 0),
    "page 5 of a common word": ("syria", None, 80),
    "nothing found (xyzzy)": ("xyzzy", None, 0),
    "one letter, matched as itself (a)": ("a", None, 0),
}


def words() -> list[str]:
    from sitrep.examples import example_articles

    text = " ".join(a.text for a in example_articles())
    return re.findall(r"\S+", text)


def generate(path: Path, n_events: int) -> None:
    from store_queries import generate as generate_store

    from sitrep.situation.search import rebuild_index
    from sitrep.store import Store

    generate_store(path, n_events, n_actors=max(2_000, n_events // 50))
    ws = words()
    with Store(path) as s:
        c = s.con
        c.execute("BEGIN TRANSACTION")
        c.execute("CREATE TEMP TABLE w AS SELECT unnest(?) AS w, generate_subscripts(?, 1) - 1 AS k", [ws, ws])
        c.execute("""CREATE TEMP TABLE ev AS
                     SELECT e.event_id, string_agg(w.w, ' ' ORDER BY w.k) AS sentence
                     FROM (SELECT event_id, hash(event_id) % (? - 24) AS start FROM s_events) e
                     JOIN w ON w.k >= e.start AND w.k < e.start + 24 GROUP BY e.event_id""", [len(ws)])
        c.execute("UPDATE s_events SET evidence = ev.sentence FROM ev WHERE ev.event_id = s_events.event_id")
        c.execute("""UPDATE quotes SET text = (SELECT string_agg(w.w, ' ' ORDER BY w.k) FROM w
                     WHERE w.k >= hash(quotes.quote_id) % 5000 AND w.k < hash(quotes.quote_id) % 5000 + 16)""")
        rebuild_index(c)
        c.execute("COMMIT")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--db", type=Path, default=None, help="Keep the generated store here (reused if it exists).")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from sitrep.store import Store

    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="sitrep-search-")
        db = Path(tmp.name) / "search.duckdb"
    t0 = time.perf_counter()
    if not db.exists():
        generate(db, args.events)
    gen = time.perf_counter() - t0
    results = {}
    with Store(db, read_only=True) as store:
        n = store.con.execute("SELECT count(*) FROM s_events").fetchone()[0]
        n_terms = store.con.execute("SELECT count(*) FROM s_search_terms").fetchone()[0]
        for name, (text, kind, offset) in QUERIES.items():
            first = store.search(text, kind=kind, offset=offset, limit=20)
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                store.search(text, kind=kind, offset=offset, limit=20)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            results[name] = {"query": text, "kind": kind, "found": first["total"],
                             "p50_ms": round(statistics.median(times), 1),
                             "p95_ms": round(times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))], 1)}
    worst = max(r["p95_ms"] for r in results.values())
    if args.json:
        print(json.dumps({"events": n, "index_terms": n_terms, "generate_s": round(gen, 1), "worst_p95_ms": worst,
                          "queries": results}, indent=2))
    else:
        print(f"{n:,} situation events, {n_terms:,} index rows (generated in {gen:.1f} s); {args.repeat} runs each")
        print(f"{'query':<34}{'found':>8}{'p50 ms':>10}{'p95 ms':>10}")
        for name, r in results.items():
            print(f"{name:<34}{r['found']:>8}{r['p50_ms']:>10}{r['p95_ms']:>10}")
        print(f"worst p95: {worst} ms (target 200 ms)")
    if tmp is not None:
        tmp.cleanup()
    return 0 if worst <= 200 else 1


if __name__ == "__main__":
    sys.exit(main())
