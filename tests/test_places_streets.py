"""Streets, roads and highways: recognised by sitrep.geo.streets, listed by the places stage at their town."""

from sitrep.article import Article, ArticleState
from sitrep.core.text import haversine_km
from sitrep.stages.places import PlacesStage
from sitrep.geo.streets import find_streets, lexicon
from places_support import nlp  # noqa: F401 - shared fixture


def streets(nlp, text):
    st = nlp(ArticleState(article=Article(text=text)))
    found = find_streets(st.doc)
    for s in found:
        assert text[s.start:s.end] == s.text
    return [s.text for s in found]


def run(nlp, text, **kw):
    st = nlp(ArticleState(article=Article(text=text, published="2025-03-04")))
    PlacesStage(**kw).run_alone(st)
    for m in st.place_mentions:
        assert text[m.start:m.end] == m.text
    return st


def test_lexicon_loads():
    lex = lexicon()
    assert "street" in lex["full"] and "st." in lex["abbr"] and "way" in lex["weak"]
    assert lex["named"].pattern and lex["numbered"].pattern


def test_named_streets(nlp):
    text = ("A Dayton woman, 31, of 418 N. Birch St., was charged after a crash at South Main Street "
            "and Harlan Avenue. Crews also closed 14th Street and Old Mill Road.")
    assert streets(nlp, text) == ["N. Birch St.", "South Main Street", "Harlan Avenue", "14th Street",
                                  "Old Mill Road"]


def test_numbered_roads(nlp):
    text = ("Troopers closed Interstate 81 and Highway 12 near County Road 40; traffic moved to I-64, "
            "US-33, KY 15 and W.Va. 2. Later FM 1960 reopened, and Avenue K stayed shut.")
    assert streets(nlp, text) == ["Interstate 81", "Highway 12", "County Road 40", "I-64", "US-33", "KY 15",
                                  "W.Va. 2", "FM 1960", "Avenue K"]


def test_directions_and_lead_names(nlp):
    text = "Deputies blocked 22nd Avenue North and Pike County Road 7 after the storm."
    assert streets(nlp, text) == ["22nd Avenue North", "Pike County Road 7"]


def test_possessives_and_function_words_are_cut_off(nlp):
    text = "Officers went to Baxter's Linden Street home. On Harbor Drive, the water rose."
    assert streets(nlp, text) == ["Linden Street", "Harbor Drive"]


def test_weak_suffixes_need_an_address_cue(nlp):
    assert streets(nlp, "The car was found on Miller Way in Bristol.") == ["Miller Way"]
    assert streets(nlp, "She gave to the United Way of Central Ohio.") == []
    assert streets(nlp, "He said the Third Way was the answer.") == []


def test_abbreviations_that_open_a_name_are_not_streets(nlp):
    assert streets(nlp, "The team flew from Memphis St. Louis was next.") == []
    assert streets(nlp, "Dr. Hale said the clinic would open.") == []
    assert streets(nlp, "He lives at 12 Main St. St. Louis is far away.") == ["Main St."]


def test_person_names_are_not_streets(nlp):
    assert streets(nlp, "Sgt. Tom Lane said the driver fled.") == []
    assert streets(nlp, "Police Chief Ray Street told reporters the case was closed.") == []
    assert streets(nlp, "Officers Dan Moss and Chad Walker arrived first.") == []


def test_organisations_named_after_roads_are_not_streets(nlp):
    assert streets(nlp, "The Ohio Highway Patrol said a trooper was hurt.") == []
    assert streets(nlp, "Figures from the National Highway Traffic Safety Administration were cited.") == []


def test_streets_are_places_at_their_town(nlp):
    text = ("A fire gutted a house on Sycamore Street in Lexington, Ky., on Monday. Firefighters from "
            "Lexington also closed Interstate 75 for an hour.")
    st = run(nlp, text)
    by_text = {m.text: p for p in st.places for m in p.mentions}
    syc = by_text["Sycamore Street"]
    assert syc.feature == "other" and syc.country_code == "US"
    assert haversine_km(syc.lat, syc.lon, 38.05, -84.50) < 30     # placed at Lexington, Kentucky
    i75 = by_text["Interstate 75"]                                # no town in its sentence: the home town
    assert haversine_km(i75.lat, i75.lon, 38.05, -84.50) < 30
    assert "Lexington" in by_text


def test_a_street_without_a_town_has_no_coordinates(nlp):
    st = run(nlp, "A truck overturned on Route 9 early Sunday, blocking both lanes.")
    (road,) = [p for p in st.places if p.id.startswith("street:")]
    assert road.lat is None and road.lon is None and road.mentions[0].text == "Route 9"


def test_one_place_per_street_and_town(nlp):
    text = "Crews repaired Maple Avenue in Dover. Maple Ave. reopened later in Dover."
    st = run(nlp, text)
    (maple,) = [p for p in st.places if p.id.startswith("street:")]
    assert [m.text for m in maple.mentions] == ["Maple Avenue", "Maple Ave."]


def test_a_town_inside_a_street_name_is_not_a_place(nlp):
    st = run(nlp, "The shop on Lancaster Avenue in Richmond was robbed.")
    texts = [m.text for m in st.place_mentions]
    assert "Lancaster Avenue" in texts and "Lancaster" not in texts


def test_streets_can_be_turned_off(nlp):
    st = run(nlp, "The shop on Lancaster Avenue in Richmond was robbed.", streets=False)
    assert not any(p.id.startswith("street:") for p in st.places)


def test_coordinated_names_before_a_plural_are_streets(nlp):
    text = "Police closed Hampden and Center streets; in Elm, Oak and Pine avenues the lights failed."
    assert streets(nlp, text) == ["Hampden", "Center", "Elm", "Oak", "Pine"]


def test_a_plural_possessive_opens_a_street_name(nlp):
    assert streets(nlp, "Crews extended Governors' Parkway to the interstate.") == ["Governors' Parkway"]


def test_a_typo_in_streets_yaml_names_the_file_and_the_field():
    import pytest

    from sitrep.datafiles import load_data
    from sitrep.errors import KnowledgeBaseError
    from sitrep.geo.streets import _validated

    raw = dict(load_data("streets.yaml"))
    raw["titels"] = raw.pop("titles")
    with pytest.raises(KnowledgeBaseError) as err:
        _validated(raw)
    assert "streets.yaml" in str(err.value) and "titles" in str(err.value)


def test_a_state_code_joined_to_a_number_is_a_designation_not_a_road(nlp):
    text = ("Gunmen opened fire with AR-15 and AK-47 assault rifles, and an MI-8 helicopter flew over. "
            "Later the truck crashed on KY 90 near the bridge.")
    assert streets(nlp, text) == ["KY 90"]


def test_a_national_highway_takes_its_whole_prefix(nlp):
    text = "Rebels took National Highway 2 in October. A crash closed U.S. Highway 1 on Monday."
    assert streets(nlp, text) == ["National Highway 2", "U.S. Highway 1"]


def test_a_street_without_a_town_lies_in_the_storys_country(nlp):
    text = ("The Georgian Interior Ministry said protesters near Rustaveli Avenue hurled stones at police, "
            "the Georgian public broadcaster reported.")
    st = run(nlp, text)
    (place,) = [p for p in st.places if p.name == "Rustaveli Avenue"]
    assert place.country_code == "GE" and place.lat is None
    st = run(nlp, "Protesters blocked Main Street on Monday, organisers said.")
    (place,) = [p for p in st.places if p.name == "Main Street"]
    assert place.country_code is None and place.lat is None
