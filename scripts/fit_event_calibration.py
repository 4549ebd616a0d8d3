"""Fit the events stage's confidence calibration on the news dev split.

    PYTHONPATH=src python scripts/fit_event_calibration.py [--data eval/news] [--method NAME]
        [--split dev|dev-a|dev-b] [--measure-split dev|dev-a|dev-b] [--cross-halves]
        [--features raw,source,target,both] [--l2 1.0] [--min-raw-weight 0.5] [--folds 3] [--repeats 20]
        [--out src/sitrep/data/event_calibration.yaml]

Runs the pipeline with the raw rule-based confidence (events ``calibrate: false``) over the dev split
(``eval/news/splits.json``; never the held split: ``--split`` and ``--measure-split`` refuse it) and
pairs each predicted event's features with its strict correctness as ``sitrep eval news`` scores it
(type, source and target in the right sentence).

``--method`` names one of :data:`CANDIDATES` (logistic on the raw score with some L2 penalty, isotonic
tables, equal-count bins, logistic on more features, logistic shrunk toward a prior); ``logistic`` and
``isotonic`` take ``--features``/``--l2``/``--min-raw-weight`` and ``--min-block`` from the command line.

The decision measure is the **cross-half ECE** (``--cross-halves``): each candidate is fitted on
``dev-a`` and its ECE measured on ``dev-b``, then the reverse, and the two are averaged — two sets of
articles picked apart, as the held split is picked apart from dev (the previous measure, repeated
k-fold cross-validation by article over the whole dev split, ``ece_cv``, is still reported). Beside
it: the AUC and the share right of the more and the less confident half of the measured events (a
constant has a perfect ECE and says nothing about which events to trust). ``--split`` fits on one
split (dev by default) and ``--measure-split`` reports the ECE, AUC and halves on another.
The chosen model is fitted on ``--split`` and written as data; the stage reads it. Everything is
deterministic (seed ``SEED``).
"""

from __future__ import annotations

import argparse
import math
import random
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import Callable, Optional, Sequence

import yaml

from sitrep.evaluation.matching import run_pipeline
from sitrep.evaluation.news import _Tally, expected_calibration_error, load_gold, score_events, split_ids
from sitrep.pipeline import Pipeline
from sitrep.stages.events.calibration import (BIAS, DECIMALS, FEATURES, calibrate, feature_vector, fit_isotonic,
                                              fit_logistic, keep_lead)

SEED = 14
#: the splits a model may be fitted or measured on (never ``held``)
FIT_SPLITS = ("dev", "dev-a", "dev-b")
#: one event: its features (every name of FEATURES, in order), whether it is strictly right and, optionally,
#: where it stands (article number, sentence start: what :func:`keep_lead` groups by; rows of one article
#: in the document's order)
Row = tuple  # (list[float], bool) or (list[float], bool, tuple[int, int])
#: a fitted model: the confidence of a feature row
Model = Callable[[list[float]], float]
NAMES = list(FEATURES)


def check_split(split: str) -> str:
    """``split`` when a model may be fitted or measured on it (:data:`FIT_SPLITS`), else a ValueError."""
    if split not in FIT_SPLITS:
        raise ValueError(f"calibration is fitted and measured on {', '.join(FIT_SPLITS)} only, not {split!r}")
    return split


def article_rows(data: str, split: str = "dev") -> list[list[Row]]:
    """Per article of ``split`` (a dev split), (features, strictly right) of every predicted event."""
    return [rows for _, rows in article_rows_by_id(data, split)]


def article_rows_by_id(data: str, split: str = "dev") -> list[tuple[str, list[Row]]]:
    """Per article of ``split`` (a dev split), its id and (features, strictly right) of every predicted event."""
    golds, _ = load_gold(data, split=check_split(split))
    pipe = Pipeline(stage_config={"events": {"calibrate": False}})
    docs, _, _ = run_pipeline([g.article() for g in golds], pipeline=pipe)
    out = []
    for n, (gold, doc) in enumerate(zip(golds, docs)):
        t = _Tally()
        rows: list[Row] = []
        if doc is not None:
            score_events(gold, doc, t)
            # score_events appends one (confidence, right) per predicted event, in the document's order
            rows = [(feature_vector(e, NAMES), ok, (n, e.sentence.start))
                    for e, (_, ok) in zip(doc.events, t.calibration)]
        out.append((gold.id, rows))
    return out


