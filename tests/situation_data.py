"""Hand-built contract documents for the situation, query and export tests (no pipeline needed).

Three wire reports of a fictional offensive, written for these tests, plus helpers to build more.
"""

from __future__ import annotations

import pytest

from sitrep.store import Store
from sitrep.contract import (Actor, ActorRef, ArticleMeta, Claim, Document, Event, Place, Quote, Relation,
                             Span)


def span(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(text=part, start=i, end=i + len(part))


def actor(text, aid, name, kind="state", country=None, kb=None, mention=None, **kw) -> Actor:
    m = [span(text, mention or name)] if (mention or name) in text else []
    return Actor(id=aid, name=name, kind=kind, country=country, kb_id=kb, mentions=m, **kw)


def event(text, eid, etype, sentence, trigger, source=None, target=None, date=None, location=None, **kw) -> Event:
    def ref(x):
        return ActorRef(actor_id=x[0], text=x[1]) if x else None

    return Event(id=eid, type=etype, source=ref(source), target=ref(target), date=date, location=location,
                 sentence=span(text, sentence), trigger=trigger, confidence=0.8, **kw)


A1 = ("Northern forces shell Karvan as talks falter\n"
      "KARVAN, March 3 (North Wire) - The Republic of Ostrava shelled the town of Karvan on Monday, "
      "residents said. Ostrava's army fired dozens of rockets. \"We will hold the line,\" said General "
      "Piotr Valen. The Free Karvan Brigade said 120 people were killed. Ostrava has been backed by Mirenia "
      "since 2019.\n")
A2 = ("Karvan shelled again\n"
      "KARVAN, March 4 (Coast Press) - Ostrava bombarded Karvan on Monday, according to the Free Karvan "
      "Brigade. Health officials said 40 people were killed. Valen said the army would press on. "
      "Mirenia ended its backing of Ostrava on March 20.\n")
A3 = ("Talks in Belmar\n"
      "BELMAR, March 12 (Harbour Daily) - Ostrava and the Free Karvan Brigade met in Belmar on Tuesday. "
      "Mirenia denied sending troops.\n")


def doc1() -> Document:
    t = A1
    return Document(
        article=ArticleMeta(id="a1", title="Northern forces shell Karvan", source="North Wire", published="2024-03-03"),
        text=t,
        actors=[actor(t, "OST", "Ostrava", country="OST", kb="OST", mention="Republic of Ostrava",
                      aliases=["Republic of Ostrava"], sector="GOV"),
                actor(t, "FKB", "Free Karvan Brigade", kind="armed_group", mention="Free Karvan Brigade",
                      aliases=["Karvan Brigade"]),
                actor(t, "VALEN", "Piotr Valen", kind="person", country="OST", kb="VALEN", role="general"),
                actor(t, "MIR", "Mirenia", country="MIR", kb="MIR"),
                actor(t, "PEOPLE", "people", kind="group")],
        places=[Place(id="geo:1", name="Karvan", geonameid=1, lat=40.0, lon=30.0, country_code="OS", feature="city",
                      mentions=[span(t, "Karvan")])],
        events=[event(t, "E1", "ASSAULT", "The Republic of Ostrava shelled the town of Karvan on Monday, residents said.",
                      "shelled", source=("OST", "The Republic of Ostrava"), date="2024-03-02", location="geo:1",
                      mode="artillery")],
        quotes=[Quote(id="Q1", speaker=ActorRef(actor_id="VALEN", text="General Piotr Valen"),
                      text="We will hold the line,", start=t.index("We will"), end=t.index("line,") + 5, cue="said")],
        claims=[Claim(id="C1", subject=ActorRef(actor_id="PEOPLE", text="people"), property="killed", value=120,
                      unit="persons", place="geo:1", start=t.index("120"), end=t.index("120") + 10,
                      text="120 people")],
        relations=[Relation(type="supported_by", subject=ActorRef(actor_id="OST", text="Ostrava"),
                            object=ActorRef(actor_id="MIR", text="Mirenia"), since="2019",
                            start=t.index("Ostrava has"), end=t.index("2019.") + 4)],
    )


def doc2() -> Document:
    t = A2
    return Document(
        article=ArticleMeta(id="a2", title="Karvan shelled again", source="Coast Press", published="2024-03-04"),
        text=t,
        actors=[actor(t, "OST", "Ostrava", country="OST", kb="OST"),
                actor(t, "FKB", "Free Karvan Brigade", kind="armed_group"),
                actor(t, "VAL", "Valen", kind="person", country=None),
                actor(t, "MIR", "Mirenia", country="MIR", kb="MIR"),
                actor(t, "PEOPLE", "people", kind="group")],
        places=[Place(id="geo:1", name="Karvan", geonameid=1, lat=40.0, lon=30.0, country_code="OS", feature="city",
                      mentions=[span(t, "Karvan")])],
        events=[event(t, "E1", "ASSAULT", "Ostrava bombarded Karvan on Monday, according to the Free Karvan Brigade.",
                      "bombarded", source=("OST", "Ostrava"), date="2024-03-02", location="geo:1")],
        quotes=[Quote(id="Q1", speaker=ActorRef(actor_id="VAL", text="Valen"), text="the army would press on",
                      start=t.index("the army"), end=t.index("press on") + 8, kind="indirect", cue="said")],
        claims=[Claim(id="C1", subject=ActorRef(actor_id="PEOPLE", text="people"), property="killed", value=40,
                      unit="persons", place="geo:1", start=t.index("40"), end=t.index("40") + 9, text="40 people")],
        relations=[Relation(type="supported_by", subject=ActorRef(actor_id="OST", text="Ostrava"),
                            object=ActorRef(actor_id="MIR", text="Mirenia"), until="2024-03-20",
                            start=t.index("Mirenia ended"), end=t.index("March 20.") + 8)],
    )


def doc3() -> Document:
    t = A3
    return Document(
        article=ArticleMeta(id="a3", title="Talks in Belmar", source="Harbour Daily", published="2024-03-12"),
        text=t,
        actors=[actor(t, "OST", "Ostrava", country="OST", kb="OST"),
                actor(t, "FKB", "Free Karvan Brigade", kind="armed_group"),
                actor(t, "MIR", "Mirenia", country="MIR", kb="MIR")],
        places=[Place(id="geo:2", name="Belmar", geonameid=2, lat=41.0, lon=31.0, country_code="OS", feature="city",
                      mentions=[span(t, "Belmar")])],
        events=[event(t, "E1", "CONSULT", "Ostrava and the Free Karvan Brigade met in Belmar on Tuesday.", "met",
                      source=("OST", "Ostrava"), target=("FKB", "Free Karvan Brigade"), date="2024-03-12",
                      location="geo:2"),
                event(t, "E2", "MOBILIZE", "Mirenia denied sending troops.", "sending", source=("MIR", "Mirenia"),
                      negated=True)],
    )


def corpus() -> list[Document]:
    return [doc1(), doc2(), doc3()]


# -- fixtures shared by the query and export tests (import them into a test module) --------------
@pytest.fixture(scope="module", params=("duckdb", "postgresql"))
def db(request, tmp_path_factory):
    """A store holding :func:`corpus`, built once per test module and backend (a DuckDB file, or the URL
    of a PostgreSQL database on the session's server)."""
    if request.param == "duckdb":
        path = str(tmp_path_factory.mktemp("situation") / "situation.duckdb")
    else:
        from conftest import new_pg_database

        path = new_pg_database(request.getfixturevalue("pg_server"), "situation")
    with Store(path) as s:
        s.add_documents(corpus())
    return path


@pytest.fixture
def store(db):
    s = Store(db, read_only=True)
    yield s
    s.close()
