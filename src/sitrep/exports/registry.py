"""The export formats: each registers itself here, and everything that lists formats reads this.

A format is one module in ``sitrep/exports/`` that calls :func:`register` with its :class:`Format`; the
package imports every module in it, so a new format is one new file. ``sitrep export``, its ``--help``,
the format table of ``docs/exports.md`` (``scripts/gen_cli_docs.py``) and :func:`sitrep.exports.export`
all read :data:`REGISTRY`.

    register(Format(name="plover", suffix=".jsonl", writer=write_plover, order=10,
                    description="PLOVER JSON lines: one OEDA event record per situation event"))
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..core.errors import ExportError


@dataclass(frozen=True)
class Format:
    """One export format.

    ``writer(store, path, **options)`` writes the export into ``path`` (a temporary file, or a directory
    when ``directory``) and returns how many ``unit`` it wrote; the caller makes it atomic."""

    name: str                           #: the FORMAT argument of ``sitrep export``
    description: str                    #: one line, for the docs and the help
    suffix: str                         #: of the default output file (``sitrep_NAME`` + suffix); "" for a directory
    writer: Callable[..., int]          #: ``writer(store, path, **options) -> count``
    unit: str = "events"                #: what the count counts
    directory: bool = False             #: the output is a directory of files (else one file)
    options: tuple[str, ...] = ()       #: the options it takes besides the path (e.g. "at" for a date)
    order: int = 100                    #: its place in listings (help, docs); then by name

    def default_path(self) -> Path:
        return Path(f"sitrep_{self.name}{self.suffix}")


#: format name -> :class:`Format`, in listing order
REGISTRY: dict[str, Format] = {}
#: format name -> suffix of its default output file (the same order; kept up to date by :func:`register`)
SUFFIXES: dict[str, str] = {}


def register(fmt: Format) -> Format:
    """Add an export format (a format of the same name is replaced); returns it."""
    REGISTRY[fmt.name] = fmt
    ordered = sorted(REGISTRY.values(), key=lambda f: (f.order, f.name))
    REGISTRY.clear()
    REGISTRY.update((f.name, f) for f in ordered)
    SUFFIXES.clear()
    SUFFIXES.update((f.name, f.suffix) for f in ordered)
    return fmt


def get(name: str) -> Format:
    """The format called ``name``; an :class:`~sitrep.errors.ExportError` listing the others when unknown."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise ExportError(f"unknown export format {name!r}; one of {', '.join(REGISTRY)}") from None


def names_text(names: Any = None, last: str = "or") -> str:
    """``"plover, polecat, cameo, parquet, graphml or stix"``: format names as a phrase."""
    names = list(REGISTRY if names is None else names)
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {last} {names[-1]}"


def taking(option: str) -> list[str]:
    """The names of the formats that take ``option``."""
    return [f.name for f in REGISTRY.values() if option in f.options]
