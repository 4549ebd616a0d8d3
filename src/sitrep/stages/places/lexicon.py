"""The word lists and patterns of the places stage, read from data files and validated.

Three files feed the stage:

* ``sitrep/kb/data/regions.yaml``, section ``cues`` -- locative prepositions ("in", "near"),
  direction words ("northwest Syria"), division words ("Idlib province"), capitalised words that are
  never places ("March", "Police"), civic words ("the Athens Police Department"), street words, and the
  verbs whose addressee is a government ("reach out to Moscow");
* ``sitrep/data/place_cues.yaml`` -- patterns of news copy: datelines, party tags, institution heads,
  coordinated divisions, demonym endings, frame nouns ("the town of"), coordinators;
* ``sitrep/data/place_senses.yaml`` -- the words after a country's name that make it a town's
  ("Jordan Elementary", "a Lebanon woman").

Each file has a pydantic model, so that a typo fails with the file and the field. The loaders take
their inputs (the regions data, the gazetteer) as arguments: the stage gets them through its
:class:`~sitrep.stages.resources.Resources` (names ``"place_words"``, ``"place_cues"``,
``"place_senses"``), so a test can give it another gazetteer and the patterns follow it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ... import limits
from ...core.datafiles import load_data
from ...lexicon import fill
from ...core.errors import KnowledgeBaseError

CUES_FILE = "sitrep/data/place_cues.yaml"
SENSES_FILE = "sitrep/data/place_senses.yaml"
REGIONS_FILE = "sitrep/kb/data/regions.yaml"


def _validated(model: type[BaseModel], raw: Any, where: str) -> Any:
    """``raw`` checked against ``model``; the first problem as a KnowledgeBaseError (file and field)."""
    if not isinstance(raw, dict):
        raise KnowledgeBaseError("expected a mapping", file=where)
    try:
        return model.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(x) for x in first["loc"]) or None
        raise KnowledgeBaseError(first["msg"], file=where, field=field) from None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# -- regions.yaml: cues ------------------------------------------------------------------------
class RegionCuesModel(BaseModel):
    """The ``cues`` section of the regions file (other readers may keep more lists there)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    locative_prepositions: list[str] = []
    direction_words: list[str] = []
    division_words: list[str] = []
    not_places: list[str] = []
    civic_words: list[str] = []
    street_words: list[str] = []
    metonym_governors: list[str] = []


@dataclass(frozen=True)
class PlaceWords:
    """The regions file's cue words, lower-cased where they are compared with lower-cased tokens."""

    loc: frozenset    #: locative prepositions: "fighting in Aleppo"
    dir: frozenset    #: direction words: "northwest Syria"
    div: frozenset    #: division words: "Idlib province"
    stop: frozenset   #: capitalised words that are never places alone ("March", "Police"), as written
    civic: frozenset  #: words after a town opening an institution's name: "the Athens Police Department"
    street: frozenset  #: "Main Street", "Memphis St."
    speak: frozenset  #: verbs whose addressee is a government: "reach out to Moscow"


def place_words(regions: dict) -> PlaceWords:
    """The cue words of the (already validated) regions data."""
    raw = regions.get("cues") or {}
    m = _validated(RegionCuesModel, raw, REGIONS_FILE)
    low = lambda ws: frozenset(w.lower() for w in ws)  # noqa: E731
    return PlaceWords(loc=low(m.locative_prepositions), dir=low(m.direction_words), div=low(m.division_words),
                      stop=frozenset(m.not_places), civic=low(m.civic_words), street=low(m.street_words),
                      speak=low(m.metonym_governors))


# -- place_senses.yaml -------------------------------------------------------------------------
class PlaceSensesModel(_Strict):
    format: str
    municipal_words: list[str]
    resident_nouns: list[str]
    people_names: list[str] = []
    people_before: list[str] = []
    people_after: list[str] = []
    title_before: list[str] = []
    office_heads: list[str] = []
    holiday_after: list[str] = []

    @field_validator("format")
    @classmethod
    def _format(cls, v: str) -> str:
        if v != "sitrep-place-senses/1":
            raise ValueError("not a place-senses file (format: sitrep-place-senses/1 expected)")
        return v

    @field_validator("municipal_words", "resident_nouns")
    @classmethod
    def _words(cls, v: list[str]) -> list[str]:
        if not v or not all(v):
            raise ValueError("must be a non-empty list of words")
        return v


