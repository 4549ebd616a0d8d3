"""``sitrep eval SUITE [--data PATH] [--limit N] [--json FILE] [--confusion]``.

Data paths default to the nearest ``shared/data`` folder up from the working directory
(``./shared/data``, ``../shared/data``, ...) or to ``$SITREP_EVAL_DATA``. It never reads the network.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path
from typing import Callable, Optional

import typer

from ..core.errors import EvalDataError, SitrepError

ENV_VAR = "SITREP_EVAL_DATA"


def _seed(root: Path) -> Path:
    for p in (root.parent / "seed", root / "seed"):
        if p.exists():
            return p
    return root.parent / "seed"


#: suite -> (where its data lies under the data root, what it does)
SUITES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "seed": (_seed, "hand-written gold reading of the seed article (gold.json shape)"),
    "plover": (lambda r: r / "plover" / "PLOVER_GSR_CAMEO.txt",
               "OEDA PLOVER gold standard (event, mode, source, target)"),
    "polnear": (lambda r: r / "polnear_dev", "PolNeAR brat attributions (quotes and their sources)"),
    "lgl": (lambda r: r / "geoparsing_dev" / "lgl.xml", "LGL/GeoWebNews XML toponyms (places and coordinates)"),
    "news": (lambda r: news_root() or r / "news", "sitrep's real-news development set (eval/news, role-level)"),
    "fr": (lambda r: fr_root() or r / "fr", "sitrep's French development set (eval/fr, authored, the news set's format)"),
    "short": (lambda r: short_root() or r / "short",
              "sitrep's short-report set (eval/short, authored: monitor notes and news snippets, top event type)"),
}


def news_root(cwd: Optional[Path] = None) -> Optional[Path]:
    """The nearest ``eval/news`` folder in the working directory or above it, else the one of the
    source checkout sitrep runs from."""
    cwd = Path(cwd or Path.cwd()).resolve()
    for folder in (cwd, *cwd.parents, Path(__file__).resolve().parents[3]):
        cand = folder / "eval" / "news"
        if (cand / "texts").is_dir():
            return cand
    return None


def fr_root(cwd: Optional[Path] = None) -> Optional[Path]:
    """The nearest ``eval/fr`` folder in the working directory or above it, else the source checkout's."""
    cwd = Path(cwd or Path.cwd()).resolve()
    for folder in (cwd, *cwd.parents, Path(__file__).resolve().parents[3]):
        cand = folder / "eval" / "fr"
        if (cand / "gold").is_dir():
            return cand
    return None


def short_root(cwd: Optional[Path] = None) -> Optional[Path]:
    """The nearest ``eval/short`` folder in the working directory or above it, else the source checkout's."""
    cwd = Path(cwd or Path.cwd()).resolve()
    for folder in (cwd, *cwd.parents, Path(__file__).resolve().parents[3]):
        cand = folder / "eval" / "short"
        if (cand / "items.jsonl").is_file():
            return cand
    return None


