"""The places stage: candidates, metonymy, disambiguation by context, output shape."""

from sitrep.article import Article, ArticleState, Mention
from sitrep.core.text import haversine_km
from sitrep.stages.places import PlacesStage
from places_support import nlp, stage  # noqa: F401 - shared fixtures


def run(nlp, stage, text, mentions=()):
    st = nlp(ArticleState(article=Article(text=text, published="2024-12-03")))
    st.mentions = list(mentions)
    stage.run_alone(st)
    return st


def by_name(st):
    out = {}
    for p in st.places:
        for m in p.mentions:
            out.setdefault(m.text, p)
    return out


def test_offsets_and_shape(nlp, stage):
    text = ("Government aircraft struck villages near Aleppo on Tuesday, residents said.\n"
            "Rebels in Idlib said the raids killed four people.")
    st = run(nlp, stage, text)
    assert st.places and st.place_mentions
    for p in st.places:
        assert p.mentions
        for m in p.mentions:
            assert text[m.start:m.end] == m.text
    for pm in st.place_mentions:
        assert text[pm.start:pm.end] == pm.text
    assert [m.start for m in st.place_mentions] == sorted(m.start for m in st.place_mentions)
    assert {"places", "place_mentions"} <= st.assigned


def test_syrian_towns_and_countries(nlp, stage):
    text = ("Fighters advanced on Aleppo overnight as clashes spread across Syria.\n"
            "Warplanes later hit targets in Aleppo and Idlib, while Washington said it was watching closely.\n"
            "The coalition also operates in Iraq.")
    places = by_name(run(nlp, stage, text))
    aleppo, idlib = places["Aleppo"], places["Idlib"]
    assert aleppo.id == "geo:170063" and aleppo.country_code == "SY" and aleppo.feature == "city"
    assert haversine_km(aleppo.lat, aleppo.lon, 36.20, 37.16) < 25
    assert haversine_km(idlib.lat, idlib.lon, 35.93, 36.63) < 25 and idlib.country_code == "SY"
    assert places["Syria"].feature == "country" and places["Syria"].country_code == "SY"
    assert places["Iraq"].country_code == "IQ"
    assert len(places["Aleppo"].mentions) == 2


def test_context_picks_the_right_tripoli(nlp, stage):
    lebanon = run(nlp, stage, "Gunmen clashed in Tripoli on Friday, Lebanese security sources said. "
                              "The army deployed across northern Lebanon and in Beirut.")
    libya = run(nlp, stage, "Militias clashed in Tripoli on Friday. The fighting is the worst in Libya "
                            "since the government moved to Benghazi.")
    assert by_name(lebanon)["Tripoli"].country_code == "LB"
    assert by_name(libya)["Tripoli"].country_code == "LY"


def test_metonym_mentions_are_not_places(nlp, stage):
    text = "The military reached out to Moscow to avoid miscalculations, officials in Syria said."
    start = text.index("Moscow")
    m = Mention(start=start, end=start + 6, actor_id="RUS", text="Moscow", how="metonym")
    st = run(nlp, stage, text, [m])
    assert "Moscow" not in by_name(st)
    assert "Syria" in by_name(st)


def test_capitals_that_act_are_governments_without_actor_mentions(nlp, stage):
    st = run(nlp, stage, "Moscow said on Monday it would respond. The US military reached out to Moscow. "
                         "Protests spread in Moscow later that night.")
    moscow = [m for m in st.place_mentions if m.text == "Moscow"]
    assert len(moscow) == 1  # only "in Moscow" is the place
    assert st.text[moscow[0].start - 3:moscow[0].start] == "in "


def test_country_named_as_actor_elsewhere_is_still_a_place(nlp, stage):
    text = "Syria rejected the report. About 900 troops remain in Syria."
    m = Mention(start=0, end=5, actor_id="SYR", text="Syria", how="name")
    st = run(nlp, stage, text, [m])
    assert by_name(st)["Syria"].feature == "country"


def test_person_names_are_not_places(nlp, stage):
    st = run(nlp, stage, "Coach Michael Jordan praised the team. Jordan said the win mattered.")
    assert not any(p.country_code == "JO" for p in st.places)
    st = run(nlp, stage, "King Abdullah returned to Jordan after talks in Cairo.")
    assert by_name(st)["Jordan"].country_code == "JO"


def test_regions_and_division_words(nlp, stage):
    text = ("Shelling hit northwestern Syria and the Gaza Strip, while fighting continued in Idlib province "
            "and across the Donbas.")
    places = by_name(run(nlp, stage, text))
    assert places["northwestern Syria"].id == "region:northwest-syria"
    assert places["Gaza Strip"].id == "region:gaza-strip"
    assert places["Idlib province"].id == "region:idlib-province"
    assert places["Donbas"].country_code == "UA"


