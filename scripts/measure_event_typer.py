#!/usr/bin/env python3
"""The statistical event typer on and off: news dev (or another split) and PLOVER figures, and the
time of the pipeline over the news texts, for the thresholds of ``data/event_typer.yaml`` or others.

    PYTHONPATH=src python scripts/measure_event_typer.py                       # off, then on
    PYTHONPATH=src python scripts/measure_event_typer.py --veto 0.8 --retype 0.95 --veto-max-conf 0.7
    PYTHONPATH=src python scripts/measure_event_typer.py --split held          # once, at the end

Prints one line per setting: the news event figures, the PLOVER figures and the seconds the news run
took, wall and CPU, in this process (no time budget; off, on, off, on: the difference is the
typer's cost).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time

from sitrep.evaluation.cli import default_data
from sitrep.evaluation.news import evaluate_news
from sitrep.evaluation.plover import evaluate_plover
from sitrep.pipeline import Pipeline
from sitrep.stages.events.typer import EventTyper, load_settings
from sitrep.stages.resources import Resources

NEWS = ("event type precision", "event type recall", "event type+source+target precision",
        "event type+source+target recall")
PLOVER = ("event type accuracy", "mode accuracy", "source accuracy", "target accuracy")


def _fig(m) -> str:
    """A figure with its fraction: ``0.756 (276/365)``."""
    return f"{m.value:.3f} ({m.numerator:.0f}/{m.denominator:.0f})"


def run(on: bool, typer: EventTyper, split: str, plover: bool) -> str:
    """One setting's figures as a line."""
    pipe = Pipeline(stage_config={"events": {"typer": on}}, resources=Resources(event_typer=typer), article_timeout=0)
    pipe.warm()
    cpu = time.process_time()
    news = evaluate_news(default_data("news"), pipeline=pipe, split=split)
    cpu = time.process_time() - cpu
    line = " ".join(_fig(news.metric(n)) for n in NEWS)
    line += f" | news {news.seconds:.1f} s wall, {cpu:.2f} s CPU"
    if plover:
        pl = evaluate_plover(default_data("plover"), pipeline=pipe)
        line += " | plover " + " ".join(_fig(pl.metric(n)) for n in PLOVER)
    return line


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--veto", type=float)
    ap.add_argument("--veto-max-conf", type=float)
    ap.add_argument("--retype", type=float)
    ap.add_argument("--retype-max", type=float)
    ap.add_argument("--only-on", action="store_true")
    ap.add_argument("--no-plover", action="store_true")
    args = ap.parse_args(argv)
    s = load_settings()
    over = {"veto_threshold": args.veto, "veto_max_confidence": args.veto_max_conf,
            "retype_threshold": args.retype, "retype_max_rule_probability": args.retype_max}
    s = dataclasses.replace(s, **{k: v for k, v in over.items() if v is not None})
    typer = EventTyper(s)
    print("news: type P, type R, strict P, strict R | plover: type, mode, source, target")
    for on in ((True,) if args.only_on else (False, True, False, True)):
        print(f"typer {'on ' if on else 'off'} {s}: {run(on, typer, args.split, not args.no_plover)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
