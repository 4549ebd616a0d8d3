"""The old import path of :mod:`sitrep.core.contract` (issue #15), kept while the stages and users import it."""

from .core.contract import *  # noqa: F401,F403
