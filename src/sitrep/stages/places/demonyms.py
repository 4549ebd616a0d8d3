"""Demonyms as place mentions (``PlacesStage(demonyms=True)``, the geoparser mode; off by default).

Geoparsing corpora such as LGL count "Russian officials" as a mention of Russia. With the switch on:

* the actors stage's demonym mentions of states ("the Russians") are mentions of their countries;
* a state's demonym opening a generic agent ("Georgian troops", "Iraqi refugees") too;
* a state's demonym the parser tags NORP outside any actor mention ("the Russian Empire");
* the people of a state, province, region or big city named after it ("Ohioans", "New Londoners",
  "South Ossetians"), by the endings of ``place_cues.yaml`` (:func:`regional_demonyms`).
"""

from __future__ import annotations

from typing import Optional

from ...core.article import ArticleState
from ...core.text import name_key
from .candidate import Candidate, overlaps
from .lexicon import NewsCues

#: a regional demonym has at least this many letters ("Utes" is no demonym of Utah)
_MIN_LETTERS = 5
_DEMONYM_POS = ("PROPN", "NOUN", "ADJ")
_NOT_DEMONYM_ENTS = ("PERSON", "ORG", "DATE", "TIME")


def _kb_norm(text: str) -> str:
    from ...kb import norm

    return norm(text)


def _country(gaz, iso3: str) -> Optional[int]:
    import pycountry

    pc = pycountry.countries.get(alpha_3=iso3)
    return gaz.countries.get(pc.alpha_2) if pc is not None else None


def opening_demonym(text: str, s0: int, e0: int, dem: dict) -> Optional[tuple[int, str]]:
    """(end, ISO3) of a state demonym opening the span (two words first).

        "Sri Lankan troops"  -> (end of "Sri Lankan", "LKA")
    """
    words = text[s0:e0].split()
    for k in (2, 1):
        if len(words) > k or (len(words) == k and k == 1):
            pre = " ".join(words[:k])
            iso3 = dem.get(_kb_norm(pre))
            if iso3 and text.startswith(pre, s0):
                return s0 + len(pre), iso3
    return None


def _regional_name(gaz, pre: str, stem: str, r: str, min_city: int) -> Optional[int]:
    """The place called ``pre + stem + r`` under its own name: a state, region or country, or a city of
    ``min_city`` people (the most populous such)."""
    name = pre + stem + r
    key = name_key(name)
    ids = [i for i in gaz.lookup(name) if name_key(gaz.name_of(i)) == key and (
        gaz.kind(i) in ("admin1", "region", "country")
        or (gaz.kind(i) == "city" and gaz.population(i) >= min_city))]
    return max(ids, key=gaz.population) if ids else None


def _demonym_hit(doc, tok, gaz, endings, min_city: int) -> Optional[tuple[int, int, int]]:
    """(start, end, entry) of the place whose people ``tok`` names, by the longest ending that fits,
    the capitalised word before it first ("New Londoners")."""
    w = tok.text
    for end, repl in endings:
        if not w.endswith(end):
            continue
        stem = w[:-len(end)]
        prev_ok = tok.i > 0 and doc[tok.i - 1].text[:1].isupper() and not doc[tok.i - 1].is_sent_start
        for r in repl:
            for pre in ((doc[tok.i - 1].text + " ") if prev_ok else None, ""):
                if pre is None:
                    continue
                i = _regional_name(gaz, pre, stem, r, min_city)
                if i is not None:
                    return tok.idx - len(pre), tok.idx + len(w), i
        return None  # only the longest ending that fits
    return None


def regional_demonyms(state: ArticleState, gaz, news: NewsCues, state_demonyms: dict,
                      min_city: int) -> list[tuple[int, int, int]]:
    """The people of a state, province, region or big city named after it ("Ohioans", "New
    Londoners", "South Ossetians"): (start, end, entry) of each, by the endings of
    ``place_cues.yaml`` (only for words that end in one of them)."""
    out = []
    for tok in state.doc:
        w = tok.text
        if not w[:1].isupper() or len(w) < _MIN_LETTERS or not w.isalpha() or w in news.not_demonyms \
                or tok.is_stop or tok.pos_ not in _DEMONYM_POS or tok.ent_type_ in _NOT_DEMONYM_ENTS \
                or _kb_norm(w) in state_demonyms:
            continue
        hit = _demonym_hit(state.doc, tok, gaz, news.demonym_endings, min_city)
        if hit:
            out.append(hit)
    return out


def with_demonyms(state: ArticleState, cands: list[Candidate], gaz, news: NewsCues, dem: dict,
                  min_city: int) -> list[Candidate]:
    """``cands`` with the demonym mentions of the module text added (none overlapping a candidate),
    in text order."""
    text = state.text
    actors = {a.id: a for a in state.actors}
    extra: list[Candidate] = []

    def add(s0, e0, i):
        if i is not None and not any(overlaps(c, s0, e0) for c in cands + extra):
            extra.append(Candidate(s0, e0, text[s0:e0], (i,), True, "NORP"))

    for m in state.mentions:
        a = actors.get(m.actor_id)
        if a is None:
            continue
        if m.how == "demonym" and a.kind == "state" and a.country:
            add(m.start, m.end, _country(gaz, a.country))
        elif m.how in ("agent", "demonym") and a.country:
            hit = opening_demonym(text, m.start, m.end, dem)
            if hit is not None and hit[1] == a.country:
                add(m.start, hit[0], _country(gaz, hit[1]))
    covered = [(m.start, m.end) for m in state.mentions]
    for ent in state.doc.ents:
        if ent.label_ != "NORP" or any(s0 < ent.end_char and ent.start_char < e0 for s0, e0 in covered):
            continue
        iso3 = dem.get(_kb_norm(ent.text))
        if iso3:
            add(ent.start_char, ent.end_char, _country(gaz, iso3))
    for s0, e0, i in regional_demonyms(state, gaz, news, dem, min_city):
        add(s0, e0, i)
    return sorted(cands + extra, key=lambda c: c.start) if extra else cands
