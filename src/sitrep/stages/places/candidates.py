"""Candidates: the stretches of text that may name places, each with its gazetteer readings.

Sources, in the order they are read (:func:`find_candidates`):

1. **News copy** outside running prose (``data/place_cues.yaml``): a dateline's town and state
   (:func:`dateline_places`), an AP state abbreviation after a town (:func:`state_abbreviations`), a
   legislator's party tag (:func:`party_tags`), names coordinated before "counties"
   (:func:`coordinated_divisions`).
2. **The scan** (:func:`scan_names`): at each token, the longest capitalised token sequence the
   gazetteer knows (spaCy's GPE/LOC/FAC entities, and names the small model mistags: it calls
   "Aleppo" a person and "Idlib" an organisation), then the rules of :func:`read_at` in order -- each a
   small function below with its example: a direction word opening a name, a division word after it
   ("Idlib province"), surnames ("Michael Jordan"), names inside institutions' names
   (:func:`institution_reading`), streets named after places, unknown longer names ("Texas
   Panhandle"), peoples' adjectives ("Arab governments"), then whether the name is *strong* (a place):
   a locative cue before it (:func:`locative_before`, :func:`framed`), its entity label, its size.
   Names the actors stage resolved to knowledge-base organisations and persons ("the White House")
   and metonyms of unknown governments are no places; a state's demonym ("Canadian") is none either.
3. **One sense per discourse** and **coordination**: a name that is strong once is strong everywhere;
   a weak name coordinated with a strong one ("in Aleppo and Idlib") becomes strong.
4. **Qualifiers** (:func:`qualifiers`): "Gainesville, Ga." / "Columbus, Ohio" -- the qualifier fixes the
   state of the name before it and is a place itself.

After the candidates (in the stage): demonyms (:mod:`.demonyms`), streets (:func:`outside_streets`),
and the municipal sense of a country's name (:func:`municipal_senses`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from ...core.article import ArticleState
from ...core.text import name_key
from ...lexicon import words as lexicon_words
from .candidate import Candidate, overlaps
from .config import PlacesConfig
from .focus import based_on, mark_actors, mark_locative, opens_copy
from .lexicon import NewsCues, PlaceWords
from .names import capitals, is_big, is_big_own, is_division, is_primary, is_qualified_province

#: entity labels that make a name a place
ENTITY_LABELS = {"GPE", "LOC", "FAC"}
#: entity labels whose tokens are never scanned for place names unless a cue says so
BLOCKING = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"}
SKIP_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
#: actor kinds that are no places ("the White House" resolved to an organisation)
NON_PLACE_KINDS = {"person", "organization", "armed_group", "igo", "media", "group"}
#: how an actor mention names its actor, when a place name inside it is the actor's, not a place
_NAMING = ("name", "alias", "acronym", "title")
#: a dateline's town has at least this many letters ("NY" is not read as a town)
_DATELINE_MIN_LETTERS = 3
#: "the towns of Rastan, Tayba and Talbiseh": how many conjuncts back a frame is looked for
_FRAME_CONJUNCTS = 4
_NAME_PART = re.compile(r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?")
#: an initialism: "U.S.", "UK", "DRC" (its readings are what it abbreviates, not towns spelt otherwise)
_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,4}$")


def _iso2(iso3: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    return c.alpha_2 if c is not None else ""


def _kb_norm(text: str) -> str:
    from ...kb import norm

    return norm(text)


# == 1. news copy ===============================================================================
class _Collector:
    """Candidates of the news cues, none overlapping an earlier one."""

    def __init__(self, text: str):
        self.text = text
        self.out: list[Candidate] = []

    def add(self, s0: int, e0: int, ids, label: str = "GPE", dateline: bool = False) -> None:
        if ids and not any(overlaps(c, s0, e0) for c in self.out):
            self.out.append(Candidate(s0, e0, self.text[s0:e0], tuple(ids), True, label, dateline=dateline))


def town_readings(gaz, ids) -> tuple:
    """The readings among ``ids`` that are towns: what a dateline names ("SAGAING", not the region)."""
    return tuple(i for i in ids if gaz.kind(i) == "city")


def dateline_places(text: str, gaz, news: NewsCues, out: _Collector) -> None:
    """A dateline's town and state: an upper-case name the gazetteer knows under its own name, at the
    start of a line or after a sentence, perhaps a state or country, perhaps an agency, then a dash.

        "HAMMOND, Ind. (AP) -- Crews ..."  ->  HAMMOND (a town), Ind. (Indiana)
        "CROMWELL -- The board ..."        ->  CROMWELL
    """
    for m in news.dateline.finditer(text):
        g = m.groupdict()
        if g.get("agency"):  # a dated dateline's agency: no place ("(Agence du Golfe)")
            out.out.append(Candidate(m.start("agency"), m.end("agency"), m.group("agency"), (), True, "ORG"))
        tg = "town" if g.get("town") else "ttown"
        town = m.group(tg).strip()
        if len(town.replace(".", "")) < _DATELINE_MIN_LETTERS or not is_primary(gaz, town):
            continue
        ids = _in_country(gaz, gaz.lookup(town), g.get("cty") or g.get("tcty"))
        if tg == "ttown" and not ids:
            continue  # "Islamabad, Pakistan –" only when the town lies in the country named
        out.add(m.start(tg), m.start(tg) + len(town),  # a dateline names a town: not "SAGAING" the region
                town_readings(gaz, ids) or ids, dateline=True)
        st = m.group("st")
        if st:
            st = st.strip()
            if st in gaz.abbrevs:
                out.add(m.start("st"), m.start("st") + len(st), (gaz.abbrevs[st],), dateline=True)
            else:
                ids = [i for i in gaz.lookup(st) if gaz.kind(i) in ("admin1", "country")]
                out.add(m.start("st"), m.start("st") + len(st), ids, dateline=True)


def _in_country(gaz, ids, country: Optional[str]) -> list:
    """The readings ``ids`` in the ``country`` a dateline names ("SAGAING (Myanmar):"); all of them
    without one or when the name is no country's ("(Agence)"), none when no reading lies there."""
    if not country:
        return list(ids)
    ccs = {gaz.country_of(i) for i in gaz.lookup(country) if gaz.kind(i) == "country"}
    return [i for i in ids if gaz.country_of(i) in ccs] if ccs else list(ids)


def state_abbreviations(text: str, gaz, news: NewsCues, out: _Collector) -> None:
    """An AP state abbreviation after a capitalised name and a comma is the state, even when the town
    is unknown.

        "Sulpher, La., police said"  ->  La. (Louisiana)
    """
    for m in news.comma_abbr.finditer(text):
        j = m.start() - 2
        k = j
        while k > 0 and (text[k - 1].isalpha() or text[k - 1] in ".'\u2019"):
            k -= 1
        if k < j and text[k].isupper():
            out.add(m.start("ab"), m.end("ab"), (gaz.abbrevs[m.group("ab")],))


def party_tags(text: str, gaz, news: NewsCues, out: _Collector) -> None:
    """A legislator's home town or county in a party tag; a member of Congress's tag names the state.

        "Sen. Jane Roe, D-Elkins, said"  ->  Elkins (a town or county)
        "Sen. Bob Casey, D-Pa., said"    ->  Pa. (Pennsylvania)
    """
    for m in news.party.finditer(text):
        town = m.group("town")
        if text.startswith(town + ".", m.start("town")) and town + "." in gaz.abbrevs:
            out.add(m.start("town"), m.end("town") + 1, (gaz.abbrevs[town + "."],))
            continue
        ids = [i for i in gaz.lookup(town) if gaz.kind(i) in ("city", "county")] \
            or [i for i in gaz.lookup(town + " County") if gaz.kind(i) == "county"]
        out.add(m.start("town"), m.end("town"), ids)