def load_senses(raw: Optional[dict] = None) -> dict[str, frozenset]:
    """``data/place_senses.yaml`` validated: ``{"municipal_words": ..., "resident_nouns": ...}``,
    lower-cased word sets."""
    m = _validated(PlaceSensesModel, load_data("place_senses.yaml") if raw is None else raw, SENSES_FILE)
    return {"municipal_words": frozenset(w.lower() for w in m.municipal_words),
            "resident_nouns": frozenset(w.lower() for w in m.resident_nouns),
            "people_names": frozenset(w.lower() for w in m.people_names),
            "people_before": frozenset(w.lower() for w in m.people_before),
            "people_after": frozenset(w.lower() for w in m.people_after),
            "holiday_after": frozenset(m.holiday_after),  # (case kept: "St. Patrick's Day", not "a day")
            # (title and office words keep their case: "Police Kashmir", not "police in")
            "title_before": frozenset(m.title_before), "office_heads": frozenset(m.office_heads)}


# -- place_cues.yaml ---------------------------------------------------------------------------
class PlaceCuesModel(_Strict):
    dateline_agencies: list[str]
    dateline_dashes: list[str]
    party_letters: list[str]
    institution_heads: list[str]
    of_town_heads: list[str]
    name_abbreviations: dict[str, str] = {}
    event_heads: list[str] = []
    village_frames: list[str] = []
    coordinated_divisions: dict[str, str]
    county_divisions: list[str]
    not_places: list[str]
    person_named_civic: list[str]
    demonym_endings: dict[str, list[str]]
    not_demonyms: list[str]
    frame_nouns: list[str]
    coordinators: list[str]
    addressee_prepositions: list[str]
    setting_prepositions: list[str] = []
    motion_prepositions: list[str] = []
    recipient_objects: list[str] = []
    recipient_verbs: list[str] = []
    voiced_objects: list[str] = []
    travel_heads: list[str] = []
    border_heads: list[str] = []
    based_words: list[str] = []
    setting_sites: list[str] = []
    title_heads: list[str] = []
    seat_nouns: list[str] = []
    person_heads: list[str] = []
    unit_heads: list[str] = []
    assault_heads: list[str] = []
    of_place_heads: list[str] = []
    place_heads: list[str] = []
    setting_modifiers: list[str] = []
    control_qualifiers: list[str] = []
    example_prepositions: list[str] = []
    setting_events: list[str] = []
    assault_verbs: list[str] = []
    assault_prepositions: list[str] = ["on", "at"]
    of_prepositions: list[str] = ["of"]
    name_articles: list[str] = []
    person_roles: list[str] = []


class SettingCuesModel(_Strict):
    """``data/place_cues_<lang>.yaml``: another language's cues of the story's setting, read in place of
    the same lists of ``place_cues.yaml`` (the news-copy patterns stay the English file's)."""

    format: str
    setting_prepositions: list[str]
    motion_prepositions: list[str] = []
    assault_prepositions: list[str] = []
    assault_heads: list[str] = []
    assault_verbs: list[str] = []
    of_prepositions: list[str] = []
    of_place_heads: list[str] = []
    setting_events: list[str] = []
    example_prepositions: list[str] = []
    place_heads: list[str] = []
    setting_modifiers: list[str] = []
    person_roles: list[str] = []
    #: a dateline of this language: "KIEV, 21 novembre (Agence) -" (the months, lower case)
    dateline_months: list[str] = []

    @field_validator("format")
    @classmethod
    def _format(cls, v: str) -> str:
        if v != "sitrep-setting-cues/1":
            raise ValueError("not a setting-cues file (format: sitrep-setting-cues/1 expected)")
        return v


