#!/usr/bin/env python3
"""The argument ranker off and on (the package's ``data/arg_ranker.yaml``, or ``--file``): seed, PLOVER,
short dev and news dev figures, and the seconds the news run took.

    PYTHONPATH=src python scripts/measure_arg_ranker.py
    PYTHONPATH=src python scripts/measure_arg_ranker.py --file /tmp/fold.yaml --no-news

The news dev figures with the package's model are in-sample (it was trained on that split): the honest
news figures are the cross-validated ones of ``scripts/cv_arg_ranker.py``. The seed, PLOVER and short
sets are not training data. Development splits only.
"""

from __future__ import annotations

import argparse
import sys
import time

from sitrep.evaluation.cli import default_data
from sitrep.evaluation.news import evaluate_news
from sitrep.evaluation.plover import evaluate_plover
from sitrep.evaluation.seed import evaluate_seed
from sitrep.evaluation.short import evaluate_short
from sitrep.pipeline import Pipeline

NEWS = ("event type precision", "event type recall", "event type+source+target precision",
        "event type+source+target recall")
PLOVER = ("event type accuracy", "source accuracy", "target accuracy")
SHORT = ("top event type acceptable", "top type weighted F1")


def _fig(m) -> str:
    """A figure, with its fraction when it has one."""
    return f"{m.value:.3f}" + (f" ({m.numerator:.0f}/{m.denominator:.0f})" if m.denominator else "")


def run(on: bool, path: str, news: bool) -> str:
    """One setting's figures as a line."""
    cfg = {"ranker": on, "ranker_file": path}
    pipe = Pipeline(stage_config={"events": cfg}, article_timeout=0)
    pipe.warm()
    seed = evaluate_seed(default_data("seed"), pipeline=pipe)
    low = [m.name for m in seed.metrics if m.kind == "ratio" and m.higher_is_better and m.value is not None
           and m.value < 1.0]
    line = "seed " + ("all 1.0" if not low else "below 1.0: " + ", ".join(low))
    pl = evaluate_plover(default_data("plover"), pipeline=pipe)
    line += " | plover " + " ".join(_fig(pl.metric(n)) for n in PLOVER)
    sh = evaluate_short(default_data("short"), pipeline=pipe)
    line += " | short " + " ".join(_fig(sh.metric(n)) for n in SHORT)
    if news:
        t0 = time.perf_counter()
        nw = evaluate_news(default_data("news"), pipeline=pipe)
        line += " | news " + " ".join(_fig(nw.metric(n)) for n in NEWS) + f" ({time.perf_counter() - t0:.1f} s)"
    return line


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--file", default="", help="a ranker file (default: the package's)")
    ap.add_argument("--no-news", action="store_true")
    args = ap.parse_args(argv)
    print("seed | plover: type, source, target | short: top acceptable, weighted F1 | news: type P, type R, strict P, strict R")
    for on in (False, True):
        print(f"ranker {'on ' if on else 'off'}: {run(on, args.file, not args.no_news)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
