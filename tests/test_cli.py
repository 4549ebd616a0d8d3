import json
import subprocess
import sys

import pytest

from sitrep.contract import Document


def run(*args, input=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True,
                          input=input, cwd=cwd, timeout=300)


@pytest.fixture
def articles(tmp_path):
    (tmp_path / "one.txt").write_text("Rebels seized the town of Maarat al-Numan on Sunday, a monitor said.")
    (tmp_path / "two.txt").write_text("The government denied that its jets struck a market in Idlib.")
    return tmp_path


def test_extract_jsonl_to_stdout(articles):
    r = run("extract", str(articles), "--published", "2024-12-03", "--source", "Wire")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 2
    docs = [Document.model_validate_json(line) for line in lines]
    assert all(d.article.published == "2024-12-03" and d.article.source == "Wire" for d in docs)
    assert "Traceback" not in r.stderr


def test_extract_json_pretty(articles):
    r = run("extract", str(articles / "one.txt"), "--format", "json")
    assert r.returncode == 0
    assert r.stdout.startswith("{\n")
    Document.model_validate_json(r.stdout)


def test_unreadable_file_gives_exit_1_and_others_still_come_out(articles, tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    r = run("extract", str(articles / "one.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "bin.txt"))
    assert r.returncode == 1
    assert len(r.stdout.strip().splitlines()) == 1
    assert "Error:" in r.stderr and "missing.txt" in r.stderr and "E102" in r.stderr
    assert "Traceback" not in r.stderr


def test_bad_option_values(articles):
    r = run("extract", str(articles), "--published", "yesterday")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr
    r = run("extract", str(articles), "--format", "xml")
    assert r.returncode == 2


def test_schema_is_json_schema():
    r = run("schema")
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    assert schema["title"] == "Document" and "events" in schema["properties"]


def test_ingest_twice_says_nothing_new(articles, tmp_path):
    db = tmp_path / "x.duckdb"
    r1 = run("ingest", str(articles), "--db", str(db))
    assert r1.returncode == 0, r1.stderr
    assert "2 article(s) stored" in r1.stderr
    r2 = run("ingest", str(articles), "--db", str(db))
    assert r2.returncode == 0 and "nothing new" in r2.stderr


def test_ingest_records_failures_with_exit_1(tmp_path):
    (tmp_path / "empty.txt").write_text("  ")
    (tmp_path / "ok.txt").write_text("Talks between the two sides resumed in Doha.")
    db = tmp_path / "x.duckdb"
    r = run("ingest", str(tmp_path), "--db", str(db))
    assert r.returncode == 1 and "E103" in r.stderr
    from sitrep.store import Store

    with Store(db) as s:
        assert s.counts()["articles"] == 1
        assert [f.code for f in s.failures()] == ["E103"]


def test_schema_version_error_is_printed_not_raised(tmp_path):
    import duckdb

    db = tmp_path / "old.duckdb"
    from sitrep.store import Store

    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    (tmp_path / "a.txt").write_text("Some text.")
    r = run("ingest", str(tmp_path / "a.txt"), "--db", str(db))
    assert r.returncode == 1 and r.stderr.startswith("Error:") and "Traceback" not in r.stderr
    r = run("--debug", "ingest", str(tmp_path / "a.txt"), "--db", str(db))
    assert "Traceback" in r.stderr
