"""Streets, roads and highways named in a text ("South Main Street", "Highway 19", "I-75", "KY 90").

The words come from ``data/streets.yaml``; regular expressions (compiled once) find the
candidates in the text, and the parsed ``Doc`` then trims and checks them:

* a **named street**: up to four capitalised words or ordinals before a suffix ("Darby Street",
  "40th Avenue South", "E. Broad St."). Abbreviated suffixes ("St.") count only where the period
  cannot open a name ("Main St. Louis" is not a street); weak suffixes ("Way", "Place", "Circle")
  need an address cue before the name (a house number, "block of", "on", "in", "off" ...);
* a **lettered avenue** ("Avenue Q");
* a **prefixed street** named the Spanish, Portuguese, Italian or French way: a prefix, perhaps a link
  word, then a name or a number ("Avenida Paulista", "Praça da Sé", "Via del Corso", "Calle 50"); weak
  prefixes ("Via", "Plaza", "Place") need a link word or an address cue ("Via Telegram" is none);
* **coordinated names** before a plural ("Hampden and Center streets": two streets);
* a **numbered road**: a prefix and a number ("Interstate 75", "County Road 96", "FM 645", "US-24"),
  with the postal codes and AP abbreviations of US states as prefixes too ("KY 90", "W.Va. 61"), and
  up to two capitalised words before it ("Otter Tail County Road 80", "Illinois Route 159").

Leading function words, possessives and titles are cut off ("Warden's Memphis Street home" ->
"Memphis Street"); a title before the name ("Sgt. Tom Lane") or a person's name that the parser
tags as such, without an address cue ("actress Diane Lane said"), is a person, not a street.

    >>> [s.text for s in find_streets(nlp("He lived at 12 Oak St., near Highway 19."))]  # doctest: +SKIP
    ['Oak St.', 'Highway 19']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .. import limits
from ..core.datafiles import load_data
from ..core.errors import KnowledgeBaseError
from ..core.text import name_key
from .gazetteer import load_gazetteer, load_regions

_WORD = r"(?:[A-Z][A-Za-z\u2019'\-]*[A-Za-z](?:(?<=s)[\u2019'](?!\w))?|[A-Z]|\d{1,3}(?:st|nd|rd|th))"
#: abbreviations that only open a street's name ("N. Poplar St.", "St. Charles Avenue")
_LEAD = r"(?:(?:N|S|E|W|NE|NW|SE|SW|St|Mt|Ft)\.[ \t]+)"
_SP = r"[ \t]+"
#: states whose postal code is also a common upper-case word: not a road prefix
_AMBIGUOUS_CODES = {"IN", "OR", "ME", "OK", "HI", "OH", "AS", "DE", "ID", "LA", "MA", "AL", "CO", "GA"}


@dataclass(frozen=True)
class Street:
    start: int
    end: int
    text: str
    key: str     # folded, suffix written out: "n poplar street"
    kind: str    # "street" | "road" (numbered)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _opens_with(words=()) -> str:
    """A zero-width test that a match opens with a capital or a digit (every word of a street's name
    does, :data:`_WORD`, :data:`_LEAD`) or with the first character of one of ``words``: the
    expressions give up at once elsewhere, and find the same matches."""
    firsts = sorted({w[0] for w in words if w} - set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
    return "(?=[A-Z0-9" + "".join(re.escape(c) for c in firsts) + "])"


class StreetsFile(BaseModel):
    """The fields of ``data/streets.yaml`` (a typo fails with the file and the field)."""

    model_config = ConfigDict(extra="forbid")
    #: suffix -> its full form ("St" -> "street"); a non-empty mapping each
    suffixes: dict[str, str]
    abbreviated_suffixes: dict[str, str]
    weak_suffixes: dict[str, str]
    #: plural -> the suffix of each coordinated name ("streets" -> "street")
    coordinated_plurals: dict[str, str]
    weak_cues: list[str]
    numbered_prefixes: list[str]
    trailing_directions: list[str]
    not_name_words: list[str]
    titles: list[str]
    person_followers: list[str]
    not_after: list[str]
    surname_suffixes: list[str]
    lettered: list[str]
    street_prefixes: list[str] = []
    weak_street_prefixes: list[str] = []
    street_links: list[str] = []

    @field_validator("suffixes", "abbreviated_suffixes", "weak_suffixes", "coordinated_plurals")
    @classmethod
    def _non_empty(cls, v: dict) -> dict:
        if not v:
            raise ValueError("must map words to their full form (and not be empty)")
        return v


def _validated(raw) -> dict:
    """``raw`` checked against :class:`StreetsFile`, as a plain dict."""
    where = "sitrep/data/streets.yaml"
    if not isinstance(raw, dict):
        raise KnowledgeBaseError("expected a mapping", file=where)
    try:
        return StreetsFile.model_validate(raw).model_dump()
    except ValidationError as err:
        first = err.errors()[0]
        raise KnowledgeBaseError(first["msg"], file=where, field=".".join(str(x) for x in first["loc"])) from None


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The validated ``streets.yaml`` with its compiled expressions, built once per process for callers
    without a pipeline (``find_streets(doc)``); the places stage builds its own through its resources
    (:func:`build_lexicon`)."""
    return build_lexicon(load_regions())


