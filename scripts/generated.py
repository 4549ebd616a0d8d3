"""Write generated files, or check that the committed ones are current: the one ``--check`` of the
generator scripts (``gen_states.py``, ``gen_states_fr.py``, ``gen_cli_docs.py``)."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(outputs: dict[Path, str], script: str, argv: list[str]) -> int:
    """Write each text of ``outputs`` to its path, or, with ``--check`` in ``argv``, write nothing and
    return 1 (after naming them and ``script``, the command that renews them) when any is missing or
    differs. 0 otherwise."""
    if "--check" in argv:
        stale = [p for p, text in outputs.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"{p} is out of date: run python scripts/{script}", file=sys.stderr)
        return 1 if stale else 0
    for p, text in outputs.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        print(f"wrote {p}")
    return 0
