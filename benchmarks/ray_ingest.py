#!/usr/bin/env python3
"""Ray throughput: the same corpus through ``ray_pipe`` (Ray Data, an actor pool) at 1 and 2 Ray workers and
through ``Pipeline.pipe(n_process=2)`` (sitrep's own process pool), in one run, after warm-up. Prints
articles/s and the ratio of each Ray figure to the process pool's, and writes JSON to benchmarks/results/.

    PYTHONPATH=src python benchmarks/ray_ingest.py [--synthetic 300] [--repeat 5] [--rounds 2]

Target: 2 Ray workers >= 0.9 of ``pipe(n_process=2)``. Ray runs on a local Ray started here with as many
CPUs as the machine has (one actor a CPU, each actor supervising one worker process, as in ``sitrep ingest
--ray``). What is measured is the steady state: each run is given ``--warm-up`` articles first (the actors
load the models, the process pool forks its workers), and the clock starts when the last of them comes
back; every figure is the best of ``--rounds`` runs. Both paths send documents back to this process and
decode them, as ingest does before the driver writes them. Last, the rate at which one process writes the
documents to DuckDB (the ceiling of a driver that writes everything) is measured too.
"""

from __future__ import annotations

import argparse
import os
import time

from _corpus import corpus, machine, write_result

from sitrep.article import Article
from sitrep.pipeline import Pipeline


def steady_rate(outcomes, warm: int) -> tuple[float, int]:
    """Articles/s after the first ``warm`` outcomes have come back, and the failures among the rest."""
    t0 = None
    n = failures = 0
    for k, outcome in enumerate(outcomes, 1):
        if k == warm:
            t0 = time.perf_counter()
        elif k > warm:
            n += 1
            failures += outcome.failure is not None
    return n / (time.perf_counter() - t0), failures


def store_rate(pipeline: Pipeline, articles: list[Article], batch_size: int) -> float:
    """Documents/s that one driver writes to DuckDB (``Store.write_batch``, one transaction a batch): the
    ceiling of an ingest whose driver writes everything."""
    import tempfile

    from sitrep.situation.store import Store

    docs = [(o.document, None) for o in pipeline.pipe(articles, n_process=2, batch_size=batch_size) if o.ok]
    with tempfile.TemporaryDirectory() as tmp, Store(os.path.join(tmp, "bench.duckdb")) as store:
        t0 = time.perf_counter()
        for k in range(0, len(docs), batch_size):
            store.write_batch(docs[k:k + batch_size])
        return len(docs) / (time.perf_counter() - t0)


def warmed(articles: list[Article], warm: list[Article], tag: str) -> list[Article]:
    """The warm-up articles (fresh ids for each run) followed by the corpus."""
    return [Article(text=a.text, id=f"warm-{tag}-{i}", published=a.published) for i, a in enumerate(warm)] + articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5, help="times the bundled examples are repeated")
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--warm-up", type=int, default=64, help="articles run before the clock starts")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()

    import ray

    from sitrep.distributed import connect, ray_pipe

    idle = machine()
    articles, info = corpus(args.synthetic, args.repeat)
    warm = articles[: args.warm_up]
    pipeline = Pipeline()
    pipeline.warm()
    connect("local", num_cpus=os.cpu_count() or 2)

    runs = {"pipe, 2 processes": lambda arts: pipeline.pipe(arts, n_process=2, batch_size=args.batch_size),
            "Ray, 1 worker": lambda arts: ray_pipe(pipeline, arts, num_workers=1, batch_size=args.batch_size),
            "Ray, 2 workers": lambda arts: ray_pipe(pipeline, arts, num_workers=2, batch_size=args.batch_size)}
    best: dict[str, float] = {}
    failed: dict[str, int] = {}
    for r in range(args.rounds):
        for name, run in runs.items():
            rate, failures = steady_rate(run(warmed(articles, warm, f"{r}-{name}")), len(warm))
            print(f"round {r + 1}: {name}: {rate:.1f} articles/s", flush=True)
            best[name] = max(best.get(name, 0.0), rate)
            failed[name] = failures
    ray.shutdown()
    writes = store_rate(pipeline, articles, args.batch_size)
    print(f"DuckDB, one writer: {writes:.0f} documents/s")

    base = best["pipe, 2 processes"]
    rows = [{"run": name, "workers": 1 if "1 " in name else 2, "articles_s": rate, "ratio_to_pipe": rate / base,
             "failures": failed[name]} for name, rate in best.items()]
    print(f"corpus: {info['articles']} articles, {info['words']} words (+{len(warm)} warm-up each run)")
    for row in rows:
        print(f"{row['run']:<20} {row['articles_s']:>7.1f} articles/s {row['ratio_to_pipe']:>6.2f} of pipe")
    path = write_result("ray_ingest", {"corpus": info, "machine": {**machine(), "load_average_1min":
                                                                 idle["load_average_1min"]},
                                       "ray": ray.__version__, "batch_size": args.batch_size,
                                       "warm_up": len(warm), "rounds": args.rounds, "rows": rows,
                                       "duckdb_writes_s": writes,
                                       "target_ratio": 0.9})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
