"""The ``eval`` command, registered on a local Typer app (as sitrep's CLI does with ``register``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.evaluation.cli import data_root, default_data
from eval_support import app  # noqa: F401 - shared fixture

DATA = Path(__file__).parent / "data" / "eval"


@pytest.fixture()
def no_shared(monkeypatch, tmp_path):
    """No shared/data anywhere: the environment points at a folder that does not exist."""
    monkeypatch.setenv("SITREP_EVAL_DATA", str(tmp_path / "missing"))
    monkeypatch.chdir(tmp_path)


def test_missing_data_says_which_argument(app, no_shared):
    r = CliRunner().invoke(app, ["eval", "plover"])
    assert r.exit_code == 2
    assert "Error:" in r.output and "give --data PATH" in r.output


def test_missing_explicit_path(app, no_shared, tmp_path):
    r = CliRunner().invoke(app, ["eval", "seed", "--data", str(tmp_path / "nope")])
    assert r.exit_code == 2 and "give --data PATH" in r.output


def test_malformed_data_exit_2(app, no_shared, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    r = CliRunner().invoke(app, ["eval", "plover", "--data", str(bad)])
    assert r.exit_code == 2 and "Error:" in r.output


def test_unknown_suite(app, no_shared):
    r = CliRunner().invoke(app, ["eval", "nosuch"])
    assert r.exit_code == 2 and "seed" in r.output


def test_data_root_finds_shared_data_up_the_tree(tmp_path, monkeypatch):
    monkeypatch.delenv("SITREP_EVAL_DATA", raising=False)
    (tmp_path / "shared" / "data").mkdir(parents=True)
    (tmp_path / "shared" / "seed").mkdir()
    work = tmp_path / "repo" / "sub"
    work.mkdir(parents=True)
    assert data_root(work) == tmp_path / "shared" / "data"
    assert default_data("seed", work) == tmp_path / "shared" / "seed"
    assert default_data("plover", work) == tmp_path / "shared" / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"
    monkeypatch.setenv("SITREP_EVAL_DATA", str(tmp_path / "elsewhere"))
    assert data_root(work) == tmp_path / "elsewhere"


def test_seed_runs_the_pipeline_and_prints_key_figures_last(app, no_shared, tmp_path):
    out = tmp_path / "r" / "seed.json"
    r = CliRunner().invoke(app, ["eval", "seed", "--data", str(DATA / "seed"), "--json", str(out)])
    assert r.exit_code == 0, r.output
    last = r.output.strip().splitlines()[-9:]
    assert last[0].startswith("required events found: ") and last[0].endswith("/3")
    assert last[1].startswith("must-not errors: ")
    assert last[-1].startswith("contradictions: ")
    res = json.loads(out.read_text())
    assert res["suite"] == "seed" and res["command"].startswith("sitrep eval seed --data ")
    assert "required events found" in res["figures"]


def test_plover_limit_and_json_stdout(app, no_shared):
    r = CliRunner().invoke(app, ["eval", "plover", "--data", str(DATA / "plover" / "gsr_small.json"),
                                 "--limit", "2", "--json", "-"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.output)
    assert res["items"] == 2
    assert res["figures"]["event type accuracy"] is not None
    assert set(res["confusion"]) <= {"AGREE", "REQUEST"}


def test_plover_confusion_table(app, no_shared):
    r = CliRunner().invoke(app, ["eval", "plover", "--data", str(DATA / "plover"), "--confusion"])
    assert r.exit_code == 0, r.output
    assert "confusion" in r.output and "THREATEN" in r.output


def test_details_listed_before_the_key_figures(app, no_shared):
    r = CliRunner().invoke(app, ["eval", "seed", "--data", str(DATA / "seed")])
    out = r.output
    assert "required events missed:" in out
    assert out.index("required events missed:") < out.index("required events found: ")
    r = CliRunner().invoke(app, ["eval", "seed", "--data", str(DATA / "seed"), "--no-details"])
    assert "required events missed:" not in r.output
