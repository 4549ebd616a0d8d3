"""First-level divisions from ISO 3166-2 (#14): French and local names of provinces ("Sud-Kivu",
"Extrême-Nord"), the DR Congo's 26 current provinces, a province that shares its name with a foreign
country in a story set in the province's country ("la province de l'Équateur"), and a name in
apposition with a person's role ("Rivera, a union leader, said") read as a person, not a town. The
articles are written here in wire style."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from sitrep.geo.gazetteer import load_gazetteer, load_provinces
from places_support import pipeline_places

PUBLISHED = "2024-03-02"


def _script():
    path = Path(__file__).resolve().parent.parent / "scripts" / "gen_provinces.py"
    spec = importlib.util.spec_from_file_location("gen_provinces", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# -- the table ------------------------------------------------------------------------------------
def test_the_dr_congo_has_its_26_current_provinces():
    cd = {name: alt for cc, name, _, _, alt in load_provinces() if cc == "CD"}
    assert len(cd) == 26
    assert {"Ituri", "Tshopo", "Haut-Katanga", "Kongo Central", "Nord-Kivu", "Sud-Kivu"} <= set(cd)
    assert "Eastern Province" not in cd and "Katanga" not in cd
    assert "South Kivu" in cd["Sud-Kivu"]


def test_french_iso_names_are_other_names():
    cm = {name: alt for cc, name, _, _, alt in load_provinces() if cc == "CM"}
    assert "Extrême-Nord" in cm["Far North"]
    assert "Nord-Ouest" in cm["North-West Province"]


def test_a_capital_point_places_a_new_province():
    pts = {name: (la, lo) for cc, name, la, lo, _ in load_provinces() if cc == "CD"}
    la, lo = pts["Ituri"]  # at Bunia
    assert abs(la - 1.56) < 0.2 and abs(lo - 30.25) < 0.2


def test_the_script_spells_french_compass_words_in_english():
    mod = _script()
    assert mod.english_compass("Nord-Kivu") == "North Kivu"
    assert mod.english_compass("Sud-Ouest") == "South-West"
    assert mod.english_compass("Extrême-Nord") == "Far North"
    assert mod.english_compass("Kasaï") == ""


def test_the_script_reads_french_names_of_subdivisions():
    names = _script().iso_subdivisions("CM")["CM-EN"]
    assert names[0] == "Far North" and "Extrême-Nord" in names


def test_a_curated_region_takes_its_provinces_french_name():
    gaz = load_gazetteer()
    hits = gaz.lookup("Nord-Kivu")
    assert hits and gaz.country_of(hits[0]) == "CD"
    assert [gaz.kind(i) for i in gaz.lookup("Aleppo")] == ["city"]  # a bare name stays the city's


# -- the stage ------------------------------------------------------------------------------------
def test_french_kivu_provinces_are_found(pipeline):
    text = ("GOMA, 2 mars (Reuters) - Les rebelles du M23 ont pris jeudi la ville de Sake, au Nord-Kivu, "
            "tandis que les combats se poursuivaient dans le Sud-Kivu voisin, a déclaré l'armée congolaise.")
    places = pipeline_places(pipeline, text, published=PUBLISHED)
    assert places["Nord-Kivu"].country_code == "CD"
    assert places["Sud-Kivu"].country_code == "CD"


def test_a_province_named_like_a_country_wins_in_its_country_story_fr(pipeline):
    text = ("KINSHASA, 2 mars (Reuters) - Des miliciens ont attaqué jeudi un village de la province de "
            "l'Équateur, dans le nord-ouest de la République démocratique du Congo, tuant au moins douze "
            "civils, a déclaré le gouverneur.")
    places = pipeline_places(pipeline, text, published=PUBLISHED)
    assert places["Équateur"].country_code == "CD", places["Équateur"]


def test_the_country_stays_in_its_own_story_fr(pipeline):
    text = ("QUITO, 2 mars (AFP) - Les autorités ont décrété jeudi l'état d'urgence dans plusieurs "
            "provinces de l'Équateur après une vague de violences à Guayaquil.")
    places = pipeline_places(pipeline, text, published=PUBLISHED)
    assert all(p.country_code == "EC" for p in places.values()), {k: p.country_code for k, p in places.items()}


def test_a_province_named_like_a_country_wins_in_its_country_story_en(pipeline):
    text = ("KINSHASA, March 2 (Reuters) - Militiamen attacked a village in Equateur province in "
            "northwestern Democratic Republic of Congo on Thursday, killing at least 12 civilians, the "
            "provincial governor said.")
    places = pipeline_places(pipeline, text, published=PUBLISHED)
    key = next(k for k in places if k.startswith("Equateur"))
    assert places[key].country_code == "CD"


@pytest.mark.parametrize("text,name", [
    ("MONTEVIDEO, March 2 (Reuters) - Thousands of workers marched through the capital on Thursday to "
     "demand higher wages. Rivera, a union leader, said the strike would continue.", "Rivera"),
    ("MONTEVIDEO, 2 mars (AFP) - Des milliers de travailleurs ont défilé jeudi dans la capitale. "
     "Rivera, un dirigeant syndical, a déclaré que la grève continuerait.", "Rivera"),
    ("MONTEVIDEO, 2 mars (AFP) - Des milliers de travailleurs ont défilé jeudi dans la capitale. "
     "Florida, porte-parole du syndicat, a dénoncé la police.", "Florida"),
])
def test_a_name_in_apposition_with_a_role_is_a_person(pipeline, text, name):
    places = pipeline_places(pipeline, text, published=PUBLISHED)
    assert name not in places
    assert "Montevideo" in places or "MONTEVIDEO" in places


def test_a_place_in_apposition_with_a_frame_stays(pipeline):
    text = "KYIV, March 2 (Reuters) - Kherson, a city in southern Ukraine, was shelled on Thursday."
    assert pipeline_places(pipeline, text, published=PUBLISHED)["Kherson"].country_code == "UA"


def test_a_located_name_before_a_role_stays_a_place(pipeline):
    text = ("GAZA, March 2 (Reuters) - Israeli strikes hit the south of the enclave on Thursday. In Khan "
            "Yunis, a doctor treated dozens of wounded, health officials said.")
    assert pipeline_places(pipeline, text, published=PUBLISHED)["Khan Yunis"].country_code == "PS"


def test_a_located_name_before_a_titled_person_stays_a_place(pipeline):
    text = ("DOHA (Reuters) - Washington urged its citizens in Syria to leave. In Paris, President-elect "
            "Donald Trump wrote on social media that the United States should not get involved.")
    assert pipeline_places(pipeline, text, published=PUBLISHED)["Paris"].country_code == "FR"


def test_french_names_of_cameroons_regions_are_found(pipeline):
    text = ("YAOUNDÉ, 2 mars (AFP) - Des séparatistes ont tué trois gendarmes jeudi dans la région du "
            "Nord-Ouest du Cameroun, tandis que les jihadistes de Boko Haram ont attaqué un village de "
            "l'Extrême-Nord, selon des sources sécuritaires.")
    places = pipeline_places(pipeline, text, published=PUBLISHED)
    assert places["Nord-Ouest"].country_code == "CM"
    assert places["Extrême-Nord"].country_code == "CM"