def coordinated_divisions(text: str, gaz, news: NewsCues, out: _Collector) -> None:
    """Names coordinated before a plural division word are each such a division; a province or region
    not found as such is that division, else the region of its town.

        "Jackson and Barrow counties"   ->  Jackson County, Barrow County
        "Daraa and Sweida provinces"    ->  Daraa (governorate), Sweida (governorate)
        "the State and Treasury departments"  ->  nothing (no name of the list is a division)
    """
    for m in news.coord.finditer(text):
        word = news.divisions[m.group("kind")]
        base = m.start("list")
        found, divisions = [], False
        for part in _NAME_PART.finditer(m.group("list")):
            name = part.group(0)
            ids = [i for i in gaz.lookup(name + " " + word) if gaz.kind(i) == "county"]
            if not ids and word not in news.county_divisions:
                ids = [i for i in gaz.lookup(name + " " + word) + gaz.lookup(name)
                       if gaz.kind(i) in ("admin1", "region", "province")]
                divisions = divisions or bool(ids)
                ids = ids or [i for i in gaz.lookup(name) if gaz.kind(i) == "city"]
            else:
                divisions = True
            found.append((part, ids))
        if not divisions:
            continue  # no name of the list is such a division: "the US State and Treasury departments"
        for part, ids in found:
            out.add(base + part.start(), base + part.end(), ids)


def news_candidates(text: str, gaz, news: NewsCues) -> list[Candidate]:
    """The places news copy names outside running prose (the four cues above), in text order."""
    out = _Collector(text)
    for cue in (dateline_places, state_abbreviations, party_tags, coordinated_divisions):
        cue(text, gaz, news, out)
    out.out.sort(key=lambda c: c.start)
    return out.out


# == 2. the scan ================================================================================
@dataclass
class Scan:
    """The parsed article as the scan reads it: per-token views of the doc, the cue words, and what
    the scan has learnt so far (tokens taken, words of person names)."""

    state: ArticleState
    gaz: object
    cfg: PlacesConfig
    words: PlaceWords
    news: NewsCues
    state_demonyms: dict
    ent_label: list = field(default_factory=list)
    ent_len: list = field(default_factory=list)
    taken: list = field(default_factory=list)
    #: words of multi-word person names ("Sam Jones" -> "Jones" later is the person, not a place)
    person_words: set = field(default_factory=set)
    #: their surnames, and those of the actors stage's persons, that no country or first-level division
    #: bears: a place only after a setting preposition (:func:`sets_scene`; "support of Clinton")
    surnames: set = field(default_factory=set)
    #: (start, end, ISO2 or None) of the actors stage's metonyms ("Moscow said")
    metonyms: list = field(default_factory=list)
    #: (start, end, known to the KB) of actor mentions naming organisations and persons
    non_places: list = field(default_factory=list)
    #: the tokens of actor mentions of persons, named or described ("une manifestante", "the union leader")
    person_tokens: set = field(default_factory=set)

    def __post_init__(self) -> None:
        doc = self.state.doc
        self.doc, self.text, self.n = doc, self.state.text, len(doc)
        self.toks = list(doc)
        self.ent_label = [""] * self.n
        self.ent_len = [0] * self.n
        for ent in doc.ents:
            for t in range(ent.start, ent.end):
                self.ent_label[t] = ent.label_
                self.ent_len[t] = ent.end - ent.start
        self.taken = [False] * self.n
        self.words_ = [t.text for t in self.toks]
        self.starts = [t.idx for t in self.toks]
        # tokens a name may start with / end with / contain
        self.cap = [w[:1].isupper() for w in self.words_]
        self.opener = [c or t.lower_ in self.words.dir or self.article_at(i) for i, (c, t)
                       in enumerate(zip(self.cap, self.toks))]
        self.inner_ok = [not (t.is_space or (t.is_punct and t.text not in (".", "-", "'"))) for t in self.toks]
        persons = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
        self.person_words = {t.text for e in persons for t in e}
        surnames = {e[-1].text for e in persons} | person_surnames(self.state)
        self.surnames = {w for w in surnames if w[:1].isupper() and not is_division(self.gaz, w, False)}
        self.person_words |= self.surnames | speaker_names(doc, self.gaz, self.cfg.speaker_town_population)
        self.metonyms = actor_metonyms(self.state)
        self.non_places = actor_non_places(self.state)
        self.person_tokens = person_tokens(self.state)

    def article_at(self, i: int) -> bool:
        """Token ``i`` is a name article joined by a hyphen to a capitalised word ("al-Mayadeen")."""
        toks = self.toks
        return toks[i].lower_ in self.news.name_articles and i + 2 < len(toks) and toks[i + 1].text == "-" \
            and not toks[i].whitespace_ and not toks[i + 1].whitespace_ and toks[i + 2].text[:1].isupper()

    def take(self, i: int, w: int) -> int:
        """Mark tokens ``i .. i+w`` as read; returns ``w`` (the tokens to advance)."""
        for t in range(i, i + w):
            self.taken[t] = True
        return w

    def mark(self, cands: list[Candidate]) -> None:
        """Mark the tokens of candidates found before the scan as read."""
        for c in cands:
            for t in self.doc.char_span(c.start, c.end, alignment_mode="expand") or ():
                self.taken[t.i] = True


@dataclass
class Name:
    """A known name found at token ``i``, ``w`` tokens long, as the rules of :func:`read_at` see it."""

    i: int
    w: int
    span: object
    label: str

    @property
    def first(self):
        return self.span[0]

    @property
    def text(self) -> str:
        return self.span.text


# -- the actors stage's view -------------------------------------------------------------------
def actor_metonyms(state: ArticleState) -> list[tuple[int, int, Optional[str]]]:
    """The actors stage's metonyms ("Moscow said", "reach out to Moscow"): (start, end, ISO2 of the
    government it stands for, None when unknown)."""
    out = []
    for m in state.mentions:
        if m.how == "metonym":
            a = next((x for x in state.actors if x.id == m.actor_id), None)
            out.append((m.start, m.end, _iso2(a.country) if a is not None and a.country else None))
    return out


def actor_non_places(state: ArticleState) -> list[tuple[int, int, bool]]:
    """Spans the actors stage resolved to organisations and persons ("the White House"): (start, end,
    whether the knowledge base knows the actor). States stay places ("troops in Syria"); unknown
    organisations keep their towns ("the Mansfield Police Department")."""
    actors = {a.id: a for a in state.actors}
    out = []
    for m in state.mentions:
        a = actors.get(m.actor_id)
        if a is not None and a.kind in NON_PLACE_KINDS and m.how in _NAMING:
            out.append((m.start, m.end, bool(getattr(a, "kb_id", None))))
    return out


def person_surnames(state: ArticleState) -> set:
    """The surnames of the persons the actors stage found under a proper name of two words or more
    ("Hillary Clinton" -> "Clinton"): a later bare "Clinton" is the person. A described person ("the
    Toronto facial plastic surgeon", "Huntsville Fire") gives none."""
    out: set = set()
    for a in state.actors:
        words = a.name.split()
        if a.kind == "person" and len(words) > 1 and all(w[:1].isupper() and w.replace(".", "").isalpha()
                                                          for w in words):
            out.add(words[-1])
    return out


def person_tokens(state: ArticleState) -> set:
    """The tokens of the actors stage's mentions of persons, by name or by description."""
    kinds = {a.id: a.kind for a in state.actors}
    out: set = set()
    for m in state.mentions:
        if kinds.get(m.actor_id) == "person":
            span = state.doc.char_span(m.start, m.end, alignment_mode="expand")
            out.update(t.i for t in span or ())
    return out


#: how many words a person's or a frame's appositive has at most ("une manifestante", "a city")
_APPOSITION_WORDS = 4


