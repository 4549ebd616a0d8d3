"""Described entities (issue #14, wrong targets): facilities, vessels, companies, unknown settlements and
lists of sanctioned parties the text names by description become actors (mention how "entity") that the
events stage names as an act's target when no party undergoes it.

Sentences are written for these tests (wire style, not taken from the news set). The actors tests run the
actors stage on the test KB; the events tests mark the mentions by hand and run the events stage alone."""

from __future__ import annotations

import pytest

from sitrep.article import Article, ArticleState, Mention
from sitrep.core.contract import Actor
from sitrep.errors import ConfigError
from sitrep.core.datamodels import validate_data
from sitrep.stages.actors.entities import DescribedEntitiesFile, load_entity_words

from actors_support import run as run_actors
from events_support import EVENTS, NLP, mention


def _entities(st) -> dict[str, str]:
    """Mention text -> actor kind of the described entities of an article."""
    kinds = {a.id: a.kind for a in st.actors}
    return {m.text: kinds[m.actor_id] for m in st.mentions if m.how == "entity"}


# -- the actors stage ------------------------------------------------------------------------------

def test_facility_company_and_vessel_become_entities():
    st = run_actors("Protesters stormed the regional assembly building on Monday. The government imposed "
                    "sanctions on the province's state-owned mining company. A cargo vessel was hit off the coast.")
    ents = _entities(st)
    assert ents["the regional assembly building"] == "other"
    assert ents["the province's state-owned mining company"] == "organization"
    assert ents["A cargo vessel"] == "other"


def test_unknown_settlement_only_through_its_name():
    st = run_actors("Gunmen attacked the village of Qarbuzeli Waddo on Sunday and looted the town.")
    ents = _entities(st)
    assert "the village of Qarbuzeli Waddo" in ents
    assert "the town" not in ents   # a bare settlement word refers to a place


def test_known_settlement_is_left_to_the_places_stage():
    st = run_actors("Gunmen attacked the town of Kharkiv on Sunday.")
    assert _entities(st) == {}


def test_a_city_of_an_unknown_name_and_a_company_for_a_reason():
    st = run_actors("The army took control of the strategic city of Qarbuzeli on Monday. The bloc imposed "
                    "sanctions on a construction company for abuses against workers.")
    ents = _entities(st)
    assert "the strategic city of Qarbuzeli" in ents
    assert ents["a construction company"] == "organization"


def test_an_area_of_an_unknown_name_is_an_entity():
    st = run_actors("Drones struck the Tal Hamdun area overnight, residents said.")
    assert "the Tal Hamdun area" in _entities(st)


def test_army_men_are_the_army():
    st = run_actors("Two militants fired at the army men near the camp.")
    a = next(a for a in st.actors if any(m.text == "army men" for m in a.mentions))
    assert a.sector == "MIL" and a.kind == "organization"


def test_listed_parties_are_one_party():
    st = run_actors("The new measures target twelve individuals and four entities in three countries.")
    ents = _entities(st)
    assert ents == {"twelve individuals and four entities": "group"}


def test_people_alone_are_no_entity():
    st = run_actors("The measures target twelve individuals.")
    assert _entities(st) == {}


def test_an_owner_in_front_stands_for_the_thing():
    st = run_actors("Rebels shelled Russian positions, Hezbollah facilities and Iran's nuclear plant.")
    assert _entities(st) == {}


def test_bare_singular_and_modifier_are_no_entity():
    st = run_actors("The minister took office in March. Hospital staff said the fighting stopped.")
    assert _entities(st) == {}


def test_definite_description_refers_back():
    st = run_actors("Shells struck a crowded market in the north. Witnesses said the market was full.")
    ids = {m.actor_id for m in st.mentions if m.how == "entity"}
    assert len(ids) == 1


def test_the_class_file_is_validated():
    with pytest.raises(ConfigError, match="classes.facility.kind"):
        validate_data({"classes": {"facility": {"kind": "building", "heads": ["hall"]}}, "joins": [],
                       "anaphor_words": [], "definite_dets": []}, DescribedEntitiesFile, "test")
    assert load_entity_words("fr") is None


# -- the events stage ------------------------------------------------------------------------------

