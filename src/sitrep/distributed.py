"""Scale-out on Ray: the same :class:`~sitrep.pipeline.Pipeline`, run by a pool of Ray actors through
Ray Data.

    import sitrep
    from sitrep.distributed import ray_pipe
    for outcome in ray_pipe(sitrep.Pipeline(), articles, num_workers=8, address="10.0.0.5:6379"):
        ...

How a run goes (:func:`ray_pipe`): the articles become a Ray Data dataset (:func:`articles_dataset`, blocks
of a few batches each), ``map_batches`` runs them on an actor pool (``concurrency=num_workers``) whose
actors load the pipeline once each (:class:`ExtractActor`), and the driver reads the results as they
stream back (Ray Data's streaming executor holds the pool back when the driver does not keep up). Datasets
read by Ray itself (``ray.data.read_json`` / ``read_parquet`` of a JSONL or Parquet corpus with ``id``,
``text``, ...) go through the same actors with :func:`extract_dataset`.

Every article still has its time budget: each actor runs its batches in one supervised worker process of
its own (:mod:`sitrep.supervise`, forked from the actor after it has loaded the models), so an article
over its budget is stopped there like everywhere else and becomes a failure with code E202 (E203 when
that worker dies). An actor that dies itself (a node lost, a process killed) is restarted by Ray and its
batch run again; an article whose result never comes back becomes an E203 failure on the driver, so that
every article given comes out exactly once, as a document or a failure.

Who writes the documents: with an embedded DuckDB store only one process may write, so the documents
come back to the driver, which writes them (``Store.ingest``). A store that takes concurrent writers
(PostgreSQL, :func:`workers_write`) is written by the actors themselves, in one transaction per batch,
through a *sink* -- ``open_sink()`` returns an object with ``write_batch(items, replace=ids)`` (the
:class:`~sitrep.situation.store.Store` method) -- and only a line per article comes back
(:func:`ray_write`).

Connecting (:func:`connect`): "local" starts a Ray on this machine; "auto" joins the one running here
(else starts one); anything else (``host:port``, ``ray://host:10001``) joins that cluster. Ray clusters
use token authentication: a token given in ``RAY_AUTH_TOKEN`` (or a file in ``RAY_AUTH_TOKEN_PATH``) is
used; ``RAY_AUTH_MODE=disabled`` on the cluster and here turns it off (a cluster on loopback in tests).
Ray is an optional dependency (``pip install 'sitrep[ray]'``).
"""

from __future__ import annotations

import inspect
import json
import logging
import math
import os
import pickle
import queue
import socket
import sys
import threading
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, Callable, Collection, Iterable, Iterator, Optional, Sequence

from . import limits
from .core.article import Article, Failure, Outcome
from .core.batching import batches as _batches
from .core.contract import Document
from .core.errors import ClusterError, ConfigError, WorkerLostError
from .supervise import Supervisor, budget_off, budgets_for

if TYPE_CHECKING:  # the pipeline imports this module to run on Ray; a Ray worker only needs its pickle
    from .pipeline import Pipeline

#: dataset blocks hold this many batches (small blocks stream; too small ones cost Ray overhead)
BATCHES_PER_BLOCK = 2
#: result batches read ahead of the driver (beyond them Ray Data's back-pressure holds the actors back)
RESULTS_QUEUED = 4
#: how long joining a cluster may take to open a connection to its head (seconds)
CONNECT_TIMEOUT_S = 5.0
#: URL schemes of the stores that take concurrent writers: Ray workers write to them directly
CONCURRENT_STORES = ("postgresql://", "postgres://")


def _ray():
    try:
        import ray
    except ImportError:
        raise ConfigError("Ray is not installed; `pip install 'sitrep[ray]'`") from None
    return ray


# -- connecting --------------------------------------------------------------------------------------

def auth_env(env: Optional[dict] = None) -> dict:
    """The environment to join a cluster with: a token in ``RAY_AUTH_TOKEN`` or ``RAY_AUTH_TOKEN_PATH``
    turns token authentication on (``RAY_AUTH_MODE=token``) unless ``RAY_AUTH_MODE`` says otherwise."""
    env = dict(os.environ if env is None else env)
    if "RAY_AUTH_MODE" not in env and (env.get("RAY_AUTH_TOKEN") or env.get("RAY_AUTH_TOKEN_PATH")):
        env["RAY_AUTH_MODE"] = "token"
    return env


