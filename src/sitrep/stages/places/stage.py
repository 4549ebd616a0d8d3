"""The places stage: candidates -> demonyms, streets, senses -> resolution -> places.

Resources (shared with the pipeline's other stages; a test gives its own with
``Resources(gazetteer=...)``):

* ``"gazetteer"`` -- :func:`sitrep.geo.gazetteer.load_gazetteer`;
* ``"regions"`` -- :func:`sitrep.geo.gazetteer.load_regions` (its ``cues`` give ``"place_words"``);
* ``"kb"`` -- the knowledge base with the pipeline's ``kb_paths`` (its demonyms of states give
  ``"state_demonyms"``);
* ``"place_cues"``, ``"place_senses"`` -- ``data/place_cues.yaml`` (patterns built with the
  gazetteer's abbreviations) and ``data/place_senses.yaml``;
* ``"street_lexicon"`` -- ``data/streets.yaml`` compiled (:func:`sitrep.geo.streets.build_lexicon`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Optional

from ...core.article import ArticleState
from ...geo.gazetteer import load_gazetteer, load_regions
from ...geo.streets import build_lexicon, find_streets
from ..base import Stage
from . import lexicon
from .candidate import Candidate
from .candidates import (_iso2, drop_non_place_senses, drop_unlocated_senses, find_candidates, municipal_senses,
                         outside_streets, take_control_qualifiers)
from .config import PlacesConfig
from .confidence import drop_unsure
from .demonyms import with_demonyms
from .focus import (demonym_countries, drop_actor_states, home_divisions, drop_broad, drop_far_namesakes, drop_foreign_seats,
                    drop_uncontained)
from .output import build_places, place_streets
from .resolve import resolve

_SETTINGS = frozenset(PlacesConfig.__dataclass_fields__)


class PlacesStage(Stage):
    name = "places"
    needs = ("article", "doc", "sentences", "actors", "mentions")
    assigns = ("places", "place_mentions",)
    Config = PlacesConfig

    def __init__(self, **settings: Any):
        #: the stage's settings (every field of :class:`PlacesConfig`, by keyword)
        self.config: PlacesConfig = self.make_config(**settings)

    def __getattr__(self, name: str) -> Any:
        # the settings read as attributes, as before the Config: ``stage.demonyms``
        cfg = self.__dict__.get("config")
        if cfg is not None and name in _SETTINGS:
            return getattr(cfg, name)
        raise AttributeError(name)

    # -- resources ------------------------------------------------------------------------------
    @property
    def gazetteer(self):
        base = self.resources.get("gazetteer", load_gazetteer)
        lang = self.__dict__.get("_res_language", "en")  # the article's, set by process
        if lang == "en":
            return base
        from ...kb.languages import language_gazetteer

        return self.resources.get(f"gazetteer:{lang}", lambda: language_gazetteer(base, lang))

    def _regions(self) -> dict:
        return self.resources.get("regions", load_regions)

    # A derived resource's inputs are fetched before asking for it: Resources.get holds its
    # (non-reentrant) lock while a loader runs, so a loader must not call get itself.
    def _words(self) -> lexicon.PlaceWords:
        regions = self._regions()
        return self.resources.get("place_words", lambda: lexicon.place_words(regions))

    def _news(self) -> lexicon.NewsCues:
        gaz = self.resources.get("gazetteer", load_gazetteer)
        base = self.resources.get("place_cues", lambda: lexicon.load_news_cues(gaz))
        lang = self.__dict__.get("_res_language", "en")  # the article's, set by process
        if lang in (None, "en"):
            return base
        return self.resources.get(f"place_cues:{lang}", lambda: lexicon.language_news_cues(base, lang))

    def _senses(self) -> dict:
        return self.resources.get("place_senses", lexicon.load_senses)

    def _state_demonyms(self) -> dict:
        kb = self._kb()
        return self.resources.get("state_demonyms", lambda: lexicon.state_demonyms(kb))

    def _kb(self):
        from ...kb import load_kb

        res = self.resources
        return res.get("kb", lambda: load_kb(res.kb_paths))

    def _broad(self) -> frozenset:
        regions = self._regions()
        return self.resources.get("broad_regions", lambda: lexicon.broad_regions(regions))

    def _street_lexicon(self) -> dict:
        regions = self._regions()
        return self.resources.get("street_lexicon", lambda: build_lexicon(regions))

    # -- the stage ------------------------------------------------------------------------------
    def candidates(self, state: ArticleState) -> list[Candidate]:
        """The article's place candidates, before streets, senses and resolution."""
        gaz, cfg = self.gazetteer, self.config
        cands = find_candidates(state, gaz, cfg, self._words(), self._news(), self._state_demonyms())
        if cfg.demonyms:
            cands = with_demonyms(state, cands, gaz, self._news(), self._state_demonyms(),
                                  cfg.demonym_city_population)
        return cands

    def resolve(self, cands: list[Candidate], state: Optional[ArticleState] = None) -> list[Optional[int]]:
        """The chosen gazetteer entry of each candidate (see :mod:`.resolve`); with the ``state``, the
        story's demonyms of states set its scene and the states it names only as actors, and broad
        regions, are left out (:mod:`.focus`; ``actor_countries``, ``broad_regions`` keep them)."""
        gaz, cfg = self.gazetteer, self.config
        scene = None
        if state is not None and not cfg.demonyms:  # with demonyms on they are candidates already
            scene = demonym_countries(state.doc, self._state_demonyms(), _iso2)
        text = state.text if state is not None else None
        choice = resolve(cands, gaz, cfg, scene, text, self._news().coordinators)
        if state is not None:
            home_divisions(state.text, cands, choice, gaz, self._words().div, cfg.home_division_min)
            drop_far_namesakes(cands, choice, gaz, cfg, scene or Counter())
            drop_uncontained(state.text, cands, choice, gaz, cfg)
        if state is not None and not cfg.actor_countries:
            drop_actor_states(cands, choice, gaz)
            drop_foreign_seats(cands, choice, gaz)
        if state is not None and not cfg.broad_regions:
            drop_broad(cands, choice, self._broad(), gaz)
        return choice

    def scored(self, state: ArticleState, scores: dict) -> None:
        """Called with each article's place scores (place id -> score, :mod:`.confidence`); a hook for
        ``scripts/place_curve.py``, which records them. Does nothing here."""

    def process(self, state: ArticleState) -> None:
        if state.doc is None:
            return
        self.__dict__["_res_language"] = state.language  # the names of the article's language
        gaz = self.gazetteer
        cands = self.candidates(state)
        streets = find_streets(state.doc, self._street_lexicon(), gaz) if self.config.streets else []
        cands = outside_streets(cands, streets, gaz)
        municipal_senses(state.text, cands, gaz, self._senses())
        cands, senses = drop_non_place_senses(state.text, cands, self._senses(), gaz)
        choice = self.resolve(cands, state)
        drop_unlocated_senses(cands, choice, senses)
        scores = drop_unsure(cands, choice, gaz, self.config)
        self.scored(state, {gaz.entry(i).id: s for i, s in scores.items()})
        take_control_qualifiers(state.text, cands, self._news())
        places, mentions = build_places(cands, choice, gaz)
        place_streets(state, streets, cands, choice, places, mentions, gaz,
                      lambda: demonym_countries(state.doc, self._state_demonyms(), _iso2, tagged=False))
        mentions.sort(key=lambda m: m.start)
        state.places = list(places.values())
        state.place_mentions = mentions