def _events(text: str, parties: list[tuple[str, str, str]], things: list[tuple[str, str, str]]) -> list:
    """(type, source id, target id) of the events of ``text``, with ``parties`` (phrase, id, kind) marked
    as named actors and ``things`` (phrase, id, kind) as described entities."""
    st = ArticleState(article=Article(text=text, published="2024-05-06"))
    NLP(st)
    marks = [mention(text, p, i) for p, i, _ in parties]
    for p, i, _ in things:
        m = mention(text, p, i)
        marks.append(Mention(start=m.start, end=m.end, actor_id=i, text=p, how="entity"))
    st.mentions = sorted(marks, key=lambda m: m.start)
    st.actors = [Actor(id=i, name=p, kind=k) for p, i, k in parties + things]
    EVENTS.run_alone(st)
    return [(e.type, e.source.actor_id if e.source else None, e.target.actor_id if e.target else None)
            for e in st.events]


def test_an_entity_is_the_target_of_an_attack():
    evs = _events("Hundreds of demonstrators stormed the regional assembly building on Monday.",
                  [("demonstrators", "DEMO", "group")], [("the regional assembly building", "BLDG", "other")])
    assert ("PROTEST", "DEMO", "BLDG") in evs


def test_a_company_is_the_target_of_sanctions():
    evs = _events("Washington imposed sanctions on the province's state-owned mining company on Friday.",
                  [("Washington", "USA", "state")], [("the province's state-owned mining company", "CO", "organization")])
    assert ("SANCTION", "USA", "CO") in evs


def test_a_party_beats_an_entity():
    evs = _events("The army recaptured the airbase from the Northern Front on Tuesday.",
                  [("The army", "ARMY", "organization"), ("the Northern Front", "NF", "armed_group")],
                  [("the airbase", "BASE", "other")])
    assert ("ASSAULT", "ARMY", "NF") in evs or ("COERCE", "ARMY", "NF") in evs


def test_an_entity_coordinated_with_a_party_is_a_target_too():
    evs = _events("The bloc imposed sanctions on four senior officials and a construction company on Monday.",
                  [("The bloc", "EU", "igo"), ("four senior officials", "OFF", "group")],
                  [("a construction company", "CO", "organization")])
    assert {("SANCTION", "EU", "OFF"), ("SANCTION", "EU", "CO")} <= set(evs)


def test_an_act_noun_with_no_doer_keeps_a_place_not_a_thing():
    evs = _events("One man was wounded in the attack on the Qarbuzeli area of the city.",
                  [], [("the Qarbuzeli area", "AREA", "other")])
    assert all(t != "AREA" for _, _, t in evs)


def test_a_thing_closed_is_no_target():
    evs = _events("Police forces closed the central market on Friday.",
                  [("Police forces", "POL", "organization")], [("the central market", "MKT", "other")])
    assert all(t != "MKT" for _, _, t in evs)


def test_a_relative_clause_restating_the_act_gives_its_object():
    evs = _events("The militia's shelling, which hit the central market, killed nine people.",
                  [("The militia", "MIL", "armed_group")], [("the central market", "MKT", "other")])
    assault = [e for e in evs if e[0] == "ASSAULT"]
    assert assault == [("ASSAULT", "MIL", "MKT")]


def test_a_passive_by_an_instrument_is_the_attack_it_names():
    evs = _events("A cargo ship was struck by a missile off the coast in another attack by the Northern Front.",
                  [("the Northern Front", "NF", "armed_group")], [("A cargo ship", "SHIP", "other")])
    assert [e for e in evs if e[0] == "ASSAULT"] == [("ASSAULT", "NF", "SHIP")]


def test_an_entity_is_no_party_to_a_relation(pipeline):
    doc = pipeline(Article(text="Thousands of detainees remain in camps and prisons run by the Syrian Democratic Forces "
                                "in the northeast, officials said.", published="2024-12-09"))
    things = {m.start for a in doc.actors for m in a.mentions if a.kind == "other"}
    assert all(r.subject.actor_id not in {a.id for a in doc.actors if a.kind == "other"} for r in doc.relations)
    assert things   # the camps and prisons are entities all the same


def test_an_act_noun_not_of_fire_keeps_its_relative_clause():
    evs = _events("Officials said the offensive that overran the Northern Front began last week.",
                  [("the Northern Front", "NF", "armed_group")], [])
    assert ("ASSAULT", None, "NF") in evs
