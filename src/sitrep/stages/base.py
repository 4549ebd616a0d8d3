"""What a stage is.

A stage is a small picklable object with a ``name``, the :class:`~sitrep.article.ArticleState` fields it
``needs`` and the fields it ``assigns``. It is called on one state (``stage(state)``) or on a batch
(``stage.pipe(states)``); both return the states with the stage's fields set.

**Configuration.** Every tunable number and switch of a stage lives in one declared place: the stage's
``Config``, a frozen dataclass whose fields carry the defaults (spaCy's ``default_config`` idea). A
pipeline passes ``stage_config={"places": {"pair_weight": 2.5}}`` through to it; an unknown key is a
:class:`~sitrep.errors.ConfigError`. ``sitrep stages --config`` prints every stage's defaults.

**Resources.** Heavy data (models, knowledge base, gazetteer, lexicons) is not loaded by the stage
itself: it asks its :class:`~sitrep.stages.resources.Resources` -- one per pipeline, shared by its
stages, given at initialisation -- which loads each resource on first use. A test or a user gives a
stage another lexicon or gazetteer by passing ``Resources(gazetteer=my_gazetteer)``. Resources are never
pickled: a stage ships to a worker (multiprocessing or Ray) as its configuration only, and the worker
loads them again.
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, Iterable, Iterator, Optional

from ..core.article import ArticleState
from ..core.errors import ConfigError
from .resources import Resources


@dataclasses.dataclass(frozen=True)
class StageConfig:
    """The base of a stage's configuration: subclasses declare each field with its default and a
    ``#:`` comment saying what it tunes."""

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


class Stage:
    name: ClassVar[str] = "stage"
    needs: ClassVar[tuple[str, ...]] = ("article",)
    assigns: ClassVar[tuple[str, ...]] = ()
    #: the stage's configuration class; a stage without tunables keeps the empty base
    Config: ClassVar[type[StageConfig]] = StageConfig

    @classmethod
    def make_config(cls, **values: Any) -> StageConfig:
        """The stage's configuration: its defaults with ``values`` over them (a typed error for an
        unknown key)."""
        known = {f.name for f in dataclasses.fields(cls.Config)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"stage {cls.name!r} has no setting {', '.join(map(repr, unknown))}; "
                              f"its settings: {', '.join(sorted(known)) or 'none'}", stage=cls.name)
        return cls.Config(**values)

    @classmethod
    def default_config(cls) -> dict[str, Any]:
        """Every setting of the stage with its default value."""
        return cls.Config().as_dict()

    @property
    def resources(self) -> Resources:
        """The pipeline's shared resources (a private set when the stage was built alone)."""
        res = self.__dict__.get("_res_resources")
        if res is None:
            res = self.__dict__["_res_resources"] = Resources()
        return res

    def use_resources(self, resources: Optional[Resources]) -> "Stage":
        """Read heavy data from ``resources`` (the pipeline calls this with its own); returns the stage."""
        if resources is not None:
            self.__dict__["_res_resources"] = resources
        return self

    def __call__(self, state: ArticleState) -> ArticleState:
        with state.only(self.name, (*self.needs, *self.assigns)):
            self.process(state)
        self.finish(state)
        return state

    def run_alone(self, state: ArticleState) -> ArticleState:
        """Run the stage on a state built by hand (a test, a notebook): each field it needs that no
        stage assigned gets its empty default first, said on purpose rather than by accident."""
        state.provide(*self.needs)
        return self(state)

    def finish(self, state: ArticleState) -> None:
        """Mark the stage's fields assigned (a field the stage left unset takes the document's default)."""
        for name in self.assigns:
            if name not in state.__dict__:
                setattr(state, name, state.get(name))
        state.assigned.update(self.assigns)

    def process(self, state: ArticleState) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, states: Iterable[ArticleState]) -> Iterator[ArticleState]:
        for state in states:
            yield self(state)

    # Resources loaded lazily are cached on the instance under names starting with "_res_";
    # they are dropped when the stage is pickled and reloaded in the receiving process.
    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_res_")}

    def __setstate__(self, d: dict) -> None:
        self.__dict__.update(d)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}: needs {list(self.needs)} assigns {list(self.assigns)}>"
