"""Time budgets that hold: articles run in supervised worker processes, and a stage that runs over its
article's budget is stopped by replacing its process.

Why processes: a stage stuck in a loop -- in Python code or in a long C call (a regular expression, the
parser) -- cannot be interrupted from inside the process that runs it in general (a signal handler only
runs between Python bytecodes, and only in the main thread). A process can always be killed. So
:meth:`Pipeline.pipe <sitrep.pipeline.Pipeline.pipe>` runs its batches in worker processes in every mode:
one process (one worker), a pool (``n_process`` workers) and Ray (each Ray actor supervises one worker).

How it stays cheap:

* On Linux the workers are forked from the calling process after :meth:`Pipeline.warm` has loaded the
  models there: a worker starts in milliseconds and shares the model's memory pages, and so does a
  worker that replaces a stopped one. (Elsewhere, or with ``start_method="spawn"``, a worker loads the
  models itself once, before its first batch, outside any article's budget.)
* The worker tells the supervisor what it is doing by writing a few numbers to shared memory when a stage
  starts on an article (which article, which stage, since when, its deadline) -- no message, no system
  call. The supervisor reads them when it wakes, ten times a second, or when a batch comes back.
* Each worker has two batches queued, received and answered by helper threads, so it never waits for the
  supervisor between batches. Documents come back as JSON (pydantic writes it four times faster than
  pickle, about 0.3 ms a document, and reads it in 0.7 ms): the supervisor's own work.

What happens on an overrun: the worker is killed and a new one started. If the stage was working on one
article, that article becomes a :class:`~sitrep.article.Failure` with code E202 naming the stage and the
time elapsed, and the rest of its batch is run again in the new worker. If the stage was working on the
whole batch (the parser reads a batch at once), each article of the batch is run again on its own, with its
own budget, so that the one that overruns is found. A worker that dies on its own (a crash, the kernel's
out-of-memory killer) is handled the same way, with code E203.

Outcomes come back in input order; a budget of ``0`` turns all this off (``Pipeline.pipe`` then runs one
process in the calling process, as before).
"""

from __future__ import annotations

import collections
import gc
import os
import queue
import signal
import sys
import threading
import time
from multiprocessing import connection as mp_connection
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Sequence

from . import limits
from .core.article import Article, Failure, Outcome
from .core.contract import Document
from .core.errors import ArticleTimeoutError, SitrepError, WorkerLostError

if TYPE_CHECKING:  # pragma: no cover - the pipeline imports this module; a worker gets its pipeline pickled
    from .pipeline import Pipeline

#: how often the supervisor looks at its workers' progress when nothing comes back (seconds)
TICK_S = 0.1
#: batches queued at each worker (one running, one waiting)
QUEUED_PER_WORKER = 2

# the record a worker keeps in shared memory: a sequence number (odd while it is being written), then
_SEQ, _JOB, _POS, _STAGE, _START, _DEADLINE, _SPENT, _BUDGET = range(8)
_RECORD = 8
#: stage index of "between stages" (waiting, sending) and of the warm-up
IDLE, WARMING = -1, -2


