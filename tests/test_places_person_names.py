"""Names read as places only by accident (#14 pattern 8): a person's surname ("support of Clinton"
after "Hillary Clinton"), a town that bears a name only as a former or foreign name of it ("WASHINGTON
(AP)" is not Piqua, Ohio, once called Washington; "the White House physician" is not Fallston,
Maryland), and a country's name read as a small town of the story's country ("unlike in Cuba or Iran"
in a story set in Washington). The articles are written here in wire style."""

from __future__ import annotations

from places_support import nlp, places_of, stage  # noqa: F401 - shared fixtures



def test_a_surname_is_the_person_without_a_setting_preposition(nlp, stage):
    text = ("Senator Bernie Sanders offered advice to Hillary Clinton on Friday. He said young voters "
            "would come around in support of Clinton, and he spoke of anger toward Clinton among his "
            "supporters at a rally in Ohio.")
    places = places_of(nlp, stage, text)
    assert "Clinton" not in places, places["Clinton"]
    assert places["Ohio"].country_code == "US"


def test_a_surname_after_a_setting_preposition_stays_a_place(nlp, stage):
    text = ("Governor Bill Clinton spoke to farmers on Tuesday. Later he opened a new bridge in Clinton, "
            "Iowa, where hundreds of residents gathered.")
    places = places_of(nlp, stage, text)
    assert places["Clinton"].country_code == "US"


def test_a_possessor_after_a_preposition_is_no_setting(nlp, stage):
    text = ("Keith Lamont Scott was shot by police in Charlotte on Tuesday. Officers said a gun was found "
            "in Scott's hand; footage from Scott's wife circulated widely.")
    places = places_of(nlp, stage, text)
    assert "Scott" not in places
    assert places["Charlotte"].country_code == "US"


def test_a_country_listed_with_another_country_is_the_country(nlp, stage):
    text = ("WASHINGTON (AP) - The president met lawmakers from Ohio, New York and New Mexico on Monday. "
            "Unlike in Cuba or Iran, his outreach to the military regime has produced reforms, aides "
            "said in Washington.")
    places = places_of(nlp, stage, text)
    assert places["Cuba"].country_code == "CU" and places["Cuba"].feature == "country"


def test_a_capital_s_former_name_is_no_other_town(nlp, stage):
    text = ("WASHINGTON (AP) - The Latest on the campaign: Donald Trump urged supporters to monitor "
            "polling places in Michigan and Ohio on Saturday.")
    places = places_of(nlp, stage, text)
    assert places["WASHINGTON"].country_code == "US"
    assert abs(places["WASHINGTON"].lat - 38.9) < 0.5, places["WASHINGTON"]


def _gaz():
    from sitrep.geo.gazetteer import small_gazetteer

    return small_gazetteer([
        {"id": "geo:1", "name": "Fallston", "kind": "city", "cc": "US", "admin1": "MD", "population": 9000,
         "lat": 39.5, "lon": -76.4, "aliases": ["Physician Hill", "Fallstown"]},
        {"id": "geo:2", "name": "Plovdiv", "kind": "city", "cc": "BG", "population": 340000,
         "lat": 42.1, "lon": 24.7, "aliases": ["Flavia Hill"]},
    ])


def _cand(gaz, text, locative=False):
    from sitrep.stages.places import Candidate

    c = Candidate(0, len(text), text, gaz.lookup(text), True, "GPE")
    c.locative = locative
    return c


def test_another_name_of_a_small_town_needs_a_locative_cue():
    from sitrep.stages.places import PlacesConfig
    from sitrep.stages.places.resolve import other_names

    gaz = _gaz()
    cands = [_cand(gaz, "Physician Hill"), _cand(gaz, "Physician Hill", locative=True), _cand(gaz, "Fallstown"),
             _cand(gaz, "Flavia Hill")]
    assert all(c.ids for c in cands)
    # the small town's other name, unlocated, is no reading; located ("in Physician Hill") it stays;
    # a spelling of its own name stays; a big city keeps its other names
    assert other_names(cands, gaz, PlacesConfig()) == {0}
    assert other_names(cands, gaz, PlacesConfig(other_name_population=0)) == set()


