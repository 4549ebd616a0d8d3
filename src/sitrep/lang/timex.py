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
  an ordinal modifying a noun ("the 22nd anniversary") is no day at all;
* a DATE entity runs on into a phrase of another time ("April 2023 following days"): it is cut before
  the linking word;
* "will visit and return on December 26": a bare verb coordinated with a future one is future;
* weekday names are the most recent such day on or before publication, unless the tense says future
  ("will meet on Sunday"), then the next one;
* precision is honest: ``day``, ``month`` or ``year`` (a week is given as its month);
* without a publication date, relative expressions ("yesterday", "in March") are found but resolve to
  ``None``; only expressions that carry their year resolve.

:func:`governing_date` picks the expression that governs a span (an event, a claim, a relation).

The words (month and weekday names, relative days, prepositions, count words, seasons) live in
``data/timex.yaml``, checked against :class:`TimexFile`; the grammar of the expressions (the regular
expressions of :func:`build_patterns`) lives here. Every function takes the lexicon (``lex``; the
dates stage passes its pipeline's) and falls back to the process-wide one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Literal, Optional

from pydantic import model_validator

from .. import limits
from ..core.contract import TimeExpression, TimeRelation
from ..core.datafiles import load_data
from ..core.datamodels import DataModel, validate_data

__all__ = ["Timex", "TimexLexicon", "find_timexes", "resolve", "governing_date", "load_lexicon", "read_lexicon",
           "clause_offset", "shift_value"]

ORIGIN = "sitrep/data/timex.yaml"


# -- the lexicon --------------------------------------------------------------------------------------
class TimexFile(DataModel):
    """``data/timex.yaml`` (see the comments in the file)."""

    format: Literal["sitrep-timex/1"]
    months: dict[int, list[str]]
    weekdays: dict[int, list[str]]
    relative_days: dict[str, int]
    relations: dict[str, TimeRelation]
    future_markers: list[str]
    future_words: list[str]
    count_words: dict[str, int]
    steps: dict[str, int]
    seasons: dict[str, int]
    offset_units: dict[str, str] = {}
    offset_marks: dict[str, int] = {}
    adjacent_days: dict[str, int] = {}
    other_time_links: list[str] = []

    @model_validator(mode="after")
    def _complete(self) -> "TimexFile":
        if sorted(self.months) != list(range(1, 13)) or sorted(self.weekdays) != list(range(7)):
            raise ValueError("months must cover 1-12 and weekdays 0-6")
        return self


@dataclass(frozen=True, eq=False)
class TimexLexicon:
    """The words of ``timex.yaml`` as look-up tables, with the expressions built from them. Reads
    like the mapping it used to be (``lex["months"]["dec"] == 12``)."""

    months: dict          # word -> 1..12
    weekdays: dict        # word -> 0..6 (Monday 0)
    relative_days: dict   # "yesterday" -> -1
    relations: dict       # preposition -> at/since/until/before/after
    future: frozenset     # auxiliaries and words putting a weekday in the future
    future_words: frozenset
    count_words: dict     # "three" -> 3
    steps: dict           # "last" -> -1
    seasons: dict         # "summer" -> 6
    patterns: dict
    language: str = "en"  # the language dateparser reads the expressions in
    offset_units: dict = field(default_factory=dict)    # "week" -> "week", "days" -> "day"
    offset_marks: dict = field(default_factory=dict)    # "after" -> -1, "earlier" -> -1
    adjacent_days: dict = field(default_factory=dict)   # "previous" -> -1, "following" -> 1
    other_time_links: frozenset = frozenset()           # "after", "for": an act under them is of another time

    def __getitem__(self, key: str):
        return getattr(self, key)


#: language -> its words (English: ``timex.yaml``)
LANGUAGE_FILES = {"en": "timex.yaml", "fr": "timex_fr.yaml"}


def read_lexicon(language: str = "en") -> TimexLexicon:
    """The lexicon of ``data/timex.yaml`` (of ``timex_fr.yaml`` for French), validated, with its
    expressions compiled (read anew: the dates stage keeps it in its pipeline's resources as ``timex``,
    ``timex:fr``)."""
    name = LANGUAGE_FILES[language]
    model = validate_data(load_data(name), TimexFile, f"sitrep/data/{name}", stage="dates")
    low = lambda d: {str(k).lower(): v for k, v in d.items()}  # noqa: E731
    months = {str(w).lower(): int(k) for k, ws in model.months.items() for w in ws}
    weekdays = {str(w).lower(): int(k) for k, ws in model.weekdays.items() for w in ws}
    relative_days = low(model.relative_days)
    relations = low(model.relations)
    return TimexLexicon(months=months, weekdays=weekdays, relative_days=relative_days, relations=relations,
                        future=frozenset(str(w).lower() for w in model.future_markers),
                        future_words=frozenset(str(w).lower() for w in model.future_words),
                        count_words=low(model.count_words), steps=low(model.steps), seasons=low(model.seasons),
                        patterns=build_patterns(months, weekdays, relative_days, relations), language=language,
                        offset_units=low(model.offset_units), offset_marks=low(model.offset_marks),
                        adjacent_days=low(model.adjacent_days),
                        other_time_links=frozenset(str(w).lower() for w in model.other_time_links))


@lru_cache(maxsize=1)
def load_lexicon() -> TimexLexicon:
    """The lexicon, read once per process.

    Kept cached because :func:`find_timexes`, :func:`resolve` and :func:`governing_date` are library
    functions the events stage and tests call without a lexicon; the dates stage passes its
    pipeline's own (``self.resources.get("timex", read_lexicon)``)."""
    return read_lexicon()


# -- the expressions -----------------------------------------------------------------------------------
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"


def _expression_parts(month: str, wday: str, rel_days: str) -> list[str]:
    """The forms of a temporal expression the finder looks for (alternations of the lexicon's
    month names, weekday names and relative days)."""
    day, year = _DAY, _YEAR_RE
    mon = rf"(?:{month})\.?"
    return [
        rf"{mon}\s+{day}(?:,?\s+{year})?",                       # December 2, 2024 / Dec. 2
        rf"{day}\s+{mon}(?:,?\s+{year})?",                       # 2 December 2024
        rf"(?:(?:early|mid|late)[- ])?{mon}(?:,?\s+{year})",      # March 2019, mid-March 2019
        rf"(?:(?:early|mid|late)[- ])?(?:{month})\b",             # March (checked: capitalised noun)
        r"\d{4}-\d{2}-\d{2}",
        rf"(?i:last|this|next|past|previous|coming)\s+(?:{wday}|(?i:week|weekend|month|year|decade))\b",
        r"(?i:(?:earlier|later)\s+(?:this|that|last)\s+(?:week|month|year))\b",
        rf"(?:{wday})(?:\s+(?:morning|afternoon|evening|night))?",
        rf"(?i:{rel_days})\b",
        r"(?i:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+"
        r"(?:days?|weeks?|months?|years?)\s+ago)\b",
        rf"(?:(?:early|mid|late)[- ])?{year}s?\b",                # 2011, mid-2019, 1990s
        r"the\s+(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b",        # the 27th
    ]


def build_patterns(months, weekdays, relative_days, relations) -> dict:
    """The compiled expressions of the lexicon's words (month and weekday names, relative days,
    prepositions): "find" finds expressions in a text, the others recognise the form of one."""
    alt = lambda words: "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))  # noqa: E731
    month = alt([w.capitalize() for w in months])
    wday = alt([w.capitalize() for w in weekdays if len(w) > 3])
    rel_days = alt(relative_days)
    prep = alt(relations)
    day, year = _DAY, _YEAR_RE
    core = "|".join(f"(?:{p})" for p in _expression_parts(month, wday, rel_days))
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
        "month_rel_year": re.compile(rf"^(?P<m>{month})\.?\s+(?:of\s+)?(?P<which>last|this|next|past)\s+year$", re.I),
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


#: spaCy entity labels of numbers: "2000 troops" is a number, not a year
_NUMERIC_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}


