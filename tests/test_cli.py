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


# -- every id accounted for, encodings -------------------------------------------------------------------
SAME = "Rebels seized the town of Maarat al-Numan on Sunday, a monitor said."


def _jsonl(path, *recs):
    path.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    return path


def test_extract_gives_every_id_an_outcome(tmp_path):
    f = _jsonl(tmp_path / "in.jsonl", {"id": "a", "text": SAME}, {"id": "b", "text": SAME},
               {"id": "c", "text": "Talks resumed in Doha."})
    r = run("extract", str(f), "--no-text")
    assert r.returncode == 0, r.stderr
    assert [Document.model_validate_json(x).article.id for x in r.stdout.splitlines()] == ["a", "c"]
    (dup,) = [x for x in r.stderr.splitlines() if x.startswith("Duplicate:")]
    assert f"{f}:2: article b is duplicate_of a (at {f}:1)" in dup
    assert r.stderr.splitlines()[-1] == "read 3, documents 2, duplicates 1, failed 0"
    _jsonl(f, {"id": "a", "text": SAME}, {"id": "a", "text": "Another text."}, {"id": 7, "text": "Talks resumed."},
           {"id": "t", "text": "A title that is a list.", "title": ["x"]})
    r = run("extract", str(f), "--no-text")
    assert r.returncode == 1
    assert [Document.model_validate_json(x).article.id for x in r.stdout.splitlines()] == ["a", "7"]
    assert f"{f}:2: [E801] article id 'a' was read before with another text (at {f}:1)" in r.stderr
    assert f'{f}:4: [E108] "title" must be a string, got a list' in r.stderr
    assert r.stderr.splitlines()[-1] == "read 4, documents 2, duplicates 0, failed 2"
    assert "Traceback" not in r.stderr


def test_ingest_duplicates_conflicts_and_replace(tmp_path):
    from sitrep.store import Store

    db = tmp_path / "x.duckdb"
    f = _jsonl(tmp_path / "in.jsonl", {"id": "a", "text": SAME}, {"id": "b", "text": SAME})
    r = run("ingest", str(f), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "article b is duplicate_of a" in r.stderr
    assert r.stderr.splitlines()[-1] == "read 2, documents 1, duplicates 1, failed 0"
    r = run("ingest", str(f), "--db", str(db))  # idempotent
    assert r.returncode == 0 and "nothing new" in r.stderr
    assert r.stderr.splitlines()[-1] == "read 2, documents 1, duplicates 1, failed 0"
    g = _jsonl(tmp_path / "new.jsonl", {"id": "a", "text": "Talks resumed in Doha on Monday."})
    r = run("ingest", str(g), "--db", str(db))
    assert r.returncode == 1 and "[E801] article id 'a' is stored with another text" in r.stderr
    assert "--replace" in r.stderr and r.stderr.splitlines()[-1] == "read 1, documents 0, duplicates 0, failed 1"
    with Store(db) as s:
        assert s.document("a").text == SAME and [x.code for x in s.failures()] == ["E801"]
    r = run("ingest", str(g), "--db", str(db), "--replace")
    assert r.returncode == 0, r.stderr
    assert r.stderr.splitlines()[-1] == "read 1, documents 1, duplicates 0, failed 0"
    r = run("articles", "b", "--db", str(db), "--json")
    assert r.returncode == 0, r.stderr
    (row,) = json.loads(r.stdout)
    assert (row["requested"], row["id"], row["duplicates"]) == ("b", "a", ["b"])
    r = run("articles", "nope", "--db", str(db))
    assert r.returncode == 1 and r.stderr.startswith("Error:") and "unknown article 'nope'" in r.stderr


def test_a_bad_file_fails_alone_and_the_run_ends_with_its_tally(tmp_path):
    (tmp_path / "bom16.txt").write_bytes(b"\xff\xfe" + "Talks".encode("utf-16-le") + b"\x00")  # odd length
    (tmp_path / "cp.txt").write_bytes("The minister\u2019s talks in Doha went on.".encode("cp1252"))
    (tmp_path / "ok.txt").write_text("Talks between the two sides resumed in Doha.", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    r = run("ingest", str(tmp_path), "--db", str(db))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "bom16.txt: [E107] not valid UTF-16-LE at byte 12" in r.stderr
    assert "cp.txt: [E107] not valid UTF-8 at byte 12 (0x92)" in r.stderr
    assert r.stderr.splitlines()[-1] == "read 3, documents 1, duplicates 0, failed 2"
    r = run("extract", str(tmp_path / "cp.txt"), "--encoding", "cp1252")
    assert r.returncode == 0, r.stderr
    assert Document.model_validate_json(r.stdout).text == "The minister\u2019s talks in Doha went on."
    r = run("extract", str(tmp_path / "cp.txt"), "--encoding", "klingon")
    assert r.returncode == 2 and "unknown encoding" in r.stderr
