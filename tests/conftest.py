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
