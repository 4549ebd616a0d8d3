#!/usr/bin/env python3
"""Train the argument ranker (``sitrep.stages.events.ranker``) and write ``src/sitrep/data/arg_ranker.yaml``.

    PYTHONPATH=src python scripts/train_arg_ranker.py                    # collect, train, write the package file
    PYTHONPATH=src python scripts/train_arg_ranker.py --cache /tmp/r.json  # keep / reuse the collected decisions
    PYTHONPATH=src python scripts/train_arg_ranker.py --exclude-fold 2 --folds 5 --out /tmp/fold2.yaml

Training data (development material only; the held news ids are never read):

* the news **dev** split (``eval/news``, ``splits.json`` "dev"): the pipeline runs with the ranker in
  recording mode; each decision (an event candidate of the rules) is matched to the gold event of its
  sentence with the same type (the one whose trigger holds the candidate's trigger word, else the
  first), and each argument candidate is labelled right for a role when the news scorer
  (``party_right``) counts it as the gold party ("none" when the gold party is null);
* ConfliBERT's CAMEO source/target spans (``<data>/dev/conflibert_cameo/cameo_ner_train.txt``,
  GPL-3.0, see NOTICE): each sentence is one article; its main-clause decision (the one nearest the
  root) is labelled by the ``S``/``T``/``R`` spans its candidates overlap.

The model is a softmax over each decision's candidates of the sum of their features' weights, per
role, fitted by full-batch gradient descent with L2 (fixed seed; features seen fewer than
``--min-count`` times are dropped). With ``--folds K --exclude-fold I`` the news articles of fold I
(articles dealt to folds in id order, ``fold_of``) are left out, for cross-validation
(``scripts/cv_arg_ranker.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Optional

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.core.article import Article  # noqa: E402
from sitrep.evaluation.matching import run_pipeline  # noqa: E402
from sitrep.evaluation.news import _Names, _sentence_span, load_gold, party_right  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402
from sitrep.stages.events.ranker import ROLES, ArgRanker  # noqa: E402
from sitrep.stages.resources import Resources  # noqa: E402

NEWS = ROOT / "eval" / "news"
OUT = ROOT / "src" / "sitrep" / "data" / "arg_ranker.yaml"
NER = Path("dev") / "conflibert_cameo" / "cameo_ner_train.txt"
SEED = 13
#: tokens written without a space before them / after them when ConfliBERT's tokens are joined
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "'s", "n't", "'", "%", "]"}
NO_SPACE_AFTER = {"(", "[", "$"}


# -- collecting decisions ------------------------------------------------------------------------------

def recording_pipeline(rec: list) -> Pipeline:
    """The default pipeline with the ranker switched on in recording mode (the rules' output unchanged)."""
    return Pipeline(stage_config={"events": {"ranker": True}}, resources=Resources(arg_ranker=ArgRanker(recorder=rec)),
                    article_timeout=0)


def collect_news(split: str = "dev") -> list[dict]:
    """The labelled decisions of the news split (each with its article id, for folds)."""
    golds, _ = load_gold(NEWS, split=split)
    rec: list = []
    docs, _, _ = run_pipeline([g.article() for g in golds], pipeline=recording_pipeline(rec))
    by_article: dict[str, list] = {}
    for r in rec:
        by_article.setdefault(r["article"], []).append(r)
    out = []
    for gold, doc in zip(golds, docs):
        if doc is None:
            continue
        names = _Names(doc)
        spans = [_sentence_span(gold.text, g.get("sentence"), g.get("trigger")) for g in gold.events]
        for r in by_article.get(gold.id, []):
            g = _gold_event(gold, spans, r)
            if g is not None:
                out.append(_labelled(r, lambda m, key: party_right(gold, key, names, m), g.get("source"),
                                     g.get("target")))
    return out


def _gold_event(gold: Any, spans: list, r: dict) -> Optional[dict]:
    """The gold event a decision stands for: same type, overlapping sentence; the one whose trigger
    holds the decision's trigger word, else the first; ``None`` when there is none."""
    s0, s1 = r["sent"]
    same = [g for g, sp in zip(gold.events, spans)
            if g["type"] == r["type"] and sp is not None and sp[0] < s1 and s0 < sp[1]]
    word = r["trigger"].lower()
    return next((g for g in same if word in (g.get("trigger") or "").lower()), same[0] if same else None)


def _labelled(r: dict, right, source_key, target_key) -> dict:
    """A decision with, per role, the indices of its right candidates (``right(ref, key)``; "none" is
    right when the key is null)."""
    labels = {}
    for role, key in (("source", source_key), ("target", target_key)):
        labels[role] = [i for i, c in enumerate(r["cands"])
                        if (c is None and key is None)
                        or (c is not None and key is not None and right(SimpleNamespace(**c), key))]
    return {**r, "labels": labels}


def read_bio(path: Path) -> list[tuple[str, dict[str, list[tuple[int, int]]]]]:
    """ConfliBERT's BIO sentences as ``(text, {"S": spans, "T": spans, "R": spans})`` with character
    spans in the text made by joining the tokens (no space before closing punctuation)."""
    out = []
    toks: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if len(parts) >= 2:
            toks.append((parts[0], parts[-1]))
            continue
        if toks:
            out.append(_join(toks))
            toks = []
    return out


def _join(toks: list[tuple[str, str]]) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """One BIO sentence as text and role spans (an ``I-`` tag after the same role extends its span)."""
    text = ""
    spans: dict[str, list[tuple[int, int]]] = {"S": [], "T": [], "R": []}
    prev_word, prev_role = "", ""
    for word, tag in toks:
        if text and word not in NO_SPACE_BEFORE and prev_word not in NO_SPACE_AFTER:
            text += " "
        start = len(text)
        text += word
        bio, _, role = tag.partition("-")
        if role in spans and bio == "I" and prev_role == role:
            spans[role][-1] = (spans[role][-1][0], len(text))
        elif role in spans:
            spans[role].append((start, len(text)))
        prev_word, prev_role = word, role if role in spans else ""
    return text, spans


def collect_conflibert(data: Path, limit: Optional[int] = None) -> list[dict]:
    """The labelled main-clause decisions of ConfliBERT's BIO sentences (article ids ``cb<n>``)."""
    rows = read_bio(data / NER)[:limit] if limit else read_bio(data / NER)
    rec: list = []
    run_pipeline([Article(text=t, id=f"cb{i}") for i, (t, _) in enumerate(rows)], pipeline=recording_pipeline(rec))
    main: dict[str, dict] = {}
    for r in rec:
        if r["article"] not in main or r["depth"] < main[r["article"]]["depth"]:
            main[r["article"]] = r
    out = []
    for aid, r in main.items():
        spans = rows[int(aid[2:])][1]
        if not (spans["S"] or spans["T"] or spans["R"]):
            continue
        src, tgt = spans["S"] + spans["R"], spans["T"] + spans["R"]
        out.append(_labelled(r, lambda m, key: any(m.start < e and s < m.end for s, e in key),
                             src or None, tgt or None))
    return out


# -- training ------------------------------------------------------------------------------------------

def train_role(groups: list[tuple[list[list[str]], list[int]]], l2: float, iters: int, lr: float,
               min_count: int) -> dict[str, float]:
    """The weights of one role: a softmax over each group's candidates (``(features, right indices)``),
    maximising the log-probability of the right ones minus ``l2`` times the squared weights, by full-batch
    gradient descent (Adam steps)."""
    counts: dict[str, int] = {}
    for feats, _ in groups:
        for fs in feats:
            for f in set(fs):
                counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: k for k, f in enumerate(vocab)}
    rows, cols, grp, pos = [], [], [], []
    n_cand = 0
    for g, (feats, right) in enumerate(groups):
        for k, fs in enumerate(feats):
            for f in set(fs):
                if f in index:
                    rows.append(n_cand)
                    cols.append(index[f])
            grp.append(g)
            pos.append(k in right)
            n_cand += 1
    x = np.zeros((n_cand, len(vocab)))
    x[rows, cols] = 1.0
    grp_a, pos_a = np.array(grp), np.array(pos, dtype=float)
    w = np.random.default_rng(SEED).normal(0.0, 0.01, len(vocab))
    m, v = np.zeros_like(w), np.zeros_like(w)
    n_groups = len(groups)
    for step in range(1, iters + 1):
        s = x @ w
        top = np.full(n_groups, -np.inf)
        np.maximum.at(top, grp_a, s)
        e = np.exp(s - top[grp_a])
        z_all = np.bincount(grp_a, weights=e, minlength=n_groups)
        z_pos = np.bincount(grp_a, weights=e * pos_a, minlength=n_groups)
        p_all, p_pos = e / z_all[grp_a], e * pos_a / z_pos[grp_a]
        grad = -(x.T @ (p_pos - p_all)) / n_groups + 2 * l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        w -= lr * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return {f: round(float(wi), 4) for f, wi in zip(vocab, w) if abs(wi) >= 1e-3}


