"""How sure the stage is of each place it found: a score in [0, 1] from the evidence of its mentions.

The score of a place (a chosen reading) is the best over its mentions of a weighted mean of named,
testable features (weights ``score_weights`` of :class:`~.config.PlacesConfig`):

* ``margin`` -- how clearly the reading won over the best reading in another area (``Candidate.margin``,
  set by :func:`.resolve.read_rounds`: a win by ``confidence_margin`` or more is 1);
* ``entity`` -- the tagger calls the name a place (GPE, LOC, FAC), not a cue alone;
* ``locative`` -- the mention says where something is ("in Aleppo", "eastern Congo"; :mod:`.focus`);
* ``major`` -- a country, a first-level division, a curated region or province, a sea or a range, a
  national capital or a world city under its own name;
* ``focus`` -- the reading lies in a country the story's other places are in (it is one of them, or a
  place in one);
* ``repeated`` -- the place is mentioned more than once.

``min_place_score`` (0.25; 0: off) drops the places below it; ``scripts/place_curve.py`` draws precision and
recall over thresholds on the news dev split, the French dev split and LGL, to choose it.

    >>> place_scores(cands, choice, gaz, PlacesConfig())       # doctest: +SKIP
    {4567: 0.92, 891: 0.31}
"""

from __future__ import annotations

from collections import Counter

from ...core.text import name_key
from .candidate import Candidate
from .config import PlacesConfig
from .names import is_major

#: entity labels that name a place
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: kinds of reading that are major whatever their population
_MAJOR_KINDS = frozenset({"country", "admin1", "region", "province", "other"})


def mention_features(c: Candidate, ch: int, gaz, cfg: PlacesConfig, others: Counter, count: int) -> dict[str, float]:
    """The named features (each 0..1) of one mention ``c`` read as ``ch``; ``others``: per country, the
    mentions of the story's other places there; ``count``: the mentions of the place."""
    cc = gaz.country_of(ch)
    return {
        "margin": max(0.0, min(1.0, c.margin)),
        "entity": 1.0 if c.label in _PLACE_LABELS else 0.0,
        "locative": 1.0 if c.locative or c.dateline else 0.0,
        "major": 1.0 if gaz.kind(ch) in _MAJOR_KINDS
        or is_major(gaz, ch, name_key(c.text), cfg.world_city_population) else 0.0,
        "focus": 1.0 if cc and others.get(cc, 0) > 0 else 0.0,
        "repeated": 1.0 if count > 1 else 0.0,
    }


def place_scores(cands: list[Candidate], choice: list, gaz, cfg: PlacesConfig) -> dict[int, float]:
    """The score of each chosen reading (see the module text)."""
    weights = dict(cfg.score_weights)
    total = sum(weights.values()) or 1.0
    count: Counter = Counter(ch for ch in choice if ch is not None)
    by_cc: Counter = Counter(gaz.country_of(ch) for ch in choice if ch is not None)
    per_reading: dict[int, Counter] = {}
    out: dict[int, float] = {}
    for c, ch in zip(cands, choice):
        if ch is None:
            continue
        others = per_reading.get(ch)
        if others is None:
            own = Counter(gaz.country_of(x) for x in choice if x == ch)
            others = per_reading[ch] = by_cc - own
        f = mention_features(c, ch, gaz, cfg, others, count[ch])
        s = sum(weights.get(k, 0.0) * v for k, v in f.items()) / total
        out[ch] = max(out.get(ch, 0.0), s)
    return out


def drop_unsure(cands: list[Candidate], choice: list, gaz, cfg: PlacesConfig) -> dict[int, float]:
    """Drop (choice ``None``) every mention of a place scoring under ``min_place_score``; returns the
    scores."""
    scores = place_scores(cands, choice, gaz, cfg)
    if cfg.min_place_score > 0:
        for n, ch in enumerate(choice):
            if ch is not None and scores.get(ch, 0.0) < cfg.min_place_score:
                choice[n] = None
    return scores
