"""The story's focus: the countries a story is set in, and the states it names only as actors.

News names states in two ways. "Fighting in Syria", "strikes on Kyiv", "Russia's Bryansk region",
"eastern Congo" say where something is: the country (or capital) is a place of the story. "Russia
said", "Iran-backed militias", "U.S. forces", "Myanmar's army", "sanctions on Iran" name a state
acting or owning something: it is an actor, not a place (GUIDELINES §7 and §9 of ``eval/news``).

* :func:`is_locative` -- one mention says where (the cue words are ``data/place_cues.yaml``,
  section "the story's setting"): after a setting preposition ("in", "across"), after a motion
  preposition hanging on a verb ("fled from Syria"; not "drew condemnation from Beijing", where
  "from" names who voices the object) or on a journey's noun ("visits to Kazakhstan"), after
  "on"/"at" hanging on an assault word ("strikes on Kyiv"), after "of" hanging on a frame or place
  head ("the invasion of Ukraine"), after "with" on a border ("the border with Nigeria"), with a
  direction or setting modifier ("eastern Congo", "neighbouring Iraq"), owning or modifying a place
  head or another place ("Syria's east", "the Mali border", "Iraq's Anbar province"), owning the
  object of a setting preposition ("in Sudan's conflict", "near Somalia's presidential palace"),
  before "-based" ("the Tripoli-based government"), a qualifier after a town ("Hodeida, Yemen"), or
  coordinated with such a mention ("in Iraq and Syria").
* :func:`focus_countries` -- the story is set in the countries of its locative mentions (of any
  place: "Goma", "northeastern Syria"), datelines left out (a Washington dateline does not set a story
  about Syria in the United States).
* :func:`drop_actor_states` -- a country or national capital none of whose mentions is locative is an
  actor only: no place, even in a story set there ("Myanmar's army"; ``PlacesConfig.actor_countries``
  keeps it, as geoparsing corpora such as LGL count every toponym).
* :func:`home_divisions` -- a name that is a foreign country and a division of the story's own
  country, with a division word beside it ("la province de l'Équateur" in a story set in the DR
  Congo), is the division.
* :func:`drop_far_namesakes` -- the focus governs how far a namesake may lie: a small town in a
  country the story does not name, far from every place it locates, is a misreading.
* Actor mentions set no scene: they are left out of the setting that ranks the other names' readings
  (``Candidate.actor``; "U.S. sanctions" does not pull "Georgia" to the US state), while the story's
  demonyms of states add theirs (:func:`demonym_countries`: "the Georgian people").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from ...core.text import haversine_km, name_key
from .candidate import Candidate
from .lexicon import NewsCues, PlaceWords

#: how many conjuncts back a coordinated mention looks for a locative first conjunct
_CONJ_HOPS = 4
#: the Universal Dependencies relations of a name with a preposition (French parses)
_UD_OBLIQUE = frozenset({"obl", "obl:arg", "obl:mod", "obl:agent", "nmod"})


def _span(doc, c: Candidate):
    return doc.char_span(c.start, c.end, alignment_mode="expand")


def _before(doc, span):
    """The token before ``span``, skipping "the"."""
    j = span.start - 1
    while j >= 0 and doc[j].lower_ == "the":
        j -= 1
    return doc[j] if j >= 0 else None


def _prep_locates(prep, words: PlaceWords, news: NewsCues) -> bool:
    """Does the preposition ``prep`` (whose object is the name) say where?

        "in Syria", "fled from Syria" (on a verb), "strikes on Kyiv", "the invasion of Ukraine"
    """
    return _word_locates(prep.lower_, prep.head, words, news)


def _word_locates(p: str, head, words: PlaceWords, news: NewsCues) -> bool:
    """Does the preposition ``p`` hanging on ``head`` say where (see :func:`_prep_locates`)? The
    preposition's token is the name's head in an English parse, its ``case`` child in a Universal
    Dependencies one (French: "au Liban", "le sud du Liban")."""
    if p in news.setting_prepositions:
        return True
    if p in news.motion_prepositions and head.lower_ in news.travel_heads:
        return True  # "Wang's visits to Kazakhstan", "a flight from Kabul"
    if p == "with" and head.lower_ in news.border_heads:
        return True  # "near the border with Nigeria"
    if p in news.motion_prepositions and head.pos_ in ("VERB", "AUX"):
        return head.lemma_.lower() not in words.speak and not (p == "to" and _gives(head, news)) \
            and not (p == "from" and _voices(head, news))
    if p in news.of_prepositions and head.text[:1].isupper() and head.lower_ in news.title_heads:
        return False  # "the State of Palestine": the state's formal name
    if p in news.assault_prepositions:
        return head.lower_ in news.assault_heads or head.lemma_.lower() in news.assault_heads
    if p in news.of_prepositions:
        return head.lower_ in news.of_place_heads or head.lower_ in news.frames
    if p in news.example_prepositions:  # "in countries including China"
        return head.dep_ == "pobj" and head.head.lower_ in news.setting_prepositions
    return False


def _gives(verb, news: NewsCues) -> bool:
    """The verb gives (``recipient_verbs``: "will provide to Ukraine"), or its object (or one of its
    conjuncts) is a recipient's object ("suspended cooperation and aid to Niger"): its "to" names who
    gets it, not where something goes."""
    if verb.lemma_.lower() in news.recipient_verbs:
        return True  # "will provide to Ukraine"
    objs = [ch for ch in verb.children if ch.dep_ in ("dobj", "obj")]
    objs += [cj for o in objs for cj in o.conjuncts]
    return any(o.lemma_.lower() in news.recipient_objects or o.lower_ in news.recipient_objects for o in objs)


def _voices(verb, news: NewsCues) -> bool:
    """The verb's object (or one of its conjuncts) is something voiced or sent (``voiced_objects``:
    "drew condemnation from Beijing", "received a stern warning from Moscow"): its "from" names who
    voices it -- a government, not a place."""
    objs = [ch for ch in verb.children if ch.dep_ in ("dobj", "obj")]
    objs += [cj for o in objs for cj in o.conjuncts]
    return any(o.lemma_.lower() in news.voiced_objects or o.lower_ in news.voiced_objects for o in objs)


def _case_locates(root, words: PlaceWords, news: NewsCues) -> bool:
    """A Universal Dependencies parse (French): does a preposition of the name (its ``case`` children,
    "au", "en", "près de") say where, hanging on the name's head?"""
    return any(ch.dep_ == "case" and _word_locates(ch.lower_, root.head, words, news) for ch in root.children)


