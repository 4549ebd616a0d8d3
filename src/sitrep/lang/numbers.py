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
from typing import Literal, Optional, Union, get_args

from pydantic import StrictBool, model_validator

from ..core.datafiles import load_data
from ..lexicon import fill
from ..core.datamodels import DataModel, validate_data

HedgeKind = Literal["around", "below", "above", "at_least", "at_most"]
HEDGE_KINDS: tuple[str, ...] = get_args(HedgeKind)
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


@dataclass(frozen=True, eq=False)
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
    #: a vague plural stands for (low * value, high * value)
    vague_range: tuple = (0.5, 5.0)
    #: currency words that are a currency only after a scale ("5 million pounds", not "236 pounds")
    currency_needing_scale: frozenset = frozenset()


# -- the file ------------------------------------------------------------------------------------
class Hedge(DataModel):
    kind: HedgeKind
    tolerance: Optional[float] = None

    @model_validator(mode="after")
    def _tolerance_where_needed(self) -> "Hedge":
        if self.kind in ("around", "below", "above") and self.tolerance is None:
            raise ValueError(f"a hedge of kind {self.kind} needs a numeric tolerance")
        return self


class Scale(DataModel):
    value: float
    money_only: StrictBool = False


class Unit(DataModel):
    property: str
    unit: str
    factor: float


class CountedProperty(DataModel):
    """What is counted ("troops", "dead"): its unit and the words that say so."""

    unit: str
    comparable_days: Optional[int] = None
    victim: StrictBool = False
    #: its nouns name people by a state ("prisoners", "refugees", "hostages"): a verb acting on them
    #: says what happened to them ("released hundreds of prisoners")
    status: StrictBool = False
    nouns: list[str] = []
    verbs: list[str] = []
    adjectives: list[str] = []
    #: adverbs that give the verb they modify this property, whatever the verb ("fatally shot")
    adverbs: list[str] = []
    #: nouns whose value is a count of this property ("the death toll rose to 704")
    tolls: list[str] = []
    #: money only: kind -> the words that make a sum that kind ("aid", "sanctions", "budget")
    kinds: Optional[dict[str, list[str]]] = None


class VagueRange(DataModel):
    low: float
    high: float


class DrivenFrom(DataModel):
    """People a verb moves *from* one of ``places`` ("from their homes") have ``property``."""

    property: str
    places: list[str]


class Membership(DataModel):
    """Members of an armed group counted as its force ("1,100 FARC members")."""

    property: str
    nouns: list[str]
    actor_kinds: list[str]


class QuantitiesFile(DataModel):
    """``data/quantities.yaml`` (see the comments in the file)."""

    number_words: dict[str, float]
    scales: dict[str, Union[float, Scale]]
    vague_plurals: dict[str, float]
    hedges: dict[str, Hedge]
    exact_tolerance: float
    approx_tolerance: float
    vague_range: VagueRange
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    currency_words_needing_scale: list[str] = []
    units: dict[str, Unit]
    properties: dict[str, CountedProperty]
    person_nouns: list[str]
    deictic_places: list[str] = []
    attribution_verbs: list[str]
    attribution_phrases: list[str] = []
    first_person: list[str] = []
    owner_verbs: list[str] = []
    place_prepositions: list[str]
    locative_prepositions: list[str]
    deictic_determiners: list[str]
    temporal_marks: list[str]
    part_markers: list[str] = []
    toll_prepositions: list[str] = []
    year_range: tuple[int, int] = (1900, 2100)
    aggregate_nouns: list[str] = []
    geography_words: list[str] = []
    mixed_property: Optional[str] = None
    bare_number_not_counts: list[str] = []
    patient_verbs: list[str] = []
    sparing_verbs: list[str] = []
    driven_from: Optional[DrivenFrom] = None
    instrument_prepositions: list[str] = []
    designation_before: Optional[str] = None
    leaving_verbs: list[str] = []
    count_extensions: list[str] = []
    subset_determiners: list[str] = []
    membership: Optional[Membership] = None

    @model_validator(mode="after")
    def _mixed_is_a_property(self) -> "QuantitiesFile":
        if self.mixed_property is not None and self.mixed_property not in self.properties:
            raise ValueError(f"mixed_property {self.mixed_property!r} is not one of the properties")
        return self


def _alt(words) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    parts = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)


def _validate(data: dict) -> None:
    """Check a parsed ``quantities.yaml`` (a ConfigError naming the field when it is broken)."""
    validate_data(data, QuantitiesFile, "sitrep/data/quantities.yaml")


