"""The ``sitrep`` command line (entry point ``sitrep = "sitrep.cli:main"``).

* :mod:`~sitrep.cli.commands` -- the app, ``main()`` (errors as ``Error: …``, exit codes), and the
  commands that read articles: ``extract``, ``schema``, ``stages``, ``ingest``, ``demo``;
* :mod:`~sitrep.cli.situation` -- the queries over the store (``actors``, ``events``, ``report``, …) and ``export``;
* :mod:`~sitrep.cli.serve` -- ``serve``: the HTTP API and the dashboard;
* :mod:`~sitrep.cli.options` -- the options the commands share (``--db``, ``--json``/``--csv``, ``--kb``,
  ``--published``, ``--source``, …), each declared once;
* ``sitrep eval`` comes from :mod:`sitrep.evaluation.cli`.

docs/cli.md is generated from this app by ``scripts/gen_cli_docs.py``.
"""

from ..evaluation.cli import register as _register_eval
from . import serve, situation
from .commands import app, main

situation.register(app)
serve.register(app)
_register_eval(app)

__all__ = ["app", "main"]