@dataclass(frozen=True)
class NewsCues:
    """``place_cues.yaml`` with the regular expressions built from it (see candidates.py)."""

    dateline: re.Pattern        #: "HAMMOND, Ind. (AP) --"
    comma_abbr: re.Pattern      #: "Sulpher, La."
    party: re.Pattern           #: "Sen. Jane Roe, D-Elkins,"
    coord: re.Pattern           #: "Jackson and Barrow counties"
    divisions: dict             #: "counties" -> "County"
    county_divisions: frozenset  #: the division words that only name counties ("County", "Parish")
    heads: frozenset            #: "the Cookville Volunteer Fire Department"
    of_heads: frozenset         #: "University of Rochester"
    not_places: frozenset       #: "Law enforcement", "Metro Police"
    frames: frozenset           #: "the town of Tal Rifaat"
    person_named_civic: frozenset  #: "Reid Hospital"
    demonym_endings: list       #: [(ending, [replacements])], longest ending first
    not_demonyms: frozenset     #: "Victorian"
    coordinators: frozenset     #: what joins two coordinated names: "and", ", or" ...
    addressee_prepositions: frozenset  #: "talks with Tehran", "reach out to Moscow"
    #: the story's setting (focus.py): "fighting in Syria", "fled from Syria", "strikes on Kyiv", "the
    #: invasion of Ukraine", "Russia's Bryansk region", "neighbouring Iraq"
    setting_prepositions: frozenset = frozenset()
    motion_prepositions: frozenset = frozenset()
    recipient_objects: frozenset = frozenset()
    recipient_verbs: frozenset = frozenset()
    #: "drew condemnation from Beijing": "from" names who voices the verb's object
    voiced_objects: frozenset = frozenset()
    #: "visits to Kazakhstan": a motion preposition on a journey's noun locates
    travel_heads: frozenset = frozenset()
    #: "the border with Nigeria"
    border_heads: frozenset = frozenset()
    #: "the Tripoli-based government"
    based_words: frozenset = frozenset()
    #: "near Somalia's presidential palace": a site owned by the object of a setting preposition
    setting_sites: frozenset = frozenset()
    title_heads: frozenset = frozenset()
    seat_nouns: frozenset = frozenset()
    #: "the Bush administration": a small town's name before one of these is a person's
    person_heads: frozenset = frozenset()
    #: "the Azov regiment": a small town's name before one of these names an armed group
    unit_heads: frozenset = frozenset()
    assault_heads: frozenset = frozenset()
    of_place_heads: frozenset = frozenset()
    place_heads: frozenset = frozenset()
    setting_modifiers: frozenset = frozenset()
    control_qualifiers: frozenset = frozenset()
    example_prepositions: frozenset = frozenset()
    setting_events: frozenset = frozenset()
    assault_verbs: frozenset = frozenset()
    #: "strikes on Kyiv" (only on an assault head), "the invasion of Ukraine" (only on a frame or place head)
    assault_prepositions: frozenset = frozenset({"on", "at"})
    of_prepositions: frozenset = frozenset({"of"})
    #: lower-case articles that open a transliterated name with a hyphen ("al-Mayadeen", "el-Fasher")
    name_articles: frozenset = frozenset()
    #: nouns of a person's role: "Rivera, a union leader, said" -- the name before them is a person's
    person_roles: frozenset = frozenset()
    #: folded words of a name that stand for another ("st" -> "saint": "St. Cloud" is Saint Cloud's own name)
    name_abbreviations: tuple = ()
    #: "the Nashville Film Festival": an event's name, whose town is where it was held
    event_heads: frozenset = frozenset()
    #: "the village of Kalaba", "Kaya village": no big town is meant
    village_frames: frozenset = frozenset()

    def __getitem__(self, key: str) -> Any:  # the old dict interface: cues["heads"]
        return getattr(self, key)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def load_news_cues(gazetteer, raw: Optional[dict] = None) -> NewsCues:
    """``data/place_cues.yaml`` validated, with its patterns compiled; the AP abbreviations of the
    state-abbreviation pattern come from ``gazetteer``."""
    data = load_data("place_cues.yaml") if raw is None else raw
    if isinstance(data, dict):  # the frame nouns come from the shared lexicon unless the file has its own
        data = fill(dict(data), {"frame_nouns": ("place_frames", "places")})
    m = _validated(PlaceCuesModel, data, CUES_FILE)
    abbrs = [a for a in gazetteer.abbrevs if "." in a]
    dashes = [d for d in m.dateline_dashes if d != "-"]
    up = r"[A-Z][A-Z.'\u2019\-]*[A-Z.]"
    dateline = re.compile(
        r"(?:^|(?<=\n)|(?<=[.!?\"\u201d\u2019)] ))[ \t]*(?P<town>" + up + r"(?:[ \t]" + up + r"){0,3})"
        + r"(?:,[ \t]*(?P<st>[A-Z][A-Za-z.]*(?:[ \t][A-Z][A-Za-z.]*){0,2}?))?[ \t]*"
        + r"(?:\((?:" + _alt(m.dateline_agencies) + r"|(?P<cty>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}))\)[ \t]*)?"
        + r"(?:" + _alt(dashes) + r"|-[ \t])"
        # a story's opening in title case, with its country and a long dash: "Islamabad, Pakistan – "
        + r"|\A[ \t]*(?P<ttown>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?),[ \t]*(?P<tcty>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)"
        + r"[ \t]+[\u2013\u2014][ \t]")
    comma_abbr = re.compile(r"(?<=[A-Za-z.'\u2019], )(?P<ab>" + _alt(abbrs) + r")(?![A-Za-z])")
    party = re.compile(r"(?:(?<=, )|(?<=\())(?:" + _alt(m.party_letters) + r")-"
                       + r"(?P<town>[A-Z][a-z]+(?:[ \t.][A-Z][a-z]+)?)(?=[,);]|\.(?:\s|$|[,;)]))")
    name = r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?"
    # at most MAX_LIST_NAMES names: an unbounded list is re-read from every name of a long one (quadratic)
    # ... or one name after "the": "the Kasai provinces", "the Kivu provinces"
    coord = re.compile(r"(?P<list>(?:" + name + r"(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+))"
                       + "{1,%d}" % (limits.MAX_LIST_NAMES - 1) + name + r"|(?<=\bthe )" + name + r")[ \t]+"
                       + r"(?P<kind>" + _alt(m.coordinated_divisions) + r")\b")
    return NewsCues(
        dateline=dateline, comma_abbr=comma_abbr, party=party, coord=coord,
        divisions=dict(m.coordinated_divisions), county_divisions=frozenset(m.county_divisions),
        heads=frozenset(m.institution_heads), of_heads=frozenset(m.of_town_heads),
        not_places=frozenset(m.not_places), frames=frozenset(w.lower() for w in m.frame_nouns),
        person_named_civic=frozenset(w.lower() for w in m.person_named_civic),
        demonym_endings=sorted(((k, [str(x) for x in v]) for k, v in m.demonym_endings.items()),
                               key=lambda kv: -len(kv[0])),
        not_demonyms=frozenset(m.not_demonyms), coordinators=frozenset(m.coordinators),
        addressee_prepositions=frozenset(m.addressee_prepositions),
        setting_prepositions=_low(m.setting_prepositions), motion_prepositions=_low(m.motion_prepositions),
        recipient_objects=_low(m.recipient_objects), recipient_verbs=_low(m.recipient_verbs),
        voiced_objects=_low(m.voiced_objects), travel_heads=_low(m.travel_heads),
        border_heads=_low(m.border_heads), based_words=_low(m.based_words), setting_sites=_low(m.setting_sites),
        title_heads=_low(m.title_heads), seat_nouns=_low(m.seat_nouns),
        person_heads=_low(m.person_heads), unit_heads=_low(m.unit_heads),
        assault_heads=_low(m.assault_heads), of_place_heads=_low(m.of_place_heads),
        place_heads=_low(m.place_heads), setting_modifiers=_low(m.setting_modifiers),
        control_qualifiers=_low(m.control_qualifiers),
        example_prepositions=_low(m.example_prepositions), setting_events=_low(m.setting_events),
        assault_verbs=_low(m.assault_verbs), assault_prepositions=_low(m.assault_prepositions),
        of_prepositions=_low(m.of_prepositions), name_articles=_low(m.name_articles),
        person_roles=_low(m.person_roles),
        village_frames=_low(m.village_frames), event_heads=frozenset(m.event_heads),
        name_abbreviations=tuple(sorted((k.lower(), v.lower()) for k, v in m.name_abbreviations.items())))


