"""Non-place senses of place names, datelines that name their country, divided territories named
with their holder, a people's country as the story's scene, and world cities under another spelling."""

from sitrep.article import Article, ArticleState
from places_support import nlp, stage  # noqa: F401 - shared fixtures


def places_of(nlp, stage, text):
    st = nlp(ArticleState(article=Article(text=text, published="2024-12-03")))
    st.mentions = []
    stage.run_alone(st)
    for m in st.place_mentions:
        assert text[m.start:m.end] == m.text
    return {m.text: p for p in st.places for m in p.mentions}


def test_a_peoples_name_is_no_town(nlp, stage):
    text = ("The deal is a diplomatic victory for Beijing as Gulf Arab states weigh their ties, analysts in "
            "Dubai said on Monday.")
    places = places_of(nlp, stage, text)
    assert "Arab" not in places
    assert places["Dubai"].country_code == "AE"


def test_a_people_named_after_its_homeland_is_no_place(nlp, stage):
    text = ("Gunmen killed more than 200 villagers in western Ethiopia on Saturday. The victims were mostly "
            "ethnic Amhara, witnesses said, and the local Amhara community is now afraid.")
    places = places_of(nlp, stage, text)
    assert "Amhara" not in places
    assert places["Ethiopia"].country_code == "ET"


def test_an_office_title_names_no_place(nlp, stage):
    text = ("Militants fired at soldiers near Srinagar on Thursday. Inspector General of Police Kashmir, "
            "Vijay Kumar, said two attackers were killed. The IGP Kashmir said a search was under way.")
    places = places_of(nlp, stage, text)
    assert "Kashmir" not in places
    assert places["Srinagar"].country_code == "IN"


def test_a_dateline_reads_its_town_in_the_country_it_names(nlp, stage):
    text = "SAGAING (Myanmar): The junta announced a ceasefire on Wednesday after the earthquake."
    places = places_of(nlp, stage, text)
    assert places["SAGAING"].feature == "city" and places["SAGAING"].country_code == "MM"


def test_a_title_case_dateline_with_its_country(nlp, stage):
    text = ("Islamabad, Pakistan \u2013 At least four civilians have been killed by shelling, the military "
            "said on Wednesday.")
    places = places_of(nlp, stage, text)
    assert places["Islamabad"].country_code == "PK"


def test_a_divided_territory_keeps_its_holder_in_the_name(nlp, stage):
    text = ("At least four civilians were killed by shelling inside Pakistan-administered Kashmir on "
            "Wednesday, officials said.")
    places = places_of(nlp, stage, text)
    assert "Pakistan-administered Kashmir" in places and "Kashmir" not in places


def test_a_town_named_in_a_far_place_is_a_namesake(nlp, stage):
    text = ("Nigerian police said 73 students were kidnapped on Wednesday. Gunmen abducted them from a "
            "school in Kaya village in the Maradun local government area, the police said.")
    places = places_of(nlp, stage, text)
    assert places.get("Kaya") is None or places["Kaya"].country_code == "NG"
    assert places["Maradun"].country_code == "NG"


def test_a_world_city_under_another_spelling_is_not_a_small_namesake(nlp, stage):
    text = "Russian drones hit Odessa overnight, killing two people, the regional governor said."
    assert places_of(nlp, stage, text)["Odessa"].country_code == "UA"
    text = "Police in Odessa, Texas, said a gunman killed five people on Saturday."
    assert places_of(nlp, stage, text)["Odessa"].country_code == "US"


def test_a_recipient_of_aid_and_an_owner_after_a_region_are_no_places(nlp, stage):
    text = ("In the third coup to topple a leader in the Sahel, Niger's elected president was ousted. "
            "The European Union suspended security cooperation and financial aid to Niger following the "
            "coup, while troops stayed in Mali.")
    places = places_of(nlp, stage, text)
    assert "Niger" not in places
    assert places["Mali"].country_code == "ML"


def test_a_shipment_to_a_country_still_locates_it(nlp, stage):
    text = "Exporters shipped oil to China on Monday despite the sanctions, traders said."
    assert places_of(nlp, stage, text)["China"].country_code == "CN"


def test_a_country_closing_an_office_name_is_the_offices(nlp, stage):
    text = ("Gunmen attacked a police post in Cauca on Sunday. The UN Office for Human Rights in Colombia "
            "rejected the attack, and troops were sent to Colombia's southwest.")
    places = places_of(nlp, stage, text)
    colombia = [p for p in places.values() if p.country_code == "CO" and p.feature == "country"]
    assert colombia and all(m.start != text.index("Colombia ") for p in colombia for m in p.mentions)


def test_a_foreign_capital_as_a_governments_seat_is_no_place(nlp, stage):
    text = ("Jihadists attacked an army post near Gao in Mali on Sunday, and fighting spread to Timbuktu in "
            "northern Mali. Some 5,100 French soldiers serve in Mali, although officials in Paris intend to "
            "reduce that number.")
    places = places_of(nlp, stage, text)
    assert "Paris" not in places
    assert places["Gao"].country_code == "ML"


def test_the_storys_own_capital_as_a_seat_stays(nlp, stage):
    text = ("Gunmen attacked a police post in Cauca in southwestern Colombia on Sunday. Dissidents have "
            "fought for decades to undermine authorities in Bogota.")
    assert places_of(nlp, stage, text)["Bogota"].country_code == "CO"


def test_a_holidays_name_is_no_place(nlp, stage):
    text = ("Police in Nairobi fired tear gas at marchers on Tuesday as they marked the \u201cSaba Saba\u201d day "
            "of protest. Crowds in Dublin celebrated St. Patrick's Day, and Moscow held its Victory Day parade.")
    places = places_of(nlp, stage, text)
    for name in ("Saba Saba", "Patrick", "Victory"):
        assert name not in places, name
    assert places["Nairobi"].country_code == "KE"
    assert places["Dublin"].country_code == "IE"


def test_a_lower_case_day_after_a_place_leaves_it_a_place(nlp, stage):
    text = "Kenya's day of mourning began in Nairobi on Friday."
    places = places_of(nlp, stage, text)
    assert places["Nairobi"].country_code == "KE"


def test_a_town_said_to_lie_in_a_municipality_is_no_far_namesake(nlp, stage):
    text = ("MORELIA, Mexico (AP) \u2014 Gunmen ambushed a state police convoy at a home in El Aguaje, a town in "
            "the municipality of Aguililla, officials in Michoacan said.")
    places = places_of(nlp, stage, text)
    assert "El Aguaje" not in places  # the gazetteer's only El Aguaje lies 300 km away, in Nayarit
    assert places["Aguililla"].country_code == "MX"
