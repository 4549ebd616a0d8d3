#!/usr/bin/env python3
"""Measure the two offline language detectors sitrep could use on short news text.

    PYTHONPATH=src python benchmarks/language_detection.py [--out benchmarks/results/language_detection-latest.json]

The samples (``benchmarks/data/language_samples.yaml``) are headlines, one-sentence leads and lines dense
with names in English, French, Greek, Arabic, Spanish, German and Russian, written for this measurement.
For each detector it reports: the time to load its model, the time per call, the resident memory it adds,
accuracy per language and per kind of text, and the confidence it gives to its right and wrong answers
(the threshold under which sitrep treats a guess as unsure is read from those).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "benchmarks" / "data" / "language_samples.yaml"


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def py3langid_detector():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def detect(text: str) -> tuple[str, float]:
        lang, prob = ident.classify(text)
        return lang, float(prob)
    return detect


def _lingua(low_accuracy: bool):
    """lingua over all its languages (high accuracy, or its low-accuracy mode), models preloaded."""
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages()
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    det = builder.with_preloaded_language_models().build()

    def detect(text: str) -> tuple[str, float]:
        values = det.compute_language_confidence_values(text)
        if not values:
            return "und", 0.0
        top = values[0]
        return top.language.iso_code_639_1.name.lower(), float(top.value)
    return detect


def lingua_detector():
    return _lingua(low_accuracy=False)


def lingua_lowacc_detector():
    return _lingua(low_accuracy=True)


def sitrep_detector():
    """py3langid as sitrep loads it: from the arrays it keeps in its cache (sitrep.lang.langid)."""
    from sitrep.lang.langid import Detector

    det = Detector()

    def detect(text: str) -> tuple[str, float]:
        g = det.detect(text)
        return g.language, g.confidence
    return detect


DETECTORS = {"py3langid": py3langid_detector, "py3langid-sitrep-cache": sitrep_detector, "lingua": lingua_detector,
             "lingua-low-accuracy": lingua_lowacc_detector}


def measure(name: str, samples: dict) -> dict:
    rss0, t0 = _rss_mb(), time.perf_counter()
    detect = DETECTORS[name]()
    detect("warm up")
    load_s, rss = time.perf_counter() - t0, _rss_mb() - rss0
    rows, times = [], []
    for lang, kinds in samples.items():
        for kind, texts in kinds.items():
            for text in texts:
                t = time.perf_counter()
                got, conf = detect(text)
                times.append(time.perf_counter() - t)
                rows.append({"lang": lang, "kind": kind, "got": got, "confidence": round(conf, 4),
                             "right": got == lang, "text": text})
    by_lang = {lang: f"{sum(r['right'] for r in rows if r['lang'] == lang)}/{sum(1 for r in rows if r['lang'] == lang)}"
               for lang in samples}
    kinds = sorted({r["kind"] for r in rows})
    by_kind = {k: f"{sum(r['right'] for r in rows if r['kind'] == k)}/{sum(1 for r in rows if r['kind'] == k)}"
               for k in kinds}
    right = [r["confidence"] for r in rows if r["right"]]
    wrong = [r["confidence"] for r in rows if not r["right"]]
    return {
        "detector": name, "load_seconds": round(load_s, 3), "added_rss_mb": round(rss, 1),
        "ms_per_call_median": round(statistics.median(times) * 1000, 3),
        "accuracy": round(sum(r["right"] for r in rows) / len(rows), 3), "right": len(right), "of": len(rows),
        "by_language": by_lang, "by_kind": by_kind,
        "confidence_right_min": min(right) if right else None,
        "confidence_right_median": statistics.median(right) if right else None,
        "confidence_wrong_max": max(wrong) if wrong else None,
        "wrong": [{k: r[k] for k in ("lang", "kind", "got", "confidence", "text")} for r in rows if not r["right"]],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "language_detection-latest.json"))
    ap.add_argument("--detector", choices=list(DETECTORS), action="append",
                    help="measure only this one (each in its own process gives fair memory figures)")
    args = ap.parse_args(argv)
    samples = yaml.safe_load(SAMPLES.read_text(encoding="utf-8"))
    results = []
    for name in args.detector or list(DETECTORS):
        r = measure(name, samples)
        results.append(r)
        print(f"{name}: accuracy {r['accuracy']} ({r['right']}/{r['of']}), load {r['load_seconds']} s, "
              f"+{r['added_rss_mb']} MB, {r['ms_per_call_median']} ms/call; by kind {r['by_kind']}; "
              f"by language {r['by_language']}; right conf. min {r['confidence_right_min']}, "
              f"wrong conf. max {r['confidence_wrong_max']}")
        for w in r["wrong"]:
            print(f"    wrong: {w['lang']} {w['kind']} -> {w['got']} ({w['confidence']}): {w['text']}")
    if args.out:
        out = Path(args.out)
        old = json.loads(out.read_text()) if out.is_file() and args.detector else {}
        merged = {r["detector"]: r for r in old.get("detectors", [])}
        merged.update({r["detector"]: r for r in results})
        out.write_text(json.dumps({"samples": str(SAMPLES.relative_to(ROOT)), "detectors": list(merged.values())},
                                  indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
