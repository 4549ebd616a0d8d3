"""Compare the two independent annotations of the real-news set and list where they disagree.

    python scripts/news_agreement.py                  # agreement figures over every doubly annotated article
    python scripts/news_agreement.py --worksheet DIR  # also one worksheet per article for the adjudicator
    python scripts/news_agreement.py --against-gold dev  # each annotation alone scored against the adjudicated gold

Items are paired the way `sitrep eval news` pairs output with gold: events by sentence and type (then
source and target), quotes by their first words, claims by value and property, places by name. Each
worksheet (``DIR/<id>.json``) holds the pairs that agree and, separately, what only ``a`` or only
``b`` has and the paired items whose parties, modality or date differ.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

NEWS = Path(__file__).resolve().parents[1] / "eval" / "news"


def _norm(s) -> str:
    return " ".join(str(s or "").lower().replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split())


def _names(ann: dict, key) -> set[str]:
    if key is None:
        return set()
    actor = (ann.get("actors") or {}).get(key)
    return {_norm(n) for n in (actor or {}).get("names", [key])} | {_norm(key)}


def _same_party(a: dict, ka, b: dict, kb) -> bool:
    if ka is None or kb is None:
        return ka is None and kb is None
    if _names(a, ka) & _names(b, kb):
        return True
    aa, bb = (a.get("actors") or {}).get(ka) or {}, (b.get("actors") or {}).get(kb) or {}
    return aa.get("kind") == "state" and bb.get("kind") == "state" and aa.get("country") == bb.get("country")


def _overlap(text: str, s1: str, s2: str) -> bool:
    i, j = text.find(s1 or ""), text.find(s2 or "")
    if i < 0 or j < 0:
        return _norm(s1) == _norm(s2)
    return i < j + len(s2) and j < i + len(s1)


def pair_events(text: str, a: dict, b: dict):
    """(pairs, only a, only b): events paired by overlapping sentence and type, best party match first."""
    left, right = list(a.get("events") or []), list(b.get("events") or [])
    pairs, used = [], set()
    for ea in left:
        cands = [(j, eb) for j, eb in enumerate(right) if j not in used and eb.get("type") == ea.get("type")
                 and _overlap(text, ea.get("sentence"), eb.get("sentence"))]
        cands.sort(key=lambda c: -(_same_party(a, ea.get("source"), b, c[1].get("source"))
                                  + _same_party(a, ea.get("target"), b, c[1].get("target"))))
        if cands:
            used.add(cands[0][0])
            pairs.append((ea, cands[0][1]))
    only_a = [ea for ea in left if not any(ea is p[0] for p in pairs)]
    only_b = [eb for j, eb in enumerate(right) if j not in used]
    return pairs, only_a, only_b


def _pair_by(left, right, key):
    pairs, used = [], set()
    for x in left:
        for j, y in enumerate(right):
            if j not in used and key(x) and key(x) == key(y):
                used.add(j)
                pairs.append((x, y))
                break
    only_a = [x for x in left if not any(x is p[0] for p in pairs)]
    return pairs, only_a, [y for j, y in enumerate(right) if j not in used]


def compare(aid: str) -> tuple[dict, Counter]:
    text = json.loads((NEWS / "texts" / f"{aid}.json").read_text(encoding="utf-8"))["text"]
    a = json.loads((NEWS / "annotations" / "a" / f"{aid}.json").read_text(encoding="utf-8"))
    b = json.loads((NEWS / "annotations" / "b" / f"{aid}.json").read_text(encoding="utf-8"))
    c: Counter = Counter()
    sheet: dict = {"id": aid, "events": {}, "quotes": {}, "claims": {}, "places": {}}
    pairs, only_a, only_b = pair_events(text, a, b)
    differ = []
    for ea, eb in pairs:
        same = {"source": _same_party(a, ea.get("source"), b, eb.get("source")),
                "target": _same_party(a, ea.get("target"), b, eb.get("target")),
                "modality": ea.get("modality") == eb.get("modality"), "date": ea.get("date") == eb.get("date")}
        c["event pairs"] += 1
        c["event roles agree"] += same["source"] and same["target"]
        if not all(same.values()):
            differ.append({"a": ea, "b": eb, "differs in": [k for k, v in same.items() if not v]})
    c["event only a"], c["event only b"] = len(only_a), len(only_b)
    sheet["events"] = {"agree": len(pairs) - len(differ), "differ": differ, "only a": only_a, "only b": only_b}
    for kind, key in (("quotes", lambda q: _norm(q.get("starts_with"))[:30]),
                      ("claims", lambda x: (x.get("property"), float(x.get("value") or -1))),
                      ("places", lambda p: _norm(p.get("name")))):
        p, oa, ob = _pair_by(a.get(kind) or [], b.get(kind) or [], key)
        c[f"{kind} pairs"] += len(p)
        c[f"{kind} only a"] += len(oa)
        c[f"{kind} only b"] += len(ob)
        extra = []
        if kind == "quotes":
            extra = [{"a": x, "b": y, "differs in": ["speaker"]} for x, y in p
                     if not _same_party(a, x.get("speaker"), b, y.get("speaker"))]
            c["speakers agree"] += len(p) - len(extra)
        sheet[kind] = {"agree": len(p) - len(extra), "differ": extra, "only a": oa, "only b": ob}
    sheet["actors"] = {"a": a.get("actors"), "b": b.get("actors")}
    return sheet, c


def _f1(pairs: int, only_a: int, only_b: int) -> float:
    return 2 * pairs / (2 * pairs + only_a + only_b) if pairs or only_a or only_b else 1.0


def annotator_scores(ids, who: str, root: Path = NEWS) -> dict[str, float]:
    """One annotation (``who``: "a" or "b") scored as a system against the adjudicated gold over ``ids``,
    events paired as :func:`pair_events` pairs them: type P/R (sentence and type) and strict P/R (both
    parties the same too). What a careful human reaches on this gold: the ceiling beside sitrep's figures."""
    gold_n = pred_n = typed = strict = 0
    for aid in sorted(ids):
        path = root / "annotations" / who / f"{aid}.json"
        if not path.is_file():
            continue
        text = json.loads((root / "texts" / f"{aid}.json").read_text(encoding="utf-8"))["text"]
        gold = json.loads((root / "gold" / f"{aid}.json").read_text(encoding="utf-8"))
        ann = json.loads(path.read_text(encoding="utf-8"))
        pairs, _, _ = pair_events(text, gold, ann)
        gold_n += len(gold.get("events") or [])
        pred_n += len(ann.get("events") or [])
        typed += len(pairs)
        strict += sum(_same_party(gold, g.get("source"), ann, x.get("source"))
                      and _same_party(gold, g.get("target"), ann, x.get("target")) for g, x in pairs)
    return {"type P": typed / pred_n if pred_n else 0.0, "type R": typed / gold_n if gold_n else 0.0,
            "strict P": strict / pred_n if pred_n else 0.0, "strict R": strict / gold_n if gold_n else 0.0}


