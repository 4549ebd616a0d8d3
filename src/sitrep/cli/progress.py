"""The progress bar of ``extract`` and ``ingest``: articles done of the total, articles a second, and the
failures and duplicates so far -- on a terminal only (nothing extra when stderr is piped).

``with RunProgress("extracting", console) as bar: bar.update(total=N, done=k, failed=f, duplicates=u)``;
the counts are kept whether or not a bar is shown (``bar.counts``), so that tests can read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TaskID, TextColumn,
                           TimeRemainingColumn)
from rich.text import Text


@dataclass
class Counts:
    """What a run has done so far: ``done`` of ``total`` articles through the pipeline; ``failed`` and
    ``duplicates`` so far (those settled when reading count too)."""

    total: int = 0
    done: int = 0
    failed: int = 0
    duplicates: int = 0


class RateColumn(ProgressColumn):
    """Articles a second since the start (outcomes come back a batch at a time, so a recent-window speed
    would jump between zero and thousands)."""

    def render(self, task: Task) -> Text:
        return Text(rate_text(task.completed, task.elapsed), style="progress.data.speed")


def rate_text(done: float, elapsed: Optional[float]) -> str:
    """``12.5 articles/s``; ``- articles/s`` before the first article is done."""
    if not done or not elapsed:
        return "- articles/s"
    return f"{done / elapsed:.1f} articles/s"


class OutcomeColumn(ProgressColumn):
    """The failures (red when there are any) and duplicates so far, from the task's fields."""

    def render(self, task: Task) -> Text:
        failed, dups = task.fields.get("failed", 0), task.fields.get("duplicates", 0)
        text = Text()
        text.append(f"failed {failed}", style="red" if failed else "dim")
        text.append(f"  duplicates {dups}", style="dim")
        return text


def columns(label: str) -> list:
    """The columns of the bar, in order."""
    return [TextColumn(label), BarColumn(), MofNCompleteColumn(), RateColumn(), OutcomeColumn(),
            TimeRemainingColumn()]


class RunProgress:
    """A Rich progress bar on ``console`` (stderr), shown when it is a terminal and there is more than one
    article to process; it appears at the first :meth:`update` that says so and is gone at the end."""

    def __init__(self, label: str, console: Console, *, enabled: Optional[bool] = None):
        self.label = label
        self.console = console
        self.enabled = console.is_terminal if enabled is None else enabled
        self.counts = Counts()
        self.progress: Optional[Progress] = None
        self._task: Optional[TaskID] = None

    def __enter__(self) -> "RunProgress":
        return self

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.__exit__(*exc)
            self.progress = None

    def update(self, *, total: Optional[int] = None, done: Optional[int] = None, failed: Optional[int] = None,
               duplicates: Optional[int] = None) -> None:
        """Set the counts that are given (the others stay), and redraw."""
        c = self.counts
        c.total = c.total if total is None else total
        c.done = c.done if done is None else done
        c.failed = c.failed if failed is None else failed
        c.duplicates = c.duplicates if duplicates is None else duplicates
        if self.progress is None and self.enabled and c.total > 1:
            self.progress = Progress(*columns(self.label), console=self.console, transient=True)
            self.progress.__enter__()
            self._task = self.progress.add_task(self.label, total=c.total)
        if self.progress is not None and self._task is not None:
            self.progress.update(self._task, total=c.total, completed=c.done, failed=c.failed,
                                 duplicates=c.duplicates)

    def advance(self, n: int = 1, *, failed: int = 0) -> None:
        """``n`` more articles done, ``failed`` of them failed."""
        self.update(done=self.counts.done + n, failed=self.counts.failed + failed)

    def ingest_callback(self, p) -> None:
        """``on_progress`` for :meth:`Store.ingest <sitrep.situation.store.Store.ingest>` (an
        :class:`~sitrep.situation.store.IngestProgress`)."""
        self.update(total=p.total, done=p.done, failed=p.failed, duplicates=p.duplicates)
