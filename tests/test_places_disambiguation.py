"""The places stage's disambiguation: which of several same-name places an article means.

The sentences are written for these tests in the style of local wire copy.
"""

import pytest

from sitrep.article import Article, ArticleState
from sitrep.core.text import haversine_km
from sitrep.stages.places import PlacesStage
from places_support import nlp, places_of, stage  # noqa: F401 - shared fixtures


def near(place, lat, lon, km=161):
    return place.lat is not None and haversine_km(place.lat, place.lon, lat, lon) < km


def test_bare_washington_is_the_capital_not_the_state(nlp, stage):
    text = ("The Center for Rural Schools, a Washington-based group, released the survey on Monday.\n"
            "Its director said she would travel to Washington next month to meet lawmakers.")
    places = places_of(nlp, stage, text)
    assert near(places["Washington"], 38.90, -77.04, 25)


def test_washington_in_a_pacific_northwest_story_is_the_state(nlp, stage):
    text = ("Wildfire crews from Spokane and Yakima were sent to the Cascades on Friday.\n"
            "Officials in Washington said the blaze had burned 4,000 acres near Wenatchee.")
    places = places_of(nlp, stage, text)
    assert places["Washington"].country_code == "US"
    assert places["Washington"].feature == "region"


def test_repeated_name_does_not_outvote_the_other_places(nlp, stage):
    # five mentions of "Paris" must not make France the setting; Dallas puts the story in Texas
    text = ("A Paris woman died Sunday in a Dallas hospital after a crash on Friday night.\n"
            "The driver, 24, of Paris, and a passenger, 19, also of Paris, were hurt.\n"
            "Both were taken to a hospital in Paris before one was flown to Dallas.\n"
            "Paris police said the crash remained under investigation.")
    places = places_of(nlp, stage, text)
    assert near(places["Dallas"], 32.78, -96.80)
    assert near(places["Paris"], 33.66, -95.56)


def test_a_confident_neighbour_beats_a_coin_toss(nlp, stage):
    # "Richmond" alone is a toss-up; London (a clear reading) settles it in England
    text = ("Richmond council will launch a cycling scheme next month, officials said.\n"
            "The borough faces the same congestion as other parts of London, the council said.\n"
            "Residents of Richmond said the scheme was overdue.")
    places = places_of(nlp, stage, text)
    assert places["Richmond"].country_code == "GB"
    assert places["London"].country_code == "GB"


def test_alternate_name_loses_to_a_place_of_that_name_in_the_setting(nlp, stage):
    # "Berea" is also an old name of Aleppo; in an Ohio story it is the Ohio town
    text = ("Police in Cleveland and Berea, Ohio, arrested two men on Tuesday.\n"
            "The Berea city council met later to discuss the arrests.")
    places = places_of(nlp, stage, text)
    assert places["Berea"].country_code == "US"
    assert near(places["Berea"], 41.37, -81.85)


def test_town_and_its_county_support_each_other(nlp, stage):
    # both names are common (ten Henry Counties, a dozen Parises): together they mean Tennessee
    text = ("Volunteers will mail letters to every household in Paris and Henry County this week.\n"
            "The rescue squad has served Henry County for forty years, its chief said.")
    places = places_of(nlp, stage, text)
    assert near(places["Paris"], 36.30, -88.33, 50)
    county = places["Henry County"]
    assert county.id.startswith("fips:") and near(county, 36.30, -88.33, 80)


def test_county_follows_the_article_state(nlp, stage):
    text = ("Deputies in Boone County arrested a Lebanon, Ind., man on Thursday.\n"
            "The Boone County sheriff said the man was held in the county jail.")
    places = places_of(nlp, stage, text)
    assert near(places["Boone County"], 40.05, -86.47, 60)


def test_gazetteer_counties_have_points_and_towns():
    from sitrep.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    paris_tn = next(i for i in gaz.lookup("Paris") if gaz.admin1_of(i) == "TN" and gaz.kind(i) == "city")
    county = gaz.county_of(paris_tn)
    assert county is not None and gaz.name_of(county) == "Henry County" and gaz.admin1_of(county) == "TN"
    e = gaz.entry(county)
    assert e.lat is not None and haversine_km(e.lat, e.lon, 36.33, -88.32) < 50
    assert e.population > 0


def test_county_points_file_is_validated():
    from sitrep.errors import KnowledgeBaseError
    from sitrep.geo.gazetteer import load_county_points

    pts = load_county_points()
    assert len(pts) > 3000 and all(len(f) == 5 for f in pts)
    assert load_county_points("# c\n47079\t36.3\t-88.3\t4646571\n") == {"47079": (36.3, -88.3, (4646571,))}
    with pytest.raises(KnowledgeBaseError) as err:
        load_county_points("# c\n47079\t36.3\n")
    assert "us_county_points.tsv:2" in str(err.value)
    with pytest.raises(KnowledgeBaseError):
        load_county_points("4707\t36.3\t-88.3\t1\n")


def test_a_name_qualified_once_keeps_its_state_in_later_mentions(nlp, stage):
    text = ("SPRINGFIELD, Ohio -- The school board picked a new superintendent on Monday.\n"
            "Springfield, Ohio, has lost 2,000 pupils in a decade, the board said.\n"
            "Springfield's budget will be cut again next year, officials said.")
    places = places_of(nlp, stage, text)
    for p in places.values():
        if p.name == "Springfield":
            assert near(p, 39.92, -83.81, 30)


