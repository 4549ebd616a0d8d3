"""The quality gate itself: a floors file plus a result with one seed event fewer makes it fail."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from sitrep.evaluation.seed import SeedGold, score_seed

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("check_floors", ROOT / "scripts" / "check_floors.py")
check_floors = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_floors)

_seed_spec = importlib.util.spec_from_file_location("_eval_seed_cases", Path(__file__).parent / "test_eval_seed.py")
_seed_cases = importlib.util.module_from_spec(_seed_spec)
_seed_spec.loader.exec_module(_seed_cases)
DATA, build_doc = _seed_cases.DATA, _seed_cases.build_doc


@pytest.fixture()
def seed_results(tmp_path):
    gold = SeedGold.load(DATA)
    full = build_doc(gold.text)
    broken = full.model_copy(update={"events": [e for e in full.events if e.id != "e1"]})  # one seed event fewer
    out = {}
    for name, doc in (("full", full), ("broken", broken)):
        p = tmp_path / f"{name}.json"
        p.write_text(score_seed(gold, doc).to_json())
        out[name] = p
    floors = {"seed": {"required events found": {"min": 0.6666}, "must-not errors": {"max": 2},
                       "quotes with right speaker": {"min": 0.5}}}
    fp = tmp_path / "floors.json"
    fp.write_text(json.dumps(floors))
    out["floors"] = fp
    return out


def test_gate_passes_at_the_floor(seed_results, capsys):
    rc = check_floors.main(["--floors", str(seed_results["floors"]), "--result", f"seed={seed_results['full']}"])
    assert rc == 0
    assert "quality gate passed" in capsys.readouterr().out


def test_gate_fails_with_one_seed_event_fewer(seed_results, capsys):
    rc = check_floors.main(["--floors", str(seed_results["floors"]), "--result", f"seed={seed_results['broken']}"])
    assert rc == 1
    out = capsys.readouterr().out
    assert "FAIL seed: required events found = 0.333" in out


def test_error_count_above_its_ceiling_fails():
    floors = {"seed": {"must-not errors": {"max": 0}}}
    result = {"metrics": [{"name": "must-not errors", "value": 1.0}]}
    assert check_floors.check(floors, {"seed": result}) == ["seed: must-not errors = 1.0 is above its ceiling 0.0"]


def test_undefined_figure_passes_only_a_zero_floor():
    result = {"seed": {"metrics": [{"name": "event precision", "value": None}]}}
    assert check_floors.check({"seed": {"event precision": {"min": 0.0}}}, result) == []
    assert check_floors.check({"seed": {"event precision": {"min": 0.5}}}, result)


def test_missing_figure_fails():
    assert check_floors.check({"plover": {"mode accuracy": {"min": 0}}}, {"plover": {"metrics": []}})


def test_floors_only_move_up():
    floors = {"seed": {"required events found": {"min": 0.5}, "must-not errors": {"max": 2}}}
    better = {"seed": {"metrics": [{"name": "required events found", "value": 7 / 11},
                                   {"name": "must-not errors", "value": 1.0}]}}
    worse = {"seed": {"metrics": [{"name": "required events found", "value": 0.1},
                                  {"name": "must-not errors", "value": 3.0}]}}
    up = check_floors.raised(floors, better)
    assert up["seed"]["required events found"]["min"] == 0.6363      # rounded down, never above the figure
    assert up["seed"]["must-not errors"]["max"] == 1.0
    assert check_floors.raised(floors, worse) == floors


def test_repinning_a_suite_whose_gold_changed_moves_only_its_floors_either_way():
    floors = {"news": {"place precision": {"min": 0.9763}}, "seed": {"must-not errors": {"max": 0}}}
    result = {"news": {"metrics": [{"name": "place precision", "value": 0.95127}]}}
    pinned = check_floors.repinned(floors, result, ["news"])
    assert pinned["news"]["place precision"]["min"] == 0.9512     # down: the set changed
    assert pinned["seed"] == floors["seed"]
    assert floors["news"]["place precision"]["min"] == 0.9763       # the input is left alone
    with pytest.raises(SystemExit):
        check_floors.repinned(floors, result, ["fr"])


def test_without_the_shared_data_the_suites_whose_gold_is_in_the_repo_are_checked(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SITREP_EVAL_DATA", str(tmp_path / "nowhere"))
    ran = []

    def fake_run(suite, data, out):   # the committed results of the README table stand in for a run
        ran.append((suite, data))
        return json.loads((ROOT / "eval" / "results" / f"{suite}.json").read_text(encoding="utf-8"))

    monkeypatch.setattr(check_floors, "run_suite", fake_run)
    rc = check_floors.main(["--floors", str(ROOT / "eval" / "floors.json")])
    assert rc == 0 and ran == [("news", None), ("fr", None), ("short", None)]
    out = capsys.readouterr().out
    assert "no shared/data folder" in out and "quality gate passed" in out
    floors = {"seed": {}, "plover": {}, "news": {}, "short": {}}
    assert check_floors.suites_to_run(floors, shared=True) == ["seed", "plover", "news", "short"]
    assert check_floors.suites_to_run(floors, shared=False) == ["news", "short"]


def test_pinned_floors_file_is_valid():
    floors = json.loads((ROOT / "eval" / "floors.json").read_text())
    assert {"seed", "plover"} <= set(floors)
    for suite in ("seed", "plover"):
        for name, bound in floors[suite].items():
            assert set(bound) <= {"min", "max"} and bound, name
    assert "required events found" in floors["seed"] and "event type accuracy" in floors["plover"]


def test_dump_round_trips_one_line_per_figure():
    floors = {"_about": "x", "seed": {"required events found": {"min": 0.5}, "must-not errors": {"max": 0}}}
    text = check_floors.dump(floors)
    assert json.loads(text) == floors
    assert '    "must-not errors": {"max": 0}\n' in text