def _start_guard(words, cur: str) -> str:
    """A zero-width test that every match of :func:`_number_regex` passes where it starts, so that the
    expression gives up at once elsewhere (inside a word, before a space): its first character opens one
    of ``words`` (digits among them), and it follows no letter or digit unless a currency symbol (``cur``,
    the one part without a word boundary before it) starts there. It only skips positions where nothing
    could match: the matches are the same."""
    chars = sorted({c for w in words for c in w[:1].lower() + w[:1].upper() if w} | set("0123456789"))
    return rf"(?=[{''.join(re.escape(c) for c in chars)}])(?:(?<![\w])|(?={cur}))"


def _number_regex(number_words: dict, scales: dict, vague: dict, hedges: dict, cur_sym: dict,
                  cur_words: dict) -> re.Pattern:
    """The one expression that finds every number with its hedge, range and currency."""
    word_scales = [w for w, (_, money) in scales.items() if not money and w.isalpha() and len(w) > 1]
    w_alt = _alt(list(number_words) + word_scales)
    word_num = (rf"(?:(?:an?)\s+)?(?:{w_alt})(?:(?:\s+and\s+|\s+a\s+|\s+|-)(?:{w_alt}))*")
    digits = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    scale_alt = _alt(scales)
    num = rf"(?:(?<![\w.,]){digits}(?!\d|[.,]\d)(?:\s*(?:{scale_alt})(?![\w]))?|(?<![\w-]){word_num}(?![\w]))"
    cur = rf"(?:{_alt(cur_sym)})"
    vague_alt = _alt(vague)
    firsts = [*number_words, *word_scales, *hedges, *vague, *cur_sym, "a", "between", "from"]
    pattern = (
        _start_guard(firsts, cur) +
        rf"(?P<hedge>(?<![\w])(?:{_alt(hedges)})\s+)?"
        rf"(?:(?P<vague>(?<![\w])(?:{vague_alt})(?:\s+of\s+(?:{vague_alt})|\s+(?:{_alt(word_scales)}))?(?![\w]))"
        rf"|(?P<between>(?<![\w])(?:between|from)\s+)?"
        rf"(?P<cur>{cur}\s?)?(?P<n1>{num})"
        rf"(?:(?P<sep>\s*(?:-|–|—|to|and)\s*)(?P<cur2>{cur}\s?)?(?P<n2>{num}))?"
        rf"(?P<cursuf>\s+(?:{_alt(cur_words)})(?![\w]))?)"
    )
    return re.compile(pattern, re.IGNORECASE)


def read_lexicon() -> Lexicon:
    """The quantities lexicon of ``data/quantities.yaml``, validated and compiled (read anew on each
    call: stages keep it in their pipeline's resources as ``quantities``)."""
    data = fill(load_data("quantities.yaml"), {
        "attribution_verbs": ("speech_verbs", "claims"),
        "place_prepositions": ("place_prepositions", "claims_place"),
        "locative_prepositions": ("place_prepositions", "claims_locative")})
    model = validate_data(data, QuantitiesFile, "sitrep/data/quantities.yaml")
    scales = {}
    for word, v in model.scales.items():
        if isinstance(v, Scale):
            scales[str(word).lower()] = (float(v.value), bool(v.money_only))
        else:
            scales[str(word).lower()] = (float(v), False)
    number_words = {str(k).lower(): float(v) for k, v in data["number_words"].items()}
    vague = {str(k).lower(): float(v) for k, v in data["vague_plurals"].items()}
    hedges = {str(k).lower(): dict(v) for k, v in data["hedges"].items()}
    cur_sym = {str(k): v for k, v in data["currency_symbols"].items()}
    cur_words = {str(k).lower(): v for k, v in data["currency_words"].items()}
    units = {str(k): dict(v) for k, v in data["units"].items()}
    regex = _number_regex(number_words, scales, vague, hedges, cur_sym, cur_words)
    unit_regex = re.compile(rf"\s*(?P<unit>%|per\s?cent\b|{_alt(units)})(?![\w])", re.IGNORECASE)
    hedge_regex = re.compile(rf"^\s*(?P<hedge>{_alt(hedges)})\s+", re.IGNORECASE)
    return Lexicon(number_words=number_words, scales=scales, vague=vague, hedges=hedges,
                   exact_tolerance=float(model.exact_tolerance),
                   approx_tolerance=float(model.approx_tolerance),
                   currency_symbols=cur_sym, currency_words=cur_words, units=units, raw=data,
                   regex=regex, unit_regex=unit_regex, hedge_regex=hedge_regex,
                   vague_range=(float(model.vague_range.low), float(model.vague_range.high)),
                   currency_needing_scale=frozenset(model.currency_words_needing_scale))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The quantities lexicon, read once per process.

    Kept cached because :func:`find_quantities`, :func:`parse_number` and the contradiction rule are
    library functions called without a lexicon (by the store, the situation view and tests); a stage
    passes its pipeline's own (``self.resources.get("quantities", read_lexicon)``) instead."""
    return read_lexicon()


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


