"""List the place errors of the real-news set's dev split: gold places sitrep missed (recall) and
places it gave that the gold does not have (precision), with what it resolved each name to.

    PYTHONPATH=src python scripts/place_errors.py [--split dev] [--ids news-a001,news-b002]

Uses the scorer's own matching (``sitrep.evaluation.news``): a gold place is found when a predicted
place of the same (or same bare) name lies within 161 km of it (countries: the same code). Do not run
it on the held split while working: held figures are measured once per change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitrep.evaluation.matching import norm_name, run_pipeline
from sitrep.evaluation.news import SPLITS, _place_right, bare_name, load_gold

ROOT = Path(__file__).resolve().parent.parent


def place_errors(gold, doc) -> tuple[list[str], list[str]]:
    """(missed gold places, wrong predicted places) of one article, as printable lines."""
    preds = []
    for p in doc.places:
        names = {norm_name(p.name)} | {norm_name(m.text) for m in p.mentions}
        preds.append((p, names | {bare_name(n) for n in names}))
    missed, wrong = [], []
    for g in gold.places:
        n = norm_name(g.get("name"))
        keys = {n, bare_name(n)}
        same_name = [p for p, names in preds if names & keys]
        if any(_place_right(p, g) for p in same_name):
            continue
        got = ", ".join(f"{p.name} ({p.country_code} {p.lat},{p.lon})" for p in same_name) or "-"
        missed.append(f"{gold.id}: MISSED {g.get('name')!r} ({g.get('country')} {g.get('feature')} "
                      f"{g.get('lat')},{g.get('lon')}) predicted as: {got}")
    gold_keys: dict[str, list[dict]] = {}
    for g in gold.places:
        n = norm_name(g.get("name"))
        for k in {n, bare_name(n)}:
            gold_keys.setdefault(k, []).append(g)
    for p, names in preds:
        cands = [g for k in names for g in gold_keys.get(k, [])]
        if not any(_place_right(p, g) for g in cands):
            mentions = sorted({m.text for m in p.mentions})
            wrong.append(f"{gold.id}: WRONG {p.name} ({p.country_code} {p.feature} {p.lat},{p.lon}) "
                         f"mentions {mentions}")
    return missed, wrong


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=SPLITS)
    ap.add_argument("--data", default=str(ROOT / "eval" / "news"), help="a set in the news set's format (eval/fr too)")
    ap.add_argument("--ids", default="", help="comma-separated article ids (default: the whole split)")
    args = ap.parse_args(argv)
    golds, _ = load_gold(args.data, split=args.split)
    if args.ids:
        want = set(args.ids.split(","))
        golds = [g for g in golds if g.id in want]
    docs, failures, _ = run_pipeline([g.article() for g in golds])
    n_missed = n_wrong = 0
    for gold, doc in zip(golds, docs):
        if doc is None:
            continue
        missed, wrong = place_errors(gold, doc)
        n_missed += len(missed)
        n_wrong += len(wrong)
        for line in missed + wrong:
            print(line)
    print(f"{n_missed} missed, {n_wrong} wrong, {len(failures)} failures", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