def _head_is_place(tok, covered: set, words: PlaceWords, news: NewsCues) -> bool:
    """Is ``tok`` a place head ("region", "east", "border") or inside another place name?"""
    low = tok.lower_
    return tok.i in covered or low in news.place_heads or low in news.frames or low in words.div


def opens_copy(doc, span) -> bool:
    """The name opens the article (or a line) and punctuation follows it: a dateline in any case.

        "Jerusalem - Hundreds of ...", "Nairobi, Jan 17 (AFP) ..."
    """
    first = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws or doc[span.start - 1].is_space
    if not first or span.end >= len(doc) or not doc[span.end].is_punct:
        return False
    return doc[span.end].text in (",", ":") or bool(span[-1].whitespace_)  # not "Iran-backed"


def based_on(doc, span, news: NewsCues) -> bool:
    """The name is joined by a hyphen to a ``based_words`` word: "the Tripoli-based government", "the
    Washington-based institute" -- where an organisation sits is a place."""
    j = span.end
    return j + 1 < len(doc) and doc[j].text == "-" and not span[-1].whitespace_ and not doc[j].whitespace_ \
        and doc[j + 1].lower_ in news.based_words


def paired_name(doc, root, covered: set) -> bool:
    """The name is joined by a hyphen to another place name it modifies ("*Israel*-Gaza war", "the
    *India*-Pakistan border"): the pair shares the cue of the second name, which is not where the
    first lies."""
    head = root.head
    return root.dep_ in ("compound", "nmod", "amod") and head.i in covered and head.i == root.i + 2 \
        and doc[root.i + 1].text in ("-", "\u2013") and not root.whitespace_