def default_start_method() -> str:
    """"fork" on Linux (cheap, and forked workers share the warmed parent's model), "spawn" elsewhere:
    macOS system libraries are not fork-safe, and Windows cannot fork."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


def words(article: Article) -> int:
    return len(article.text.split())


def budgets_for(articles: Sequence[Article], timeout: Optional[float]) -> list[Optional[float]]:
    return [limits.article_budget(words(a), timeout) for a in articles]


def budget_off(timeout: Optional[float]) -> bool:
    return timeout is not None and timeout <= 0


def timeout_failure(article: Article, stage: str, elapsed: float, budget: float, *, stopped: bool) -> Failure:
    what = f"stopped after {elapsed:.1f} s" if stopped else f"at {elapsed:.1f} s when it ended"
    err = ArticleTimeoutError(
        f"over its time budget of {budget:.1f} s ({words(article):,} words): stage {stage} {what} "
        f"(--article-timeout sets the budget)", article_id=article.id, stage=stage, path=article.origin)
    return Failure.from_error(err)


# -- what a running batch reports ---------------------------------------------------------------------

class Watch:
    """Told by :meth:`Pipeline._run_batch` when a stage starts and ends on an article (``pos``) or on the
    whole batch; the base class does nothing."""

    def enter(self, stage: int, pos: int, spent: float, budget: Optional[float]) -> None:
        pass

    def enter_batch(self, stage: int, remaining: Optional[float]) -> None:
        pass

    def leave(self) -> None:
        pass


class SharedWatch(Watch):
    """Writes the current call to a shared-memory record that the supervisor reads (a seqlock: the
    sequence number is odd while the record is being written)."""

    def __init__(self, record):
        self.rec = record
        self.job = -1.0

    def _write(self, stage: int, pos: int, start: float, deadline: float, spent: float, budget: float) -> None:
        r = self.rec
        r[_SEQ] += 1
        r[_JOB], r[_POS], r[_STAGE], r[_START] = self.job, pos, stage, start
        r[_DEADLINE], r[_SPENT], r[_BUDGET] = deadline, spent, budget
        r[_SEQ] += 1

    def enter(self, stage, pos, spent, budget):
        now = time.monotonic()
        if budget is None:
            self._write(stage, pos, now, float("inf"), spent, 0.0)
        else:
            self._write(stage, pos, now, now + budget - spent, spent, budget)

    def enter_batch(self, stage, remaining):
        now = time.monotonic()
        self._write(stage, -1, now, float("inf") if remaining is None else now + remaining, 0.0, 0.0)

    def leave(self):
        self._write(IDLE, -1, time.monotonic(), float("inf"), 0.0, 0.0)


def read_record(record) -> Optional[tuple]:
    """A consistent copy of a worker's record, indexed by ``_JOB``, ``_POS``, ``_STAGE``, ..."""
    for _ in range(1000):
        s1 = record[_SEQ]
        vals = record[:_RECORD]
        if s1 == record[_SEQ] and int(s1) % 2 == 0:
            return tuple(vals)
    return None  # pragma: no cover - a writer stopped half-way (it was killed mid-write): no record


class _Overrun(BaseException):
    """Raised by the alarm in the main thread (a BaseException, so that no stage's ``except Exception``
    swallows it)."""


class AlarmWatch(Watch):
    """In-process budgets for :meth:`Pipeline.run`: a SIGALRM timer armed for each stage call raises
    :class:`_Overrun` in the stage when it is due. It stops Python code, not a long C call (the
    handler runs when the call returns); :meth:`Pipeline.pipe` has no such gap. Only on the main thread
    of a platform with ``setitimer``, and only when no other real-time timer is armed."""

    def __init__(self):
        self.armed = False
        self.old = None

    @classmethod
    def available(cls) -> bool:
        return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
                and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))

    def __enter__(self) -> "AlarmWatch":
        self.old = signal.signal(signal.SIGALRM, self._fire)
        return self

    def __exit__(self, *exc) -> None:
        self.leave()
        signal.signal(signal.SIGALRM, self.old if self.old is not None else signal.SIG_DFL)

    def _fire(self, signum, frame):
        if self.armed:
            self.armed = False
            raise _Overrun()

    def enter(self, stage, pos, spent, budget):
        if budget is not None:
            self.armed = True
            signal.setitimer(signal.ITIMER_REAL, max(budget - spent, 1e-3))

    def enter_batch(self, stage, remaining):
        if remaining is not None:
            self.armed = True
            signal.setitimer(signal.ITIMER_REAL, max(remaining, 1e-3))

    def leave(self):
        self.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)


# -- the worker process -------------------------------------------------------------------------------

