"""The pipeline: stages in order, checked at construction, run on one article or on a batch.

    Article ─▶ language ─▶ nlp ─▶ actors ─▶ places ─▶ dates ─▶ events ─▶ quotes ─▶ claims ─▶ relations
                                                                      ─▶ contradictions ─▶ Document

A :class:`Pipeline` is picklable (its stages carry configuration, not models), so the same object runs
in this process, in a pool of processes (``pipe(..., n_process=2)``) or on Ray workers.

Where the platform forks cheaply and safely (Linux), the pool's workers are forked from this process after
:meth:`Pipeline.warm` has loaded every stage's resources here once: they start in milliseconds and share the
model's pages instead of each importing spaCy and loading the model, knowledge base and gazetteer again
(about 3 s a worker). Elsewhere (macOS, Windows), or with ``start_method="spawn"``, workers are spawned and
receive the pickled pipeline -- its configuration only -- and load the resources themselves.
"""

from __future__ import annotations

import gc
import importlib
import inspect
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Optional, Sequence

from .article import Article, ArticleState, Failure
from .contract import Document
from .core.batching import chunks as _chunks
from .distributed import ray_pipe
from .errors import PipelineOrderError, SitrepError
from .stages.base import Stage
from .stages.resources import Resources

#: stage name -> "module:Class"; the default pipeline runs them in this order.
STAGES: dict[str, str] = {
    "language": "sitrep.stages.language:LanguageStage",
    "nlp": "sitrep.stages.nlp:NlpStage",
    "actors": "sitrep.stages.actors:ActorsStage",
    "places": "sitrep.stages.places:PlacesStage",
    "dates": "sitrep.stages.dates:DatesStage",
    "events": "sitrep.stages.events:EventsStage",
    "quotes": "sitrep.stages.quotes:QuotesStage",
    "claims": "sitrep.stages.claims:ClaimsStage",
    "relations": "sitrep.stages.relations:RelationsStage",
    "contradictions": "sitrep.stages.contradictions:ContradictionsStage",
}


def stage_class(name: str) -> type[Stage]:
    try:
        module, cls = STAGES[name].split(":")
    except KeyError:
        raise PipelineOrderError(f"unknown stage {name!r}; known stages: {', '.join(STAGES)}") from None
    return getattr(importlib.import_module(module), cls)


@dataclass
class Outcome:
    """What the pipeline made of one article: a document, or a failure with its reason."""

    article: Article
    document: Optional[Document] = None
    failure: Optional[Failure] = None

    @property
    def ok(self) -> bool:
        return self.document is not None


