"""The single copy of what several layers compute on text and places: name keys, the wire dateline, distance.

* :func:`name_key` -- the matching key of a place name (the gazetteer's index, the places stage):
  no diacritics, apostrophes, periods or case, single spaces ("St. Petersburg" -> "st petersburg");
* :func:`plain` -- text with diacritics off and typographic apostrophes and dashes made plain, case and
  punctuation kept (the knowledge base's name keys build on it: "Hay’at" -> "Hay'at");
* :data:`DATELINE` -- the dateline that opens a wire story's paragraph ("ALEPPO, Syria (AP) -- "), as
  the events and quotes stages skip it (:data:`DATELINE_ANY` with the looser forms the events stage
  skips as well: "SAGAING (Myanmar): ");
* :func:`haversine_km` -- great-circle distance on a sphere of :data:`EARTH_RADIUS_KM`.

Two other dateline patterns exist for other jobs and stay with them: the places stage builds its own
from ``data/place_cues.yaml`` (it reads the town and the state, and knows the agencies by name), and the
readers' :data:`sitrep.readers.dateline.DATELINE` reads a dateline's day and outlet.

    >>> name_key("Tall Rif‘at") == name_key("tall rifat")
    True
    >>> plain("Hay’at Tahrir al‑Sham")
    "Hay'at Tahrir al-Sham"
    >>> DATELINE.match("BEIRUT/ANKARA, Turkey (Reuters) -- Rebels said ...").end()
    35
    >>> round(haversine_km(36.2, 37.16, 33.51, 36.29))
    309
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

# -- name keys --------------------------------------------------------------------------------------
_NAME_KEY = str.maketrans({
    "\u2018": "", "\u2019": "", "'": "", "\u02bb": "", "\u02bc": "", "`": "", "\u00b4": "", ".": "",
    "-": " ", "\u2010": " ", "\u2011": " ", "\u2013": " ", "\u2014": " ", ",": " ", "\u02be": "",
    "\u02bf": "", "\u2032": "",
})

_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u02bb": "'",
                        "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})


#: how many name keys :func:`name_key` remembers (the places stage asks the same names again and again)
NAME_KEY_MEMO = 1 << 16


@lru_cache(maxsize=NAME_KEY_MEMO)
def name_key(name: str) -> str:
    """The matching key of a place name: no diacritics, apostrophes, periods or case; hyphens, dashes
    and commas made spaces; single spaces ("Ḩamāh" -> "hamah", "St. Petersburg" -> "st petersburg").

    Not :func:`plain`, which keeps case and punctuation. A pure function of its argument, memoised
    (bounded, thread-safe): a key depends on the name alone, so nothing one article reads changes
    another's keys."""
    s = unicodedata.normalize("NFKD", name)
    if not s.isascii():
        s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.translate(_NAME_KEY).lower().split())


def plain(text: str) -> str:
    """Diacritics off, typographic apostrophes and dashes made plain; case, spaces and punctuation kept
    ("Hay’at Tahrir al‑Sham" -> "Hay'at Tahrir al-Sham"). The knowledge base's ``norm`` builds on it."""
    text = text.translate(_PLAIN)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text


# -- the wire dateline ------------------------------------------------------------------------------
#: a paragraph's opening dateline: a town in capitals (two towns joined by "/"), perhaps ", Region", perhaps
#: the agency in parentheses, then a dash and a space. Match it at a paragraph's or sentence's start.
DATELINE = re.compile(r"[A-Z][A-Z .'/\-]{1,30}(?:, [^()\n]{1,30}?)? (?:\([^()\n]{1,40}\) )?"
                      r"(?:-{1,3}|\u2014|\u2013) ")
#: :data:`DATELINE` and the looser forms some outlets use, which the events stage skips as well (a
#: town before a colon, with a date after a period: "SAGAING (Myanmar): ", "MOSCOW. Feb 12 (Interfax) -
#: "; a town in title case with its date and agency, or alone before a dash: "New York, 16 June 2024
#: (TDI): ", "Jerusalem - "). The quotes stage keeps the strict form (its speaker rules read a colon).
DATELINE_ANY = re.compile(DATELINE.pattern + r"|(?:[A-Z][A-Z .'/\-]{1,30}(?:[,.] [^()\n:]{1,30}?)?"
                          r"(?: \([^()\n]{1,40}\))?(?: (?:-{1,3}|\u2014|\u2013)|:)"
                          r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?, [^()\n:]{1,30}? \([^()\n]{1,40}\)(?: (?:-{1,3}|\u2014|\u2013)|:)"
                          r"|[A-Z][a-z]+ (?:-{1,3}|\u2014|\u2013)) ")


# -- distance ---------------------------------------------------------------------------------------
#: the Earth's radius of every distance sitrep computes (the places stage's bands, the evaluations'
#: accuracy@161 km and tolerances). The IUGG mean radius, 6371.0088 km, is 0.00014 % longer; with it
#: the evaluations' figures are the same to the digits they report.
EARTH_RADIUS_KM = 6371.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
