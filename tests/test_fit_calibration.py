"""scripts/fit_event_calibration.py: the calibration is chosen by how it transfers -- fitted on one half of
dev and measured on the other (``--cross-halves``), with repeated k-fold cross-validation by article
beside it (a fixed seed) -- on feature rows built here by hand (the script's pipeline run is not repeated)."""

from __future__ import annotations

import importlib.util
import argparse
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("fit_event_calibration", ROOT / "scripts" / "fit_event_calibration.py")
fit_cal = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fit_cal)


def _row(raw: float, source: bool = True, target: bool = True) -> list[float]:
    """A feature row in the order of FEATURES (raw, source, target, both; the others 0)."""
    values = {"raw": raw, "source": float(source), "target": float(target), "both": float(source and target)}
    return [values.get(n, 0.0) for n in fit_cal.NAMES]


def _articles(n: int = 30) -> list[list]:
    """``n`` articles of eight events: raw 0.9 right three times in four, raw 0.5 once in four."""
    arts = []
    for a in range(n):
        rows = [(_row(0.9), (a + i) % 4 != 0) for i in range(4)] + [(_row(0.5), (a + i) % 4 == 0) for i in range(4)]
        arts.append(rows)
    return arts


def test_cross_validation_is_deterministic_and_scores_held_out_articles():
    arts = _articles()
    fit = fit_cal.logistic_fitter(["raw"], l2=0.0, min_raw=0.5)
    first = fit_cal.cross_validate(arts, fit, folds=3, repeats=4)
    assert first == fit_cal.cross_validate(arts, fit, folds=3, repeats=4)
    assert set(first) == {"ece", "brier"} and 0.0 <= first["ece"] < 0.1
    # a model that says the same for everything is worse by Brier score
    const = fit_cal.cross_validate(arts, fit_cal.logistic_fitter([], l2=0.0, min_raw=0.0), folds=3, repeats=4)
    assert const["brier"] > first["brier"]


def test_fitters_return_the_table_fields():
    rows = [r for a in _articles(8) for r in a]
    model, params = fit_cal.logistic_fitter(["raw"], l2=1.0, min_raw=0.5)(rows)
    assert set(params["weights"]) == {"bias", "raw"} and model(_row(0.9)) > model(_row(0.5))
    model, params = fit_cal.isotonic_fitter(min_block=4)(rows)
    assert params["points"] and model(_row(0.9)) > model(_row(0.5))


def _args(**kw) -> argparse.Namespace:
    return argparse.Namespace(**({"features": "raw", "l2": 1.0, "min_raw_weight": 0.5, "min_block": 10} | kw))


def _rows(n: int, hi_right: float, lo_right: float) -> list:
    """``n`` events at raw 0.9 right a ``hi_right`` share of the time, ``n`` at raw 0.5 ``lo_right``."""
    return ([(_row(0.9), i < hi_right * n) for i in range(n)]
            + [(_row(0.5, target=False), i < lo_right * n) for i in range(n)])


def test_cross_halves_fits_on_one_half_and_measures_on_the_other():
    same = {"dev-a": _rows(40, 0.75, 0.25), "dev-b": _rows(40, 0.75, 0.25)}
    fit = fit_cal.logistic_fitter(["raw"], l2=0.0, min_raw=0.5)
    m = fit_cal.cross_halves(same, fit)
    assert m["ece"] < 0.02 and m["ece_ab"] == m["ece_ba"]
    assert m["auc"] > 0.7 and m["top_half"] == 0.75 and m["bottom_half"] == 0.25
    # a half right less often than the other: a fit on either is off on the other, both ways
    apart = {"dev-a": _rows(40, 0.75, 0.25), "dev-b": _rows(40, 0.45, 0.05)}
    m = fit_cal.cross_halves(apart, fit)
    assert m["ece_ab"] >= 0.25 and m["ece_ba"] >= 0.25 and m["ece"] == round((m["ece_ab"] + m["ece_ba"]) / 2, 4)


def test_auc_and_half_shares_say_whether_confidence_ranks_events():
    assert fit_cal.auc([(0.9, True), (0.8, True), (0.2, False)]) == 1.0
    assert fit_cal.auc([(0.5, True), (0.5, False)]) == 0.5      # a tie counts half
    assert fit_cal.auc([(0.5, True)]) is None
    assert fit_cal.half_shares([(0.9, True), (0.8, True), (0.2, False), (0.1, True)]) == (1.0, 0.5)


