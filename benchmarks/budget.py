#!/usr/bin/env python3
"""What the time budget costs, and what long hostile inputs take.

    PYTHONPATH=src python benchmarks/budget.py [--rounds 3] [--long] [--no-throughput]

(a) Throughput of the full pipeline on the benchmark corpus (the same as throughput.py's) in one
    process: budgets off (``article_timeout=0``: the batches run in this process, as before budgets
    existed) against budgets on (the default: a supervised worker process forked from this one, see
    sitrep/supervise.py), alternating, best of --rounds; wall seconds and CPU seconds (this process and
    its workers). Target: budgets on cost at most 5 % of the throughput. (With several processes the
    workers are supervised either way; compare throughput.py at two commits for that.)
(b) With --long, the hostile inputs of the reliability issue, each beside a good article in one run of
    ``Pipeline().pipe`` with the default budget: wall seconds, the budget, and what came out (a document
    with its warnings, or a failure code and stage).

Writes JSON to benchmarks/results/budget-*.json.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from _corpus import corpus, machine, write_result

from sitrep import limits
from sitrep.core.article import Article
from sitrep.pipeline import Pipeline

WORDS = ("the rebels attacked government forces near Aleppo on Sunday and Russia said it would support Syria "
         "while Turkey condemned the strikes against civilians in Idlib province as officials in Damascus met "
         "envoys from Iran").split()
GOOD = "Rebels seize Aleppo\nSyrian rebels captured Aleppo on Sunday, officials in Damascus said."


def cpu_seconds() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _words(n_chars: int) -> str:
    rng, out, k = random.Random(1), [], 0
    while k < n_chars:
        w = rng.choice(WORDS)
        out.append(w)
        k += len(w) + 1
    return " ".join(out)[:n_chars]


def _said(n_chars: int) -> str:
    rng, out, k = random.Random(2), ["Russia said that"], 0
    while k < n_chars:
        w = rng.choice(["Iran said that", "Turkey warned that", "Syria claimed that", "the rebels threatened to"])
        out.append(w)
        k += len(w) + 1
    return " ".join(out) + " attack Aleppo."


def _and(n_chars: int) -> str:
    rng, out, k = random.Random(3), [], 0
    while k < n_chars:
        w = rng.choice(["Aleppo", "Idlib", "Hama", "Homs", "Russia", "Iran"])
        out.append(w)
        k += len(w) + 5
    return "Rebels attacked " + " and ".join(out)


LONG = {
    "sentence of 200,000 characters without punctuation": lambda: _words(200_000),
    "100,000 quote marks": lambda: " ".join('"' for _ in range(100_000)),
    "100,000 quoted words in one paragraph": lambda: " ".join(
        '"rebels' if i % 2 == 0 else 'attacked"' for i in range(100_000)),
    "30,000 one-word lines": lambda: "\n".join(random.Random(4).choice(WORDS) for _ in range(30_000)),
    "nested reported speech and threats, 20,000 characters": lambda: _said(20_000),
    "nested reported speech and threats, 200,000 characters": lambda: _said(200_000),
    "coordinated names, 200,000 characters": lambda: _and(200_000),
}


def throughput(rounds: int, processes: list[int]) -> list[dict]:
    articles, info = corpus(500, 10)
    pipe = Pipeline()
    list(pipe.pipe(articles[:4], article_timeout=0))   # load the models here first
    rows = []
    for n in processes:
        best: dict[str, tuple[float, float]] = {}
        for _ in range(rounds):
            for label, timeout in (("off", 0), ("on", None)):
                t0, c0 = time.perf_counter(), cpu_seconds()
                ok = sum(o.ok for o in pipe.pipe(articles, n_process=n, article_timeout=timeout))
                wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
                assert ok == len(articles), (label, ok)
                print(f"  {n} process(es), budgets {label}: {wall:.1f} s wall, {cpu:.1f} s CPU", flush=True)
                w, c = best.get(label, (float("inf"), float("inf")))
                best[label] = (min(w, wall), min(c, cpu))
        (w_off, c_off), (w_on, c_on) = best["off"], best["on"]
        rows.append({"processes": n, "articles": len(articles), "words": info["words"],
                     "off_wall_s": w_off, "on_wall_s": w_on, "off_cpu_s": c_off, "on_cpu_s": c_on,
                     "throughput_ratio_wall": w_off / w_on, "throughput_ratio_cpu": c_off / c_on,
                     "articles_s_on": len(articles) / w_on, "articles_s_off": len(articles) / w_off})
    return rows


def long_inputs(names: list[str]) -> list[dict]:
    pipe = Pipeline()
    pipe.warm()
    rows = []
    for name in names:
        text = LONG[name]()
        art = Article(text=text, id="long", published="2024-12-02")
        good = Article(text=GOOD, id="good", published="2024-12-02")
        budget = limits.article_budget(len(text.split()))
        t0 = time.perf_counter()
        outs = {o.article.id: o for o in pipe.pipe([good, art])}
        wall = time.perf_counter() - t0
        o = outs["long"]
        row = {"input": name, "chars": len(text), "budget_s": round(budget, 1), "wall_s": round(wall, 1),
               "good_article_ok": outs["good"].ok}
        if o.ok:
            row.update(outcome="document", events=len(o.document.events), quotes=len(o.document.quotes),
                       warnings=[w[:120] for w in o.document.warnings])
        else:
            row.update(outcome="failure", code=o.failure.code, stage=o.failure.stage, reason=o.failure.reason)
        print(f"  {name}: {row['outcome']} in {wall:.1f} s (budget {budget:.0f} s)", flush=True)
        rows.append(row)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--long", action="store_true", help="also time the long hostile inputs")
    ap.add_argument("--no-throughput", action="store_true")
    ap.add_argument("--result-name", default="budget",
                    help="results file name (budget-throughput keeps a throughput-only run apart from the "
                         "long inputs' budget-latest.json)")
    args = ap.parse_args()
    idle = machine()
    result: dict = {"machine": idle}
    if not args.no_throughput:
        print("throughput, budgets off against on:")
        result["throughput"] = rows = throughput(args.rounds, [1])
        for r in rows:
            print(f"{r['processes']} process(es): budgets on / off throughput {r['throughput_ratio_wall']:.3f} "
                  f"(wall), {r['throughput_ratio_cpu']:.3f} (CPU); {r['articles_s_on']:.1f} articles/s")
    if args.long:
        print("long inputs, each beside a good article, default budget:")
        result["long_inputs"] = long_inputs(list(LONG))
    path = write_result(args.result_name, result)
    print(f"written: {path}")


if __name__ == "__main__":
    main()
