"""Numbers as news writes them: "about 1,000", "nearly two dozen", "3.5 million", "$2bn", "10-15",
"between 10 and 15", "hundreds of", "30 km".

:func:`find_quantities` scans a text once with one compiled regular expression (built from
``data/quantities.yaml``) and returns :class:`Quantity` records with character offsets that slice the
text exactly. :func:`parse_number` reads one number. Nothing here raises on odd input: a string that
is not a number gives ``None`` (or no quantity), and "1,000.000" reads as 1000.

This module is neutral (no stage imports): the claims stage and the contradiction rule use it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional


from .errors import ConfigError
from .datafiles import load_data

HEDGE_KINDS = ("around", "below", "above", "at_least", "at_most")
MAX_VALUE = 1e15


@dataclass(frozen=True)
class Quantity:
    """One number found in a text, with its hedge, range, currency and unit."""

    text: str
    start: int
    end: int
    value: float
    value_max: Optional[float] = None
    approx: bool = False
    hedge: Optional[str] = None          # the hedge as listed in quantities.yaml ("about", "more than")
    currency: Optional[str] = None       # ISO 4217 code
    unit: Optional[str] = None           # normalised unit of a measure ("km", "km2", "%")
    unit_property: Optional[str] = None  # "distance" / "area" when the unit says what is measured
    num_start: int = 0                   # where the number itself starts/ends (without hedge/currency)
    num_end: int = 0
    vague: bool = False                  # "hundreds of", "dozens of"


@dataclass(frozen=True)
class Lexicon:
    number_words: dict
    scales: dict            # word -> (value, money_only)
    vague: dict             # "hundreds" -> 200
    hedges: dict            # "about" -> {"kind": ..., "tolerance": ...}
    exact_tolerance: float
    approx_tolerance: float
    currency_symbols: dict
    currency_words: dict
    units: dict             # "km" -> {"property", "unit", "factor"}
    raw: dict               # the whole file (properties, attribution, ...)
    regex: re.Pattern
    unit_regex: re.Pattern
    hedge_regex: re.Pattern


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    parts = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)


def _validate(data: dict) -> None:
    if not isinstance(data, dict):
        raise ConfigError("quantities.yaml: top level must be a mapping")
    for key in ("number_words", "scales", "vague_plurals", "hedges", "currency_symbols", "currency_words",
                "units", "properties", "person_nouns", "attribution_verbs", "exact_tolerance",
                "approx_tolerance"):
        if key not in data:
            raise ConfigError(f"quantities.yaml: missing section {key!r}")
    for word, h in data["hedges"].items():
        if not isinstance(h, dict) or h.get("kind") not in HEDGE_KINDS:
            raise ConfigError(f"quantities.yaml: hedge {word!r} needs a kind among {HEDGE_KINDS}")
        if h["kind"] in ("around", "below", "above") and not isinstance(h.get("tolerance"), (int, float)):
            raise ConfigError(f"quantities.yaml: hedge {word!r} needs a numeric tolerance")
    for name, prop in data["properties"].items():
        if not isinstance(prop, dict) or "unit" not in prop:
            raise ConfigError(f"quantities.yaml: property {name!r} needs a unit")
    for word, u in data["units"].items():
        if not {"property", "unit", "factor"} <= set(u):
            raise ConfigError(f"quantities.yaml: unit {word!r} needs property, unit and factor")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The quantities lexicon, loaded and compiled once per process."""
    data = load_data("quantities.yaml")
    _validate(data)
    scales = {}
    for word, v in data["scales"].items():
        if isinstance(v, dict):
            scales[str(word).lower()] = (float(v["value"]), bool(v.get("money_only", False)))
        else:
            scales[str(word).lower()] = (float(v), False)
    number_words = {str(k).lower(): float(v) for k, v in data["number_words"].items()}
    vague = {str(k).lower(): float(v) for k, v in data["vague_plurals"].items()}
    hedges = {str(k).lower(): dict(v) for k, v in data["hedges"].items()}
    cur_sym = {str(k): v for k, v in data["currency_symbols"].items()}
    cur_words = {str(k).lower(): v for k, v in data["currency_words"].items()}
    units = {str(k): dict(v) for k, v in data["units"].items()}

    word_scales = [w for w, (_, money) in scales.items() if not money and w.isalpha() and len(w) > 1]
    w_alt = _alt(list(number_words) + word_scales)
    word_num = (rf"(?:(?:an?)\s+)?(?:{w_alt})(?:(?:\s+and\s+|\s+a\s+|\s+|-)(?:{w_alt}))*")
    digits = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    scale_alt = _alt(scales)
    num = rf"(?:(?<![\w.,]){digits}(?!\d|[.,]\d)(?:\s*(?:{scale_alt})(?![\w]))?|(?<![\w-]){word_num}(?![\w]))"
    cur = rf"(?:{_alt(cur_sym)})"
    vague_alt = _alt(vague)
    pattern = (
        rf"(?P<hedge>(?<![\w])(?:{_alt(hedges)})\s+)?"
        rf"(?:(?P<vague>(?<![\w])(?:{vague_alt})(?:\s+of\s+(?:{vague_alt}))?(?![\w]))"
        rf"|(?P<between>(?<![\w])(?:between|from)\s+)?"
        rf"(?P<cur>{cur}\s?)?(?P<n1>{num})"
        rf"(?:(?P<sep>\s*(?:-|–|—|to|and)\s*)(?P<cur2>{cur}\s?)?(?P<n2>{num}))?"
        rf"(?P<cursuf>\s+(?:{_alt(cur_words)})(?![\w]))?)"
    )
    regex = re.compile(pattern, re.IGNORECASE)
    unit_regex = re.compile(rf"\s*(?P<unit>%|per\s?cent\b|{_alt(units)})(?![\w])", re.IGNORECASE)
    hedge_regex = re.compile(rf"^\s*(?P<hedge>{_alt(hedges)})\s+", re.IGNORECASE)
    return Lexicon(number_words=number_words, scales=scales, vague=vague, hedges=hedges,
                   exact_tolerance=float(data["exact_tolerance"]),
                   approx_tolerance=float(data["approx_tolerance"]),
                   currency_symbols=cur_sym, currency_words=cur_words, units=units, raw=data,
                   regex=regex, unit_regex=unit_regex, hedge_regex=hedge_regex)