def die_with_parent(parent: int) -> None:
    """On Linux, have the kernel kill this process when its parent dies (a forked worker holds copies of
    its parent's descriptors -- a Ray actor's connection to its raylet, say -- which would keep the dead
    parent's connections open, and the worker waiting for batches, for ever)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no libc prctl
        return
    if os.getppid() != parent:   # the parent died before the request was made
        os._exit(0)


def _worker_main(conn, record, pipeline: "Pipeline", warm: bool, parent: Optional[int] = None) -> None:
    """A worker: receives (job, articles, budgets), answers (kind, job, [(document, failure)]) in order.

    A helper thread receives (so that the supervisor's sends never wait for a busy worker) and another
    sends (so that the next batch starts while the last one's documents are being pickled)."""
    if parent is not None:
        die_with_parent(parent)
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the supervisor's to handle
    except ValueError:  # pragma: no cover - not the main thread
        pass
    inbox: "queue.SimpleQueue" = queue.SimpleQueue()
    outbox: "queue.SimpleQueue" = queue.SimpleQueue()

    def receive() -> None:
        try:
            while True:
                msg = conn.recv()
                inbox.put(msg)
                if msg is None:
                    return
        except (EOFError, OSError):
            os._exit(0)     # the supervisor is gone: so is this worker, even if a stage is stuck

    def send() -> None:
        while True:
            msg = outbox.get()
            if msg is None:
                return
            try:
                conn.send(msg)
            except (EOFError, OSError):
                os._exit(0)
            except Exception as err:  # noqa: BLE001 - an unpicklable answer: say why instead
                conn.send(("raise", msg[1], SitrepError(f"a worker's answer could not be sent: {err}")))

    threading.Thread(target=receive, daemon=True, name="sitrep-receive").start()
    sender = threading.Thread(target=send, daemon=True, name="sitrep-send")
    sender.start()
    watch = SharedWatch(record)
    if warm:  # a spawned worker loads the models before its first batch, outside any budget
        now = time.monotonic()
        watch._write(WARMING, -1, now, now + limits.WARM_UP_TIMEOUT_S, 0.0, 0.0)
        pipeline._warm_quietly()
    watch.leave()
    while True:
        msg = inbox.get()
        if msg is None:
            break
        job, articles, budgets = msg
        watch.job = float(job)
        try:
            outs = pipeline._run_batch(articles, budgets=budgets, watch=watch)
            # documents travel as JSON: pydantic writes and reads it several times faster than pickle
            outbox.put(("done", job, [(o.document.model_dump_json() if o.document is not None else None,
                                       o.failure) for o in outs]))
        except BaseException as err:  # noqa: BLE001 - KeyboardInterrupt raised by a stage goes back up
            outbox.put(("raise", job, err))
        watch.leave()
    outbox.put(None)
    sender.join()


class _Batch:
    """An input batch: the outcome of each article, filled in as its jobs come back."""

    __slots__ = ("articles", "slots", "left", "error")

    def __init__(self, articles: list[Article]):
        self.articles = articles
        self.slots: list = [None] * len(articles)
        self.left = len(articles)
        self.error: Optional[BaseException] = None

    def put(self, pos: int, document, failure) -> None:
        if self.slots[pos] is None:
            self.left -= 1
        self.slots[pos] = Outcome(article=self.articles[pos], document=document, failure=failure)


class _Job:
    __slots__ = ("id", "batch", "positions", "budgets")

    def __init__(self, id: int, batch: _Batch, positions: list[int], budgets: list[Optional[float]]):
        self.id, self.batch, self.positions, self.budgets = id, batch, positions, budgets


_STOP = object()


class _Worker:
    """One supervised worker process, its connection, its shared record and the jobs sent to it. Jobs
    are sent by a thread, so that the supervisor never waits on a worker that does not read."""

    def __init__(self, ctx, pipeline: "Pipeline", warm: bool):
        self.record = ctx.RawArray("d", _RECORD)
        now = time.monotonic()
        self.record[_STAGE] = WARMING if warm else IDLE
        self.record[_JOB] = self.record[_POS] = -1
        self.record[_START] = now
        self.record[_DEADLINE] = now + limits.WARM_UP_TIMEOUT_S if warm else float("inf")
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, self.record, pipeline, warm, os.getpid()), daemon=True,
                                name="sitrep-worker")
        self.proc.start()
        child.close()
        self.jobs: collections.deque[_Job] = collections.deque()
        self.outq: "queue.SimpleQueue" = queue.SimpleQueue()
        self.sender = threading.Thread(target=self._send_loop, daemon=True, name="sitrep-supervise-send")
        self.sender.start()

    def _send_loop(self) -> None:
        while True:
            msg = self.outq.get()
            if msg is _STOP:
                return
            try:
                self.conn.send(msg)
            except (OSError, ValueError):
                return      # the worker is gone; its jobs are queued again by the supervisor

    def send(self, job: _Job) -> None:
        self.jobs.append(job)
        self.outq.put((job.id, [job.batch.articles[p] for p in job.positions], job.budgets))

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.outq.put(_STOP)
        self.sender.join(5)
        if not self.sender.is_alive():   # never close a descriptor the send thread may still write to
            self.conn.close()

    def stop(self) -> None:
        if not self.jobs and self.proc.is_alive():
            self.outq.put(None)
            self.proc.join(2)
        self.kill()