def build_lexicon(regions: dict) -> dict:
    """The validated ``streets.yaml`` with its compiled expressions; the state prefixes of numbered
    roads ("KY 90", "W.Va. 61") come from the (validated) ``regions`` data."""
    data = _validated(load_data("streets.yaml"))
    state_abbrs = regions.get("us_state_abbreviations") or {}
    codes = [c for c in state_abbrs if c not in _AMBIGUOUS_CODES]
    abbrs = [a for v in state_abbrs.values() for a in v] + [a.replace(" ", "") for v in state_abbrs.values() for a in v if " " in a]
    full = data["suffixes"]
    abbr = data["abbreviated_suffixes"]
    weak = data["weak_suffixes"]
    dirs = _alt(data["trailing_directions"])
    suffix = "(?P<suf>" + _alt(full) + "|" + _alt(weak) + "|(?:" + _alt(abbr) + r")\.)"
    named = re.compile(
        _opens_with() + r"(?<![\w.\-])(?P<name>" + _LEAD + "?(?:" + _WORD + _SP + "){0,3}" + _WORD + ")" + _SP + suffix
        + r"(?:(?<=\.)|(?![\w'\u2019]))"  # "Walker", "Roadshow" are no suffixes
        + r"(?P<num>" + _SP + r"\d{1,4}[A-Z]?(?![\w\-]))?"
        + r"(?:" + _SP + r"(?P<dir>" + dirs + r")(?![\w'\u2019])(?!" + _SP + "[A-Z]))?")
    prefixes = "(?P<pre>" + _alt(data["numbered_prefixes"]) + ")"
    states = "(?P<st>" + _alt(codes + abbrs) + ")"
    numbered = re.compile(
        _opens_with(data["numbered_prefixes"] + codes + abbrs) + r"(?<![\w.\-])(?P<lead>(?:" + _WORD + _SP + "){0,2}?)"
        + r"(?:" + prefixes + r"(?:" + _SP + "|-)" + r"(?P<n1>\d{1,4}[A-Z]?)"
        # a state's code takes its number after a space only: "KY 90"; "AR-15", "AK-47", "SR-71" are designations
        + r"|" + states + _SP + r"(?P<n2>\d{1,3}[A-Z]?))"
        + r"(?![\w]|[,.]\d|[-\u2013]\w)"
        + r"(?:" + _SP + r"(?P<dir>" + dirs + r")(?![\w'\u2019])(?!" + _SP + "[A-Z]))?")
    lettered = re.compile(r"(?<![\w.\-])(?:(?:[NSEW]\.|North|South|East|West)" + _SP + ")?(?:"
                          + _alt(data["lettered"]) + ")" + _SP + r"[A-Z](?:-?\d{1,2})?(?![\w'\u2019])")
    cname = r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?"
    # at most MAX_LIST_NAMES names: an unbounded list is re-read from every name of a long one (quadratic)
    coordinated = re.compile(r"(?<![\w.\-])(?P<list>" + cname + r"(?:,[ \t]+" + cname + r")"
                             + "{0,%d}" % (limits.MAX_LIST_NAMES - 2) + r",?[ \t]+and[ \t]+"
                             + cname + r")[ \t]+(?P<pl>" + _alt(data["coordinated_plurals"]) + r")\b")
    return {
        "prefixed": _prefixed_pattern(data), "weak_prefixes": frozenset(data["weak_street_prefixes"]),
        "named": named, "numbered": numbered, "lettered": lettered, "coordinated": coordinated,
        "plurals": dict(data["coordinated_plurals"]),
        "surname": frozenset(w.lower() for w in data["surname_suffixes"]),
        "full": {k.lower(): v for k, v in full.items()},
        "abbr": {k.lower() + ".": v for k, v in abbr.items()},
        "weak": {k.lower(): v for k, v in weak.items()},
        "weak_cues": frozenset(w.lower() for w in data["weak_cues"]),
        "not_name": frozenset(data["not_name_words"]),
        "titles": frozenset(w.lower() for w in data["titles"]),
        "person_followers": frozenset(w.lower() for w in data["person_followers"]),
        "not_after": frozenset(data["not_after"]),
        "links": frozenset(w.lower() for w in data["street_links"]),
    }


