"""Stage ``dates``: every temporal expression of the article, resolved against its publication date.

Finding and resolving live in :mod:`sitrep.lang.timex` (shared with the stages that date events, claims and
relations through :func:`sitrep.lang.timex.governing_date`). Each expression becomes a
:class:`~sitrep.contract.TimeExpression` with its span, its value ("YYYY", "YYYY-MM" or "YYYY-MM-DD"),
its precision and its relation ("since 2011" -> ``since``). Without a publication date, relative
expressions are still listed, with ``value`` null. The words come from ``data/timex.yaml`` through the
pipeline's resources (``timex``); a French article's from ``data/timex_fr.yaml`` (``timex:fr``).
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from ..core.article import ArticleState
from ..lang.timex import find_timexes, read_lexicon, resolve, to_contract
from .base import Stage


def _base(published: Optional[str]) -> Optional[dt.date]:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


class DatesStage(Stage):
    name = "dates"
    needs = ("article", "doc")
    assigns = ("dates",)

    def process(self, state: ArticleState) -> None:
        lang = state.language
        lex = self.resources.get("timex", read_lexicon) if lang == "en" else \
            self.resources.get(f"timex:{lang}", lambda: read_lexicon(lang))
        base = _base(state.article.published)
        timexes = find_timexes(state.text, state.doc, lex)
        for t in timexes:
            t.value, t.precision = resolve(t.core, base, t.future, lex)
        state.dates = to_contract(timexes)
