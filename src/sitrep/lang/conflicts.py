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

Two claims contradict when their intervals do not overlap.

A count no actor owns belongs to the place of its incident (the claim's subject is that place, see
:class:`sitrep.contract.Claim`); two such counts speak of the same incident only when they count the
same people (:func:`counted_word`: "two *people*" and "five *people*", not "104 people" and "35
*children*" of them), at the same place, on compatible dates; within one article both must say where
(a ``place``: the incident is not only the place the article last spoke of) and not come from one
source (one voice giving a toll and later a higher one is updating it). Every reason names the
incident: the place and the date(s). Tolerances are read from
``data/quantities.yaml`` (hedges, exact_tolerance, approx_tolerance, vague_range); the rule lives here
only. Each function takes the quantities lexicon (``lex``; a stage passes its pipeline's) and falls
back to the process-wide one. The
store reuses :func:`contradicts` across articles, passing identity keys (for example KB ids) for the
subjects and places, since actor and place ids are only unique within one article.
"""

from __future__ import annotations

import math
import re
from typing import Optional

from ..core.contract import Claim
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


def counted_word(claim: Claim, lex: Optional[Lexicon] = None) -> str:
    """The word a claim's text counts, after its number: "at least 31 civilians" -> "civilians",
    "seven" -> "" (a number alone)."""
    text = claim.text or ""
    q = parse_quantity(text, lex=lex)
    rest = text[q.end:] if q is not None else text
    words = re.findall(r"[^\W\d_][\w'-]*", rest)
    return words[-1].lower() if words else ""


def when(a: Claim, b: Claim, undated: Optional[str] = None) -> str:
    """The dates of two claims for a reason: " on 2024-05-13", " on 2024-05 / 2024-05-13", or
    ``undated`` when neither has one."""
    dates = sorted({d for d in (a.date, b.date) if d})
    if not dates:
        return undated or ""
    return " on " + " / ".join(dates)


def _fmt(v: float) -> str:
    if math.isinf(v):
        return "∞"
    return f"{v:,.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:,.2f}"


def contradicts(a: Claim, b: Claim, *, subject_a: Optional[str] = None, subject_b: Optional[str] = None,
                place_a: Optional[str] = None, place_b: Optional[str] = None,
                place_label: Optional[str] = None, lex: Optional[Lexicon] = None, incident: bool = False,
                undated: Optional[str] = None) -> Optional[str]:
    """Why claims ``a`` and ``b`` contradict, or ``None`` when they do not (or are not comparable).

    ``subject_*``/``place_*`` override the identity of a claim's subject actor / place (default: the
    claim's ``subject.actor_id`` / ``place``); the store passes cross-article keys here.
    ``place_label`` names the place in the reason (default: the place id). ``incident``: both counts
    belong to the place of an incident (no actor owns them), so they must count the same people
    (:func:`counted_word`). ``undated`` says when in the reason if neither claim has a date.
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
    if incident and counted_word(a, lex) != counted_word(b, lex):
        return None
    lo_a, hi_a = interval(a, lex)
    lo_b, hi_b = interval(b, lex)
    if lo_a <= hi_b and lo_b <= hi_a:
        return None
    where = f" in {place_label or pa}" if pa else ""
    who = "" if incident else f"{a.subject.text} "
    what = f"{a.property}{where}{when(a, b, undated)}" + (" (one incident)" if incident else "")
    return (f"{who}{what}: \"{a.text or _fmt(a.value)}\" "
            f"({_fmt(lo_a)}-{_fmt(hi_a)}) vs \"{b.text or _fmt(b.value)}\" ({_fmt(lo_b)}-{_fmt(hi_b)}) "
            f"differ beyond their hedges")


def find_contradictions(claims: list[Claim], place_names: Optional[dict] = None,
                        lex: Optional[Lexicon] = None) -> list[tuple[Claim, Claim, str]]:
    """Every contradicting pair among ``claims`` (one article), in order; ``place_names`` maps the
    article's place ids to the names used in the reasons (a claim whose subject is one of them is an
    incident's count: see the module doc)."""
    groups: dict[tuple, list[Claim]] = {}
    for c in claims:
        groups.setdefault((c.subject.actor_id, c.property, c.unit, c.place), []).append(c)
    out = []
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                incident = a.subject.actor_id in (place_names or {})
                if incident and (a.place is None or (_source(a) is not None and _source(a) == _source(b))):
                    continue  # an incident the text does not place, or one voice updating its toll
                reason = contradicts(a, b, place_label=(place_names or {}).get(a.place), lex=lex,
                                     incident=incident)
                if reason:
                    out.append((a, b, reason))
    out.sort(key=lambda t: (t[0].start, t[1].start))
    return out


def _source(c: Claim) -> Optional[str]:
    return c.attributed_to.actor_id if c.attributed_to is not None else None
