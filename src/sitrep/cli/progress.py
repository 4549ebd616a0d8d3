"""The progress bar of `extract` and `ingest`: articles done (of how many), articles/s and failures so far,
on stderr, only when stderr is a terminal.

    with ProgressBar("ingesting", total=None) as bar:
        store.ingest(paths, pipeline=Counted(pipeline, bar), on_progress=bar)   # bar(n): n more done

``Counted`` wraps a pipeline so that the bar learns how many articles it is given to extract (known only
once ingest has planned them) and how many of them fail, without the store knowing about bars.
"""

from __future__ import annotations

import sys
from typing import Iterator, Optional

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TaskID, TextColumn,
                           TimeRemainingColumn)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second, over the whole run so far."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "- articles/s", style="progress.data.speed")


class ProgressBar:
    """A context manager; calling it with ``n`` counts ``n`` more articles done. ``fail(n)`` counts
    failures, ``set_total(n)`` says how many there are. Does nothing when stderr is not a terminal (or
    there is at most one article)."""

    def __init__(self, label: str, total: Optional[int] = None, *, console: Optional[Console] = None):
        self.label, self.total = label, total
        self.console = console or Console(stderr=True)
        self.progress: Optional[Progress] = None
        self.task: TaskID = TaskID(0)
        self.failed = 0

    def __enter__(self) -> "ProgressBar":
        if sys.stderr.isatty() and (self.total is None or self.total > 1):
            self.progress = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), RateColumn(),
                                     TextColumn("{task.fields[failed]} failed"), TimeRemainingColumn(),
                                     console=self.console, transient=True)
            self.progress.__enter__()
            self.task = self.progress.add_task(self.label, total=self.total, failed=0)
        return self

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.__exit__(*exc)

    def __call__(self, n: int = 1) -> None:
        if self.progress is not None:
            self.progress.advance(self.task, n)

    def fail(self, n: int = 1) -> None:
        self.failed += n
        if self.progress is not None:
            self.progress.update(self.task, failed=self.failed)

    def set_total(self, n: int) -> None:
        self.total = n
        if self.progress is not None:
            self.progress.update(self.task, total=n)


def _same(pipeline):
    return pipeline


class Counted:
    """A pipeline whose ``pipe`` tells ``bar`` how many articles it was given and which failed; every other
    attribute is the pipeline's."""

    def __init__(self, pipeline, bar: ProgressBar):
        self._pipeline, self._bar = pipeline, bar

    def __getattr__(self, name):
        return getattr(self._pipeline, name)

    def __reduce__(self):
        """Pickled (sent to a worker process or a Ray actor), it is the bare pipeline: the bar stays here."""
        return (_same, (self._pipeline,))

    def pipe(self, articles, **kw) -> Iterator:
        articles = list(articles)
        self._bar.set_total(len(articles))
        for outcome in self._pipeline.pipe(articles, **kw):
            if outcome.failure is not None:
                self._bar.fail()
            yield outcome