def _appositive(sc: Scan, i: int, w: int) -> list:
    """The tokens of the noun phrase after "<name>, " (a determiner and up to two words, then the noun):
    the name's appositive, whatever the parse ("Victoria, une manifestante, a dit")."""
    doc = sc.doc
    j = i + w
    if j + 1 >= sc.n or doc[j].text != ",":
        return []
    return [t for t in doc[j + 1:min(j + 1 + _APPOSITION_WORDS, sc.n)] if not t.is_punct][:_APPOSITION_WORDS]


def speaker_names(doc, gaz, population: int) -> set:
    """One-word proper names that are the subject of a verb of saying and no town of ``population``
    people, nor a country or division: speakers ("Robertson said", "said Titan"), not places, in every
    mention that no locative cue opens (:func:`persons_word`). "Moscow said" and "Ukraine said" stay."""
    if population <= 0:
        return set()
    out = set()
    for t in doc:
        if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.is_title and t.head.lemma_.lower() in _speech_verbs() \
                and not any(ch.dep_ in ("compound", "flat") for ch in t.children) \
                and not is_big(gaz, t.text, population):
            out.add(t.text)
    return out


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset:
    """The shared lexicon's verbs of saying: "X, the speaker said" is no apposition."""
    return lexicon_words("speech_verbs", "places")


def role_noun(sc: Scan, t) -> bool:
    """A noun of a person's role (``person_roles`` of the place cues: "leader", "porte-parole"), by its
    surface form or lemma, whether or not the actors stage made a person of its phrase."""
    return t.pos_ in ("NOUN", "PROPN") and (t.lower_ in sc.news.person_roles
                                           or t.lemma_.lower() in sc.news.person_roles)


def closed(sc: Scan, start: int) -> bool:
    """The phrase at ``start`` ends with a comma or a relative "who" before any verb, within
    ``_APPOSITION_WORDS`` + 2 tokens: an apposition ("Rivera, a union leader, said")."""
    for t in sc.doc[start:min(start + _APPOSITION_WORDS + 2, sc.n)]:
        if t.text == "," or t.tag_ in ("WP", "WP$"):
            return True  # "Rivera, a union leader, said"; "Tantan, the Minister of Interior who spoke"
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def person_apposition(sc: Scan, nm: "Name") -> bool:
    """The name stands in apposition with a person the actors stage found ("Victoria, une manifestante,
    a dit", "Rivera, a union leader, said"): it is that person's name, not a place."""
    app = _appositive(sc, nm.i, nm.w)
    if not app:
        return False
    if not (app[0].pos_ == "DET" and any(t.i in sc.person_tokens for t in app)):
        # a role noun, after a determiner or bare ("Florida, porte-parole du syndicat"): only in a
        # closed apposition of a name no preposition locates ("In Gaza, a doctor treated ..." and "In
        # Paris, President-elect Donald Trump wrote" keep the town)
        if not (app[0].pos_ == "DET" or role_noun(sc, app[0])) or not any(role_noun(sc, t) for t in app) \
                or locative_before(sc, nm.i) or not closed(sc, app[0].i):
            return False
    # not the speaker of a reported clause ("... returning to Kyrgyzstan, the Parliament speaker said")
    end = app[0].i
    while end < sc.n and not sc.doc[end].is_punct and sc.doc[end].pos_ not in ("VERB", "AUX") \
            and end - app[0].i < _APPOSITION_WORDS:
        end += 1
    return end >= sc.n or sc.doc[end].lemma_.lower() not in _speech_verbs()


def frame_apposition(sc: Scan, i: int, w: int) -> bool:
    """The name's appositive is a frame noun: "Kherson, a city in southern Ukraine", "Odesa, the port
    city" (not an owner: "Smith, the city's mayor")."""
    app = _appositive(sc, i, w)
    if not app or app[0].pos_ != "DET":
        return False
    for t in app[1:]:
        if t.lower_ in sc.news.frames:
            return not (t.i + 1 < sc.n and sc.doc[t.i + 1].tag_ == "POS")
        if not t.is_lower:
            return False
    return False


def frame_appositive_of(sc: Scan, nm: "Name") -> bool:
    """The name is the appositive of a frame noun, closed by punctuation: "the nearest city, Oicha, said",
    "the capital, Kyiv." (the frame's determiner and at most two lower-case words before it; not "In the
    city, Smith said")."""
    i, j = nm.i, nm.i + nm.w
    if i < 3 or sc.doc[i - 1].text != "," or sc.doc[i - 2].lower_ not in sc.news.frames:
        return False
    if j < sc.n and not (sc.doc[j].is_punct and sc.doc[j].text in (",", ".", ";", ")")):
        return False
    k = i - 3
    while k >= 0 and i - 3 - k < 2 and sc.doc[k].is_lower and sc.doc[k].pos_ in ("ADJ", "NOUN", "VERB"):
        k -= 1
    return k >= 0 and sc.doc[k].pos_ == "DET"


def division_after(sc: Scan, nm: "Name") -> bool:
    """A lower-case division word right after the name: "the Nabatieh district", "Kurram district"."""
    nxt = _next(sc, nm)
    return nxt is not None and nxt.is_lower and nxt.lower_ in sc.words.div


def dateline_opening(sc: Scan, nm: "Name") -> bool:
    """The name opens the copy (or a line) before a colon or a dash: a title-case dateline the
    dateline cue (upper case) misses ("Guwahati: Three people were killed ...")."""
    j = nm.i + nm.w
    return opens_copy(sc.doc, nm.span) and j < sc.n and sc.doc[j].text in (":", "-", "\u2013", "\u2014")


def metonym_of(sc: Scan, s: int, e: int) -> Optional[str]:
    """``None`` when no metonym covers the span, else the ISO2 country it stands for ("" unknown)."""
    for ms, me, cc in sc.metonyms:
        if ms < e and s < me:
            return cc or ""
    return None


# -- locative cues ----------------------------------------------------------------------------
def framed(sc: Scan, i: int, nouns: Optional[frozenset] = None) -> bool:
    """A frame noun (of ``nouns``, by default every frame noun) before "of" makes the name at ``i`` a
    place, over conjuncts and "the" (strong enough for a transliteration that is only an alternate
    name in the gazetteer).

        "the town of Tal Rifaat", "east of the Euphrates", "the towns of Rastan, Tayba and Talbiseh"
    """
    doc = sc.doc
    nouns = sc.news.frames if nouns is None else nouns
    j = i - 1
    for _ in range(_FRAME_CONJUNCTS):
        while j >= 0 and doc[j].text in ("the", "The"):
            j -= 1
        if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in nouns:
            return True
        if j < 1 or doc[j].lower_ not in ("and", "or", ","):
            return False
        j -= 1
        while j >= 0 and doc[j].text[:1].isupper() and doc[j].is_alpha:
            j -= 1
    return False


def locative_before(sc: Scan, i: int) -> bool:
    """A locative preposition (perhaps with "the") or a frame before the name at ``i``.

        "fighting in Aleppo", "near the Euphrates", "the outskirts of Daraa"
    """
    doc = sc.doc
    j = i - 1
    while j >= 0 and doc[j].text in ("the", "The"):
        j -= 1
    return framed(sc, i) or (j >= 0 and doc[j].lower_ in sc.words.loc)


def sets_scene(sc: Scan, nm: "Name") -> bool:
    """The stricter cue that a person's name needs to be a place: the name itself is the object of a
    setting preposition ("rallies in Jordan", not "support of Clinton", "in Scott's hand"), framed
    ("the town of Clinton"), or qualified by a state or country after a comma ("Clinton, Iowa").
    """
    root = sc.doc[nm.i:nm.i + nm.w].root
    if root.dep_ == "pobj" and root.head.lower_ in sc.news.setting_prepositions:
        return True
    j = nm.i + nm.w
    return framed(sc, nm.i) or (j + 1 < sc.n and sc.doc[j].text == "," and sc.cap[j + 1]
                                and is_division(sc.gaz, sc.doc[j + 1].text, False))


