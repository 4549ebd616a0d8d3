"""Keep a development set's dev/held split (``splits.json``) stable: the one ``main`` of
``split_news.py`` and ``split_short.py``. Items keep the split they have; new ones take the proposed one."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable, Iterable


def split_main(path: Path, ids: Iterable[str], proposed: Callable[[], dict[str, str]], description: str,
               argv=None) -> int:
    """Write ``path`` (``{"dev": [...], "held": [...]}``) for ``ids``: an id keeps its split, a new one
    takes ``proposed()[id]`` (``--reassign``: every id does). ``--check`` writes nothing and exits 1
    when an id has no split yet."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--reassign", action="store_true", help="recompute every assignment")
    args = ap.parse_args(argv)
    old = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"dev": [], "held": []}
    current = {i: s for s in ("dev", "held") for i in old.get(s, [])}
    missing = sorted(set(ids) - set(current))
    if args.check:
        if missing:
            print("unassigned: " + ", ".join(missing), file=sys.stderr)
            return 1
        return 0
    new = proposed()
    if not args.reassign:
        new = {i: current.get(i, s) for i, s in new.items()}
    splits = {s: sorted(i for i, v in new.items() if v == s) for s in ("dev", "held")}
    path.write_text(json.dumps(splits, indent=1) + "\n", encoding="utf-8")
    print(f"dev {len(splits['dev'])}, held {len(splits['held'])}")
    return 0
