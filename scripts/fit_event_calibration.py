"""Fit the events stage's confidence calibration on the news dev split.

    PYTHONPATH=src python scripts/fit_event_calibration.py [--data eval/news] [--method logistic|isotonic]
        [--features raw,source,target,both] [--l2 1.0] [--min-raw-weight 0.5] [--folds 3] [--repeats 20]
        [--out src/sitrep/data/event_calibration.yaml]

Runs the pipeline with the raw rule-based confidence (events ``calibrate: false``) over the dev split
(``eval/news/splits.json``; never the held split) and pairs each predicted event's features with its
strict correctness as ``sitrep eval news`` scores it (type, source and target in the right sentence).

Two methods are fitted and compared by **repeated k-fold cross-validation by article** (``--folds``
folds of whole articles, ``--repeats`` seeded shuffles; a fold is about the size of the held split):
the decision measure is the mean expected calibration error of the held-out folds (``ece_cv``), with
the Brier score beside it (an ECE alone rewards a constant). ``logistic`` (:func:`fit_logistic`: a few
event features, an L2 penalty, the weight of the raw score kept at least ``--min-raw-weight`` so that
the raw order of reports of one act is kept) generalises better than ``isotonic`` (a table on the raw
score alone, blocks of at least ``--min-block`` events), which fits the dev split and not the next one.
``--plover PATH`` adds the PLOVER GSR sentences' top events to every training fold (never to a test
fold); it makes the news cross-validation worse (their events are judged on one coded event per
sentence and are right twice as often), so it is off.
The chosen model is fitted on the whole dev split and written as data; the stage reads it. Everything
is deterministic (seed ``SEED``).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Callable, Sequence

import yaml

from sitrep.evaluation.matching import run_pipeline
from sitrep.evaluation.news import _Tally, expected_calibration_error, load_gold, score_events
from sitrep.pipeline import Pipeline
from sitrep.stages.events.calibration import (FEATURES, calibrate, feature_vector, fit_isotonic, fit_logistic,
                                              logistic)

SEED = 14
#: one event: its features (every name of FEATURES, in order) and whether it is strictly right
Row = tuple[list[float], bool]
#: a fitted model: the confidence of a feature row
Model = Callable[[list[float]], float]
NAMES = list(FEATURES)


def article_rows(data: str) -> list[list[Row]]:
    """Per dev article, (features, strictly right) of every predicted event."""
    golds, _ = load_gold(data, split="dev")
    pipe = Pipeline(stage_config={"events": {"calibrate": False}})
    docs, _, _ = run_pipeline([g.article() for g in golds], pipeline=pipe)
    out = []
    for gold, doc in zip(golds, docs):
        t = _Tally()
        rows: list[Row] = []
        if doc is not None:
            score_events(gold, doc, t)
            # score_events appends one (confidence, right) per predicted event, in the document's order
            rows = [(feature_vector(e, NAMES), ok) for e, (_, ok) in zip(doc.events, t.calibration)]
        out.append(rows)
    return out


class _Row:
    """A feature row read as an event (the shape :data:`FEATURES` reads)."""

    def __init__(self, x: list[float]):
        v = dict(zip(NAMES, x))
        self.confidence = v["raw"]
        self.source = object() if v["source"] else None
        self.target = object() if v["target"] else None
        self.modality = "future" if v["announced"] else "asserted"


def logistic_fitter(features: Sequence[str], l2: float, min_raw: float) -> Callable[[list[Row]], tuple[Model, dict]]:
    """Fit a logistic model on ``features`` (its weights are the table's ``weights``)."""
    cols = [NAMES.index(f) for f in features]

    def fit(rows: list[Row]) -> tuple[Model, dict]:
        weights = fit_logistic([[x[i] for i in cols] for x, _ in rows], [ok for _, ok in rows], list(features),
                               l2=l2, min_raw_weight=min_raw)
        return (lambda x: logistic(_Row(x), weights)), {"weights": weights}
    return fit


def isotonic_fitter(min_block: int) -> Callable[[list[Row]], tuple[Model, dict]]:
    """Fit an isotonic table on the raw score (its points are the table's ``points``)."""
    raw = NAMES.index("raw")

    def fit(rows: list[Row]) -> tuple[Model, dict]:
        points = fit_isotonic([(x[raw], ok) for x, ok in rows], min_block=min_block)
        return (lambda x: calibrate(x[raw], points)), {"points": [[a, b] for a, b in points]}
    return fit


def scored(model: Model, rows: list[Row]) -> list[tuple[float, bool]]:
    return [(model(x), ok) for x, ok in rows]


def brier(pairs: list[tuple[float, bool]]) -> float:
    return sum((c - ok) ** 2 for c, ok in pairs) / len(pairs)


def plover_rows(path: str) -> list[Row]:
    """The top event of each PLOVER GSR sentence (the one event its gold codes), right when type,
    source and target agree as ``sitrep eval plover`` judges them (``--plover``: extra training data)."""
    from sitrep.core.article import Article
    from sitrep.evaluation.matching import DocActors
    from sitrep.evaluation.plover import actor_matches, load_gold as load_plover, top_event

    gold = load_plover(path)
    pipe = Pipeline(stage_config={"events": {"calibrate": False}})
    docs, _, _ = run_pipeline([Article(text=g.text, id=g.id, published=g.date) for g in gold], pipeline=pipe)
    rows: list[Row] = []
    for g, doc in zip(gold, docs):
        ev = top_event(doc)
        if ev is None:
            continue
        acts = DocActors(doc)
        ok = ev.type == g.type and all(not want or any(actor_matches(a, got, acts) for a in want)
                                       for want, got in ((g.sources, ev.source), (g.targets, ev.target)))
        rows.append((feature_vector(ev, NAMES), ok))
    return rows


def cross_validate(per_article: list[list[Row]], fit, folds: int, repeats: int,
                   extra: Sequence[Row] = ()) -> dict[str, float]:
    """Mean ECE and Brier score of the held-out folds over ``repeats`` seeded k-fold splits by article
    (each fold scored on its own, as a held split would be); ``extra`` rows join every training fold,
    never a test fold."""
    eces, briers = [], []
    for r in range(repeats):
        order = list(range(len(per_article)))
        random.Random(SEED + r).shuffle(order)
        for k in range(folds):
            test_ids = set(order[k::folds])
            train = [p for i, a in enumerate(per_article) if i not in test_ids for p in a] + list(extra)
            test = [p for i in sorted(test_ids) for p in per_article[i]]
            if not test:
                continue
            pairs = scored(fit(train)[0], test)
            eces.append(expected_calibration_error(pairs) or 0.0)
            briers.append(brier(pairs))
    return {"ece": round(sum(eces) / len(eces), 4), "brier": round(sum(briers) / len(briers), 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", default="eval/news")
    ap.add_argument("--out", default="src/sitrep/data/event_calibration.yaml")
    ap.add_argument("--method", choices=("logistic", "isotonic"), default="logistic")
    ap.add_argument("--features", default="raw",
                    help=f"logistic: comma-separated, of {','.join(NAMES)}")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--min-raw-weight", type=float, default=0.5)
    ap.add_argument("--min-block", type=int, default=10)
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--plover", default=None, metavar="PATH",
                    help="also train on the top events of this PLOVER GSR file (off: it makes the news CV worse)")
    args = ap.parse_args()
    features = [f for f in args.features.split(",") if f]
    unknown = sorted(set(features) - set(NAMES))
    if unknown:
        ap.error(f"unknown features {unknown}; known: {NAMES}")
    fitters = {"logistic": logistic_fitter(features, args.l2, args.min_raw_weight),
               "isotonic": isotonic_fitter(args.min_block)}
    per_article = article_rows(args.data)
    rows = [p for a in per_article for p in a]
    extra = plover_rows(args.plover) if args.plover else []
    cv = {name: cross_validate(per_article, fit, args.folds, args.repeats, extra) for name, fit in fitters.items()}
    model, params = fitters[args.method](rows + extra)
    raw = NAMES.index("raw")
    before = expected_calibration_error([(x[raw], ok) for x, ok in rows]) or 0.0
    after = expected_calibration_error(scored(model, rows)) or 0.0
    fitted_on = f"{args.data} dev split" + (f" and {len(extra)} PLOVER GSR top events" if extra else "")
    table = {"method": args.method, **params, "fitted_on": fitted_on, "seed": SEED,
             "pairs": len(rows), "ece_before": round(before, 4), "ece_after": round(after, 4),
             "ece_cv": cv[args.method]["ece"], "cross_validation": cv, "folds": args.folds,
             "repeats": args.repeats}
    if args.method == "logistic":
        table |= {"l2": args.l2, "min_raw_weight": args.min_raw_weight}
    head = ("# GENERATED by scripts/fit_event_calibration.py: do not edit by hand. The events stage maps its\n"
            "# rule-based confidence through this model (see stages/events/calibration.py); fitted on the news\n"
            "# dev split against strict correctness; ece_cv: mean ECE of held-out folds (k-fold by article).\n")
    Path(args.out).write_text(head + yaml.safe_dump(table, sort_keys=False, default_flow_style=None))
    print(f"{len(rows)} events; {args.method}: ECE {before:.3f} -> {after:.3f} in sample; cross-validated "
          + ", ".join(f"{m} ECE {v['ece']:.3f} Brier {v['brier']:.4f}" for m, v in cv.items())
          + f"; written {args.out}")


if __name__ == "__main__":
    main()
