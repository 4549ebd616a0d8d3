"""How well does the whole pipeline type the top event of real news sentences nobody here wrote? A
transfer check for the short-report work (issue #14), on ConfliBERT's CAMEO training sentences.

    PYTHONPATH=src python scripts/measure_conflibert.py [--data shared/data] [--limit N] [--out FILE.json]

Each sentence of ``<data>/dev/conflibert_cameo/cameo_class_train.tsv`` is processed as one article by
sitrep's default pipeline. Its **top event** is the event with the highest confidence, as
``sitrep eval short`` takes it. The sentence's PentaClass accepts a set of PLOVER types
(``<data>/dev/README.md``: 0 none or REQUEST; 1 AGREE CONSULT SUPPORT; 2 COOPERATE AID CONCEDE RETREAT;
3 ACCUSE REQUEST REJECT THREATEN SANCTION COERCE; 4 PROTEST MOBILIZE COERCE ASSAULT). Reported per
class and overall:

* **no event**: sentences with no event at all (for class 0 that is right);
* **top acceptable**: the top type is one the class accepts (class 0: also no event);
* the top types given, counted.

``--roles`` reads ``cameo_ner_train.txt`` instead (one token a line, tags ``S`` source, ``T`` target,
``R`` both): of the sentences with a gold source (target), how many top events give one, and how many of
those overlap the gold span (a mention of the event's actor overlapping it).

The sentences are development data only (GPL-3.0, see the README there): the output holds counts, no
text, and nothing here is tuned on them sentence by sentence -- they check that a change made for the
authored short-report set transfers to real sentences. Development only; the events stage never reads
them.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep import default_pipeline  # noqa: E402
from sitrep.core.article import Article  # noqa: E402
from sitrep.evaluation.plover import top_event  # noqa: E402

TSV = Path("dev") / "conflibert_cameo" / "cameo_class_train.tsv"
BIO = Path("dev") / "conflibert_cameo" / "cameo_ner_train.txt"
NONE = "none"
#: PentaClass -> the PLOVER top types it accepts (dev/README.md); class 0 also accepts no event
CLASS_TYPES = {
    0: {NONE, "REQUEST"},
    1: {"AGREE", "CONSULT", "SUPPORT"},
    2: {"COOPERATE", "AID", "CONCEDE", "RETREAT"},
    3: {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION", "COERCE"},
    4: {"PROTEST", "MOBILIZE", "COERCE", "ASSAULT"},
}


def find_data(given: str | None) -> Path:
    """The development data folder: ``--data``, else ``$SITREP_EVAL_DATA``, else the nearest
    ``shared/data`` up from here."""
    import os

    if given:
        return Path(given)
    if os.environ.get("SITREP_EVAL_DATA"):
        return Path(os.environ["SITREP_EVAL_DATA"])
    for p in ROOT.parents:
        if (p / "shared" / "data").is_dir():
            return p / "shared" / "data"
    raise SystemExit("no development data folder: give --data")


def read_sentences(path: Path, limit: int | None) -> list[tuple[str, int]]:
    """``(sentence, class)`` rows of the TSV."""
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for rec in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(rec) == 2 and rec[1].strip().isdigit():
                rows.append((rec[0], int(rec[1])))
    return rows[:limit] if limit else rows


def measure(rows: list[tuple[str, int]]) -> dict:
    """Per class: sentences, no event, top acceptable and the top types given."""
    pipe = default_pipeline()
    arts = [Article(text=s, id=f"cb{i}") for i, (s, _) in enumerate(rows)]
    per: dict[int, dict] = {}
    for (_, cls), outcome in zip(rows, pipe.pipe(arts)):
        ev = top_event(outcome.document)
        top = ev.type if ev is not None else NONE
        d = per.setdefault(cls, {"sentences": 0, "no_event": 0, "top_acceptable": 0, "tops": Counter()})
        d["sentences"] += 1
        d["no_event"] += top == NONE
        d["top_acceptable"] += top in CLASS_TYPES[cls]
        d["tops"][top] += 1
    return {str(k): {**v, "tops": dict(v["tops"].most_common())} for k, v in sorted(per.items())}


def read_bio(path: Path, limit: int | None) -> list[tuple[str, dict[str, list[tuple[int, int]]]]]:
    """``(sentence, spans)`` of the BIO file: the tokens joined by spaces, and the character spans of
    its ``S`` (source), ``T`` (target) and ``R`` (both) stretches."""
    out = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        toks = [ln.rsplit(" ", 1) for ln in block.splitlines() if " " in ln]
        if not toks:
            continue
        text, spans, pos, cur = "", {"S": [], "T": [], "R": []}, 0, None
        for word, tag in toks:
            start = pos
            text += word + " "
            pos = len(text)
            role = tag[2:] if tag[:2] in ("B-", "I-") else None
            if role in spans and tag.startswith("I-") and cur == role:
                spans[role][-1] = (spans[role][-1][0], start + len(word))
            elif role in spans:
                spans[role].append((start, start + len(word)))
            cur = role
        out.append((text.rstrip(), spans))
    return out[:limit] if limit else out


def _hits(doc, ref, gold: list[tuple[int, int]]) -> bool:
    """Does a mention of the actor ``ref`` names overlap one of the ``gold`` spans?"""
    actor = next((a for a in doc.actors if a.id == ref.actor_id), None)
    spans = [(m.start, m.end) for m in actor.mentions] if actor is not None else []
    return any(s < ge and gs < e for s, e in spans for gs, ge in gold)


def measure_roles(rows) -> dict:
    """Role agreement of the top event with the gold spans: of the sentences with a gold source
    (``S`` or ``R``), how many top events have a source, and one overlapping it; the same for targets."""
    pipe = default_pipeline()
    arts = [Article(text=s, id=f"cbr{i}") for i, (s, _) in enumerate(rows)]
    c = Counter()
    for (_, spans), outcome in zip(rows, pipe.pipe(arts)):
        doc = outcome.document
        ev = top_event(doc)
        for role, arg in (("source", "S"), ("target", "T")):
            gold = spans[arg] + spans["R"]
            if not gold:
                continue
            c[f"{role}_gold"] += 1
            ref = getattr(ev, role) if ev is not None else None
            if ref is None:
                continue
            c[f"{role}_given"] += 1
            c[f"{role}_right"] += _hits(doc, ref, gold)
    return dict(c)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the development data folder")
    ap.add_argument("--limit", type=int, help="only the first N sentences")
    ap.add_argument("--out", help="write the counts as JSON to FILE")
    ap.add_argument("--roles", action="store_true",
                    help="source/target span agreement of the top event on the BIO sentences instead")
    args = ap.parse_args(argv)
    if args.roles:
        return main_roles(args)
    rows = read_sentences(find_data(args.data) / TSV, args.limit)
    t0 = time.perf_counter()
    per = measure(rows)
    n = sum(v["sentences"] for v in per.values())
    ok = sum(v["top_acceptable"] for v in per.values())
    none = sum(v["no_event"] for v in per.values())
    for cls, v in per.items():
        s = v["sentences"]
        print(f"class {cls}: {s:4d} sentences  top acceptable {v['top_acceptable'] / s:.3f}  "
              f"no event {v['no_event'] / s:.3f}  tops {v['tops']}")
    print(f"all: {n} sentences  top acceptable {ok / n:.3f} ({ok}/{n})  no event {none / n:.3f}  "
          f"({time.perf_counter() - t0:.0f} s)")
    if args.out:
        Path(args.out).write_text(json.dumps({"sentences": n, "top_acceptable": ok, "no_event": none,
                                              "per_class": per}, indent=1) + "\n", encoding="utf-8")
    return 0


def main_roles(args) -> int:
    """``--roles``: the top event's source and target against the gold ``S``/``T`` spans."""
    t0 = time.perf_counter()
    c = measure_roles(read_bio(find_data(args.data) / BIO, args.limit))
    for role in ("source", "target"):
        g, n, r = c.get(f"{role}_gold", 0), c.get(f"{role}_given", 0), c.get(f"{role}_right", 0)
        print(f"{role}: gold {g}  given {n}  right {r}  precision {r / max(n, 1):.3f}  recall {r / max(g, 1):.3f}")
    print(f"({time.perf_counter() - t0:.0f} s)")
    if args.out:
        Path(args.out).write_text(json.dumps(c, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
