"""The ``sitrep`` app, its entry point, and the commands that read articles: extract, schema, stages,
ingest, demo. A thin layer over the Python API (:mod:`sitrep`, :mod:`sitrep.situation.store`).

Errors are printed as ``Error: …`` and exit non-zero; a Python traceback only with ``--debug``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from .. import limits
from ..core.article import Article, Duplicate, Failure
from ..core.contract import json_schema
from ..core.errors import SitrepError
from ..core.version import __version__
from ..examples import example_articles
from ..pipeline import Pipeline, default_pipeline
from ..readers import expand_paths, read_paths
from .options import (ARTICLE_TIMEOUT, DB, DEMO_DB, ENCODING, KB, MAX_BYTES, MIN_CONFIDENCE, N_PROCESS, PUBLISHED,
                      RAY, SOURCE)
from .situation import print_situation

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="sitrep: news articles in, a living model of a geopolitical situation out.")
err_console = Console(stderr=True, soft_wrap=True)
_STATE = {"debug": False}

def _version(value: bool) -> None:
    if value:
        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def _main(debug: bool = typer.Option(False, "--debug", help="Show Python tracebacks on errors."),
          version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    _STATE["debug"] = debug


def _pipeline(kb: List[Path]):
    return default_pipeline(tuple(str(p) for p in kb))


def _progress(total: int, label: str):
    """A Rich progress bar on stderr, only when stderr is a terminal and there is more than one item."""
    from contextlib import nullcontext

    if total <= 1 or not sys.stderr.isatty():
        return nullcontext(lambda n=1: None)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    class _Bar:
        def __enter__(self_inner):
            self_inner.p = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                    console=err_console, transient=True)
            self_inner.p.__enter__()
            task = self_inner.p.add_task(label, total=total)
            return lambda n=1: self_inner.p.advance(task, n)

        def __exit__(self_inner, *exc):
            self_inner.p.__exit__(*exc)

    return _Bar()


def _report_failure(f) -> None:
    from rich.markup import escape

    err_console.print(f"[red]Error:[/red] {escape(f.describe())}", markup=True, highlight=False)


def _report_duplicate(d) -> None:
    from rich.markup import escape

    err_console.print(f"[yellow]Duplicate:[/yellow] {escape(d.describe())}", markup=True, highlight=False)


def _tally(read: int, documents: int, duplicates: int, failed: int) -> None:
    """The last line of `extract` and `ingest`: every id read is one of the three."""
    err_console.print(f"read {read}, documents {documents}, duplicates {duplicates}, failed {failed}",
                      highlight=False)


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., help="Text, HTML or JSONL files, or directories of them."),
    published: Optional[str] = PUBLISHED,
    source: Optional[str] = SOURCE,
    format: str = typer.Option("jsonl", "--format", help="jsonl (one document per line) or json (pretty)."),
    kb: List[Path] = KB,
    max_bytes: int = MAX_BYTES,
    n_process: int = N_PROCESS,
    ray: Optional[str] = RAY,
    no_text: bool = typer.Option(False, "--no-text", help="Leave the article text out of each document."),
    encoding: Optional[str] = ENCODING,
    article_timeout: Optional[float] = ARTICLE_TIMEOUT,
    min_confidence: Optional[float] = MIN_CONFIDENCE,
) -> None:
    """Extract one contract document per article and write it to stdout (no database, no network).

    An article whose text was read before under another id is reported as its duplicate (no second
    document); stderr ends with `read N, documents D, duplicates U, failed F`."""
    if format not in ("jsonl", "json"):
        raise typer.BadParameter("must be jsonl or json", param_hint="--format")
    _check_date(published)
    items = list(read_paths(paths, published=published, source=source, max_bytes=max_bytes, encoding=encoding))
    articles = [x for x in items if isinstance(x, Article)]
    failures = [x for x in items if isinstance(x, Failure)]
    duplicates = [x for x in items if isinstance(x, Duplicate)]
    for f in failures:
        _report_failure(f)
    for d in duplicates:
        _report_duplicate(d)
    pipeline = _pipeline(kb)
    out = sys.stdout
    with _progress(len(articles), "extracting") as advance:
        for outcome in pipeline.pipe(articles, n_process=n_process, ray_address=ray,
                                     article_timeout=article_timeout):
            advance(1)
            if outcome.failure is not None:
                failures.append(outcome.failure)
                _report_failure(outcome.failure)
                continue
            doc = outcome.document
            if no_text:
                doc = doc.model_copy(update={"text": None})
            if min_confidence:
                doc = doc.model_copy(update={"events": [e for e in doc.events if e.confidence >= min_confidence]})
            if format == "json":
                out.write(doc.model_dump_json(indent=2) + "\n")
            else:
                out.write(doc.model_dump_json() + "\n")
            out.flush()
    _tally(len(items), len(items) - len(duplicates) - len(failures), len(duplicates), len(failures))
    if failures:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output document."""
    typer.echo(json.dumps(json_schema(), indent=2))


