"""The ``fr`` suite: sitrep's French development set (``eval/fr``: 24 short articles in the style of French
wire copy, written for sitrep -- not real articles -- each with a gold reading in the format of the
real-news set, ``eval/news/FORMAT.md``), scored by the news set's strict, role-level rules
(:func:`sitrep.evaluation.news.evaluate_news`) on one of its splits (``dev``, two thirds; ``held``, the
third kept back; ``all``).

Beside the news figures it counts the ``articles read as French``: the language stage must find the
language of each article by itself (none is given with the articles).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from .news import evaluate_news
from .results import SuiteResult, ratio


def evaluate_french(path: str | Path, *, pipeline=None, limit: Optional[int] = None,
                    split: str = "dev") -> SuiteResult:
    """Run the pipeline over the French set's ``split`` and score it as the news set is scored."""
    result = evaluate_news(path, pipeline=pipeline, limit=limit, split=split, suite="fr")
    french = result.details["languages"].get("fr", 0)
    result.metrics.insert(1, ratio("articles read as French", french, result.items,
                                   note="detected by the language stage"))
    result.key_lines = key_lines(result, split)
    return result


def key_lines(r: SuiteResult, split: str) -> list[str]:
    """The figures issue #18 asks of the French set, one line each."""
    def show(name: str) -> str:
        return r.metric(name).display()

    return [
        f"fr ({split}): articles read as French {show('articles read as French')}",
        f"event type+source+target precision {show('event type+source+target precision')}, "
        f"recall {show('event type+source+target recall')}",
        f"quote speaker accuracy {show('quote speaker accuracy')} (quotes found: recall {show('quote recall')})",
        f"place precision {show('place precision')}, recall {show('place recall')}",
    ]
