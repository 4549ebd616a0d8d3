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


def test_ingest_is_idempotent(tmp_path, make_db):
    db = make_db("s")
    pipe = Pipeline([NlpStage()])
    with Store(db) as s:
        r1 = s.ingest(_arts(), pipeline=pipe)
        r2 = s.ingest(_arts(), pipeline=pipe)
        assert (r1.stored, r1.skipped) == (5, 0)
        assert (r2.stored, r2.skipped) == (0, 5)
        assert "nothing new" in r2.summary()
        assert s.counts()["articles"] == 5


def test_failing_stage_is_recorded_and_resumed(tmp_path, make_db):
    db = make_db("s")
    arts = _arts("FAIL")
    with Store(db) as s:
        r = s.ingest(arts, pipeline=Pipeline([NlpStage(), Fail()]))
        assert (r.stored, r.failed) == (4, 1)
        (f,) = s.failures()
        assert f.stage == "fail" and f.article_id == arts[2].id and "stage broke" in f.reason
        r = s.ingest(arts, pipeline=Pipeline([NlpStage()]))
        assert (r.stored, r.skipped) == (1, 4)
        assert s.failures() == []  # resolved once stored


def test_interrupted_ingest_leaves_no_half_article_and_resumes(tmp_path, make_db):
    db = make_db("s")
    arts = _arts("STOP")
    with Store(db) as s:
        with pytest.raises(KeyboardInterrupt):
            s.ingest(arts, pipeline=Pipeline([NlpStage(), Interrupt()]), batch_size=2)
        c = s.counts()
        assert c["articles"] == 2  # the first batch committed, the interrupted one not at all
        r = s.ingest(arts, pipeline=Pipeline([NlpStage()]), batch_size=2)
        assert (r.stored, r.skipped) == (3, 2)
        assert s.counts()["articles"] == 5


def test_documents_round_trip(tmp_path, pipeline, make_db):
    with Store(make_db("s")) as s:
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



# -- every id accounted for -------------------------------------------------------------------------------
T1 = "Rebels shelled the town of Karvan on Sunday, a monitor said."
T2 = "Talks between the two sides resumed in Doha on Monday."


def _jsonl(path, *recs):
    import json

    path.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    return path


def _accounted(r):
    assert r.read == r.stored + r.skipped + r.duplicates + r.failed
    return r


def test_same_text_under_two_ids_is_stored_once_and_the_second_id_resolves_to_it(tmp_path, make_db):
    f = _jsonl(tmp_path / "a.jsonl", {"id": "a", "text": T1}, {"id": "b", "text": T1}, {"id": "c", "text": T2})
    pipe = Pipeline([NlpStage()])
    with Store(make_db("s")) as s:
        r = _accounted(s.ingest([f], pipeline=pipe))
        assert (r.read, r.stored, r.duplicates, r.failed) == (3, 2, 1, 0)
        assert r.tally() == "read 3, documents 2, duplicates 1, failed 0"
        (d,) = r.duplicate_items
        assert (d.article_id, d.duplicate_of, d.origin, d.first_origin) == ("b", "a", f"{f}:2", f"{f}:1")
        assert "b is duplicate_of a" in d.describe()
        assert s.resolve_article("b") == "a" and s.resolve_article("a") == "a" and s.resolve_article("z") is None
        assert s.document("b") == s.document("a") and s.document("b").article.id == "a"
        assert s.article("b")["id"] == "a" and s.article("b")["requested"] == "b"
        assert {x["id"]: x["duplicates"] for x in s.article_list()} == {"a": ["b"], "c": []}
        assert s.duplicates("a") == [{"id": "b", "duplicate_of": "a", "origin": f"{f}:2"}]
        assert s.counts()["articles"] == 2 and s.counts()["duplicates"] == 1
        again = _accounted(s.ingest([f], pipeline=pipe))  # idempotent: already stored is no failure
        assert (again.stored, again.skipped, again.duplicates, again.failed) == (0, 2, 1, 0)
        assert again.tally() == "read 3, documents 2, duplicates 1, failed 0"
        assert s.failures() == [] and s.counts()["duplicates"] == 1


def test_a_text_stored_before_under_another_id_is_a_duplicate_in_a_later_run(tmp_path, make_db):
    pipe = Pipeline([NlpStage()])
    with Store(make_db("s")) as s:
        s.ingest([Article(text=T1, id="a")], pipeline=pipe)
        r = _accounted(s.ingest([Article(text=T1, id="b", origin="later")], pipeline=pipe))
        assert (r.stored, r.duplicates) == (0, 1)
        (d,) = r.duplicate_items
        assert (d.duplicate_of, d.first_origin) == ("a", "the store")
        assert s.resolve_article("b") == "a" and s.counts()["articles"] == 1
        r = _accounted(s.ingest([Article(text=T1, id="b")], pipeline=pipe))  # recorded already: still a duplicate
        assert (r.stored, r.skipped, r.duplicates, r.failed) == (0, 0, 1, 0)
        assert s.failures() == []