def halves(data: str, per_article: Sequence[tuple[str, list[Row]]]) -> dict[str, list[Row]]:
    """The rows of ``dev-a`` and of ``dev-b`` (the fixed halves of dev) among ``per_article``."""
    ids = {h: split_ids(Path(data), h) or set() for h in ("dev-a", "dev-b")}
    return {h: [r for aid, rows in per_article if aid in ids[h] for r in rows] for h in ids}


def row_logistic(x: list[float], weights: dict[str, float]) -> float:
    """The logistic model's confidence of a feature row (as :func:`logistic` of its event)."""
    z = weights.get(BIAS, 0.0) + sum(w * x[NAMES.index(n)] for n, w in weights.items() if n != BIAS)
    return round(1.0 / (1.0 + math.exp(-z)), DECIMALS)


def logistic_fitter(features: Sequence[str], l2: float, min_raw: float) -> Callable[[list[Row]], tuple[Model, dict]]:
    """Fit a logistic model on ``features`` (its weights are the table's ``weights``)."""
    cols = [NAMES.index(f) for f in features]

    def fit(rows: list[Row]) -> tuple[Model, dict]:
        weights = fit_logistic([[x[i] for i in cols] for x, *_ in rows], [r[1] for r in rows], list(features),
                               l2=l2, min_raw_weight=min_raw)
        return (lambda x: row_logistic(x, weights)), {"weights": weights}
    return fit


def isotonic_fitter(min_block: int) -> Callable[[list[Row]], tuple[Model, dict]]:
    """Fit an isotonic table on the raw score (its points are the table's ``points``)."""
    raw = NAMES.index("raw")

    def fit(rows: list[Row]) -> tuple[Model, dict]:
        points = fit_isotonic([(x[raw], ok) for x, ok, *_ in rows], min_block=min_block)
        return (lambda x: calibrate(x[raw], points)), {"points": [[a, b] for a, b in points]}
    return fit