def _finite(v: Optional[float]) -> Optional[float]:
    if v is None or not math.isfinite(v) or abs(v) > MAX_VALUE:
        return None
    return v


def _parse_words(words: list[str], lex: Lexicon) -> Optional[float]:
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in ("and", "a", "an"):
            continue
        if w in lex.number_words:
            current += lex.number_words[w]
            seen = True
        elif w in lex.scales:
            scale = lex.scales[w][0]
            seen = True
            if scale >= 1000:
                total += (current or 1.0) * scale
                current = 0.0
            else:
                current = (current or 1.0) * scale
        else:
            return None
    return (total + current) if seen else None


def parse_number(text: str, *, money: bool = False) -> Optional[float]:
    """The value of one number written in digits and/or words ("1,000", "3.5 million", "two dozen",
    "2bn" when ``money``); ``None`` when ``text`` is not a number. Never raises."""
    try:
        lex = lexicon()
        s = (text or "").strip().lower()
        if not s:
            return None
        m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)\s*([a-z]*)", s)
        if m:
            digits, scale_word = m.group(1), m.group(2)
            digits = digits.replace(",", "")
            if not digits or digits.count(".") > 1:
                return None
            value = float(digits)
            if scale_word:
                if scale_word not in lex.scales:
                    return None
                scale, money_only = lex.scales[scale_word]
                if money_only and not money:
                    return None
                value *= scale
            return _finite(value)
        words = [w for w in re.split(r"[\s-]+", s) if w]
        if not words:
            return None
        return _finite(_parse_words(words, lex))
    except (ValueError, OverflowError):
        return None


def _num_value(text: str, money: bool, lex: Lexicon) -> tuple[Optional[float], int]:
    """Value of a matched number and the length of its text actually used (a money-only scale
    after a non-money number is left out: "500m" is 500 and a unit)."""
    v = parse_number(text, money=money)
    if v is not None:
        return v, len(text)
    m = re.match(r"\d[\d,]*(?:\.\d+)?", text)
    if m:
        return parse_number(m.group(0)), m.end()
    return None, len(text)


