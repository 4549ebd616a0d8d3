"""The story's focus (sitrep.stages.places.focus): states named only as actors, broad regions, actor
mentions that set no scene, demonyms that do, far namesakes, and the cue words' file."""

from sitrep.stages.places import PlacesStage
from places_support import nlp, places_of, stage  # noqa: F401 - shared fixtures


def test_a_state_named_only_as_an_actor_is_no_place(nlp, stage):
    text = ("Iran-backed militias fired rockets at a base in Iraq on Tuesday, officials said.\n"
            "Russia said it would send envoys. U.S. forces were not hurt.")
    places = places_of(nlp, stage, text)
    assert places["Iraq"].country_code == "IQ"
    for name in ("Iran", "Russia", "U.S."):
        assert name not in places, name


def test_an_owner_of_an_actor_is_no_place_but_an_owner_of_a_region_is(nlp, stage):
    text = "Myanmar's army shelled villages. Missiles were launched from Russia's Belgorod region."
    places = places_of(nlp, stage, text)
    assert "Myanmar" not in places
    assert places["Russia"].country_code == "RU"


def test_a_direction_word_of_the_name_itself_locates_nothing(nlp, stage):
    # "North" of "North Korea" is part of the name, not "northern Korea": an actor still
    text = ("North Korea fired a ballistic missile on Sunday, South Korea's Joint Chiefs of Staff said.\n"
            "The missile was launched by North Korea and landed in the sea. Troops in South Sudan were put on alert.")
    places = places_of(nlp, stage, text)
    assert "North Korea" not in places and "South Korea" not in places
    assert places["South Sudan"].country_code == "SS"   # "in South Sudan" locates


def test_the_state_waging_a_war_set_elsewhere_is_no_setting(nlp, stage):
    text = ("The firms are complicit in Russia's war in Ukraine, the Treasury said.\n"
            "Thousands have died in Sudan's brutal conflict.")
    places = places_of(nlp, stage, text)
    assert "Russia" not in places and places["Ukraine"].country_code == "UA"
    assert places["Sudan"].country_code == "SD"   # the war set in Sudan


def test_one_locative_mention_keeps_every_mention_of_a_state(nlp, stage):
    text = ("Turkey's government launched an offensive on Wednesday.\n"
            "Millions of refugees live in Turkey, officials said.")
    places = places_of(nlp, stage, text)
    assert places["Turkey"].country_code == "TR" and len(places["Turkey"].mentions) == 2


def test_locative_cues_direction_neighbour_apposition_and_examples(nlp, stage):
    text = ("Rebels advanced in eastern Congo and neighbouring Uganda this week.\n"
            "Talks were held in Egypt's capital, Cairo.\n"
            "The firms are based in countries including Malaysia and Vietnam.")
    places = places_of(nlp, stage, text)
    assert places["Congo"].country_code == "CD"  # "Congo" may be DR Congo, the larger reading
    for name, cc in (("Uganda", "UG"), ("Cairo", "EG"), ("Malaysia", "MY"), ("Vietnam", "VN")):
        assert places[name].country_code == cc, name


def test_actor_countries_and_broad_regions_kept_when_asked(nlp):
    text = "Russia said on Monday that the Middle East needed calm, and fighting went on in Syria."
    default = places_of(nlp, PlacesStage(), text)
    assert "Russia" not in default and "Middle East" not in default and "Syria" in default
    geoparser = places_of(nlp, PlacesStage(actor_countries=True, broad_regions=True), text)
    assert geoparser["Russia"].country_code == "RU" and geoparser["Middle East"].feature == "region"


def test_actor_mentions_set_no_scene_and_demonyms_do(nlp, stage):
    text = ("The U.S. Treasury imposed sanctions on Friday on officials who curbed freedoms in Georgia.\n"
            "The Georgian people want a European future, the U.S. State Department said.")
    places = places_of(nlp, stage, text)
    assert places["Georgia"].country_code == "GE" and places["Georgia"].feature == "country"


