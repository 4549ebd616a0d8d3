"""The data a pipeline's stages read, loaded once per pipeline and shared by its stages.

A stage asks for a resource by name with the function that loads it::

    gaz = self.resources.get("gazetteer", load_gazetteer)

The first request loads it; later ones, from any stage of the same pipeline, get the same object. A
resource given at construction (``Resources(gazetteer=small_test_gazetteer)``) is used instead of
loading, so a test or a user can give the stages another knowledge base, gazetteer or lexicon without
touching any process-wide state. A ``Resources`` is never pickled with its contents: a worker process
receives the given overrides only and loads the rest itself.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")


class Resources:
    def __init__(self, *, kb_paths: Iterable[str] = (), **given: Any):
        #: the user's knowledge-base files, read by every stage that loads the KB
        self.kb_paths = tuple(str(p) for p in kb_paths)
        self._given = dict(given)
        self._loaded: dict[str, Any] = {}
        self._lock = threading.RLock()

    def get(self, name: str, loader: Callable[[], T]) -> T:
        """The resource ``name``: the one given at construction, else the one ``loader()`` returns
        (called once per pipeline)."""
        if name in self._given:
            return self._given[name]
        try:
            return self._loaded[name]
        except KeyError:
            pass
        with self._lock:
            if name not in self._loaded:
                self._loaded[name] = loader()
            return self._loaded[name]

    def names(self) -> list[str]:
        """The resources given or loaded so far."""
        return sorted(set(self._given) | set(self._loaded))

    def __getstate__(self) -> dict:
        return {"kb_paths": self.kb_paths, "_given": self._given}

    def __setstate__(self, d: dict) -> None:
        self.__dict__.update(d)
        self._loaded = {}
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"<Resources {', '.join(self.names()) or 'none loaded'}>"