# -- the rules of the scan, in the order read_at applies them ----------------------------------
def longest_known_name(sc: Scan, i: int) -> Optional[int]:
    """The length in tokens of the longest name the gazetteer knows starting at ``i`` and ending in a
    capitalised token (at most the gazetteer's longest name), or None.

        "in northwest Syria"  at "northwest"  ->  2 (a region of the regions file)
    """
    top = i
    while top < sc.n and top - i < sc.gaz.max_words and sc.inner_ok[top]:
        top += 1
    for w in range(top - i, 0, -1):
        if not sc.cap[i + w - 1]:
            continue
        key = name_key(sc.text[sc.starts[i]:sc.starts[i + w - 1] + len(sc.words_[i + w - 1])])
        if key and sc.gaz.has(key):
            return w
    return None


def lowercase_opening(sc: Scan, span) -> bool:
    """A lower-case direction word alone, or opening a name that is no region: not a place of its own.

        "north Arlington"  -> Arlington's north, not the town of North Arlington (rejected)
        "northern Syria"   -> the region (kept)
    """
    first = span[0]
    if first.text[:1].isupper() or sc.article_at(first.i):
        return False
    if len(span) == 1:
        return True  # a bare direction word
    return not any(sc.gaz.kind(r) in ("region", "admin1", "country") for r in sc.gaz.lookup(span.text))


def direction_splits_name(sc: Scan, i: int, span) -> bool:
    """A capitalised direction word before a one-word name, both inside one GPE/LOC entity, makes
    another place the gazetteer lacks -- unless the name is big (``direction_name_population``).

        "East Bank"  -> not the hamlet called Bank
    """
    el, toks = sc.ent_label, sc.toks
    return len(span) == 1 and i > 0 and el[i] in ("GPE", "LOC") and el[i - 1] == el[i] \
        and toks[i - 1].lower_ in sc.words.dir and toks[i - 1].text[:1].isupper() \
        and not is_big(sc.gaz, span.text, sc.cfg.direction_name_population)


def with_division_word(sc: Scan, i: int, w: int) -> int:
    """A name followed by a division word that together the gazetteer knows: the division.

        "Idlib province"  -> 2 tokens (the governorate, not the town)
    """
    doc = sc.doc
    if i + w < sc.n and doc[i + w].lower_ in sc.words.div \
            and sc.gaz.has(name_key(doc[i:i + w].text + " " + doc[i + w].text)):
        return w + 1
    return w


def stop_name(sc: Scan, nm: Name, strong: bool) -> bool:
    """A one-word name that is a stop word of the cue files, a function word without an entity, or a
    common word capitalised by the sentence it opens (:func:`sentence_capital`).

        "March", "Police", "Law enforcement", "Metro Police", "Battle damage assessments showed"
    """
    return nm.w == 1 and (nm.text in sc.words.stop or nm.text in sc.news.not_places
                          or (nm.first.is_stop and not strong) or sentence_capital(sc, nm))


def title_of(sc: Scan, nm: Name) -> bool:
    """A one-word name that is a person's role before "of" is a title, not a town ("the *Sultan* of
    Oman" is no Sultan in Washington state, "the *Emir* of Qatar"; ``person_roles``)."""
    nxt = _next(sc, nm)
    return nm.w == 1 and nxt is not None and nxt.lower_ == "of" and role_noun(sc, nm.first)


def note_surname(sc: Scan, nm: Name) -> None:
    """A one-word name after a capitalised proper noun (no locative cue, the noun no town of
    ``surname_town_population``) is a surname, here and in later mentions.

        "Michael Jordan"  -> "Jordan" is a person's word from here on
    """
    i = nm.i
    if nm.w == 1 and i > 0 and not locative_before(sc, i):
        prev = sc.toks[i - 1]
        if prev.pos_ == "PROPN" and prev.is_title and not prev.whitespace_ == "" \
                and prev.lower_ not in sc.words.dir \
                and not is_big(sc.gaz, prev.text, sc.cfg.surname_town_population) \
                and prev.ent_type_ not in ("GPE", "LOC", "FAC"):
            sc.person_words.add(nm.first.text)


def inside_person_name(sc: Scan, nm: Name) -> bool:
    """A one-word name between words of a person's name -- after a capitalised word the gazetteer does
    not know, before a word the tagger puts in a PERSON entity, no punctuation between ("police
    spokesperson Sadik Aden Ali Doodishe said"; the tagger splits the name) -- is a word of that name,
    here and in later mentions, unless a locative cue comes before it."""
    i = nm.i
    if nm.w != 1 or i < 1 or i + 1 >= sc.n or locative_before(sc, i):
        return False
    prev, nxt = sc.toks[i - 1], sc.toks[i + 1]
    if not (prev.is_title and prev.pos_ == "PROPN" and prev.whitespace_ and nm.first.whitespace_):
        return False
    gaz: Any = sc.gaz
    if gaz.has(name_key(prev.text)) or prev.lower_ in sc.words.dir:
        return False
    if nxt.ent_type_ == "PERSON" and nxt.is_title and nxt.pos_ == "PROPN":
        sc.person_words.add(nm.first.text)
        return True
    return False


@dataclass
class Inside:
    """A name inside a longer entity: whether a civic word follows it ("Athens Police"), whether it is
    the town of an institution ("Cambridge University")."""

    civic: bool
    institution: bool


_REJECT = object()


def institution_reading(sc: Scan, nm: Name):
    """A name inside a longer entity's name. Returns None when it is not inside one, ``_REJECT`` when
    it is no place there, else an :class:`Inside`.

    A name that opens an organisation's name is a place mention ("the Texas Department of ...",
    "Alexandria City Public Schools"); inside a person's name it is not. A town opening an
    institution's name ("the Cookville Volunteer Fire Department", "Cambridge University") or closing
    it ("University of Rochester") is that institution's town. A country or state named inside an
    institution's name ("the University of Kentucky") is a mention of it; a town only when it opens
    the name.
    """
    i, w, label = nm.i, nm.w, nm.label
    if not ((label in BLOCKING or label == "FAC") and sc.ent_len[i] > w):
        return None
    doc, news = sc.doc, sc.news
    ent = next(e for e in doc.ents if e.start <= i < e.end)
    opens = i == ent.start or (i == ent.start + 1 and ent[0].lower_ == "the")
    civic = i + w < sc.n and doc[i + w].lower_ in sc.words.civic
    institution = civic and doc[i + w].lower_ in news.person_named_civic
    if institution:
        civic = False  # "Reid Hospital": many are named after people (see institution_town_population)
    elif not civic and label in ("ORG", "FAC", "EVENT") and is_primary(sc.gaz, nm.text):
        institution = institution_town(sc, nm, ent, opens)
        opens = opens or institution
    if label == "PERSON" and not civic or not (opens or is_division(sc.gaz, doc[i:i + w].text, False)) \
            or (label in ("NORP", "WORK_OF_ART", "LAW", "LANGUAGE") and not civic):
        return _REJECT
    return Inside(civic=civic, institution=institution)


def organisation_town(sc: Scan, nm: Name, inside) -> bool:
    """The name is the town (or state) of an organisation tagged ORG -- an institution's ("the Kiel
    Institute", "University of Kentucky") or a civic body's ("the Chicago Council on Global Affairs")
    -- and so no place of the story (GUIDELINES §7 of eval/news; ``institution_towns`` keeps it, as
    LGL counts it), unless "-based" follows it ("the Brussels-based group")."""
    if not isinstance(inside, Inside) or not (inside.institution or inside.civic) or nm.label != "ORG" \
            or sc.cfg.institution_towns or based_on(sc.doc, nm.span, sc.news):
        return False
    ent = next(e for e in sc.doc.ents if e.start <= nm.i < e.end)
    return ent[-1].text not in sc.news.event_heads  # "the Nashville Film Festival" was held there


