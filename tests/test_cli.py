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


# -- the progress bar: articles/s, failures and duplicates so far; only on a terminal ------------------------
BROKEN_PIPELINE = """
import sys
from sitrep.cli import commands
from sitrep.pipeline import Pipeline
from sitrep.stages.base import Stage
from sitrep.stages.nlp import NlpStage


class Broken(Stage):
    name = "broken"
    needs = ("doc",)

    def process(self, state):
        if "BROKEN" in state.text:
            raise RuntimeError("this article breaks the stage")


commands.default_pipeline = lambda kb=(): Pipeline([NlpStage(), Broken()])
sys.argv = ["sitrep", *sys.argv[1:]]
commands.main()
"""


def _mixed_jsonl(tmp_path):
    """Six good articles, one that breaks the pipeline, one duplicate, one bad line: read 9."""
    recs = [{"id": f"g{i}", "text": f"Rebels shelled the village of Kafr {i} near Idlib on Monday."} for i in range(6)]
    recs += [{"id": "boom", "text": "Troops moved north. BROKEN"}, {"id": "again", "text": recs[0]["text"]},
             {"id": ["not", "a string"], "text": "Talks resumed."}]
    return _jsonl(tmp_path / "mixed.jsonl", *recs)


def _run_on_a_terminal(args):
    """Run the CLI (with the Broken stage) with stderr on a pseudo-terminal; (returncode, what it wrote)."""
    import os
    import pty
    import select

    main, sub = pty.openpty()
    env = dict(os.environ, TERM="xterm", COLUMNS="160")
    p = subprocess.Popen([sys.executable, "-c", BROKEN_PIPELINE, *args], stdout=subprocess.PIPE,
                         stderr=sub, env=env)
    os.close(sub)
    out = b""
    while select.select([main], [], [], 120)[0]:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    p.communicate(timeout=120)
    os.close(main)
    return p.returncode, out.decode("utf-8", "replace")


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_progress_bar_on_a_terminal_shows_rate_failures_and_duplicates(tmp_path, command):
    f = _mixed_jsonl(tmp_path)
    args = [command, str(f)] + (["--db", str(tmp_path / "x.duckdb")] if command == "ingest" else [])
    rc, tty = _run_on_a_terminal(args)
    assert rc == 1
    assert "articles/s" in tty and "failed 2" in tty and "duplicates 1" in tty   # the bar, last drawn
    assert "7/7" in tty                      # every article the pipeline got is counted
    lines = [x.strip() for x in tty.replace("\r", "\n").splitlines() if x.strip()]
    assert lines[-1].endswith("read 9, documents 6, duplicates 1, failed 2")


def test_no_progress_bar_when_piped(tmp_path):
    f = _mixed_jsonl(tmp_path)
    r = subprocess.run([sys.executable, "-c", BROKEN_PIPELINE, "extract", str(f), "--no-text"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 1 and len(r.stdout.splitlines()) == 6
    assert "articles/s" not in r.stderr and "\x1b" not in r.stderr
    assert "[E108]" in r.stderr and "this article breaks the stage" in r.stderr
    assert r.stderr.splitlines()[-1] == "read 9, documents 6, duplicates 1, failed 2"


def test_progress_columns_render_the_counts():
    from rich.progress import Progress

    from sitrep.cli.progress import OutcomeColumn, RateColumn, rate_text

    p = Progress()
    task = p._tasks[p.add_task("x", total=10, failed=3, duplicates=2)]
    assert OutcomeColumn().render(task).plain == "failed 3  duplicates 2"
    assert RateColumn().render(task).plain == "- articles/s"          # nothing done yet
    assert rate_text(25, 10.0) == "2.5 articles/s" and rate_text(0, 3.0) == "- articles/s"


def test_run_progress_keeps_counts_and_draws_only_on_a_terminal():
    import io

    from rich.console import Console

    from sitrep.cli.progress import RunProgress

    piped = io.StringIO()
    with RunProgress("extracting", Console(file=piped)) as bar:
        bar.update(total=5, duplicates=1, failed=1)
        bar.advance(2)
        bar.advance(1, failed=1)
        assert bar.progress is None
    assert (bar.counts.total, bar.counts.done, bar.counts.failed, bar.counts.duplicates) == (5, 3, 2, 1)
    assert piped.getvalue() == ""
    term = io.StringIO()
    with RunProgress("extracting", Console(file=term, force_terminal=True, width=150)) as bar:
        bar.update(total=5, duplicates=1)
        bar.advance(3, failed=1)
        assert bar.progress is not None
    assert "failed 1" in term.getvalue() and "duplicates 1" in term.getvalue() and "3/5" in term.getvalue()


def test_ingest_tells_its_progress_with_failures_and_duplicates(tmp_path):
    from sitrep.core.article import Article
    from sitrep.pipeline import Pipeline
    from sitrep.stages.base import Stage
    from sitrep.stages.nlp import NlpStage
    from sitrep.store import Store

    class Broken(Stage):
        name = "broken"
        needs = ("doc",)

        def process(self, state):
            if "BROKEN" in state.text:
                raise RuntimeError("this article breaks the stage")

    arts = [Article(text=f"Envoy number {i} met officials in Ankara.", id=f"a{i}") for i in range(5)]
    arts += [Article(text="Troops moved north. BROKEN", id="boom"), Article(text=arts[0].text, id="again")]
    told = []
    with Store(tmp_path / "s.duckdb") as s:
        r = s.ingest(arts, pipeline=Pipeline([NlpStage(), Broken()]), batch_size=2, on_progress=told.append)
    assert (r.read, r.documents, r.duplicates, r.failed) == (7, 5, 1, 1)
    assert told[0].done == 0 and told[0].total == 6 and told[0].duplicates == 1
    assert [t.done for t in told] == sorted(t.done for t in told)           # it only goes forward
    last = told[-1]
    assert (last.total, last.done, last.failed, last.duplicates, last.skipped) == (6, 6, 1, 1, 0)