def binned_fitter(bins: int) -> Callable[[list[Row]], tuple[Model, dict]]:
    """Bin the raw score into ``bins`` blocks of equal count (pooled where the share right would fall):
    an isotonic table whose blocks hold at least a ``bins``-th of the events."""
    def fit(rows: list[Row]) -> tuple[Model, dict]:
        return isotonic_fitter(max(1, len(rows) // bins))(rows)
    return fit


def shrunk_fitter(features: Sequence[str], l2: float, min_raw: float, shrink: float,
                  prior: Optional[float] = None) -> Callable[[list[Row]], tuple[Model, dict]]:
    """A logistic fit pulled toward a constant in logit space: every weight times ``1 - shrink`` and
    the bias moved a ``shrink`` share of the way to the logit of ``prior`` (default: the fitting rows'
    share right). Still a plain logistic model, the raw order kept."""
    base = logistic_fitter(features, l2, min_raw)

    def fit(rows: list[Row]) -> tuple[Model, dict]:
        weights = base(rows)[1]["weights"]
        share = prior if prior is not None else sum(r[1] for r in rows) / len(rows)
        share = min(0.99, max(0.01, share))
        out = {n: round(w * (1.0 - shrink), 4) for n, w in weights.items()}
        out["bias"] = round(out["bias"] + shrink * math.log(share / (1.0 - share)), 4)
        return (lambda x: row_logistic(x, out)), {"weights": out}
    return fit


#: the shrinkages and the priors (``None``: the fitting rows' share right) of the shrunk candidates
SHRINKS = (0.3, 0.5)
PRIORS = (None, 0.3, 0.35, 0.4, 0.45)
#: every feature that describes the text of the report rather than its parties' names
TEXT_ALL = ["raw", "target", "place_target", "announced", "negated", "verbal", "material_conflict", "lead"]
#: the features of the default (docs/calibration.md): whether a target is named and is a place, how the
#: source is named (a pronoun, carried over from another sentence), a quotation around the act, an
#: announced or negated act; ``lead`` left out (a PLOVER GSR sentence is always one, which would flatter
#: the out-of-distribution check), ``long_sentence`` too (weight -0.03 on dev: it says nothing)
TEXT_KEPT = ["raw", "target", "place_target", "source_pronoun", "source_carried", "quoted", "announced", "negated"]
#: the shrinkage of the candidates that keep the top events (:func:`lead_fitter`)
LEAD_SHRINK = 0.3
#: bisection steps of :func:`lead_fitter`'s bias
RECENTRE_STEPS = 30


def candidates(args: argparse.Namespace) -> dict[str, Callable[[list[Row]], tuple[Model, dict]]]:
    """Every method the script compares, by name (``--method``): ``logistic`` and ``isotonic`` with the
    command line's settings, and fixed variants (stronger penalties, bins, more features, shrinkage)."""
    features = [f for f in args.features.split(",") if f]
    parties = ["raw", "source", "target", "both"]
    return {
        "logistic": logistic_fitter(features, args.l2, args.min_raw_weight),
        "isotonic": isotonic_fitter(args.min_block),
        "logistic-raw-l2-10": logistic_fitter(["raw"], 10.0, args.min_raw_weight),
        "logistic-raw-l2-30": logistic_fitter(["raw"], 30.0, args.min_raw_weight),
        "isotonic-40": isotonic_fitter(40),
        "binned-3": binned_fitter(3),
        "binned-5": binned_fitter(5),
        "logistic-parties": logistic_fitter(parties, args.l2, args.min_raw_weight),
        "logistic-parties-l2-10": logistic_fitter(parties, 10.0, args.min_raw_weight),
        "logistic-text": logistic_fitter(["raw", "target", "place_target", "announced", "negated"], args.l2,
                                         args.min_raw_weight),
        "logistic-target": logistic_fitter(["raw", "target"], args.l2, args.min_raw_weight),
        "logistic-target-place": logistic_fitter(["raw", "target", "place_target"], args.l2, args.min_raw_weight),
        "logistic-text-all": logistic_fitter(TEXT_ALL, args.l2, args.min_raw_weight),
        "logistic-text-all-l2-10": logistic_fitter(TEXT_ALL, 10.0, args.min_raw_weight),
        "logistic-text-quad": logistic_fitter(["raw", "target", "place_target", "verbal", "material_conflict"],
                                              args.l2, args.min_raw_weight),
        "logistic-text-lead": logistic_fitter(["raw", "target", "place_target", "lead"], args.l2, args.min_raw_weight),
        **{shrunk_name(s, p): shrunk_fitter(["raw"], args.l2, args.min_raw_weight, s, prior=p)
           for s in SHRINKS for p in PRIORS},
        "logistic-text-top-kept": lead_fitter(TEXT_KEPT, args.l2, args.min_raw_weight, LEAD_SHRINK),
        "logistic-text-top-kept-unshrunk": lead_fitter(TEXT_KEPT, args.l2, args.min_raw_weight, 0.0),
        "logistic-text-all-top-kept": lead_fitter(TEXT_ALL + ["source_pronoun", "source_carried", "quoted",
                                                              "long_sentence"], args.l2, args.min_raw_weight,
                                                  LEAD_SHRINK),
        "logistic-target-top-kept": lead_fitter(["raw", "target"], args.l2, args.min_raw_weight, LEAD_SHRINK),
        "constant": binned_fitter(1),
    }


def shrunk_name(shrink: float, prior: Optional[float]) -> str:
    """The candidate name of a logistic fit on the raw score shrunk toward ``prior`` (the fitting rows'
    share right when ``None``)."""
    return f"logistic-raw-shrunk-{shrink}" + (f"-prior-{prior}" if prior is not None else "")


#: the candidates whose confidence is monotone in the raw score alone: they keep the raw order of every
#: two events, so the events output (and the top event of a sentence) are those of the raw score
RAW_ORDER = ("logistic-raw-l2-10", "logistic-raw-l2-30", "isotonic-40", "binned-3", "binned-5", "isotonic",
             "constant", *(shrunk_name(s, p) for s in SHRINKS for p in PRIORS))
#: the candidates that weigh features of the text but keep each sentence's and article's top event by raw
#: score the most confident (:func:`keep_lead`): the events output and every top event are unchanged
TOP_KEPT = ("logistic-text-top-kept", "logistic-text-top-kept-unshrunk", "logistic-text-all-top-kept",
            "logistic-target-top-kept")


def auc(pairs: Sequence[tuple[float, bool]]) -> Optional[float]:
    """The chance that a right event is more confident than a wrong one (ties count half; ``None``
    without both kinds)."""
    right = sorted(c for c, ok in pairs if ok)
    wrong = sorted(c for c, ok in pairs if not ok)
    if not right or not wrong:
        return None
    wins = 0.0
    for c in right:
        below = bisect_left(wrong, c)
        wins += below + 0.5 * (bisect_right(wrong, c) - below)
    return wins / (len(right) * len(wrong))


def half_shares(pairs: Sequence[tuple[float, bool]]) -> tuple[float, float]:
    """The share right of the more confident half of the events and of the other half (ties in
    their order)."""
    ranked = sorted(pairs, key=lambda p: -p[0])
    mid = len(ranked) // 2
    top, bottom = ranked[:mid], ranked[mid:]
    return (sum(ok for _, ok in top) / max(1, len(top)), sum(ok for _, ok in bottom) / max(1, len(bottom)))


def measure(model: Model, rows: list[Row], lead: bool = False) -> dict[str, float]:
    """ECE, Brier score, AUC and the halves' shares right of ``model`` on ``rows`` (``lead``: its confidences
    kept below each sentence's and article's top event, :func:`scored`)."""
    pairs = scored(model, rows, lead)
    top, bottom = half_shares(pairs)
    return {"ece": round(expected_calibration_error(pairs) or 0.0, 4), "brier": round(brier(pairs), 4),
            "auc": round(auc(pairs) or 0.5, 4), "top_half": round(top, 4), "bottom_half": round(bottom, 4),
            "share_right": round(sum(ok for _, ok in pairs) / len(pairs), 4)}


def cross_halves(half_rows: dict[str, list[Row]], fit) -> dict[str, float]:
    """Fit on dev-a and measure on dev-b, fit on dev-b and measure on dev-a: ``ece_ab``, ``ece_ba`` and
    the means of both directions' ECE (the decision measure), AUC and halves' shares right."""
    model, lead = fitted(fit, half_rows["dev-a"])
    ab = measure(model, half_rows["dev-b"], lead)
    model, lead = fitted(fit, half_rows["dev-b"])
    ba = measure(model, half_rows["dev-a"], lead)
    out = {"ece": round((ab["ece"] + ba["ece"]) / 2, 4), "ece_ab": ab["ece"], "ece_ba": ba["ece"]}
    for k in ("auc", "top_half", "bottom_half"):
        out[k] = round((ab[k] + ba[k]) / 2, 4)
    return out


def compare(fitters: dict, by_id: Sequence[tuple[str, list[Row]]], half_rows: dict[str, list[Row]],
            folds: int, repeats: int) -> dict[str, dict[str, float]]:
    """Every candidate's :func:`cross_halves` figures, its k-fold ECE over the dev split (``ece_cv``) and
    ``transfer``, the mean of the two ECEs: the cross-half ECE alone swings by a few hundredths when
    a cluster of equal raw scores crosses a bin edge (a bootstrap of articles gives it a standard error of
    about 0.015), the k-fold ECE swings elsewhere; a method good on both transfers."""
    per_article = [rows for _, rows in by_id]
    out = {}
    for name, fit in fitters.items():
        m = cross_halves(half_rows, fit)
        m["ece_cv"] = cross_validate(per_article, fit, folds, repeats)["ece"]
        m["transfer"] = round((m["ece"] + m["ece_cv"]) / 2, 4)
        out[name] = m
    return out


def choose(report: dict[str, dict[str, float]], raw_order: Sequence[str] | set[str] = RAW_ORDER,
           top_kept: Sequence[str] = TOP_KEPT) -> str:
    """The candidate to make the default: one that keeps the raw order or the top events (the events
    output and every sentence's and article's top event stay those of the raw score) and is no constant
    (it must rank events), with the least ``transfer``."""
    eligible = [n for n in report if (n in raw_order or n in top_kept) and n != "constant"]
    return min(eligible, key=lambda n: (report[n]["transfer"], n))


def fitted(fit, rows: list[Row]) -> tuple[Model, bool]:
    """The model ``fit`` makes of ``rows`` and whether it keeps each sentence's and article's top event
    (``keep_lead`` among its table fields)."""
    model, params = fit(rows)
    return model, bool(params.get("keep_lead"))


def scored(model: Model, rows: list[Row], lead: bool = False) -> list[tuple[float, bool]]:
    """(confidence, strictly right) of each row under ``model``; ``lead``: lowered as the stage lowers them
    (:func:`keep_lead`, per article and sentence of the rows' place; a row without one is its own article)."""
    confs = [model(r[0]) for r in rows]
    if lead:
        confs = lead_capped(rows, confs)
    return [(c, r[1]) for c, r in zip(confs, rows)]


def lead_capped(rows: list[Row], confs: list[float]) -> list[float]:
    """``confs`` lowered by :func:`keep_lead` within each article of ``rows`` (by the raw score)."""
    raw = NAMES.index("raw")
    out = list(confs)
    groups: dict = {}
    for i, r in enumerate(rows):
        groups.setdefault(r[2][0] if len(r) > 2 else ("row", i), []).append(i)
    for idx in groups.values():
        kept = keep_lead([rows[i][0][raw] for i in idx], [rows[i][2] if len(rows[i]) > 2 else i for i in idx],
                         [out[i] for i in idx])
        for i, c in zip(idx, kept):
            out[i] = c
    return out


def lead_fitter(features: Sequence[str], l2: float, min_raw: float, shrink: float) -> Callable[[list[Row]], tuple[Model, dict]]:
    """A logistic fit on ``features`` of the text (which rank events across readings), shrunk as
    :func:`shrunk_fitter`, whose confidences are kept below each sentence's and article's top event by raw
    score (:func:`keep_lead`: no event output and no top event changes); as that lowers some confidences,
    the bias is then moved so that the fitting rows' mean kept confidence is their share right."""
    base = shrunk_fitter(features, l2, min_raw, shrink)

    def fit(rows: list[Row]) -> tuple[Model, dict]:
        weights = dict(base(rows)[1]["weights"])
        share = sum(r[1] for r in rows) / len(rows)
        lo, hi = -2.0, 2.0
        for _ in range(RECENTRE_STEPS):
            mid = (lo + hi) / 2
            trial = dict(weights, bias=weights["bias"] + mid)
            mean = sum(lead_capped(rows, [row_logistic(r[0], trial) for r in rows])) / len(rows)
            lo, hi = (mid, hi) if mean < share else (lo, mid)
        out = dict(weights, bias=round(weights["bias"] + (lo + hi) / 2, 4))
        return (lambda x: row_logistic(x, out)), {"weights": out, "keep_lead": True}
    return fit


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
        rows.append((feature_vector(ev, NAMES), ok))   # the top event: kept by keep_lead as it is
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
            model, lead = fitted(fit, train)
            pairs = scored(model, test, lead)
            eces.append(expected_calibration_error(pairs) or 0.0)
            briers.append(brier(pairs))
    return {"ece": round(sum(eces) / len(eces), 4), "brier": round(sum(briers) / len(briers), 4)}


#: what :func:`choose` picks with ``--cross-halves`` (docs/calibration.md has the table)
DEFAULT_METHOD = "logistic-text-top-kept"


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", default="eval/news")
    ap.add_argument("--out", default="src/sitrep/data/event_calibration.yaml")
    ap.add_argument("--method", default=DEFAULT_METHOD, help="one of the script's CANDIDATES")
    ap.add_argument("--split", default="dev", choices=FIT_SPLITS, help="fit on this split (never held)")
    ap.add_argument("--measure-split", default=None, choices=FIT_SPLITS,
                    help="also report the fitted model's ECE, AUC and halves on this split")
    ap.add_argument("--cross-halves", action="store_true",
                    help="compare every candidate: fit dev-a -> measure dev-b and the reverse")
    ap.add_argument("--features", default="raw",
                    help=f"logistic: comma-separated, of {','.join(NAMES)}")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--min-raw-weight", type=float, default=0.5)
    ap.add_argument("--min-block", type=int, default=10)
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--plover-measure", default=None, metavar="PATH",
                    help="also report the fitted model's ECE on the top events of this PLOVER GSR file "
                         "(strict correctness on another distribution than news dev)")
    ap.add_argument("--plover", default=None, metavar="PATH",
                    help="also train on the top events of this PLOVER GSR file (off: it makes the news CV worse)")
    args = ap.parse_args()
    unknown = sorted(set(f for f in args.features.split(",") if f) - set(NAMES))
    if unknown:
        ap.error(f"unknown features {unknown}; known: {NAMES}")
    fitters = candidates(args)
    if args.method not in fitters:
        ap.error(f"unknown method {args.method!r}; known: {', '.join(fitters)}")
    by_id = article_rows_by_id(args.data, "dev")
    wanted = split_ids(Path(args.data), args.split) or set()
    per_article = [rows for aid, rows in by_id if aid in wanted]
    rows = [p for a in per_article for p in a]
    extra = plover_rows(args.plover) if args.plover else []
    report: dict[str, dict[str, float]] = {}
    if args.cross_halves:
        raw_order = set(RAW_ORDER) | ({"logistic"} if args.features == "raw" else set())
        report = compare(fitters, by_id, halves(args.data, by_id), args.folds, args.repeats)
        print("method: cross-half ECE (fit dev-a -> dev-b, fit dev-b -> dev-a), k-fold ECE, their mean, AUC, "
              "share right of the top / bottom half")
        for name, m in sorted(report.items(), key=lambda kv: kv[1]["transfer"]):
            order = "raw order" if name in raw_order else "top kept" if name in TOP_KEPT else "reorders"
            print(f"  {name:36s} {m['ece']:.4f} ({m['ece_ab']:.4f}, {m['ece_ba']:.4f})  {m['ece_cv']:.4f}  "
                  f"{m['transfer']:.4f}  AUC {m['auc']:.3f}  {m['top_half']:.3f} / {m['bottom_half']:.3f}  {order}")
        print(f"chosen by the rule (raw order or top kept, no constant, least mean of both ECEs): "
              f"{choose(report, raw_order)}")
    method = fitters[args.method]
    cv = {name: cross_validate(per_article, fitters[name], args.folds, args.repeats, extra)
          for name in dict.fromkeys((args.method, "logistic", "isotonic"))}
    model, params = method(rows + extra)
    raw = NAMES.index("raw")
    lead = bool(params.get("keep_lead"))
    before = expected_calibration_error([(x[raw], ok) for x, ok, *_ in rows]) or 0.0
    after = expected_calibration_error(scored(model, rows, lead)) or 0.0
    kind = "isotonic" if "points" in params else "logistic"
    fitted_on = f"{args.data} {args.split} split" + (f" and {len(extra)} PLOVER GSR top events" if extra else "")
    table = {"method": kind, "variant": args.method, **params, "fitted_on": fitted_on, "seed": SEED,
             "pairs": len(rows), "ece_before": round(before, 4), "ece_after": round(after, 4),
             "ece_cv": cv[args.method]["ece"], "cross_validation": cv}
    if report:
        table["cross_halves"] = report
    table |= {"folds": args.folds, "repeats": args.repeats}
    if kind == "logistic":
        table |= {"l2": args.l2, "min_raw_weight": args.min_raw_weight}
    if lead:
        table["keep_lead"] = table.pop("keep_lead")   # after the fitting record, beside the other settings
    head = ("# GENERATED by scripts/fit_event_calibration.py: do not edit by hand. The events stage maps its\n"
            "# rule-based confidence through this model (see stages/events/calibration.py); fitted on the news\n"
            "# dev split against strict correctness; cross_halves: fit dev-a -> ECE on dev-b and the reverse,\n"
            "# averaged (the decision measure); ece_cv: mean ECE of held-out folds (k-fold by article).\n")
    Path(args.out).write_text(head + yaml.safe_dump(table, sort_keys=False, default_flow_style=None))
    print(f"{len(rows)} events of {args.split}; {args.method}: ECE {before:.3f} -> {after:.3f} in sample; "
          "cross-validated " + ", ".join(f"{m} ECE {v['ece']:.3f} Brier {v['brier']:.4f}" for m, v in cv.items())
          + f"; written {args.out}")
    if args.measure_split:
        ids = split_ids(Path(args.data), args.measure_split) or set()
        m = measure(model, [r for aid, a in by_id if aid in ids for r in a], lead)
        print(f"measured on {args.measure_split}: ECE {m['ece']:.4f}, Brier {m['brier']:.4f}, AUC {m['auc']:.3f}, "
              f"share right {m['share_right']:.3f}: top half {m['top_half']:.3f}, bottom half {m['bottom_half']:.3f}")
    if args.plover_measure:
        gsr = plover_rows(args.plover_measure)
        m = measure(model, gsr, lead)
        print(f"measured on the PLOVER GSR top events (another distribution): ECE {m['ece']:.4f}, "
              f"AUC {m['auc']:.3f}, share right {m['share_right']:.3f}, "
              f"mean confidence {mean_confidence(model, gsr):.3f}")


def mean_confidence(model: Model, rows: list[Row]) -> float:
    """The mean confidence ``model`` gives ``rows`` (without :func:`keep_lead`: one top event per row)."""
    return sum(model(r[0]) for r in rows) / max(1, len(rows))


if __name__ == "__main__":
    main()