def institution_town(sc: Scan, nm: Name, ent, opens: bool) -> bool:
    """The name is the town of the institution ``ent``: it opens a name ending in an institution head
    or followed by one, or closes a name that opens with an "of"-town head.

        "the Cookville Volunteer Fire Department", "Cambridge University", "the Kiel Institute for the
        World Economy", "University of Rochester"
    """
    i, w, news = nm.i, nm.w, sc.news
    head = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
    return (opens and (ent[-1].text in news.heads or (i + w < ent.end and sc.doc[i + w].text in news.heads))) \
        or (i + w == ent.end and i > ent.start and sc.doc[i - 1].lower_ == "of" and head.text in news.of_heads)


def street_named_after_place(sc: Scan, nm: Name) -> bool:
    """With streets off, a name before a capitalised street word is the street's, not a place (with
    streets on, the streets recogniser takes the name, and "the Florida Highway Patrol" stays).

        "Main Street", "Memphis St."
    """
    nxt = _next(sc, nm)
    return not sc.cfg.streets and nxt is not None and nxt.lower_.rstrip(".") in sc.words.street \
        and nxt.text[:1].isupper()


def opens_unknown_name(sc: Scan, nm: Name) -> bool:
    """A known name opening a longer GPE/LOC name the gazetteer lacks names another place.

        "Tennessee Colony", "Texas Panhandle"
    """
    i, w, label, el = nm.i, nm.w, nm.label, sc.ent_label
    nxt = _next(sc, nm)
    return label in ("GPE", "LOC") and nxt is not None and el[i + w] == label and sc.ent_len[i] > w \
        and (i == 0 or el[i - 1] != label) and nxt.text[:1].isupper() and nxt.is_alpha \
        and nxt.lower_ not in sc.words.div and nxt.lower_ not in sc.words.civic \
        and nxt.lower_ not in sc.words.dir


def peoples_adjective(nm: Name) -> bool:
    """A nationality tag modifying a lower-case common noun is a people's adjective.

        "Arab governments", "from Arab states"  -> not Arab, Alabama
    """
    first = nm.first
    return nm.label == "NORP" and nm.w == 1 and first.dep_ in ("amod", "compound", "nmod") \
        and first.head.pos_ == "NOUN" and first.head.is_lower


def has_cue(sc: Scan, nm: Name) -> bool:
    """A locative cue before the name, a division word or "-based" after it, or the name (a town of
    ``modifier_town_population``) modifying a common noun.

        "in Aleppo", "Idlib province", "the Tripoli-based government", "an Alexandria man",
        "Alexandria police"
    """
    nxt = _next(sc, nm)
    if locative_before(sc, nm.i) or (nxt is not None and nxt.lower_ in sc.words.div) \
            or based_on(sc.doc, nm.span, sc.news):
        return True
    first = nm.first
    return nm.w == 1 and nm.label != "NORP" and first.dep_ in ("compound", "amod") \
        and first.head.pos_ == "NOUN" and first.head.is_lower \
        and is_big(sc.gaz, nm.text, sc.cfg.modifier_town_population)


def strength(sc: Scan, nm: Name, inside, strong: bool):
    """Whether the name is a place (truthy):

    * inside an institution's name: a division, a town before a civic word ("the Athens Police
      Department"), or an institution's town of ``institution_town_population`` under its own name
      ("Cambridge University"; not "the Hudson Institute", though Jersey City is also called Hudson),
      or a place under its own name before "-based" ("the Tripoli-based government");
    * tagged GPE/LOC/FAC, or a province's name with a division word ("Khartoum state"): yes;
    * tagged person, organisation, group ...: with a cue and under its own name ("fighting in Aleppo"),
      framed or before a division word ("the Nabatieh district", whatever name it is known by), in
      apposition with a frame noun ("Stepanakert, the main city of", "the nearest city, Oicha,"),
      opening the copy before a colon or dash ("Guwahati: ..."), or a world city;
    * no entity: a known name under its own name with a cue or of two words, a big place, a division,
      or any known name in a frame ("the town of al-Mayadeen"; "Area", "The City" are alternate names of
      some town, not places in running text).
    """
    gaz, cfg = sc.gaz, sc.cfg
    cue = has_cue(sc, nm)
    if inside is not None:
        return is_division(gaz, nm.text) or inside.civic \
            or (inside.institution and is_big_own(gaz, nm.text, cfg.institution_town_population,
                                                sc.news.name_abbreviations)) \
            or (based_on(sc.doc, nm.span, sc.news) and is_primary(gaz, nm.text))
    if strong or is_qualified_province(gaz, nm.text):
        return True
    if nm.label in BLOCKING:
        return tagged_other_strength(sc, nm, cue)
    primary = is_primary(gaz, nm.text)
    return (cue and primary) or (primary and nm.w > 1) or is_big(gaz, nm.text, cfg.big_population) \
        or is_division(gaz, nm.text) or framed(sc, nm.i) or (primary and frame_apposition(sc, nm.i, nm.w))


def tagged_other_strength(sc: Scan, nm: Name, cue: bool) -> bool:
    """The strength of a name the tagger calls a person, an organisation ... (see :func:`strength`)."""
    gaz = sc.gaz
    primary = is_primary(gaz, nm.text)
    return (cue and (primary or framed(sc, nm.i) or division_after(sc, nm))) \
        or frame_apposition(sc, nm.i, nm.w) or frame_appositive_of(sc, nm) \
        or (primary and dateline_opening(sc, nm)) \
        or is_big(gaz, nm.text, sc.cfg.world_city_population)


def known_non_place(sc: Scan, s: int, e: int) -> bool:
    """Inside a mention the actors stage resolved to a KB organisation or person ("the White House")."""
    return any(ms <= s and e <= me and known for ms, me, known in sc.non_places)


def readings(sc: Scan, span) -> tuple:
    """The gazetteer readings of a name; an AP abbreviation is only its state ("Fla." is Florida, not
    Flå in Norway); an initialism is no town spelt otherwise ("U.S.", "US" are not Us, France) -- but
    an upper-case name opening a line before a dateline's mark is a dateline's town ("GAZA (AFP) -" is
    Gaza, not Mozambique's Gaza province; "UN diplomats said" opening a story is no Un in India)."""
    gaz, text = sc.gaz, sc.text
    ids = gaz.lookup(span.text)
    ab = span.text if span.text.endswith(".") else span.text + "." if text.startswith(".", span.end_char) else ""
    if ab in gaz.abbrevs:
        ids = (gaz.abbrevs[ab],)
    elif _INITIALISM.match(span.text) and not (opens_line(sc, span) and span.end < sc.n
                                               and sc.doc[span.end].text in _DATELINE_MARKS):
        ids = tuple(i for i in ids if gaz.kind(i) not in ("city", "county") or gaz.name_of(i) == span.text)
    return ids


#: what follows an upper-case dateline town: "GAZA (AFP) -", "GAZA, Jan 3", "GAZA -", "GAZA:"
_DATELINE_MARKS = frozenset({"(", ",", "-", "\u2013", "\u2014", ":"})


def opens_line(sc: Scan, span) -> bool:
    """The span opens the text or a line."""
    return span.start == 0 or "\n" in sc.doc[span.start - 1].text_with_ws


def leader_name(sc: Scan, nm: Name) -> bool:
    """A one-word name before a ``person_heads`` word ("the Bush administration", "the Clinton
    campaign") is a politician's, before a ``unit_heads`` word ("the Azov regiment") an armed group's,
    unless a country, a division, a province, a national capital or a town of ``leader_town_population``
    bears it ("the Kherson administration", "the Kyiv administration", "the Sinaloa cartel")."""
    nxt = _next(sc, nm)
    if nm.w != 1 or nxt is None or (nxt.lower_ not in sc.news.person_heads and nxt.lower_ not in sc.news.unit_heads):
        return False
    gaz: Any = sc.gaz
    return not any(gaz.kind(i) in ("country", "admin1", "province", "region") or i in gaz.capitals
                   or gaz.population(i) >= sc.cfg.leader_town_population for i in gaz.lookup(nm.text))


