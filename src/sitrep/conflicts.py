"""THE contradiction rule, in one place.

Two quantitative claims contradict when they speak of the same thing -- same subject, property, unit
and place, with compatible dates -- and their values differ beyond what their hedges allow.

Each claim's words give it an interval of values it is compatible with:

* "about/around/roughly N"   N +/- the hedge's tolerance (5%: "about 1,000" is 950..1,050)
* "nearly/almost N"          N - tolerance .. N
* "just over N"              N .. N + tolerance
* "more than/at least N"     N .. unbounded
* "up to/fewer than N"       0 .. N
* "hundreds", "dozens"       half .. five times the nominal value (``vague_range``)
* an unhedged "N"            N +/- exact_tolerance (1%; reported numbers are rounded)
* a range "10-15"            10..15, widened by its hedge

Two claims contradict when their intervals do not overlap. Tolerances are read from
``data/quantities.yaml`` (hedges, exact_tolerance, approx_tolerance, vague_range); the rule lives here
only. Each function takes the quantities lexicon (``lex``; a stage passes its pipeline's) and falls
back to the process-wide one. The
store reuses :func:`contradicts` across articles, passing identity keys (for example KB ids) for the
subjects and places, since actor and place ids are only unique within one article.
"""

from __future__ import annotations

import math
from typing import Optional

from .contract import Claim
from .numbers import Lexicon, lexicon, parse_quantity


def hedged_interval(lo: float, hi: float, kind: str, tol: float) -> Optional[tuple[float, float]]:
    """The interval of ``lo..hi`` under a hedge of ``kind`` with tolerance ``tol``: "about 1,000"
    (around, 0.05) -> 950..1,050; "more than 300" (at_least) -> 300..inf; None for an unknown kind."""
    if kind == "around":
        return lo * (1 - tol), hi * (1 + tol)
    if kind == "below":
        return lo * (1 - tol), hi
    if kind == "above":
        return lo, hi * (1 + tol)
    if kind == "at_least":
        return lo, math.inf
    if kind == "at_most":
        return 0.0, hi
    return None


def interval(claim: Claim, lex: Optional[Lexicon] = None) -> tuple[float, float]:
    """The values ``claim``'s words are compatible with, as a closed interval (hi may be ``inf``)."""
    lex = lex or lexicon()
    lo = float(claim.value)
    hi = float(claim.value_max) if claim.value_max is not None else lo
    if hi < lo:
        lo, hi = hi, lo
    q = parse_quantity(claim.text, lex=lex) if claim.text else None
    hedge = q.hedge if q is not None else None
    vague = bool(q is not None and q.vague)
    if hedge and hedge in lex.hedges:
        h = lex.hedges[hedge]
        got = hedged_interval(lo, hi, h["kind"], float(h.get("tolerance", 0.0)))
        if got is not None:
            return got
    if vague:
        low, high = lex.vague_range
        return lo * low, hi * high
    tol = lex.approx_tolerance if claim.approx else lex.exact_tolerance
    return lo * (1 - tol), hi * (1 + tol)


def dates_compatible(a: Optional[str], b: Optional[str]) -> bool:
    """Dates are compatible when either is unknown or one contains the other ("2024" and "2024-12")."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _fmt(v: float) -> str:
    if math.isinf(v):
        return "∞"
    return f"{v:,.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:,.2f}"


def contradicts(a: Claim, b: Claim, *, subject_a: Optional[str] = None, subject_b: Optional[str] = None,
                place_a: Optional[str] = None, place_b: Optional[str] = None,
                place_label: Optional[str] = None, lex: Optional[Lexicon] = None) -> Optional[str]:
    """Why claims ``a`` and ``b`` contradict, or ``None`` when they do not (or are not comparable).

    ``subject_*``/``place_*`` override the identity of a claim's subject actor / place (default: the
    claim's ``subject.actor_id`` / ``place``); the store passes cross-article keys here.
    ``place_label`` names the place in the reason (default: the place id).
    """
    if a is b:
        return None
    sa = subject_a if subject_a is not None else a.subject.actor_id
    sb = subject_b if subject_b is not None else b.subject.actor_id
    if sa != sb or a.property != b.property or (a.unit or None) != (b.unit or None):
        return None
    pa = place_a if place_a is not None else a.place
    pb = place_b if place_b is not None else b.place
    if pa != pb:
        return None
    if not dates_compatible(a.date, b.date):
        return None
    lo_a, hi_a = interval(a, lex)
    lo_b, hi_b = interval(b, lex)
    if lo_a <= hi_b and lo_b <= hi_a:
        return None
    where = f" in {place_label or pa}" if pa else ""
    return (f"{a.subject.text} {a.property}{where}: \"{a.text or _fmt(a.value)}\" "
            f"({_fmt(lo_a)}-{_fmt(hi_a)}) vs \"{b.text or _fmt(b.value)}\" ({_fmt(lo_b)}-{_fmt(hi_b)}) "
            f"differ beyond their hedges")


def find_contradictions(claims: list[Claim], place_names: Optional[dict] = None,
                        lex: Optional[Lexicon] = None) -> list[tuple[Claim, Claim, str]]:
    """Every contradicting pair among ``claims`` (one article), in order; ``place_names`` maps place ids
    to the names used in the reasons."""
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        groups.setdefault((c.subject.actor_id, c.property, c.unit, c.place), []).append(c)
    out = []
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                reason = contradicts(a, b, place_label=(place_names or {}).get(a.place), lex=lex)
                if reason:
                    out.append((a, b, reason))
    out.sort(key=lambda t: (t[0].start, t[1].start))
    return out
