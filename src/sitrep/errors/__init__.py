"""The old import path of :mod:`sitrep.core.errors` (issue #15), kept while the stages and users import it.

A package rather than an ``errors.py`` module so that ``errors.py`` itself is gone from the tree and git
follows its move to ``core/errors.py`` (a file edited on another branch merges into its new place).
"""

from ..core.errors import *  # noqa: F401,F403
