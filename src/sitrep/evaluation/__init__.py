"""``sitrep eval``: sitrep's figures, measured on gold data in public annotation formats.

Suites: :mod:`~sitrep.evaluation.seed` (a hand-written gold reading of one article),
:mod:`~sitrep.evaluation.plover` (the OEDA PLOVER gold standard), :mod:`~sitrep.evaluation.polnear`
(brat standoff attributions), :mod:`~sitrep.evaluation.lgl` (LGL/GeoWebNews toponyms). Each returns a
:class:`~sitrep.evaluation.results.SuiteResult`.
"""

from .results import Metric, SuiteResult

__all__ = ["Metric", "SuiteResult"]