def _locates(doc, root, covered: set, words: PlaceWords, news: NewsCues, inside: range = range(0),
             towns: frozenset = frozenset()) -> bool:
    """The syntactic cues of :func:`is_locative` on one token (the name's root); a direction or setting
    word inside the name itself (the tokens ``inside``: "*North* Korea", "*South* Sudan") is no cue.
    ``towns``: the last tokens of the names that may be a town or a region (not only a country)."""
    dep = root.dep_
    if paired_name(doc, root, covered):
        return _locates(doc, root.head, covered, words, news, towns=towns)  # "the Israel-Gaza war"
    if dep == "pobj" and _prep_locates(root.head, words, news):
        return True
    if dep in _UD_OBLIQUE and _case_locates(root, words, news):
        return True  # a UD parse: "au Liban", "la deuxième ville de Syrie"
    if dep in ("poss", "compound", "nmod", "amod") and _head_is_place(root.head, covered, words, news):
        return True
    if dep in ("dobj", "nsubjpass", "obj", "nsubj:pass") and root.head.lemma_.lower() in news.assault_verbs:
        return True  # "NATO bombed Serbia", "Kyiv was shelled", "fled Syria"
    if dep == "appos" and appositive_locates(root, covered, words, news, towns):
        return True  # "Oman's capital, Muscat", "Muscat, Oman"
    if dep == "poss" and root.head.dep_ == "pobj" \
            and (root.head.lower_ in news.setting_events or root.head.lower_ in news.setting_sites) \
            and root.head.head.lower_ in news.setting_prepositions \
            and not any(ch.dep_ == "prep" and ch.lower_ in words.loc for ch in root.head.children):
        # "in Sudan's brutal conflict", "near Somalia's presidential palace" (not "in Russia's war *in
        # Ukraine*": set elsewhere, Russia wages it)
        return True
    return any(ch.dep_ in ("amod", "compound", "nmod") and ch.i < root.i and ch.i not in inside
               and (ch.lower_ in words.dir or ch.lower_ in news.setting_modifiers) for ch in root.children)


def appositive_locates(root, covered: set, words: PlaceWords, news: NewsCues, towns: frozenset) -> bool:
    """Does the name in apposition to ``root.head`` say where: after a place head ("Oman's capital,
    *Muscat*") or after a town it qualifies ("Muscat, *Oman*")? Not after a country, nor as an item of
    a list the parser read as an apposition (:func:`listed`: "the governments of Colombia, *the US*,
    Canada")."""
    head = root.head
    if head.i in covered:
        return head.i in towns and not listed(root)
    return _head_is_place(head, covered, words, news)


def listed(root) -> bool:
    """The name opens or continues a coordination ("Colombia, the US, *Canada*"): a list of names, not
    a town and its qualifier."""
    return root.dep_ == "conj" or any(ch.dep_ == "conj" for ch in root.children)


def is_locative(doc, c: Candidate, covered: set, words: PlaceWords, news: NewsCues,
                towns: frozenset = frozenset()) -> bool:
    """Does this mention say where something is (see the module text)?

        "in Syria", "eastern Congo", "Russia's Bryansk region", "Hodeida, Yemen"  -> True
        "Russia said", "Iran-backed", "U.S. forces", "Myanmar's army"             -> False
    """
    span = _span(doc, c)
    if span is None or not len(span):
        return False
    prev = _before(doc, span)
    if prev is not None and prev.i >= 2 and doc[prev.i - 1].text == "-" and not doc[prev.i - 1].whitespace_:
        if f"{doc[prev.i - 2].lower_}-{prev.lower_}" in news.setting_modifiers:
            return True  # "war-shattered Syria"
    if prev is not None and (prev.lower_ in words.dir or prev.lower_ in news.setting_modifiers
                             or prev.lower_ in news.place_heads):
        return True  # "eastern Congo", "neighbouring Iraq", "the capital Tbilisi" (whatever the parse)
    if opens_copy(doc, span):
        return True  # "Jerusalem -", "Nairobi, Jan 17 (AFP)": a dateline the dateline cue missed
    if based_on(doc, span, news):
        return True  # "the Tripoli-based government"
    root = span.root
    if prev is not None and prev.text == "," and span.start == prev.i + 1 and prev.i - 1 in towns \
            and root.dep_ not in ("poss", "compound") and not listed(root):
        # "Hodeida, Yemen" (not "Oman, Iran and the U.S."; not "in the Sahel, Niger's president"; not "in
        # the Red Sea, UK Defense Secretary Grant Shapps said": a name modifying the next noun; not
        # "Colombia, the US, Canada": a list)
        return True
    inside = range(span.start, span.end)  # the name's own words ("North" of "North Korea") say nothing
    for _ in range(_CONJ_HOPS):
        if _locates(doc, root, covered, words, news, inside, towns):
            return True
        if root.dep_ != "conj" or root.head.pos_ != "PROPN" or root.head.ent_type_ == "NORP":
            return False  # (not "the South Korean, US and Japanese militaries": a people's adjective)
        root = root.head  # "in Iraq and Syria": the first conjunct's cue
    return False


