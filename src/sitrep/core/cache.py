"""sitrep's disk cache of built data (the gazetteer's index, parsed knowledge bases): where it lives, and
pickles read and written so that no reader ever sees half a file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "demo-1.pkl"
    >>> write_pickle(p, {"format": 1}); read_pickle(p)
    {'format': 1}
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, Optional


def cache_dir() -> Path:
    """Where sitrep caches built data: ``$SITREP_CACHE``, ``$XDG_CACHE_HOME/sitrep`` or ``~/.cache/sitrep``."""
    if os.environ.get("SITREP_CACHE"):
        return Path(os.environ["SITREP_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sitrep"


def read_pickle(path: Path) -> Optional[Any]:
    """The object pickled at ``path``, or ``None`` when there is none or it cannot be read (a broken
    cache is rebuilt by the caller, who also checks that the object is what it expects)."""
    if not path.exists():
        return None
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - a broken cache is rebuilt
        return None


def write_pickle(path: Path, obj: Any, *, keep: Optional[int] = None) -> None:
    """Pickle ``obj`` to ``path`` through a temporary file beside it and a rename. The files are named
    ``<kind>-<key>.pkl``; with ``keep``, only the ``keep`` newest files of that kind stay (several checkouts
    may share the cache). A cache that cannot be written (a read-only home) is skipped silently."""
    kind = path.name.split("-")[0]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        if keep is not None:
            olds = sorted(path.parent.glob(f"{kind}-*{path.suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
            for stale in olds[keep:]:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: no cache
