"""``--min-confidence`` (issue #14, calibrated confidence): the event-record exports, the situation
queries of the CLI, and ``POST /extract`` leave out events less confident than the bound."""

from __future__ import annotations

import json

import pytest
from situation_data import corpus, db, store  # noqa: F401 - shared fixtures
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.errors import ExportError
from sitrep.exports import export

#: every event of the shared test corpus is 0.8 confident
CONF = 0.8


def _plover_ids(store, tmp_path, **kw) -> list[str]:
    path = tmp_path / f"e{sorted(kw.items())}.jsonl"
    export(store, "plover", path, **kw)
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


def test_export_keeps_only_events_at_least_that_confident(store, tmp_path):
    every = _plover_ids(store, tmp_path)
    assert every
    assert _plover_ids(store, tmp_path, min_confidence=CONF) == every
    assert _plover_ids(store, tmp_path, min_confidence=0.9) == []


@pytest.mark.parametrize("fmt", ["polecat", "cameo", "stix"])
def test_every_event_record_format_takes_the_bound(store, tmp_path, fmt):
    full = export(store, fmt, tmp_path / f"y.{fmt}")
    same = export(store, fmt, tmp_path / f"z.{fmt}", min_confidence=CONF)
    fewer = export(store, fmt, tmp_path / f"x.{fmt}", min_confidence=0.9)
    assert same["count"] == full["count"] and fewer["count"] < full["count"]


def test_a_format_without_events_refuses_the_bound(store, tmp_path):
    with pytest.raises(ExportError, match="--min-confidence applies to"):
        export(store, "graphml", tmp_path / "g.graphml", min_confidence=0.5)


def test_the_cli_events_query_takes_the_bound(db):
    runner = CliRunner()
    every = json.loads(runner.invoke(app, ["events", "--db", str(db), "--json", "--limit", "0"]).output)
    none = runner.invoke(app, ["events", "--db", str(db), "--json", "--limit", "0", "--min-confidence", "0.9"])
    assert none.exit_code == 0, none.output
    assert every and json.loads(none.output) == []


def test_the_cli_export_takes_the_bound(db, tmp_path):
    out = tmp_path / "e.jsonl"
    res = CliRunner().invoke(app, ["export", "plover", "--db", str(db), "--out", str(out), "--min-confidence", "0.9"])
    assert res.exit_code == 0, res.output
    assert out.read_text() == ""


def test_the_cli_timeline_takes_the_bound(db):
    runner = CliRunner()
    every = json.loads(runner.invoke(app, ["timeline", "--db", str(db), "--json", "--limit", "0"]).output)
    res = runner.invoke(app, ["timeline", "--db", str(db), "--json", "--limit", "0", "--min-confidence", "0.9"])
    assert res.exit_code == 0, res.output
    kept = json.loads(res.output)
    assert any(r["kind"] == "event" for r in every) and not any(r["kind"] == "event" for r in kept)


def test_the_api_extract_takes_the_bound(db, tmp_path):
    pytest.importorskip("httpx")
    import shutil

    from fastapi.testclient import TestClient

    from sitrep.api import create_app

    copy = db   # a PostgreSQL store is used as it is (/extract writes nothing)
    if not str(db).startswith("postgresql"):
        copy = tmp_path / "api.duckdb"
        shutil.copy(db, copy)
    text = "KYIV, March 3 (Test Wire) - Russian forces shelled the city of Kharkiv on Monday, officials said."
    auth = {"Authorization": "Bearer t0ken-min-conf"}
    with TestClient(create_app(copy, token="t0ken-min-conf")) as c:
        every = c.post("/extract", json={"text": text, "published": "2024-03-04"}, headers=auth)
        none = c.post("/extract?min_confidence=1", json={"text": text, "published": "2024-03-04"}, headers=auth)
        bad = c.post("/extract?min_confidence=2", json={"text": text}, headers=auth)
    assert every.status_code == 200 and every.json()["events"], every.text
    assert none.status_code == 200 and none.json()["events"] == []
    assert bad.status_code == 422
