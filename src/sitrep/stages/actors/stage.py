"""The actors stage itself: configuration, resources, and one :class:`~.builder.Builder` per article."""

from __future__ import annotations

from typing import Any, Iterable

from ...core.article import ArticleState
from ...geo.gazetteer import load_gazetteer
from ...kb import KnowledgeBase, load_kb
from ...kb.agents import language_cues, load_agents, load_cues
from ...kb.languages import language_agents_path, language_kb_key, load_language_kb
from ..base import Stage
from .builder import Builder
from .config import ActorsConfig
from .data import ActorData, fuzzy_index, role_heads
from .output import output
from .entities import load_entity_words
from .sources import load_source_words


class ActorsStage(Stage):
    """Who is who in the article: ``state.actors`` and ``state.mentions`` (see the package docstring).

    ``kb_paths`` are the user's KB files (by default the pipeline's ``Resources.kb_paths``),
    ``kb_package=False`` leaves the package's KB out, ``fuzzy=False`` turns near-spelling matching off;
    every other setting of :class:`~.config.ActorsConfig` may be given as a keyword too.
    """

    name = "actors"
    #: the article (its text and publication date), the parsed doc and its sentences (the rules read
    #: sentence boundaries from the doc)
    needs = ("article", "doc", "sentences",)
    assigns = ("actors", "mentions",)
    Config = ActorsConfig

    def __init__(self, kb_paths: Iterable[str] = (), kb_package: bool = True, fuzzy: bool = True, **config: Any):
        self.config = self.make_config(kb_paths=tuple(str(p) for p in kb_paths), kb_package=kb_package,
                                       fuzzy=fuzzy, **config)

    @property
    def kb_paths(self) -> tuple[str, ...]:
        return self.config.kb_paths

    @property
    def kb_package(self) -> bool:
        return self.config.kb_package

    @property
    def fuzzy(self) -> bool:
        return self.config.fuzzy

    # -- resources ---------------------------------------------------------------------------
    def _kb_name(self, language: str = "en") -> tuple[str, tuple[str, ...]]:
        """The resource name of this stage's KB and the user files it holds: "kb" -- the pipeline's
        KB, shared with the other stages -- unless the stage was given its own files or leaves the
        package's KB out; "kb:fr" and so on for the KB read in another language."""
        res = self.resources
        paths = self.kb_paths or res.kb_paths
        key = language_kb_key(language)
        if self.kb_package and paths == res.kb_paths:
            return key, paths
        return f"{key}[{';'.join(paths)}{'' if self.kb_package else '|no-package'}]", paths

    def kb(self, language: str = "en") -> KnowledgeBase:
        """The knowledge base: the package's and the user's files (and the names in ``language``)."""
        name, paths = self._kb_name(language)
        if language_kb_key(language) == "kb":
            return self.resources.get(name, lambda: load_kb(paths, self.kb_package))
        return self.resources.get(name, lambda: load_language_kb(paths, language, self.kb_package))

    def data(self, language: str = "en") -> ActorData:
        """Every resource the rules read, loaded on first use and kept on the stage (not pickled)."""
        slot = "_res_actor_data" if language_kb_key(language) == "kb" else f"_res_actor_data:{language}"
        data = self.__dict__.get(slot)
        if data is None:
            res = self.resources
            kb = self.kb(language)
            agents = res.get("agents", load_agents) if slot == "_res_actor_data" else \
                res.get(f"agents:{language}", lambda: load_agents(language_agents_path(language)))
            name, _ = self._kb_name(language)
            fuzzy = res.get(f"{name}/fuzzy_index/{self.config.fuzzy_min_chars}",
                            lambda: fuzzy_index(kb, self.config.fuzzy_min_chars))
            cues = res.get("actor_cues", load_cues) if slot == "_res_actor_data" else \
                res.get(f"actor_cues:{language}", lambda: language_cues(language))
            data = ActorData(kb=kb, agents=agents, cues=cues,
                             role_heads=role_heads(agents), fuzzy=fuzzy,
                             gazetteer=lambda: res.get("gazetteer", load_gazetteer),
                             sources=res.get("described_sources", load_source_words) if slot == "_res_actor_data"
                             else res.get(f"described_sources:{language}", lambda: load_source_words(language)),
                             entities=res.get("described_entities", load_entity_words) if slot == "_res_actor_data"
                             else load_entity_words(language))
            self.__dict__[slot] = data
        return data

    def use_resources(self, resources):
        for slot in [k for k in self.__dict__ if k.startswith("_res_actor_data")]:
            self.__dict__.pop(slot)
        return super().use_resources(resources)

    # -- one article -------------------------------------------------------------------------
    def process(self, state: ArticleState) -> None:
        b = Builder(state, self.data(state.language), self.config)
        b.run()
        state.actors, state.mentions = output(b)