def mark_locative(doc, cands: list[Candidate], gaz, words: PlaceWords, news: NewsCues) -> None:
    """Set ``locative`` on every candidate (:func:`is_locative`)."""
    covered: set[int] = set()
    towns: set[int] = set()  # the last tokens of names that may be a town or a region, not a country
    for c in cands:
        span = _span(doc, c)
        if span is not None:
            covered.update(range(span.start, span.end))
            if c.ids and not all(gaz.kind(i) == "country" for i in c.ids):
                towns.add(span.end - 1)
    for c in cands:
        c.locative = c.dateline or is_locative(doc, c, covered, words, news, frozenset(towns))
        c.seat = c.locative and is_seat(doc, c, news)


def is_seat(doc, c: Candidate, news: NewsCues) -> bool:
    """The mention is the object of "in" on a ``seat_nouns`` word: "officials in Paris"."""
    span = _span(doc, c)
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lower_ in news.seat_nouns


def drop_foreign_seats(cands: list[Candidate], choice: list, gaz) -> None:
    """A national capital named only as a government's seat ("officials in Paris") in a story set in
    another country (the country most of its locative mentions are in) is no place of the story; in a
    story set in its own country it stays ("authorities in Bogota" in a story about Colombia)."""
    focus = focus_countries(cands, choice, gaz)
    if not focus:
        return
    top = focus.most_common(1)[0][0]
    plain = {ch for c, ch in zip(cands, choice) if ch is not None and c.locative and not c.seat}
    for n, (c, ch) in enumerate(zip(cands, choice)):
        if ch is not None and c.seat and ch not in plain and ch in gaz.capitals and gaz.country_of(ch) != top:
            choice[n] = None


def mark_actors(cands: list[Candidate], gaz) -> None:
    """``actor``: a mention that is not locative of a name that may be a state ("Russia", "U.S.",
    "Moscow"): it sets no scene for the other names."""
    for c in cands:
        c.actor = not c.locative and any(is_state(gaz, i, c.text) for i in c.ids)


def is_state(gaz, i: int, name: str) -> bool:
    """Reading ``i`` is a country, or a national capital under its own name ("Moscow"; in another
    language, under that language's name: "Moscou")."""
    if gaz.kind(i) == "country":
        return True
    key = name_key(name)
    return i in gaz.capitals and (name_key(gaz.name_of(i)) == key or key in getattr(gaz, "own_names", ()))


def focus_countries(cands: list[Candidate], choice: list, gaz) -> Counter:
    """The countries the story is set in: those of its locative mentions' readings, datelines left
    out, counted per mention."""
    out: Counter = Counter()
    for c, ch in zip(cands, choice):
        if ch is not None and c.locative and not c.dateline:
            cc = gaz.country_of(ch)
            if cc:
                out[cc] += 1
    return out


def drop_far_namesakes(cands: list[Candidate], choice: list, gaz, cfg, scene: Counter) -> None:
    """A story firmly set somewhere (``focus_min`` places that other names locate) does not wander
    off to a small namesake: a town or province reading (no capital, under ``focus_population`` people) in a
    country that no other name's reading and no demonym of the story names, farther than ``focus_km``
    from every town or region the story locates, is dropped ("Karari" read as a town in India in a
    story set in Sudan; "Battle damage" as a town in England). A province abroad needs less: one place
    the story locates (its dateline too) in another country, farther than ``focus_km``, and no other
    name read in the province's country but as a province ("Nord" and "Sud" of a story set in Mali are
    not Haiti's; "the Southern governorate" of a Manama story is not Zambia's). Run before the actor
    states are dropped: a country named as an actor still makes its towns plausible."""
    if cfg.focus_min <= 0:
        return
    keys = [name_key(c.text) for c in cands]
    keys_of_cc: dict = {}  # country -> the names read in it
    firm_of_cc: dict = {}  # country -> the names read in it as no province
    focus: dict = {}  # reading -> the names that locate it (towns and regions the story locates)
    dated: dict = {}  # ... and the dateline's reading
    for c, ch, k in zip(cands, choice, keys):
        if ch is not None:
            keys_of_cc.setdefault(gaz.country_of(ch), set()).add(k)
            if gaz.kind(ch) != "province":
                firm_of_cc.setdefault(gaz.country_of(ch), set()).add(k)
            if c.locative and not c.dateline:
                focus.setdefault(ch, set()).add(k)
            if c.locative or c.dateline:
                dated.setdefault(ch, set()).add(k)
    # a dateline in a country the story locates a place in sets it there too ("ADDIS ABABA -" and
    # "the Amhara region"); alone it does not (a Washington dateline of a story about Syria)
    focus_ccs = {gaz.country_of(j) for j in focus}
    for n, (c, ch) in enumerate(zip(cands, choice)):
        if ch is None or c.forced or c.dateline or gaz.kind(ch) not in ("city", "province") \
                or ch in gaz.capitals or gaz.population(ch) >= cfg.focus_population:
            continue
        cc = gaz.country_of(ch)
        province = gaz.kind(ch) == "province"
        if cc in scene or (firm_of_cc if province else keys_of_cc).get(cc, set()) - {keys[n]}:
            continue  # the story names the town's country otherwise
        if province:  # a province abroad: one place the story locates, its dateline too, sets it elsewhere
            points = [j for j, ks in dated.items() if ks - {keys[n]} and gaz.country_of(j) != cc]
            if points and _far(gaz, ch, points, cfg.focus_km, countries=True):
                choice[n] = None
            continue
        points = [j for j, ks in focus.items() if ks - {keys[n]}]  # (only small towns abroad get here)
        points += [j for j in dated if j not in focus and gaz.country_of(j) in focus_ccs]
        if len(points) >= cfg.focus_min and _far(gaz, ch, points, cfg.focus_km):
            choice[n] = None


