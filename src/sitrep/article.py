"""The old import path of :mod:`sitrep.core.article` (issue #15), kept while the stages and users import it."""

from .core.article import *  # noqa: F401,F403
