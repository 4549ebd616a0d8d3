"""The old import path of :mod:`sitrep.core.datamodels` (issue #15), kept while the stages and users import it."""

from .core.datamodels import *  # noqa: F401,F403