def test_standalone_state_abbreviation_is_the_state(nlp, stage):
    text = ("The storm moved east overnight and reached Tampa, Fla., on Sunday.\n"
            "Forecasters said Fla. residents should expect more rain.")
    st = nlp(ArticleState(article=Article(text=text, published="2024-12-03")))
    st.mentions = []
    stage.run_alone(st)
    fla = [(p.name, p.country_code, p.feature) for p in st.places for m in p.mentions if m.text == "Fla."]
    assert fla == [("Florida", "US", "region")] * 2


def test_two_small_neighbours_beat_two_distant_big_namesakes(nlp, stage):
    # Columbus alone is Ohio's capital; with Colfax County next door it is the Nebraska town
    text = ("A Columbus man, 32, died early Sunday in a one-vehicle crash in Colfax County, "
            "the sheriff's office said.\n"
            "The pickup left the highway and rolled, deputies from Colfax County said.")
    places = places_of(nlp, stage, text)
    assert near(places["Columbus"], 41.43, -97.37, 60)
    assert near(places["Colfax County"], 41.57, -97.09, 80)


def test_a_country_name_used_as_a_town_is_the_town(nlp, stage):
    # "Jordan Elementary", "Jordan residents": the Minnesota town, in every mention of the name
    text = ("Jordan Elementary School will add two classrooms next fall, the school board said.\n"
            "Jordan residents will vote on the plan in May.\n"
            "The district serves Jordan and nearby Belle Plaine, Minnesota.")
    places = places_of(nlp, stage, text)
    jordan = [p for p in places.values() if p.name == "Jordan"]
    assert jordan and all(p.feature == "city" and p.country_code == "US" for p in jordan)


def test_a_country_stays_a_country_without_a_municipal_cue(nlp, stage):
    text = ("Jordan and Egypt urged a ceasefire on Monday.\n"
            "Officials in Amman said the talks would be held in Jordan.")
    places = places_of(nlp, stage, text)
    assert places["Jordan"].feature == "country" and places["Jordan"].country_code == "JO"


def test_place_senses_file_loads():
    from sitrep.stages.places import _senses

    senses = _senses()
    assert "elementary" in senses["municipal_words"] and "woman" in senses["resident_nouns"]


def test_a_stray_small_town_abroad_is_dropped(nlp, stage):
    # "Bank" (of "East Bank") only names small towns in Asia; the story is firmly in West Virginia
    text = ("Kanawha County crews cleared a mudslide near East Bank on Monday, officials said.\n"
            "The Kanawha County commission met in Charleston, W.Va., to discuss the repairs.\n"
            "East Bank residents were told to expect delays.")
    places = places_of(nlp, stage, text)
    assert all(p.country_code == "US" for p in places.values())
    assert near(places["Kanawha County"], 38.35, -81.63, 60)


def test_a_small_town_abroad_stays_when_its_country_is_named(nlp, stage):
    text = ("Government aircraft struck the town of Saraqib in Syria on Tuesday, activists said.\n"
            "The strikes on Saraqib followed a week of shelling, residents told reporters in Washington.")
    places = places_of(nlp, stage, text)
    assert places["Saraqib"].country_code == "SY"


def test_one_confident_local_name_is_setting_enough_for_a_stray(nlp, stage):
    text = ("Road crews in Kanawha County cleared a mudslide near East Bank on Monday.\n"
            "East Bank residents were told to expect delays on the road for a week.")
    places = places_of(nlp, stage, text)
    assert [p.name for p in places.values()] == ["Kanawha County"]


def test_options_without_pairs_still_read_the_setting(nlp):
    # the nearness-to-chosen-readings option instead of the pairs: the Texas story stays in Texas
    stage = PlacesStage(pair_weight=0.0, near_weight=2.0)
    text = ("A Paris woman died Sunday in a Dallas hospital after a crash on Friday night.\n"
            "Paris police said the crash remained under investigation.")
    places = places_of(nlp, stage, text)
    assert near(places["Paris"], 33.66, -95.56)


def test_namesakes_never_pull_a_capital_abroad_and_peoples_adjectives_are_no_towns():
    import sitrep

    doc = sitrep.extract(
        "DAMASCUS, Dec 9 (Levant Wire) - Rebels entered Damascus on Sunday. Meridian and Geneva officials "
        "said talks in Geneva would resume, drawing praise from Arab governments.", published="2024-12-09")
    places = {m.text: p for p in doc.places for m in p.mentions}
    assert places["Damascus"].country_code == "SY"
    assert "Arab" not in places


def test_the_bundled_syria_stories_keep_their_capitals_at_home():
    from sitrep.examples import example_articles
    from sitrep.pipeline import Pipeline

    homes = {"Damascus": "SY", "Aleppo": "SY", "Paris": "FR", "Ankara": "TR", "Baghdad": "IQ"}
    for outcome in Pipeline().pipe(list(example_articles())):
        for p in outcome.document.places:
            for m in p.mentions:
                if m.text in homes:
                    assert p.country_code == homes[m.text], (outcome.article.id, m.text, p.name)


def test_a_name_opening_the_copy_is_a_dateline_town_in_every_mention(nlp, stage):
    text = ("New York, 16 June 2024 (TDI): Two countries signed a communique at a mission to the UN in New York.")
    places = places_of(nlp, stage, text)
    ny = places["New York"]
    assert ny.feature == "city" and abs(ny.lat - 40.71) < 0.2   # the city, not the state