def hedge_of(text: str) -> Optional[str]:
    """The hedge word a quantity's text starts with ("about 1,000 troops" -> "about"), or ``None``."""
    if not text:
        return None
    m = lexicon().hedge_regex.match(text)
    return re.sub(r"\s+", " ", m.group("hedge").lower()) if m else None


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every number in ``text`` with its hedge, range, currency and unit; offsets are ``offset`` +
    positions in ``text``. Never raises on odd input."""
    lex = lexicon()
    out: list[Quantity] = []
    if not text:
        return out
    for m in lex.regex.finditer(text):
        try:
            q = _from_match(m, text, lex, offset)
        except (ValueError, OverflowError, KeyError):  # pragma: no cover - defensive
            q = None
        if q is not None:
            out.append(q)
    return out


def _from_match(m: re.Match, text: str, lex: Lexicon, offset: int) -> Optional[Quantity]:
    hedge = re.sub(r"\s+", " ", m.group("hedge").strip().lower()) if m.group("hedge") else None
    start = m.start()
    if m.group("vague"):
        words = re.split(r"\s+", m.group("vague").lower())
        value = lex.vague.get(words[0], 0.0)
        if len(words) >= 3:  # "hundreds of thousands"
            second = words[-1].rstrip("s")
            value *= lex.scales.get(second, (lex.vague.get(words[-1], 1.0), False))[0]
        end = m.end("vague")
        if value <= 0:
            return None
        return Quantity(text=text[start:end], start=start + offset, end=end + offset, value=value,
                        approx=True, hedge=hedge, num_start=m.start("vague") + offset,
                        num_end=end + offset, vague=True)

    currency = None
    if m.group("cur"):
        currency = lex.currency_symbols.get(m.group("cur").strip()) or \
            lex.currency_symbols.get(m.group("cur").strip().upper())
    cursuf = m.group("cursuf")
    if cursuf:
        word = re.sub(r"\s+", " ", cursuf.strip().lower())
        if word in lex.raw.get("currency_words_needing_scale", []) and not re.search(r"[a-z]\s*$", m.group("n2") or m.group("n1"), re.I):
            cursuf = None  # "236 pounds" is a weight
        else:
            currency = currency or lex.currency_words.get(word)
    money = currency is not None
    v1, used1 = _num_value(m.group("n1"), money, lex)
    if v1 is None:
        return None
    n1_start = m.start("n1")
    end = n1_start + used1
    value_max = None
    sep = (m.group("sep") or "").strip().lower()
    between = (m.group("between") or "").strip().lower()
    if m.group("n2") and used1 == len(m.group("n1")):
        sep_ok = (sep == "and" and between == "between") or (sep == "to" and between != "between") \
            or (sep in ("-", "–", "—") and not between)
        v2, used2 = _num_value(m.group("n2"), money, lex)
        if sep_ok and v2 is not None:
            # an unscaled low end takes the high end's scale: "3 to 5 million"
            low_bare = re.fullmatch(r"[\d,.]+", m.group("n1").strip())
            high_bare = re.match(r"[\d,.]+", m.group("n2"))
            if low_bare and high_bare and v2 > v1:
                base = parse_number(high_bare.group(0))
                if base and base > 0 and v2 / base > 1 and v1 * (v2 / base) <= v2:
                    v1 = v1 * (v2 / base)
            if v1 <= v2:
                value_max = v2
                end = m.start("n2") + used2
        if value_max is not None and value_max < v1:
            value_max, end = None, n1_start + used1
    if between and value_max is None:
        start = m.start("cur") if m.group("cur") else n1_start
        if hedge:
            hedge = None  # "about between" never happens; keep spans simple
    elif not m.group("hedge"):
        start = m.start("between") if between else (m.start("cur") if m.group("cur") else n1_start)
    if cursuf and end >= m.start("cursuf"):
        end = m.end("cursuf")
    elif cursuf and value_max is None and end == n1_start + used1 and not m.group("n2"):
        end = m.end("cursuf")

    unit = unit_property = None
    if not money:
        um = lex.unit_regex.match(text, end)
        if um:
            word = re.sub(r"\s+", " ", um.group("unit"))
            key = next((k for k in lex.units if k.lower() == word.lower()), None)
            if word in ("%",) or word.lower().replace(" ", "") in ("percent", "percent"):
                unit, end = "%", um.end()
            elif key is not None:
                u = lex.units[key]
                factor = float(u["factor"])
                v1 = v1 * factor
                value_max = value_max * factor if value_max is not None else None
                unit, unit_property, end = u["unit"], u["property"], um.end()
    if _finite(v1) is None or (value_max is not None and _finite(value_max) is None):
        return None
    return Quantity(text=text[start:end], start=start + offset, end=end + offset, value=float(v1),
                    value_max=float(value_max) if value_max is not None else None,
                    approx=hedge is not None, hedge=hedge, currency=currency, unit=unit,
                    unit_property=unit_property, num_start=n1_start + offset,
                    num_end=(n1_start + used1 if value_max is None else end) + offset)


def parse_quantity(text: str) -> Optional[Quantity]:
    """The first quantity in ``text`` (offsets relative to ``text``), or ``None``."""
    qs = find_quantities(text)
    return qs[0] if qs else None
