"""sitrep.core.text: the one name key, plain-text fold, wire dateline and distance (issue #15)."""

import math

from sitrep.core.text import DATELINE, EARTH_RADIUS_KM, haversine_km, name_key, plain
from sitrep.geo import gazetteer
from sitrep import kb


def test_name_key_drops_diacritics_apostrophes_periods_and_case():
    assert name_key("Ḩamāh") == "hamah"
    assert name_key("Tall Rif‘at") == "tall rifat"
    assert name_key("St. Petersburg") == "st petersburg"
    assert name_key("  Deir   ez-Zor ") == "deir ez zor"


def test_plain_keeps_case_and_punctuation():
    assert plain("Hay’at Tahrir al‑Sham") == "Hay'at Tahrir al-Sham"
    assert plain("Ḩamāh – north") == "Hamah - north"
    assert plain("St. Petersburg") == "St. Petersburg"


def test_the_old_names_are_the_same_functions():
    assert gazetteer.fold is name_key
    assert kb.fold is plain
    assert gazetteer.haversine_km is haversine_km


def test_dateline_reads_wire_openings():
    for line, opening in [
        ("ALEPPO, Syria (AP) -- Rebels entered the city.", "ALEPPO, Syria (AP) -- "),
        ("BEIRUT/ANKARA (Reuters) - Turkey said ...", "BEIRUT/ANKARA (Reuters) - "),
        ("COLUMBIA --- South Carolina Gov. Nikki Haley said ...", "COLUMBIA --- "),
        ("KYIV \u2014 Ukrainian forces said ...", "KYIV \u2014 "),
    ]:
        m = DATELINE.match(line)
        assert m is not None and m.group(0) == opening, line


def test_dateline_is_not_a_headline_or_prose():
    assert DATELINE.match("HE'S BEEN CALLED OUT BY FELLOW DOCTORS \u2014 He has been dragged") is None
    assert DATELINE.match("Rebels entered Aleppo - the army withdrew.") is None
    assert DATELINE.match("said ALEPPO (AP) -- x") is None


def test_haversine_one_radius():
    assert EARTH_RADIUS_KM == 6371.0
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == EARTH_RADIUS_KM * math.pi / 180
    assert round(haversine_km(36.2, 37.16, 33.51, 36.29)) == 309
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0