def data_root(cwd: Optional[Path] = None) -> Optional[Path]:
    """``$SITREP_EVAL_DATA``, else the nearest ``shared/data`` in the working directory or above it."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    cwd = Path(cwd or Path.cwd()).resolve()
    for folder in (cwd, *cwd.parents):
        cand = folder / "shared" / "data"
        if cand.is_dir():
            return cand
    return None


def default_data(suite: str, cwd: Optional[Path] = None) -> Optional[Path]:
    if suite == "news":
        return news_root(cwd)
    if suite == "fr":
        return fr_root(cwd)
    if suite == "short":
        return short_root(cwd)
    root = data_root(cwd)
    if root is None:
        return None
    return SUITES[suite][0](root)


def run_suite(suite: str, data: Path, *, limit: Optional[int] = None, pipeline=None, split: str = "dev",
              plots: Optional[Path] = None):
    """Run one suite on ``data`` and return its :class:`~sitrep.evaluation.results.SuiteResult`."""
    if suite == "seed":
        from .seed import evaluate_seed
        return evaluate_seed(data, pipeline=pipeline)
    if suite == "plover":
        from .plover import evaluate_plover
        return evaluate_plover(data, pipeline=pipeline, limit=limit)
    if suite == "polnear":
        from .polnear import evaluate_polnear
        return evaluate_polnear(data, pipeline=pipeline, limit=limit)
    if suite == "lgl":
        from .lgl import evaluate_lgl
        return evaluate_lgl(data, pipeline=pipeline, limit=limit, split=split)
    if suite == "news":
        from .news import evaluate_news
        return evaluate_news(data, pipeline=pipeline, limit=limit, split=split, plots=plots)
    if suite == "fr":
        from .french import evaluate_french
        return evaluate_french(data, pipeline=pipeline, limit=limit, split=split)
    if suite == "short":
        from .short import evaluate_short
        return evaluate_short(data, pipeline=pipeline, limit=limit, split=split)
    raise EvalDataError(f"unknown suite {suite!r}; suites: {', '.join(SUITES)}")


def register(app: typer.Typer) -> None:
    """Add the ``eval`` command to sitrep's Typer app."""

    @app.command("eval")
    def eval_command(
        suite: str = typer.Argument(..., help="seed | plover | polnear | lgl | news | fr | short"),
        data: Optional[Path] = typer.Option(None, "--data", help="gold data (file or folder); default: shared/data"),
        limit: Optional[int] = typer.Option(None, "--limit", min=1, help="score only the first N items"),
        json_file: Optional[str] = typer.Option(
            None, "--json", help="also write the result as JSON to FILE ('-' = stdout only)"),
        confusion: bool = typer.Option(False, "--confusion", help="print the confusion matrix (plover, news, short)"),
        split: str = typer.Option("dev", "--split",
                                   help="news, fr, short: dev | held | all (held: once per change); news, lgl: dev-a | dev-b"),
        details: Optional[bool] = typer.Option(None, "--details/--no-details",
                                               help="list what was missed or wrong (default: on for seed)"),
        plots: Optional[Path] = typer.Option(None, "--plots",
                                             help="news: write a reliability plot of event confidence (PNG) to DIR"),
    ) -> None:
        """Run the pipeline over a gold corpus and print its figures."""
        from rich.console import Console

        if suite not in SUITES:
            typer.echo(f"Error: unknown suite {suite!r}; choose one of: {', '.join(SUITES)}", err=True)
            raise typer.Exit(2)
        path = data or default_data(suite)
        if path is None or not Path(path).exists():
            where = f"{path} does not exist" if path else \
                f"no shared/data folder here or above, and ${ENV_VAR} is not set"
            typer.echo(f"Error: no data for suite '{suite}' ({where}); give --data PATH", err=True)
            raise typer.Exit(2)
        try:
            result = run_suite(suite, Path(path), limit=limit, split=split, plots=plots)
        except EvalDataError as err:
            typer.echo(f"Error: {err}; give --data PATH pointing at the {suite} data", err=True)
            raise typer.Exit(2)
        except SitrepError as err:
            typer.echo(f"Error: {err}", err=True)
            raise typer.Exit(1)
        named_split = suite in ("news", "fr", "short") or suite == "lgl" and split != "dev"
        args = ["sitrep", "eval", suite] + (["--data", str(data)] if data else []) + \
            (["--limit", str(limit)] if limit else []) + (["--split", split] if named_split else [])
        result.command = " ".join(shlex.quote(a) for a in args)
        if json_file == "-":
            sys.stdout.write(result.to_json() + "\n")
            return
        result.render(Console(), confusion=confusion, details=(suite == "seed") if details is None else details)
        if json_file:
            Path(json_file).parent.mkdir(parents=True, exist_ok=True)
            Path(json_file).write_text(result.to_json() + "\n", encoding="utf-8")
