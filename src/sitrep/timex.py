"""Temporal expressions: find them in a parsed text, resolve them against the publication date.

Finding (:func:`find_timexes`) unites spaCy's DATE entities (and TIME entities that name a day: "Friday
night") with patterns of our own ("yesterday", "on Sunday", "last week", "since 2011", "in March",
"earlier this month", "on Dec. 2", "December 2, 2024", "2018", "three days ago"), keeps the longest of
overlapping spans and takes in the preposition before them ("since 2011" -> relation ``since``).

Resolving (:func:`resolve`) is done with dateparser (``languages=['en']``, past preferred, the
publication date as ``RELATIVE_BASE``; one cached parser per base date) around its known pitfalls:

* the verb "may" is not May: a month name alone must be capitalised and read as a noun;
* "since 2011" returns nothing from dateparser: the preposition is stripped and kept as the relation;
* a bare year gets the base date's month and day: we keep value "2011" with precision ``year``;
* "the 27th" resolves into the future: day-of-month expressions are moved back a month when needed;
* weekday names are the most recent such day on or before publication, unless the tense says future
  ("will meet on Sunday"), then the next one;
* precision is honest: ``day``, ``month`` or ``year`` (a week is given as its month);
* without a publication date, relative expressions ("yesterday", "in March") are found but resolve to
  ``None``; only expressions that carry their year resolve.

:func:`governing_date` picks the expression that governs a span (an event, a claim, a relation).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence
from . import limits
from .datafiles import load_data

__all__ = ["Timex", "find_timexes", "resolve", "governing_date", "load_lexicon"]


@lru_cache(maxsize=1)
def load_lexicon() -> dict:
    """The words of ``sitrep/data/timex.yaml``, validated (raises ``ConfigError`` when broken)."""
    from .errors import ConfigError

    data = load_data("timex.yaml")
    if not isinstance(data, dict) or data.get("format") != "sitrep-timex/1":
        raise ConfigError("sitrep/data/timex.yaml: not a timex lexicon (format: sitrep-timex/1)")
    months = {str(w).lower(): int(k) for k, ws in data["months"].items() for w in ws}
    weekdays = {str(w).lower(): int(k) for k, ws in data["weekdays"].items() for w in ws}
    if sorted(set(months.values())) != list(range(1, 13)) or sorted(set(weekdays.values())) != list(range(7)):
        raise ConfigError("sitrep/data/timex.yaml: months must cover 1-12 and weekdays 0-6")
    rel = {str(k).lower(): str(v) for k, v in data["relations"].items()}
    bad = set(rel.values()) - {"at", "since", "until", "before", "after"}
    if bad:
        raise ConfigError(f"sitrep/data/timex.yaml: unknown relations {sorted(bad)}")
    return {"months": months, "weekdays": weekdays,
            "relative_days": {str(k).lower(): int(v) for k, v in data["relative_days"].items()},
            "relations": rel, "future": frozenset(str(w).lower() for w in data["future_markers"])}


@lru_cache(maxsize=1)
def _patterns() -> dict:
    lex = load_lexicon()
    alt = lambda words: "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))  # noqa: E731
    month = alt([w.capitalize() for w in lex["months"]])
    wday = alt([w.capitalize() for w in lex["weekdays"] if len(w) > 3])
    rel_days = alt(lex["relative_days"])
    prep = alt(lex["relations"])
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?:1[6-9]\d\d|20\d\d)"
    mon = rf"(?:{month})\.?"
    parts = [
        rf"{mon}\s+{day}(?:,?\s+{year})?",                       # December 2, 2024 / Dec. 2
        rf"{day}\s+{mon}(?:,?\s+{year})?",                       # 2 December 2024
        rf"(?:(?:early|mid|late)[- ])?{mon}(?:,?\s+{year})",      # March 2019, mid-March 2019
        rf"(?:(?:early|mid|late)[- ])?(?:{month})\b",             # March (checked: capitalised noun)
        r"\d{4}-\d{2}-\d{2}",
        rf"(?i:last|this|next|past|previous|coming)\s+(?:{wday}|(?i:week|weekend|month|year|decade))\b",
        rf"(?i:(?:earlier|later)\s+(?:this|that|last)\s+(?:week|month|year))\b",
        rf"(?:{wday})(?:\s+(?:morning|afternoon|evening|night))?",
        rf"(?i:{rel_days})\b",
        r"(?i:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+"
        r"(?:days?|weeks?|months?|years?)\s+ago)\b",
        rf"(?:(?:early|mid|late)[- ])?{year}s?\b",                # 2011, mid-2019, 1990s
        r"the\s+(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b",        # the 27th
    ]
    core = "|".join(f"(?:{p})" for p in parts)
    return {
        "find": re.compile(rf"(?<![\w$£€.,-])(?:(?i:{prep})\s+)?(?:the\s+)?(?P<core>{core})(?![\w-]|,\d)"),
        "prep": re.compile(rf"^(?P<prep>(?i:{prep}))\s+(?:the\s+)?"),
        "year_only": re.compile(rf"^(?:(?P<part>early|mid|late)[- ])?(?P<y>{year})$"),
        "decade": re.compile(rf"^{year}s$"),
        "month_only": re.compile(rf"^(?:(?:early|mid|late)[- ])?(?P<m>{month})\.?$", re.I),
        "month_year": re.compile(rf"^(?:(?:early|mid|late)[- ])?(?P<m>{month})\.?,?\s+(?P<y>{year})$", re.I),
        "month_day": re.compile(rf"^(?P<m>{month})\.?\s+(?P<d>{day})$|^(?P<d2>{day})\s+(?P<m2>{month})\.?$", re.I),
        "weekday": re.compile(rf"^(?:(?P<mod>last|this|next|coming|past|previous)\s+)?(?P<w>{wday})"
                              r"(?:\s+(?:morning|afternoon|evening|night))?$", re.I),
        "anchor": re.compile(
            rf"(?<![\d-])(?:{year})s?(?![\d-])|\b(?:{month})\b|\b(?:{wday})\b|\b(?:{rel_days})\b|\bago\b|"
            r"\b(?:last|this|next|past|previous|coming|earlier|later|recent|the)\s+"
            r"(?:\w+\s+)?(?:week|weekend|month|year|decade|spring|summer|autumn|fall|winter)|"
            r"\b(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b|\b(?:spring|summer|autumn|fall|winter)\b", re.I),
        "age": re.compile(r"\d+(?:\s+1/2)?-(?:year|month|week|day)s?-old|\bannual|\bdaily\b|\bweekly\b|\bmonthly\b", re.I),
        "lead": re.compile(r"^(?:early|mid|late|earlier|later)[- ](?=(?:last|this|next|past)\b|[A-Z]|\d)", re.I),
        "rel_month": re.compile(rf"^(?P<which>last|this|next|past|coming)\s+(?P<m>{month})\.?$", re.I),
        "season": re.compile(r"^(?:(?P<which>last|this|next|past|coming)\s+)?(?:the\s+)?"
                             r"(?P<s>spring|summer|autumn|fall|winter)(?:\s+of\s+(?P<y>\d{4}))?$", re.I),
        "the_unit": re.compile(r"^(?:the\s+)?(?P<unit>year|month|week)$", re.I),
        "any_year": re.compile(rf"\b{year}\b"),
        "ordinal_day": re.compile(r"^(?:the\s+)?(?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)$", re.I),
        "this_that": re.compile(r"^(?:(?:earlier|later)\s+)?(?P<which>this|that|last|next|past|previous|coming)"
                                r"\s+(?P<unit>week|weekend|month|year|decade)$", re.I),
        "ago": re.compile(r"^(?:(?:more than|about|nearly|almost|only|some|over|roughly|around|just)\s+)?"
                          r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)"
                          r"\s+(?P<unit>day|week|month|year)s?\s+ago$", re.I),
        "duration": re.compile(r"^(?:about |around |nearly |almost |more than |over |some |the past |the last |"
                               r"the next |the first |the )?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|"
                               r"nine|ten|eleven|twelve|several|a few|many|few|\d+-)?\s*-?\s*"
                               r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?)(?: old| long)?$", re.I),
        "digits": re.compile(r"^\d{1,3}$"),
        "part_of": re.compile(r"^(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|turn|spring|summer|autumn|"
                              r"fall|winter|first half|second half|first quarter|last quarter)\s+of\s+(?:the\s+)?",
                              re.I),
        "range": re.compile(r"\s*[–—]\s*|\s+-\s+|(?<=\d)-(?=\d{1,2}\b)|(?<=\d)-(?=\d{4}\b)|"
                            r"\s+(?:to|through|until|and)\s+", re.I),
    }


@dataclass
class Timex:
    """A temporal expression found in the text (``core`` is the part without the preposition)."""

    start: int
    end: int
    text: str
    core: str
    relation: str = "at"
    future: bool = False
    value: Optional[str] = None
    precision: Optional[str] = None


_NUMERIC_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}


# -- finding ---------------------------------------------------------------------------------------
def _is_future(doc, start: int, end: int, text: str) -> bool:
    """Whether the clause of the expression speaks of the future ("will meet on Sunday", "next week")."""
    lex = load_lexicon()
    words = text.lower().split()
    if any(w in ("next", "coming", "tomorrow") for w in words):
        return True
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root
    for _ in range(limits.MAX_TREE_WALK):
        if head.head.i == head.i or head.pos_ in ("VERB", "AUX"):
            break
        head = head.head
    for t in list(head.children) + [head]:
        if t.dep_ in ("aux", "auxpass") and t.lower_ in lex["future"]:
            return True
        if t.lower_ in ("going",) and any(c.lower_ == "to" for c in t.children):
            return True
    return False


def _month_is_noun(doc, start: int, end: int) -> bool:
    if doc is None:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and all(t.pos_ not in ("AUX", "VERB") for t in span)


def find_timexes(text: str, doc=None) -> list[Timex]:
    """Temporal expressions of ``text`` (spaCy ``doc`` of it optional), sorted, without overlaps."""
    pats = _patterns()
    lex = load_lexicon()
    found: list[tuple[int, int]] = []
    for m in pats["find"].finditer(text):
        if doc is not None:
            tok = doc.char_span(m.start("core"), m.end("core"), alignment_mode="expand")
            if tok is not None and len(tok) and tok[0].ent_type_ in _NUMERIC_ENTS:
                continue  # "2000 troops": a number, not a year
        found.append((m.start(), m.end()))
    if doc is not None:
        for ent in doc.ents:
            if ent.label_ == "DATE" or (ent.label_ == "TIME" and any(
                    t.lower_ in lex["weekdays"] or t.lower_ in lex["relative_days"] for t in ent)):
                s, e = ent.start_char, ent.end_char
                # take in a preposition right before it
                if ent.start > 0 and doc[ent.start - 1].lower_ in lex["relations"]:
                    s = doc[ent.start - 1].idx
                found.append((s, e))
    # longest first, no overlaps
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    chosen: list[tuple[int, int]] = []
    for s, e in found:
        if any(s < ce and cs < e for cs, ce in chosen):
            continue
        chosen.append((s, e))
    chosen.sort()
    out: list[Timex] = []
    for s, e in chosen:
        span = text[s:e]
        # trim trailing punctuation / possessive
        while span and span[-1] in " ,.;:'’" and not re.search(r"\b[A-Z][a-z]{1,3}\.$", span):
            span = span[:-1]
        if span.endswith("'s") or span.endswith("’s"):
            span = span[:-2]
        # "In January, South Carolina": the model's DATE ran past the expression
        while ", " in span:
            head, tail = span.rsplit(", ", 1)
            if pats["anchor"].search(tail):
                break
            span = head.rstrip()
        e = s + len(span)
        if not span:
            continue
        relation, core = "at", span
        pm = pats["prep"].match(span)
        if pm:
            relation = lex["relations"][pm.group("prep").lower()]
            core = span[pm.end():]
        had_the = core.lower().startswith("the ") or (pm is not None and pm.group().lower().rstrip().endswith(" the"))
        if core.lower().startswith("the "):
            core = core[4:]
        if had_the and pm is not None and pats["year_only"].match(core.strip()):
            # "after the 2023 truce": the year modifies a noun; the preposition is not its relation
            relation = "at"
            s = s + span.index(core)
            span = core
        c = core.strip()
        if not c or pats["digits"].match(c) or pats["duration"].match(c) or not pats["anchor"].search(c) \
                or pats["age"].search(c) or (c.isdigit() and not pats["year_only"].match(c)):
            # ages ("Henry, 19,", "a 16-year-old"), durations ("four years"), frequencies ("annual",
            # "each year") and numbers are not points in time
            continue  # ages ("Henry, 19,") and durations ("four years") are not points in time
        if pats["month_only"].match(c):
            word = re.sub(r"^(?:early|mid|late)[- ]", "", c, flags=re.I)
            if not word[0].isupper() or not _month_is_noun(doc, s + span.index(core), e):
                continue  # "may" the verb
            if c.lower().rstrip(".") == "may" and relation == "at" and not pm:
                continue  # a bare capitalised "May" without "in"/"since" ... is too often the verb
        out.append(Timex(start=s, end=e, text=span, core=c, relation=relation,
                         future=_is_future(doc, s, e, span)))
    return out


# -- resolving -------------------------------------------------------------------------------------
@lru_cache(maxsize=16)
def _parser(base: dt.date):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "RETURN_TIME_AS_PERIOD": True,
    })


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3}


@lru_cache(maxsize=4096)
def resolve(core: str, base: Optional[dt.date], future: bool = False) -> tuple[Optional[str], Optional[str]]:
    """``(value, precision)`` of an expression without its preposition, against publication ``base``."""
    pats = _patterns()
    lex = load_lexicon()
    c = " ".join(core.split())
    # "the end of 2025", "early 2019": the part of a period is dropped (precision stays honest)
    m = pats["part_of"].match(c)
    if m:
        c = c[m.end():]
        if pats["the_unit"].match(c):       # "by the end of the year"
            c = "this " + pats["the_unit"].match(c).group("unit")
    m = pats["lead"].match(c)               # "early Tuesday", "late last year"
    if m and not pats["year_only"].match(c) and not pats["month_only"].match(c):
        c = c[m.end():]
    # a range "Jan. 5 to Jan. 9, 2024" is dated by its start (with the end's year when it has none)
    m = None if re.match(r"^\d{4}-\d{2}-\d{2}$", c) else pats["range"].search(c)
    if m:
        first, last = c[:m.start()], c[m.end():]
        if not re.search(r"\b(1[6-9]|20)\d\d\b", first):
            y = re.search(r"\b(?:1[6-9]|20)\d\d\b", last)
            if y and not pats["year_only"].match(last.strip()):
                first = f"{first}, {y.group()}" if re.search(r"\d", first) else f"{first} {y.group()}"
        c = first.strip()
    low = c.lower()

    m = pats["year_only"].match(c)
    if m:
        return m.group("y"), "year"
    if pats["decade"].match(c):
        return None, None
    m = pats["month_year"].match(c)
    if m:
        return f"{m.group('y')}-{lex['months'][m.group('m').lower()]:02d}", "month"

    if low in lex["relative_days"]:
        if base is None:
            return None, None
        return (base + dt.timedelta(days=lex["relative_days"][low])).isoformat(), "day"

    m = pats["weekday"].match(c)
    if m:
        if base is None:
            return None, None
        wd = lex["weekdays"][m.group("w").lower()]
        mod = (m.group("mod") or "").lower()
        if mod in ("next", "coming") or (future and mod not in ("last", "past", "previous")):
            delta = (wd - base.weekday()) % 7
            delta = delta or (7 if mod == "next" else 0)
            return (base + dt.timedelta(days=delta)).isoformat(), "day"
        delta = (base.weekday() - wd) % 7
        if mod in ("last", "past", "previous") and delta == 0:
            delta = 7
        return (base - dt.timedelta(days=delta)).isoformat(), "day"

    m = pats["this_that"].match(c)
    if m:
        if base is None:
            return None, None
        which, unit = m.group("which").lower(), m.group("unit").lower()
        step = {"this": 0, "that": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[which]
        if unit in ("week", "weekend"):
            d = base + dt.timedelta(days=7 * step)
            return f"{d.year}-{d.month:02d}", "month"
        if unit == "month":
            y, mo = _shift_month(base.year, base.month, step)
            return f"{y}-{mo:02d}", "month"
        if unit == "year":
            return str(base.year + step), "year"
        return None, None

    m = pats["ago"].match(c)
    if m:
        if base is None:
            return None, None
        n = m.group("n").lower()
        n = int(n) if n.isdigit() else _NUM.get(n, 1)
        unit = m.group("unit").lower()
        if unit == "day":
            return (base - dt.timedelta(days=n)).isoformat(), "day"
        if unit == "week":
            d = base - dt.timedelta(days=7 * n)
            return d.isoformat(), "day"
        if unit == "month":
            y, mo = _shift_month(base.year, base.month, -n)
            return f"{y}-{mo:02d}", "month"
        return str(base.year - n), "year"

    m = pats["rel_month"].match(c)
    if m:
        if base is None:
            return None, None
        mo = lex["months"][m.group("m").lower()]
        which = m.group("which").lower()
        y = base.year
        if which in ("last", "past"):
            y = base.year if mo < base.month else base.year - 1
        elif which in ("next", "coming"):
            y = base.year if mo > base.month else base.year + 1
        return f"{y}-{mo:02d}", "month"

    m = pats["season"].match(c)
    if m:
        if m.group("y"):
            return m.group("y"), "year"
        which = (m.group("which") or "this").lower()
        if base is None:
            return None, None
        start = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[m.group("s").lower()]
        if which in ("last", "past"):
            return str(base.year if base.month >= start + 3 else base.year - 1), "year"
        if which in ("next", "coming"):
            return str(base.year if base.month < start else base.year + 1), "year"
        return str(base.year), "year"

    m = pats["month_only"].match(c)
    if m:
        if base is None:
            return None, None
        mo = lex["months"][m.group("m").lower()]
        y = base.year
        if future and mo < base.month:
            y += 1
        elif not future and mo > base.month:
            y -= 1
        return f"{y}-{mo:02d}", "month"

    m = pats["ordinal_day"].match(c)
    if m:
        if base is None:
            return None, None
        d = int(m.group("d"))
        y, mo = base.year, base.month
        if (d > base.day and not future) or d > calendar.monthrange(y, mo)[1]:
            y, mo = _shift_month(y, mo, -1 if not future else 1)
        if d > calendar.monthrange(y, mo)[1]:
            return None, None
        return f"{y}-{mo:02d}-{d:02d}", "day"

    m = pats["month_day"].match(c)
    if m and base is None:
        return None, None  # "Dec. 2": no year without a publication date
    if m and future:
        mon = lex["months"][(m.group("m") or m.group("m2")).lower()]
        day_ = int(re.match(r"\d+", m.group("d") or m.group("d2")).group())
        y = base.year + (1 if (mon, day_) < (base.month, base.day) else 0)
        try:
            return dt.date(y, mon, day_).isoformat(), "day"
        except ValueError:
            return None, None

    # explicit dates and anything else: dateparser
    has_year = re.search(r"\b(1[6-9]|20)\d\d\b", c) is not None
    if base is None and not has_year:
        return None, None
    parser = _parser(base or dt.date(2000, 1, 1))
    data = parser.get_date_data(c)
    if data is None or data.date_obj is None:
        years = pats["any_year"].findall(c)
        if len(years) == 1:                 # "fiscal year 2008", "the 2008 season"
            return years[0], "year"
        return None, None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return str(d.year), "year"
    if period in ("month", "week"):
        return f"{d.year}-{d.month:02d}", "month"
    if base is not None and not future and not has_year and d > base:
        d = d.replace(year=d.year - 1)
    return d.isoformat(), "day"


# -- which date governs a span ------------------------------------------------------------------------
_CLAUSE_BREAK = re.compile(r";|:|\bbut\b|, (?:when|while|after|before|which|who|where|as|since|although|though)\b"
                           r"|\b(?:said|says|added)\b", re.I)


def _clause_verb(tok):
    """The verb (or auxiliary) heading the clause of ``tok`` (the sentence root at the latest)."""
    k = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and k < 12:
        tok = tok.head
        k += 1
    return tok


def _ancestors(tok) -> set[int]:
    out, k = set(), 0
    while tok.head.i != tok.i and k < 16:
        tok = tok.head
        out.add(tok.i)
        k += 1
    return out


def governing_date(state_dates, start=None, end=None, sentence: Optional[tuple[int, int]] = None,
                   text: Optional[str] = None, doc=None):
    """The temporal expression that governs a span (an event's trigger, a claim, a relation), or ``None``.

    Two ways to call it::

        governing_date(state.dates, start, end, state.sentence_of(start), state.text, state.doc)
        governing_date(state, token_or_span)        # an ArticleState and a spaCy Token/Span in its doc

    ``state_dates`` are the article's expressions (``ArticleState.dates``: objects with ``start``,
    ``end``, ``value``); ``sentence`` is the ``(start, end)`` of the span's sentence; ``text`` (the
    article text) lets clause boundaries count; ``doc`` (the spaCy doc) lets the parse decide.

    Only expressions in the same sentence are considered: a date in another sentence governs nothing
    (the caller then has no date, rather than the nearest one). Within the sentence, in this order:

    1. an expression inside the span;
    2. one attached to the same clause verb as the span ("imposed sanctions *since 2011*");
    3. one attached to a verb that governs the span's clause ("Miller said *on Monday* that the US
       would not lift sanctions": the saying dates the reported decision);
    4. the nearest one not separated from the span by a clause boundary (";", "but", ", when ...",
       a reporting verb such as "said");
    5. the nearest one in the sentence.

    With ``sentence`` ``None`` only rule 1 applies. Expressions without a value (no publication
    date) are returned as they are: the caller reads ``.value``.
    """
    if hasattr(state_dates, "dates") and hasattr(state_dates, "sentence_of"):
        state = state_dates
        if hasattr(start, "start_char"):        # a Span
            s, e = start.start_char, start.end_char
        elif hasattr(start, "idx"):             # a Token
            s, e = start.idx, start.idx + len(start.text)
        else:
            s, e = int(start), int(end if end is not None else start)
        return governing_date(state.dates, s, e, state.sentence_of(s), state.text, state.doc)
    if sentence is None:
        inside = [d for d in state_dates if d.start >= start and d.end <= end]
        return inside[0] if inside else None
    s0, s1 = sentence
    cands = [d for d in state_dates if d.start >= s0 and d.end <= s1]
    if not cands:
        return None
    inside = [d for d in cands if d.start >= start and d.end <= end]
    if inside:
        return inside[0]

    verb = anc = None
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            verb = _clause_verb(span.root)
            anc = _ancestors(verb) | {verb.i}

    def rank(d) -> tuple[int, int]:
        lo, hi = (d.end, start) if d.end <= start else (end, d.start)
        dist = max(0, hi - lo)
        if verb is not None:
            ds = doc.char_span(d.start, d.end, alignment_mode="expand")
            if ds is not None and len(ds):
                dverb = _clause_verb(ds.root)
                if dverb.i == verb.i:
                    return 0, dist
                if dverb.i in anc or ds.root.i in anc:
                    return 1, dist
        broken = text is not None and hi > lo and _CLAUSE_BREAK.search(text, lo, hi) is not None
        return (3 if broken else 2), dist

    return min(cands, key=rank)


def to_contract(timexes: Iterable[Timex]):
    """The :class:`~sitrep.contract.TimeExpression` models of resolved expressions."""
    from .contract import TimeExpression

    return [TimeExpression(text=t.text, start=t.start, end=t.end, value=t.value, precision=t.precision,
                           relation=t.relation) for t in timexes]
