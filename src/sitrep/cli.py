"""The ``sitrep`` command line: a thin layer over the Python API (:mod:`sitrep`, :mod:`sitrep.store`).

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

from . import __version__, limits
from .errors import SitrepError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="sitrep: news articles in, a living model of a geopolitical situation out.")
err_console = Console(stderr=True, soft_wrap=True)
_STATE = {"debug": False}

KbOption = typer.Option([], "--kb", help="Extra knowledge-base YAML file (repeatable).")
DbOption = typer.Option("sitrep.duckdb", "--db", help="DuckDB database file.")
RayOption = typer.Option(None, "--ray", help="Run on Ray: 'local', 'auto' or a cluster address (-j workers).")
TimeoutOption = typer.Option(None, "--article-timeout", metavar="SECONDS", min=0,
                             help="Time budget of one article; an article over it is stopped and reported "
                                  "as a failure (default: max(10, 4 per 1,000 words); 0: no budget).")


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
    from . import default_pipeline

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
    err_console.print(f"[red]Error:[/red] {f.describe()}", markup=True, highlight=False)


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., help="Text, HTML or JSONL files, or directories of them."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for articles without one."),
    source: Optional[str] = typer.Option(None, help="Source (outlet) name for articles without one."),
    format: str = typer.Option("jsonl", "--format", help="jsonl (one document per line) or json (pretty)."),
    kb: List[Path] = KbOption,
    max_bytes: int = typer.Option(limits.MAX_ARTICLE_BYTES, "--max-bytes", help="Refuse texts larger than this."),
    n_process: int = typer.Option(1, "--n-process", "-j", help="Worker processes."),
    ray: Optional[str] = RayOption,
    no_text: bool = typer.Option(False, "--no-text", help="Leave the article text out of each document."),
    article_timeout: Optional[float] = TimeoutOption,
) -> None:
    """Extract one contract document per article and write it to stdout (no database, no network)."""
    from .readers import read_paths
    from .article import Article, Failure

    if format not in ("jsonl", "json"):
        raise typer.BadParameter("must be jsonl or json", param_hint="--format")
    _check_date(published)
    items = list(read_paths(paths, published=published, source=source, max_bytes=max_bytes))
    articles = [x for x in items if isinstance(x, Article)]
    failures = [x for x in items if isinstance(x, Failure)]
    for f in failures:
        _report_failure(f)
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
            if format == "json":
                out.write(doc.model_dump_json(indent=2) + "\n")
            else:
                out.write(doc.model_dump_json() + "\n")
            out.flush()
    if failures:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output document."""
    from .contract import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


@app.command()
def stages() -> None:
    """List the pipeline's stages with what each needs and assigns."""
    from .pipeline import Pipeline

    for s in Pipeline().describe():
        typer.echo(f"{s['name']:<15} needs {', '.join(s['needs']):<45} assigns {', '.join(s['assigns'])}")


@app.command()
def ingest(
    paths: List[Path] = typer.Argument(..., help="Text, HTML or JSONL files, or directories of them."),
    db: Path = DbOption,
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for articles without one."),
    source: Optional[str] = typer.Option(None, help="Source (outlet) name for articles without one."),
    kb: List[Path] = KbOption,
    max_bytes: int = typer.Option(limits.MAX_ARTICLE_BYTES, "--max-bytes", help="Refuse texts larger than this."),
    n_process: int = typer.Option(1, "--n-process", "-j", help="Worker processes."),
    ray: Optional[str] = RayOption,
    article_timeout: Optional[float] = TimeoutOption,
) -> None:
    """Extract articles and store them in the database (idempotent; failures are recorded)."""
    from .store import Store

    _check_date(published)
    with Store(db) as store:
        result = _ingest(store, paths, kb=kb, published=published, source=source, max_bytes=max_bytes,
                         n_process=n_process, ray_address=ray, article_timeout=article_timeout)
    err_console.print(f"{db}: {result.summary()}", highlight=False)
    if result.failed:
        raise typer.Exit(1)


def _ingest(store, paths, *, kb, published=None, source=None, max_bytes=limits.MAX_ARTICLE_BYTES, n_process=1,
            ray_address=None,
            article_timeout=None):
    from .readers import expand_paths

    n = len(list(expand_paths(paths)))
    with _progress(n, "ingesting") as advance:
        result = store.ingest(paths, pipeline=_pipeline(kb), published=published, source=source,
                              max_bytes=max_bytes, n_process=n_process, ray_address=ray_address,
                              on_progress=advance, article_timeout=article_timeout)
    for f in result.failures:
        _report_failure(f)
    return result


@app.command()
def demo(
    db: Optional[Path] = typer.Option(None, "--db", help="Keep the demo database here (default: a temporary file)."),
    kb: List[Path] = KbOption,
) -> None:
    """Ingest the bundled example articles and print a situation report."""
    from .examples import example_articles
    from .cli_situation import print_situation
    from .store import Store

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


from .cli_situation import register as _register_situation; _register_situation(app)  # noqa: E402,E702 (situation queries, export)
from .cli_serve import register as _register_serve; _register_serve(app)  # noqa: E402,E702 (sitrep serve)


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


from .evaluation.cli import register as _register_eval  # noqa: E402  (sitrep eval)
_register_eval(app)

if __name__ == "__main__":  # pragma: no cover
    main()