def test_shrinkage_pulls_toward_the_prior_and_keeps_the_raw_order():
    rows = _rows(40, 0.75, 0.25)
    plain = fit_cal.logistic_fitter(["raw"], l2=0.0, min_raw=0.5)(rows)
    model, params = fit_cal.shrunk_fitter(["raw"], l2=0.0, min_raw=0.5, shrink=0.5)(rows)
    assert params["weights"]["raw"] == pytest.approx(plain[1]["weights"]["raw"] / 2, abs=1e-3)
    assert 0.25 < model(_row(0.5)) < model(_row(0.9)) < 0.75          # toward the share right, 0.5
    low, _ = fit_cal.shrunk_fitter(["raw"], l2=0.0, min_raw=0.5, shrink=0.5, prior=0.2)(rows)
    assert low(_row(0.9)) < model(_row(0.9)) and low(_row(0.5)) < model(_row(0.5))


def test_candidates_include_the_default_and_binning():
    names = fit_cal.candidates(_args())
    assert fit_cal.DEFAULT_METHOD in names and fit_cal.DEFAULT_METHOD in fit_cal.RAW_ORDER + fit_cal.TOP_KEPT
    assert set(fit_cal.RAW_ORDER) <= set(names) and set(fit_cal.TOP_KEPT) <= set(names)
    model, params = names["binned-3"](_rows(30, 0.75, 0.25))
    assert len(params["points"]) <= 3 and model(_row(0.9)) > model(_row(0.5))


def test_choose_takes_the_best_transfer_that_ranks_and_keeps_the_raw_order():
    report = {"constant": {"transfer": 0.01}, "logistic-target": {"transfer": 0.02},
              "logistic-raw-l2-10": {"transfer": 0.05}, "binned-3": {"transfer": 0.04}}
    assert fit_cal.choose(report) == "binned-3"


def test_choose_may_take_a_model_that_keeps_the_top_events():
    report = {"logistic-target": {"transfer": 0.01}, "logistic-text-top-kept": {"transfer": 0.03},
              "binned-3": {"transfer": 0.04}}
    assert fit_cal.choose(report) == "logistic-text-top-kept"


def _placed(n: int) -> list:
    """``n`` articles of one sentence with two readings: the raw top (0.9) names no target and is right
    once in four, the other (0.8) names one and is right three times in four."""
    rows = []
    for a in range(n):
        rows.append((_row(0.9, target=False), a % 4 == 0, (a, 0)))
        rows.append((_row(0.8), a % 4 != 0, (a, 0)))
    return rows


def test_lead_capped_keeps_each_articles_top_reading_the_most_confident():
    rows = _placed(2)
    assert fit_cal.lead_capped(rows, [0.3, 0.7, 0.3, 0.7]) == [0.3, 0.299, 0.3, 0.299]
    # rows without a place are articles of their own: nothing to keep below
    assert fit_cal.lead_capped([(r[0], r[1]) for r in rows], [0.3, 0.7, 0.3, 0.7]) == [0.3, 0.7, 0.3, 0.7]


def test_the_top_kept_fitter_ranks_by_the_text_and_meets_the_share_right():
    rows = _placed(40)
    model, params = fit_cal.lead_fitter(["raw", "target"], l2=1.0, min_raw=0.5, shrink=0.3)(rows)
    assert params["keep_lead"] is True and params["weights"]["target"] > 0
    pairs = fit_cal.scored(model, rows, lead=True)
    # the raw top stays the more confident reading of each article ...
    assert all(pairs[i][0] > pairs[i + 1][0] for i in range(0, len(pairs), 2))
    # ... and the mean confidence is the share right (the bias moved after the keeping lowered some)
    assert sum(c for c, _ in pairs) / len(pairs) == pytest.approx(0.5, abs=0.01)
    m = fit_cal.measure(model, rows, lead=True)
    assert m["share_right"] == 0.5


def test_the_script_refuses_the_held_split(monkeypatch):
    with pytest.raises(ValueError, match="held"):
        fit_cal.check_split("held")
    assert fit_cal.check_split("dev-a") == "dev-a"
    for flag in ("--split", "--measure-split"):
        monkeypatch.setattr(sys, "argv", ["fit_event_calibration.py", flag, "held"])
        with pytest.raises(SystemExit):
            fit_cal.main()     # argparse stops it before any pipeline runs