def _use_auth_env() -> None:
    """Apply :func:`auth_env` to this process (Ray reads its configuration when it is imported: it is
    read again if Ray is imported already)."""
    mode = auth_env().get("RAY_AUTH_MODE")
    if not mode or os.environ.get("RAY_AUTH_MODE") == mode:
        return
    os.environ["RAY_AUTH_MODE"] = mode
    if "ray" in sys.modules:
        try:
            from ray._raylet import Config  # type: ignore[attr-defined]

            Config.initialize("")
        except (ImportError, AttributeError):  # pragma: no cover - another Ray version: set before import
            pass


def _check_reachable(address: str, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """A :class:`ClusterError` at once when nothing listens at ``address`` (``host:port`` or
    ``ray://host:port``): Ray itself would try again for minutes."""
    host, _, port = address.split("://", 1)[-1].rpartition(":")
    if not host or not port.isdigit():
        raise ClusterError(f"{address!r} is not a Ray address: give host:port (the head's GCS port, 6379 by "
                           "default) or ray://host:10001, or 'local' or 'auto'")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as err:
        raise ClusterError(f"no Ray cluster answers at {address} ({err.strerror or err}); start one with "
                           f"`ray start --head --port {port}` or check the address") from None


def connect(address: Optional[str] = "local", *, num_cpus: Optional[int] = None) -> None:
    """Start or join Ray (see the module docstring); an initialised Ray is used as it is."""
    if address not in (None, "local", "auto"):
        _use_auth_env()   # before Ray reads its configuration, when it can be
    ray = _ray()
    if ray.is_initialized():
        return
    quiet = {"log_to_driver": False, "logging_level": logging.WARNING}
    if address in (None, "local"):
        ray.init(num_cpus=num_cpus, include_dashboard=False, **quiet)
        return
    if address == "auto":
        try:
            ray.init(address="auto", **quiet)
        except ConnectionError:  # no Ray running here: start one
            ray.init(num_cpus=num_cpus, include_dashboard=False, **quiet)
        return
    _check_reachable(address)
    try:
        ray.init(address=address, **quiet)
    except Exception as err:  # noqa: BLE001 - Ray raises ConnectionError, RuntimeError, AuthenticationError...
        raise ClusterError(f"cannot join the Ray cluster at {address}: {err}. Check the address (host:port of "
                           "the head, or ray://host:10001); a cluster with token authentication needs its token "
                           "in RAY_AUTH_TOKEN (`ray get-auth-token` on the head); a cluster started with "
                           "RAY_AUTH_MODE=disabled needs RAY_AUTH_MODE=disabled here too") from None


def workers_write(store_url: Optional[str]) -> bool:
    """Whether Ray workers write their documents to the store themselves (a store that takes concurrent
    writers: PostgreSQL) rather than sending them back for the driver to write (DuckDB: one writer)."""
    return bool(store_url) and str(store_url).lower().startswith(CONCURRENT_STORES)


# -- the actor -------------------------------------------------------------------------------------

def _failure_json(f: Failure) -> str:
    return json.dumps(asdict(f))


def _failure(text: str) -> Failure:
    return Failure(**json.loads(text))


class _Worker:
    """One pipeline and its supervised worker process (kept for the actor's life, replaced when stopped)."""

    def __init__(self, pipeline: "Pipeline", article_timeout: Optional[float] = None):
        self.pipeline = pipeline
        self.article_timeout = article_timeout
        self.supervisor: Optional[Supervisor] = None

    def run(self, batch: list[Article]) -> list[Outcome]:
        parts = list(_batches(batch, self.pipeline.batch_size, alone_chars=limits.ALONE_CHARS))
        if budget_off(self.article_timeout):
            return [o for part in parts for o in self.pipeline._run_batch(part)]
        if self.supervisor is None:
            self.supervisor = Supervisor(self.pipeline, 1, timeout=self.article_timeout).__enter__()
        return list(self.supervisor.run(parts))


class ExtractActor:
    """The callable class ``map_batches`` runs on each actor: loads the pipeline once (in its constructor),
    then turns each batch of articles (column ``article``: pickled :class:`Article`; ``i``: its position)
    into rows ``i``, ``id``, ``doc`` (the document's JSON, or "" when there is none or the sink wrote
    it), ``failure`` (JSON, or "") and ``written`` (the sink stored the document)."""

    def __init__(self, pipeline: "Pipeline", article_timeout: Optional[float] = None,
                 open_sink: Optional[Callable[[], Any]] = None, replace: Collection[str] = ()):
        self.worker = _Worker(pipeline, article_timeout)
        pipeline._warm_quietly()
        self.open_sink = open_sink
        self.sink: Any = None
        self.replace = set(replace)

    def __call__(self, batch: dict) -> dict:
        items = [pickle.loads(b) for b in batch["article"]]   # articles, or records that were none
        articles = [x for x in items if isinstance(x, Article)]
        try:
            done = self.worker.run(articles)
        except Exception as err:  # noqa: BLE001 - the batch fails, not the run
            done = [_lost(a, f"its batch failed on its Ray worker: {type(err).__name__}: {err}") for a in articles]
        it = iter(done)
        outcomes = [next(it) if isinstance(x, Article) else Outcome(article=_NO_ARTICLE, failure=x) for x in items]
        written, late = self._write(outcomes)
        return {"i": list(batch["i"]),
                "id": [x.id if isinstance(x, Article) else (x.article_id or "") for x in items],
                "doc": ["" if o.document is None or w else o.document.model_dump_json()
                        for o, w in zip(outcomes, written)],
                "failure": ["" if o.failure is None else _failure_json(o.failure) for o in outcomes],
                "written": written,
                "late": [pickle.dumps(late[o.article.id]) if o.article.id in late else b"" for o in outcomes]}

    def _write(self, outcomes: Sequence[Outcome]) -> tuple[list[bool], dict[str, Any]]:
        """Write the batch through the sink (one transaction): whether each outcome was written, and what
        the store settled otherwise (a sink whose ``write_batch`` takes ``late``: an article another writer
        stored meanwhile, as a :class:`Duplicate` or a :class:`Failure`) by article id. When there is no
        sink, or the write fails, the documents go back to the driver to be written there."""
        if self.open_sink is None:
            return [False] * len(outcomes), {}
        items = [o.failure if o.failure is not None else (o.document, o.article.origin) for o in outcomes
                 if o.failure is not None or o.document is not None]
        late: list = []
        try:
            if self.sink is None:
                self.sink = self.open_sink()
            extra = {"late": late} if "late" in inspect.signature(self.sink.write_batch).parameters else {}
            self.sink.write_batch(items, replace={o.article.id for o in outcomes} & self.replace, **extra)
        except Exception:  # noqa: BLE001 - the driver writes them instead
            logging.getLogger(__name__).exception("a Ray worker could not write its batch; the driver will")
            self.sink = None
            return [False] * len(outcomes), {}
        settled = {getattr(x, "article_id", None) or "": x for x in late}
        return [True] * len(outcomes), settled


#: the article of an outcome whose record was not one (its failure says why)
_NO_ARTICLE = Article(text="-", id="")


def _lost(article: Article, why: str) -> Outcome:
    return Outcome(article=article, failure=Failure.from_error(WorkerLostError(
        why, article_id=article.id, stage="ray", path=article.origin)))


# -- datasets ----------------------------------------------------------------------------------------

def articles_dataset(articles: Sequence[Article], batch_size: int):
    """A Ray dataset of ``articles`` (columns ``i`` and ``article``, pickled) in blocks of a few batches."""
    ray = _ray()
    rows = [{"i": i, "article": pickle.dumps(a, protocol=pickle.HIGHEST_PROTOCOL)} for i, a in enumerate(articles)]
    blocks = max(1, math.ceil(len(rows) / (batch_size * BATCHES_PER_BLOCK)))
    return ray.data.from_items(rows, override_num_blocks=min(blocks, max(1, len(rows))))


def _plain(value):
    """A value of a row as JSON gives it: a date (Arrow reads "2026-03-01" as one) as YYYY-MM-DD, a NumPy
    number as a Python one."""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return value.item() if hasattr(value, "item") else value


def _null(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)   # NaN: a null read by pandas


def _record_article(row: dict) -> dict:
    """A dataset row with the fields of a JSONL record (``id``, ``text``, ``title``, ...) as an ``article``
    column (pickled), read as the JSONL reader reads a record: an :class:`Article`, or the
    :class:`Failure` of a record that is none."""
    from .core.errors import ReadError
    from .readers.jsonl import record_to_article

    rec = {k: _plain(v) for k, v in row.items() if k != "i" and not _null(v)}
    origin = f"record {rec.get('id', '?')}"
    try:
        item: Any = record_to_article(rec, origin=origin)
    except ReadError as err:
        item = Failure.from_error(err, article_id=str(rec.get("id") or "") or None, origin=origin, stage="read")
    return {"i": row.get("i", 0), "article": pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)}