#: what joins a name to the place it lies in: "Kaya village in the Maradun area", "Hodeida, Yemen", "El
#: Aguaje, a town in the municipality of Aguililla", "Bucha, a small town near Kyiv"
_LIES_IN = re.compile(r"(?:\s+(?:village|town|city|district|camp|area))?(?:\s*,|\s+in(?:\s+the)?)\s+"
                      r"(?P<said>(?:an?|the)\s+(?:[a-z]+\s+){0,2}?(?:village|town|city|hamlet|community|district|suburb)"
                      r"\s+(?:in|near|outside)\s+(?:the\s+)?(?:(?:[a-z]+\s+)?(?:municipality|district|province|state"
                      r"|region|county|department|governorate)\s+of\s+)?)?")


def drop_uncontained(text: str, cands: list[Candidate], choice: list, gaz, cfg) -> None:
    """A town named as lying in another place ("the village of Novoselivka in the Donetsk region") is
    read as its namesake nearest that place when its reading lies farther than ``contained_km`` from
    it and another reading lies nearer (the gazetteer has ten Novoselivkas in Ukraine); with no reading
    within ``focus_km`` it is a namesake ("Kaya village in the Maradun local government area": Kaya,
    Burkina Faso lies far from Maradun, Nigeria) and its choices (every mention of the name, read so)
    become None. An appositive that says so ("El Aguaje, a town in the municipality of Aguililla") puts
    it within ``contained_km`` of a town: a reading farther away is a namesake too."""
    starts = {c.start: ch for c, ch in zip(cands, choice) if ch is not None}
    moved: dict = {}
    for c, ch in zip(cands, choice):
        if ch is None or c.forced or c.dateline or gaz.kind(ch) != "city" or ch in gaz.capitals:
            continue
        m = _LIES_IN.match(text, c.end)
        outer = starts.get(m.end()) if m else None
        if outer is None or outer == ch or gaz.kind(outer) == "country" or not _far(gaz, ch, [outer], cfg.contained_km):
            continue
        near = nearest_reading(gaz, c.ids, outer, cfg.contained_km)
        if near is not None:
            moved[(name_key(c.text), ch)] = near
        elif _far(gaz, ch, [outer], cfg.contained_km if m is not None and m.group("said")
                  and gaz.kind(outer) == "city" else cfg.focus_km):
            moved[(name_key(c.text), ch)] = None
    for n, c in enumerate(cands):
        key = (name_key(c.text), choice[n])
        if key in moved:
            choice[n] = moved[key]


def nearest_reading(gaz, ids, outer: int, km: float):
    """The town among ``ids`` nearest the reading ``outer``, if one lies within ``km`` of it, else None."""
    best, best_km = None, km
    la2, lo2 = gaz.coords(outer)
    if math.isnan(la2):
        return None
    for j in ids:
        la, lo = gaz.coords(j)
        if gaz.kind(j) != "city" or math.isnan(la):
            continue
        d = haversine_km(la, lo, la2, lo2)
        if d <= best_km:
            best, best_km = j, d
    return best


