"""The old import path of :mod:`sitrep.core.datafiles` (issue #15), kept while the stages and users import it."""

from .core.datafiles import *  # noqa: F401,F403
