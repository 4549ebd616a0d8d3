"""Stage ``places``: the places an article names, placed on the map.

1. **Candidates.** spaCy's GPE/LOC/FAC entities, and capitalised token sequences the gazetteer knows
   (the small model tags "Aleppo" as a person and "Idlib" as an organisation: the gazetteer wins when
   the context is locative -- "in", "near", "from" ... before it, a coordination with a place, a
   division word after it, "City, State"). A name tagged PERSON needs such a cue ("Jordan" the person
   vs the country). Direction words and division words extend names into regions ("northwest Syria",
   "Idlib province") when the regions file knows them. News copy adds its own cues
   (``data/place_cues.yaml``): a dateline's town and state ("HAMMOND, Ind. (AP) --"), an AP state
   abbreviation after a town ("Sulpher, La."), a legislator's party tag ("D-Elkins"), names
   coordinated before "counties", and a town opening an institution's name ("the Cookville Volunteer
   Fire Department", "Cambridge University") or closing it ("University of Rochester").
2. **Metonymy and actors.** A span that the actors stage resolved as a metonym ("Moscow said", "reach
   out to Moscow") is the government, not a place -- unless the name is read in another country than
   the actor's ("Dublin, Ohio"). Without actor mentions, a national capital that is the subject of a
   verb or the addressee of "talks with" / "reach out to" is treated the same way. Names the actors
   stage resolved to knowledge-base organisations or persons ("the White House") are not places;
   country names stay places (feature country) even when they are also actor mentions ("troops in
   Syria"). ``PlacesStage(demonyms=True)`` also lists a state's demonym ("Russian officials") as a
   mention of the country, as geoparsing corpora such as LGL count it (off by default).
3. **Disambiguation** by the article's context: countries and US states named in the article (and the
   places that are unambiguous), "Gainesville, Ga."-style qualifiers (which hold for every mention of
   the name: one sense per discourse), a stand-alone AP state abbreviation ("Fla.") as the state, a
   town named with the county it lies in ("Paris and Henry County"), two names whose lesser readings
   lie close together ("Columbus" and "Colfax County" in Nebraska) when the nearness outweighs what
   each gives up, then population and feature class (country > region > first-level division >
   town); a reading that carries the name only as an alternate name ("Berea" for Aleppo) ranks below
   one that carries it as its own; a national capital beats a first-level division of the same name
   ("Washington"); a country's name used as a town's ("Jordan Elementary", "a Lebanon woman"; cue
   words in ``data/place_senses.yaml``) keeps only its town readings, in all its mentions. Then a
   few rounds of re-reading: each name's best reading so far becomes context
   for the *other* names (never for itself), weighted by how clearly it won. A stray -- a town
   abroad of under ``stray_population`` people that nothing else in a story firmly set in another
   country points to ("Bank" of "East Bank" read as an Indian town) -- is dropped.
4. **Streets and roads** ("South Main Street", "Highway 19", "I-75"; :mod:`sitrep.streets`) are
   places of feature ``other``, placed at their town (the town named with them in the sentence, else
   the article's most-mentioned town; none without a town); ids ``street:<name>@<town id>``.
   ``PlacesStage(streets=False)`` leaves them out.
5. **Output.** One :class:`~sitrep.contract.Place` per place with all its mentions; ids are
   ``geo:<geonameid>``, ``region:<slug>`` (regions file) or ``fips:<code>`` (US counties, whose point is
   the mean of their towns; a county without a town in the gazetteer takes the article's towns in
   the same state, else the state's point).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Optional

from .. import limits
from ..article import ArticleState, PlaceMention
from ..contract import Place, Span
from ..datafiles import load_data
from ..gazetteer import fold, haversine_km, load_gazetteer, load_regions
from ..streets import find_streets
from .base import Stage

ENTITY_LABELS = {"GPE", "LOC", "FAC"}
#: entity labels whose tokens are never scanned for place names unless a cue says so
_BLOCKING = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"}
_SKIP_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
_CONNECT = {"and", "or", ",", "&", "as", "well"}
_MAX_CANDIDATES = 40
_NON_PLACE_KINDS = {"person", "organization", "armed_group", "igo", "media", "group"}
_KIND_PRIOR = {"country": 3.0, "admin1": 2.5, "region": 2.5, "other": 2.5, "county": 2.0}


@lru_cache(maxsize=1)
def _cues() -> dict:
    cues = load_regions().get("cues") or {}
    return {
        "loc": frozenset(w.lower() for w in cues.get("locative_prepositions", [])),
        "dir": frozenset(w.lower() for w in cues.get("direction_words", [])),
        "div": frozenset(w.lower() for w in cues.get("division_words", [])),
        "stop": frozenset(cues.get("not_places", [])),
        "civic": frozenset(w.lower() for w in cues.get("civic_words", [])),
        "street": frozenset(w.lower() for w in cues.get("street_words", [])),
        "speak": frozenset(w.lower() for w in cues.get("metonym_governors", [])),
    }


@lru_cache(maxsize=1)
def _senses() -> dict:
    """The cues of ``data/place_senses.yaml``, validated, once per process."""
    from ..datafiles import load_data
    from ..errors import KnowledgeBaseError

    where = "sitrep/data/place_senses.yaml"
    raw = load_data("place_senses.yaml")
    if not isinstance(raw, dict) or raw.get("format") != "sitrep-place-senses/1":
        raise KnowledgeBaseError("not a place-senses file (format: sitrep-place-senses/1 expected)", file=where)
    out = {}
    for key in ("municipal_words", "resident_nouns"):
        words = raw.get(key)
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
            raise KnowledgeBaseError(f"{key} must be a non-empty list of words", file=where, field=key)
        out[key] = frozenset(w.lower() for w in words)
    return out


@lru_cache(maxsize=1)
def _news_cues() -> dict:
    """``data/place_cues.yaml``: datelines, party tags, institutions, coordinated divisions, with the
    regular expressions built from them (compiled once per process)."""
    from ..errors import ConfigError

    data = load_data("place_cues.yaml")
    for key in ("dateline_agencies", "dateline_dashes", "party_letters", "institution_heads", "of_town_heads",
                "not_places", "person_named_civic", "not_demonyms", "frame_nouns"):
        if not isinstance(data.get(key), list) or not all(isinstance(w, str) for w in data[key]):
            raise ConfigError(f"sitrep/data/place_cues.yaml: '{key}' must be a list of words")
    if not isinstance(data.get("demonym_endings"), dict) or not all(
            isinstance(v, list) for v in data["demonym_endings"].values()):
        raise ConfigError("sitrep/data/place_cues.yaml: 'demonym_endings' must map endings to lists")
    if not isinstance(data.get("coordinated_divisions"), dict):
        raise ConfigError("sitrep/data/place_cues.yaml: 'coordinated_divisions' must map plurals to words")
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    gaz = load_gazetteer()
    abbrs = [a for a in gaz.abbrevs if "." in a]
    dashes = [d for d in data["dateline_dashes"] if d != "-"]
    up = r"[A-Z][A-Z.'\u2019\-]*[A-Z.]"
    dateline = re.compile(
        r"(?:^|(?<=\n)|(?<=[.!?\"\u201d\u2019)] ))[ \t]*(?P<town>" + up + r"(?:[ \t]" + up + r"){0,3})"
        + r"(?:,[ \t]*(?P<st>[A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*){0,2}?))?[ \t]*"
        + r"(?:\((?:" + alt(data["dateline_agencies"]) + r")\)[ \t]*)?"
        + r"(?:" + alt(dashes) + r"|-[ \t])")
    comma_abbr = re.compile(r"(?<=[A-Za-z.'\u2019], )(?P<ab>" + alt(abbrs) + r")(?![A-Za-z])")
    party = re.compile(r"(?:(?<=, )|(?<=\())(?:" + alt(data["party_letters"]) + r")-"
                       + r"(?P<town>[A-Z][a-z]+(?:[ \t.][A-Z][a-z]+)?)(?=[,);]|\.(?:\s|$|[,;)]))")
    name = r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?"
    # at most MAX_LIST_NAMES names: an unbounded list is re-read from every name of a long one (quadratic)
    coord = re.compile(r"(?P<list>(?:" + name + r"(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+))"
                       + "{1,%d}" % (limits.MAX_LIST_NAMES - 1) + name + r")[ \t]+"
                       + r"(?P<kind>" + alt(data["coordinated_divisions"]) + r")\b")
    return {"dateline": dateline, "comma_abbr": comma_abbr, "party": party, "coord": coord,
            "divisions": data["coordinated_divisions"],
            "heads": frozenset(data["institution_heads"]), "of_heads": frozenset(data["of_town_heads"]),
            "not_places": frozenset(data["not_places"]),
            "frames": frozenset(w.lower() for w in data["frame_nouns"]),
            "person_named_civic": frozenset(w.lower() for w in data["person_named_civic"]),
            "demonym_endings": sorted(((k, [str(x) for x in v]) for k, v in data["demonym_endings"].items()),
                                      key=lambda kv: -len(kv[0])),
            "not_demonyms": frozenset(data["not_demonyms"])}


def _kb_norm(text: str) -> str:
    from ..kb import norm

    return norm(text)


@lru_cache(maxsize=1)
def _state_demonyms() -> dict[str, str]:
    """The package knowledge base's demonyms of states: normalised demonym -> ISO3."""
    from ..kb import load_kb

    kb = load_kb()
    out: dict[str, str] = {}
    for e in kb.entries.values():
        if e.kind == "state" and e.country:
            for d in e.demonyms:
                out.setdefault(_kb_norm(d), e.country)
    return out


