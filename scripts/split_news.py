"""Write eval/news/splits.json: two thirds of the real-news set for development, one third held back.

The split is fixed by the ids alone (no randomness to re-roll): articles are ordered by region and, within it,
by the SHA-256 of their id, and every third one of that order is held back, so every region is in both parts. Adding
articles keeps the earlier ones where they were only as long as their region's order is unchanged, so
the script refuses to move an id that is already assigned unless --reassign is given.

    python scripts/split_news.py            # assign new ids, keep the old assignment
    python scripts/split_news.py --check    # exit 1 if an article is unassigned
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splitting import split_main  # noqa: E402

from sitrep.evaluation.news import region_hash_order  # noqa: E402

NEWS = Path(__file__).resolve().parents[1] / "eval" / "news"


def proposed(texts: dict[str, dict]) -> dict[str, str]:
    """id -> "dev" | "held" for every article, by region and hash order."""
    # one count runs across the regions, so small regions still give the held part its third
    return {aid: "held" if k % 3 == 2 else "dev" for k, aid in enumerate(region_hash_order(texts))}


def main(argv=None) -> int:
    texts = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((NEWS / "texts").glob("*.json"))}
    return split_main(NEWS / "splits.json", texts, lambda: proposed(texts), __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    sys.exit(main())