def test_an_initialism_is_no_town(nlp):
    text = "Talks in Oman included the U.S. Middle East envoy and officials from the US."
    places = places_of(nlp, PlacesStage(actor_countries=True), text)
    assert places["U.S."].country_code == "US" and places["US"].country_code == "US"


def test_a_far_small_namesake_in_a_story_set_elsewhere_is_dropped(nlp, stage):
    text = ("Fighting raged in Khartoum and Omdurman on Sunday, and shells hit a market in El Fasher.\n"
            "Residents fled to Karari, witnesses said.")
    places = places_of(nlp, stage, text)
    assert places["Khartoum"].country_code == "SD"
    assert "Karari" not in places  # the only Karari of the gazetteer is a town in India


def test_a_name_coordinated_with_a_place_needs_its_own_name(nlp, stage):
    text = "Israel and Hamas ally Hezbollah exchanged fire across the border with Lebanon."
    places = places_of(nlp, stage, text)
    assert "Hamas" not in places  # not Hamm, Germany, which lists "Hamas" as an alternate name


def test_a_mistagged_town_in_a_country_the_story_names_is_a_place(nlp, stage):
    text = ("M23 rebels advanced in eastern Congo on Sunday, witnesses said.\n"
            "The rebel group has been pushing south since it took Goma in late January.")
    places = places_of(nlp, stage, text)
    assert places["Goma"].country_code == "CD"


def test_a_far_province_in_a_story_set_elsewhere_is_dropped(nlp, stage):
    text = ("Fighting raged in Aleppo and Idlib on Sunday, and shells hit a market in Hama.\n"
            "Some families fled to Cauca, witnesses said.")
    places = places_of(nlp, stage, text)
    assert places["Idlib"].country_code == "SY"
    assert "Cauca" not in places  # a Colombian department the story never sets foot in


def test_a_name_with_many_towns_in_the_named_country_stays_unread(nlp, stage):
    from sitrep.stages.places.candidate import Candidate
    from sitrep.stages.places.candidates import in_named_country
    from sitrep.geo.gazetteer import small_gazetteer

    gaz = small_gazetteer([
        {"id": "geo:1", "name": "United States", "kind": "country", "cc": "US"},
        {"id": "geo:2", "name": "Lincoln", "kind": "city", "cc": "US", "population": 250_000},
        {"id": "geo:3", "name": "Lincoln", "kind": "city", "cc": "US", "population": 30_000},
        {"id": "geo:4", "name": "Colton", "kind": "city", "cc": "US", "population": 50_000},
        {"id": "geo:5", "name": "Arthur", "kind": "city", "cc": "US", "population": 2_000},
    ])
    country = Candidate(0, 13, "United States", tuple(gaz.lookup("United States")), True, "GPE")
    weak = {n: Candidate(20, 20 + len(n), n, tuple(gaz.lookup(n)), False, "PERSON")
            for n in ("Lincoln", "Colton", "Arthur")}
    in_named_country([country, *weak.values()], gaz, stage.config)
    assert weak["Colton"].strong                                   # one town of the named country
    assert not weak["Lincoln"].strong                              # two: a person as likely
    assert not weak["Arthur"].strong                               # too small to outweigh the tagger
    alone = Candidate(0, 6, "Colton", tuple(gaz.lookup("Colton")), False, "PERSON")
    in_named_country([alone], gaz, stage.config)
    assert not alone.strong                                        # no country named


def test_provinces_need_a_cue_or_a_division_word(nlp, stage):
    places = places_of(nlp, stage, "Gunmen killed 12 villagers in Zamfara on Sunday, Nigerian police said.")
    assert places["Zamfara"].country_code == "NG" and places["Zamfara"].feature == "region"
    places = places_of(nlp, stage, "The health ministry in Khartoum state said clinics in Sudan were full.")
    assert places["Khartoum state"].country_code == "SD"      # a ministry's province is still a place
    places = places_of(nlp, stage, "Troops entered a town in the Cauca department of Colombia on Monday.")
    assert places["Cauca"].country_code == "CO"


