"""Calibrated event confidence: the rule-based score (:mod:`.confidence`) mapped through a monotone
table fitted on the news development split, so that a confidence of 0.3 means that about three in ten
such events are strictly right (type, source and target; ``sitrep eval news`` reports the expected
calibration error).

The table lives in ``data/event_calibration.yaml`` and is written by
``scripts/fit_event_calibration.py`` (isotonic regression by pool-adjacent-violators, a fixed seed for
its bootstrap check). The map interpolates linearly between the table's points, so it is strictly
increasing inside them and keeps the order of the raw scores (the most confident event of a sentence
stays the most confident); outside them it continues with a small slope.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Optional, Sequence

from pydantic import ConfigDict, Field

from ...core.datafiles import load_data
from ...core.datamodels import DataModel, validate_data

CALIBRATION_FILE = "event_calibration.yaml"
#: the slope of the map beyond the table's first and last point (keeps the raw order)
EDGE_SLOPE = 0.01
#: decimals of a calibrated confidence
DECIMALS = 3


class CalibrationTable(DataModel):
    """``data/event_calibration.yaml``: ``points`` are (raw score, calibrated confidence) pairs with
    both coordinates increasing; the rest records how they were fitted."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    points: list[tuple[float, float]] = Field(min_length=1)
    method: str = "isotonic"
    fitted_on: str = ""
    seed: Optional[int] = None
    pairs: int = 0
    ece_before: Optional[float] = None
    ece_after: Optional[float] = None
    ece_out_of_fold: Optional[float] = None


def parse_calibration(data: Any) -> CalibrationTable:
    """A parsed calibration file, validated: points sorted by raw score, calibrated values in [0, 1]
    and never decreasing."""
    table = validate_data(data, CalibrationTable, f"sitrep/data/{CALIBRATION_FILE}", stage="events")
    xs = [x for x, _ in table.points]
    ys = [y for _, y in table.points]
    if xs != sorted(xs) or ys != sorted(ys) or not all(0.0 <= y <= 1.0 for y in ys):
        raise ValueError(f"{CALIBRATION_FILE}: points must increase in both coordinates, within [0, 1]")
    return table


def load_calibration() -> CalibrationTable:
    """The package's calibration table (the stage keeps it in its resources as ``event_calibration``)."""
    return parse_calibration(load_data(CALIBRATION_FILE))


def calibrate(raw: float, points: Sequence[tuple[float, float]]) -> float:
    """The calibrated confidence of raw score ``raw``: linear between the two table points around it
    (0.8 between (0.7, 0.2) and (0.9, 0.4) -> 0.3), a small slope beyond the ends, within [0, 1]."""
    xs = [x for x, _ in points]
    i = bisect_right(xs, raw)
    if i == 0:
        y = points[0][1] - EDGE_SLOPE * (xs[0] - raw)
    elif i == len(points):
        y = points[-1][1] + EDGE_SLOPE * (raw - xs[-1])
    else:
        (x0, y0), (x1, y1) = points[i - 1], points[i]
        y = y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1
    return round(min(1.0, max(0.0, y)), DECIMALS)


def fit_isotonic(pairs: Sequence[tuple[float, bool]], min_block: int = 1) -> list[tuple[float, float]]:
    """Isotonic regression of correctness on raw score by pool-adjacent-violators: one point per
    pooled block, at the block's mean score and its share of correct events, both increasing
    (adjacent blocks of equal value are pooled, as are blocks smaller than ``min_block``)."""
    blocks: list[list[float]] = []   # [sum of scores, sum of correct, count]
    for x, ok in sorted(pairs, key=lambda p: p[0]):
        blocks.append([x, float(ok), 1.0])
        while len(blocks) > 1 and (blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]
                                   or blocks[-2][2] < min_block):
            s, c, n = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
            blocks[-1][2] += n
    if len(blocks) > 1 and blocks[-1][2] < min_block:
        s, c, n = blocks.pop()
        blocks[-1] = [blocks[-1][0] + s, blocks[-1][1] + c, blocks[-1][2] + n]
    return [(round(s / n, 4), round(c / n, 4)) for s, c, n in blocks]
