#!/usr/bin/env python3
"""Cross-validate the argument ranker: article folds of the news dev split, through the real pipeline.

    PYTHONPATH=src python scripts/train_arg_ranker.py --cache /tmp/r.json --out /tmp/full.yaml   # collect once
    PYTHONPATH=src python scripts/cv_arg_ranker.py --cache /tmp/r.json [--folds 5] [--margins 0.1,0.2,0.3]

For each fold K the ranker is trained (``train_arg_ranker.train_role``, same settings) on the news dev
articles of the other folds and the ConfliBERT decisions of the other folds, then:

* the news dev articles of fold K are run through the pipeline with the ranker on (each margin given)
  and scored by the news scorer; the counts are summed over the folds, so every article is scored by a
  model that never saw it, and compared with the rules alone (ranker off) on the same articles;
* the ConfliBERT decisions of fold K are decided offline from their recorded features, and the share
  whose source (target) overlaps the gold ``S`` (``T``) span is compared with the rules' choice.

Nothing here reads the held news ids. Prints one line per setting.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import train_arg_ranker as tr  # noqa: E402

from sitrep.evaluation.matching import run_pipeline  # noqa: E402
from sitrep.evaluation.news import _Tally, load_gold, score_events  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402
from sitrep.stages.events.ranker import ROLES, ArgRanker, RankerModel  # noqa: E402
from sitrep.stages.resources import Resources  # noqa: E402

LEVELS = ("type", "type+source", "type+source+target")


def strict(t: _Tally) -> str:
    """The tally's figures: type, type+source and strict P/R with their counts."""
    c = t.c
    out = []
    for lv in LEVELS:
        p, r = c[f"{lv} right"] / max(1, c["event pred"]), c[f"{lv} found"] / max(1, c["event gold"])
        out.append(f"{lv} P {p:.3f} ({c[f'{lv} right']}/{c['event pred']}) R {r:.3f} ({c[f'{lv} found']}/{c['event gold']})")
    return " | ".join(out)


def offline(model: RankerModel, decisions: list[dict]) -> dict[str, tuple[int, int, int]]:
    """Per role, over the decisions labelled for it: (rules right, ranker right, decisions)."""
    rk = ArgRanker(model)
    out = {}
    for role in ROLES:
        rule_ok = rank_ok = n = 0
        for d in decisions:
            right = set(d["labels"][role])
            if not right:
                continue
            cands = [None if c is None else SimpleNamespace(**c) for c in d["cands"]]
            ids = d["rule_sources"] if role == "source" else d["rule_targets"]
            rule = [next(c for c in cands if c is not None and c.actor_id == a) for a in ids[:1]]
            if len(ids) > 1 or (role == "source" and not ids and not d.get("fill_source")):
                chosen = rule
            else:
                chosen = rk._choose(role, cands, d["feats"], rule, exclude=None)
            n += 1
            rule_ok += _is_right(cands, right, rule)
            rank_ok += _is_right(cands, right, chosen)
        out[role] = (rule_ok, rank_ok, n)
    return out


def _is_right(cands: list, right: set, chosen: list) -> bool:
    """Is the chosen party (or none) one of the right candidates (by actor)?"""
    want = {None if cands[i] is None else cands[i].actor_id for i in right}
    return (chosen[0].actor_id if chosen else None) in want


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", required=True, help="the decisions collected by train_arg_ranker.py --cache")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--margins", default="0.2/0.2/0.2/0.2",
                    help="settings as source/target/empty source/empty target margins, comma-separated")
    ap.add_argument("--l2", type=float, default=0.002)
    ap.add_argument("--iters", type=int, default=400)
    ap.add_argument("--lr", type=float, default=0.05)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--no-conflibert", action="store_true")
    args = ap.parse_args(argv)
    data = json.loads(Path(args.cache).read_text(encoding="utf-8"))
    news, cb = data["news"], ([] if args.no_conflibert else data["conflibert"])
    # for the training records (fold membership) the ids come from the decisions; the scored articles
    # are every dev article, dealt to folds the same way
    golds, _ = load_gold(tr.NEWS, split="dev")
    ids = sorted(g.id for g in golds)
    margins = [tuple(float(x) for x in m.split("/")) for m in args.margins.split(",")]
    ranker = ArgRanker(None)
    pipe = Pipeline(stage_config={"events": {"ranker": True}}, resources=Resources(arg_ranker=ranker), article_timeout=0)
    off = _Tally()
    on = {m: _Tally() for m in margins}
    cb_fig = {m: {r: [0, 0, 0] for r in ROLES} for m in margins}
    for k in range(args.folds):
        train = [d for d in news if tr.fold_of(d["article"], ids, args.folds) != k]
        train += [d for i, d in enumerate(cb) if i % args.folds != k]
        weights = {r: tr.train_role(tr.role_groups(train, r), args.l2, args.iters, args.lr, args.min_count) for r in ROLES}
        held = [g for g in golds if tr.fold_of(g.id, ids, args.folds) == k]
        ranker.model = None
        _score(pipe, held, off)
        for m in margins:
            ranker.model = RankerModel(weights=weights, margin={"source": m[0], "target": m[1]},
                                       margin_when_empty={"source": m[2], "target": m[3]})
            _score(pipe, held, on[m])
            for role, fig in offline(ranker.model, [d for i, d in enumerate(cb) if i % args.folds == k]).items():
                cb_fig[m][role] = [a + b for a, b in zip(cb_fig[m][role], fig)]
        print(f"fold {k}: {len(held)} articles, {len(train)} training decisions", flush=True)
    print(f"rules alone     : {strict(off)}")
    for m in margins:
        cbs = " ".join(f"{r} rules {a / max(1, n):.3f} ranker {b / max(1, n):.3f} (n={n})" for r, (a, b, n) in cb_fig[m].items())
        print(f"ranker margins {'/'.join(map(str, m))}: {strict(on[m])}\n    ConfliBERT held folds: {cbs}")
    return 0


def _score(pipe: Pipeline, golds: list, t: _Tally) -> None:
    """Run ``golds`` through ``pipe`` and add their event counts to ``t``."""
    docs, _, _ = run_pipeline([g.article() for g in golds], pipeline=pipe)
    for g, doc in zip(golds, docs):
        if doc is not None:
            score_events(g, doc, t)


if __name__ == "__main__":
    raise SystemExit(main())