def settlement_readings(sc: Scan, nm: Name, ids: tuple) -> tuple:
    """A village ("the village of Kalaba", "Kaya village"; ``village_frames``) is no place of
    ``village_population`` people or more: such readings are left out ("Kalaba" is among the other
    names of Kalaban Koro, a town of 148,000 in Mali); a name with no other reading names a village the
    gazetteer lacks, and no place is read."""
    nxt = _next(sc, nm)
    small = sc.news.village_frames
    if not small or not (framed(sc, nm.i, small) or (nxt is not None and nxt.lower_ in small)):
        return ids
    gaz: Any = sc.gaz
    return tuple(x for x in ids if gaz.kind(x) != "city" or gaz.population(x) < sc.cfg.village_population)


def division_readings(sc: Scan, i: int, ids: tuple) -> tuple:
    """After "the <division word> of" ("the eastern department of Pando", "the state of Mizoram"), the
    division readings of the name, when it has some (Pando, Bolivia, not Pando, Uruguay)."""
    doc = sc.doc
    j = i - 1
    while j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j < 1 or doc[j].lower_ != "of" or not division_word(sc, doc[j - 1].lower_):
        return ids
    gaz: Any = sc.gaz
    divs = tuple(x for x in ids if gaz.kind(x) in ("admin1", "province", "region", "county"))
    return divs or ids


def division_word(sc: Scan, word: str) -> bool:
    """A singular division word: the regions file's ("province", "state") or the coordinated divisions'
    ("department")."""
    return word in sc.words.div or word in {v.lower() for v in sc.news.divisions.values()}


def state_demonym(sc: Scan, nm: Name) -> Optional[str]:
    """The ISO3 country of a state demonym that is not also a place's own name with the next word.

        "Canadian officials"  -> CAN ("Canadian" names people, not the town of Canadian, Texas)
    """
    if nm.w > 2:
        return None
    iso3 = sc.state_demonyms.get(_kb_norm(nm.text))
    nxt = _next(sc, nm)
    if iso3 and not is_primary(sc.gaz, nm.text + " " + nxt.text if nxt is not None else ""):
        return iso3
    return None


def acts(sc: Scan, span, ids) -> bool:
    """A national capital standing for its government: it speaks or acts ("Moscow said"), owns a
    decision ("Moscow's decision"), or is spoken to ("reach out to Moscow", "talks with Tehran")."""
    if not capitals(sc.gaz, span.text, ids):
        return False
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in sc.news.addressee_prepositions:
        gov = root.head.head
        if gov.pos_ == "ADP" or gov.dep_ == "prt":
            gov = gov.head
        return gov.lemma_.lower() in sc.words.speak
    return False


def _next(sc: Scan, nm: Name):
    j = nm.i + nm.w
    return sc.doc[j] if j < sc.n else None


def _found(sc: Scan, i: int) -> Optional[Name]:
    """The known name at token ``i`` after the opening rules (lower-case openings, direction splits,
    division words), or None."""
    if sc.taken[i] or not sc.opener[i] or sc.ent_label[i] in SKIP_LABELS:
        return None
    w = longest_known_name(sc, i)
    if w is None:
        return None
    span = sc.doc[i:i + w]
    if lowercase_opening(sc, span) or direction_splits_name(sc, i, span):
        return None
    w = with_division_word(sc, i, w)
    return Name(i=i, w=w, span=sc.doc[i:i + w], label=sc.ent_label[i])


def persons_word(sc: Scan, nm: Name) -> bool:
    """A one-word name that is a word of a person named in the article: "Jordan" after "Michael Jordan"
    (unless a locative cue comes before it), "support of Clinton", "Scott's wife" after "Hillary Clinton",
    "Keith Lamont Scott" (unless it sets a scene)."""
    if nm.w != 1:
        return False
    word = nm.first.text
    return (word in sc.person_words and not locative_before(sc, nm.i)) or (word in sc.surnames and not sets_scene(sc, nm))


#: parts of speech of a common word: capitalised only because it opens a sentence
_COMMON_POS = frozenset({"NOUN", "ADJ", "VERB", "ADV", "ADP", "PRON", "DET", "AUX", "SCONJ", "CCONJ"})


def sentence_capital(sc: Scan, nm: Name) -> bool:
    """A one-word name the parser neither tags as an entity nor reads as a proper noun, opening a
    sentence, and nowhere else in the article capitalised inside a sentence: a common word capitalised
    by its place ("Battle damage assessments showed ..." is no town in England; "Reading the
    statement, he said"), while a headline's "Augusta native dies" has "in Augusta" further on, and a
    town of ``sentence_word_population`` under its own name stays ("Chicopee residents discuss"). A
    dateline's town is followed by its mark."""
    first = nm.first
    if nm.w != 1 or nm.label or not first.is_sent_start or first.pos_ not in _COMMON_POS:
        return False
    word = first.text
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    if nm.i + 1 < sc.n and sc.doc[nm.i + 1].text in _DATELINE_MARKS:
        return False
    if is_big_own(sc.gaz, word, sc.cfg.sentence_word_population):
        return False
    return not any(t.text == word and not t.is_sent_start for t in sc.doc)


def _add_demonym(sc: Scan, s0: int, e0: int, iso3: str, cands: list[Candidate]) -> None:
    """A state demonym at ``s0:e0`` as a mention of its country (``demonyms`` on: "Russian troops" ->
    Russia)."""
    c_i = sc.gaz.countries.get(_iso2(iso3))
    if c_i is not None:
        cands.append(Candidate(s0, e0, sc.text[s0:e0], (c_i,), True, "NORP"))


def read_at(sc: Scan, i: int, cands: list[Candidate]) -> int:
    """Read the name at token ``i`` (if any) by the rules above, in order; append its candidate to
    ``cands``. Returns how many tokens to advance."""
    nm = _found(sc, i)
    if nm is None:
        return 1
    w = nm.w
    strong = nm.label in ENTITY_LABELS
    if stop_name(sc, nm, strong) or title_of(sc, nm):
        return 1
    note_surname(sc, nm)
    if persons_word(sc, nm) or inside_person_name(sc, nm):
        return 1
    inside = institution_reading(sc, nm)
    if inside is _REJECT:
        return 1
    if organisation_town(sc, nm, inside):
        return sc.take(i, w)
    if street_named_after_place(sc, nm):
        return w
    if w == 1 and nm.first.lower_ in sc.words.dir:
        return 1  # "Northeast" alone ("Northeast Georgia" -> Georgia)
    if w == 1 and sc.article_at(i):
        return 1  # "Al" of an unknown "Al-Djazira" is no name (not Ål in Norway)
    if opens_unknown_name(sc, nm):
        return sc.take(i, w)
    if peoples_adjective(nm) or person_apposition(sc, nm):
        return 1
    strong = strength(sc, nm, inside, strong)
    s0, e0 = nm.span.start_char, nm.span.end_char
    met = metonym_of(sc, s0, e0)
    based = based_on(sc.doc, nm.span, sc.news)
    if (known_non_place(sc, s0, e0) and not framed(sc, i) and not based) or (met == "" and not based):
        # "the White House" (not "the town of al-Mayadeen", a channel's name too, nor "the Tripoli-based
        # government", an organisation the KB knows, nor "the Brussels-based group", Brussels no metonym)
        return sc.take(i, w)
    if leader_name(sc, nm):
        return sc.take(i, w)
    ids = settlement_readings(sc, nm, division_readings(sc, i, readings(sc, nm.span)))
    iso3 = state_demonym(sc, nm)
    if iso3:
        if sc.cfg.demonyms:  # a mention of the country; else no place
            _add_demonym(sc, s0, e0, iso3, cands)
        return w
    cand = Candidate(s0, e0, sc.text[s0:e0], ids, strong, nm.label)
    cand.opens = opens_copy(sc.doc, nm.span)
    cand.acts = nm.label != "" and acts(sc, nm.span, ids)
    cand.metonym_cc = met
    cands.append(cand)
    return sc.take(i, w)