def parse_number(text: str, *, money: bool = False, lex: Optional[Lexicon] = None) -> Optional[float]:
    """The value of one number written in digits and/or words ("1,000", "3.5 million", "two dozen",
    "2bn" when ``money``); ``None`` when ``text`` is not a number. Never raises."""
    try:
        lex = lex or lexicon()
        s = (text or "").strip().lower()
        if not s:
            return None
        m = re.fullmatch(r"(\d[\d,]*(?:\.\d+)?)\s*([a-z]*)", s)
        if m:
            return _parse_digits(m.group(1), m.group(2), money, lex)
        words = [w for w in re.split(r"[\s-]+", s) if w]
        if not words:
            return None
        return _finite(_parse_words(words, lex))
    except (ValueError, OverflowError):
        return None


def _parse_digits(digits: str, scale_word: str, money: bool, lex: Lexicon) -> Optional[float]:
    """"3.5" with its scale word ("million"; "bn" only for ``money``): "3.5", "million" -> 3500000."""
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


def _num_value(text: str, money: bool, lex: Lexicon) -> tuple[Optional[float], int]:
    """Value of a matched number and the length of its text actually used (a money-only scale
    after a non-money number is left out: "500m" is 500 and a unit)."""
    v = parse_number(text, money=money, lex=lex)
    if v is not None:
        return v, len(text)
    m = re.match(r"\d[\d,]*(?:\.\d+)?", text)
    if m:
        return parse_number(m.group(0), lex=lex), m.end()
    return None, len(text)


def hedge_of(text: str, lex: Optional[Lexicon] = None) -> Optional[str]:
    """The hedge word a quantity's text starts with ("about 1,000 troops" -> "about"), or ``None``."""
    if not text:
        return None
    m = (lex or lexicon()).hedge_regex.match(text)
    return re.sub(r"\s+", " ", m.group("hedge").lower()) if m else None


def find_quantities(text: str, offset: int = 0, lex: Optional[Lexicon] = None) -> list[Quantity]:
    """Every number in ``text`` with its hedge, range, currency and unit; offsets are ``offset`` +
    positions in ``text``. Never raises on odd input."""
    lex = lex or lexicon()
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


