"""Shared fixture of the ``eval`` command's tests: the command registered on a local Typer app (as
sitrep's CLI does with ``register``)."""

import pytest
import typer

from sitrep.evaluation.cli import register


@pytest.fixture()
def app():
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """test app"""

    register(app)
    return app
