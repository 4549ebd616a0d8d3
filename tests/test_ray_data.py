"""Ray Data runs (sitrep.distributed): who writes the documents, the sink path of workers that write
them, datasets read by Ray, the token settings, and a run that breaks off or stalls."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import pytest

from sitrep.article import Article
from sitrep.distributed import _Results, auth_env, workers_write
from sitrep.pipeline import Pipeline
from sitrep.stages.nlp import NlpStage


def test_workers_write_only_to_a_store_that_takes_concurrent_writers():
    assert workers_write("postgresql://sitrep@db.example.org/sitrep")
    assert workers_write("postgres://localhost/news")
    assert not workers_write("sitrep.duckdb")
    assert not workers_write("/data/postgresql://odd-name.duckdb")
    assert not workers_write(None)


def test_a_token_turns_token_authentication_on_unless_the_mode_is_set():
    assert auth_env({"RAY_AUTH_TOKEN": "abc"})["RAY_AUTH_MODE"] == "token"
    assert auth_env({"RAY_AUTH_TOKEN_PATH": "/secrets/ray"})["RAY_AUTH_MODE"] == "token"
    assert auth_env({"RAY_AUTH_TOKEN": "abc", "RAY_AUTH_MODE": "disabled"})["RAY_AUTH_MODE"] == "disabled"
    assert "RAY_AUTH_MODE" not in auth_env({})


def test_an_address_where_no_cluster_answers_is_an_error_at_once():
    import socket
    import time

    from sitrep.distributed import _check_reachable
    from sitrep.errors import ClusterError

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]   # closed again below: nothing listens there
    t0 = time.monotonic()
    with pytest.raises(ClusterError, match="no Ray cluster answers") as err:
        _check_reachable(f"127.0.0.1:{port}")
    assert err.value.code == "E305" and time.monotonic() - t0 < 5
    with pytest.raises(ClusterError, match="not a Ray address"):
        _check_reachable("head-node")


class _Stream:
    """A stand-in for a dataset: yields ``batches``, then raises ``error`` or waits on ``hold``."""

    def __init__(self, batches, error=None, hold=None):
        self.batches, self.error, self.hold = batches, error, hold

    def iter_batches(self, **kw):
        yield from self.batches
        if self.hold is not None:
            self.hold.wait()
        if self.error is not None:
            raise self.error


def test_a_run_that_breaks_off_ends_with_what_came_back_and_why():
    results = _Results(_Stream([{"i": [0]}], error=RuntimeError("ActorDiedError: node lost\ndetails")), 5)
    assert list(results) == [{"i": [0]}]
    assert results.broken == "RuntimeError: ActorDiedError: node lost"


def test_a_run_that_stalls_is_given_up():
    hold = threading.Event()
    results = _Results(_Stream([{"i": [0]}], hold=hold), 0.3)
    try:
        assert list(results) == [{"i": [0]}]
        assert results.broken == "no result for 0 s"
    finally:
        hold.set()


def test_a_long_article_may_take_longer_than_the_stall_limit():
    from sitrep import limits
    from sitrep.distributed import stall_limit

    short = [Article(text="Rebels shelled the town on Friday.", id="s")]
    huge = short + [Article(text="word " * 300_000, id="h")]   # a budget of 1,200 s
    assert stall_limit(short, None) == limits.RAY_STALL_S
    assert stall_limit(huge, None) == limits.WARM_UP_TIMEOUT_S + 2 * 1200
    assert stall_limit(huge, 0) == limits.RAY_STALL_S     # no budgets: the limit stays


# -- on a local Ray ------------------------------------------------------------------------------------

class FileSink:
    """A sink for the tests: each actor appends what it is given to a file of its own (pid)."""

    def __init__(self, folder: str, fail: bool = False):
        self.folder, self.fail = folder, fail

    def write_batch(self, items, *, replace=(), late=None):
        if self.fail:
            raise OSError("the database is down")
        from sitrep.article import Duplicate

        for item in items:   # another writer stored this text meanwhile (say)
            if isinstance(item, tuple) and item[0].article.id == "env-5" and late is not None:
                late.append(Duplicate("env-5", "elsewhere-1", item[1], first_origin="the store"))
        with open(os.path.join(self.folder, f"sink-{os.getpid()}.jsonl"), "a") as f:
            for item in items:
                if isinstance(item, tuple):
                    f.write(json.dumps({"id": item[0].article.id, "origin": item[1],
                                        "replace": item[0].article.id in replace}) + "\n")
                else:
                    f.write(json.dumps({"id": item.article_id, "failure": item.code}) + "\n")
        return 0, 0


def _open_sink(folder, fail=False):
    return FileSink(folder, fail)


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray")
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])   # Ray's workers cannot import the tests
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def _articles(n):
    return [Article(text=f"Envoy {i} met officials in Ankara on Monday.", id=f"env-{i}", origin=f"in.jsonl:{i + 1}")
            for i in range(n)]


def test_workers_write_through_their_sink_once_each(local_ray, tmp_path):
    import functools

    from sitrep.distributed import ray_write

    arts = _articles(7)
    outs = list(ray_write(Pipeline([NlpStage()]), arts, functools.partial(_open_sink, str(tmp_path)),
                          replace={"env-3"}, num_workers=2, batch_size=2))
    assert sorted(o.article.id for o, _, _ in outs) == sorted(a.id for a in arts)
    assert all(written and o.document is None and o.failure is None for o, written, _ in outs)
    late = {o.article.id: x for o, _, x in outs if x is not None}
    assert list(late) == ["env-5"] and late["env-5"].duplicate_of == "elsewhere-1"
    rows = [json.loads(line) for p in tmp_path.glob("sink-*.jsonl") for line in p.read_text().splitlines()]
    assert sorted(r["id"] for r in rows) == sorted(a.id for a in arts)
    assert {r["id"] for r in rows if r["replace"]} == {"env-3"}
    assert {r["origin"] for r in rows if r["id"] == "env-0"} == {"in.jsonl:1"}


def test_a_worker_that_cannot_write_sends_its_documents_back(local_ray, tmp_path):
    import functools

    from sitrep.distributed import ray_write

    arts = _articles(3)
    outs = list(ray_write(Pipeline([NlpStage()]), arts, functools.partial(_open_sink, str(tmp_path), True),
                          num_workers=1, batch_size=2))
    assert sorted(o.article.id for o, _, _ in outs) == ["env-0", "env-1", "env-2"]
    assert all(not written and o.document is not None and late is None for o, written, late in outs)


def test_a_dataset_read_by_ray_goes_through_the_same_actors(local_ray, tmp_path):
    from sitrep.distributed import extract_dataset

    path = Path(tmp_path) / "wire.jsonl"
    path.write_text("".join(json.dumps({"id": f"w{i}", "text": f"Rebels shelled Idlib on Friday, report {i} said.",
                                        "published": "2026-03-01"}) + "\n" for i in range(4))
                    + json.dumps({"id": "w4", "title": "no text", "published": "2026-03-02"}) + "\n")
    ds = local_ray.data.read_json(str(path), lines=True)
    rows = extract_dataset(ds, Pipeline([NlpStage()]), num_workers=1, batch_size=2).take_all()
    assert sorted(r["id"] for r in rows) == ["w0", "w1", "w2", "w3", "w4"]
    assert all(r["doc"] for r in rows if r["id"] != "w4"), [r["failure"] for r in rows]
    docs = [json.loads(r["doc"]) for r in rows if r["id"] != "w4"]
    assert all(d["article"]["published"] == "2026-03-01" for d in docs)
    failures = {r["id"]: json.loads(r["failure"]) for r in rows if r["failure"]}
    assert list(failures) == ["w4"] and failures["w4"]["code"] == "E105"


def test_ray_workers_write_a_postgresql_store_directly(local_ray, tmp_path):
    """With the PostgreSQL store (sitrep.situation.store.open_store, issue #16) the actors write their
    batches themselves; a batch written twice (an actor restarted after writing) stores nothing twice."""
    import functools
    import shutil
    import tempfile

    from sitrep.situation import store as store_module

    open_store = getattr(store_module, "open_store", None)
    if open_store is None:
        pytest.skip("needs the PostgreSQL store backend (sitrep.situation.store.open_store)")
    pgserver = pytest.importorskip("pgserver")
    from sitrep.distributed import ray_write

    data = tempfile.mkdtemp(prefix="sitrep-pg-")
    srv = pgserver.get_server(data, cleanup_mode="stop")
    try:
        srv.psql("CREATE DATABASE raywrite;")
        url = srv.get_uri("raywrite")
        assert workers_write(url)
        open_store(url).close()   # the schema, once
        arts = [Article(text=f"ADEN, March {1 + i} (Test Wire) - Militia members seized a checkpoint outside "
                             f"Aden on Friday, officials said, in report {i}.", id=f"aden-{i}", published="2026-03-28")
                for i in range(12)]
        sink = functools.partial(open_store, url)
        outs = list(ray_write(Pipeline([NlpStage()]), arts, sink, num_workers=2, batch_size=4))
        assert sorted(o.article.id for o, _, _ in outs) == sorted(a.id for a in arts)
        assert all(written and o.failure is None and late is None for o, written, late in outs)
        again = list(ray_write(Pipeline([NlpStage()]), arts[:4], sink, num_workers=1, batch_size=4))
        # stored already, with the same text: the worker says so (an ingest counts it as skipped)
        assert all(written and type(late).__name__ == "AlreadyStored" for _, written, late in again)
        with open_store(url) as st:
            assert st.query("SELECT count(*) AS n, count(DISTINCT id) AS d FROM articles") == [{"n": 12, "d": 12}]
    finally:
        srv.cleanup()
        shutil.rmtree(data, ignore_errors=True)


def test_an_ingest_on_ray_has_the_workers_write_a_postgresql_store(local_ray, pg_server):
    """``Store.ingest(..., ray_address=...)`` on a PostgreSQL store (issue #16): the Ray workers write the
    documents themselves, batch by batch; the driver writes none of them, and every id read is accounted
    for once (stored, a duplicate, or a failure)."""
    from conftest import new_pg_database

    from sitrep.situation.store import open_store

    url = new_pg_database(pg_server, "rayingest")
    arts = [Article(text=f"ADEN, March {1 + i % 28} (Test Wire) - Militia members seized checkpoint {i} outside "
                         f"Aden on Friday, officials said.", id=f"aden-{i}", published="2026-03-28")
            for i in range(38)]
    arts.append(Article(text=arts[5].text, id="aden-copy"))                   # the same text, another id
    arts.append(Article(text="ADEN (Test Wire) - Another story under a stored id.", id="held-1"))
    with open_store(url) as st:
        st.ingest([Article(text="ADEN (Test Wire) - Port workers struck on Monday.", id="held-1")],
                  pipeline=Pipeline([NlpStage()]), refresh=False)
        driver_docs: list = []
        write_batch = st.write_batch

        def spy(items, **kw):
            items = list(items)
            driver_docs.extend(x[0].article.id for x in items if isinstance(x, tuple))
            return write_batch(items, **kw)

        st.write_batch = spy   # the driver's store only: each worker opens its own
        progress: list = []
        result = st.ingest(arts, pipeline=Pipeline([NlpStage()]), ray_address="local", n_process=2, batch_size=4,
                           on_progress=progress.append)
        assert driver_docs == []
        assert result.read == len(arts) == result.stored + result.skipped + result.duplicates + result.failed
        assert result.stored == 38 and result.skipped == 0
        assert [d.article_id for d in result.duplicate_items] == ["aden-copy"]
        assert [(f.article_id, f.code) for f in result.failures] == [("held-1", "E801")]
        assert progress[-1].done == progress[-1].total == 38
        rows = st.query("SELECT id, count(*) AS n FROM articles GROUP BY id")
        assert sorted(r["id"] for r in rows) == sorted([f"aden-{i}" for i in range(38)] + ["held-1"])
        assert all(r["n"] == 1 for r in rows)
        assert st.resolve_article("aden-copy") == "aden-5"
        assert [r["article_id"] for r in st.query("SELECT article_id FROM failures")] == ["held-1"]