def _distinct_names(cands: list) -> list[tuple[str, "_Cand"]]:
    """(folded name, its first candidate) for each distinct name among ``cands``, in text order."""
    out: dict[str, _Cand] = {}
    for c in cands:
        out.setdefault(fold(c.text), c)
    return list(out.items())


def _iso2(iso3: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    return c.alpha_2 if c is not None else ""


class _Cand:
    __slots__ = ("start", "end", "text", "ids", "strong", "label", "forced", "acts", "metonym_cc")

    def __init__(self, start, end, text, ids, strong, label, forced=None):
        self.start, self.end, self.text, self.ids = start, end, text, ids
        self.strong = strong    # a cue or the NER label says it is a place
        self.label = label
        self.forced = forced    # (cc, admin1) from a "City, State" qualifier
        self.acts = False       # syntactically an agent / addressee (a capital there is a government)
        self.metonym_cc = None  # the actors stage read it as a metonym of this country's government



#: a curated region ("the Middle East", "Donbas") carries no population in the gazetteer; weigh it as a
#: large area, so that a hamlet of the same name never outranks it
_REGION_WEIGHT_POP = 1_000_000


def _weight_pop(gaz, i: int) -> int:
    pop = gaz.population(i)
    return max(pop, _REGION_WEIGHT_POP) if gaz.kind(i) == "region" else pop


class PlacesStage(Stage):
    name = "places"
    needs = ("doc", "mentions",)
    assigns = ("places", "place_mentions",)

    def __init__(self, context_weight: float = 3.0, country_weight: float = 2.0, vote_weight: float = 1.0,
                 demonyms: bool = False, streets: bool = True, alternate_penalty: float = 1.5,
                 capital_weight: float = 4.0, near_weight: float = 0.0, rounds: int = 3,
                 confidence_margin: float = 1.0, contain_weight: float = 3.0, pair_weight: float = 2.0,
                 pair_cap: float = 4.0, region_weight: float = 2.0, stray_population: int = 20_000,
                 stray_setting: float = 1.0):
        #: also list a state's demonym ("Russian officials") as a mention of the country -- off by
        #: default (the word names people, not a location); geoparsing corpora such as LGL count it
        self.demonyms = demonyms
        #: list streets and roads ("Main Street", "Highway 19") as places of feature "other"
        self.streets = streets
        self.context_weight = context_weight
        self.country_weight = country_weight
        self.vote_weight = vote_weight
        #: extra cost of a reading that only lists the name among its alternate names when another
        #: reading carries it as its own name
        self.alternate_penalty = alternate_penalty
        #: a national capital over a first-level division of the same name ("Washington")
        self.capital_weight = capital_weight
        #: nearness to the other names' readings (a local story's places cluster)
        self.near_weight = near_weight
        #: rounds of re-reading with the other names' readings as context; a reading that wins by
        #: ``confidence_margin`` or more counts fully as context, a narrower win proportionally
        self.rounds = rounds
        self.confidence_margin = confidence_margin
        #: a town named with the county it lies in, and that county
        self.contain_weight = contain_weight
        #: two names whose readings lie close together (see ``_resolve``), and the most one reading
        #: can gain from such pairs
        self.pair_weight = pair_weight
        self.pair_cap = pair_cap
        #: a curated region of the regions file over a same-name town
        self.region_weight = region_weight
        #: a town abroad smaller than this, in a story firmly set in another country, is dropped
        self.stray_population = stray_population
        #: how firmly (confident names, summed) the story must be set in one other country
        self.stray_setting = stray_setting

    @property
    def gazetteer(self):
        return load_gazetteer()

    # -- candidates -----------------------------------------------------------------------------
    def _candidates(self, state: ArticleState) -> list[_Cand]:
        doc = state.doc
        gaz = self.gazetteer
        cues = _cues()
        text = state.text
        # metonyms ("Moscow said"): the government of the actor's country, if the name is read there
        metonyms = []
        for m in state.mentions:
            if m.how == "metonym":
                a = next((x for x in state.actors if x.id == m.actor_id), None)
                metonyms.append((m.start, m.end, _iso2(a.country) if a is not None and a.country else None))
        # spans the actors stage resolved to organisations and persons of the knowledge base ("the
        # White House"): not places. States stay places ("troops in Syria"); unknown organisations
        # keep their towns ("the Mansfield Police Department").
        actors = {a.id: a for a in state.actors}
        non_places = []
        for m in state.mentions:
            a = actors.get(m.actor_id)
            if a is not None and a.kind in _NON_PLACE_KINDS and m.how in ("name", "alias", "acronym", "title"):
                non_places.append((m.start, m.end, bool(getattr(a, "kb_id", None))))

        ent_label = [""] * len(doc)
        ent_len = [0] * len(doc)
        for ent in doc.ents:
            for t in range(ent.start, ent.end):
                ent_label[t] = ent.label_
                ent_len[t] = ent.end - ent.start

        def metonym_of(s: int, e: int):
            """``None`` when no metonym covers the span, else the ISO2 country it stands for ("" unknown)."""
            for ms, me, cc in metonyms:
                if ms < e and s < me:
                    return cc or ""
            return None

        frames = _news_cues()["frames"]

        def framed(i: int) -> bool:
            """ "the town of Tal Rifaat", "east of the Euphrates": a frame that makes the name a place
            (strong enough for a transliteration that is only an alternate name in the gazetteer)."""
            j = i - 1
            for _ in range(4):  # over conjuncts: "the towns of Rastan, Tayba and Talbiseh"
                while j >= 0 and doc[j].text in ("the", "The"):
                    j -= 1
                if j >= 1 and doc[j].lower_ == "of" and doc[j - 1].lower_ in frames:
                    return True
                if j < 1 or doc[j].lower_ not in ("and", "or", ","):
                    return False
                j -= 1
                while j >= 0 and doc[j].text[:1].isupper() and doc[j].is_alpha:
                    j -= 1
            return False

        def locative_before(i: int) -> bool:
            j = i - 1
            while j >= 0 and doc[j].text in ("the", "The"):
                j -= 1
            return framed(i) or (j >= 0 and doc[j].lower_ in cues["loc"])

        # words of multi-word person names ("Sam Jones" -> "Jones" later is the person, not a place)
        person_words = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        cands: list[_Cand] = self._news_candidates(state)
        taken = [False] * len(doc)
        for c in cands:
            for t in doc.char_span(c.start, c.end, alignment_mode="expand") or ():
                taken[t.i] = True
        n = len(doc)
        i = 0
        maxw = gaz.max_words
        toks = list(doc)
        words = [t.text for t in toks]
        starts = [t.idx for t in toks]
        # tokens a name may start with / end with / contain
        cap = [w[:1].isupper() for w in words]
        opener = [c or t.lower_ in cues["dir"] for c, t in zip(cap, toks)]
        inner_ok = [not (t.is_space or (t.is_punct and t.text not in (".", "-", "'"))) for t in toks]
        while i < n:
            if taken[i] or not opener[i] or ent_label[i] in _SKIP_LABELS:
                i += 1
                continue
            found = None
            # longest n-gram starting here that the gazetteer knows
            top = i
            while top < n and top - i < maxw and inner_ok[top]:
                top += 1
            for w in range(top - i, 0, -1):
                if not cap[i + w - 1]:
                    continue
                key = fold(text[starts[i]:starts[i + w - 1] + len(words[i + w - 1])])
                if key and gaz.has(key):
                    found = (w, key)
                    break
            if found is None:
                i += 1
                continue
            w, key = found
            span = doc[i:i + w]
            first = span[0]
            if w == 1 and not first.text[:1].isupper():  # a bare direction word
                i += 1
                continue
            if not first.text[:1].isupper() and not any(gaz.kind(r) in ("region", "admin1", "country")
                                                        for r in gaz.lookup(span.text)):
                # a lower-case direction word extends a name only into a region ("northern Syria"):
                # "north Arlington" is Arlington's north, not the town of North Arlington
                i += 1
                continue
            if w == 1 and i > 0 and ent_label[i] in ("GPE", "LOC") and ent_label[i - 1] == ent_label[i] \
                    and toks[i - 1].lower_ in cues["dir"] and toks[i - 1].text[:1].isupper() \
                    and not self._is_big(span.text, 100_000):
                # "East Bank" (a name the gazetteer lacks) is not the hamlet called Bank
                i += 1
                continue
            # a name followed by a division word: "Idlib province"
            if i + w < n and doc[i + w].lower_ in cues["div"] and gaz.has(fold(span.text + " " + doc[i + w].text)):
                span = doc[i:i + w + 1]
                key = fold(span.text)
                w += 1
            start_c, end_c = span.start_char, span.end_char
            label = ent_label[i]
            strong = label in ENTITY_LABELS
            if w == 1 and (span.text in cues["stop"] or span.text in _news_cues()["not_places"]
                           or (first.is_stop and not strong)):
                i += 1
                continue
            if w == 1 and i > 0 and not locative_before(i):
                prev = toks[i - 1]
                if prev.pos_ == "PROPN" and prev.is_title and not prev.whitespace_ == "" \
                        and prev.lower_ not in cues["dir"] and not self._is_big(prev.text, 5000) \
                        and prev.ent_type_ not in ("GPE", "LOC", "FAC"):
                    person_words.add(first.text)  # "Michael Jordan": a surname, here and later
            if w == 1 and first.text in person_words and not locative_before(i):
                i += 1
                continue
            inside = (label in _BLOCKING or label == "FAC") and ent_len[i] > w
            if inside:
                # a name that opens an organisation's name ("the Texas Department of ...", "Alexandria
                # City Public Schools") is a place mention; inside a person's name it is not
                ent = next(e for e in doc.ents if e.start <= i < e.end)
                opens = i == ent.start or (i == ent.start + 1 and ent[0].lower_ == "the")
                civic = i + w < n and doc[i + w].lower_ in cues["civic"]
                nc = _news_cues()
                institution = civic and doc[i + w].lower_ in nc["person_named_civic"]
                if institution:
                    civic = False
                elif not civic and label in ("ORG", "FAC", "EVENT") and self._is_primary(span.text):
                    head = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
                    # "the Cookville Volunteer Fire Department", "Cambridge University": the
                    # institution of the town that opens its name; "University of Rochester" too.
                    # Many are named after people ("Reid Hospital"): a town is read there only when
                    # it is a city (50,000 people) or the article names it as a place elsewhere
                    institution = (opens and ent[-1].text in nc["heads"]) \
                        or (i + w == ent.end and i > ent.start and doc[i - 1].lower_ == "of"
                            and head.text in nc["of_heads"])
                    opens = opens or institution
                # a country or state named inside an institution's name ("the University of
                # Kentucky") is a mention of it; a town only when it opens the name
                if label == "PERSON" and not civic or not (opens or self._is_division(doc[i:i + w].text, False)) \
                        or (label in ("NORP", "WORK_OF_ART", "LAW", "LANGUAGE") and not civic):
                    i += 1
                    continue
            nxt = doc[i + w] if i + w < n else None
            if not self.streets and nxt is not None and nxt.lower_.rstrip(".") in cues["street"] \
                    and nxt.text[:1].isupper():
                i += w  # "Main Street", "Memphis St.": a street named after a place (with streets on,
                continue  # the streets recogniser takes the name, and "the Florida Highway Patrol" stays)
            if w == 1 and first.lower_ in cues["dir"]:
                i += 1  # "Northeast" alone ("Northeast Georgia" -> Georgia)
                continue
            if label in ("GPE", "LOC") and nxt is not None and ent_label[i + w] == label and ent_len[i] > w \
                    and (i == 0 or ent_label[i - 1] != label) and nxt.text[:1].isupper() and nxt.is_alpha \
                    and nxt.lower_ not in cues["div"] and nxt.lower_ not in cues["civic"] \
                    and nxt.lower_ not in cues["dir"]:
                # a known name opening a longer name the gazetteer lacks ("Tennessee Colony", "Texas
                # Panhandle"): that is another place, not this one
                for t in range(i, i + w):
                    taken[t] = True
                i += w
                continue
            if label == "NORP" and w == 1 and first.dep_ in ("amod", "compound", "nmod") \
                    and first.head.pos_ == "NOUN" and first.head.is_lower:
                i += 1  # "Arab governments", "from Arab states": a people's adjective, not Arab, Alabama
                continue
            cue = locative_before(i) or (nxt is not None and nxt.lower_ in cues["div"])
            if not cue and w == 1 and label != "NORP" and first.dep_ in ("compound", "amod") \
                    and first.head.pos_ == "NOUN" and first.head.is_lower and self._is_big(span.text, 5000):
                cue = True  # "an Alexandria man", "Alexandria police": a place modifying a common noun
            if inside:
                # "the Athens Police Department", "Dublin City Council": a town's own institutions
                strong = self._is_division(span.text) or civic or (institution and self._is_big(span.text, 50_000))
            elif not strong:
                if label in _BLOCKING:
                    # the small model's person, organisation, group ...: a place only with a cue and
                    # under its own name ("fighting in Aleppo"), or a world city
                    strong = (cue and (self._is_primary(span.text) or framed(i))) or self._is_big(span.text, 1_000_000)
                else:
                    # not an entity at all: a known name under its own name ("Area", "The City" are
                    # alternate names of some town, not places in running text)
                    primary = self._is_primary(span.text)
                    strong = (cue and primary) or (primary and w > 1) or self._is_big(span.text) \
                        or self._is_division(span.text)
            if any(ms <= start_c and end_c <= me and known for ms, me, known in non_places):
                for t in range(i, i + w):
                    taken[t] = True
                i += w
                continue
            met = metonym_of(start_c, end_c)
            if met == "":
                for t in range(i, i + w):
                    taken[t] = True
                i += w
                continue
            ids = gaz.lookup(span.text)
            ab = span.text if span.text.endswith(".") else span.text + "." if text.startswith(".", end_c) else ""
            if ab in gaz.abbrevs:
                ids = (gaz.abbrevs[ab],)  # "Fla." is Florida, not Flå in Norway
            iso3 = _state_demonyms().get(_kb_norm(span.text)) if w <= 2 else None
            if iso3 and not self._is_primary(span.text + " " + nxt.text if nxt is not None else ""):
                # "Canadian" is a people's name, not the town of Canadian, Texas: with demonyms on it
                # is a mention of the country, else no place
                i += w
                if self.demonyms:
                    c_i = gaz.countries.get(_iso2(iso3))
                    if c_i is not None:
                        cands.append(_Cand(start_c, end_c, text[start_c:end_c], (c_i,), True, "NORP"))
                continue
            cand = _Cand(start_c, end_c, text[start_c:end_c], ids, strong, label)
            cand.acts = label != "" and self._acts(span, ids, cues)
            cand.metonym_cc = met
            cands.append(cand)
            for t in range(i, i + w):
                taken[t] = True
            i += w

        # one sense per discourse: a name read as a place once is a place wherever it recurs
        strong_keys = {fold(c.text) for c in cands if c.strong}
        for c in cands:
            if not c.strong and fold(c.text) in strong_keys:
                c.strong = True
        # coordination: "in Aleppo and Idlib" -- a weak name joined to a strong one becomes strong
        for a, b in zip(cands, cands[1:]):
            between = text[a.end:b.start].strip().lower()
            if a.strong and not b.strong and between in _CONNECT | {", and", ", or", "and", "or"}:
                b.strong = True
        # "Gainesville, Ga." / "Columbus, Ohio": the qualifier fixes the state (and is a place itself)
        self._qualifiers(state, cands)
        return [c for c in cands if c.strong and c.ids]

    def _news_candidates(self, state: ArticleState) -> list[_Cand]:
        """Places that news copy names outside running prose (``data/place_cues.yaml``):

        * a dateline's town and state ("HAMMOND, Ind. (AP) --", "CROMWELL --"): an upper-case name the
          gazetteer knows under its own name, at the start of a line or after a sentence;
        * an AP state abbreviation after a capitalised name and a comma ("Sulpher, La."), even when the
          town is unknown;
        * a legislator's home town or county in a party tag ("Sen. Jane Roe, D-Elkins,");
        * the names coordinated before "counties" ("Jackson and Barrow counties"), read as counties.
        """
        gaz = self.gazetteer
        cues = _news_cues()
        text = state.text
        out: list[_Cand] = []

        def add(s0: int, e0: int, ids, label="GPE") -> None:
            if ids and not any(c.start < e0 and s0 < c.end for c in out):
                out.append(_Cand(s0, e0, text[s0:e0], tuple(ids), True, label))

        for m in cues["dateline"].finditer(text):
            town = m.group("town").strip()
            if len(town.replace(".", "")) < 3 or not self._is_primary(town):
                continue
            add(m.start("town"), m.start("town") + len(town), gaz.lookup(town))
            st = m.group("st")
            if st:
                st = st.strip()
                if st in gaz.abbrevs:
                    add(m.start("st"), m.start("st") + len(st), (gaz.abbrevs[st],))
                else:
                    ids = [i for i in gaz.lookup(st) if gaz.kind(i) in ("admin1", "country")]
                    add(m.start("st"), m.start("st") + len(st), ids)
        for m in cues["comma_abbr"].finditer(text):
            j = m.start() - 2
            k = j
            while k > 0 and (text[k - 1].isalpha() or text[k - 1] in ".'\u2019"):
                k -= 1
            if k < j and text[k].isupper():
                add(m.start("ab"), m.end("ab"), (gaz.abbrevs[m.group("ab")],))
        for m in cues["party"].finditer(text):
            town = m.group("town")
            if text.startswith(town + ".", m.start("town")) and town + "." in gaz.abbrevs:
                # a member of Congress: "Sen. Bob Casey, D-Pa." names the state
                add(m.start("town"), m.end("town") + 1, (gaz.abbrevs[town + "."],))
                continue
            ids = [i for i in gaz.lookup(town) if gaz.kind(i) in ("city", "county")] \
                or [i for i in gaz.lookup(town + " County") if gaz.kind(i) == "county"]
            add(m.start("town"), m.end("town"), ids)
        for m in cues["coord"].finditer(text):
            word = cues["divisions"][m.group("kind")]
            base = m.start("list")
            for part in re.finditer(r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?", m.group("list")):
                name = part.group(0)
                ids = [i for i in gaz.lookup(name + " " + word) if gaz.kind(i) == "county"]
                if not ids and word not in ("County", "Parish"):
                    # "Daraa and Sweida provinces": the division of that name, else its town's region
                    ids = [i for i in gaz.lookup(name + " " + word) + gaz.lookup(name)
                           if gaz.kind(i) in ("admin1", "region")] \
                        or [i for i in gaz.lookup(name) if gaz.kind(i) == "city"]
                add(base + part.start(), base + part.end(), ids)
        out.sort(key=lambda c: c.start)
        return out

    def _acts(self, span, ids, cues) -> bool:
        """A national capital standing for its government: it speaks or acts ("Moscow said"), owns a
        decision ("Moscow's decision"), or is spoken to ("reach out to Moscow", "talks with Tehran")."""
        if not self._capitals(span.text, ids):
            return False
        root = span.root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
            return True
        if root.dep_ == "pobj" and root.head.lower_ in ("to", "with"):
            gov = root.head.head
            if gov.pos_ == "ADP" or gov.dep_ == "prt":
                gov = gov.head
            return gov.lemma_.lower() in cues["speak"]
        return False

    def _with_demonyms(self, state: ArticleState, cands: list[_Cand]) -> list[_Cand]:
        """Demonym mentions of states (from the actors stage) as mentions of their countries; also
        the demonym that opens a generic agent ("Georgian troops", "Iraqi refugees") and a state's
        demonym the parser tags as a nationality outside any actor mention ("the Russian Empire")."""
        import pycountry

        gaz = self.gazetteer
        text = state.text
        actors = {a.id: a for a in state.actors}
        extra = []
        dem = _state_demonyms()

        def country(iso3):
            pc = pycountry.countries.get(alpha_3=iso3)
            return gaz.countries.get(pc.alpha_2) if pc is not None else None

        def add(s0, e0, i):
            if i is not None and not any(c.start < e0 and s0 < c.end for c in cands + extra):
                extra.append(_Cand(s0, e0, text[s0:e0], (i,), True, "NORP"))

        def opening_demonym(s0, e0):
            """(end, ISO3) of a state demonym opening the span (two words first: "Sri Lankan")."""
            words = text[s0:e0].split()
            for k in (2, 1):
                if len(words) > k or (len(words) == k and k == 1):
                    pre = " ".join(words[:k])
                    iso3 = dem.get(_kb_norm(pre))
                    if iso3 and text.startswith(pre, s0):
                        return s0 + len(pre), iso3
            return None

        for m in state.mentions:
            a = actors.get(m.actor_id)
            if a is None:
                continue
            if m.how == "demonym" and a.kind == "state" and a.country:
                add(m.start, m.end, country(a.country))
            elif m.how in ("agent", "demonym") and a.country:
                hit = opening_demonym(m.start, m.end)
                if hit is not None and hit[1] == a.country:
                    add(m.start, hit[0], country(hit[1]))
        covered = [(m.start, m.end) for m in state.mentions]
        for ent in state.doc.ents:
            if ent.label_ != "NORP" or any(s0 < ent.end_char and ent.start_char < e0 for s0, e0 in covered):
                continue
            iso3 = dem.get(_kb_norm(ent.text))
            if iso3:
                add(ent.start_char, ent.end_char, country(iso3))
        for s0, e0, i in self._regional_demonyms(state, dem):
            add(s0, e0, i)
        return sorted(cands + extra, key=lambda c: c.start) if extra else cands

    def _regional_demonyms(self, state: ArticleState, state_demonyms: dict) -> list[tuple[int, int, int]]:
        """The people of a state, province, region or big city named after it ("Ohioans", "New
        Londoners", "South Ossetians"): (start, end, entry) of each, by the endings of
        ``place_cues.yaml`` (only for words that end in one of them)."""
        gaz = self.gazetteer
        nc = _news_cues()
        endings = nc["demonym_endings"]
        out = []
        for tok in state.doc:
            w = tok.text
            if not w[:1].isupper() or len(w) < 5 or not w.isalpha() or w in nc["not_demonyms"] or tok.is_stop \
                    or tok.pos_ not in ("PROPN", "NOUN", "ADJ") \
                    or tok.ent_type_ in ("PERSON", "ORG", "DATE", "TIME") or _kb_norm(w) in state_demonyms:
                continue
            hit = None
            for end, repl in endings:
                if not w.endswith(end):
                    continue
                stem = w[:-len(end)]
                for r in repl:
                    for pre in ((state.doc[tok.i - 1].text + " ") if tok.i > 0 and state.doc[tok.i - 1].text[:1].isupper()
                                and not state.doc[tok.i - 1].is_sent_start else None, ""):
                        if pre is None:
                            continue
                        name = pre + stem + r
                        key = fold(name)
                        ids = [i for i in gaz.lookup(name) if fold(gaz.name_of(i)) == key and (
                            gaz.kind(i) in ("admin1", "region", "country")
                            or (gaz.kind(i) == "city" and gaz.population(i) >= 100_000))]
                        if ids:
                            start = tok.idx - len(pre)
                            hit = (start, tok.idx + len(w), max(ids, key=gaz.population))
                            break
                    if hit:
                        break
                break  # only the longest ending that fits
            if hit:
                out.append(hit)
        return out

    def _is_big(self, name: str, population: int = 500_000) -> bool:
        gaz = self.gazetteer
        for i in gaz.lookup(name):
            k = gaz.kind(i)
            if k in ("country", "admin1", "region", "other") or gaz.population(i) >= population:
                return True
        return False

    def _major(self, i: int, key: str) -> bool:
        """Is reading ``i`` of the name ``key`` one that news means unless told otherwise: a country, a
        national capital or a city of a million under its own name? (Small namesakes of such places
        lie everywhere -- Damascus, Maryland; Paris, Ohio -- and cluster by chance.)"""
        gaz = self.gazetteer
        if gaz.kind(i) == "country":
            return True
        if gaz.kind(i) != "city" or fold(gaz.name_of(i)) != key:
            return False
        return i in gaz.capitals or gaz.population(i) >= 1_000_000

    def _is_primary(self, name: str) -> bool:
        """Whether some place has ``name`` as its own name (not only as an alternate name)."""
        gaz = self.gazetteer
        key = fold(name)
        return any(fold(gaz.name_of(i)) == key for i in gaz.lookup(name))

    def _is_division(self, name: str, county: bool = True) -> bool:
        gaz = self.gazetteer
        kinds = ("country", "admin1", "county", "region") if county else ("country", "admin1")
        return any(gaz.kind(i) in kinds for i in gaz.lookup(name))

    def _capitals(self, name: str, ids) -> list[int]:
        """Readings of ``name`` that are national capitals under their own name (not a capital that
        merely lists the country's name among its alternate names)."""
        gaz = self.gazetteer
        key = fold(name)
        return [i for i in ids if i in gaz.capitals and fold(gaz.name_of(i)) == key]

    def _qualifiers(self, state: ArticleState, cands: list[_Cand]) -> None:
        gaz = self.gazetteer
        doc = state.doc
        text = state.text
        by_start = {c.start: c for c in cands}
        tok_at = None
        for c in list(cands):
            rest = text[c.end:c.end + 2]
            if not rest.startswith(", "):
                continue
            q = by_start.get(c.end + 2)
            state_i = None
            if q is not None:
                for i in q.ids:
                    if gaz.kind(i) in ("admin1", "country"):
                        state_i = i
                        break
                if state_i is not None:
                    q.strong = True
                    q.ids = (state_i,)
            else:
                # an AP abbreviation: read the token that starts there
                if tok_at is None:
                    tok_at = {t.idx: t for t in doc}
                tok = tok_at.get(c.end + 2)
                if tok is not None:
                    abbr = tok.text
                    if abbr not in gaz.abbrevs and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "." \
                            and doc[tok.i + 1].idx == tok.idx + len(tok.text):
                        abbr = tok.text + "."
                    if abbr in gaz.abbrevs:
                        state_i = gaz.abbrevs[abbr]
                        cands.append(_Cand(tok.idx, tok.idx + len(abbr), text[tok.idx:tok.idx + len(abbr)],
                                           (state_i,), True, "GPE"))
            if state_i is not None:
                cc, a1 = gaz.country_of(state_i), gaz.admin1_of(state_i)
                within = tuple(i for i in c.ids if gaz.country_of(i) == cc and
                               (a1 is None or gaz.admin1_of(i) == a1) and i != state_i)
                if within:
                    c.ids = within
                    c.strong = True
                    c.forced = (cc, a1)
        cands.sort(key=lambda c: c.start)
        # stand-alone abbreviations with two periods ("W.Va.", "D.C.")
        seen = {c.start for c in cands}
        for tok in doc:
            if tok.text.count(".") >= 2 and tok.idx not in seen and tok.text in gaz.abbrevs:
                cands.append(_Cand(tok.idx, tok.idx + len(tok.text), tok.text, (gaz.abbrevs[tok.text],), True, "GPE"))
        cands.sort(key=lambda c: c.start)

    # -- streets --------------------------------------------------------------------------------
    def _streets(self, state: ArticleState, cands: list[_Cand]):
        """The streets and roads of the text (:mod:`sitrep.streets`); a town's name inside one ("West
        Palestine Avenue", "Lancaster Avenue") is part of the street, not a place of its own."""
        streets = find_streets(state.doc) if self.streets else []
        if not streets:
            return streets, cands
        keep = []
        for c in cands:
            st = next((s for s in streets if s.start < c.end and c.start < s.end), None)
            # a state or county that opens a road's name ("U.S. 321", "Ohio Turnpike", "Otter Tail
            # County Road 80") is a mention of that division as well
            if st is None or (c.start == st.start and c.end < st.end and any(
                    self.gazetteer.kind(i) in ("country", "admin1", "county") for i in c.ids)):
                keep.append(c)
        return streets, keep

    def _place_streets(self, state: ArticleState, streets, cands: list[_Cand], choice, places: dict,
                       mentions: list) -> None:
        """Streets as places of feature ``other``, placed at their town: the town named right after the
        street in its sentence ("Gillis Street in Alton", "Dunlap St., Paris"), else the nearest town
        before it in the sentence, else the article's home town (its most-mentioned town, the first of
        equals). Without a town a street has no coordinates. A street is never placed on its own."""
        if not streets:
            return
        gaz = self.gazetteer
        towns = [(c.start, ch) for c, ch in zip(cands, choice) if ch is not None and gaz.kind(ch) == "city"
                 and not (c.metonym_cc is not None and gaz.country_of(ch) == c.metonym_cc)]
        home = None
        if towns:
            counts = Counter(ch for _, ch in towns)
            best = max(counts.values())
            home = next(ch for _, ch in towns if counts[ch] == best)
        for st in streets:
            s0, s1 = state.sentence_of(st.start)
            after = [ch for pos, ch in towns if st.end <= pos < s1]
            before = [ch for pos, ch in towns if s0 <= pos < st.start]
            town = after[0] if after else (before[-1] if before else home)
            if town is not None:
                e = gaz.entry(town)
                pid = f"street:{st.key.replace(' ', '-')}@{e.id}"
                lat, lon, cc = e.lat, e.lon, e.country_code
            else:
                pid, lat, lon, cc = f"street:{st.key.replace(' ', '-')}", None, None, None
            place = places.get(pid)
            if place is None:
                place = places[pid] = Place(id=pid, name=" ".join(st.text.split()), lat=lat, lon=lon,
                                            country_code=cc, feature="other")
            place.mentions.append(Span(text=st.text, start=st.start, end=st.end))
            mentions.append(PlaceMention(start=st.start, end=st.end, place_id=pid, text=st.text))

    # -- disambiguation -------------------------------------------------------------------------
    def _municipal(self, state: ArticleState, cands: list[_Cand]) -> None:
        """A country's name used as a town's ("Jordan Elementary", "a Lebanon woman", "Jordan
        residents") keeps only its town readings, when it has any under that very name -- in all
        the mentions of the name (one sense per discourse)."""
        gaz = self.gazetteer
        senses = _senses()
        text = state.text
        towns_of: dict[str, tuple] = {}
        for c in cands:
            if len(c.ids) < 2 or not any(gaz.kind(i) == "country" for i in c.ids):
                continue
            after = text[c.end:c.end + 40].split(None, 1)
            nxt = after[0].strip(".,;:'\"’”").lower() if after and text[c.end:c.end + 1] == " " else ""
            before = text[max(0, c.start - 4):c.start].lower()
            municipal = nxt in senses["municipal_words"] or (
                before.endswith(("a ", "an ")) and nxt in senses["resident_nouns"])
            if not municipal:
                continue
            key = fold(c.text)
            towns = tuple(i for i in c.ids if gaz.kind(i) == "city" and fold(gaz.name_of(i)) == key)
            if towns:
                towns_of[key] = towns
        if towns_of:
            for c in cands:
                towns = towns_of.get(fold(c.text))
                if towns is not None and set(towns) <= set(c.ids):
                    c.ids = towns

    def _resolve(self, cands: list[_Cand]) -> list[Optional[int]]:
        gaz = self.gazetteer
        W = self.context_weight
        # an AP state abbreviation standing alone ("Fla.", "W. Va.") is the state, not a town whose
        # folded name it happens to spell ("Flå")
        for c in cands:
            if c.text.endswith("."):
                st = gaz.abbrevs.get(c.text, gaz.abbrevs.get(c.text.replace(" ", "")))
                if st is not None:
                    c.ids = (st,)
        # one sense per discourse: a name qualified once ("Springfield, Ohio") is that place in all
        # its mentions ("Springfield's schools" later in the story)
        qualified: dict[str, _Cand] = {}
        for c in cands:
            if c.forced:
                qualified.setdefault(fold(c.text), c)
        if qualified:
            for c in cands:
                q = qualified.get(fold(c.text))
                if q is not None and not c.forced and set(q.ids) <= set(c.ids):
                    c.ids, c.forced = q.ids, q.forced
        # anchors: names with one reading, and countries / states (they name the setting)
        countries: Counter = Counter()
        states: Counter = Counter()
        def prior(i: int, key: str) -> float:
            kind = gaz.kind(i)
            s = math.log10(_weight_pop(gaz, i) + 10) + _KIND_PRIOR.get(kind, 0.0)
            if fold(gaz.name_of(i)) == key:
                s += 1.5
            return s

        for c in cands:
            i = None
            if len(c.ids) == 1 or c.forced:
                i = c.ids[0]
            else:
                # a reading that dominates the others on its own (a state against hamlets that
                # carry its name as an alternate name) anchors the setting too
                key = fold(c.text)
                ranked = sorted(c.ids[:_MAX_CANDIDATES], key=lambda j: -prior(j, key))
                if gaz.kind(ranked[0]) in ("country", "admin1") and prior(ranked[0], key) - prior(ranked[1], key) >= 2.5:
                    i = ranked[0]
            if i is None:
                continue
            countries[gaz.country_of(i)] += 1
            if gaz.kind(i) in ("admin1", "county", "city") or c.forced:
                states[(gaz.country_of(i), gaz.admin1_of(i) if not c.forced else c.forced[1])] += 1
        countries.pop(None, None)

        # spread vote: the first-level divisions that several different names could lie in are
        # probably the article's home ("Lamar County" and "Paris" both have Texas readings)
        contrib: dict[str, Counter] = {}
        for c in cands:
            key = fold(c.text)
            if key in contrib:
                continue
            areas = {(gaz.country_of(i), gaz.admin1_of(i)) for i in c.ids[:200]
                     if gaz.kind(i) in ("city", "county", "admin1") and gaz.admin1_of(i)}
            if areas:
                w = 1.0 / math.sqrt(len(areas))
                contrib[key] = Counter({a: w for a in areas})
        votes: Counter = Counter()
        for cnt in contrib.values():
            votes.update(cnt)

        # per name: whether some reading carries it as its own name (then readings that only list
        # it among their alternate names -- "Berea" for Aleppo, "Paris" for Saint Paris -- rank lower),
        # and the national capitals that share their name with a first-level division of the same
        # country ("Washington": the capital is meant unless the setting is the state)
        exact_any: dict[str, bool] = {}
        capital_first: set[int] = set()
        for c in cands:
            key = fold(c.text)
            if key in exact_any:
                continue
            exact = [i for i in c.ids[:200] if fold(gaz.name_of(i)) == key]
            exact_any[key] = bool(exact)
            for i in exact:
                if i in gaz.capitals and any(gaz.kind(j) == "admin1" and gaz.country_of(j) == gaz.country_of(i)
                                             for j in exact):
                    capital_first.add(i)

        # containment: a town and the county it lies in, both named ("Paris and Henry County"),
        # support each other's readings. county entry -> names that may be it / may lie in it
        named_county: dict[int, set] = defaultdict(set)
        town_in: dict[int, set] = defaultdict(set)
        for key, c in _distinct_names(cands):
            for i in c.ids[:200]:
                k = gaz.kind(i)
                if k == "county":
                    named_county[i].add(key)
                elif k == "city":
                    j = gaz.county_of(i)
                    if j is not None:
                        town_in[j].add(key)

        def contained(i: int, kind: str, key: str) -> bool:
            if kind == "county":
                names = town_in.get(i)
            elif kind == "city":
                j = gaz.county_of(i)
                names = named_county.get(j) if j is not None else None
            else:
                return False
            return bool(names) and (len(names) > 1 or key not in names)

        def score(i: int, key: str, ctx_c: Counter, ctx_s: Counter, points) -> float:
            kind = gaz.kind(i)
            pop = _weight_pop(gaz, i)
            s = math.log10(pop + 10)
            if kind == "country":
                s += 3.0
            elif kind in ("admin1", "other"):
                s += 2.5
            elif kind == "region":
                # a curated region ("the Middle East", "Donbas"): what news means by the name,
                # rarely the hamlet that shares it, even in a story set in that hamlet's country
                s += 2.5 + self.region_weight
            elif kind == "county":
                s += 2.0
            exact = fold(gaz.name_of(i)) == key
            if exact:
                s += 1.5
            elif exact_any.get(key):
                s -= self.alternate_penalty
            if i in capital_first:
                s += self.capital_weight
            if (named_county or town_in) and contained(i, kind, key):
                s += self.contain_weight
            cc = gaz.country_of(i)
            if kind == "city" and pop >= 1_000_000 and exact:
                s += 1.0  # a world city: read first unless the article's setting says otherwise
            w = ctx_c.get(cc, 0.0) if cc else 0.0
            if w > 0:
                s += self.country_weight * min(w, 1.0) + min(w, 5.0) * 0.2
            a1 = gaz.admin1_of(i)
            if a1:
                w = ctx_s.get((cc, a1), 0.0)
                if w > 0:
                    s += W * min(w, 1.0)
            if a1 and kind != "admin1":
                v = votes.get((cc, a1), 0.0) - contrib.get(key, {}).get((cc, a1), 0.0)
                if v > 0:
                    s += min(v, 3.0) * self.vote_weight
            if points and kind in ("city", "county"):
                la, lo = gaz.coords(i)
                if not math.isnan(la):
                    best = 0.0
                    for pla, plo, pw in points:
                        d = haversine_km(la, lo, pla, plo)
                        f = 1.0 if d < 50 else 0.75 if d < 150 else 0.3 if d < 400 else 0.0
                        best = max(best, f * pw)
                    s += self.near_weight * best
            if pair_grid:
                s += pair_support(i, key)
            return s

        def top(ids):
            if len(ids) <= _MAX_CANDIDATES:
                return ids
            return sorted(ids, key=lambda i: -gaz.population(i))[:_MAX_CANDIDATES]

        # pairs: two names whose lesser readings lie close together ("Columbus" and "Colfax County"
        # both in Nebraska) are read there when the nearness outweighs what each gives up against
        # its best reading alone. Readings are bucketed on a 1-degree grid, so only near pairs are
        # compared. A reading's support from another name: max(0, 2 * pair_weight * nearness -
        # that name's loss), summed over the other names.
        pair_grid: dict[tuple[int, int], list] = {}
        unpaired: set[str] = set()  # names whose best reading is a capital or a world city
        PW = self.pair_weight
        grid: dict[tuple[int, int], list] = {}
        if PW > 0:
            for key, c in _distinct_names(cands):
                ids = top(c.ids)
                base = {i: score(i, key, Counter(), Counter(), []) for i in ids}
                mx = max(base.values())
                if self._major(max(base, key=base.get), key):
                    unpaired.add(key)  # "Damascus", "Paris": never pulled into a cluster of namesakes
                    continue
                for i in ids:
                    loss = mx - base[i]
                    if loss >= 2 * PW or gaz.kind(i) not in ("city", "county"):
                        continue
                    la, lo = gaz.coords(i)
                    if math.isnan(la):
                        continue
                    grid.setdefault((int(math.floor(la)), int(math.floor(lo))), []).append((key, i, loss, la, lo))

        def pair_support(i: int, key: str) -> float:
            if key in unpaired or gaz.kind(i) not in ("city", "county"):
                return 0.0
            la, lo = gaz.coords(i)
            if math.isnan(la):
                return 0.0
            gy, gx = int(math.floor(la)), int(math.floor(lo))
            best: dict[str, float] = {}
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for k2, j, loss, la2, lo2 in pair_grid.get((gy + dy, gx + dx), ()):
                        if k2 == key or j == i:  # another name of the same place is no neighbour
                            continue
                        d = haversine_km(la, lo, la2, lo2)
                        f = 1.0 if d < 50 else 0.75 if d < 150 else 0.0
                        g = 2 * PW * f - loss
                        if g > best.get(k2, 0.0):
                            best[k2] = g
            return min(sum(best.values()), self.pair_cap)

        pair_grid.update(grid)  # from here on, scores include the pairs

        choice: list[Optional[int]] = [None] * len(cands)
        conf: list[float] = [0.0] * len(cands)
        keys = [fold(c.text) for c in cands]
        n_of_key = Counter(keys)
        ctx_by_key: dict[str, tuple[Counter, Counter, list]] = {}
        for rnd in range(self.rounds):
            if rnd > 0:
                # later rounds: the previous round's readings of the *other* names are context too,
                # each name weighted by how clearly its reading won (a name's own readings never vote
                # for themselves: five mentions of "Paris" are not five French places)
                per_key: dict[str, tuple[Counter, Counter, list]] = {}
                for k, ch, cf in zip(keys, choice, conf):
                    if ch is None or cf <= 0:
                        continue
                    wgt = cf / n_of_key[k]
                    cs, ss, pts = per_key.setdefault(k, (Counter(), Counter(), []))
                    kind, cc, a1 = gaz.kind(ch), gaz.country_of(ch), gaz.admin1_of(ch)
                    cs[cc] += wgt
                    if kind in ("admin1", "city", "county") and a1:
                        ss[(cc, a1)] += wgt
                    if kind == "city":
                        la, lo = gaz.coords(ch)
                        pts.append((la, lo, cf))
                for k in set(keys):
                    cs, ss, pts = Counter(), Counter(), []
                    for k2, (c2, s2, p2) in per_key.items():
                        if k2 != k:
                            cs.update(c2)
                            ss.update(s2)
                            pts.extend(p2)
                    cs.pop(None, None)
                    ctx_by_key[k] = (cs, ss, pts)
            done: dict = {}  # (name, readings) -> this round's (best score, best, runner-up score)
            for n, c in enumerate(cands):
                ids = top(c.ids)
                if len(ids) == 1 or c.forced:
                    choice[n] = ids[0] if len(ids) == 1 else choice[n]
                    conf[n] = 1.0
                    if len(ids) == 1:
                        continue
                memo = (keys[n], tuple(ids)) if not c.forced else None
                got = done.get(memo) if memo is not None else None
                if got is None:
                    if rnd == 0:
                        ctx_c, ctx_s, pts = countries, states, []
                    else:
                        ctx_c, ctx_s, pts = ctx_by_key[keys[n]]
                    scored = sorted(((score(i, keys[n], ctx_c, ctx_s, pts), i) for i in ids), reverse=True)
                    best_s, best = scored[0]
                    area = (gaz.country_of(best), gaz.admin1_of(best))
                    second = next((sc for sc, i in scored[1:] if (gaz.country_of(i), gaz.admin1_of(i)) != area),
                                  best_s - 2 * self.confidence_margin)
                    got = (best_s, best, second)
                    if memo is not None:
                        done[memo] = got
                best_s, best, second = got
                choice[n] = best
                if not c.forced:
                    conf[n] = min(1.0, (best_s - second) / self.confidence_margin)
        if self.stray_population and ctx_by_key:
            # a stray: a small town abroad that nothing else in the story points to ("East Bank" read
            # as an Indian town in a West Virginia story) is more likely a misreading than a place
            for n, c in enumerate(cands):
                ch = choice[n]
                if ch is None or c.forced or len(c.ids) == 1 and fold(gaz.name_of(ch)) == keys[n]:
                    continue
                if gaz.kind(ch) != "city" or gaz.population(ch) >= self.stray_population:
                    continue
                ctx_c = ctx_by_key[keys[n]][0]
                cc = gaz.country_of(ch)
                if ctx_c.get(cc, 0.0) <= 0 and max(ctx_c.values(), default=0.0) >= self.stray_setting:
                    choice[n] = None
        return choice

    # -- the stage ------------------------------------------------------------------------------
    def process(self, state: ArticleState) -> None:
        if state.doc is None:
            return
        gaz = self.gazetteer
        cands = self._candidates(state)
        if self.demonyms:
            cands = self._with_demonyms(state, cands)
        streets, cands = self._streets(state, cands)
        self._municipal(state, cands)
        choice = self._resolve(cands)
        places: dict[str, Place] = {}
        mentions: list[PlaceMention] = []
        city_points = defaultdict(list)  # (cc, admin1) -> points of the article's towns there
        for ch in choice:
            if ch is not None and gaz.kind(ch) == "city":
                city_points[(gaz.country_of(ch), gaz.admin1_of(ch))].append(gaz.coords(ch))
        for c, ch in zip(cands, choice):
            if ch is None or (c.acts and any(gaz.country_of(i) == gaz.country_of(ch)
                                              for i in self._capitals(c.text, c.ids))):
                continue  # "Moscow said", "reach out to Moscow": the government, not the city
            if c.metonym_cc is not None and gaz.country_of(ch) == c.metonym_cc:
                continue  # the actors stage's metonym, read in its country (not "Dublin, Ohio")
            e = gaz.entry(ch)
            lat, lon = e.lat, e.lon
            if lat is None and e.kind == "county":
                pts = city_points.get((e.country_code, e.admin1))
                if pts:
                    lat = round(sum(p[0] for p in pts) / len(pts), 5)
                    lon = round(sum(p[1] for p in pts) / len(pts), 5)
                else:
                    st = gaz.us_state(e.admin1 or "")
                    if st is not None:
                        lat, lon = st.lat, st.lon
            place = places.get(e.id)
            if place is None:
                place = places[e.id] = Place(id=e.id, name=e.name, geonameid=e.geonameid, lat=lat, lon=lon,
                                             country_code=e.country_code, feature=e.feature)
            place.mentions.append(Span(text=c.text, start=c.start, end=c.end))
            mentions.append(PlaceMention(start=c.start, end=c.end, place_id=e.id, text=c.text))
        self._place_streets(state, streets, cands, choice, places, mentions)
        mentions.sort(key=lambda m: m.start)
        state.places = list(places.values())
        state.place_mentions = mentions
