"""Wrong-country homonyms of provinces and states (#14 pattern 8): a first-level division's name that is
a direction word ("Nord"), a division of a country the story never names ("Southern governorate" in a
Bahrain story), a name two states share ("Congo"), an upper-case dateline that looks like an
initialism ("GAZA"), and names coordinated before a plural division word ("departments"). The
articles are written here in wire style."""

from __future__ import annotations


from places_support import nlp, pipeline_places, places_of, stage  # noqa: F401 - shared fixtures


def test_a_division_of_a_country_the_story_never_names_is_dropped(nlp, stage):
    text = ("MANAMA (Reuters) - Bahrain's capital saw protests on Friday, while in the Southern governorate "
            "police made arrests. Northern villages were quiet.")
    places = places_of(nlp, stage, text)
    assert places["Bahrain"].country_code == "BH"
    assert all(p.country_code == "BH" for p in places.values()), {k: p.country_code for k, p in places.items()}


def test_a_division_of_the_story_country_stays(nlp, stage):
    text = ("ABUJA (Reuters) - Gunmen killed 12 villagers in Zamfara state, Nigerian police said. The "
            "Plateau state governor condemned the attack.")
    places = places_of(nlp, stage, text)
    assert places["Zamfara state"].country_code == "NG"
    assert places["Plateau state"].country_code == "NG"


def test_names_before_a_plural_division_word_are_divisions(nlp, stage):
    text = ("BOGOTA (Reuters) - Colombia's army said on Monday that the Narino and Bolivar departments "
            "were calm after a week of clashes.")
    places = places_of(nlp, stage, text)
    for name, lat in (("Narino", 1.6), ("Bolivar", 9.2)):
        assert places[name].feature == "region" and abs(places[name].lat - lat) < 0.5, name


def test_republic_of_congo_is_its_own_state(nlp, stage):
    text = ("BRAZZAVILLE (Reuters) - Violence broke out in the Pool region of the Republic of Congo on "
            "Tuesday, local media reported.")
    places = places_of(nlp, stage, text)
    assert places["Republic of Congo"].country_code == "CG"
    assert places["Pool region"].country_code == "CG"


def test_french_congo_follows_the_story(pipeline):
    text = ("BRAZZAVILLE (AFP) - Des violences ont éclaté dans le département du Pool, au Congo, a rapporté "
            "la presse locale. A Pointe-Noire, la vie a repris.")
    places = pipeline_places(pipeline, text)
    assert places["Congo"].country_code == "CG"


def test_french_direction_words_are_no_provinces_abroad(pipeline):
    text = ("BAMAKO (AFP) - L'armée malienne a annoncé mardi avoir tué une dizaine de jihadistes dans la "
            "région de Mopti, dans le centre du pays. Selon une source sécuritaire, l'attaque a eu lieu près "
            "de Djenné. Le Nord et le Sud du pays restent instables.")
    places = pipeline_places(pipeline, text)
    assert places["Mopti"].country_code == "ML"
    assert "Nord" not in places and "Sud" not in places, {k: p.country_code for k, p in places.items()}


def test_an_undated_french_dateline_is_its_town(pipeline):
    text = ("GAZA (AFP) - Une frappe a tué dix personnes dans la ville de Gaza, selon la Défense civile. "
            "Dans la bande de Gaza, les bombardements se poursuivent.")
    places = pipeline_places(pipeline, text)
    assert places["GAZA"].country_code == "PS"
    assert all(p.country_code == "PS" for p in places.values())


def test_a_division_frame_and_a_territory_handover_locate(nlp, stage):
    text = ("KHARTOUM (Reuters) - Wad Madani is the capital of the state of Al Jazira, residents said.\n"
            "Thousands marched on the anniversary of Hong Kong's handover to China.")
    places = places_of(nlp, stage, text)
    assert places["Al Jazira"].country_code == "SD"
    assert places["Hong Kong"].country_code == "HK"


def test_a_short_name_one_letter_off_a_world_city_is_not_that_city(nlp, stage):
    text = ("MANILA (Reuters) - Philippine troops clashed with communist rebels near the town of Victoria in "
            "Northern Samar province, the army said on Sunday.")
    places = places_of(nlp, stage, text)
    assert all(p.country_code == "PH" for p in places.values()), {k: p.country_code for k, p in places.items()}


def test_a_countrys_short_name_is_the_country_unless_the_story_sets_it_elsewhere(nlp, stage):
    text = "Police in Trinidad said gang violence rose. Venezuela claimed the Essequibo region of Guyana."
    places = places_of(nlp, stage, text)
    assert places["Trinidad"].country_code == "TT" and places["Trinidad"].feature == "country"
    text = "HAVANA (Reuters) - Protesters marched in Trinidad and Santa Clara in central Cuba on Sunday."
    places = places_of(nlp, stage, text)
    assert places["Trinidad"].country_code == "CU"
