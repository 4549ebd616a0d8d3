"""Places that news copy names outside running prose: datelines, state abbreviations, party tags,
institutions named after their town, coordinated counties (data/place_cues.yaml)."""


from sitrep.article import Article, ArticleState
from sitrep.core.text import haversine_km
from sitrep.stages.places import PlacesStage, _news_cues
from places_support import nlp, stage  # noqa: F401 - shared fixtures


def run(nlp, stage, text):
    st = nlp(ArticleState(article=Article(text=text, published="2025-03-04")))
    stage.run_alone(st)
    for m in st.place_mentions:
        assert text[m.start:m.end] == m.text
    return st


def places_by_text(st):
    return {m.text: p for p in st.places for m in p.mentions}


def test_cues_load():
    cues = _news_cues()
    assert "Court" in cues["heads"] and "University" in cues["of_heads"]
    assert cues["divisions"]["counties"] == "County"


def test_dateline_town_and_state(nlp, stage):
    text = ("Flood waters recede\nFRANKFORT, Ky. (AP) -- Crews began clearing debris on Tuesday after "
            "the river fell below flood stage.")
    got = places_by_text(run(nlp, stage, text))
    assert got["FRANKFORT"].country_code == "US"
    assert haversine_km(got["FRANKFORT"].lat, got["FRANKFORT"].lon, 38.20, -84.87) < 30
    assert got["Ky."].feature == "region"


def test_dateline_without_state(nlp, stage):
    text = "School board meets\nTORRINGTON \u2014 The school board voted 6-3 on Monday to close the annex."
    got = places_by_text(run(nlp, stage, text))
    assert "TORRINGTON" in got


def test_upper_case_words_that_are_no_town_are_not_datelines(nlp, stage):
    text = "BREAKING NEWS -- The council voted on Monday to close the annex."
    assert not run(nlp, stage, text).places


def test_state_abbreviation_after_an_unknown_town(nlp, stage):
    text = "The driver, Ray Tollis, 33, of Zzyxburg, Okla., was not hurt."
    got = places_by_text(run(nlp, stage, text))
    assert got["Okla."].name == "Oklahoma"


def test_florida_abbreviation_is_florida(nlp, stage):
    got = places_by_text(run(nlp, stage, "The boat left Key West, Fla., on Sunday."))
    assert got["Fla."].name == "Florida"


def test_party_tag_home_towns(nlp, stage):
    text = ("The bill was sponsored by Delegate Ann Kerr, D-Morgantown, and Sen. Lou Pratt (R-Wheeling), "
            "in Charleston, W.Va., on Friday.")
    got = places_by_text(run(nlp, stage, text))
    assert got["Morgantown"].country_code == "US" and got["Wheeling"].country_code == "US"
    assert haversine_km(got["Morgantown"].lat, got["Morgantown"].lon, 39.63, -79.96) < 30


def test_coordinated_counties(nlp, stage):
    text = "Schools in Jackson and Barrow counties in Georgia were closed on Monday."
    got = places_by_text(run(nlp, stage, text))
    assert got["Jackson"].id.startswith("fips:") and got["Barrow"].id.startswith("fips:")


def test_town_opening_an_institution_name(nlp):
    text = ("Firefighters of the Elkins Volunteer Fire Department and a professor at the University of "
            "Dayton spoke at the meeting. The fire broke out in Elkins on Sunday.")
    got = places_by_text(run(nlp, PlacesStage(institution_towns=True), text))  # as LGL counts them
    assert "Dayton" in got                                          # a city: read on its own
    assert [m.text for m in got["Elkins"].mentions] == ["Elkins", "Elkins"]  # a town named elsewhere


def test_a_town_inside_an_organisation_name_is_no_place_of_the_story(nlp, stage):
    text = ("Firefighters of the Elkins Volunteer Fire Department and a professor at the University of "
            "Dayton spoke at the meeting. The fire broke out in Elkins on Sunday.")
    got = places_by_text(run(nlp, stage, text))                     # GUIDELINES §7 of eval/news
    assert "Dayton" not in got                                      # the University of Dayton's
    assert "Elkins" in got                                          # where the fire broke out


def test_an_institution_named_after_a_person_is_no_town(nlp, stage):
    text = "She volunteered at the Reid Hospital for many years, her family said."
    assert "Reid" not in places_by_text(run(nlp, stage, text))


