"""Calibrated event confidence: the rule-based score (:mod:`.confidence`) mapped to the share of such
events that are strictly right (type, source and target; ``sitrep eval news`` reports the expected
calibration error), by a model fitted on the news development split.

The model lives in ``data/event_calibration.yaml`` and is written by
``scripts/fit_event_calibration.py`` (a fixed seed; chosen by how it transfers between the halves of
dev, with k-fold cross-validation by article beside it). Two kinds are read:

- ``logistic``: ``weights`` over a few named features of a raw event (:data:`FEATURES`: the raw score,
  which parties it has, features of the text: each a small function below),
  ``p = 1 / (1 + exp(-(bias + Σ w·x)))``. The default (issue #14 item 7: docs/calibration.md) weighs
  the raw score and features of the text (a target, a place target, a source named by a pronoun or
  carried over from another sentence, a quotation, an announced or negated act), shrunk toward the share
  right: they rank events by correctness far better than the raw score alone and follow a set of
  articles whose events are right more or less often. The weight of ``raw`` is never negative.
  Such features may put a reading above the one the raw score ranks first; with ``keep_lead`` the stage
  lowers every other event of a sentence and of the article just below its top event by raw score
  (:func:`keep_lead`), and merging and ordering use the raw score (``RawEvent.score``): the events output
  and every top event are those of the raw score, only the confidences change.
- ``isotonic``: ``points`` (raw score, calibrated confidence), linear between them, strictly increasing
  inside them and continued with a small slope outside.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from functools import lru_cache
from typing import Any, Callable, Literal, Optional, Sequence

from pydantic import ConfigDict, Field

from ...core.datafiles import load_data
from ...core.datamodels import DataModel, validate_data
from ...ontology import load_ontology
from .lexicon import read_cues

CALIBRATION_FILE = "event_calibration.yaml"
#: the slope of the isotonic map beyond the table's first and last point (keeps the raw order)
EDGE_SLOPE = 0.01
#: decimals of a calibrated confidence
DECIMALS = 3
#: the logistic model's intercept in ``weights``
BIAS = "bias"
#: the id prefixes of a place target (contract.Event: a ``geo:``/``region:`` id)
PLACE_PREFIXES = ("geo:", "region:")
#: where the article's lead ends, in characters (feature ``lead``)
LEAD_CHARS = 400

#: a sentence of more than this many words is long (feature ``long_sentence``)
LONG_SENTENCE_WORDS = 35
#: the marks of a quotation in a sentence (feature ``quoted``)
QUOTE_MARKS = ('"', "\u201c", "\u201d")
#: the step by which an event that is not its sentence's or article's top event stays below it
#: (one unit of the last decimal: :func:`keep_lead`)
LEAD_STEP = 10.0 ** -DECIMALS


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    """The pronouns a source may be named by: the speaker and relative pronouns of ``event_cues.yaml``."""
    cues = read_cues()
    return frozenset(w.lower() for w in (*cues.speaker_pronouns, *cues.relative_pronouns))


def raw_score(e: Any) -> float:
    """The rule-based score (:mod:`.confidence`) of a raw event, before calibration."""
    return float(e.confidence)


def has_source(e: Any) -> float:
    """1 when the event names a source."""
    return float(e.source is not None)


def has_target(e: Any) -> float:
    """1 when the event names a target (an actor or a place)."""
    return float(e.target is not None)


def has_both(e: Any) -> float:
    """1 when the event names both a source and a target."""
    return float(e.source is not None and e.target is not None)


def announced(e: Any) -> float:
    """1 when the act is future or hypothetical."""
    return float(e.modality in ("future", "hypothetical"))


def place_target(e: Any) -> float:
    """1 when the act is done to a place, no actor undergoing it ("shelled the capital Juba")."""
    return float(e.target is not None and e.target.actor_id.startswith(PLACE_PREFIXES))


def negated(e: Any) -> float:
    """1 when the act is negated ("did not attack")."""
    return float(bool(e.negated))


def verbal(e: Any) -> float:
    """1 for a verbal act (the type's PLOVER quad: verbal cooperation or conflict)."""
    return float(load_ontology().quad(e.type).startswith("verbal"))


def material_conflict(e: Any) -> float:
    """1 for a material conflict (the type's PLOVER quad)."""
    return float(load_ontology().quad(e.type) == "material_conflict")


def lead(e: Any) -> float:
    """1 when told in the article's first :data:`LEAD_CHARS` characters (headline and lead)."""
    return float(e.sentence.start < LEAD_CHARS)


def source_pronoun(e: Any) -> float:
    """1 when the source is named by a pronoun ("*they* attacked"): resolved by coreference, not by name."""
    return float(e.source is not None and e.source.text.strip().lower() in _pronouns())


def source_carried(e: Any) -> float:
    """1 when the source's words are not in the event's sentence: carried over from another sentence
    (an inherited or restated doer, "the two sides", a context doer)."""
    return float(e.source is not None and e.source.text not in e.sentence.text)


def quoted(e: Any) -> float:
    """1 when the event's sentence holds a quotation mark (an act told inside or beside a quote)."""
    return float(any(m in e.sentence.text for m in QUOTE_MARKS))


def long_sentence(e: Any) -> float:
    """1 when the event's sentence has more than :data:`LONG_SENTENCE_WORDS` words (more readings compete)."""
    return float(len(e.sentence.text.split()) > LONG_SENTENCE_WORDS)


#: the features a logistic model may weigh, by name, read off a raw event (or a contract event: both have
#: ``confidence``, ``source``, ``target``, ``modality``, ``negated``, ``type`` and ``sentence``)
FEATURES: dict[str, Callable[[Any], float]] = {
    "raw": raw_score, "source": has_source, "target": has_target, "both": has_both, "announced": announced,
    "place_target": place_target, "negated": negated, "verbal": verbal, "material_conflict": material_conflict,
    "lead": lead, "source_pronoun": source_pronoun, "source_carried": source_carried, "quoted": quoted,
    "long_sentence": long_sentence,
}


def keep_lead(scores: Sequence[float], sentences: Sequence[Any], confidences: Sequence[float],
              step: float = LEAD_STEP) -> list[float]:
    """The ``confidences`` of one article's events (in output order; ``scores`` their raw scores,
    ``sentences`` a key of each one's sentence), lowered where needed so that the event the raw score
    ranks first -- of the article, and of each sentence -- stays the most confident one: every other
    event is at least ``step`` below it (ties of the raw score go to the first in order). The features
    of the text thus move an event's confidence but never which reading of a sentence or an article is
    its top one: scores (0.9, 0.8) with confidences (0.5, 0.7) -> (0.5, 0.499)."""
    out = [float(c) for c in confidences]

    def cap(idx: Sequence[int]) -> None:
        if not idx:
            return
        top = max(idx, key=lambda i: (scores[i], -i))
        ceiling = max(0.0, round(out[top] - step, DECIMALS))
        for i in idx:
            if i != top and out[i] > ceiling:
                out[i] = ceiling
    cap(range(len(out)))
    groups: dict[Any, list[int]] = {}
    for i, key in enumerate(sentences):
        groups.setdefault(key, []).append(i)
    for idx in groups.values():
        cap(idx)
    return out


class CalibrationTable(DataModel):
    """``data/event_calibration.yaml``: a ``logistic`` model (``weights`` by feature name and ``bias``)
    or an ``isotonic`` table (``points``: (raw score, calibrated confidence) pairs, both increasing);
    the rest records how it was fitted and cross-validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    method: Literal["isotonic", "logistic"] = "isotonic"
    #: the fitting script's name of the method (``CANDIDATES`` in scripts/fit_event_calibration.py)
    variant: str = ""
    points: list[tuple[float, float]] = Field(default_factory=list)
    weights: dict[str, float] = Field(default_factory=dict)
    fitted_on: str = ""
    seed: Optional[int] = None
    pairs: int = 0
    ece_before: Optional[float] = None
    ece_after: Optional[float] = None
    #: mean ECE over the held-out folds of a repeated k-fold split by article (the decision measure)
    ece_cv: Optional[float] = None
    #: what the cross-validation compared: method -> {"ece": ..., "brier": ...}
    cross_validation: dict[str, dict[str, float]] = Field(default_factory=dict)
    #: the decision measure since #14's held test: candidate -> {"ece": mean of fit dev-a -> ECE on dev-b and
    #: fit dev-b -> ECE on dev-a, "auc": ..., "top_half": ..., "bottom_half": ...}
    cross_halves: dict[str, dict[str, float]] = Field(default_factory=dict)
    folds: Optional[int] = None
    repeats: Optional[int] = None
    #: the L2 penalty and the least weight of ``raw`` the logistic fit used
    l2: Optional[float] = None
    min_raw_weight: Optional[float] = None
    #: the top event of each sentence and of the article by raw score stays the most confident one
    #: (:func:`keep_lead`): a model of features of the text that rank events across readings
    keep_lead: bool = False


def _check_points(points: Sequence[tuple[float, float]]) -> None:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    if not points or xs != sorted(xs) or ys != sorted(ys) or not all(0.0 <= y <= 1.0 for y in ys):
        raise ValueError(f"{CALIBRATION_FILE}: isotonic points must increase in both coordinates, within [0, 1]")


def _check_weights(weights: dict[str, float]) -> None:
    unknown = sorted(set(weights) - set(FEATURES) - {BIAS})
    if unknown or BIAS not in weights:
        raise ValueError(f"{CALIBRATION_FILE}: logistic weights need '{BIAS}' and features of "
                         f"{sorted(FEATURES)} (unknown: {unknown})")
    if weights.get("raw", 0.0) < 0:
        raise ValueError(f"{CALIBRATION_FILE}: the weight of 'raw' must not be negative (it keeps the raw order)")


def parse_calibration(data: Any) -> CalibrationTable:
    """A parsed calibration file, validated: isotonic points sorted by raw score, calibrated values in
    [0, 1] and never decreasing; logistic weights of known features, ``raw`` never negative."""
    table = validate_data(data, CalibrationTable, f"sitrep/data/{CALIBRATION_FILE}", stage="events")
    if table.method == "isotonic":
        _check_points(table.points)
    else:
        _check_weights(table.weights)
    return table


def load_calibration() -> CalibrationTable:
    """The package's calibration model (the stage keeps it in its resources as ``event_calibration``)."""
    return parse_calibration(load_data(CALIBRATION_FILE))


def calibrate(raw: float, points: Sequence[tuple[float, float]]) -> float:
    """The calibrated confidence of raw score ``raw`` under an isotonic table: linear between the two
    table points around it (0.8 between (0.7, 0.2) and (0.9, 0.4) -> 0.3), a small slope beyond the
    ends, within [0, 1]."""
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


def feature_vector(event: Any, names: Sequence[str]) -> list[float]:
    """The values of the features ``names`` of ``event`` (a raw or contract event)."""
    return [FEATURES[n](event) for n in names]


def logistic(event: Any, weights: dict[str, float]) -> float:
    """The logistic model's confidence of ``event``: an event with both parties and raw score 0.9
    under ``{"bias": -2, "raw": 1, "both": 1.5}`` -> 1 / (1 + e^-0.4) ≈ 0.599."""
    z = weights.get(BIAS, 0.0) + sum(w * FEATURES[n](event) for n, w in weights.items() if n != BIAS)
    return round(1.0 / (1.0 + math.exp(-z)), DECIMALS)


def calibrated(event: Any, table: CalibrationTable) -> float:
    """The calibrated confidence of ``event`` (its ``confidence`` the raw score) under ``table``."""
    if table.method == "logistic":
        return logistic(event, table.weights)
    return calibrate(float(event.confidence), table.points)


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


def fit_logistic(rows: Sequence[Sequence[float]], labels: Sequence[bool], names: Sequence[str],
                 l2: float = 1.0, min_raw_weight: float = 0.0, iterations: int = 50) -> dict[str, float]:
    """Logistic regression of correctness on the feature rows (columns ``names``) by Newton's method
    with an L2 penalty ``l2`` on every weight but the bias; when the weight of ``raw`` comes out below
    ``min_raw_weight`` it is fixed there and the others refitted. Pure Python (a handful of features)."""
    free = list(names)
    fixed: dict[str, float] = {}
    weights = _newton(rows, labels, names, free, fixed, l2, iterations)
    if "raw" in names and weights["raw"] < min_raw_weight:
        fixed = {"raw": min_raw_weight}
        free = [n for n in names if n != "raw"]
        weights = _newton(rows, labels, names, free, fixed, l2, iterations)
    return {k: round(v, 4) for k, v in weights.items()}


def _newton(rows, labels, names, free, fixed, l2, iterations) -> dict[str, float]:
    """Newton steps for the bias and the ``free`` weights (``fixed`` ones enter as an offset)."""
    idx = {n: i for i, n in enumerate(names)}
    xs = [[1.0] + [r[idx[n]] for n in free] for r in rows]
    offs = [sum(w * r[idx[n]] for n, w in fixed.items()) for r in rows]
    k = len(free) + 1
    w = [0.0] * k
    for _ in range(iterations):
        g = [l2 * w[j] if j else 0.0 for j in range(k)]
        h = [[(l2 if i == j and i else 0.0) for j in range(k)] for i in range(k)]
        for x, off, y in zip(xs, offs, labels):
            p = 1.0 / (1.0 + math.exp(-(off + sum(a * b for a, b in zip(w, x)))))
            s = p * (1.0 - p)
            for i in range(k):
                g[i] += (p - float(y)) * x[i]
                for j in range(k):
                    h[i][j] += s * x[i] * x[j]
        step = _solve(h, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-9:
            break
    fitted = {n: w[i + 1] for i, n in enumerate(free)}
    return {BIAS: w[0], **{n: fixed[n] if n in fixed else fitted[n] for n in names}}


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """``a x = b`` by Gaussian elimination with partial pivoting (a small symmetric system)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            raise ValueError("singular system: a feature is constant or duplicates another")
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for j in range(c, n + 1):
                m[r][j] -= f * m[c][j]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][j] * x[j] for j in range(r + 1, n))) / m[r][r]
    return x
