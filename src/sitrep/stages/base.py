"""What a stage is.

A stage is a small picklable object with a ``name``, the :class:`~sitrep.article.ArticleState` fields it
``needs`` and the fields it ``assigns``. It is called on one state (``stage(state)``) or on a batch
(``stage.pipe(states)``); both return the states with the stage's fields set. Heavy resources (models,
gazetteers, lexicons) are loaded lazily, once per process, and never pickled: a stage ships to a worker
(multiprocessing or Ray) as its configuration only.
"""

from __future__ import annotations

from typing import ClassVar, Iterable, Iterator

from ..article import ArticleState


class Stage:
    name: ClassVar[str] = "stage"
    needs: ClassVar[tuple[str, ...]] = ("article",)
    assigns: ClassVar[tuple[str, ...]] = ()

    def __call__(self, state: ArticleState) -> ArticleState:
        self.process(state)
        state.assigned.update(self.assigns)
        return state

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
