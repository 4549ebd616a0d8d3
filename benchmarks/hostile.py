"""Run sitrep over N generated hostile articles (sitrep.testing.hostile) and count what happened.

    python benchmarks/hostile.py               # 10,000 articles
    python benchmarks/hostile.py -n 500 -j 2   # fewer, two processes

Prints read / documents / failures by code / lost ids / hangs (articles over the time budget are
failures with their own code) and the time taken; exit 1 when an id is lost or an article crashed the
run. Results go to benchmarks/results/hostile-latest.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import sitrep
from sitrep.testing.hostile import generate

RESULTS = Path(__file__).resolve().parent / "results"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("-j", "--n-process", type=int, default=1)
    args = ap.parse_args(argv)
    items = list(generate(args.n))
    t0 = time.perf_counter()
    seen, codes, docs = [], Counter(), 0
    try:
        for o in sitrep.extract_many(items, n_process=args.n_process):
            seen.append(o.article.id)
            if o.failure is not None:
                codes[o.failure.code] += 1
            else:
                docs += 1
        crashed = None
    except Exception as err:  # noqa: BLE001 - the benchmark reports a crash instead of raising it
        crashed = repr(err)
    secs = time.perf_counter() - t0
    lost = len({i["id"] for i in items} - set(seen))
    out = {"read": len(items), "documents": docs, "failures": dict(codes), "lost": lost, "crashed": crashed,
           "seconds": round(secs, 1), "articles_per_s": round(len(seen) / secs, 1) if secs else None}
    print(json.dumps(out, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "hostile-latest.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 1 if lost or crashed else 0


if __name__ == "__main__":
    sys.exit(main())