def test_city_state_qualifiers(nlp, stage):
    text = ("A storm damaged homes in Gainesville, Ga., on Sunday. Residents of Gainesville said power was out, "
            "and crews from Athens, Ga., arrived later.")
    st = run(nlp, stage, text)
    places = by_name(st)
    g = places["Gainesville"]
    assert g.country_code == "US" and haversine_km(g.lat, g.lon, 34.30, -83.82) < 25
    assert places["Ga."].name == "Georgia" and places["Ga."].country_code == "US"
    assert haversine_km(places["Athens"].lat, places["Athens"].lon, 33.96, -83.38) < 25


def test_us_state_context_and_counties(nlp, stage):
    text = ("Deputies in Laurel County arrested two men on Friday. The sheriff said the men were taken to "
            "a jail in London, Kentucky.")
    places = by_name(run(nlp, stage, text))
    county = places["Laurel County"]
    assert county.id.startswith("fips:") and county.country_code == "US" and county.feature == "region"
    assert county.lat is not None and haversine_km(county.lat, county.lon, 37.11, -84.12) < 161
    assert places["London"].country_code == "US"


def test_common_words_are_not_places(nlp, stage):
    st = run(nlp, stage, "The President met the Police Chief on Monday. May will be busy, he said.")
    assert st.places == []


def test_empty_doc(nlp, stage):
    st = run(nlp, stage, "No places here at all.")
    assert st.places == [] and st.place_mentions == []


def test_organisations_and_persons_of_the_actors_stage_are_not_places(nlp, stage):
    from sitrep.contract import Actor

    text = "An adviser at the White House said troops in Syria would stay."
    s = text.index("White House")
    st = nlp(ArticleState(article=Article(text=text)))
    st.actors = [Actor(id="WH", name="White House", kind="organization", kb_id="white_house"),
                 Actor(id="SYR", name="Syria", kind="state", kb_id="syria")]
    sy = text.index("Syria")
    st.mentions = [Mention(start=s, end=s + 11, actor_id="WH", text="White House", how="name"),
                   Mention(start=sy, end=sy + 5, actor_id="SYR", text="Syria", how="name")]
    stage.run_alone(st)
    names = by_name(st)
    assert "White House" not in names
    assert names["Syria"].feature == "country"


def test_a_surname_after_a_first_name_is_not_a_country(nlp, stage):
    st = run(nlp, stage, "Forward Michael Jordan scored twice. Later Jordan thanked the fans.")
    assert not any(p.country_code == "JO" for p in st.places)


def test_demonyms_are_country_mentions_only_when_asked(nlp):
    from sitrep.contract import Actor

    text = "Russian officials met Georgian envoys in Geneva."
    st = nlp(ArticleState(article=Article(text=text)))
    st.actors = [Actor(id="RUS", name="Russia", kind="state", country="RUS"),
                 Actor(id="GEO", name="Georgia", kind="state", country="GEO")]
    st.mentions = [Mention(start=0, end=7, actor_id="RUS", text="Russian", how="demonym"),
                   Mention(start=22, end=30, actor_id="GEO", text="Georgian", how="demonym")]
    PlacesStage().run_alone(st)
    assert "Russian" not in by_name(st)
    PlacesStage(demonyms=True).run_alone(st)
    names = by_name(st)
    assert names["Russian"].country_code == "RU" and names["Russian"].feature == "country"
    assert names["Georgian"].country_code == "GE"
    assert names["Geneva"].country_code == "CH"


def test_a_metonym_read_in_another_country_is_still_a_place(nlp, stage):
    from sitrep.contract import Actor

    text = "Council members in Dublin, Ohio, met on Monday. Dublin approved the budget."
    st = nlp(ArticleState(article=Article(text=text)))
    s = text.rindex("Dublin")
    st.actors = [Actor(id="IRL", name="Ireland", kind="state", country="IRL")]
    st.mentions = [Mention(start=s, end=s + 6, actor_id="IRL", text="Dublin", how="metonym")]
    stage.run_alone(st)
    dublin = by_name(st)["Dublin"]
    assert dublin.country_code == "US" and len(dublin.mentions) == 2


def test_a_region_outranks_a_hamlet_of_its_name(nlp):
    text = ("The bases are at the core of its strategy in the Middle East. "
            "Officials in Damascus said the talks would go on.")
    places = by_name(run(nlp, PlacesStage(broad_regions=True), text))
    assert places["Middle East"].feature == "region"
    assert places["Damascus"].country_code == "SY"
    # a broad region is no place of a story by default (GUIDELINES §9); Damascus stays
    places = by_name(run(nlp, PlacesStage(), text))
    assert "Middle East" not in places and places["Damascus"].country_code == "SY"


def test_a_place_frame_makes_a_transliterated_name_a_place(nlp, stage):
    text = ("Opposition factions said they had taken the town of Tal Rifaat overnight, and later the towns of "
            "Rastan and Talbiseh.\nGovernment units pulled out of most of Daraa and Sweida provinces.")
    places = by_name(run(nlp, stage, text))
    for name in ("Tal Rifaat", "Rastan", "Talbiseh", "Daraa", "Sweida"):
        assert places[name].country_code == "SY", name
    assert "Omar" not in by_name(run(nlp, stage, "He is the son of Omar Jackson, a friend said."))
