"""The short-report suite's reader and scorer (``sitrep.evaluation.short``) on tiny fixtures written for
these tests, and ``sitrep eval short`` on a four-item set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.contract import PLOVER_TYPES, ArticleMeta, Document, Event, Span
from sitrep.errors import EvalDataError
from eval_support import app  # noqa: F401 - shared fixture
from sitrep.evaluation.short import (Prediction, ShortItem, acceptable, load_items, score_short,
                                     weighted_f1)

DATA = Path(__file__).parent / "data" / "eval" / "short"


def item(i, types, style="monitor", text="x"):
    return ShortItem(id=i, text=text, types=list(types), style=style)


def ev(i, typ, conf):
    return Event(id=i, type=typ, confidence=conf, trigger="x", sentence=Span(text="x", start=0, end=1))


def test_load_items_by_split():
    assert [it.id for it in load_items(DATA, split="dev")] == ["t1", "t2", "t4"]
    assert [it.id for it in load_items(DATA, split="held")] == ["t3"]
    assert len(load_items(DATA, split="all")) == 4
    assert [it.id for it in load_items(DATA / "items.jsonl", split="all", limit=2)] == ["t1", "t2"]
    t2 = load_items(DATA, split="all")[1]
    assert t2.primary == "PROTEST" and t2.style == "monitor"


@pytest.mark.parametrize("line, message", [
    ('{"id": "x", "text": "a", "types": ["BOMB"]}', "unknown types"),
    ('{"id": "x", "text": "a", "types": []}', "non-empty"),
    ('{"id": "x", "text": "a", "types": ["none", "ASSAULT"]}', "stands alone"),
    ('{"id": "x", "text": "a", "types": ["ASSAULT"], "style": "tweet"}', "style"),
    ('{"text": "a", "types": ["ASSAULT"]}', "needs 'id'"),
    ("not json", "not JSON"),
])
def test_malformed_items_are_typed_errors(tmp_path, line, message):
    (tmp_path / "items.jsonl").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match=message):
        load_items(tmp_path, split="all")


def test_unknown_split_and_missing_splits_file(tmp_path):
    with pytest.raises(EvalDataError, match="unknown split"):
        load_items(DATA, split="test")
    (tmp_path / "items.jsonl").write_text('{"id": "x", "text": "a", "types": ["ASSAULT"]}\n', encoding="utf-8")
    with pytest.raises(EvalDataError, match="splits.json"):
        load_items(tmp_path, split="dev")


def test_top_event_is_the_most_confident_and_ties_go_to_the_first():
    doc = Document(article=ArticleMeta(id="d"), text="x",
                   events=[ev("a", "ACCUSE", 0.6), ev("b", "PROTEST", 0.8), ev("c", "ASSAULT", 0.8)])
    p = Prediction.of(doc)
    assert p.top == "PROTEST" and [t for t, _ in p.events] == ["ACCUSE", "PROTEST", "ASSAULT"]
    assert Prediction.of(Document(article=ArticleMeta(id="e"), text="x")).top == "none"
    assert Prediction.of(None).top == "none"


def test_acceptable_takes_any_gold_type_and_none_only_for_none():
    assert acceptable(item("a", ["PROTEST", "ASSAULT"]), "ASSAULT")
    assert not acceptable(item("a", ["PROTEST"]), "none")
    assert acceptable(item("a", ["none"]), "none")
    assert not acceptable(item("a", ["none"]), "ASSAULT")


def test_weighted_f1_by_hand():
    # ASSAULT: 2 gold, 1 hit, 1 predicted -> P 1, R .5, F1 2/3; none: 1 gold, 1 hit, 2 predicted -> F1 2/3
    assert weighted_f1(["ASSAULT", "ASSAULT", "none"], ["ASSAULT", "none", "none"]) == pytest.approx(2 / 3)
    assert weighted_f1(["A", "B"], ["A", "B"]) == 1.0
    # a class only predicted weighs nothing, but costs the gold class its recall
    assert weighted_f1(["A", "A"], ["A", "C"]) == pytest.approx(2 / 3)
    assert weighted_f1([], []) is None


def test_score_short_figures_confusion_and_details():
    items = [item("1", ["ASSAULT"]), item("2", ["PROTEST", "COERCE"]), item("3", ["PROTEST"]),
             item("4", ["none"], style="snippet"), item("5", ["REQUEST"], style="snippet")]
    preds = [Prediction("ASSAULT", [("ASSAULT", 0.9)]), Prediction("COERCE", [("COERCE", 0.7)]),
             Prediction("none"), Prediction("none"), Prediction("ACCUSE", [("ACCUSE", 0.5), ("REQUEST", 0.4)])]
    r = score_short(items, preds)
    f = r.figures()
    assert f["top event type acceptable"] == pytest.approx(3 / 5)
    assert f["top event type acceptable (monitor)"] == pytest.approx(2 / 3)
    assert f["top event type acceptable (snippet)"] == pytest.approx(1 / 2)
    assert f["no event rate"] == pytest.approx(2 / 5)
    assert f["no event where gold has one"] == pytest.approx(1 / 4)
    assert f["any event type acceptable"] == pytest.approx(4 / 5)
    assert f["recall PROTEST"] == 0.0 and f["recall ASSAULT"] == 1.0 and f["recall none"] == 1.0
    # primaries ASSAULT PROTEST PROTEST none REQUEST vs ASSAULT COERCE none none ACCUSE:
    # ASSAULT F1 1 (x1), PROTEST 0 (x2), none P .5 R 1 -> 2/3 (x1), REQUEST 0 (x1)
    assert f["top type weighted F1"] == pytest.approx((1 + 2 / 3) / 5)
    assert r.confusion["PROTEST"] == {"COERCE": 1, "none": 1}
    wrong = r.details["wrong top type"]
    assert [w["id"] for w in wrong] == ["3", "5"]
    assert wrong[1]["events"] == "ACCUSE:0.5 REQUEST:0.4" and wrong[1]["gold"] == "REQUEST"


def test_score_short_needs_one_prediction_per_item():
    with pytest.raises(EvalDataError):
        score_short([item("1", ["ASSAULT"])], [])


def test_cli_runs_the_pipeline_on_a_split(app, monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_EVAL_DATA", str(tmp_path / "missing"))
    r = CliRunner().invoke(app, ["eval", "short", "--data", str(DATA), "--split", "all", "--json", "-"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.output)
    assert res["suite"] == "short" and res["items"] == 4
    assert "--split all" in res["command"]
    assert res["figures"]["top event type acceptable"] is not None
    assert set(res["confusion"]) == {"ASSAULT", "PROTEST", "none", "REQUEST"}
    r = CliRunner().invoke(app, ["eval", "short", "--data", str(DATA), "--split", "held", "--confusion"])
    assert r.exit_code == 0, r.output
    assert "confusion" in r.output and "short (held)" in r.output


def test_the_repository_set_is_complete_and_split():
    root = Path(__file__).resolve().parents[1] / "eval" / "short"
    items = load_items(root, split="all")
    ids = [it.id for it in items]
    assert len(items) >= 300 and len(set(ids)) == len(ids)
    assert len({it.text for it in items}) == len(items)
    splits = json.loads((root / "splits.json").read_text(encoding="utf-8"))
    assert sorted(splits["dev"] + splits["held"]) == sorted(ids)
    assert not set(splits["dev"]) & set(splits["held"])
    assert 0.3 <= len(splits["held"]) / len(items) <= 0.36
    assert 0.08 <= sum(it.types == ["none"] for it in items) / len(items) <= 0.12
    assert {it.style for it in items} == {"monitor", "snippet"}
    assert {t for it in items if it.style == "snippet" for t in it.types} >= set(PLOVER_TYPES)
