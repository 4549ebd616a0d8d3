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