def scan_names(sc: Scan, cands: list[Candidate]) -> None:
    """Scan the doc token by token (:func:`read_at`), appending candidates to ``cands``."""
    i = 0
    while i < sc.n:
        i += read_at(sc, i, cands)


# == 3. one sense per discourse, coordination ===================================================
def dateline_towns(cands: list[Candidate], gaz) -> None:
    """A name opening the copy before punctuation is a dateline ("New York, 16 June 2024 (TDI): ..."),
    which names a town: where the name has town readings, every mention of it keeps only those (the
    story's "in New York" is the same city, not the state), as the dateline cue does for "SAGAING" --
    whose other mentions follow it too ("WASHINGTON (Reuters) - Tensions between Washington and
    Beijing": the capital, not the state)."""
    keys = {name_key(c.text) for c in cands if (c.opens or c.dateline) and town_readings(gaz, c.ids)}
    for c in cands:
        if keys and name_key(c.text) in keys:
            c.ids = town_readings(gaz, c.ids) or c.ids


def one_sense_per_discourse(cands: list[Candidate]) -> None:
    """A name read as a place once is a place wherever it recurs."""
    strong_keys = {name_key(c.text) for c in cands if c.strong}
    for c in cands:
        if not c.strong and name_key(c.text) in strong_keys:
            c.strong = True


def coordination(cands: list[Candidate], text: str, news: NewsCues, gaz=None) -> None:
    """A weak name joined to the strong one before it becomes strong: "in Aleppo and Idlib" -- when
    some place carries it as its own name ("Israel and Hamas" is not Hamm, which lists "Hamas" among
    its alternate names)."""
    for a, b in zip(cands, cands[1:]):
        between = text[a.end:b.start].strip().lower()
        if a.strong and not b.strong and between in news.coordinators \
                and (gaz is None or is_primary(gaz, b.text)):
            b.strong = True


#: entity labels of a weak name that a town of the story's country may still be behind (the small
#: tagger calls unknown towns persons or organisations: "since it took Goma")
_SETTING_LABELS = frozenset({"", "PERSON", "ORG"})


def dateline_countries(cands: list[Candidate], gaz) -> set:
    """The country of the dateline's town, when all its readings lie in one ("ADDIS ABABA (Reuters) -"
    sets the story in Ethiopia as "Ethiopia" would)."""
    out: set = set()
    for c in cands:
        if c.dateline and c.ids:
            ccs = {gaz.country_of(i) for i in c.ids}
            if len(ccs) == 1:
                out |= ccs
    out.discard(None)
    return out


def in_named_country(cands: list[Candidate], gaz, cfg: PlacesConfig) -> None:
    """A weak name that is one town of ``setting_population`` people in a country the story names is
    a place there: "since it took Goma" in a story that names Congo (or is datelined there) -- the
    tagger's PERSON or ORG label
    on an unknown word does not outweigh the story's own country. The name must be a whole entity or
    none (a name inside a longer person's name was rejected before), be known exactly (not as a loose
    variant: "Hamas" is not Hamm) as the town's own name (not only among its alternate names, where
    GeoNames keeps words such as "Area"), have ``setting_min_letters`` letters or more, not be an initialism
    ("LoC"), and have that one reading in the named countries ("Lincoln", "Delta" have many in the
    United States: a person's or a company's name as likely as a town's)."""
    named = {gaz.country_of(i) for c in cands if c.strong for i in c.ids if gaz.kind(i) == "country"}
    named |= dateline_countries(cands, gaz)
    if not named:
        return
    for c in cands:
        if c.strong or not c.ids or c.label not in _SETTING_LABELS or len(c.text) < cfg.setting_min_letters \
                or _INITIALISM.match(c.text) or not c.text[:1].isupper() or c.text.isupper() \
                or name_key(c.text) not in gaz.names:
            continue
        key = name_key(c.text)
        local = [i for i in c.ids if gaz.kind(i) == "city" and gaz.country_of(i) in named]
        if len(local) == 1 and gaz.population(local[0]) >= cfg.setting_population \
                and name_key(gaz.name_of(local[0])) == key:
            c.strong = True
            c.ids = tuple(local)


# == 4. qualifiers ==============================================================================
def _qualifier_state(sc_doc, text: str, c: Candidate, by_start: dict, gaz, cands: list, tok_at: dict,
                     toks: Optional[list] = None, starts: Optional[list] = None):
    """The state or country entry that qualifies ``c`` (", Ohio", ", Ga."), or None; a qualifier
    already a candidate is narrowed to it, an AP abbreviation becomes a candidate. ``tok_at`` (token
    by character offset) is filled on first use, from ``toks`` and ``starts`` (the doc's tokens and
    their offsets, listed once) when given."""
    q = by_start.get(c.end + 2)
    if q is not None:
        state_i = next((i for i in q.ids if gaz.kind(i) in ("admin1", "country")), None)
        if state_i is not None:
            q.strong = True
            q.ids = (state_i,)
        return state_i
    if not tok_at:
        tok_at.update({t.idx: t for t in sc_doc} if toks is None or starts is None else zip(starts, toks))
    tok = tok_at.get(c.end + 2)
    if tok is None:
        return None
    abbr = tok.text
    if abbr not in gaz.abbrevs and tok.i + 1 < len(sc_doc) and sc_doc[tok.i + 1].text == "." \
            and sc_doc[tok.i + 1].idx == tok.idx + len(tok.text):
        abbr = tok.text + "."
    if abbr not in gaz.abbrevs:
        return None
    state_i = gaz.abbrevs[abbr]
    cands.append(Candidate(tok.idx, tok.idx + len(abbr), text[tok.idx:tok.idx + len(abbr)], (state_i,), True, "GPE"))
    return state_i


def qualifiers(state: ArticleState, cands: list[Candidate], gaz, toks: Optional[list] = None,
               starts: Optional[list] = None) -> None:
    """"Gainesville, Ga." / "Columbus, Ohio": the qualifier fixes the state of the name before it
    (its readings narrowed to that state, ``forced``) and is a place itself. Then stand-alone
    abbreviations with two periods ("W.Va.", "D.C."). Sorts ``cands`` by position. ``toks``, ``starts``:
    the doc's tokens and their offsets listed once (the scan's), else they are listed here."""
    doc, text = state.doc, state.text
    if toks is None or starts is None:
        toks = list(doc)
        starts = [t.idx for t in toks]
    by_start = {c.start: c for c in cands}
    tok_at: dict = {}
    for c in list(cands):
        if not text[c.end:c.end + 2].startswith(", "):
            continue
        state_i = _qualifier_state(doc, text, c, by_start, gaz, cands, tok_at, toks, starts)
        if state_i is not None:
            cc, a1 = gaz.country_of(state_i), gaz.admin1_of(state_i)
            within = tuple(i for i in c.ids if gaz.country_of(i) == cc and
                           (a1 is None or gaz.admin1_of(i) == a1) and i != state_i)
            if within:
                c.ids = within
                c.strong = True
                c.forced = (cc, a1)
    cands.sort(key=lambda c: c.start)
    seen = {c.start for c in cands}
    for tok, start in zip(toks, starts):
        if tok.text.count(".") >= 2 and start not in seen and tok.text in gaz.abbrevs:
            cands.append(Candidate(tok.idx, tok.idx + len(tok.text), tok.text, (gaz.abbrevs[tok.text],), True, "GPE"))
    cands.sort(key=lambda c: c.start)