def language_news_cues(base: NewsCues, language: str, raw: Optional[dict] = None) -> NewsCues:
    """``base`` (the English cues) with the setting cues of ``data/place_cues_<language>.yaml`` in place
    of its own; ``base`` itself when the language has no such file."""
    name = f"place_cues_{language}.yaml"
    if raw is None:
        try:
            raw = load_data(name)
        except FileNotFoundError:
            return base
    m = _validated(SettingCuesModel, raw, f"sitrep/data/{name}")
    fields: dict[str, Any] = {k: _low(v) for k, v in m.model_dump().items()
                              if k not in ("format", "dateline_months")}
    if m.dateline_months:
        fields["dateline"] = _dated_dateline(m.dateline_months)
    return dataclasses.replace(base, **fields)


def _dated_dateline(months: list[str]) -> re.Pattern:
    """A dateline with its date or its agency (or both): "KIEV, 21 novembre (Agence de presse) - ",
    "BEYROUTH, 1er décembre - ", "GAZA (AFP) - ". The agency in parentheses is the ``agency`` group (no
    place is read in it)."""
    up = r"[A-ZÀ-Ý][A-ZÀ-Ý.'’\-]*[A-ZÀ-Ý.]"
    return re.compile(
        r"(?:^|(?<=\n))[ \t]*(?P<town>" + up + r"(?:[ \t]" + up + r"){0,3})(?P<st>(?!))?"
        + r"(?=,[ \t]*\d|[ \t]*\()"
        + r"(?:,[ \t]*\d{1,2}(?:er)?[ \t]+(?:" + _alt(months) + r")\.?)?[ \t]*"
        + r"(?:\((?P<agency>[^()\n]{1,60})\)[ \t]*)?(?:-|–|—)[ \t]")


def _low(words) -> frozenset:
    return frozenset(w.lower() for w in words)


def broad_regions(regions: dict) -> frozenset:
    """The ids of the regions file's continents and broad regions (``broad: true``): "region:sahel"."""
    return frozenset(r["id"] for r in regions.get("regions") or [] if r.get("broad"))


# -- the knowledge base: demonyms of states ----------------------------------------------------
def state_demonyms(kb) -> dict[str, str]:
    """The knowledge base's demonyms of states: normalised demonym ("russian") -> ISO3."""
    from ...kb import norm

    out: dict[str, str] = {}
    for e in kb.entries.values():
        if e.kind == "state" and e.country:
            for d in e.demonyms:
                out.setdefault(norm(d), e.country)
    return out
