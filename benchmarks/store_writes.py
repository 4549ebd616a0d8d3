"""The store's write rate, and the cost of rebuilding the situation, on both backends.

    PYTHONPATH=src python benchmarks/store_writes.py [--docs 2000] [--writers 1 2 4] [--batch 8] [--json]

The documents are those of the bundled example articles (extracted once), copied under new ids with a
distinguishing line added to each text, so every copy is a new article with the facts of a real one. Each
run writes ``--docs`` of them into an empty store with ``Store.write_batch`` (one transaction per batch of
``--batch``, as ``ingest`` does), from ``--writers`` processes at once on PostgreSQL (a temporary server
started with ``pgserver``; DuckDB has one writer), then rebuilds the situation once
(``refresh_situation``: actors resolved, events merged, the search index). Prints documents/s, fact rows/s and the rebuild's seconds; writes
``benchmarks/results/store_writes-latest.json``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _pg import temporary_postgres

RESULTS = Path(__file__).resolve().parent / "results" / "store_writes-latest.json"


def documents(n: int) -> list[str]:
    """``n`` documents as JSON: the examples' documents under new ids, each text made unique."""
    from sitrep import default_pipeline
    from sitrep.examples import example_articles

    pipe = default_pipeline()
    base = [pipe(a) for a in example_articles()]
    out = []
    for i in range(n):
        d = base[i % len(base)].model_copy(deep=True)
        d.article.id = f"copy-{i}"
        d.text = (d.text or "") + f"\n(copy {i})"
        out.append(d.model_dump_json())
    return out


def _write(target: str, docs: list[str], batch: int) -> None:
    from sitrep.core.contract import Document
    from sitrep.store import Store

    with Store(target) as s:
        for k in range(0, len(docs), batch):
            s.write_batch([(Document.model_validate_json(js), None) for js in docs[k:k + batch]])


def run(target: str, docs: list[str], writers: int, batch: int) -> dict:
    from sitrep.store import Store

    Store(target).close()
    chunks = [docs[w::writers] for w in range(writers)]
    t0 = time.perf_counter()
    if writers == 1:
        _write(target, docs, batch)
    else:
        ctx = mp.get_context("spawn")
        procs = [ctx.Process(target=_write, args=(target, c, batch)) for c in chunks]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
    wall = time.perf_counter() - t0
    with Store(target) as s:
        counts = s.counts()
        rows = sum(v for k, v in counts.items() if k not in ("failures", "duplicates"))
        t1 = time.perf_counter()
        s.refresh_situation()
        rebuild = time.perf_counter() - t1
    return {"writers": writers, "docs": counts["articles"], "seconds": round(wall, 2),
            "docs_per_s": round(counts["articles"] / wall, 1), "rows_per_s": round(rows / wall),
            "rebuild_s": round(rebuild, 2)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--writers", type=int, nargs="+", default=[1, 2, 4])
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    docs = documents(args.docs)
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-writes-"))
    out: dict = {"docs": args.docs, "batch": args.batch, "duckdb": [], "postgresql": []}
    try:
        out["duckdb"].append(run(str(tmp / "w.duckdb"), docs, 1, args.batch))
        with temporary_postgres("sitrep-writes-pg-") as server:
            if server is None:
                raise SystemExit("store_writes needs the pgserver package (the test extra)")
            for w in args.writers:
                server.psql(f"CREATE DATABASE writes_{w};")
                out["postgresql"].append(run(server.get_uri(f"writes_{w}"), docs, w, args.batch))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    RESULTS.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"{args.docs} documents, batches of {args.batch}")
    for backend in ("duckdb", "postgresql"):
        for r in out[backend]:
            print(f"{backend:<11} {r['writers']} writer(s): {r['docs_per_s']:>7} documents/s, {r['rows_per_s']:>7} rows/s; "
                  f"rebuild of the situation {r['rebuild_s']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