def role_groups(decisions: list[dict], role: str) -> list[tuple[list[list[str]], list[int]]]:
    """The decisions that have a right candidate for ``role``, as ``(features, right indices)``."""
    return [(d["feats"], d["labels"][role]) for d in decisions if d["labels"][role]]


def fold_of(article: str, ids: list[str], folds: int) -> int:
    """The fold of a news article: articles dealt to ``folds`` folds in the order of their ids."""
    return ids.index(article) % folds


HEADER = """\
# The argument ranker (sitrep.stages.events.ranker): one conditional logistic regression per role
# (source, target) over an event candidate's argument candidates, and the margins by which it must beat
# the rules' choice to overrule it. Written by scripts/train_arg_ranker.py (fixed seed); the weights were
# trained on the news dev split and on ConfliBERT's CAMEO source/target spans (GPL-3.0, see NOTICE).
# The events stage consults it only when its `ranker` switch is on (EventsConfig.ranker; docs/arg-ranker.md).
"""


def write_model(path: Path, weights: dict[str, dict[str, float]], margin: dict[str, float],
                margin_empty: dict[str, float], note: str) -> None:
    """Write the ranker file: the header, ``note``, the margins and the weights (sorted)."""
    body = json.dumps({r: dict(sorted(weights[r].items())) for r in ROLES}, indent=1)
    path.write_text(f"{HEADER}# {note}\n"
                    "#: per role: overrule the rules' party when the best candidate is this much more probable\n"
                    f"margin: {json.dumps(margin)}\n"
                    "#: ... when the rules left the role empty (above 1: never; a source is only filled for an act\n"
                    "#: the stage keeps without one, a target only for an act with a source)\n"
                    f"margin_when_empty: {json.dumps(margin_empty)}\nweights: {body}\n", encoding="utf-8")


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent.parent / "shared" / "data"), help="the shared data folder")
    ap.add_argument("--cache", help="read the collected decisions from this JSON file, or write them there")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--exclude-fold", type=int)
    ap.add_argument("--no-conflibert", action="store_true")
    ap.add_argument("--l2", type=float, default=0.002)
    ap.add_argument("--iters", type=int, default=400)
    ap.add_argument("--lr", type=float, default=0.05)
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args(argv)
    data = collected(args)
    news = data["news"]
    ids = sorted({d["article"] for d in news})
    if args.exclude_fold is not None:
        news = [d for d in news if fold_of(d["article"], ids, args.folds) != args.exclude_fold]
    decisions = news + ([] if args.no_conflibert else data["conflibert"])
    weights = {r: train_role(role_groups(decisions, r), args.l2, args.iters, args.lr, args.min_count) for r in ROLES}
    margin, margin_empty = _current_margins()
    write_model(Path(args.out), weights, margin, margin_empty,
                f"trained on {len(news)} news dev decisions and {len(decisions) - len(news)} ConfliBERT ones")
    print(f"{args.out}: {sum(len(w) for w in weights.values())} weights from {len(decisions)} decisions")
    return 0


def _current_margins() -> tuple[dict[str, float], dict[str, float]]:
    """The margins of the package's ranker file (kept when retraining; set them by hand there)."""
    from sitrep.stages.events.ranker import load_model

    m = load_model()
    return m.margin, m.margin_when_empty


def collected(args) -> dict[str, list[dict]]:
    """The labelled decisions, from ``--cache`` when it exists, else collected (and cached there)."""
    if args.cache and Path(args.cache).is_file():
        return json.loads(Path(args.cache).read_text(encoding="utf-8"))
    data = {"news": collect_news(), "conflibert": [] if args.no_conflibert else collect_conflibert(Path(args.data))}
    if args.cache:
        Path(args.cache).write_text(json.dumps(data), encoding="utf-8")
    return data


if __name__ == "__main__":
    raise SystemExit(main())
