"""Writing an export safely: atomically, and never deleting what sitrep did not write.

* A one-file export is written to a temporary file beside its target and renamed into place
  (:func:`write_file`), so a failed export leaves nothing half-written. An existing target file is
  refused unless ``force`` (which replaces that file; a symlink is replaced, its target kept); a directory
  given as the target is refused even with ``force``.
* A directory export (:func:`write_directory`) builds a new directory beside its target and renames it;
  into an existing directory (only with ``force``) the writer replaces its own files one by one
  (:func:`move_into`) and leaves everything else in it alone.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Callable, Optional

from ..core.errors import ExportError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _parent(out: Path) -> Path:
    parent = out.parent
    if not parent.is_dir():
        raise ExportError(f"directory {parent} does not exist")
    return parent


def write_file(out: Path, force: bool, write: Callable[[Path], int], example: Optional[Path] = None) -> int:
    """Write a one-file export through ``write(tmp_path)`` into a temporary file beside ``out`` and
    rename it to ``out``. An existing file is replaced only with ``force``; a directory never.
    ``example``: the file name the error for a directory suggests (default ``FILE``)."""
    if out.is_dir():
        example = out / (example.name if example is not None else "FILE")
        raise ExportError(f"{out} is a directory; --out names the file to write (e.g. {example}); "
                          f"a directory is never replaced, even with --force")
    if (out.exists() or out.is_symlink()) and not force:
        raise ExportError(f"{out} already exists; choose another --out or pass --force to replace it")
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".sitrep-tmp", dir=_parent(out))
    os.close(fd)
    tmp, done = Path(name), False
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # as an ordinary new file (mkstemp makes it private)
        n = write(tmp)
        os.replace(tmp, out)
        done = True
        return n
    finally:
        if not done:
            tmp.unlink(missing_ok=True)


def write_directory(out: Path, force: bool, write: Callable[[Path], int], example: Optional[Path] = None) -> int:
    """Write a directory export through ``write(directory)``: a new directory is made beside ``out`` and
    renamed to it; into an existing one (only with ``force``) ``write`` replaces its own files."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file; this format writes a directory (give a directory for --out)")
    if out.is_dir():
        if not force:
            raise ExportError(f"{out} already exists; choose another --out or pass --force to replace sitrep's "
                              f"files in it (nothing else in it is touched)")
        return write(out)
    tmp, done = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".sitrep-tmp", dir=_parent(out))), False
    try:
        os.chmod(tmp, 0o777 & ~_umask())
        n = write(tmp)
        os.rename(tmp, out)
        done = True
        return n
    finally:
        if not done:
            shutil.rmtree(tmp, ignore_errors=True)  # the directory this export made, and only it


def move_into(src: Path, dst: Path) -> None:
    """Move a file we wrote to ``dst`` atomically: beside it under a temporary name, then renamed."""
    tmp = dst.parent / f".{dst.name}.{uuid.uuid4().hex[:8]}.sitrep-tmp"
    try:
        shutil.move(str(src), str(tmp))
        os.replace(tmp, dst)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {dst}: {err.strerror or err}") from None
