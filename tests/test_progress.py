"""The progress bar of `extract` and `ingest` (sitrep.cli.progress): articles/s and failures so far."""

import io
import sys

from rich.console import Console

from sitrep.article import Article, Failure, Outcome
from sitrep.cli.progress import Counted, ProgressBar


class _Pipeline:
    batch_size = 4

    def pipe(self, articles, **kw):
        for a in articles:
            failure = Failure(a.id, None, "events", "E201", "boom") if "bad" in a.id else None
            yield Outcome(article=a, failure=failure)


def test_counted_tells_the_bar_the_total_and_the_failures(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    out = io.StringIO()
    with ProgressBar("ingesting", console=Console(file=out, force_terminal=True, width=120)) as bar:
        pipeline = Counted(_Pipeline(), bar)
        assert pipeline.batch_size == 4          # the pipeline's own attributes pass through
        arts = [Article(text=f"Troops crossed the river on day {i}.", id=("bad-" if i % 3 == 0 else "ok-") + str(i))
                for i in range(6)]
        for _ in pipeline.pipe(arts, n_process=1):
            bar(1)
        task = bar.progress.tasks[0]
        assert (task.total, task.completed, task.fields["failed"]) == (6, 6, 2)
        bar.progress.refresh()
    assert "articles/s" in out.getvalue() and "2 failed" in out.getvalue()


def test_no_bar_without_a_terminal(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    with ProgressBar("extracting", 10) as bar:
        bar(3)
        bar.fail()
    assert bar.progress is None and bar.failed == 1


def test_a_counted_pipeline_travels_as_the_bare_pipeline():
    import pickle

    from sitrep.pipeline import Pipeline
    from sitrep.stages.nlp import NlpStage

    with ProgressBar("ingesting") as bar:
        back = pickle.loads(pickle.dumps(Counted(Pipeline([NlpStage()]), bar)))
    assert isinstance(back, Pipeline) and [s.name for s in back.stages] == ["nlp"]
