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
from ..readers import read_paths
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


def _progress(label: str):
    """The progress bar on stderr (see :mod:`sitrep.cli.progress`): on a terminal only."""
    from .progress import RunProgress  # Rich's progress module on first use: `sitrep --help` starts without it

    return RunProgress(label, err_console)


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
    paths: List[Path] = typer.Argument(..., help="Text, HTML, JSONL or Parquet files, or directories of them."),
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
    with _progress("extracting") as bar:
        bar.update(total=len(articles), failed=len(failures), duplicates=len(duplicates))
        for outcome in pipeline.pipe(articles, n_process=n_process, ray_address=ray,
                                     article_timeout=article_timeout):
            bar.advance(1, failed=outcome.failure is not None)
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
    paths: List[Path] = typer.Argument(..., help="Text, HTML, JSONL or Parquet files, or directories of them."),
    db: str = DB,
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
    from ..situation.store import open_store  # DuckDB on first use: `sitrep --help` and `extract` start without it

    from ..core.errors import StoreLockedError

    _check_date(published)
    try:
        store = open_store(db)
    except StoreLockedError as err:
        if not err.server:
            raise
        result, label = _ingest_via_server(err.server, paths, published=published, source=source,
                                           max_bytes=max_bytes, encoding=encoding, replace=replace,
                                           update_meta=update_meta), err.server
    else:
        with store:
            result = _ingest(store, paths, kb=kb, published=published, source=source, max_bytes=max_bytes,
                             n_process=n_process, ray_address=ray, encoding=encoding, replace=replace,
                             article_timeout=article_timeout, update_meta=update_meta)
            label = store.label
    err_console.print(f"{label}: {result.summary()}", highlight=False)
    _tally(result.read, result.documents, result.duplicates, result.failed)
    if result.failed:
        raise typer.Exit(1)


def _ingest_via_server(server: str, paths, *, published, source, max_bytes, encoding, replace, update_meta):
    """A DuckDB store held by ``sitrep serve``: send what is read to the server's POST /articles."""
    from ..readers import read_paths
    from .remote import send_articles

    err_console.print(f"the store is held by `sitrep serve` at {server}: sending the articles to it", highlight=False)
    items = list(read_paths(paths, published=published, source=source, max_bytes=max_bytes, encoding=encoding))
    with _progress("sending") as bar:
        bar.update(total=len(items))
        result = send_articles(server, items, replace=replace, update_meta=update_meta,
                               on_progress=lambda n=1: bar.advance(n))
    for f in result.failures:
        _report_failure(f)
    for d in result.duplicate_items:
        _report_duplicate(d)
    return result


def _ingest(store, paths, *, kb, published=None, source=None, max_bytes=limits.MAX_ARTICLE_BYTES, n_process=1,
            ray_address=None, encoding=None, replace=False, article_timeout=None, update_meta=False):
    with _progress("ingesting") as bar:
        result = store.ingest(paths, pipeline=_pipeline(kb), published=published, source=source,
                              max_bytes=max_bytes, n_process=n_process, ray_address=ray_address,
                              on_progress=bar.ingest_callback, encoding=encoding, replace=replace,
                              article_timeout=article_timeout, update_meta=update_meta)
    for f in result.failures:
        _report_failure(f)
    for d in result.duplicate_items:
        _report_duplicate(d)
    return result


@app.command()
def demo(
    db: Optional[str] = DEMO_DB,
    kb: List[Path] = KB,
) -> None:
    """Ingest the bundled example articles and print a situation report."""
    from ..situation.store import open_store  # DuckDB on first use, as in ingest

    tmp = None
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="sitrep-demo-")
        db = str(Path(tmp.name) / "demo.duckdb")
    try:
        with open_store(db) as store:
            result = store.ingest(example_articles(), pipeline=_pipeline(kb))
            for f in result.failures:
                _report_failure(f)
            err_console.print(f"{store.label}: {result.summary()}", highlight=False)
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

