"""``python -m sitrep.cli``: the ``sitrep`` command line."""

from . import main

main()