def test_an_article_another_writer_stored_meanwhile_is_skipped_not_stored(tmp_path, make_db):
    """A race: the plan saw the id missing, another writer stored it (same text) before this write. The
    write says so (``AlreadyStored``), and an ingest counts it as skipped, not as stored."""
    from sitrep.core.article import AlreadyStored

    pipe = Pipeline([NlpStage()])
    with Store(make_db("s")) as s:
        doc = pipe(Article(text=T1, id="a"))
        assert s.write_batch([(doc, "one")], late=[]) == (1, 0)
        late: list = []
        assert s.write_batch([(doc, "two")], late=late) == (0, 0)   # the second writer's copy
        assert late == [AlreadyStored("a")] and s.counts()["articles"] == 1
        plan = s.plan([Article(text=T2, id="z")])
        result = type(s.ingest([], pipeline=pipe))(read=1)
        s._account_late(late[0], plan, result)
        assert (result.stored, result.skipped, result.failed) == (0, 1, 0)


def test_an_id_read_twice_with_two_texts_is_an_error_in_failures(tmp_path, make_db):
    f = _jsonl(tmp_path / "a.jsonl", {"id": "a", "text": T1}, {"id": "a", "text": T2})
    with Store(make_db("s")) as s:
        r = _accounted(s.ingest([f], pipeline=Pipeline([NlpStage()])))
        assert (r.stored, r.failed) == (1, 1)
        (fail,) = s.failures()
        assert (fail.code, fail.stage, fail.article_id, fail.origin) == ("E801", "read", "a", f"{f}:2")
        assert f"{f}:1" in fail.reason
        assert s.document("a").text == T1


def test_a_stored_id_with_another_text_is_refused_unless_replace(tmp_path, make_db):
    pipe = Pipeline([NlpStage()])
    with Store(make_db("s")) as s:
        s.ingest([Article(text=T1, id="a"), Article(text=T1, id="b")], pipeline=pipe)
        r = _accounted(s.ingest([Article(text=T2, id="a", origin="new.txt")], pipeline=pipe))
        assert (r.stored, r.failed) == (0, 1)
        (fail,) = s.failures()
        assert (fail.code, fail.stage, fail.article_id) == ("E801", "store", "a") and "--replace" in fail.reason
        assert s.document("a").text == T1
        r = _accounted(s.ingest([Article(text=T2, id="a")], pipeline=pipe, replace=True))
        assert (r.stored, r.replaced, r.failed) == (1, 1, 0) and "1 replacing a stored one" in r.summary()
        assert s.document("a").text == T2 and s.counts()["articles"] == 1
        assert s.query("SELECT count(DISTINCT ingested_at) AS n FROM articles")[0]["n"] == 1
        assert s.failures() == []  # the conflict is resolved by the replacement
        assert s.resolve_article("b") == "a"  # its duplicates keep resolving to it
        r = _accounted(s.ingest([Article(text=T2, id="a")], pipeline=pipe, replace=True))
        assert (r.stored, r.skipped, r.replaced) == (0, 1, 0)  # the same text: nothing to replace


def test_replace_with_a_text_stored_under_another_id_makes_a_duplicate(tmp_path, make_db):
    pipe = Pipeline([NlpStage()])
    with Store(make_db("s")) as s:
        s.ingest([Article(text=T1, id="a"), Article(text=T2, id="x"), Article(text=T1, id="b")], pipeline=pipe)
        assert s.resolve_article("b") == "a"
        r = _accounted(s.ingest([Article(text=T2, id="a")], pipeline=pipe, replace=True))
        assert (r.stored, r.duplicates, r.failed) == (0, 1, 0)
        assert s.counts()["articles"] == 1 and s.resolve_article("a") == "x" and s.resolve_article("b") == "x"


def test_a_duplicate_of_an_article_that_failed_is_counted_but_resolves_to_nothing(tmp_path, make_db):
    with Store(make_db("s")) as s:
        r = _accounted(s.ingest([Article(text="FAIL " + T1, id="a"), Article(text="FAIL " + T1, id="b")],
                                pipeline=Pipeline([NlpStage(), Fail()])))
        assert (r.stored, r.duplicates, r.failed) == (0, 1, 1)
        assert s.resolve_article("b") is None and s.counts()["duplicates"] == 0


def test_a_version_4_store_is_upgraded_with_text_hashes_and_duplicates(tmp_path):
    from sitrep.article import text_hash

    db = tmp_path / "v4.duckdb"
    pipe = Pipeline([NlpStage()])
    with Store(db) as s:
        s.ingest([Article(text=T1, id="a")], pipeline=pipe)
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE duplicates")
    con.execute("ALTER TABLE articles DROP COLUMN text_hash")
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()
    with Store(db) as s:
        assert s.query("SELECT text_hash FROM articles")[0]["text_hash"] == text_hash(T1)
        r = s.ingest([Article(text=T1, id="b")], pipeline=pipe)
        assert r.duplicates == 1 and s.resolve_article("b") == "a"