# -- finding ---------------------------------------------------------------------------------------
def _is_future(doc, start: int, end: int, text: str, lex: TimexLexicon) -> bool:
    """Whether the clause of the expression speaks of the future ("will meet on Sunday", "next week")."""
    words = text.lower().split()
    if any(w in lex.future_words for w in words):
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
    for _ in range(limits.MAX_TREE_WALK):   # "will visit Russia and *return* on December 26": a bare verb shares "will"
        if head.dep_ != "conj" or head.tag_ != "VB" or head.head.i == head.i or \
                any(t.dep_ in ("aux", "auxpass") for t in head.children):
            break
        head = head.head
    for t in list(head.children) + [head]:
        if t.dep_ in ("aux", "auxpass") and t.lower_ in lex.future:
            return True
        if t.lower_ in ("going",) and any(c.lower_ == "to" for c in t.children):
            return True
    return False


def _month_is_noun(doc, start: int, end: int) -> bool:
    if doc is None:
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and all(t.pos_ not in ("AUX", "VERB") for t in span)


def _candidates(text: str, doc, lex: TimexLexicon) -> list[tuple[int, int]]:
    """Every span our patterns find (not a number entity) and every DATE entity of the doc (a TIME
    entity naming a day too), with a preposition right before the entity taken in."""
    found: list[tuple[int, int]] = []
    for m in lex.patterns["find"].finditer(text):
        if doc is not None:
            tok = doc.char_span(m.start("core"), m.end("core"), alignment_mode="expand")
            if tok is not None and len(tok) and tok[0].ent_type_ in _NUMERIC_ENTS:
                continue  # "2000 troops": a number, not a year
        found.append((m.start(), m.end()))
    if doc is not None:
        for ent in doc.ents:
            if ent.label_ == "DATE" or (ent.label_ == "TIME" and any(
                    t.lower_ in lex.weekdays or t.lower_ in lex.relative_days for t in ent)):
                end = _linked_clause_cut(ent, _counted_number_cut(ent), lex)
                if end == ent.start:
                    continue
                s, e = ent.start_char, doc[end - 1].idx + len(doc[end - 1].text)
                # take in a preposition right before it
                if ent.start > 0 and doc[ent.start - 1].lower_ in lex.relations:
                    s = doc[ent.start - 1].idx
                found.append((s, e))
    return found


