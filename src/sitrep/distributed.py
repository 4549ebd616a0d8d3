"""Scale-out on Ray: the same :class:`~sitrep.pipeline.Pipeline`, run by Ray actors.

    import ray, sitrep
    from sitrep.distributed import ray_pipe
    ray.init()                                  # or ray.init(address="auto") on a cluster
    for outcome in ray_pipe(sitrep.Pipeline(), articles, num_workers=8):
        ...

Each Ray actor receives the pickled pipeline (configuration only) once and loads the spaCy model and
the knowledge base once, then processes batches; outcomes come back in input order. Each actor runs its
batches in one supervised worker process of its own (:mod:`sitrep.supervise`, forked from the actor
after it has loaded the models), so that an article over its time budget is stopped there like
everywhere else and becomes a failure with code E202. Ray is an optional dependency
(``pip install 'sitrep[ray]'``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from . import limits
from .core.article import Article
from .core.batching import batches as _batches
from .core.errors import ConfigError
from .supervise import Supervisor, budget_off

if TYPE_CHECKING:  # the pipeline imports this module to run on Ray; a Ray worker only needs its pickle
    from .pipeline import Outcome, Pipeline


def _ray():
    try:
        import ray
    except ImportError:
        raise ConfigError("Ray is not installed; `pip install 'sitrep[ray]'`") from None
    return ray


class _Worker:
    def __init__(self, pipeline: "Pipeline", article_timeout: Optional[float] = None):
        self.pipeline = pipeline
        self.article_timeout = article_timeout
        self.supervisor: Optional[Supervisor] = None

    def run(self, batch: list[Article]) -> list[Outcome]:
        if budget_off(self.article_timeout):
            return list(self.pipeline._run_batch(batch))
        if self.supervisor is None:  # one worker process for the actor's life (replaced when stopped)
            self.supervisor = Supervisor(self.pipeline, 1, timeout=self.article_timeout).__enter__()
        return list(self.supervisor.run([batch]))


def ray_pipe(pipeline: Pipeline, articles: Iterable[Article], *, num_workers: int = 2,
             batch_size: Optional[int] = None, num_cpus_per_worker: float = 1,
             address: Optional[str] = "local", article_timeout: Optional[float] = None) -> Iterator[Outcome]:
    """Process ``articles`` on ``num_workers`` Ray actors, yielding outcomes in input order.

    ``address`` is "local" (start Ray in this machine, the default), "auto" (join the running cluster)
    or a cluster address; an already initialised Ray is used as it is. ``article_timeout`` is the time
    budget of one article (see :meth:`Pipeline.pipe <sitrep.pipeline.Pipeline.pipe>`)."""
    ray = _ray()
    if not ray.is_initialized():
        if address in (None, "local"):
            ray.init(num_cpus=max(num_workers, 1), include_dashboard=False, log_to_driver=False)
        else:
            ray.init(address=address, log_to_driver=False)
    from ray.util import ActorPool

    Worker = ray.remote(num_cpus=num_cpus_per_worker)(_Worker)
    ref = ray.put(pipeline)
    pool = ActorPool([Worker.remote(ref, article_timeout) for _ in range(num_workers)])
    batches = _batches(articles, batch_size or pipeline.batch_size, alone_chars=limits.ALONE_CHARS)
    for outcomes in pool.map(lambda actor, batch: actor.run.remote(batch), batches):
        yield from outcomes
