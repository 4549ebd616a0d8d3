import signal

import pytest

from sitrep.article import Article


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
