"""The package layout of issue #15: moved modules keep their old import paths for users."""

import importlib
import subprocess
import sys

import pytest

from sitrep.moved import MOVED


@pytest.mark.parametrize("old,new", sorted(MOVED.items()))
def test_old_path_is_the_moved_module(old, new):
    assert importlib.import_module(old) is importlib.import_module(new)
    assert importlib.import_module(new).__spec__.name == new


def test_private_names_and_from_imports_work_through_the_old_path():
    from sitrep import gazetteer, timex
    from sitrep.gazetteer import _IndexBuilder  # noqa: F401 - a private name, which `import *` shims would lose
    from sitrep.geo import gazetteer as geo_gazetteer

    assert gazetteer is geo_gazetteer
    assert timex.resolve is importlib.import_module("sitrep.lang.timex").resolve


def test_old_path_works_in_a_fresh_interpreter():
    code = "import sitrep.timex as t, sitrep.lang.timex as n; assert t is n; print(t.__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "sitrep.lang.timex"


def test_unknown_names_still_fail():
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("sitrep.no_such_module")