#: a word of a street's name after a prefix, in any alphabet's capitals ("Sé", "Três")
_UWORD = r"[A-ZÀ-ÖØ-Þ][\w'\u2019\-]*"


def _prefixed_pattern(data: dict) -> Optional[re.Pattern]:
    """The expression of a street named the Romance way: a prefix, perhaps a link word, then one to
    three capitalised words (links between them) or a number ("Avenida Paulista", "Via del Corso",
    "Praça dos Três Poderes", "Calle 50"); None without prefixes."""
    prefixes = data["street_prefixes"] + data["weak_street_prefixes"]
    if not prefixes:
        return None
    link = r"(?:" + _alt(data["street_links"]) + r")" if data["street_links"] else r"(?!)"
    word = r"(?:" + _UWORD + r"|\d{1,3}[A-Z]?(?![\w\-]))"
    return re.compile(
        r"(?<![\w.\-])(?P<pre>" + _alt(prefixes) + r")(?P<link>" + _SP + link + r")?" + _SP
        + r"(?P<name>" + word + r"(?:" + _SP + r"(?:" + link + _SP + r")?" + _UWORD + r"){0,2})(?![\w'\u2019])")


def _key(name_part: str, suffix: str, lex: dict) -> str:
    s = suffix.lower()
    full = lex["full"].get(s) or lex["abbr"].get(s) or lex["weak"].get(s) or s
    return name_key(name_part + " " + full)