def _counted_number_cut(ent) -> int:
    """Where a DATE entity ends once a trailing number that counts the noun after it is cut off: "on
    Wednesday 73 students were kidnapped" is "on Wednesday", not the year 1973 (a four-digit year
    stays: "in 2019 rebels seized ...")."""
    doc, end = ent.doc, ent.end
    nxt = doc[end] if end < len(doc) else None
    last = doc[end - 1]
    if (nxt is not None and nxt.pos_ in ("NOUN", "ADJ") and last.like_num and end - 1 > ent.start
            and not re.fullmatch(r"\d{4}", last.text)):
        return end - 1
    return end


def _linked_clause_cut(ent, end: int, lex: TimexLexicon) -> int:
    """Where a DATE entity ends once a phrase it ran into is cut off at a word linking another time
    (timex ``other_time_links``): "in April 2023 following days of clashes" is "in April 2023", not
    the year 2023. Not a range's word ("since", "until"); only when what is left still names a time."""
    doc = ent.doc
    for t in doc[ent.start + 1:end]:
        if t.lower_ in lex.other_time_links and lex.relations.get(t.lower_) not in ("since", "until"):  # not a range
            if lex.patterns["anchor"].search(doc[ent.start:t.i].text):
                return t.i
            break
    return end


def _longest_first(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans without overlaps, the longest kept, in text order."""
    found = sorted(found, key=lambda x: (-(x[1] - x[0]), x[0]))
    chosen: list[tuple[int, int]] = []
    for s, e in found:
        if any(s < ce and cs < e for cs, ce in chosen):
            continue
        chosen.append((s, e))
    chosen.sort()
    return chosen


def _trim(span: str, pats: dict) -> str:
    """Trailing punctuation and a possessive off; a DATE entity that ran past the expression cut
    back ("In January, South Carolina" -> "In January")."""
    while span and span[-1] in " ,.;:'’" and not re.search(r"\b[A-Z][a-z]{1,3}\.$", span):
        span = span[:-1]
    if span.endswith("'s") or span.endswith("’s"):
        span = span[:-2]
    while ", " in span:
        head, tail = span.rsplit(", ", 1)
        if pats["anchor"].search(tail):
            break
        span = head.rstrip()
    return span


def _not_a_point(c: str, pats: dict) -> bool:
    """Ages ("Henry, 19,", "a 16-year-old"), durations ("four years"), frequencies ("annual", "each
    year") and numbers are not points in time."""
    return not c or bool(pats["digits"].match(c)) or bool(pats["duration"].match(c)) \
        or not pats["anchor"].search(c) or bool(pats["age"].search(c)) \
        or (c.isdigit() and not pats["year_only"].match(c))


def _timex_at(text: str, s: int, e: int, doc, lex: TimexLexicon) -> Optional[Timex]:
    """The expression of the chosen span ``[s, e)``: trimmed, its preposition read as its relation
    ("since 2011"), None when it is no point in time or a month name that is the verb "may"."""
    pats = lex.patterns
    span = _trim(text[s:e], pats)
    e = s + len(span)
    if not span:
        return None
    relation, core = "at", span
    pm = pats["prep"].match(span)
    if pm:
        relation = lex.relations[pm.group("prep").lower()]
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
    if _not_a_point(c, pats) or (pats["ordinal_day"].match(c) and _ordinal_of_noun(doc, e)):
        return None
    if pats["month_only"].match(c):
        word = re.sub(r"^(?:early|mid|late)[- ]", "", c, flags=re.I)
        if not word[0].isupper() or not _month_is_noun(doc, s + span.index(core), e):
            return None  # "may" the verb
        if c.lower().rstrip(".") == "may" and relation == "at" and not pm:
            return None  # a bare capitalised "May" without "in"/"since" ... is too often the verb
    return Timex(start=s, end=e, text=span, core=c, relation=relation, future=_is_future(doc, s, e, span, lex))


def _ordinal_of_noun(doc, end: int) -> bool:
    """Is the ordinal ending at ``end`` ("the 22nd") a modifier of a noun after it ("on the 22nd
    anniversary", "the 3rd battalion"), not a day of the month?"""
    if doc is None:
        return False
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[-1]
    return tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("amod", "nummod", "compound")


def _capitalised_names(text: str, lex: TimexLexicon) -> str:
    """``text`` with its month and weekday names capitalised (the same length: every offset holds), for a
    language that writes them in lower case ("samedi 30 novembre"): the expressions look for capitals."""
    words = sorted(set(lex.months) | set(lex.weekdays), key=len, reverse=True)
    names = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
    return names.sub(lambda m: m.group(0)[:1].upper() + m.group(0)[1:], text)


def find_timexes(text: str, doc=None, lex: Optional[TimexLexicon] = None) -> list[Timex]:
    """Temporal expressions of ``text`` (spaCy ``doc`` of it optional), sorted, without overlaps."""
    lex = lex or load_lexicon()
    seen = text if lex.language == "en" else _capitalised_names(text, lex)
    out: list[Timex] = []
    for s, e in _longest_first(_candidates(seen, doc, lex)):
        t = _timex_at(seen, s, e, doc, lex)
        if t is not None:
            t.text = text[t.start:t.end]
            out.append(t)
    return out


# -- resolving -------------------------------------------------------------------------------------
@lru_cache(maxsize=16)
def _parser(base: dt.date, language: str = "en"):
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[language], settings={
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "RETURN_TIME_AS_PERIOD": True,
    })


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1


_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
Resolved = tuple[Optional[str], Optional[str]]
#: a resolver's answer when its form does not apply (``(None, None)`` means: it applies, no value)
NO_MATCH = None


def _normalise(core: str, pats: dict) -> str:
    """The expression reduced to the point it dates: "the end of 2025" -> "2025", "by the end of the
    year" -> "this year", "early Tuesday" -> "Tuesday", "Jan. 5 to Jan. 9, 2024" -> "Jan. 5, 2024"."""
    c = " ".join(core.split())
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
        if not _YEAR.search(first):
            y = _YEAR.search(last)
            if y and not pats["year_only"].match(last.strip()):
                first = f"{first}, {y.group()}" if re.search(r"\d", first) else f"{first} {y.group()}"
        c = first.strip()
    return c


def _year_forms(c: str, base, future: bool, lex: TimexLexicon) -> Optional[Resolved]:
    """"2011" (year), "1990s" (no value), "March 2019" (month)."""
    pats = lex.patterns
    m = pats["year_only"].match(c)
    if m:
        return m.group("y"), "year"
    if pats["decade"].match(c):
        return None, None
    m = pats["month_year"].match(c)
    if m:
        return f"{m.group('y')}-{lex.months[m.group('m').lower()]:02d}", "month"
    return NO_MATCH


def _relative_day(c: str, base, future: bool, lex: TimexLexicon) -> Optional[Resolved]:
    """"yesterday", "tonight", "last night"."""
    low = c.lower()
    if low not in lex.relative_days:
        return NO_MATCH
    if base is None:
        return None, None
    return (base + dt.timedelta(days=lex.relative_days[low])).isoformat(), "day"


def _weekday(c: str, base, future: bool, lex: TimexLexicon) -> Optional[Resolved]:
    """"Sunday" (the last one on or before publication; the next one in a future clause), "last
    Tuesday" (a week back on a Tuesday), "next Sunday" (a week on, on a Sunday)."""
    m = lex.patterns["weekday"].match(c)
    if not m:
        return NO_MATCH
    if base is None:
        return None, None
    wd = lex.weekdays[m.group("w").lower()]
    mod = (m.group("mod") or "").lower()
    step = lex.steps.get(mod, 0)
    if step > 0 or (future and step >= 0):
        delta = (wd - base.weekday()) % 7
        delta = delta or (7 if mod == "next" else 0)
        return (base + dt.timedelta(days=delta)).isoformat(), "day"
    delta = (base.weekday() - wd) % 7
    if step < 0 and delta == 0:
        delta = 7
    return (base - dt.timedelta(days=delta)).isoformat(), "day"


def _this_that(c: str, base, future: bool, lex: TimexLexicon) -> Optional[Resolved]:
    """"last week", "this month", "next year" (a week is given as its month)."""
    m = lex.patterns["this_that"].match(c)
    if not m:
        return NO_MATCH
    if base is None:
        return None, None
    step = lex.steps[m.group("which").lower()]
    unit = m.group("unit").lower()
    if unit in ("week", "weekend"):
        d = base + dt.timedelta(days=7 * step)
        return f"{d.year}-{d.month:02d}", "month"
    if unit == "month":
        y, mo = _shift_month(base.year, base.month, step)
        return f"{y}-{mo:02d}", "month"
    if unit == "year":
        return str(base.year + step), "year"
    return None, None


def _ago(c: str, base, future: bool, lex: TimexLexicon) -> Optional[Resolved]:
    """"three days ago", "two weeks ago" (a day), "six months ago" (a month), "a year ago"."""
    m = lex.patterns["ago"].match(c)
    if not m:
        return NO_MATCH
    if base is None:
        return None, None
    n = m.group("n").lower()
    n = int(n) if n.isdigit() else lex.count_words.get(n, 1)
    unit = m.group("unit").lower()
    if unit == "day":
        return (base - dt.timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return (base - dt.timedelta(days=7 * n)).isoformat(), "day"
    if unit == "month":
        y, mo = _shift_month(base.year, base.month, -n)
        return f"{y}-{mo:02d}", "month"
    return str(base.year - n), "year"


def _relative_month(c: str, base, future: bool, lex: TimexLexicon) -> Optional[Resolved]:
    """"last March" (the last March before publication), "next June"."""
    m = lex.patterns["rel_month"].match(c)
    if not m:
        return NO_MATCH
    if base is None:
        return None, None
    mo = lex.months[m.group("m").lower()]
    step = lex.steps.get(m.group("which").lower(), 0)
    y = base.year
    if step < 0:
        y = base.year if mo < base.month else base.year - 1
    elif step > 0:
        y = base.year if mo > base.month else base.year + 1
    return f"{y}-{mo:02d}", "month"


def _month_relative_year(c: str, base, future: bool, lex: TimexLexicon) -> Optional[Resolved]:
    """"October last year", "March of this year", "June next year": that month of that year."""
    m = lex.patterns["month_rel_year"].match(c)
    if not m:
        return NO_MATCH
    if base is None:
        return None, None
    y = base.year + lex.steps.get(m.group("which").lower(), 0)
    return f"{y}-{lex.months[m.group('m').lower()]:02d}", "month"


def _season(c: str, base, future: bool, lex: TimexLexicon) -> Optional[Resolved]:
    """"last summer", "the winter of 2022" (a year)."""
    m = lex.patterns["season"].match(c)
    if not m:
        return NO_MATCH
    if m.group("y"):
        return m.group("y"), "year"
    step = lex.steps.get((m.group("which") or "this").lower(), 0)
    if base is None:
        return None, None
    start = lex.seasons[m.group("s").lower()]
    if step < 0:
        return str(base.year if base.month >= start + 3 else base.year - 1), "year"
    if step > 0:
        return str(base.year if base.month < start else base.year + 1), "year"
    return str(base.year), "year"


def _month(c: str, base, future: bool, lex: TimexLexicon) -> Optional[Resolved]:
    """"March": the last March up to publication (the next one in a future clause)."""
    m = lex.patterns["month_only"].match(c)
    if not m:
        return NO_MATCH
    if base is None:
        return None, None
    mo = lex.months[m.group("m").lower()]
    y = base.year
    if future and mo < base.month:
        y += 1
    elif not future and mo > base.month:
        y -= 1
    return f"{y}-{mo:02d}", "month"


def _ordinal_day(c: str, base, future: bool, lex: TimexLexicon) -> Optional[Resolved]:
    """"the 27th": in the publication month, or the month before when that day is still to come."""
    m = lex.patterns["ordinal_day"].match(c)
    if not m:
        return NO_MATCH
    if base is None:
        return None, None
    d = int(m.group("d"))
    y, mo = base.year, base.month
    if (d > base.day and not future) or d > calendar.monthrange(y, mo)[1]:
        y, mo = _shift_month(y, mo, -1 if not future else 1)
    if d > calendar.monthrange(y, mo)[1]:
        return None, None
    return f"{y}-{mo:02d}-{d:02d}", "day"


def _month_day(c: str, base, future: bool, lex: TimexLexicon) -> Optional[Resolved]:
    """"Dec. 2" without a publication date (no value); in a future clause the next such day (other
    month-days go to dateparser)."""
    m = lex.patterns["month_day"].match(c)
    if m and base is None:
        return None, None  # "Dec. 2": no year without a publication date
    if not (m and future):
        return NO_MATCH
    mon = lex.months[(m.group("m") or m.group("m2")).lower()]
    day_ = int(re.match(r"\d+", m.group("d") or m.group("d2")).group())
    y = base.year + (1 if (mon, day_) < (base.month, base.day) else 0)
    try:
        return dt.date(y, mon, day_).isoformat(), "day"
    except ValueError:
        return None, None


def _dateparser(c: str, base, future: bool, lex: TimexLexicon) -> Resolved:
    """Explicit dates and anything else: dateparser, with the precision it reports."""
    has_year = re.search(r"\b(1[6-9]|20)\d\d\b", c) is not None
    if base is None and not has_year:
        return None, None
    parser = _parser(base or dt.date(2000, 1, 1), lex.language)
    data = parser.get_date_data(c)
    if data is None or data.date_obj is None:
        years = lex.patterns["any_year"].findall(c)
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


#: the forms of an expression, tried in this order; the first that applies resolves it
RESOLVERS = (_year_forms, _relative_day, _weekday, _this_that, _ago, _relative_month, _month_relative_year,
             _season, _month, _ordinal_day, _month_day)


@lru_cache(maxsize=4096)
def resolve(core: str, base: Optional[dt.date], future: bool = False,
            lex: Optional[TimexLexicon] = None) -> Resolved:
    """``(value, precision)`` of an expression without its preposition, against publication ``base``."""
    lex = lex or load_lexicon()
    c = _normalise(core, lex.patterns)
    for form in RESOLVERS:
        got = form(c, base, future, lex)
        if got is not NO_MATCH:
            return got
    return _dateparser(c, base, future, lex)


# -- a clause dated from another ----------------------------------------------------------------------
def _count(tok, lex: TimexLexicon) -> Optional[int]:
    """How many units the offset noun ``tok`` counts: its number ("four days"), "a"/"an" ("a day"),
    else ``None``."""
    for ch in tok.children:
        if ch.dep_ == "nummod":
            w = ch.lower_
            if w.isdigit():
                return int(w)
            return lex.count_words.get(w)
        if ch.dep_ == "det" and ch.lower_ in lex.count_words:
            return lex.count_words[ch.lower_]
    return None


def clause_offset(verb, lex: Optional[TimexLexicon] = None) -> Optional[tuple[int, str]]:
    """How far the clause of ``verb`` lies from the clause it hangs on, as ``(signed count, unit)``:
    "four days *after* a bomber killed ..." (-4, "day"), "kidnapped ... ten days *earlier*" (-10,
    "day"), "shot dead *the previous day*" (-1, "day"), "a month after" (-1, "month"); ``None`` when
    the clause states no such offset. The words are the lexicon's ``offset_units``, ``offset_marks``
    (the sign: the clause of "after" is earlier than the one it hangs on) and ``adjacent_days``."""
    lex = lex or load_lexicon()
    if not lex.offset_units:
        return None
    mark = next((ch for ch in verb.children if ch.dep_ == "mark" and ch.lower_ in lex.offset_marks), None)
    for n, m in _offset_nouns(verb, mark, lex):
        unit = lex.offset_units[n.lower_]
        adj = [ch for ch in n.children if ch.dep_ == "amod" and ch.lower_ in lex.adjacent_days]
        if adj and unit == "day":                               # "the previous day"
            return lex.adjacent_days[adj[0].lower_], unit
        k = _count(n, lex)
        if m is not None and k is not None:
            return lex.offset_marks[m.lower_] * k, unit
    return None


def _offset_nouns(verb, mark, lex: TimexLexicon) -> list:
    """The offset nouns of the clause of ``verb`` ("days", "month") with the word that says their way
    ("after", "earlier"; ``mark`` by default), wherever the parse hangs them: on the verb, on "after",
    on "earlier", on a noun of the clause ("shot dead by militants the previous day"), or on the verb
    above just before the clause's "after" ("came [a month] [after] assaults killed")."""
    nouns = [n for n in verb.subtree if n.dep_ == "npadvmod" and n.lower_ in lex.offset_units
             and clause_verb(n.head).i == verb.i]
    if mark is not None and verb.head.i != verb.i:
        nouns += [n for n in verb.head.children if n.dep_ == "npadvmod" and n.lower_ in lex.offset_units
                  and n.right_edge.i + 1 == mark.i]
    way = lambda n: n.head if n.head.lower_ in lex.offset_marks and n.head.dep_ in ("advmod", "mark") else mark  # noqa: E731
    return [(n, way(n)) for n in nouns]


def shift_value(value: Optional[str], n: int, unit: str) -> Optional[str]:
    """A date value moved by ``n`` units ("day", "week", "month", "year"), as precise as the unit
    allows and the value has: a day for days and weeks of a day value, a month for months, a year
    for years ("2024-05-06" - 2 days = "2024-05-04"; "2024-05-06" - 1 month = "2024-04")."""
    if not value:
        return None
    parts = [int(x) for x in value[:10].split("-")]
    if unit == "year":
        return str(parts[0] + n)
    if unit == "month" or len(parts) < 3:
        if len(parts) < 2 or unit in ("day", "week") and len(parts) < 3:
            return None
        y, mo = _shift_month(parts[0], parts[1], n)
        return f"{y}-{mo:02d}"
    days = n * (7 if unit == "week" else 1)
    return (dt.date(*parts) + dt.timedelta(days=days)).isoformat()


# -- which date governs a span ------------------------------------------------------------------------
_CLAUSE_BREAK = re.compile(r";|:|\bbut\b|, (?:when|while|after|before|which|who|where|as|since|although|though)\b"
                           r"|\b(?:said|says|added)\b", re.I)


def clause_verb(tok, hops: int = 12):
    """The verb (or auxiliary) heading the clause of ``tok``: ``tok`` itself when it is one, else the
    first above it within ``hops`` head links (the sentence root at the latest)."""
    k = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and k < hops:
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


def _span_offsets(start, end) -> tuple[int, int]:
    """The character offsets of a spaCy Span or Token, or of ``start``/``end`` given as numbers."""
    if hasattr(start, "start_char"):        # a Span
        return start.start_char, start.end_char
    if hasattr(start, "idx"):               # a Token
        return start.idx, start.idx + len(start.text)
    return int(start), int(end if end is not None else start)


def _date_rank(d, start: int, end: int, text: Optional[str], doc, verb, anc) -> tuple[int, int]:
    """How well date expression ``d`` governs ``[start, end)`` (lower is better): 0 on the span's
    clause verb, 1 on a verb above it or a modifier in its clause ("blew up power lines *leading* into Kabul
    last month"), 2 nearby, 3 behind a clause boundary; then the distance."""
    lo, hi = (d.end, start) if d.end <= start else (end, d.start)
    dist = max(0, hi - lo)
    if verb is not None:
        ds = doc.char_span(d.start, d.end, alignment_mode="expand")
        if ds is not None and len(ds):
            dverb = clause_verb(ds.root)
            if dverb.i == verb.i:
                return 0, dist
            if dverb.i in anc or ds.root.i in anc or verb.i in _ancestors(dverb):
                return 1, dist      # on a verb above the span's, or on a modifier inside its clause
    broken = text is not None and hi > lo and _CLAUSE_BREAK.search(text, lo, hi) is not None
    return (3 if broken else 2), dist


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
        s, e = _span_offsets(start, end)
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
            verb = clause_verb(span.root)
            anc = _ancestors(verb) | {verb.i}
    return min(cands, key=lambda d: _date_rank(d, start, end, text, doc, verb, anc))


def to_contract(timexes: Iterable[Timex]):
    """The :class:`~sitrep.contract.TimeExpression` models of resolved expressions."""
    return [TimeExpression(text=t.text, start=t.start, end=t.end, value=t.value, precision=t.precision,
                           relation=t.relation) for t in timexes]
