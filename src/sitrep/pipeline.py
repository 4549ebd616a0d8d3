"""The pipeline: stages in order, checked at construction, run on one article or on a batch.

    Article ─▶ language ─▶ nlp ─▶ actors ─▶ places ─▶ dates ─▶ events ─▶ quotes ─▶ claims ─▶ relations
                                                                      ─▶ contradictions ─▶ Document

A :class:`Pipeline` is picklable (its stages carry configuration, not models), so the same object runs
in this process, in a pool of processes (``pipe(..., n_process=2)``) or on Ray workers.

Every article has a time budget (:mod:`sitrep.limits`). :meth:`Pipeline.pipe` runs its batches in
supervised worker processes -- one by default, ``n_process`` for a pool, one under each Ray actor -- and
replaces a worker whose stage runs over an article's budget (:mod:`sitrep.supervise`); the article becomes
a failure with code E202 and the batch goes on.

Where the platform forks cheaply and safely (Linux), the workers are forked from this process after
:meth:`Pipeline.warm` has loaded every stage's resources here once: they start in milliseconds and share the
model's pages instead of each importing spaCy and loading the model, knowledge base and gazetteer again
(about 3 s a worker). Elsewhere (macOS, Windows), or with ``start_method="spawn"``, workers are spawned and
receive the pickled pipeline -- its configuration only -- and load the resources themselves.
"""

from __future__ import annotations

import importlib
import inspect
import time
import weakref
from functools import lru_cache
from typing import Iterable, Iterator, Optional, Sequence

from . import limits
from .core.article import Article, ArticleState, Failure
from .core.contract import Document
from .core.article import Outcome
from .core.batching import batches as _batches
from .distributed import ray_pipe
from .core.errors import PipelineOrderError, SitrepError
from .stages.base import Stage
from .stages.resources import Resources
from .supervise import (AlarmWatch, Supervisor, Watch, _Overrun, budget_off, budgets_for,
                        default_start_method, timeout_failure)

__all__ = ["STAGES", "Outcome", "Pipeline", "default_pipeline", "default_start_method", "stage_class"]

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


