"""scripts/fit_event_calibration.py: the calibration is chosen by repeated k-fold cross-validation by
article (a fixed seed), on feature rows built here by hand (the script's pipeline run is not repeated)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("fit_event_calibration", ROOT / "scripts" / "fit_event_calibration.py")
fit_cal = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fit_cal)


def _row(raw: float, source: bool = True, target: bool = True) -> list[float]:
    """A feature row in the order of FEATURES (raw, source, target, both, announced)."""
    values = {"raw": raw, "source": float(source), "target": float(target), "both": float(source and target),
              "announced": 0.0}
    return [values[n] for n in fit_cal.NAMES]


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