def test_a_town_inside_a_person_name_is_not_a_place(nlp, stage):
    text = "Coach Tyler Grant said the team would play on Friday."
    assert "Tyler" not in places_by_text(run(nlp, stage, text))


def test_demonyms_opening_agents_are_country_mentions_when_asked(nlp):
    from sitrep.stages.actors import ActorsStage

    text = "Armenian troops shelled the village on Monday, and two Armenian soldiers were hurt."
    st = nlp(ArticleState(article=Article(text=text, published="2025-03-04")))
    ActorsStage().run_alone(st)
    PlacesStage(demonyms=True).run_alone(st)
    got = [(m.text, p.country_code) for p in st.places for m in p.mentions]
    assert got == [("Armenian", "AM"), ("Armenian", "AM")]
    PlacesStage().run_alone(st)
    assert not st.places


def test_an_abbreviation_recognised_anywhere_is_the_state(nlp, stage):
    got = places_by_text(run(nlp, stage, "The couple moved to Fla. last year."))
    assert got["Fla."].name == "Florida"


def test_a_lower_case_direction_word_only_extends_into_regions(nlp, stage):
    text = ("Drilling began in Arlington, Texas, on Monday. Residents in north Arlington said the rigs "
            "were loud, and farmers in northern Syria were not asked.")
    got = places_by_text(run(nlp, stage, text))
    assert "north Arlington" not in got
    assert [m.text for m in got["Arlington"].mentions] == ["Arlington", "Arlington"]
    assert got["Arlington"].country_code == "US" and got["Arlington"].lat < 34   # Texas, not New Jersey
    assert "northern Syria" in got


def test_a_direction_and_an_unknown_name_is_not_a_hamlet(nlp, stage):
    text = "A mudslide closed the road in East Bank, W.Va., on Sunday."
    got = places_by_text(run(nlp, stage, text))
    assert "Bank" not in got


def test_regional_demonyms_are_mentions_of_their_region_when_asked(nlp):
    text = ("Most Ohioans back the plan, and many New Yorkers agree. Further talks are set. "
            "The Victorian house on the corner was sold.")
    st = nlp(ArticleState(article=Article(text=text, published="2025-03-04")))
    PlacesStage(demonyms=True).run_alone(st)
    got = {m.text: p for p in st.places for m in p.mentions}
    assert got["Ohioans"].name == "Ohio" and got["New Yorkers"].name == "New York"
    assert "Further" not in got and "Victorian" not in got
    PlacesStage().run_alone(st)
    assert "Ohioans" not in {m.text for m in st.place_mentions}


def test_a_known_name_opening_a_longer_unknown_place_name_is_not_that_place(nlp, stage):
    text = "The crash happened on a farm road in the Tennessee Colony area, east of Palestine, Texas."
    got = places_by_text(run(nlp, stage, text))
    assert "Tennessee" not in got
    assert got["Palestine"].country_code == "US"


def test_a_demonym_is_never_the_town_of_its_name(nlp, stage):
    text = "He paid fees on his Canadian lottery winnings in Dallas, Texas."
    got = places_by_text(run(nlp, stage, text))
    assert "Canadian" not in got                                   # not Canadian, Texas
    geo = places_by_text(run(nlp, PlacesStage(demonyms=True), text))
    assert geo["Canadian"].country_code == "CA" and geo["Canadian"].feature == "country"


def test_party_tag_of_a_member_of_congress_names_the_state(nlp, stage):
    text = "Sen. Ann Price, D-Pa., called the findings troubling."
    got = places_by_text(run(nlp, stage, text))
    assert got["Pa."].name == "Pennsylvania"


def test_a_city_opening_an_event_or_a_festival_is_a_place(nlp, stage):
    text = "Tickets for the Nashville Film Festival sold out within a day."
    assert "Nashville" in places_by_text(run(nlp, stage, text))


def test_a_state_opening_an_agency_named_for_roads_is_a_place(nlp, stage):
    text = "A Georgia Highway Patrol trooper stopped the car near Macon."
    got = places_by_text(run(nlp, stage, text))
    assert got["Georgia"].country_code == "US"


def test_a_name_article_alone_is_no_place(nlp, stage):
    st = run(nlp, stage, "The army said fighters killed dozens of civilians in a village of Al-Djazira state.")
    assert not any(m.text == "Al" for m in st.place_mentions)
