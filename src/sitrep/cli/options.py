"""The options that several ``sitrep`` commands share, each declared once here.

A command takes one by naming it as a parameter's default (``db: str = DB``); the name, the flags, the
default and the help are then the same in every command and in docs/cli.md. Options with a per-command
default (``--limit``) come from a function that keeps the flags and the wording.
"""

from __future__ import annotations

from typing import Any, Optional

import typer

from .. import limits
from ..core.errors import SitrepError
from ..readers.text import check_encoding

# -- the store ------------------------------------------------------------------------------------
DB = typer.Option("sitrep.duckdb", "--db", envvar="SITREP_DB",
                  help="The store: a DuckDB file, or a PostgreSQL database postgresql://USER@HOST/DBNAME.")
DEMO_DB = typer.Option(None, "--db", help="Keep the demo database here (default: a temporary file).")

# -- reading articles -----------------------------------------------------------------------------
KB = typer.Option([], "--kb", help="Extra knowledge-base YAML file (repeatable).")
PUBLISHED = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for articles without one.")
SOURCE = typer.Option(None, "--source", help="Source (outlet) name for articles without one.")
MAX_BYTES = typer.Option(limits.MAX_ARTICLE_BYTES, "--max-bytes", help="Refuse texts larger than this.")
N_PROCESS = typer.Option(1, "--n-process", "-j", help="Worker processes.")
RAY = typer.Option(None, "--ray", metavar="ADDRESS",
                   help="Run on Ray with -j actors: 'local' (start Ray here), 'auto' (join the Ray running here, "
                        "else start one) or a cluster's address, host:port or ray://host:10001 (a token in "
                        "RAY_AUTH_TOKEN).")
ARTICLE_TIMEOUT = typer.Option(
    None, "--article-timeout", metavar="SECONDS", min=0,
    help=f"Time budget of one article; an article over it is stopped and reported as a failure (default: "
         f"max({limits.ARTICLE_TIMEOUT_FLOOR_S:g}, {limits.ARTICLE_TIMEOUT_PER_1000_WORDS_S:g} per 1,000 words); "
         f"0: no budget).")


def _check_encoding(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return check_encoding(value)
    except SitrepError as err:
        raise typer.BadParameter(err.message) from None


ENCODING = typer.Option(None, "--encoding", callback=_check_encoding, metavar="NAME",
                        help="Encoding of files without a byte-order mark (default: UTF-8, strictly).")

# -- printing query results -----------------------------------------------------------------------
JSON = typer.Option(False, "--json", help="Print JSON (for scripts).")
CSV = typer.Option(False, "--csv", help="Print CSV (for spreadsheets and scripts).")
SINCE = typer.Option(None, "--since", help="From this date (YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD).")


def limit(default: int = 50, text: str = "At most this many rows (0: all).") -> Any:
    """``--limit``/``-n`` with a command's own default (and, where rows are not the unit, its own help).
    Typed ``Any`` as typer's own options are, so that it is a valid default of an ``int`` parameter."""
    return typer.Option(default, "--limit", "-n", help=text)


LIMIT = limit()
MIN_CONFIDENCE = typer.Option(None, "--min-confidence", min=0.0, max=1.0,
                              help="Leave out events less confident than this (calibrated: about the share "
                                   "of such events that are right).")
