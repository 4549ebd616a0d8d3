"""Precision and recall of places over thresholds of the place score (``sitrep.stages.places.confidence``)
on the news set's dev split, the French set's dev split and LGL: the threshold (``min_place_score``) is
chosen where precision rises on all three at little cost in recall -- a threshold that holds on all three
generalises; one that helps one set only does not.

    PYTHONPATH=src python scripts/place_curve.py [--sets news,fr,lgl] [--steps 0,0.3,0.4,0.5,0.6,0.7]

Each set is read once with the threshold off; the places of each threshold are the places scoring at
least that much. News and French: place P/R as ``sitrep eval news`` counts them; LGL: toponym P/R and
accuracy@161 km as ``sitrep eval lgl`` counts them. Never run on the held split.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sitrep.evaluation.lgl import GEOPARSER_CONFIG, load_gold as load_lgl, score_lgl
from sitrep.evaluation.matching import run_pipeline
from sitrep.evaluation.news import _Tally, load_gold, score_places
from sitrep.pipeline import STAGES, Pipeline, stage_class
from sitrep.stages.places import PlacesStage

ROOT = Path(__file__).resolve().parent.parent
LGL = ROOT.parent.parent / "shared" / "data" / "geoparsing_dev" / "lgl.xml"


class RecordingPlaces(PlacesStage):
    """The places stage, recording each article's place scores."""

    def __init__(self, **settings):
        super().__init__(**settings)
        self.__dict__["scores"] = {}

    def scored(self, state, scores):
        self.__dict__["scores"][state.article.id] = scores


def pipeline(places_config: dict) -> tuple[Pipeline, RecordingPlaces]:
    """The default pipeline with a recording places stage (threshold off), run in this process."""
    rec = RecordingPlaces(**{**places_config, "min_place_score": 0.0})
    stages = [rec if name == "places" else stage_class(name)() for name in STAGES]
    return Pipeline(stages, article_timeout=0), rec  # in this process: the recorder sees every article


def kept(doc, scores: dict, t: float):
    """The document with only its places scoring ``t`` or more."""
    return doc.model_copy(update={"places": [p for p in doc.places if scores.get(p.id, 1.0) >= t]})


def news_curve(data: Path, steps: list[float]) -> list[str]:
    golds, _ = load_gold(data, split="dev")
    pipe, rec = pipeline({})
    docs, _, _ = run_pipeline([g.article() for g in golds], pipeline=pipe)
    rows = []
    for t in steps:
        tally = _Tally()
        for g, d in zip(golds, docs):
            if d is not None:
                score_places(g, kept(d, rec.scores.get(d.article.id, {}), t), tally)
        c = tally.c
        p = c["place right"] / max(1, c["place pred"])
        r = c["place found"] / max(1, c["place gold names"])
        rows.append(f"  t={t:.2f}  P {p:.3f} ({c['place right']}/{c['place pred']})  "
                    f"R {r:.3f} ({c['place found']}/{c['place gold names']})")
    return rows


def lgl_curve(steps: list[float]) -> list[str]:
    gold = load_lgl(LGL)
    pipe, rec = pipeline(GEOPARSER_CONFIG["places"])
    from sitrep.core.article import Article

    docs, _, _ = run_pipeline([Article(text=g.text, id=g.id, title=g.title) for g in gold], pipeline=pipe,
                              batch_size=16)
    rows = []
    for t in steps:
        r = score_lgl(gold, [kept(d, rec.scores.get(d.article.id, {}), t) if d is not None else None for d in docs])
        rows.append(f"  t={t:.2f}  " + "  ".join(r.key_lines))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="news,fr,lgl")
    ap.add_argument("--steps", default="0,0.3,0.4,0.5,0.6,0.7")
    args = ap.parse_args(argv)
    steps = [float(x) for x in args.steps.split(",")]
    for name in args.sets.split(","):
        print(f"{name}:")
        rows = lgl_curve(steps) if name == "lgl" else news_curve(ROOT / "eval" / name, steps)
        print("\n".join(rows), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