def find_candidates(state: ArticleState, gaz, cfg: PlacesConfig, words: PlaceWords, news: NewsCues,
                    state_demonyms: dict) -> list[Candidate]:
    """The strong candidates of the article with readings (steps 1-4 of the module text)."""
    sc = Scan(state=state, gaz=gaz, cfg=cfg, words=words, news=news, state_demonyms=state_demonyms)
    cands = news_candidates(state.text, gaz, news)
    sc.mark(cands)
    scan_names(sc, cands)
    one_sense_per_discourse(cands)
    dateline_towns(cands, gaz)
    coordination(cands, state.text, news, gaz)
    if cfg.setting_min_letters:
        in_named_country(cands, gaz, cfg)
    qualifiers(state, cands, gaz, sc.toks, sc.starts)
    out = [c for c in cands if c.strong and c.ids]
    mark_locative(state.doc, out, gaz, words, news)
    mark_actors(out, gaz)
    return out


# == after the candidates: streets and municipal senses ==========================================
def outside_streets(cands: list[Candidate], streets, gaz) -> list[Candidate]:
    """The candidates outside the streets found (:mod:`sitrep.geo.streets`): a town's name inside a street's
    ("West Palestine Avenue", "Lancaster Avenue") is part of the street. A state or county that opens a
    road's name ("U.S. 321", "Ohio Turnpike", "Otter Tail County Road 80") is a mention of it as well."""
    if not streets:
        return cands
    keep = []
    for c in cands:
        st = next((s for s in streets if s.start < c.end and c.start < s.end), None)
        if st is None or (c.start == st.start and c.end < st.end and any(
                gaz.kind(i) in ("country", "admin1", "county") for i in c.ids)):
            keep.append(c)
    return keep


#: characters stripped from the word after a name when looking for a municipal word
_WORD_PUNCT = ".,;:'\"\u2019\u201d"
#: how far after a name the municipal word is looked for (characters)
_LOOKAHEAD = 40


def is_municipal(text: str, c: Candidate, senses: dict, starts: frozenset = frozenset()) -> bool:
    """A municipal word after the name, or "a/an" before it and a resident noun after it; a word
    that opens another place's name (``starts``) is none ("U.S. Middle East envoy").

        "Jordan Elementary", "the Lebanon City Council", "a Lebanon woman", "Jordan residents"
    """
    if c.end + 1 in starts:
        return False
    after = text[c.end:c.end + _LOOKAHEAD].split(None, 1)
    nxt = after[0].strip(_WORD_PUNCT).lower() if after and text[c.end:c.end + 1] == " " else ""
    before = text[max(0, c.start - 4):c.start].lower()
    return nxt in senses["municipal_words"] or (before.endswith(("a ", "an ")) and nxt in senses["resident_nouns"])


def municipal_senses(text: str, cands: list[Candidate], gaz, senses: dict) -> None:
    """A country's name used as a town's (:func:`is_municipal`) keeps only its town readings, when it
    has any under that very name -- in all the mentions of the name (one sense per discourse)."""
    towns_of: dict[str, tuple] = {}
    starts = frozenset(c.start for c in cands)
    for c in cands:
        if len(c.ids) < 2 or not any(gaz.kind(i) == "country" for i in c.ids):
            continue
        if not is_municipal(text, c, senses, starts):
            continue
        key = name_key(c.text)
        towns = tuple(i for i in c.ids if gaz.kind(i) == "city" and name_key(gaz.name_of(i)) == key)
        if towns:
            towns_of[key] = towns
    if towns_of:
        for c in cands:
            towns = towns_of.get(name_key(c.text))
            if towns is not None and set(towns) <= set(c.ids):
                c.ids = towns


def non_place_sense(text: str, c: Candidate, senses: dict) -> bool:
    """The mention names no place (``data/place_senses.yaml``): a people's or faith's name ("Gulf Arab
    states"), a people named after its homeland ("ethnic Amhara", "of Amhara origin", "the Amhara
    community"), or an office's area in its holder's title ("Inspector General of Police Kashmir")."""
    if c.text.lower() in senses.get("people_names", ()):
        return True
    before = text[max(0, c.start - _LOOKAHEAD):c.start].split()
    prev = before[-1] if before and text[c.start - 1:c.start] == " " else ""
    after = text[c.end:c.end + _LOOKAHEAD].split(None, 1)
    nxt = after[0].strip(_WORD_PUNCT) if after and text[c.end:c.end + 1] == " " else ""
    return (prev.lower() in senses.get("people_before", ()) or nxt in senses.get("people_after", ())
            or prev in senses.get("title_before", ()))


#: a possessive or a closing quote between a name and the word after it ("St. Patrick's Day", "Saba Saba” day")
_HOLIDAY_GAP = re.compile(r"(?:['\u2019]s)?(['\u2019\u201d\"]?)\s+(\w+)")


def names_holiday(text: str, c: Candidate, senses: dict) -> bool:
    """The name opens a holiday's name (``holiday_after`` in ``data/place_senses.yaml``): "St. Patrick's
    Day", "the “Saba Saba” day" name a day, not a place (that mention only). The word is
    capitalised, or any case after a closing quote ("Kenya's day of mourning" keeps Kenya)."""
    m = _HOLIDAY_GAP.match(text, c.end)
    if not m:
        return False
    word = m.group(2).capitalize() if m.group(1) in ("\u201d", '"') else m.group(2)
    return word in senses.get("holiday_after", ())


_ORG_TAIL = re.compile(r"(?:\s+(?:[A-Z][\w.'\u2019-]*|for|of|on|and|the))*\s+in\s+$")


def closes_organisation(text: str, c: Candidate, gaz, senses: dict) -> bool:
    """A country that closes an organisation's name: an ``office_heads`` word, title-case words, "in",
    the name ("the UN Office for Human Rights in Colombia") -- the office's, not a place of the story."""
    heads = senses.get("office_heads")
    if not heads or not any(gaz.kind(i) == "country" for i in c.ids):
        return False
    before = text[max(0, c.start - 2 * _LOOKAHEAD - 40):c.start]
    for h in heads:
        at = before.rfind(h)
        if at >= 0 and _ORG_TAIL.fullmatch(before, at + len(h)):
            return True
    return False


def drop_non_place_senses(text: str, cands: list[Candidate], senses: dict,
                          gaz=None) -> tuple[list[Candidate], set]:
    """The candidates without those of :func:`non_place_sense` and :func:`names_holiday` (and, with the
    gazetteer, of :func:`closes_organisation`), and the name keys dropped so (holidays' names drop no key)."""
    keep, dropped = [], set()
    for c in cands:
        if (gaz is not None and closes_organisation(text, c, gaz, senses)) or names_holiday(text, c, senses):
            continue  # (the name's other mentions keep their own senses)
        if non_place_sense(text, c, senses):
            dropped.add(name_key(c.text))
        else:
            keep.append(c)
    return keep, dropped


def drop_unlocated_senses(cands: list[Candidate], choice: list, keys: set) -> None:
    """One sense per discourse: a name read once in a non-place sense ("ethnic Amhara") names no
    place where no mention of it locates anything ("the local Amhara community"); run after
    resolution, which marks the locative mentions."""
    for n, c in enumerate(cands):
        if keys and not c.locative and name_key(c.text) in keys:
            choice[n] = None


_QUALIFIED = re.compile(r"([A-Z][A-Za-z]+)-([a-z]+) $")


def take_control_qualifiers(text: str, cands: list[Candidate], news: NewsCues) -> None:
    """A mention after "<State>-administered" / "-controlled" / "-held" (``control_qualifiers``) takes
    the qualifier in ("Pakistan-administered Kashmir": the part one state holds is named so); run
    after resolution, which reads the bare name."""
    for c in cands:
        m = _QUALIFIED.search(text, max(0, c.start - _LOOKAHEAD), c.start)
        if m and m.end() == c.start and m.group(2) in news.control_qualifiers:
            c.start, c.text = m.start(), text[m.start():c.end]