#: the splits whose gold ``--against-gold`` may read (never held: it is read once per change, by sitrep's run)
GOLD_SPLITS = ("dev", "dev-a", "dev-b")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--worksheet", type=Path, help="write one worksheet per article into this folder")
    ap.add_argument("--against-gold", choices=GOLD_SPLITS, default=None,
                    help="score each annotation alone against the adjudicated gold of this split instead")
    args = ap.parse_args(argv)
    if args.against_gold:
        from sitrep.evaluation.news import split_ids

        ids = split_ids(NEWS, args.against_gold) or set()
        for who in ("a", "b"):
            r = annotator_scores(ids, who)
            print(f"annotation {who} vs gold ({args.against_gold}): type P/R {r['type P']:.3f}/{r['type R']:.3f}"
                  f"  strict P/R {r['strict P']:.3f}/{r['strict R']:.3f}")
        return 0
    ids = sorted(p.stem for p in (NEWS / "annotations" / "b").glob("*.json")
                 if (NEWS / "annotations" / "a" / p.name).is_file())
    total: Counter = Counter()
    for aid in ids:
        sheet, c = compare(aid)
        total.update(c)
        if args.worksheet:
            args.worksheet.mkdir(parents=True, exist_ok=True)
            (args.worksheet / f"{aid}.json").write_text(json.dumps(sheet, indent=1, ensure_ascii=False) + "\n",
                                                        encoding="utf-8")
    print(f"{len(ids)} articles annotated twice")
    for kind in ("event", "quotes", "claims", "places"):
        pairs, only_a, only_b = total[f"{kind} pairs"], total[f"{kind} only a"], total[f"{kind} only b"]
        print(f"  {kind:<7} agreement F1 {_f1(pairs, only_a, only_b):.3f}"
              f"  ({pairs} paired, {only_a} only a, {only_b} only b)")
    if total["event pairs"]:
        agree = total["event roles agree"] / total["event pairs"]
        print(f"  event source and target agree on {agree:.3f} of paired events")
    if total["quotes pairs"]:
        print(f"  speakers agree on {total['speakers agree'] / total['quotes pairs']:.3f} of paired quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
