"""scripts/eval_table.py: the README table is generated from JSON results, between its markers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("eval_table", ROOT / "scripts" / "eval_table.py")
eval_table = importlib.util.module_from_spec(spec)
spec.loader.exec_module(eval_table)


RESULTS = {
    "seed": {"command": "sitrep eval seed", "metrics": [
        {"name": "required events found", "value": 7 / 11, "numerator": 7, "denominator": 11, "kind": "ratio"},
        {"name": "must-not errors", "value": 1.0, "kind": "count"},
        {"name": "event precision", "value": None, "numerator": 0, "denominator": 0, "kind": "ratio"}]},
    "lgl": {"command": "sitrep eval lgl --limit 50", "metrics": [
        {"name": "mean error km", "value": 123.4, "kind": "km"}]},
}


def test_table_rows_carry_value_and_command():
    table = eval_table.eval_table(RESULTS)
    lines = table.splitlines()
    assert lines[0] == "| suite | figure | value | command |"
    assert "| seed | required events found | 0.636 (7/11) | `sitrep eval seed` |" in lines
    assert "| seed | must-not errors | 1 | `sitrep eval seed` |" in lines
    assert "| seed | event precision | n/a (0/0) | `sitrep eval seed` |" in lines
    assert "| lgl | mean error km | 123 km | `sitrep eval lgl --limit 50` |" in lines


def test_replace_between_markers_only():
    text = "# x\n\n<!-- eval-table -->\nold\nold\n<!-- /eval-table -->\n\nafter\n"
    new = eval_table.replace_block(text, "eval-table", "| a |")
    assert new == "# x\n\n<!-- eval-table -->\n| a |\n<!-- /eval-table -->\n\nafter\n"
    assert eval_table.replace_block(new, "eval-table", "| a |") == new     # idempotent


def test_check_mode(tmp_path, monkeypatch):
    readme = tmp_path / "README.md"
    readme.write_text("<!-- eval-table -->\nstale\n<!-- /eval-table -->\n")
    monkeypatch.setattr(eval_table, "RESULTS", tmp_path / "none")
    monkeypatch.setattr(eval_table, "BENCH", tmp_path / "none")
    assert eval_table.main(["--readme", str(readme), "--check"]) == 1
    assert eval_table.main(["--readme", str(readme)]) == 0
    assert eval_table.main(["--readme", str(readme), "--check"]) == 0


def test_reliability_table_from_the_hostile_and_budget_results(tmp_path, monkeypatch):
    import json

    m = {"cpu": "CPU", "cpus": 2, "load_average_1min": 1.5, "commit": "abc1234", "date": "2026-12-05T01:00:00"}
    (tmp_path / "hostile-latest.json").write_text(json.dumps({
        "read": 10000, "documents": 9990, "failures": {"E104": 10}, "over_budget": 0, "workers_lost": 0,
        "lost": 0, "crashed": None, "seconds": 400.0, "articles_per_s": 25.0, "processes": 1, "machine": m}))
    run = {"corpus": {"articles": 620}, "machine": m}
    (tmp_path / "throughput-budget-on-latest.json").write_text(json.dumps({**run, "rows": [
        {"processes": 1, "full_articles_s": 19.0, "full_cpu_s": 40.0}]}))
    (tmp_path / "throughput-budget-off-latest.json").write_text(json.dumps({**run, "rows": [
        {"processes": 1, "full_articles_s": 20.0, "full_cpu_s": 39.0}]}))
    (tmp_path / "budget-throughput-latest.json").write_text(json.dumps({"machine": m, "throughput": [
        {"processes": 1, "articles": 620, "throughput_ratio_wall": 0.99, "throughput_ratio_cpu": 0.985,
         "articles_s_off": 20.0, "articles_s_on": 19.8}]}))
    monkeypatch.setattr(eval_table, "BENCH", tmp_path)
    lines = eval_table.reliability_table().splitlines()
    assert any("on/off 0.990 wall (20.0 and 19.8 articles/s), 0.985 CPU" in x for x in lines)
    assert "| articles read | 10,000 |" in lines and "| typed failures | 10 (E104 10) |" in lines
    assert "| hangs: stopped at their time budget (E202) | 0 |" in lines and "| ids lost | 0 |" in lines
    assert "| 1 | 20.0 | 19.0 | 0.950 | 0.975 |" in lines
    monkeypatch.setattr(eval_table, "BENCH", tmp_path / "none")
    assert eval_table.reliability_table() is None


def test_scale_table_from_the_store_and_api_benchmarks(tmp_path, monkeypatch):
    import json

    q = {"p50_ms": 1.0, "p95_ms": 2.0}
    slow = {"p50_ms": 100.0, "p95_ms": 400.0}
    queries = {"events()": q, "events(actor=)": q, "quotes(speaker=)": q, "graph(at=, min_events=5)": slow}
    fast = {**queries, "graph(at=, min_events=5)": q}
    (tmp_path / "store_queries-latest.json").write_text(json.dumps({
        "duckdb": {"events": 1000, "queries": queries}, "postgresql": {"events": 1000, "queries": fast}}))
    load = {"requests_per_s": 1000.4, "p95_ms": 25.2}
    (tmp_path / "api_load-latest.json").write_text(json.dumps({
        "duckdb": load, "postgresql": load, "postgresql (--workers 2, --no-cache)": {"requests_per_s": 600, "p95_ms": 70}}))
    (tmp_path / "store_writes-latest.json").write_text(json.dumps({
        "duckdb": [{"writers": 1, "docs_per_s": 87.4, "rows_per_s": 7293}],
        "postgresql": [{"writers": 2, "docs_per_s": 326.3, "rows_per_s": 27218}]}))
    monkeypatch.setattr(eval_table, "BENCH", tmp_path)
    lines = eval_table.scale_table().splitlines()
    assert lines[0] == "| | DuckDB | PostgreSQL |"
    assert ("| dashboard queries on 1,000 events within p95 150 ms | 3 of 4 (over: graph(at=, min_events=5)) | "
            "4 of 4 |") in lines
    assert "| the same with `--no-cache` | - | - |" in lines
    assert "| the same with `--workers 2 --no-cache` | - | 600, 70 |" in lines   # PostgreSQL only
    assert "| the same with `--workers 2` (read cache on) | - | - |" in lines
    assert "| writes: documents/s (fact rows/s) with N writers | 87 (7,293) with 1 | 326 (27,218) with 2 |" in lines
