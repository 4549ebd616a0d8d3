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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the development data folder")
    ap.add_argument("--limit", type=int, help="only the first N sentences")
    ap.add_argument("--out", help="write the counts as JSON to FILE")
    args = ap.parse_args(argv)
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


if __name__ == "__main__":
    raise SystemExit(main())