class Supervisor:
    """Runs batches of articles in ``n_workers`` supervised worker processes (see the module docstring).

    ``with Supervisor(pipeline, 2) as sup: for outcome in sup.run(batches): ...``; several ``run`` calls
    may follow one another (a Ray actor keeps one supervisor for its life)."""

    def __init__(self, pipeline: "Pipeline", n_workers: int = 1, *, start_method: Optional[str] = None,
                 timeout: Optional[float] = None):
        import multiprocessing as mp

        self.pipeline = pipeline
        self.n_workers = max(1, n_workers)
        self.ctx = mp.get_context(start_method or default_start_method())
        self.forked = self.ctx.get_start_method() == "fork"
        self.timeout = timeout
        self.workers: list[_Worker] = []
        self.pending: collections.deque[_Job] = collections.deque()
        self._ids = 0
        self._lost_idle = 0
        self._warm = not self.forked
        self._frozen = False

    # -- life ----------------------------------------------------------------------------------------
    def __enter__(self) -> "Supervisor":
        if self.forked:
            self.pipeline._warm_quietly()  # the workers inherit the loaded resources
            gc.freeze()   # ... and their collector leaves the inherited objects (and shared pages) alone
            self._frozen = True
        self.workers = [self._start() for _ in range(self.n_workers)]
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        workers, self.workers = self.workers, []
        for w in workers:
            w.stop()
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def _start(self) -> _Worker:
        return _Worker(self.ctx, self.pipeline, warm=self._warm)

    # -- the run -------------------------------------------------------------------------------------
    def run(self, batches: Iterable[list[Article]]) -> Iterator[Outcome]:
        """The outcomes of every article of ``batches``, in input order."""
        it = iter(batches)
        exhausted = False
        open_: collections.deque[_Batch] = collections.deque()
        self.pending.clear()
        capacity = QUEUED_PER_WORKER * self.n_workers
        while True:
            while open_ and open_[0].left == 0:
                b = open_.popleft()
                if b.error is not None:
                    raise b.error
                yield from b.slots
            while not exhausted and len(open_) < capacity:
                arts = next(it, None)
                if arts is None:
                    exhausted = True
                    break
                b = _Batch(list(arts))
                open_.append(b)
                if b.articles:
                    self.pending.append(self._job(b, list(range(len(b.articles)))))
            if exhausted and not open_:
                return
            for w in self.workers:
                while self.pending and len(w.jobs) < QUEUED_PER_WORKER:
                    w.send(self.pending.popleft())
            self._wait()

    def _job(self, batch: _Batch, positions: list[int]) -> _Job:
        self._ids += 1
        arts = [batch.articles[p] for p in positions]
        return _Job(self._ids, batch, positions, budgets_for(arts, self.timeout))

    def _wait(self) -> None:
        """Wait for answers (at most a tick), take them, and stop any worker past its deadline."""
        busy = [w for w in self.workers if w.jobs]
        if not busy:
            return
        ready = set(mp_connection.wait([w.conn for w in busy] + [w.proc.sentinel for w in busy],
                                       timeout=TICK_S))
        for i, w in enumerate(self.workers):
            if w.jobs and (w.conn in ready or w.proc.sentinel in ready):
                ok = True
                while ok and w.jobs and self._poll(w):
                    ok = self._receive(w)
                if w.jobs and (not ok or not w.proc.is_alive()):
                    rec = read_record(w.record)
                    w.kill()
                    self._settle(i, w, rec, time.monotonic(), lost=w.proc.exitcode)
        now = time.monotonic()
        for i, w in enumerate(self.workers):
            if not w.jobs:
                continue
            rec = read_record(w.record)
            if rec is None or rec[_DEADLINE] > now or self._poll(w):
                continue
            w.kill()
            self._settle(i, w, rec, now, lost=None)

    @staticmethod
    def _poll(w: _Worker) -> bool:
        try:
            return w.conn.poll()
        except (OSError, EOFError, ValueError):
            return False

    def _receive(self, w: _Worker) -> bool:
        try:
            kind, job_id, payload = w.conn.recv()
        except (EOFError, OSError):
            return False
        job = w.jobs.popleft()
        if job.id != job_id:  # pragma: no cover - a protocol error, never expected
            raise SitrepError(f"a worker answered job {job_id} where job {job.id} was expected")
        if kind == "done":
            for pos, (doc, failure) in zip(job.positions, payload):
                job.batch.put(pos, Document.model_validate_json(doc) if doc is not None else None, failure)
        else:
            job.batch.error = job.batch.error or payload
            for pos in job.positions:
                job.batch.put(pos, None, None)
        self._lost_idle = 0
        return True

    def _settle(self, i: int, w: _Worker, rec: Optional[tuple], now: float, *, lost: Optional[int]) -> None:
        """Worker ``w`` was killed past a deadline (``lost`` is None) or died (``lost`` is its exit code):
        settle the article it was working on, queue its other jobs again, start a worker in its place."""
        jobs = list(w.jobs)
        w.jobs.clear()
        again: list[_Job] = []
        stage_i = int(rec[_STAGE]) if rec is not None else IDLE
        # the job the worker was in (the answers to the jobs before it, if any, went with the worker)
        running = next((j for j in jobs if j.id == int(rec[_JOB])), None) if stage_i >= 0 else None
        if running is not None:
            jobs = [j for j in jobs if j is not running]
            names = [s.name for s in self.pipeline.stages] + ["document"]
            stage = names[stage_i] if stage_i < len(names) else "?"
            pos = int(rec[_POS])
            if pos >= 0:
                bpos = running.positions[pos]
                article = running.batch.articles[bpos]
                elapsed = rec[_SPENT] + (now - rec[_START])
                if lost is None:
                    budget = rec[_BUDGET] or running.budgets[pos] or elapsed
                    failure = timeout_failure(article, stage, elapsed, budget, stopped=True)
                else:
                    failure = Failure.from_error(WorkerLostError(
                        f"the worker process running it died (exit code {lost}) in stage {stage} after "
                        f"{elapsed:.1f} s", article_id=article.id, stage=stage, path=article.origin))
                running.batch.put(bpos, None, failure)
                rest = [p for p in running.positions if p != bpos]
                if rest:
                    again.append(self._job(running.batch, rest))
            else:   # the stage was reading the whole batch: each article again on its own budget
                again.extend(self._job(running.batch, [p]) for p in running.positions)
        else:
            if stage_i == WARMING:
                self._warm = False   # the warm-up itself overran: later workers load lazily
            self._lost_idle += 1
            if self._lost_idle > 3:
                raise SitrepError(f"sitrep's worker processes keep dying (last exit code {lost}) before "
                                  f"finishing an article; --article-timeout 0 runs in this process")
        again.extend(jobs)
        self.pending.extendleft(reversed(again))
        self.workers[i] = self._start()


