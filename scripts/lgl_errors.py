"""List the LGL dev set's place errors: toponyms placed more than 161 km from the gold point (wrong),
mentions sitrep gave that no gold toponym overlaps (spurious), and optionally gold toponyms missed.

    PYTHONPATH=src python scripts/lgl_errors.py [--split dev-a] [--limit N] [--missed] [--json FILE]

Read errors on ``--split dev-a`` (the even articles, the default) and confirm a rule on ``dev-b``'s
figures (``sitrep eval lgl --split dev-b --no-details``).

Uses the suite's own reading (``sitrep.evaluation.lgl``: the geoparser configuration, one-to-one span
overlap); each line names the article, the phrase, what sitrep resolved it to and the gold point.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sitrep.core.text import haversine_km
from sitrep.evaluation.lgl import ACC_KM, GEOPARSER_CONFIG, lgl_half, load_gold
from sitrep.evaluation.matching import overlap, run_pipeline
from sitrep.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
LGL = ROOT.parent.parent / "shared" / "data" / "geoparsing_dev" / "lgl.xml"


def article_errors(g, doc) -> list[dict]:
    """The wrong, spurious (and missed) toponyms of one article, as dictionaries."""
    preds = [(m.start, m.end, p) for p in (doc.places if doc else []) for m in p.mentions]
    pairs = sorted(((overlap((t.start, t.end), (p[0], p[1])), gi, pi)
                    for gi, t in enumerate(g.toponyms) for pi, p in enumerate(preds)
                    if overlap((t.start, t.end), (p[0], p[1])) > 0), key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        t, (s, e, p) = g.toponyms[gi], preds[pi]
        if t.lat is None or t.lon is None:
            continue
        km = None if p.lat is None else haversine_km(t.lat, t.lon, p.lat, p.lon)
        if km is None or km > ACC_KM:
            out.append({"kind": "wrong", "id": g.id, "phrase": g.text[s:e], "gold": t.phrase,
                        "got": f"{p.name} ({p.country_code} {p.feature} {p.lat},{p.lon})",
                        "gold_point": f"{t.lat},{t.lon}", "km": None if km is None else round(km)})
    for pi, (s, e, p) in enumerate(preds):
        if pi not in used_p:
            ctx = g.text[max(0, s - 60):e + 60].replace("\n", " ")
            out.append({"kind": "spurious", "id": g.id, "phrase": g.text[s:e],
                        "got": f"{p.name} ({p.country_code} {p.feature})", "context": ctx})
    for gi, t in enumerate(g.toponyms):
        if gi not in used_g:
            out.append({"kind": "missed", "id": g.id, "phrase": t.phrase, "gold_point": f"{t.lat},{t.lon}"})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(LGL))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--split", default="dev-a", help="dev-a (even articles; the default) | dev-b | dev (all)")
    ap.add_argument("--missed", action="store_true", help="also list the gold toponyms not found")
    ap.add_argument("--json", default=None, help="write every case to FILE")
    args = ap.parse_args(argv)
    gold = lgl_half(load_gold(args.data, limit=args.limit), args.split)
    from sitrep.core.article import Article

    docs, _, _ = run_pipeline([Article(text=g.text, id=g.id, title=g.title) for g in gold],
                              pipeline=Pipeline(stage_config=GEOPARSER_CONFIG), batch_size=16)
    cases = [c for g, d in zip(gold, docs) for c in article_errors(g, d)]
    for c in cases:
        if c["kind"] == "missed" and not args.missed:
            continue
        print(json.dumps(c, ensure_ascii=False))
    if args.json:
        Path(args.json).write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    counts = {k: sum(c["kind"] == k for c in cases) for k in ("wrong", "spurious", "missed")}
    print(counts, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