def extract_dataset(ds, pipeline: "Pipeline", *, num_workers: int = 2, batch_size: Optional[int] = None,
                    num_cpus_per_worker: float = 1, article_timeout: Optional[float] = None,
                    open_sink: Optional[Callable[[], Any]] = None, replace: Collection[str] = ()):
    """``map_batches`` of a dataset of articles on an actor pool of ``num_workers``: a dataset with the
    rows of :class:`ExtractActor`. ``ds`` has an ``article`` column (:func:`articles_dataset`), or the
    fields of JSONL records (``ray.data.read_json(paths, lines=True)``, ``read_parquet``): those are read
    as the JSONL reader reads a record (a malformed one fails that block)."""
    if "article" not in (ds.schema().names if ds.schema() is not None else []):
        ds = ds.map(_record_article)
    timeout = pipeline.article_timeout if article_timeout is None else article_timeout
    return ds.map_batches(ExtractActor, fn_constructor_kwargs={
        "pipeline": pipeline, "article_timeout": timeout, "open_sink": open_sink, "replace": tuple(replace)},
        compute=_ray().data.ActorPoolStrategy(size=max(1, num_workers)), num_cpus=num_cpus_per_worker,
        batch_size=batch_size or pipeline.batch_size, batch_format="numpy")


def _quiet_data(ordered: bool) -> None:
    """Ray Data on the driver: its progress bars off (sitrep draws its own), order kept if asked."""
    ray = _ray()
    # its notes on execution and progress bars: sitrep reports itself (Ray Data sets its logger's level
    # from this variable each time a dataset runs)
    os.environ.setdefault("RAY_DATA_LOG_LEVEL", "ERROR")
    logging.getLogger("ray.data").setLevel(os.environ["RAY_DATA_LOG_LEVEL"])
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.execution_options.preserve_order = ordered