@app.command()
def stages(
    config: bool = typer.Option(False, "--config", help="Also print each stage's settings and their defaults."),
) -> None:
    """List the pipeline's stages with what each needs and assigns (and, with --config, their settings)."""
    for s in Pipeline().describe(config=config):
        typer.echo(f"{s['name']:<15} needs {', '.join(s['needs']):<45} assigns {', '.join(s['assigns'])}")
        for key, value in (s.get("config") or {}).items():
            typer.echo(f"    {key} = {value!r}")


@app.command()
def ingest(
    paths: List[Path] = typer.Argument(..., help="Text, HTML or JSONL files, or directories of them."),
    db: Path = DB,
    published: Optional[str] = PUBLISHED,
    source: Optional[str] = SOURCE,
    kb: List[Path] = KB,
    max_bytes: int = MAX_BYTES,
    n_process: int = N_PROCESS,
    ray: Optional[str] = RAY,
    encoding: Optional[str] = ENCODING,
    replace: bool = typer.Option(False, "--replace",
                                 help="A stored article id given another text: replace the stored article "
                                      "(without it, that is an error)."),
    article_timeout: Optional[float] = ARTICLE_TIMEOUT,
    update_meta: bool = typer.Option(False, "--update-meta",
                                     help="An article already stored read with another date, outlet, title or URL: "
                                          "extract it again with them."),
) -> None:
    """Extract articles and store them in the database (idempotent; failures are recorded).

    A text stored under another id is recorded as a duplicate (its id resolves to the stored article);
    stderr ends with `read N, documents D, duplicates U, failed F` (documents: stored now or already)."""
    from ..situation.store import Store  # DuckDB on first use: `sitrep --help` and `extract` start without it

    _check_date(published)
    with Store(db) as store:
        result = _ingest(store, paths, kb=kb, published=published, source=source, max_bytes=max_bytes,
                         n_process=n_process, ray_address=ray, encoding=encoding, replace=replace,
                         article_timeout=article_timeout, update_meta=update_meta)
    err_console.print(f"{db}: {result.summary()}", highlight=False)
    _tally(result.read, result.documents, result.duplicates, result.failed)
    if result.failed:
        raise typer.Exit(1)


def _ingest(store, paths, *, kb, published=None, source=None, max_bytes=limits.MAX_ARTICLE_BYTES, n_process=1,
            ray_address=None, encoding=None, replace=False, article_timeout=None, update_meta=False):
    n = len(list(expand_paths(paths)))
    with _progress(n, "ingesting") as advance:
        result = store.ingest(paths, pipeline=_pipeline(kb), published=published, source=source,
                              max_bytes=max_bytes, n_process=n_process, ray_address=ray_address,
                              on_progress=advance, encoding=encoding, replace=replace,
                              article_timeout=article_timeout, update_meta=update_meta)
    for f in result.failures:
        _report_failure(f)
    for d in result.duplicate_items:
        _report_duplicate(d)
    return result


@app.command()
def demo(
    db: Optional[Path] = DEMO_DB,
    kb: List[Path] = KB,
) -> None:
    """Ingest the bundled example articles and print a situation report."""
    from ..situation.store import Store  # DuckDB on first use, as in ingest

    tmp = None
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="sitrep-demo-")
        db = Path(tmp.name) / "demo.duckdb"
    try:
        with Store(db) as store:
            result = store.ingest(example_articles(), pipeline=_pipeline(kb))
            for f in result.failures:
                _report_failure(f)
            err_console.print(f"{db}: {result.summary()}", highlight=False)
            print_situation(store, Console())
    finally:
        if tmp is not None:
            tmp.cleanup()


def _check_date(value: Optional[str]) -> None:
    if value is None:
        return
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint="--published") from None


def main() -> None:
    """Console entry point: run the app, turning sitrep errors into ``Error: …`` and exit codes."""
    try:
        rc = app(standalone_mode=False)
        sys.exit(rc if isinstance(rc, int) else 0)
    except SitrepError as err:
        if _STATE["debug"]:
            raise
        err_console.print(f"[red]Error:[/red] {err}", highlight=False)
        sys.exit(1)
    except typer.Exit as ex:
        sys.exit(ex.exit_code)
    except typer.Abort:
        err_console.print("Aborted.")
        sys.exit(130)
    except KeyboardInterrupt:
        err_console.print("Interrupted.")
        sys.exit(130)
    except Exception as ex:  # usage errors (click's, as vendored by typer) and the unexpected
        if hasattr(ex, "show") and hasattr(ex, "exit_code"):
            ex.show()
            sys.exit(ex.exit_code)
        if _STATE["debug"]:
            raise
        err_console.print(f"[red]Error:[/red] {type(ex).__name__}: {ex} (run with --debug for the traceback)",
                          highlight=False)
        sys.exit(1)

