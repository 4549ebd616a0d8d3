"""The old import path of :mod:`sitrep.core.validate` (issue #15), kept while the stages and users import it."""

from .core.validate import *  # noqa: F401,F403