# -- reading one match ------------------------------------------------------------------------------
def _words_of(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _vague(m: re.Match, text: str, lex: Lexicon, offset: int, hedge: Optional[str]) -> Optional[Quantity]:
    """"hundreds of", "hundreds of thousands": the nominal value of the plural (times the second)."""
    start = m.start()
    words = re.split(r"\s+", m.group("vague").lower())
    value = lex.vague.get(words[0], 0.0)
    if len(words) >= 3:  # "hundreds of thousands"
        second = words[-1].rstrip("s")
        value *= lex.scales.get(second, (lex.vague.get(words[-1], 1.0), False))[0]
    elif len(words) == 2:  # "several hundred"
        value *= lex.scales.get(words[1], (1.0, False))[0]
    end = m.end("vague")
    if value <= 0:
        return None
    return Quantity(text=text[start:end], start=start + offset, end=end + offset, value=value,
                    approx=True, hedge=hedge, num_start=m.start("vague") + offset,
                    num_end=end + offset, vague=True)


def _currency(m: re.Match, lex: Lexicon) -> tuple[Optional[str], Optional[str]]:
    """The ISO code of the match's currency ("$2bn", "5 million pounds") and its currency word
    after the number (None for "236 pounds": a weight)."""
    currency = None
    if m.group("cur"):
        currency = lex.currency_symbols.get(m.group("cur").strip()) or \
            lex.currency_symbols.get(m.group("cur").strip().upper())
    cursuf = m.group("cursuf")
    if cursuf:
        word = _words_of(cursuf)
        if word in lex.currency_needing_scale and not re.search(r"[a-z]\s*$", m.group("n2") or m.group("n1"), re.I):
            cursuf = None  # "236 pounds" is a weight
        else:
            currency = currency or lex.currency_words.get(word)
    return currency, cursuf


def _range(m: re.Match, v1: float, used1: int, money: bool, lex: Lexicon) -> tuple[float, Optional[float], int]:
    """``(low, high, end)`` of "10-15", "between 10 and 15", "3 to 5 million" (an unscaled low end
    takes the high end's scale); ``high`` None when the match is one number."""
    n1_start = m.start("n1")
    end = n1_start + used1
    value_max = None
    sep = (m.group("sep") or "").strip().lower()
    between = (m.group("between") or "").strip().lower()
    if not (m.group("n2") and used1 == len(m.group("n1"))):
        return v1, None, end
    sep_ok = (sep == "and" and between == "between") or (sep == "to" and between != "between") \
        or (sep in ("-", "–", "—") and not between)
    v2, used2 = _num_value(m.group("n2"), money, lex)
    if sep_ok and v2 is not None:
        low_bare = re.fullmatch(r"[\d,.]+", m.group("n1").strip())
        high_bare = re.match(r"[\d,.]+", m.group("n2"))
        if low_bare and high_bare and v2 > v1:
            base = parse_number(high_bare.group(0), lex=lex)
            if base and base > 0 and v2 / base > 1 and v1 * (v2 / base) <= v2:
                v1 = v1 * (v2 / base)
        if v1 <= v2:
            value_max = v2
            end = m.start("n2") + used2
    if value_max is not None and value_max < v1:
        value_max, end = None, n1_start + used1
    return v1, value_max, end


def _unit(text: str, end: int, lex: Lexicon) -> Optional[tuple[str, Optional[str], float, int]]:
    """The unit right after a number at ``end``: ``(unit, property, factor, new end)`` ("30 km",
    "12%"), or None."""
    um = lex.unit_regex.match(text, end)
    if not um:
        return None
    word = re.sub(r"\s+", " ", um.group("unit"))
    key = next((k for k in lex.units if k.lower() == word.lower()), None)
    if word in ("%",) or word.lower().replace(" ", "") in ("percent", "percent"):
        return "%", None, 1.0, um.end()
    if key is not None:
        u = lex.units[key]
        return u["unit"], u["property"], float(u["factor"]), um.end()
    return None


def _start(m: re.Match, hedge: Optional[str], value_max: Optional[float]) -> tuple[int, Optional[str]]:
    """Where a quantity starts (its hedge, "between", its currency symbol or its number) and its
    hedge ("about between 10 and 15" never happens: a "between" without a range drops the hedge)."""
    start = m.start()
    n1_start = m.start("n1")
    between = (m.group("between") or "").strip().lower()
    if between and value_max is None:
        start = m.start("cur") if m.group("cur") else n1_start
        if hedge:
            hedge = None  # "about between" never happens; keep spans simple
    elif not m.group("hedge"):
        start = m.start("between") if between else (m.start("cur") if m.group("cur") else n1_start)
    return start, hedge


def _from_match(m: re.Match, text: str, lex: Lexicon, offset: int) -> Optional[Quantity]:
    """The :class:`Quantity` of one match of the lexicon's expression (None when it is no number)."""
    hedge = _words_of(m.group("hedge")) if m.group("hedge") else None
    if m.group("vague"):
        return _vague(m, text, lex, offset, hedge)
    currency, cursuf = _currency(m, lex)
    money = currency is not None
    v1, used1 = _num_value(m.group("n1"), money, lex)
    if v1 is None:
        return None
    n1_start = m.start("n1")
    v1, value_max, end = _range(m, v1, used1, money, lex)
    start, hedge = _start(m, hedge, value_max)
    if cursuf and (end >= m.start("cursuf") or (value_max is None and end == n1_start + used1
                                                and not m.group("n2"))):
        end = m.end("cursuf")
    unit = unit_property = None
    got = None if money else _unit(text, end, lex)
    if got is not None:
        unit, unit_property, factor, end = got
        if unit != "%":
            v1 = v1 * factor
            value_max = value_max * factor if value_max is not None else None
    if _finite(v1) is None or (value_max is not None and _finite(value_max) is None):
        return None
    return Quantity(text=text[start:end], start=start + offset, end=end + offset, value=float(v1),
                    value_max=float(value_max) if value_max is not None else None,
                    approx=hedge is not None, hedge=hedge, currency=currency, unit=unit,
                    unit_property=unit_property, num_start=n1_start + offset,
                    num_end=(n1_start + used1 if value_max is None else end) + offset)


def parse_quantity(text: str, lex: Optional[Lexicon] = None) -> Optional[Quantity]:
    """The first quantity in ``text`` (offsets relative to ``text``), or ``None``."""
    qs = find_quantities(text, lex=lex)
    return qs[0] if qs else None
