"""Old import paths of modules that moved into a package (issue #15): ``sitrep.timex`` is ``sitrep.lang.timex``.

A moved module leaves no file at its old path, so that git's rename detection follows the move and a
branch that edited the old file merges its edit into the new one. Instead, :data:`MOVED` maps each old
name to the new one, and a finder on ``sys.meta_path`` (installed when ``sitrep`` is imported) answers an import
of the old name with the module at the new path -- the same module object, so ``from sitrep.timex import
_private`` works and monkeypatching either name patches both.

Nothing inside ``src/sitrep`` may import an old name (``scripts/check_structure.py`` fails on it); the old
names are for users and scripts written against them.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType
from typing import Optional, Sequence

#: old module name -> new module name
MOVED: dict[str, str] = {
    "sitrep.conflicts": "sitrep.lang.conflicts",
    "sitrep.coref": "sitrep.lang.coref",
    "sitrep.quotemarks": "sitrep.lang.quotemarks",
    "sitrep.modality": "sitrep.lang.modality",
    "sitrep.numbers": "sitrep.lang.numbers",
    "sitrep.timex": "sitrep.lang.timex",
    "sitrep.streets": "sitrep.geo.streets",
    "sitrep.gazetteer": "sitrep.geo.gazetteer",
}


class _AliasLoader(importlib.abc.Loader):
    """Loads an old name as the module imported from its new name."""

    def __init__(self, new: str) -> None:
        self.new = new
        self.real_spec: Optional[importlib.machinery.ModuleSpec] = None

    def create_module(self, spec):
        module = importlib.import_module(self.new)
        self.real_spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        module.__spec__ = self.real_spec  # the import system set the old name's spec; keep the real one


class _MovedFinder(importlib.abc.MetaPathFinder):
    """Finds the old names of :data:`MOVED` (and nothing else)."""

    def find_spec(self, fullname: str, path: Optional[Sequence[str]] = None, target=None):
        new = MOVED.get(fullname)
        if new is None:
            return None
        return importlib.util.spec_from_loader(fullname, _AliasLoader(new))


def install() -> None:
    """Put the finder on ``sys.meta_path`` once."""
    if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
        sys.meta_path.append(_MovedFinder())


install()