def find_streets(doc, lex: Optional[dict] = None, gazetteer=None) -> list[Street]:
    """The streets and roads named in a parsed ``Doc``, in text order, not overlapping. ``lex`` (from
    :func:`build_lexicon`) and ``gazetteer`` default to the process-wide ones."""
    lex = lex if lex is not None else lexicon()
    text = doc.text
    if not text:
        return []
    found: list[tuple[int, int, str, int]] = []  # (start, end, kind, where the name part ends)
    for m in lex["numbered"].finditer(text):
        lead_end = m.start("pre") if m.group("pre") else m.start("st")
        found.append((m.start(), m.end(), "road", lead_end))
    for m in lex["named"].finditer(text):
        found.append((m.start(), m.end(), "street", m.start("suf")))
    if lex.get("prefixed") is not None:
        for m in lex["prefixed"].finditer(text):
            found.append((m.start(), m.end(), "prefixed", m.end("pre")))
    for m in lex["lettered"].finditer(text):
        found.append((m.start(), m.end(), "road", m.start()))
    coord: list[Street] = []
    for m in lex["coordinated"].finditer(text):
        suffix = lex["plurals"][m.group("pl")]
        base = m.start("list")
        for part in re.finditer(r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?", m.group("list")):
            w, s0 = part.group(0), base + part.start()
            first = w.split()[0]
            if first in lex["not_name"] and " " in w:  # "In Hampden and Center streets"
                s0 += len(first) + 1
                w = w[len(first) + 1:].lstrip()
            if w in lex["not_name"]:
                continue
            coord.append(Street(start=s0, end=s0 + len(w), text=w, key=name_key(w + " " + suffix), kind="street"))
    if not found:
        return coord
    # the longest first; a numbered road wins over the named street inside it
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    out: list[Street] = []
    taken: list[tuple[int, int]] = []
    for start, end, kind, name_end in found:
        if any(s < end and start < e for s, e in taken):
            continue
        st = _check(doc, text, start, end, kind, name_end, lex, gazetteer)
        if st is not None:
            out.append(st)
            taken.append((st.start, st.end))
    out += [c for c in coord if not any(s.start < c.end and c.start < s.end for s in out)]
    out.sort(key=lambda s: s.start)
    return out


_POSSESSIVE = ("'s", "\u2019s", "s")


def _not_name(t, lex) -> bool:
    """A token that cannot be part of a street's name: a function word, a title, a possessive, a space."""
    w = t.text
    return w in lex["not_name"] or w.rstrip(".").lower() in lex["titles"] or w in _POSSESSIVE \
        or w.endswith(("'s", "\u2019s")) or t.is_space


def _trimmed_start(doc, span, start, kind, name_end, lex):
    """Where the name starts once leading function words, possessives and titles are cut off
    ("Warden's Memphis Street home" -> "Memphis Street"); None when a title before it makes it a person
    ("Sgt. Tom Lane", "Mr. Street") or nothing is left before the suffix."""
    name_toks = [t for t in span if t.idx < name_end]  # the name part (before the suffix or prefix)
    cut = 0
    for n, t in enumerate(name_toks):
        if _not_name(t, lex):
            cut = n + 1
    before_tok = name_toks[cut - 1] if cut else (doc[span.start - 1] if span.start > 0 else None)
    if before_tok is not None and before_tok.text.rstrip(".").lower() in lex["titles"] and kind == "street":
        return None
    if cut:
        if cut >= len(name_toks) and kind == "street":
            return None
        start = name_toks[cut].idx if cut < len(name_toks) else name_end
    return start


def _road_start(text, start, name_end, gaz):
    """Words before a road's prefix belong to it only when they name its state or county ("Illinois
    Route 159", "Otter Tail County Road 80"), not "Later FM 1960"."""
    lead = text[start:name_end].strip()
    if text.startswith("County", name_end):
        lead += " County"
    gaz = gaz if gaz is not None else load_gazetteer()
    if not any(gaz.kind(i) in ("country", "admin1", "county") for i in gaz.lookup(lead)):
        return name_end
    return start


def _address_cues(doc, first, lex) -> tuple[bool, bool]:
    """(a house number before the name, any address cue before it: a number, "block of", "on" ...)."""
    prev = doc[first.i - 1] if first.i > 0 else None
    prev2 = doc[first.i - 2] if first.i > 1 else None
    house = prev is not None and (prev.like_num or (prev.text[:1].isdigit()))
    block = prev is not None and prev.lower_ == "of" and prev2 is not None and prev2.lower_ == "block"
    return house, house or block or (prev is not None and prev.lower_ in lex["weak_cues"])


def _period_opens_name(text, m) -> bool:
    """After an abbreviated suffix, the period opens a name unless a comma, a line end, a lower-case
    word or nothing follows ("Main St. Louis" is no street)."""
    after = text[m.end("suf"):m.end("suf") + 2]
    return not (after == "" or after[0] in ",;:)\n"
                or (after[0] in " \t" and (len(after) < 2 or not after[1].isupper())))


def _named_street(doc, text, start, span, first, house, cue, lex):
    """The checks of a named street from its trimmed start: (end, key), or None."""
    m = lex["named"].match(text, start)  # again from the trimmed start, for the suffix
    if m is None:
        return None
    suf = m.group("suf")
    sl = suf.lower()
    if sl in lex["weak"] and (not cue or m.group("num") or text.startswith(" of ", m.end())):
        return None  # "Councilmember Place 1", "United Way of America"
    if sl in lex["abbr"] and not house and _period_opens_name(text, m):
        return None  # "St. Louis"
    last = span[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text in lex["not_after"] and nxt.idx == last.idx + len(last.text) + 1:
        return None  # "the Florida Highway Patrol"
    ents = {t.ent_type_ for t in doc[first.i:last.i + 1]}
    if ents == {"PERSON"} and not cue and sl in lex["surname"]:
        return None  # "actress Diane Lane"
    if nxt is not None and nxt.lower_ in lex["person_followers"] and "PERSON" in ents and not house:
        return None  # "Tom Street said"
    key = _key(text[start:m.start("suf")], suf + (" " + m.group("num").strip() if m.group("num") else ""), lex)
    return m.end(), key


def _prefixed_street(doc, text, span, start, pre_end, lex) -> Optional[Street]:
    """A street named the Romance way (:func:`_prefixed_pattern`) after its checks: a weak prefix ("Via",
    "Plaza", "Place") needs a link word after it or an address cue before it ("on Via Espana", "Place
    de la Concorde"; not "Via Telegram, the group said"); a title before it or a verb of saying after it
    makes a person ("Mr. Piazza", "Calle Ortiz said"); dates and function words at its end are cut off
    ("along Avenida Paulista Monday")."""
    toks = list(span)
    while len(toks) > 1 and (toks[-1].ent_type_ in ("DATE", "TIME") or toks[-1].text in lex["not_name"]):
        toks.pop()
    if len(toks) < 2 or toks[-1].idx + len(toks[-1].text) <= pre_end:
        return None
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.text.rstrip(".").lower() in lex["titles"]:
        return None
    nxt = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in lex["person_followers"]:
        return None
    pre = text[start:pre_end]
    linked = toks[1].lower_ in lex["links"]
    if pre in lex["weak_prefixes"] and not linked and (prev is None or prev.lower_ not in lex["weak_cues"]):
        return None
    end = toks[-1].idx + len(toks[-1].text)
    return Street(start=start, end=end, text=text[start:end], key=name_key(text[start:end]), kind="street")


def _check(doc, text, start, end, kind, name_end, lex, gaz=None):
    """The street found at ``[start, end)`` (its name part ends at ``name_end``) after trimming and
    the checks of the module text, or ``None``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if kind == "prefixed":
        return _prefixed_street(doc, text, span, start, name_end, lex)
    start = _trimmed_start(doc, span, start, kind, name_end, lex)
    if start is None:
        return None
    if kind == "road" and start < name_end:
        start = _road_start(text, start, name_end, gaz)
    while start < end and text[start].isspace():
        start += 1
    first = next((t for t in span if t.idx >= start), None)
    if first is None:
        return None
    house, cue = _address_cues(doc, first, lex)
    if kind == "street":
        got = _named_street(doc, text, start, span, first, house, cue, lex)
        if got is None:
            return None
        end, key = got
    else:
        key = name_key(text[start:end])
    return Street(start=start, end=end, text=text[start:end], key=key, kind=kind)
