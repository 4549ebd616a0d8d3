"""scripts/news_agreement.py --against-gold: one annotation scored as a system against the adjudicated gold."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("news_agreement", ROOT / "scripts" / "news_agreement.py")
news_agreement = importlib.util.module_from_spec(spec)
sys.modules["news_agreement"] = news_agreement
spec.loader.exec_module(news_agreement)

TEXT = ("Rebels shelled the town of Kalo on Monday, the army said. "
        "The army then launched an offensive against the rebels.")
S1 = "Rebels shelled the town of Kalo on Monday, the army said."
S2 = "The army then launched an offensive against the rebels."
ACTORS = {"REBELS": {"names": ["Rebels", "the rebels"]}, "ARMY": {"names": ["the army", "The army"]},
          "KALO": {"names": ["Kalo"]}}


def _write(root: Path, sub: str, events: list[dict]) -> None:
    path = root / sub / "x001.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"actors": ACTORS, "events": events}), encoding="utf-8")


def test_an_annotation_is_scored_against_the_gold_by_type_then_parties(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "x001.json").write_text(json.dumps({"text": TEXT}), encoding="utf-8")
    _write(tmp_path, "gold", [
        {"type": "ASSAULT", "source": "REBELS", "target": "KALO", "sentence": S1},
        {"type": "ASSAULT", "source": "ARMY", "target": "REBELS", "sentence": S2}])
    # annotation a: the first event right, the second with the wrong target, and one event the gold lacks
    _write(tmp_path, "annotations/a", [
        {"type": "ASSAULT", "source": "REBELS", "target": "KALO", "sentence": S1},
        {"type": "ASSAULT", "source": "ARMY", "target": None, "sentence": S2},
        {"type": "ACCUSE", "source": "ARMY", "target": "REBELS", "sentence": S1}])
    r = news_agreement.annotator_scores({"x001"}, "a", root=tmp_path)
    assert r == {"type P": 2 / 3, "type R": 1.0, "strict P": 1 / 3, "strict R": 0.5}
    # an annotator without a file for the article is not scored on it
    assert news_agreement.annotator_scores({"x001"}, "b", root=tmp_path)["strict P"] == 0.0
