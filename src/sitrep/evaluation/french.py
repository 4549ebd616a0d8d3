"""The ``fr`` suite: sitrep's French development set (``eval/fr``: 20 short wire-style articles written for
sitrep, each with a gold reading in the shape of ``shared/seed/gold.json``), scored article by article
with the seed's rules (:func:`sitrep.evaluation.seed.score_seed`) and summed: a ratio's numerators and
denominators are added over the articles, a count is added up.

The headline figures are the seed's: ``event precision`` (output events whose type, source and target
match a required or optional gold event), ``quotes with right speaker``, ``places right`` (name,
country, feature and position) and ``dates right``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Optional

from ..errors import EvalDataError
from .matching import run_pipeline
from .results import Metric, SuiteResult, count, ratio
from .seed import SeedGold, score_seed


def gold_files(path: str | Path) -> list[Path]:
    """The gold readings of the set at ``path`` (a folder with ``gold/*.json``, a folder of ``*.json``,
    or one file)."""
    path = Path(path)
    if path.is_file():
        return [path]
    folder = path / "gold" if (path / "gold").is_dir() else path
    files = sorted(folder.glob("*.json"))
    if not files:
        raise EvalDataError(f"no gold readings (*.json) under {folder}", path=str(path))
    return files


def _sum(results: list[SuiteResult]) -> list[Metric]:
    """The articles' figures added up, in the order of the first article's."""
    out: list[Metric] = []
    for m in results[0].metrics:
        same = [r.metric(m.name) for r in results]
        if m.kind == "ratio" and m.denominator is not None:
            out.append(ratio(m.name, sum(x.numerator or 0 for x in same), sum(x.denominator or 0 for x in same),
                             note=m.note, higher_is_better=m.higher_is_better))
        elif m.kind == "count":
            out.append(count(m.name, sum(x.value or 0 for x in same), note=m.note,
                             higher_is_better=m.higher_is_better))
    return out


def evaluate_french(path: str | Path, *, pipeline=None, limit: Optional[int] = None) -> SuiteResult:
    """Run the pipeline over the French development set and score it."""
    files = gold_files(path)[:limit] if limit else gold_files(path)
    golds = [SeedGold.load(f) for f in files]
    t0 = time.perf_counter()
    docs, failures, _ = run_pipeline([g.article() for g in golds], pipeline=pipeline)
    scored, details = [], {}
    for g, d in zip(golds, docs):
        if d is None:
            continue
        r = score_seed(g, d)
        scored.append(r)
        missed = {k: v for k, v in r.details.items() if v}
        if missed:
            details[g.article_path.stem if g.article_path else str(g.path)] = missed
    if not scored:
        raise EvalDataError(f"the pipeline failed on every article: {failures[:3]}", path=str(path))
    metrics = _sum(scored)
    french = sum(1 for d in docs if d is not None and d.article.language == "fr")
    metrics.append(ratio("articles read as French", french, len(golds)))
    details_all: dict[str, Any] = {"failures": failures, **details}
    result = SuiteResult(suite="fr", data=str(path), items=len(golds), failures=len(failures), metrics=metrics,
                         details=details_all, seconds=time.perf_counter() - t0)
    result.key_lines = key_lines(result)
    return result


def key_lines(r: SuiteResult) -> list[str]:
    def frac(name: str) -> str:
        m = r.metric(name)
        v = "n/a" if m.value is None else f"{m.value:.2f}"
        return f"{v} ({int(m.numerator or 0)}/{int(m.denominator or 0)})"

    return [
        f"articles read as French: {frac('articles read as French')}",
        f"event type+source+target precision: {frac('event precision')}",
        f"required events found: {frac('required events found')}",
        f"must-not errors: {int(r.metric('must-not errors').value or 0)}",
        f"quotes with right speaker: {frac('quotes with right speaker')} (found {frac('quotes found')})",
        f"places right: {frac('places right')}",
        f"dates right: {frac('dates right')}",
    ]
