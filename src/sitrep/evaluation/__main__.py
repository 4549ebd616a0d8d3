"""``python -m sitrep.evaluation eval SUITE ...``: the ``sitrep eval`` command without the rest of the CLI
(what scripts/check_floors.py runs, so the gate works whatever else the CLI holds)."""

from __future__ import annotations

import typer

from .cli import register

app = typer.Typer(add_completion=False, no_args_is_help=True)


@app.callback()
def _main() -> None:
    """sitrep's evaluation suites."""


register(app)

if __name__ == "__main__":
    app()