class SupervisedRunner:
    """Batches -- or single articles -- for a long-lived caller (the HTTP API) run in one supervised worker
    process, started on first use and kept for the caller's life (replaced when an article overruns its
    budget, which then comes back as an E202 failure). One batch at a time: callers on several threads
    share it, and a runaway article holds the others back by its budget at most. With budgets off
    (``timeout`` 0) the batch runs in the calling process instead.

    ``with SupervisedRunner(pipeline) as runner: outcome = runner.run(article)``; or call :meth:`close`."""

    def __init__(self, pipeline: "Pipeline", *, timeout: Optional[float] = None,
                 start_method: Optional[str] = None):
        self.pipeline = pipeline
        self.timeout = timeout
        self.start_method = start_method
        self._lock = threading.Lock()
        self._supervisor: Optional[Supervisor] = None

    def __enter__(self) -> "SupervisedRunner":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def run_batch(self, batch: Sequence[Article]) -> list[Outcome]:
        """The outcome of each article of ``batch``, in order, each within its budget."""
        with self._lock:
            if budget_off(self.timeout):
                return self.pipeline._run_batch(list(batch))
            if self._supervisor is None:
                self._supervisor = Supervisor(self.pipeline, 1, start_method=self.start_method,
                                              timeout=self.timeout).__enter__()
            try:
                return list(self._supervisor.run([list(batch)]))
            except BaseException:
                self._drop()    # the next batch starts a supervisor afresh
                raise

    def run(self, article: Article) -> Outcome:
        """The outcome of one article, within its budget."""
        return self.run_batch([article])[0]

    def close(self) -> None:
        """Stop the worker process (waits for the batch being run, if any)."""
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        sup, self._supervisor = self._supervisor, None
        if sup is not None:
            sup.close()
