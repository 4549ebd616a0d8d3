"""The old import path of :mod:`sitrep.situation.store` (issue #15): ``from sitrep.store import Store``.

A package rather than a ``store.py`` module so that ``store.py`` itself is gone from the tree and git
follows its move to ``situation/store.py`` (a file edited on another branch merges into its new place).
"""

from ..situation.schema import FACT_TABLES, MIGRATIONS, SCHEMA, SCHEMA_VERSION  # noqa: F401
from ..situation.store import DEFAULT_DB, IngestPlan, IngestResult, Store, open_store  # noqa: F401
