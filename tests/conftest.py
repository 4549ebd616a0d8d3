import os
import signal

import pytest

from sitrep.article import Article


def pytest_addoption(parser):
    parser.addoption("--run-long", action="store_true", default=False,
                     help="also run the tests marked long (or set SITREP_LONG=1)")


def pytest_collection_modifyitems(config, items):
    """Tests marked ``long`` (runs of minutes, benchmarks in test form) are skipped unless asked for; tests
    marked ``slow`` always run (CI runs them), the mark only names them."""
    if config.getoption("--run-long") or os.environ.get("SITREP_LONG") == "1":
        return
    skip = pytest.mark.skip(reason="long: run with --run-long or SITREP_LONG=1")
    for item in items:
        if "long" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def pipeline():
    import sitrep

    return sitrep.default_pipeline()


WIRE = """Rebels seize key crossing as talks stall
BEIRUT, Dec 4 (Test Wire) - Rebel fighters seized a border crossing in northern Syria on Tuesday, a monitor said.
"We will not stop until the road is open," a commander told reporters.
"""


@pytest.fixture
def wire_article():
    return Article(text=WIRE, published="2024-12-04", source="Test Wire")


@pytest.fixture
def alarm(request):
    """Fail a test that hangs: SIGALRM after the test module's ``ALARM_SECONDS`` (default 60 s) raises
    TimeoutError in the test."""
    seconds = getattr(request.module, "ALARM_SECONDS", 60)

    def _timeout(signum, frame):  # pragma: no cover - only on a hang
        raise TimeoutError(f"the test did not finish within {seconds} s")

    old = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(seconds)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


# -- the store's two backends: DuckDB (a file) and PostgreSQL (started here, on a Unix socket) ----------
BACKENDS = ("duckdb", "postgresql")


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for the whole session (the ``pgserver`` wheel: binaries, initdb, a Unix
    socket in a temporary directory); stopped and deleted at the end."""
    import shutil
    import tempfile

    pgserver = pytest.importorskip("pgserver")
    data = tempfile.mkdtemp(prefix="sitrep-pg-")
    srv = pgserver.get_server(data, cleanup_mode="stop")
    try:
        yield srv
    finally:
        srv.cleanup()
        shutil.rmtree(data, ignore_errors=True)


_PG_COUNT = [0]


def new_pg_database(server, name: str = "t", template: str | None = None) -> str:
    """A new database on ``server`` (empty, or a copy of the database at URL ``template``); its URL."""
    import re

    _PG_COUNT[0] += 1
    db = re.sub(r"[^a-z0-9_]", "_", f"{name}_{_PG_COUNT[0]}".lower())[:60]
    server.psql(f"CREATE DATABASE {db}" + (f" TEMPLATE {pg_dbname(template)}" if template else "") + ";")
    return server.get_uri(db)


def pg_dbname(url: str) -> str:
    """The database name of a PostgreSQL URL."""
    from psycopg.conninfo import conninfo_to_dict

    return str(conninfo_to_dict(url)["dbname"])


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """Each test that uses it runs on DuckDB and on PostgreSQL."""
    return request.param


@pytest.fixture
def make_db(backend, tmp_path, request):
    """``make_db(name)``: a new, empty store target of the test's backend -- a DuckDB file in the test's
    directory, or the URL of a new PostgreSQL database."""
    def make(name: str = "store") -> str:
        if backend == "duckdb":
            return str(tmp_path / f"{name}.duckdb")
        return new_pg_database(request.getfixturevalue("pg_server"), name)

    return make
