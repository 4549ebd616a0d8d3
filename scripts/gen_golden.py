"""Regenerate the golden documents that pin sitrep's output (tests/golden/).

    python scripts/gen_golden.py           # rewrite the golden files from the current code
    python scripts/gen_golden.py --check   # exit 1 and name the files whose output changed

Three sets are kept, each as JSON lines (one document a line, without the article text):

* ``examples.jsonl`` — the bundled demo articles;
* ``seed.jsonl``     — the reference article of ../shared/seed (skipped when shared/ is missing);
* ``plover.jsonl``   — the first 300 sentences of the PLOVER gold standard (likewise).

A restructure must leave all three byte-identical; a rule change regenerates them and the diff shows
what it changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
# ../shared beside the checkout, or the nearest shared/ further up (a git worktree lies deeper)
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "seed").is_dir()), ROOT.parent / "shared")
SEED = SHARED / "seed" / "000_930e9a1d074fde8c.txt"
PLOVER = SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"
PLOVER_N = 300


def _articles() -> dict[str, list]:
    from sitrep.article import Article
    from sitrep.examples import example_articles

    sets: dict[str, list] = {"examples": example_articles()}
    if SEED.is_file():
        sets["seed"] = [Article(text=SEED.read_text(encoding="utf-8"), id="000_930e9a1d074fde8c",
                                published="2024-12-03", source="iefimerida.gr")]
    if PLOVER.is_file():
        from sitrep.evaluation.plover import load_gold

        sets["plover"] = [Article(text=g.text, id=g.id, published=g.date)
                          for g in load_gold(PLOVER)[:PLOVER_N]]
    return sets


def render(articles) -> str:
    """The documents of ``articles`` as the `sitrep extract --no-text` lines they give."""
    from sitrep import default_pipeline

    pipe = default_pipeline()
    lines = []
    for outcome in pipe.pipe(articles):
        if outcome.failure is not None:
            lines.append('{"failure": %r}' % outcome.failure.describe())
            continue
        doc = outcome.document.model_copy(update={"text": None})
        lines.append(doc.model_dump_json())
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    ap.add_argument("--only", choices=["examples", "seed", "plover"], help="one set only")
    args = ap.parse_args(argv)
    GOLDEN.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, arts in _articles().items():
        if args.only and name != args.only:
            continue
        out = render(arts)
        path = GOLDEN / f"{name}.jsonl"
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != out:
                changed.append(name)
        else:
            path.write_text(out, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)} ({len(arts)} documents)")
    if changed:
        print("changed: " + ", ".join(changed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
