"""Write eval/short/splits.json: two thirds of the short-report set for development, one third held back.

The split is fixed (no randomness to re-roll): items are grouped by style (``monitor``, ``snippet``) and
primary gold type, ordered within a group by the SHA-256 of a fixed seed and their id, and every third
item of that order (one count running across the groups) is held back, so every style and type is in
both parts. Ids already assigned keep their part unless --reassign is given.

    python scripts/split_short.py            # assign new ids, keep the old assignment
    python scripts/split_short.py --check    # exit 1 if an item is unassigned
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splitting import split_main  # noqa: E402

SHORT = Path(__file__).resolve().parents[1] / "eval" / "short"
#: the fixed seed of the order within a group
SEED = "sitrep-short-2026"


def read_items(path: Path) -> list[dict]:
    """The items of ``items.jsonl`` (one JSON object a line)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def proposed(items: list[dict]) -> dict[str, str]:
    """id -> "dev" | "held" for every item, by style, primary type and seeded hash order."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for it in items:
        groups[(it.get("style") or "?", (it.get("types") or ["none"])[0])].append(it["id"])
    order: list[str] = []
    for key in sorted(groups):
        order += sorted(groups[key], key=lambda i: hashlib.sha256(f"{SEED}:{i}".encode()).hexdigest())
    return {iid: "held" if k % 3 == 2 else "dev" for k, iid in enumerate(order)}


def main(argv=None) -> int:
    items = read_items(SHORT / "items.jsonl")
    return split_main(SHORT / "splits.json", [it["id"] for it in items], lambda: proposed(items),
                      __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    sys.exit(main())
