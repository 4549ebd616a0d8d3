#!/usr/bin/env python3
"""Throughput: the same corpus through (a) the spaCy parse alone (sitrep's nlp stage) and (b) the full
sitrep pipeline, in the same run, with 1 and 2 processes. Prints (b)/(a), articles/s and words/s, and
writes JSON to benchmarks/results/.

    PYTHONPATH=src python benchmarks/throughput.py [--synthetic 500] [--repeat 10] [--processes 1 2]
                                                   [--article-timeout SECONDS]

Targets: (b)/(a) >= 0.6 on one process; >= 1.7x speed-up of (b) with 2 processes.
Each figure is the best of --rounds runs, (a) and (b) alternating. A process pool pays for starting its
workers: on Linux they are forked from this (warmed-up) process and inherit the loaded model, elsewhere
(or with --start-method spawn) each imports spaCy and loads the model, KB and gazetteer itself. That
start-up, estimated from a one-batch run, is reported (and a rough start-up-free speed-up kept in the
JSON; it is only meaningful on an otherwise idle machine). CPU seconds are measured too: on a machine
busy with other work, the CPU ratio of (a) to (b) is the figure to trust.

Both pipelines run with the default time budget per article (supervised worker processes, see
sitrep/supervise.py) unless ``--article-timeout`` says otherwise; ``--article-timeout 0`` turns budgets
off (one process then runs in this process, as before budgets existed), to compare the two: that run
is written to throughput-budget-off-latest.json; run the default once more with
``--result-name throughput-budget-on`` right before or after it for the comparison (README, Limits).
"""

from __future__ import annotations

import argparse
import resource
import time

from _corpus import corpus, machine, write_result

from sitrep.pipeline import Pipeline
from sitrep.stages.nlp import NlpStage


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (pool workers, once joined)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


CPU: dict[tuple[int, int], float] = {}


def timed(pipeline: Pipeline, articles, n_process: int, batch_size: int, start_method=None,
          record: bool = True, article_timeout=None) -> tuple[float, int]:
    """Wall seconds (and failures); the CPU seconds of a full run are kept in ``CPU`` by (pipeline id,
    processes)."""
    t0, c0 = time.perf_counter(), cpu_seconds()
    failures = 0
    for outcome in pipeline.pipe(articles, n_process=n_process, batch_size=batch_size,
                                 start_method=start_method, article_timeout=article_timeout):
        failures += outcome.failure is not None
    wall = time.perf_counter() - t0
    key = (id(pipeline), n_process)
    if record:
        CPU[key] = min(CPU.get(key, float("inf")), cpu_seconds() - c0)
    return wall, failures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=10, help="times the bundled examples are repeated")
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--start-method", choices=["fork", "spawn"], default=None,
                    help="how pool workers start (default: the pipeline's, fork on Linux)")
    ap.add_argument("--article-timeout", type=float, default=None,
                    help="time budget of an article (default: sitrep.limits'; 0: no budget)")
    ap.add_argument("--result-name", default=None,
                    help="results file name (default: throughput, or throughput-budget-off with "
                         "--article-timeout 0; throughput-budget-on for the default budget compared with it)")
    args = ap.parse_args()
    budget = args.article_timeout

    idle = machine()  # the load average before this benchmark adds its own
    articles, info = corpus(args.synthetic, args.repeat)
    parse_only = Pipeline([NlpStage()])
    full = Pipeline()
    # load the models in this process first, so that (a) does not pay for them and (b) not twice
    list(parse_only.pipe(articles[:4], article_timeout=0))
    list(full.pipe(articles[:4], article_timeout=0))

    rows = []
    for n in args.processes:
        ta = tb = float("inf")
        fa = fb = 0
        for _ in range(args.rounds):
            t, fa = timed(parse_only, articles, n, args.batch_size, args.start_method, article_timeout=budget)
            ta = min(ta, t)
            t, fb = timed(full, articles, n, args.batch_size, args.start_method, article_timeout=budget)
            tb = min(tb, t)
        startup = 0.0
        if n > 1:  # a run of one batch per worker: start-up plus a little work
            small = articles[:n * args.batch_size]
            t_small, _ = timed(full, small, n, args.batch_size, args.start_method, record=False,
                               article_timeout=budget)
            startup = max(0.0, t_small - len(small) * tb / len(articles))
        cpu_a, cpu_b = CPU[(id(parse_only), n)], CPU[(id(full), n)]
        rows.append({"processes": n, "parse_s": ta, "full_s": tb, "ratio": ta / tb, "startup_s": startup,
                     "parse_cpu_s": cpu_a, "full_cpu_s": cpu_b, "ratio_cpu": cpu_a / cpu_b if cpu_b else None,
                     "full_steady_articles_s": len(articles) / max(1e-9, tb - startup),
                     "parse_articles_s": len(articles) / ta, "full_articles_s": len(articles) / tb,
                     "parse_words_s": info["words"] / ta, "full_words_s": info["words"] / tb,
                     "failures": fa + fb})
    base = next((r for r in rows if r["processes"] == 1), None)
    for r in rows:
        r["speedup_full"] = base["full_s"] / r["full_s"] if base else None
        r["speedup_full_steady"] = (r["full_steady_articles_s"] / base["full_articles_s"]) if base else None

    print(f"corpus: {info['articles']} articles ({info['examples']} examples x {info['example_repeats']}, "
          f"{info['synthetic']} synthetic), {info['words']} words")
    print(f"{'proc':>4} {'parse art/s':>12} {'full art/s':>11} {'full words/s':>13} {'(b)/(a)':>8} "
          f"{'speed-up':>9} {'start-up s':>11} {'(b)/(a) CPU':>12}")
    for r in rows:
        sp = f"{r['speedup_full']:.2f}x" if r["speedup_full"] else "-"
        print(f"{r['processes']:>4} {r['parse_articles_s']:>12.1f} {r['full_articles_s']:>11.1f} "
              f"{r['full_words_s']:>13.0f} {r['ratio']:>8.2f} {sp:>9} {r['startup_s']:>11.1f} "
              f"{r['ratio_cpu'] or 0:>12.2f}")
    print("(b)/(a) CPU compares CPU seconds (this process and its workers): a fair ratio on a busy machine.")
    from sitrep.pipeline import default_start_method

    # budgets off is kept apart, so that the README's performance table stays the default's; the
    # reliability table (scripts/eval_table.py) compares throughput-budget-on with throughput-budget-off
    name = args.result_name or ("throughput-budget-off" if budget is not None and budget <= 0 else "throughput")
    path = write_result(name, {"corpus": info, "machine": {**machine(), "load_average_1min":
                                                                    idle["load_average_1min"]}, "rows": rows,
                                       "start_method": args.start_method or default_start_method(),
                                       "article_timeout": budget,
                                       "targets": {"ratio_1_process": 0.6, "speedup_2_processes": 1.7}})
    print(f"written: {path}")


if __name__ == "__main__":
    main()