def _far(gaz, i: int, points: list, km: float, countries: bool = False) -> bool:
    """Is reading ``i`` farther than ``km`` from every town or region among ``points`` (and, with
    ``countries``, from the point of every country among them)?"""
    la, lo = gaz.coords(i)
    if math.isnan(la):
        return False
    for j in points:
        if gaz.kind(j) == "country" and not countries:
            continue
        la2, lo2 = gaz.coords(j)
        if not math.isnan(la2) and haversine_km(la, lo, la2, lo2) <= km:
            return False
    return True


def drop_actor_states(cands: list[Candidate], choice: list, gaz) -> None:
    """A country or national capital none of whose mentions is locative is an actor only ("Russia
    said", "Iran-backed", "U.S. forces", "Myanmar's army"): its choices become None -- also in a story
    set there (GUIDELINES §9). "Turkey's government launched ..." stays when another mention says "in
    Turkey"."""
    located = {ch for c, ch in zip(cands, choice) if ch is not None and c.locative}
    for n, (c, ch) in enumerate(zip(cands, choice)):
        if ch is not None and ch not in located and c.label != "NORP" and is_state(gaz, ch, c.text):
            choice[n] = None  # (a demonym is a mention of its country only when asked for: demonyms=True)


def demonym_countries(doc, state_demonyms: dict, iso2, tagged: bool = True) -> Counter:
    """The countries whose people the story names ("the Georgian people" -> GE), per mention; the
    demonyms come from the knowledge base (``state_demonyms``: normalised demonym -> ISO3). With
    ``tagged`` only words the parser tags as a nationality count; without, any capitalised demonym
    ("the Georgian Ministry of Internal Affairs", inside a name)."""
    from ...kb import norm  # the KB loads on first use, as in candidates._kb_norm

    out: Counter = Counter()
    for t in doc:
        if t.text[:1].isupper() and (t.ent_type_ == "NORP" or not tagged):
            iso3 = state_demonyms.get(norm(t.text))
            cc = iso2(iso3) if iso3 else None
            if cc:
                out[cc] += 1
    return out


def drop_broad(cands: list[Candidate], choice: list, broad: frozenset, gaz) -> None:
    """Continents and broad regions ("the Middle East", "the Sahel", "Africa") are no places of a
    story (GUIDELINES §9): their choices become None."""
    for n, ch in enumerate(choice):
        if ch is not None and gaz.entry(ch).id in broad:
            choice[n] = None


#: how many words before a name (or after it) a division word may stand ("la province de l'Équateur",
#: "Equateur province")
_DIVISION_WORD_REACH = 3
_WORD = re.compile(r"\w+")


def division_word_near(text: str, c: Candidate, division_words: frozenset) -> bool:
    """A division word ("province", "région", "state") among the few words before or after the name."""
    before = _WORD.findall(text[max(0, c.start - 40):c.start])[-_DIVISION_WORD_REACH:]
    after = _WORD.findall(text[c.end:c.end + 20])[:1]
    return any(name_key(w) in division_words for w in before + after)


def home_divisions(text: str, cands: list[Candidate], choice: list, gaz, division_words: frozenset,
                   min_names: int) -> None:
    """A name read as a country that is also a first-level division of the story's country, with a
    division word beside it, is the division: the division's country is named by at least
    ``min_names`` other names (the dateline's among them), more than any other country, and the
    foreign country by none ("des miliciens ont attaqué un village de la province de l'Équateur" in a
    KINSHASA story with the DR Congo named is not Ecuador). A name that acts is left as it is
    ("l'Équateur a annoncé")."""
    if min_names <= 0:
        return
    keys = [name_key(c.text) for c in cands]
    keys_of_cc: dict = {}
    for c, ch, k in zip(cands, choice, keys):
        if ch is not None:
            keys_of_cc.setdefault(gaz.country_of(ch), set()).add(k)
    for n, (c, ch) in enumerate(zip(cands, choice)):
        if ch is None or gaz.kind(ch) != "country" or c.acts or c.metonym_cc:
            continue
        home = [j for j in c.ids if gaz.kind(j) in ("province", "admin1", "region")
                and gaz.country_of(j) not in (None, gaz.country_of(ch))]
        if not home or not division_word_near(text, c, division_words):
            continue
        named = Counter({cc: len(ks - {keys[n]}) for cc, ks in keys_of_cc.items() if cc})
        cc = gaz.country_of(home[0])
        if named.get(gaz.country_of(ch), 0) == 0 and named.get(cc, 0) >= min_names \
                and all(v < named[cc] for other, v in named.items() if other != cc):
            choice[n] = home[0]