class Pipeline:
    """An ordered list of stages. ``Pipeline()`` is the full default pipeline.

    ``kb_paths`` adds the user's knowledge-base files; ``stage_config`` passes keyword arguments to
    individual stages (``{"nlp": {"model": "en_core_web_sm"}}``); ``article_timeout`` is the time budget
    of one article in seconds (``None``: the default of :mod:`sitrep.limits`, ``0``: none).
    """

    def __init__(self, stages: Optional[Sequence[Stage]] = None, *, kb_paths: Iterable[str] = (),
                 stage_config: Optional[dict[str, dict]] = None, batch_size: int = 16,
                 resources: Optional[Resources] = None, article_timeout: Optional[float] = None):
        self.kb_paths = tuple(str(p) for p in kb_paths)
        self.batch_size = batch_size
        #: the knowledge base, gazetteer and lexicons, loaded once for all of this pipeline's stages
        self.resources = resources if resources is not None else Resources(kb_paths=self.kb_paths)
        #: seconds per article (None: the default of :mod:`sitrep.limits`; 0: no budget)
        self.article_timeout = article_timeout
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

    def warm(self, language: str = "en") -> "Pipeline":
        """Load every stage's lazily loaded resources (model, knowledge base, gazetteer, lexicons) now, by
        running the pipeline on a short built-in article; returns the pipeline. ``language`` other than
        English loads that language's resources (its spaCy pipeline, triggers, names) instead."""
        article = Article(text=_WARM_UP_TEXTS[language], id="warm-up", published="2024-12-02",
                          language=None if language == "en" else language)
        budgets = [limits.WARM_UP_TIMEOUT_S]
        if AlarmWatch.available():
            with AlarmWatch() as watch:
                outcomes = self._run_batch([article], budgets=budgets, watch=watch)
        else:
            outcomes = self._run_batch([article], budgets=budgets)
        for outcome in outcomes:
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
    def run(self, article: Article, *, article_timeout: Optional[float] = None) -> Outcome:
        """Process one article in this process, within its time budget (``article_timeout`` seconds, else
        the pipeline's, else the default of :mod:`sitrep.limits`).

        On the main thread of a POSIX system a stage that runs over is interrupted by a SIGALRM timer
        (when no other timer is armed); that stops Python code, while a long C call ends first. Elsewhere
        the budget is checked when each stage ends. :meth:`pipe` runs articles in a supervised worker
        process instead, which stops anything. With a budget, the pipeline is warmed up first (once per
        process, see :meth:`warm`), so that loading the models never counts against the first article."""
        timeout = self.article_timeout if article_timeout is None else article_timeout
        budgets = budgets_for([article], timeout)
        if budgets[0] is not None:
            self._warm_quietly()   # the models load outside the article's budget (once per process)
        if budgets[0] is not None and AlarmWatch.available():
            with AlarmWatch() as watch:
                return self._run_batch([article], budgets=budgets, watch=watch)[0]
        return self._run_batch([article], budgets=budgets)[0]

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
    def _run_batch(self, articles: Sequence[Article], *, budgets: Optional[Sequence[Optional[float]]] = None,
                   watch: Optional[Watch] = None) -> list[Outcome]:
        """Run every stage on ``articles``; a stage that fails on one article fails that article only.

        ``budgets`` are the seconds each article may take (``None``: no limit); an article over its budget
        when a stage ends becomes a timeout failure (E202). ``watch`` (a :class:`sitrep.supervise.Watch`)
        is told when each stage starts and ends on an article, or on the whole batch (a stage with its own
        ``pipe``, such as the parser), so that a supervisor can stop a stage that runs over."""
        run = _BatchRun(articles, budgets, watch)
        for k, stage in enumerate(self.stages):
            alive = [i for i in range(run.n) if i not in run.failed]
            if not alive:
                break
            if not (type(stage).pipe is not Stage.pipe and run.whole_batch(k, stage, alive)):
                run.each_article(k, stage, alive)
            if "language" in stage.assigns:
                self._warm_languages(run.states[i].language for i in alive if i not in run.failed)
        return run.outcomes(len(self.stages))

    def _warm_languages(self, languages: Iterable[Optional[str]]) -> None:
        """Load the resources of each language other than English met for the first time in this process
        (the first French article's spaCy pipeline, triggers and names) outside the articles' time budgets:
        a budget is for reading an article, not for loading a model. An English run never loads them."""
        warmed = _WARMED_LANGUAGES.setdefault(self, set())
        for lang in dict.fromkeys(languages):
            if lang in (None, "en") or lang in warmed or lang not in _WARM_UP_TEXTS:
                continue
            warmed.add(lang)  # before warming: the warm-up article is in that language too
            try:
                self.warm(lang)
            except SitrepError:
                continue  # a broken resource fails each article of that language instead

    def _warm_quietly(self) -> None:
        """Warm up (see :meth:`warm`) once in this process, without raising: a broken stage fails each
        article instead."""
        if self in _WARMED:
            return
        try:
            self.warm()
        except SitrepError:
            return
        _WARMED.add(self)

    def pipe(self, articles: Iterable[Article], *, n_process: int = 1,
             batch_size: Optional[int] = None, ray_address: Optional[str] = None,
             start_method: Optional[str] = None, article_timeout: Optional[float] = None) -> Iterator[Outcome]:
        """Process many articles, in order, in batches, each within its time budget.

        ``n_process`` worker processes run the batches (one by default); ``ray_address`` ("local", "auto"
        or a cluster address) runs ``n_process`` Ray workers instead. Every article has a time budget
        (``article_timeout`` seconds, else the pipeline's, else the default of :mod:`sitrep.limits`); a
        stage that runs over it is stopped and the article comes out as a failure (code E202), see
        :mod:`sitrep.supervise`. ``article_timeout=0`` turns budgets off, and with one process runs the
        batches in this process.

        ``start_method`` ("fork" or "spawn") picks how workers start; by default they are forked
        from a warmed-up parent on Linux and spawned elsewhere (see the module docstring)."""
        batch_size = batch_size or self.batch_size
        timeout = self.article_timeout if article_timeout is None else article_timeout
        if ray_address:
            yield from ray_pipe(self, articles, num_workers=max(n_process, 1), batch_size=batch_size,
                                address=ray_address, article_timeout=timeout)
            return
        batches = _batches(articles, batch_size, alone_chars=limits.ALONE_CHARS)
        if n_process <= 1 and budget_off(timeout):
            for batch in batches:
                yield from self._run_batch(batch)
            return
        with Supervisor(self, n_process, start_method=start_method, timeout=timeout) as sup:
            yield from sup.run(batches)


#: the pipelines warmed up in this process (a forked worker inherits the set with the resources)
_WARMED: "weakref.WeakSet[Pipeline]" = weakref.WeakSet()

#: the languages other than English each pipeline has loaded in this process (see ``_warm_languages``)
_WARMED_LANGUAGES: "weakref.WeakKeyDictionary[Pipeline, set]" = weakref.WeakKeyDictionary()

#: a short article per language that touches every stage's resources (names, a place, a date, a quote, a number)
_WARM_UP_TEXTS = {
    "en": ("Rebels seize Aleppo\nSyrian rebels captured Aleppo on Sunday, officials in Damascus said. "
           "\"We will not negotiate,\" the defence minister told Reuters, adding that 20 soldiers died."),
    "fr": ("Les rebelles prennent Alep\nLes rebelles syriens se sont emparés d'Alep dimanche, ont indiqué des "
           "responsables à Damas. « Nous ne négocierons pas », a déclaré le ministre de la Défense, ajoutant "
           "que 20 soldats avaient été tués."),
}


