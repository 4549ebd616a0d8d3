"""Run sitrep over N generated hostile articles (sitrep.testing.hostile) and count what happened.

    python benchmarks/hostile.py               # 10,000 articles
    python benchmarks/hostile.py -n 500 -j 2   # fewer, two processes

Prints read / documents / failures by code / over_budget (E202: articles that would have hung, stopped at
their time budget) / workers_lost (E203) / lost ids / crashed, and the time taken; exit 1 when an id is
lost, the run crashed, or read != documents + failures. Results go to
benchmarks/results/hostile-latest.json (with the machine and the commit), which
scripts/eval_table.py puts in the README.
"""

from __future__ import annotations

import argparse
import json
import sys

from _corpus import machine, write_result

from sitrep.testing.hostile import run_corpus


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("-j", "--n-process", type=int, default=1)
    ap.add_argument("--article-timeout", type=float, default=None,
                    help="time budget of an article (default: sitrep.limits'; 0: no budget)")
    args = ap.parse_args(argv)
    idle = machine()  # the load average before the run adds its own
    out = run_corpus(args.n, n_process=args.n_process, article_timeout=args.article_timeout)
    out["processes"] = args.n_process
    out["accounted"] = out["read"] == out["documents"] + sum(out["failures"].values())
    print(json.dumps(out, indent=2))
    write_result("hostile", {**out, "machine": idle})
    return 0 if out["accounted"] and not out["lost"] and not out["crashed"] else 1


if __name__ == "__main__":
    sys.exit(main())
