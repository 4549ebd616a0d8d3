"""Would the events stage gain by reading the generated CAMEO triggers? The whole pipeline, run with the
hand-written lexicon and with each way of adding the generated entries to it, scored on both halves of
the news dev split (figures only).

    PYTHONPATH=src python scripts/measure_cameo_adoption.py [--variants hand,verbs-own,...] [--out FILE]

``scripts/measure_triggers.py`` says which tokens the generated entries (``data/cameo_triggers.yaml``)
would cover; this script says what they would do to the scored events: each variant builds the lexicon
the events stage would read (``event_triggers.yaml`` with the generated entries added where the
hand-written file has none: the hand-written ones are overrides) and runs ``sitrep eval news`` on
``dev-a`` and ``dev-b`` with it (through the pipeline's resources, the package unchanged). A variant is
worth wiring in only if both halves gain strict (type+source+target) recall without losing strict
precision (CONTRIBUTING: a change read from one half is kept only if the other rises too).

Variants (``VARIANTS``):

* ``hand``          the hand-written lexicon alone (the baseline);
* ``verbs-own``     generated verbs whose code is on their own dictionary line (``basis: own``);
* ``verbs-conflict`` generated verbs of basis own, bare or block, of the conflictual types only;
* ``phrases``       generated phrases (verb + object) of verbs the hand-written file lacks, as senses
                    with an ``objects`` condition (a synset object stands for its one-word members);
* ``nouns``         generated nouns (basis map, light verb or nominalization);
* ``derived``       the generated nominalizations of hand-written verbs that code one sense with no
                    condition, typed as the hand-written verb ("conviction" as ``convict``).

The JSON result (``--out``) holds figures only: per variant and half, the events predicted, type
precision and recall, strict precision and recall.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.core.datafiles import load_data  # noqa: E402
from sitrep.stages.events.lexicon import TRIGGERS_FILE, parse_lexicon  # noqa: E402

NEWS = ROOT / "eval" / "news"
OUT = ROOT / "eval" / "results" / "cameo_adoption.json"
CAMEO_FILE = "cameo_triggers.yaml"
#: the conflictual types of the ``verbs-conflict`` variant
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "SANCTION", "MOBILIZE", "THREATEN"})
#: the conditions that make a hand-written sense no plain reading of its verb (``derived``)
CONDITIONS = ("objects", "subjects", "complements", "story_words", "frame", "prep_objects")
SPLITS = ("dev-a", "dev-b")
FIGURES = {"type P": "event type precision", "type R": "event type recall",
           "strict P": "event type+source+target precision", "strict R": "event type+source+target recall"}


def _sense(entry: dict) -> dict:
    """The trigger-file sense of a generated entry: its type and mode."""
    return {"type": entry["type"], **({"mode": entry["mode"]} if entry.get("mode") else {})}


def add_verbs(hand: dict, cam: dict, bases: set, types: frozenset | None = None) -> int:
    """Add the generated verbs of ``bases`` (and ``types``) the hand-written file lacks; how many."""
    n = 0
    for key, e in cam["verbs"].items():
        if e.get("basis") not in bases or (types and e["type"] not in types):
            continue
        if key in hand["verbs"] or key in hand["light_verbs"]:
            continue
        hand["verbs"][key] = [_sense(e)]
        n += 1
    return n


def add_phrases(hand: dict, cam: dict) -> int:
    """Add the generated phrases with an object, of verbs the hand-written file lacks, as one sense per
    type and mode with the objects that select it; how many verbs."""
    by_verb: dict = {}
    for e in cam["phrases"].values():
        obj, verb = e.get("object"), e["verb"]
        if not obj or verb in hand["verbs"] or verb in hand["light_verbs"]:
            continue
        objs = [w for w in cam["synsets"].get(obj[1:], []) if " " not in w] if obj.startswith("&") else [obj]
        if objs:
            by_verb.setdefault(verb, {}).setdefault((e["type"], e.get("mode")), set()).update(objs)
    for verb, senses in by_verb.items():
        hand["verbs"][verb] = [{**_sense({"type": t, "mode": m}), "objects": sorted(objs)}
                               for (t, m), objs in senses.items()]
    return len(by_verb)


def add_nouns(hand: dict, cam: dict, bases: set) -> int:
    """Add the generated nouns of ``bases`` the hand-written file lacks (two words as compounds)."""
    n = 0
    for key, e in cam["nouns"].items():
        if e.get("basis") not in bases or key in hand["nouns"] or key in hand.get("compounds", {}):
            continue
        (hand.setdefault("compounds", {}) if " " in key else hand["nouns"])[key] = _sense(e)
        n += 1
    return n


def add_derived(hand: dict, cam: dict) -> int:
    """Add the generated nominalizations of hand-written verbs with a plain first sense, typed as the
    verb."""
    n = 0
    for key, e in cam["nouns"].items():
        if e.get("basis") != "nominalization" or " " in key or key in hand["nouns"]:
            continue
        plain = [s for s in hand["verbs"].get(e.get("via"), []) if not any(s.get(k) for k in CONDITIONS)]
        if plain and plain[0]["type"] != "NONE":
            hand["nouns"][key] = _sense(plain[0])
            n += 1
    return n


#: variant name -> what it adds to a copy of the hand-written file (returns how many entries)
VARIANTS: dict[str, Callable[[dict, dict], int]] = {
    "hand": lambda hand, cam: 0,
    "verbs-own": lambda hand, cam: add_verbs(hand, cam, {"own"}),
    "verbs-conflict": lambda hand, cam: add_verbs(hand, cam, {"own", "bare", "block"}, CONFLICT_TYPES),
    "phrases": add_phrases,
    "nouns": lambda hand, cam: add_nouns(hand, cam, {"map", "light_verb", "nominalization"}),
    "derived": add_derived,
}


def measure(variant: str, hand: dict, cam: dict) -> dict:
    """The figures of the pipeline with ``variant``'s lexicon on both halves of the dev split."""
    from sitrep.evaluation.news import evaluate_news
    from sitrep.pipeline import Pipeline
    from sitrep.stages.resources import Resources

    data = copy.deepcopy(hand)
    added = VARIANTS[variant](data, cam)
    pipeline = Pipeline(resources=Resources(event_lexicon=parse_lexicon(data)))
    out: dict = {"entries added": added}
    for split in SPLITS:
        r = evaluate_news(NEWS, pipeline=pipeline, split=split)
        figs = {k: r.metric(name) for k, name in FIGURES.items()}
        out[split] = {k: round(m.value, 3) for k, m in figs.items() if m.value is not None}
        out[split]["events"] = int(figs["type P"].denominator or 0)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated, of: " + ", ".join(VARIANTS))
    ap.add_argument("--out", default=str(OUT), help="the JSON result")
    args = ap.parse_args(argv)
    hand, cam = load_data(TRIGGERS_FILE), load_data(CAMEO_FILE)
    t0 = time.perf_counter()
    result = {"suite": "cameo_adoption", "command": "PYTHONPATH=src python scripts/measure_cameo_adoption.py",
              "variants": {}}
    for v in args.variants.split(","):
        result["variants"][v] = m = measure(v, hand, cam)
        print(f"{v:15s} +{m['entries added']:4d}  " + "  ".join(
            f"{s}: events {m[s]['events']} type P/R {m[s]['type P']}/{m[s]['type R']} "
            f"strict P/R {m[s]['strict P']}/{m[s]['strict R']}" for s in SPLITS), flush=True)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