def stall_limit(articles: Sequence[Article], article_timeout: Optional[float]) -> float:
    """How long a run may go without a result before it is given up: :data:`limits.RAY_STALL_S`, or
    longer when an article may legitimately take longer (twice its budget, after an actor's warm-up)."""
    longest = max((b or 0.0 for b in budgets_for(articles, article_timeout)), default=0.0)
    return max(limits.RAY_STALL_S, limits.WARM_UP_TIMEOUT_S + 2 * longest)


class _Results:
    """The batches of a dataset's results, read by a thread so that a run that stalls (no result for
    ``stall_s`` seconds) or breaks off ends the iteration with ``broken`` saying why, instead of an
    exception or a wait without end."""

    def __init__(self, ds, stall_s: float):
        self.queue: queue.Queue = queue.Queue(maxsize=RESULTS_QUEUED)  # bounded: the driver's pace holds Ray back
        self.stall_s = stall_s
        self.broken: Optional[str] = None
        threading.Thread(target=self._read, args=(ds,), daemon=True, name="sitrep-ray-results").start()

    def _read(self, ds) -> None:
        try:
            for out in ds.iter_batches(batch_size=None, batch_format="numpy"):
                self.queue.put(("batch", out))
            self.queue.put(("end", None))
        except BaseException as err:  # noqa: BLE001 - reported by the iteration
            first = str(err).splitlines()[0] if str(err) else ""
            self.queue.put(("end", f"{type(err).__name__}: {first}"))

    def __iter__(self) -> Iterator[dict]:
        while True:
            try:
                kind, value = self.queue.get(timeout=self.stall_s)
            except queue.Empty:
                self.broken = f"no result for {self.stall_s:.0f} s"
                return
            if kind == "end":
                self.broken = value
                return
            yield value


