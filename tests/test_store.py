import duckdb
import pytest

from sitrep.article import Article
from sitrep.errors import SchemaVersionError, StoreError
from sitrep.pipeline import Pipeline
from sitrep.stages.base import Stage
from sitrep.stages.nlp import NlpStage
from sitrep.store import Store


class Interrupt(Stage):
    name = "interrupt"
    needs = ("doc",)

    def process(self, state):
        if "STOP" in state.text:
            raise KeyboardInterrupt


class Fail(Stage):
    name = "fail"
    needs = ("doc",)

    def process(self, state):
        if "FAIL" in state.text:
            raise RuntimeError("stage broke")


def _arts(marker=None, at=2):
    return [Article(text=f"Report {i}: shelling continued near the front." + (f" {marker}" if marker and i == at else ""),
                    published=f"2024-12-0{i + 1}", source="Wire") for i in range(5)]


def test_ingest_is_idempotent(tmp_path):
    db = tmp_path / "s.duckdb"
    pipe = Pipeline([NlpStage()])
    with Store(db) as s:
        r1 = s.ingest(_arts(), pipeline=pipe)
        r2 = s.ingest(_arts(), pipeline=pipe)
        assert (r1.stored, r1.skipped) == (5, 0)
        assert (r2.stored, r2.skipped) == (0, 5)
        assert "nothing new" in r2.summary()
        assert s.counts()["articles"] == 5


def test_failing_stage_is_recorded_and_resumed(tmp_path):
    db = tmp_path / "s.duckdb"
    arts = _arts("FAIL")
    with Store(db) as s:
        r = s.ingest(arts, pipeline=Pipeline([NlpStage(), Fail()]))
        assert (r.stored, r.failed) == (4, 1)
        (f,) = s.failures()
        assert f.stage == "fail" and f.article_id == arts[2].id and "stage broke" in f.reason
        r = s.ingest(arts, pipeline=Pipeline([NlpStage()]))
        assert (r.stored, r.skipped) == (1, 4)
        assert s.failures() == []  # resolved once stored


def test_interrupted_ingest_leaves_no_half_article_and_resumes(tmp_path):
    db = tmp_path / "s.duckdb"
    arts = _arts("STOP")
    with Store(db) as s:
        with pytest.raises(KeyboardInterrupt):
            s.ingest(arts, pipeline=Pipeline([NlpStage(), Interrupt()]), batch_size=2)
        c = s.counts()
        assert c["articles"] == 2  # the first batch committed, the interrupted one not at all
        r = s.ingest(arts, pipeline=Pipeline([NlpStage()]), batch_size=2)
        assert (r.stored, r.skipped) == (3, 2)
        assert s.counts()["articles"] == 5


def test_documents_round_trip(tmp_path, pipeline):
    with Store(tmp_path / "s.duckdb") as s:
        s.ingest([Article(text="Rebels captured the town of Saraqeb on Sunday.", published="2024-12-02")],
                 pipeline=pipeline)
        (doc,) = list(s.documents())
        assert doc.article.published == "2024-12-02"
        assert s.document(doc.article.id) == doc


@pytest.mark.parametrize("version, read_only", [("999", False), ("1", True)])
def test_schema_version_without_an_upgrade_path_is_refused_clearly(tmp_path, version, read_only):
    db = tmp_path / "old.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])
    con.close()
    with pytest.raises(SchemaVersionError) as ei:
        Store(db, read_only=read_only)
    assert f"version {version}" in str(ei.value) and "--db" in str(ei.value)


def test_foreign_database_is_refused(tmp_path):
    db = tmp_path / "other.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE t (x INT)")
    con.close()
    with pytest.raises(StoreError):
        Store(db)


def test_an_older_store_is_upgraded_on_open_keeping_its_documents(tmp_path):
    import sitrep
    from sitrep.store import SCHEMA_VERSION

    db = tmp_path / "v3.duckdb"
    doc = sitrep.extract("Iran has supplied weapons and military advisers to Hezbollah for years, officials said.",
                         published="2024-12-01")
    assert [r.kind for r in doc.relations] == ["military"]
    with Store(db) as s:
        s.add_documents([doc])
    con = duckdb.connect(str(db))  # make it a version-3 store: no relations.kind
    con.execute("ALTER TABLE relations DROP COLUMN kind")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with Store(db, read_only=True) as s:  # a read-only open upgrades it first
        assert s.query("SELECT type, kind FROM relations") == [{"type": "supported_by", "kind": "military"}]
        assert s.query("SELECT value FROM meta WHERE key = 'schema_version'")[0]["value"] == str(SCHEMA_VERSION)
        assert s.counts()["articles"] == 1

