"""The actors stage itself: configuration, resources, and one :class:`~.builder.Builder` per article."""

from __future__ import annotations

from typing import Any, Iterable

from ...core.article import ArticleState
from ...geo.gazetteer import load_gazetteer
from ...kb import KnowledgeBase, load_kb
from ...kb.agents import load_agents, load_cues
from ..base import Stage
from .builder import Builder
from .config import ActorsConfig
from .data import ActorData, fuzzy_index, role_heads
from .output import output
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
    def _kb_name(self) -> tuple[str, tuple[str, ...]]:
        """The resource name of this stage's KB and the user files it holds: "kb" -- the pipeline's
        KB, shared with the other stages -- unless the stage was given its own files or leaves the
        package's KB out."""
        res = self.resources
        paths = self.config.kb_paths or res.kb_paths
        if self.config.kb_package and paths == res.kb_paths:
            return "kb", paths
        return f"kb[{';'.join(paths)}{'' if self.config.kb_package else '|no-package'}]", paths

    def kb(self) -> KnowledgeBase:
        """The knowledge base: the package's and the user's files."""
        name, paths = self._kb_name()
        return self.resources.get(name, lambda: load_kb(paths, self.config.kb_package))

    def data(self) -> ActorData:
        """Every resource the rules read, loaded on first use and kept on the stage (not pickled)."""
        data = self.__dict__.get("_res_actor_data")
        if data is None:
            res = self.resources
            kb = self.kb()
            agents = res.get("agents", load_agents)
            name, _ = self._kb_name()
            fuzzy = res.get(f"{name}/fuzzy_index/{self.config.fuzzy_min_chars}",
                            lambda: fuzzy_index(kb, self.config.fuzzy_min_chars))
            data = ActorData(kb=kb, agents=agents, cues=res.get("actor_cues", load_cues),
                             role_heads=role_heads(agents), fuzzy=fuzzy,
                             gazetteer=lambda: res.get("gazetteer", load_gazetteer),
                             sources=res.get("described_sources", load_source_words))
            self.__dict__["_res_actor_data"] = data
        return data

    def use_resources(self, resources):
        self.__dict__.pop("_res_actor_data", None)
        return super().use_resources(resources)

    # -- one article -------------------------------------------------------------------------
    def process(self, state: ArticleState) -> None:
        b = Builder(state, self.data(), self.config)
        b.run()
        state.actors, state.mentions = output(b)