def test_a_capital_is_not_read_as_its_province(nlp, stage):
    text = "Fighting went on in Kiev and Kharkiv on Tuesday, officials said."
    places = places_of(nlp, stage, text)
    assert places["Kiev"].feature == "city" and places["Kiev"].country_code == "UA"


def test_a_name_opened_by_an_arabic_article_in_a_frame(nlp, stage):
    text = ("Gunmen attacked a bus near the town of al-Mayadeen in eastern Syria on Sunday.\n"
            "Al Mayadeen, the Beirut-based channel, reported the attack.")
    places = places_of(nlp, stage, text)
    assert places["al-Mayadeen"].country_code == "SY"   # a channel's name too, but the frame says town


def test_setting_cues_load():
    from sitrep.geo.gazetteer import load_gazetteer
    from sitrep.stages.places.lexicon import broad_regions, load_news_cues
    from sitrep.geo.gazetteer import load_regions

    cues = load_news_cues(load_gazetteer())
    assert "in" in cues.setting_prepositions and "from" in cues.motion_prepositions
    assert "border" in cues.place_heads and "invasion" in cues.of_place_heads
    broad = broad_regions(load_regions())
    assert "region:middle-east" in broad and "region:gaza-strip" not in broad


def test_a_states_formal_name_and_a_recipient_of_giving_are_no_setting(nlp, stage):
    text = ("Antigua and Barbuda signed an agreement with the State of Palestine on Saturday.\n"
            "The Pentagon said the assistance it will provide to Ukraine comes from its stocks.\n"
            "Ministers met in the state of Bavaria.")
    places = places_of(nlp, stage, text)
    assert "Palestine" not in places and "Ukraine" not in places
    assert places["Bavaria"].country_code == "DE"   # a lower-case "state of" frames a division


def test_a_list_of_states_read_as_an_apposition_is_no_setting(nlp, stage):
    # the parser hangs "the US" on "Colombia" as an apposition: a list of governments, not "Hodeida, Yemen"
    text = ("The rebel group is listed as a terrorist organisation by the governments of Colombia, the US, "
            "Canada and the European Union. Fighting raged in Hodeida, Yemen, on Monday.")
    places = places_of(nlp, stage, text)
    for name in ("Colombia", "US", "Canada"):
        assert name not in places, name
    assert places["Yemen"].country_code == "YE"


def test_a_state_modifying_a_title_after_a_town_is_no_qualifier(nlp, stage):
    text = ("The militia fired three missiles at a tanker off Hodeida, British Defence Secretary John Healey "
            "said. Two drones were downed near Aden, UK officials said.")
    places = places_of(nlp, stage, text)
    assert "UK" not in places
    assert "Aden" in places


def test_ground_lost_to_a_state_and_a_rulers_title_are_no_places(nlp, stage):
    text = ("Government troops have lost ground to Russia since March. The president thanked the Sultan of "
            "Oman and the Emir of Qatar for their mediation.")
    places = places_of(nlp, stage, text)
    for name in ("Russia", "Sultan", "Emir"):
        assert name not in places, name


def test_a_common_word_opening_a_sentence_is_no_town(nlp, stage):
    text = ("Battle damage assessments showed the strike hit the runway at the Shayrat air base in Homs "
            "province, the Pentagon said.")
    places = places_of(nlp, stage, text)
    assert "Battle" not in places
    assert places["Homs province"].country_code == "SY"


def test_a_sentence_opening_name_capitalised_elsewhere_stays_a_place(nlp, stage):
    text = "Battle residents said the storm passed. Flooding closed roads in Battle and Hastings on Monday."
    places = places_of(nlp, stage, text)
    assert places["Battle"].country_code == "GB"


def test_a_town_naming_an_armed_unit_is_no_place(nlp, stage):
    text = ("Fighters of the Azov regiment held the steelworks in Mariupol for weeks, Ukrainian officials "
            "said. Gunmen of the Sinaloa cartel clashed with troops in Culiacan, Sinaloa.")
    places = places_of(nlp, stage, text)
    assert "Azov" not in places
    assert places["Culiacan"].country_code == "MX" and places["Sinaloa"].country_code == "MX"