def _rows(pipeline: "Pipeline", articles: Sequence[Article], *, num_workers: int, batch_size: int,
          num_cpus_per_worker: float, address: Optional[str], article_timeout: Optional[float],
          open_sink: Optional[Callable[[], Any]], replace: Collection[str], ordered: bool,
          stall_s: Optional[float] = None) -> Iterator[tuple]:
    """(article, document JSON, failure, written) for every article, as results stream back; an article
    whose result never comes back (its worker lost for good, the run broken off) becomes an E203 failure."""
    connect(address, num_cpus=max(num_workers, 1))
    _quiet_data(ordered)
    ds = extract_dataset(articles_dataset(articles, batch_size), pipeline, num_workers=num_workers,
                         batch_size=batch_size, num_cpus_per_worker=num_cpus_per_worker,
                         article_timeout=article_timeout, open_sink=open_sink, replace=replace)
    done = [False] * len(articles)
    results = _Results(ds, stall_s or stall_limit(articles, article_timeout))
    for out in results:
        for i, doc, failure, written, late in zip(out["i"], out["doc"], out["failure"], out["written"], out["late"]):
            i = int(i)
            if done[i]:   # a batch run twice (its actor restarted): its first result counts
                continue
            done[i] = True
            yield (articles[i], doc or None, _failure(failure) if failure else None, bool(written),
                   pickle.loads(late) if late else None)
    why = f"the Ray run broke off ({results.broken})" if results.broken else \
        "its result never came back from its Ray worker"
    for i, ok in enumerate(done):
        if not ok:
            o = _lost(articles[i], why)
            yield articles[i], None, o.failure, False, None


def ray_pipe(pipeline: "Pipeline", articles: Iterable[Article], *, num_workers: int = 2,
             batch_size: Optional[int] = None, num_cpus_per_worker: float = 1,
             address: Optional[str] = "local", article_timeout: Optional[float] = None,
             ordered: bool = True) -> Iterator[Outcome]:
    """Process ``articles`` on ``num_workers`` Ray actors, yielding one outcome per article (in input
    order unless ``ordered=False``).

    ``address``: see :func:`connect`. ``article_timeout`` is the time budget of one article (see
    :meth:`Pipeline.pipe <sitrep.pipeline.Pipeline.pipe>`)."""
    for outcome, _, _ in _outcomes(pipeline, articles, num_workers=num_workers, batch_size=batch_size,
                                   num_cpus_per_worker=num_cpus_per_worker, address=address,
                                   article_timeout=article_timeout, open_sink=None, replace=(), ordered=ordered):
        yield outcome


def ray_write(pipeline: "Pipeline", articles: Iterable[Article], open_sink: Callable[[], Any], *,
              replace: Collection[str] = (), num_workers: int = 2, batch_size: Optional[int] = None,
              num_cpus_per_worker: float = 1, address: Optional[str] = "local",
              article_timeout: Optional[float] = None) -> Iterator[tuple[Outcome, bool, Any]]:
    """Like :func:`ray_pipe`, but each actor writes its batch's documents and failures through the sink
    ``open_sink()`` gives it (opened once per actor; ``replace``: the ids whose stored article a new
    document replaces). Yields ``(outcome, written, late)`` in completion order: ``written`` when the
    worker wrote it (the outcome then carries its failure, if any, and no document), otherwise the outcome
    has the document for the driver to write (the worker's write failed); ``late`` is what the store
    settled instead of storing the document (a sink whose ``write_batch`` takes a ``late`` list, as
    :meth:`Store.write_batch` does: another writer stored the id or the text meanwhile) -- an
    :class:`~sitrep.core.article.AlreadyStored` (the same article: skipped), a
    :class:`~sitrep.article.Duplicate` for the driver to record, or a :class:`Failure` -- or None.

    Wiring it into an ingest (the store's side): ``for outcome, written, late in ray_write(pipeline,
    plan.todo, functools.partial(open_store, url), replace=plan.replace, ...)``: a written outcome without
    failure or ``late`` is stored; a ``late`` AlreadyStored is skipped, a Duplicate joins the duplicates to
    record; a failure is recorded already (by the worker); an outcome not written goes to the driver's
    own batches."""
    yield from _outcomes(pipeline, articles, num_workers=num_workers, batch_size=batch_size,
                         num_cpus_per_worker=num_cpus_per_worker, address=address,
                         article_timeout=article_timeout, open_sink=open_sink, replace=replace, ordered=False)


def _outcomes(pipeline: "Pipeline", articles: Iterable[Article], *, batch_size: Optional[int],
              **kw: Any) -> Iterator[tuple[Outcome, bool, Any]]:
    """``(outcome, written, late)`` for each of ``articles`` from the actors' rows (:func:`_rows`, which
    takes the other keywords), the document read back from its JSON."""
    articles = list(articles)
    if not articles:
        return
    for article, doc, failure, written, late in _rows(pipeline, articles,
                                                batch_size=batch_size or pipeline.batch_size, **kw):
        yield Outcome(article=article, document=Document.model_validate_json(doc) if doc else None,
                      failure=failure), written, late
