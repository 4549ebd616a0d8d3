"""Serving while ingesting: a PostgreSQL store shows what another process ingests without a restart; a
DuckDB store held by `sitrep serve` gets its articles through the server's POST /articles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from situation_data import corpus

SRC = str(Path(__file__).resolve().parent.parent / "src")
TOKEN = "serve-ingest-token"
WIRE = ("Ostrava shells Karvan again\n"
        "KARVAN, March 6 (Test Wire) - The army of Ostrava shelled the town of Karvan on Wednesday, residents "
        "said, a day after talks in Belmar broke down.\n")


def test_a_postgresql_store_shows_what_another_writer_ingests_without_a_restart(pg_server):
    pytest.importorskip("httpx")
    from conftest import new_pg_database
    from fastapi.testclient import TestClient

    from sitrep.api import create_app
    from sitrep.store import Store

    url = new_pg_database(pg_server, "live")
    with TestClient(create_app(url, token="t")) as c:
        assert c.get("/stats").json()["counts"]["articles"] == 0
        with Store(url) as writer:  # another connection: as another process would
            writer.add_documents(corpus()[:2])
        assert c.get("/stats").json()["counts"]["articles"] == 2
        assert c.get("/events").json()["items"]
        with Store(url) as writer:
            writer.add_documents(corpus()[2:], refresh=False)  # not rebuilt: the server's next read rebuilds it
        assert c.get("/stats").json()["counts"]["articles"] == 3
        assert any(e["place_name"] == "Belmar" for e in c.get("/events").json()["items"])


def test_held_store_names_its_server_only_while_that_process_lives(tmp_path):
    from sitrep.situation.handoff import announce, find_server, held_error, info_path, withdraw

    db = str(tmp_path / "s.duckdb")
    assert find_server(db) is None
    p = announce(db, "http://127.0.0.1:8765")
    assert find_server(db) == {"url": "http://127.0.0.1:8765", "pid": os.getpid(), "db": db}
    err = held_error(db, RuntimeError("Conflicting lock"))
    assert err.code == "E403" and err.server == "http://127.0.0.1:8765" and "SITREP_TOKEN" in str(err)
    withdraw(p)
    assert not info_path(db).exists()
    info_path(db).write_text(json.dumps({"url": "http://127.0.0.1:1", "pid": 2 ** 22 + 7, "db": db}))
    assert find_server(db) is None  # a server that died without cleaning up is not one
    err = held_error(db, RuntimeError("Conflicting lock"))
    assert err.server is None and "PostgreSQL" in str(err)


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("SITREP_TOKEN", "SITREP_DB")}
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def _sitrep(*args, **env):
    return subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=300,
                          env=_env(**env))


@pytest.mark.slow
def test_ingest_into_a_duckdb_store_held_by_a_server_goes_through_the_server(tmp_path):
    from sitrep.api.server import free_port
    from sitrep.situation.handoff import find_server, info_path

    db = tmp_path / "held.duckdb"
    art = tmp_path / "new.txt"
    art.write_text(WIRE, encoding="utf-8")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port)],
                              env=_env(SITREP_TOKEN=TOKEN), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while find_server(str(db)) is None:
            assert server.poll() is None and time.monotonic() < deadline, server.stderr.read().decode()
            time.sleep(0.2)
        r = _sitrep("ingest", str(art), "--db", str(db))  # no token: told how
        assert r.returncode == 1 and "Error:" in r.stderr and "SITREP_TOKEN" in r.stderr, r.stderr
        r = _sitrep("ingest", str(art), "--db", str(db), "--published", "2024-03-06", SITREP_TOKEN="wrong")
        assert r.returncode == 1 and "refused the token" in r.stderr, r.stderr
        r = _sitrep("ingest", str(art), "--db", str(db), "--published", "2024-03-06", SITREP_TOKEN=TOKEN)
        assert r.returncode == 0, r.stderr
        assert "sending the articles" in r.stderr and "read 1, documents 1, duplicates 0, failed 0" in r.stderr
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/stats") as resp:
            assert json.loads(resp.read())["counts"]["articles"] == 1
        r = _sitrep("ingest", str(art), "--db", str(db), "--published", "2024-03-06", SITREP_TOKEN=TOKEN)
        assert r.returncode == 0 and "already stored" in r.stderr, r.stderr
        r = _sitrep("events", "--db", str(db))  # a read is refused with the server's address
        assert r.returncode == 1 and f"http://127.0.0.1:{port}" in r.stderr
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not info_path(str(db)).exists()  # the server withdrew its notice
    r = _sitrep("events", "--db", str(db), "--json")
    assert r.returncode == 0 and json.loads(r.stdout)


def test_ingest_into_a_duckdb_store_another_process_holds_says_what_to_do(tmp_path):
    db = tmp_path / "busy.duckdb"
    art = tmp_path / "new.txt"
    art.write_text(WIRE, encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from sitrep.store import Store; "
                               f"s = Store({str(db)!r}); print('ready', flush=True); time.sleep(120)"],
                              env=_env(), stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        r = _sitrep("ingest", str(art), "--db", str(db))
        assert r.returncode == 1 and "Error:" in r.stderr and "held by another process" in r.stderr
        assert "PostgreSQL" in r.stderr and "Traceback" not in r.stderr
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.slow
def test_serve_with_several_processes_on_postgresql_sees_every_write(pg_server):
    import psutil
    from conftest import new_pg_database

    from sitrep.api.server import free_port
    from sitrep.store import Store

    url = new_pg_database(pg_server, "workers")
    with Store(url) as s:
        s.add_documents(corpus()[:2])
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", url, "--port", str(port),
                               "--workers", "2"], env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def articles() -> int:  # a new connection each time: the requests spread over the processes
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/stats", timeout=30) as resp:
            return json.loads(resp.read())["counts"]["articles"]

    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None and time.monotonic() < deadline, server.stderr.read().decode()
            try:
                if articles() == 2:
                    break
            except OSError:
                time.sleep(0.3)
        while len(psutil.Process(server.pid).children(recursive=True)) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.3)
        assert {articles() for _ in range(12)} == {2}   # every process answers from the same store (and caches)
        with Store(url) as writer:
            writer.add_documents(corpus()[2:])
        assert {articles() for _ in range(12)} == {3}   # and none keeps an answer the write made stale
    finally:
        server.terminate()
        server.wait(timeout=60)


def test_serve_with_several_processes_needs_postgresql(tmp_path):
    r = _sitrep("serve", "--db", str(tmp_path / "one.duckdb"), "--workers", "2")
    assert r.returncode == 2 and "PostgreSQL" in r.stderr and "--workers" in r.stderr, r.stderr
    assert not (tmp_path / "one.duckdb").exists()
