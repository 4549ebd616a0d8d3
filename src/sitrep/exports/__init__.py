"""``sitrep export FORMAT``: the situation in formats other tools read (see docs/exports.md).

One module per format (``plover``, ``polecat``, ``cameo``, ``parquet``, ``graphml``, ``stix``, ...), each
registering a :class:`~sitrep.exports.registry.Format` in :data:`~sitrep.exports.registry.REGISTRY`;
this package imports every module in it, so a new format is one new file (the CLI, its help and
``docs/exports.md`` list what the registry holds).

Every export is written to a temporary file beside the target and renamed into place, so a failed
export leaves nothing half-written. Nothing sitrep did not write is ever deleted: an existing target
file is refused unless ``force`` (which replaces that file); a directory given as the target of a
file format is refused even with ``force``. A directory format (``parquet``) writes a directory: an
existing one is refused unless ``force``, which replaces sitrep's own files in it (``TABLE.parquet``),
one by one, and leaves everything else in it alone (:mod:`sitrep.exports.files`).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from pathlib import Path
from typing import Optional, Union

from ..core.errors import ExportError
from .files import _umask, write_directory, write_file  # noqa: F401 (_umask: tests compare file modes with it)
from .registry import REGISTRY, SUFFIXES, Format, get, names_text, register, taking  # noqa: F401

for _module in pkgutil.iter_modules(__path__):  # each format module registers itself
    importlib.import_module(f"{__name__}.{_module.name}")

from .cameo import GDELT_COLUMNS, gdelt_event_id  # noqa: E402,F401
from .graphml import graphml_tree  # noqa: E402,F401
from .plover import plover_records  # noqa: E402,F401
from .polecat import POLECAT_COLUMNS  # noqa: E402,F401
from .stix import stix_bundle  # noqa: E402,F401

#: format name -> suffix of its default output file ("" for a directory), as the registry holds them
FORMATS = SUFFIXES
#: formats whose output is a directory of files (the others write one file)
DIRECTORY_FORMATS = frozenset(f.name for f in REGISTRY.values() if f.directory)


def default_path(fmt: str) -> Path:
    return get(fmt).default_path()


def export(store, fmt: str, out: Optional[Union[str, os.PathLike]] = None, *, force: bool = False,
           at: Optional[str] = None, min_confidence: Optional[float] = None) -> dict:
    """Write the situation in ``fmt`` to ``out`` (default ``sitrep_FORMAT.EXT``); returns a summary.
    ``min_confidence``: the event-record formats leave out events less confident than this."""
    f = get(fmt)
    given = {"at": at, "min_confidence": min_confidence}
    options = {k: v for k, v in given.items() if v is not None}
    for name in options:
        if name not in f.options:
            which = taking(name)
            plural = "s" if len(which) > 1 else ""
            flag = "--" + name.replace("_", "-")
            raise ExportError(f"{flag} applies to the {names_text(which, 'and')} export{plural} only")
    path = Path(out) if out is not None else f.default_path()
    write = write_directory if f.directory else write_file
    n = write(path, force, lambda p: f.writer(store, p, **options), f.default_path())
    return {"format": f.name, "path": str(path), "count": n, "unit": f.unit}
