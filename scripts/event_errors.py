#!/usr/bin/env python3
"""Error analysis of the events stage on the real-news set (``eval/news``), grouped by cause.

    PYTHONPATH=src python scripts/event_errors.py                  # dev split, summary + examples
    PYTHONPATH=src python scripts/event_errors.py --only missing   # one group, every case
    PYTHONPATH=src python scripts/event_errors.py --json out.json  # every case, machine-readable
    PYTHONPATH=src python scripts/event_errors.py --disagreements  # date/modality of strict matches
    PYTHONPATH=src python scripts/event_errors.py --only "missing: no event" --trace   # where each was lost

Each gold event falls into one group (the first that applies), scored as ``sitrep eval news`` scores
(an event merged from reports in several sentences counts in each of them):

- ``right``            a predicted event of its type in its sentence with the right source and target;
- ``missing``          no predicted event of its type in its sentence (``other type`` when another type
                       was predicted there, ``no event`` when none was);
- ``wrong source``     its type is there, but no such event names the gold source;
- ``wrong target``     its type and source are there, but not its target;

and every predicted event with no gold event of its type in its sentence is a ``false positive``.
With ``--trace`` each "missing: no event" case also gets the cause the events stage lost it by (no
candidate, other types only, suppressed by a rule, dropped for want of a source, no party resolved:
``scripts/event_trace.py``), counted per cause, with the sentence's candidates. With
``--disagreements`` it lists instead the strictly matched events (the pairs over which the scorer
counts modality and date agreement) whose predicted date or modality differs from the gold one.
Missing events are counted by their gold trigger's last word, false positives by their predicted
trigger, so that the commonest lexical gaps and bad senses come first. Never run it on the held split
for tuning (``--split held`` is there only to describe a change once it is made).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from sitrep.evaluation.matching import run_pipeline
from sitrep.evaluation.news import (
    _Names, _overlaps, _report_sentences, _sentence_span, load_gold, party_right, strict_pairs,
)

ROOT = Path(__file__).resolve().parent.parent
GROUPS = ("right", "missing: other type", "missing: no event", "wrong source", "wrong target",
          "false positive")


def _ref(ref) -> str:
    return ref.text if ref is not None else "-"


def _reported_in(p, span) -> bool:
    """Is predicted event ``p`` reported in the gold sentence ``span``: its own sentence or one it was
    merged from (its ``evidence``), as the scorer counts it?"""
    return any(_overlaps(span, r) for r in _report_sentences(p))


def classify(gold, doc) -> list[dict]:
    """Every gold event of ``gold`` with its group, and every false positive of ``doc``."""
    names = _Names(doc)
    spans = [_sentence_span(gold.text, g.get("sentence"), g.get("trigger")) for g in gold.events]
    preds = list(doc.events)
    out = []
    for gi, g in enumerate(gold.events):
        here = [p for p in preds if _reported_in(p, spans[gi])]
        same = [p for p in here if p.type == g["type"]]
        src_ok = [p for p in same if party_right(gold, g.get("source"), names, p.source)]
        both = [p for p in src_ok if party_right(gold, g.get("target"), names, p.target)]
        if both:
            group = "right"
        elif not same:
            group = "missing: other type" if here else "missing: no event"
        elif not src_ok:
            group = "wrong source"
        else:
            group = "wrong target"
        shown = (both or src_ok or same or here)[:3]
        out.append({"group": group, "article": gold.id, "type": g["type"], "trigger": g.get("trigger"),
                    "gold": f"{g.get('source')} -> {g.get('target')}",
                    "pred": [f"{p.type} {_ref(p.source)} -> {_ref(p.target)} ({p.trigger})" for p in shown],
                    "sentence": g.get("sentence")})
    for p in preds:
        if not any(g["type"] == p.type and _reported_in(p, spans[gi]) for gi, g in enumerate(gold.events)):
            gtypes = sorted({g["type"] for gi, g in enumerate(gold.events) if _reported_in(p, spans[gi])})
            out.append({"group": "false positive", "article": gold.id, "type": p.type, "trigger": p.trigger,
                        "gold": ",".join(gtypes) or "none",
                        "pred": [f"{p.type} {_ref(p.source)} -> {_ref(p.target)} ({p.trigger})"],
                        "sentence": gold.text[p.sentence.start:p.sentence.end]})
    return out


def _key(case: dict) -> str:
    """What a case is counted under: its type and the last word of its trigger."""
    words = (case.get("trigger") or "").lower().split()
    return f"{case['type']} {words[-1] if words else '?'}"


def report(cases: list[dict], only: str | None, examples: int) -> None:
    """Print counts per group, the commonest keys in each, and some examples."""
    by_group: dict[str, list[dict]] = defaultdict(list)
    for c in cases:
        by_group[c["group"]].append(c)
    for g in GROUPS:
        print(f"{g:22s} {len(by_group[g])}")
    for g in GROUPS[1:]:
        if only and not g.startswith(only):
            continue
        items = by_group[g]
        print(f"\n== {g} ({len(items)}) ==")
        keys = Counter(_key(c) for c in items)
        print("  " + ", ".join(f"{k} {n}" for k, n in keys.most_common(40)))
        causes = Counter(c["cause"] for c in items if "cause" in c)
        if causes:
            print("  causes: " + ", ".join(f"{k} {n}" for k, n in causes.most_common()))
        for c in items[: (len(items) if only else examples)]:
            print(f"- [{c['article']}] {c['type']} trig={c['trigger']!r} gold={c['gold']} pred={c['pred']}")
            print(f"    {(c['sentence'] or '')[:300]}")
            if "cause" in c:
                print(f"    cause: {c['cause']}")
                for r in c["trace"]:
                    print(f"      {r}")


def disagreements(gold, doc) -> list[dict]:
    """The strictly matched events of ``gold`` whose predicted date or modality differs from the gold."""
    out = []
    for g, p in strict_pairs(gold, doc):
        gdate, gmod = g.get("date") or None, g.get("modality", "asserted")
        if (p.date or None) == gdate and p.modality == gmod:
            continue
        out.append({"article": gold.id, "published": gold.meta.get("published"), "type": g["type"],
                    "trigger": g.get("trigger"), "pred_trigger": p.trigger,
                    "date": [gdate, p.date or None], "modality": [gmod, p.modality],
                    "sentence": g.get("sentence")})
    return out


def report_disagreements(cases: list[dict]) -> None:
    """Print each date/modality disagreement (gold -> predicted) with its sentence."""
    dates = sum(c["date"][0] != c["date"][1] for c in cases)
    mods = sum(c["modality"][0] != c["modality"][1] for c in cases)
    print(f"date disagreements {dates}, modality disagreements {mods}")
    for c in cases:
        what = []
        if c["date"][0] != c["date"][1]:
            what.append(f"date gold={c['date'][0]} pred={c['date'][1]}")
        if c["modality"][0] != c["modality"][1]:
            what.append(f"modality gold={c['modality'][0]} pred={c['modality'][1]}")
        print(f"- [{c['article']} pub {c['published']}] {c['type']} trig={c['trigger']!r} "
              f"(pred {c['pred_trigger']!r}): {'; '.join(what)}")
        print(f"    {(c['sentence'] or '')[:300]}")


def _run_here(articles: list) -> tuple[list, list[str]]:
    """The documents of ``articles`` (``None`` for a failure) and the failures, run in this process
    (no time budget, so no worker processes), as the trace needs."""
    from sitrep import default_pipeline

    docs, failures = [], []
    for outcome in default_pipeline().pipe(articles, article_timeout=0):
        docs.append(outcome.document)
        if outcome.failure is not None:
            failures.append(outcome.failure.describe())
    return docs, failures


def _add_causes(trace, golds, cases: list[dict]) -> None:
    """Give every "missing: no event" case its ``cause`` and the ``trace`` of its sentence's candidates."""
    from event_trace import cause

    by_id = {g.id: g for g in golds}
    for c in cases:
        if c["group"] == "missing: no event":
            span = _sentence_span(by_id[c["article"]].text, c.get("sentence"), c.get("trigger"))
            c["cause"], c["trace"] = cause(trace, c["article"], span, c["type"])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT / "eval" / "news"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--only", help="print every case of the groups starting with this")
    ap.add_argument("--examples", type=int, default=12, help="examples per group in the summary")
    ap.add_argument("--json", help="write every case to this file")
    ap.add_argument("--disagreements", action="store_true",
                    help="list date/modality disagreements of strictly matched events instead")
    ap.add_argument("--trace", action="store_true",
                    help="give each 'missing: no event' case the cause the events stage lost it by")
    args = ap.parse_args(argv)
    golds, _ = load_gold(args.data, split=args.split)
    trace = None
    if args.trace:
        from event_trace import install   # scripts/event_trace.py: wraps the stage in this process

        trace = install()
        docs, failures = _run_here([g.article() for g in golds])
    else:
        docs, failures, _ = run_pipeline([g.article() for g in golds])
    for f in failures:
        print("failure:", f, file=sys.stderr)
    pairs = [(g, d) for g, d in zip(golds, docs) if d is not None]
    if args.disagreements:
        cases = [c for g, d in pairs for c in disagreements(g, d)]
        if args.json:
            Path(args.json).write_text(json.dumps(cases, indent=1, ensure_ascii=False), encoding="utf-8")
        report_disagreements(cases)
        return 0
    cases = [c for g, d in pairs for c in classify(g, d)]
    if trace is not None:
        _add_causes(trace, golds, cases)
    if args.json:
        Path(args.json).write_text(json.dumps(cases, indent=1, ensure_ascii=False), encoding="utf-8")
    report(cases, args.only, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