def test_a_country_listed_with_a_country_wins_over_a_town_of_the_setting():
    from sitrep.geo.gazetteer import small_gazetteer
    from sitrep.stages.places import Candidate
    from sitrep.stages.places.resolve import countries_win

    gaz = small_gazetteer([
        {"id": "geo:1", "name": "Cuba", "kind": "country", "cc": "CU", "population": 11_000_000},
        {"id": "geo:2", "name": "Cuba", "kind": "city", "cc": "US", "admin1": "NY", "population": 15_000},
        {"id": "geo:3", "name": "Iran", "kind": "country", "cc": "IR", "population": 80_000_000},
    ])
    text = "unlike in Cuba or Iran; Cuba police said"
    cuba, iran, town = (Candidate(10, 14, "Cuba", gaz.lookup("Cuba"), True, "GPE"),
                        Candidate(18, 22, "Iran", gaz.lookup("Iran"), True, "GPE"),
                        Candidate(24, 28, "Cuba", gaz.lookup("Cuba"), True, "GPE"))
    town_id = next(i for i in gaz.lookup("Cuba") if gaz.kind(i) == "city")
    choice = [town_id, gaz.lookup("Iran")[0], town_id]
    countries_win([cuba, iran, town], choice, gaz, text, frozenset({"or", "and", ","}), tiny=5_000)
    assert gaz.kind(choice[0]) == "country"  # listed with Iran
    assert choice[2] == town_id  # a town of 15,000 named alone keeps its reading
    choice = [town_id, gaz.lookup("Iran")[0], town_id]
    countries_win([cuba, iran, town], choice, gaz, text, frozenset({"or", "and", ","}), tiny=20_000)
    assert gaz.kind(choice[2]) == "country"  # under tiny_town_population


def test_an_initialism_opening_a_story_is_no_town_without_a_dateline_mark(nlp, stage):
    assert "UN" not in places_of(nlp, stage, "UN diplomats said on Monday they hoped talks would resume.")
    assert places_of(nlp, stage, "GAZA (AFP) - Israeli strikes hit the south on Monday.")["GAZA"].country_code == "PS"


def test_a_role_apposition_closed_by_who_is_a_person(nlp, stage):
    text = "Both ministers said they agreed with Tantan, the Minister of Interior who spoke on Monday."
    assert "Tantan" not in places_of(nlp, stage, text)


def test_one_name_before_a_plural_division_word_is_that_division(nlp, stage):
    text = ("The U.N. envoy told the Security Council on Monday that violence in the Kasai provinces has "
            "reached very dire levels.")
    assert places_of(nlp, stage, text)["Kasai"].country_code == "CD"


def test_a_name_before_a_leader_s_head_word_is_the_leader(nlp, stage):
    assert places_of(nlp, stage, "The Bush administration has pushed for new sanctions.") == {}
    text = "The Kherson administration said shelling hit the city on Monday."
    assert places_of(nlp, stage, text)["Kherson"].country_code == "UA"


def test_a_division_frame_prefers_the_division_reading(nlp, stage):
    text = "President Evo Morales declared a state of siege in the eastern department of Pando on Friday."
    place = places_of(nlp, stage, text)["Pando"]
    assert place.country_code == "BO" and place.feature == "region"


def test_an_ocean_is_no_town_of_its_name(nlp, stage):
    text = "The trade deal covers countries bordering the Pacific Rim, and ships crossed the Pacific on Monday."
    assert places_of(nlp, stage, text) == {}  # the ocean is broad (dropped by default), not Pacific, Missouri


def test_a_one_word_speaker_is_no_place(nlp, stage):
    # "Titan" is a village in Afghanistan; here it is a company that speaks, before or after its verb
    for text in ("Titan said it would drill two wells near the lake. The permit was granted on Tuesday.",
                 "\"The wells are safe,\" said Titan, which has not drilled here before."):
        assert "Titan" not in places_of(nlp, stage, text), text


def test_a_speaker_name_after_a_locative_cue_stays_a_place(nlp, stage):
    text = "Crowds gathered in Titan on Monday after Titan said the well was dry."
    assert places_of(nlp, stage, text)["Titan"].country_code == "AF"   # "in Titan" locates


def test_speaker_names_reads_subjects_of_saying(nlp):
    from sitrep.core.article import Article, ArticleState
    from sitrep.geo.gazetteer import load_gazetteer
    from sitrep.stages.places.candidates import speaker_names

    gaz = load_gazetteer()
    text = "Robertson said the theatre was sold. Moscow said no. Mary Wallace told reporters."
    doc = nlp(ArticleState(article=Article(text=text, published="2024-12-03"))).doc
    assert speaker_names(doc, gaz, 100_000) == {"Robertson"}   # Moscow is big; "Mary Wallace" two words
    assert speaker_names(doc, gaz, 0) == set()