@lru_cache(maxsize=4)
def default_pipeline(kb_paths: tuple[str, ...] = ()) -> Pipeline:
    """The full pipeline (with the user's KB files), built once per process (also ``sitrep.default_pipeline``)."""
    return Pipeline(kb_paths=kb_paths)


class _BatchRun:
    """One batch on its way through the stages (see :meth:`Pipeline._run_batch`): the states, the
    failures so far, and the time each article has spent against its budget."""

    def __init__(self, articles: Sequence[Article], budgets: Optional[Sequence[Optional[float]]],
                 watch: Optional[Watch]):
        self.articles = articles
        self.n = len(articles)
        self.states = [ArticleState(article=a) for a in articles]
        self.failed: dict[int, Failure] = {}
        self.budgets = list(budgets) if budgets is not None else [None] * self.n
        self.spent = [0.0] * self.n
        self.watch = watch

    def over(self, i: int, stage: str) -> bool:
        """Is article ``i`` over its budget now that ``stage`` ended? (Then it fails.)"""
        b = self.budgets[i]
        if b is not None and self.spent[i] > b:
            self.failed[i] = timeout_failure(self.articles[i], stage, self.spent[i], b, stopped=False)
            return True
        return False

    def stopped(self, i: int, stage: str) -> None:
        """Article ``i`` was stopped in ``stage`` by its alarm."""
        self.failed[i] = timeout_failure(self.articles[i], stage, self.spent[i], self.budgets[i] or self.spent[i],
                                         stopped=True)

    def call(self, k: int, i: int, name: str, fn):
        """``fn()`` for article ``i`` in stage ``k``: its time is charged to the article; an error or an
        overrun becomes the article's failure (returns None then)."""
        watch = self.watch
        if watch is not None:
            watch.enter(k, i, self.spent[i], self.budgets[i])
        t0 = time.monotonic()
        try:
            return fn()
        except _Overrun:
            self.spent[i] += time.monotonic() - t0
            t0 = None
            self.stopped(i, name)
        except Exception as err:  # noqa: BLE001 - a bad article never stops the batch
            a = self.articles[i]
            self.failed[i] = Failure.from_error(err, article_id=a.id, origin=a.origin, stage=name)
        finally:
            if watch is not None:
                watch.leave()
            if t0 is not None:
                self.spent[i] += time.monotonic() - t0
        return None

    def whole_batch(self, k: int, stage: Stage, alive: list[int]) -> bool:
        """Run a stage that reads the batch at once (the parser) on the ``alive`` articles, its time shared
        by text length. False when it failed: each article is then run alone (to find the bad one)."""
        watch, budgets, spent = self.watch, self.budgets, self.spent
        if watch is not None:
            if len(alive) == 1:
                watch.enter(k, alive[0], spent[alive[0]], budgets[alive[0]])
            else:
                left = [budgets[i] - spent[i] if budgets[i] is not None else None for i in alive]
                watch.enter_batch(k, None if None in left else sum(left))
        t0 = time.monotonic()
        overrun = False
        try:
            done = list(stage.pipe([self.states[i] for i in alive]))
        except _Overrun:
            done, overrun = None, True
        except Exception:  # noqa: BLE001 - isolate the article(s) that broke the batch
            done = None
        finally:
            if watch is not None:
                watch.leave()
        dt = time.monotonic() - t0
        total = sum(len(self.articles[i].text) for i in alive) or 1
        for i in alive:
            spent[i] += dt * len(self.articles[i].text) / total
        if overrun and len(alive) == 1:
            self.stopped(alive[0], stage.name)
            return True
        if done is None:
            return False
        for i, st in zip(alive, done):
            self.states[i] = st
            self.over(i, stage.name)
        return True

    def each_article(self, k: int, stage: Stage, alive: list[int]) -> None:
        """Run ``stage`` on each of the ``alive`` articles alone."""
        for i in alive:
            st = self.call(k, i, stage.name, lambda: stage(self.states[i]))
            if st is not None:
                self.states[i] = st
                self.over(i, stage.name)

    def outcomes(self, document: int) -> list[Outcome]:
        """The outcome of each article (``document`` is the stage number of writing the document)."""
        out = []
        for i, st in enumerate(self.states):
            doc = None
            if i not in self.failed:
                doc = self.call(document, i, "document", st.to_document)
                if doc is not None and self.over(i, "document"):
                    doc = None
            out.append(Outcome(article=st.article, document=doc, failure=self.failed.get(i)))
        return out