class Pipeline:
    """An ordered list of stages. ``Pipeline()`` is the full default pipeline.

    ``kb_paths`` adds the user's knowledge-base files; ``stage_config`` passes keyword arguments to
    individual stages (``{"nlp": {"model": "en_core_web_sm"}}``).
    """

    def __init__(self, stages: Optional[Sequence[Stage]] = None, *, kb_paths: Iterable[str] = (),
                 stage_config: Optional[dict[str, dict]] = None, batch_size: int = 16,
                 resources: Optional[Resources] = None):
        self.kb_paths = tuple(str(p) for p in kb_paths)
        self.batch_size = batch_size
        #: the knowledge base, gazetteer and lexicons, loaded once for all of this pipeline's stages
        self.resources = resources if resources is not None else Resources(kb_paths=self.kb_paths)
        if stages is None:
            cfg = stage_config or {}
            stages = []
            for name in STAGES:
                kwargs = dict(cfg.get(name, {}))
                cls = stage_class(name)
                if "kb_paths" in inspect.signature(cls).parameters:
                    kwargs.setdefault("kb_paths", self.kb_paths)
                stages.append(cls(**kwargs))
        self.stages: list[Stage] = [s.use_resources(self.resources) for s in stages]
        self._check_order()

    def _check_order(self) -> None:
        available = {"article"}
        for stage in self.stages:
            missing = [n for n in stage.needs if n not in available]
            if missing:
                raise PipelineOrderError(
                    f"stage {stage.name!r} needs {missing}, which no earlier stage assigns; "
                    f"put a stage that assigns them before it", stage=stage.name)
            available.update(stage.assigns)

    def warm(self) -> "Pipeline":
        """Load every stage's lazily loaded resources (model, knowledge base, gazetteer, lexicons) now, by
        running the pipeline on a short built-in article; returns the pipeline."""
        for outcome in self._run_batch([Article(text=_WARM_UP_TEXT, id="warm-up", published="2024-12-02")]):
            if outcome.failure is not None:
                f = outcome.failure
                err = SitrepError(f"warming the pipeline up failed: {f.reason}", stage=f.stage)
                err.code = f.code
                raise err
        return self

    def describe(self, *, config: bool = False) -> list[dict]:
        """Each stage's name, the fields it needs and assigns, and (``config=True``) its settings."""
        out = []
        for s in self.stages:
            d = {"name": s.name, "needs": list(s.needs), "assigns": list(s.assigns)}
            if config:
                cfg = getattr(s, "config", None)
                d["config"] = cfg.as_dict() if cfg is not None else s.default_config()
            out.append(d)
        return out

    # -- one article -------------------------------------------------------------------------
    def run(self, article: Article) -> Outcome:
        return next(self._run_batch([article]))

    def __call__(self, article: Article) -> Document:
        """Process one article and return its document; raise the :class:`SitrepError` on failure."""
        outcome = self.run(article)
        if outcome.failure is not None:
            f = outcome.failure
            err = SitrepError(f.reason, article_id=f.article_id, stage=f.stage)
            err.code = f.code
            raise err
        return outcome.document

    # -- batches -----------------------------------------------------------------------------
    def _run_batch(self, articles: Sequence[Article]) -> Iterator[Outcome]:
        states = [ArticleState(article=a) for a in articles]
        failed: dict[int, Failure] = {}
        for stage in self.stages:
            alive = [i for i in range(len(states)) if i not in failed]
            if not alive:
                break
            try:
                done = list(stage.pipe([states[i] for i in alive]))
                for i, st in zip(alive, done):
                    states[i] = st
            except Exception:  # isolate the article(s) that broke the batch
                for i in alive:
                    try:
                        states[i] = stage(states[i])
                    except Exception as err:  # noqa: BLE001 - a bad article never stops the batch
                        failed[i] = Failure.from_error(err, article_id=states[i].article.id,
                                                       origin=states[i].article.origin, stage=stage.name)
        for i, st in enumerate(states):
            if i in failed:
                yield Outcome(article=st.article, failure=failed[i])
                continue
            try:
                yield Outcome(article=st.article, document=st.to_document())
            except Exception as err:  # noqa: BLE001
                yield Outcome(article=st.article, failure=Failure.from_error(
                    err, article_id=st.article.id, origin=st.article.origin, stage="document"))

    def pipe(self, articles: Iterable[Article], *, n_process: int = 1,
             batch_size: Optional[int] = None, ray_address: Optional[str] = None,
             start_method: Optional[str] = None) -> Iterator[Outcome]:
        """Process many articles, in order, in batches; ``n_process > 1`` uses a process pool;
        ``ray_address`` ("local", "auto" or a cluster address) runs ``n_process`` Ray workers instead.

        ``start_method`` ("fork" or "spawn") picks how pool workers start; by default they are forked
        from a warmed-up parent on Linux and spawned elsewhere (see the module docstring)."""
        batch_size = batch_size or self.batch_size
        if ray_address:
            yield from ray_pipe(self, articles, num_workers=max(n_process, 1), batch_size=batch_size,
                                address=ray_address)
            return
        batches = _chunks(articles, batch_size)
        if n_process <= 1:
            for batch in batches:
                yield from self._run_batch(batch)
            return
        import multiprocessing as mp

        ctx = mp.get_context(start_method or default_start_method())
        forked = ctx.get_start_method() == "fork"
        if forked:
            self.warm()  # the workers inherit the loaded resources
            gc.freeze()  # ... and the collector in a worker then leaves the inherited objects (and their
            #            pages, shared with this process) alone instead of copying them all on its first pass
        try:
            with ProcessPoolExecutor(max_workers=n_process, mp_context=ctx,
                                     initializer=_worker_init, initargs=(self,)) as pool:
                pending = []
                for batch in batches:
                    pending.append(pool.submit(_worker_run, batch))
                    if len(pending) >= n_process * 2:
                        yield from pending.pop(0).result()
                for fut in pending:
                    yield from fut.result()
        finally:
            if forked:
                gc.unfreeze()


#: a short article that touches every stage's resources (names, a place, a date, a quote, a number)
_WARM_UP_TEXT = ("Rebels seize Aleppo\nSyrian rebels captured Aleppo on Sunday, officials in Damascus said. "
                 "\"We will not negotiate,\" the defence minister told Reuters, adding that 20 soldiers died.")


def default_start_method() -> str:
    """"fork" on Linux (cheap, and forked workers share the warmed parent's model), "spawn" elsewhere:
    macOS system libraries are not fork-safe, and Windows cannot fork."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


_WORKER_PIPELINE: Optional[Pipeline] = None


def _worker_init(pipeline: Pipeline) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline


def _worker_run(batch: list[Article]) -> list[Outcome]:
    assert _WORKER_PIPELINE is not None
    return list(_WORKER_PIPELINE._run_batch(batch))


@lru_cache(maxsize=4)
def default_pipeline(kb_paths: tuple[str, ...] = ()) -> Pipeline:
    """The full pipeline (with the user's KB files), built once per process (also ``sitrep.default_pipeline``)."""
    return Pipeline(kb_paths=kb_paths)
