"""sitrep's output is pinned: the documents of the examples, the seed and 300 PLOVER sentences.

A change that alters them regenerates the files with ``python scripts/gen_golden.py`` and the diff
in the commit shows what changed; a restructure leaves them byte-identical.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("gen_golden", ROOT / "scripts" / "gen_golden.py")
gen_golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen_golden)


@pytest.mark.parametrize("name", ["examples", "seed", "plover"])
def test_output_matches_the_golden_documents(name):
    sets = gen_golden._articles()
    if name not in sets:
        pytest.skip(f"{name}: ../shared is not here")
    want = (gen_golden.GOLDEN / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    got = gen_golden.render(sets[name]).splitlines()
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert g == w, "output changed; run scripts/gen_golden.py and review the diff"
