#!/usr/bin/env python3
"""Per-stage time share: runs the full pipeline over the benchmark corpus batch by batch, timing each
stage's ``pipe`` and the final document assembly, so that a slow stage shows itself. Writes JSON.

    PYTHONPATH=src python benchmarks/profile_stages.py [--synthetic 500] [--repeat 10]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

from _corpus import corpus, machine, write_result

from sitrep.core.article import ArticleState
from sitrep.core.batching import chunks as _chunks
from sitrep.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()
    articles, info = corpus(args.synthetic, args.repeat)
    pipe = Pipeline()
    list(pipe.pipe(articles[:2], article_timeout=0))  # load every resource (in this process) before timing
    spent: dict[str, float] = defaultdict(float)
    errors: dict[str, int] = defaultdict(int)
    for batch in _chunks(articles, args.batch_size):
        states = [ArticleState(article=a) for a in batch]
        for stage in pipe.stages:
            t0 = time.perf_counter()
            try:
                states = list(stage.pipe(states))
            except Exception:  # noqa: BLE001 - a failing stage is reported, the profile goes on
                errors[stage.name] += 1
                break
            spent[stage.name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        for st in states:
            try:
                st.to_document()
            except Exception:  # noqa: BLE001
                errors["document"] += 1
        spent["document"] += time.perf_counter() - t0
    total = sum(spent.values())
    n = len(articles)
    print(f"corpus: {n} articles, {info['words']} words; total {total:.1f} s")
    print(f"{'stage':<16} {'seconds':>8} {'share':>7} {'ms/article':>11}")
    rows = []
    for name, s in spent.items():
        rows.append({"stage": name, "seconds": s, "share": s / total if total else 0, "ms_per_article": 1000 * s / n,
                     "failed_batches": errors.get(name, 0)})
        print(f"{name:<16} {s:>8.2f} {100 * s / total:>6.1f}% {1000 * s / n:>11.1f}"
              + (f"  ({errors[name]} failed batches)" if errors.get(name) else ""))
    print(f"written: {write_result('profile_stages', {'corpus': info, 'machine': machine(), 'stages': rows})}")


if __name__ == "__main__":
    main()
