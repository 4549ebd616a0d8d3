"""Wire datelines: "DAMASCUS, Dec 9 (Test Wire) - …" gives an article its place, day and outlet.

A reader calls :func:`apply_dateline` on each article it reads. Only what the article does not say
otherwise is taken (its ``published`` and ``source`` from the record, the HTML page or the command line
win), and every value taken is said in a warning on the document, with where the year came from: the
dateline itself ("Dec 9, 2024"), a year the text names (the most frequent one not after today), or
today's date (the last such day not in the future). The place is kept in the warning only: the places
stage finds it in the text like any other place.

The dateline is looked for at the start of one of the first three lines (a headline may come first): a
place in capitals (``NEW YORK``, ``BEIRUT/ANKARA``, ``Damascus`` is not one), a comma, a month and day
(optionally a year), the outlet in parentheses, then a dash. Without a date (``DAMASCUS (Reuters) -``)
only the outlet is taken.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Optional

from ..core.article import Article

MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), 1) for m in names}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\- ]{1,40}?(?:/[A-Z][A-Z'’.\- ]{1,40}?)?(?:,\s*[A-Z][A-Za-z.]{1,20})?)"
    r"(?:,\s+(?P<month>" + _MONTH + r")\.?\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>(?:19|20)\d\d))?)?"
    r"\s*\((?P<outlet>[^()\n]{2,60})\)\s*(?:[-–—]{1,2}|:)\s",
    re.IGNORECASE)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _is_capitals(place: str) -> bool:
    letters = [c for c in place.split(",")[0] if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def find_dateline(text: str) -> Optional[dict]:
    """The dateline of a text: ``{"text", "place", "outlet", "month", "day", "year"}`` (month, day and
    year None when it has none), or None."""
    for line in text.split("\n", 3)[:3]:
        m = DATELINE.match(line.strip())
        if m and _is_capitals(m.group("place")):
            return {"text": m.group(0).rstrip(" -–—:").strip(), "place": m.group("place").strip(),
                    "outlet": m.group("outlet").strip(),
                    "month": MONTHS[m.group("month").lower()] if m.group("month") else None,
                    "day": int(m.group("day")) if m.group("day") else None,
                    "year": int(m.group("year")) if m.group("year") else None}
    return None


def _year(found: dict, text: str, today: date) -> tuple[Optional[int], str]:
    """The year of a dateline's day, and where it came from."""
    if found["year"]:
        return found["year"], "the dateline"
    years = Counter(int(y) for y in _YEAR.findall(text) if int(y) <= today.year)
    if years:
        best = max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]
        return best, f"the year the text names most ({best})"
    year = today.year
    try:
        if date(year, found["month"], found["day"]) > today:
            year -= 1
    except ValueError:
        return None, "today's date"
    return year, "today's date"


_WARNING_START = {"source": "read: outlet ", "published": "read: published "}


def fill_in(article: Article, name: str, value: Optional[str]) -> None:
    """Give ``article`` a value the caller has for ``name`` ("published" or "source", as ``--published``
    and ``--source`` do): when it has none, or only one read from its dateline (a caller's value is not
    a guess of the year), whose warning is then dropped."""
    if not value:
        return
    start = _WARNING_START[name]
    guessed = [w for w in article.warnings if w.startswith(start) and "from the dateline" in w]
    if getattr(article, name) and not guessed:
        return
    setattr(article, name, value)
    article.warnings[:] = [w for w in article.warnings if w not in guessed]


def apply_dateline(article: Article, *, today: Optional[date] = None) -> Article:
    """Fill in ``published`` and ``source`` from the article's wire dateline when it has none, each
    with a warning (see the module docstring); returns the article."""
    if article.published and article.source:
        return article
    found = find_dateline(article.text)
    if found is None:
        return article
    if not article.source:
        article.source = found["outlet"]
        article.warnings.append(f"read: outlet {found['outlet']!r} taken from the dateline {found['text']!r}")
    if not article.published and found["month"]:
        year, how = _year(found, article.text, today or date.today())
        try:
            day = date(year, found["month"], found["day"]) if year else None
        except ValueError:
            day = None
        if day is None:
            article.warnings.append(f"read: the dateline {found['text']!r} names no calendar day; no publication date")
        else:
            article.published = day.isoformat()
            article.warnings.append(f"read: published {day.isoformat()} taken from the dateline {found['text']!r} "
                                    f"(day precision; the year from {how})")
    return article
