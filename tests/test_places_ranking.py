"""Place disambiguation and cues without a parse: hand-built candidates, a tiny gazetteer
(:func:`sitrep.geo.gazetteer.small_gazetteer`), spaCy's blank English tokenizer."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
import spacy
from spacy.tokens import Span as SpacySpan

from sitrep.article import Article, ArticleState
from sitrep.geo.gazetteer import small_gazetteer
from sitrep.stages.places import Candidate, PlacesConfig, PlacesStage
from sitrep.stages.places.candidates import (Scan, coordinated_divisions, dateline_places, framed,
                                             institution_reading, news_candidates, party_tags)
from sitrep.stages.places.features import Evidence, Setting, features, gather, score
from sitrep.stages.places.lexicon import load_news_cues, place_words
from sitrep.stages.places.resolve import anchors, resolve, spread_qualifiers, standalone_abbreviations
from sitrep.stages.resources import Resources

PLACES = [
    {"id": "geo:1", "name": "United States", "kind": "country", "cc": "US", "population": 330_000_000,
     "lat": 39.8, "lon": -98.6, "aliases": ["U.S."]},
    {"id": "geo:2", "name": "France", "kind": "country", "cc": "FR", "population": 67_000_000, "lat": 46.2, "lon": 2.2},
    {"id": "geo:3", "name": "Syria", "kind": "country", "cc": "SY", "population": 22_000_000, "lat": 35.0, "lon": 38.5},
    {"id": "geo:4", "name": "India", "kind": "country", "cc": "IN", "population": 1_300_000_000, "lat": 22.0, "lon": 79.0},
    {"id": "geo:10", "name": "Texas", "kind": "admin1", "cc": "US", "admin1": "TX", "population": 29_000_000,
     "lat": 31.0, "lon": -99.0},
    {"id": "geo:11", "name": "Tennessee", "kind": "admin1", "cc": "US", "admin1": "TN", "population": 6_900_000,
     "lat": 35.8, "lon": -86.3},
    {"id": "geo:12", "name": "Washington", "kind": "admin1", "cc": "US", "admin1": "WA", "population": 7_700_000,
     "lat": 47.4, "lon": -120.5},
    {"id": "geo:13", "name": "Florida", "kind": "admin1", "cc": "US", "admin1": "FL", "population": 21_000_000,
     "lat": 28.6, "lon": -82.4},
    {"id": "geo:14", "name": "Indiana", "kind": "admin1", "cc": "US", "admin1": "IN", "population": 6_800_000,
     "lat": 40.0, "lon": -86.3},
    {"id": "geo:15", "name": "Ohio", "kind": "admin1", "cc": "US", "admin1": "OH", "population": 11_800_000,
     "lat": 40.3, "lon": -82.8},
    {"id": "geo:100", "name": "Paris", "kind": "city", "cc": "FR", "admin1": "11", "population": 2_100_000,
     "lat": 48.85, "lon": 2.35},
    {"id": "geo:101", "name": "Paris", "kind": "city", "cc": "US", "admin1": "TX", "population": 25_000,
     "lat": 33.66, "lon": -95.56},
    {"id": "geo:102", "name": "Paris", "kind": "city", "cc": "US", "admin1": "TN", "population": 10_000,
     "lat": 36.30, "lon": -88.33},
    {"id": "fips:47079", "name": "Henry County", "kind": "county", "cc": "US", "admin1": "TN", "population": 10_000,
     "lat": 36.33, "lon": -88.32},
    {"id": "geo:103", "name": "Washington", "kind": "city", "cc": "US", "admin1": "DC", "population": 700_000,
     "lat": 38.9, "lon": -77.04},
    {"id": "geo:104", "name": "Columbus", "kind": "city", "cc": "US", "admin1": "OH", "population": 900_000,
     "lat": 39.96, "lon": -83.0},
    {"id": "geo:105", "name": "Columbus", "kind": "city", "cc": "US", "admin1": "NE", "population": 22_000,
     "lat": 41.43, "lon": -97.37},
    {"id": "fips:31037", "name": "Colfax County", "kind": "county", "cc": "US", "admin1": "NE",
     "lat": 41.57, "lon": -97.09},
    {"id": "fips:35007", "name": "Colfax County", "kind": "county", "cc": "US", "admin1": "NM",
     "lat": 36.6, "lon": -104.6},
    {"id": "geo:106", "name": "Aleppo", "kind": "city", "cc": "SY", "admin1": "09", "population": 1_600_000,
     "lat": 36.2, "lon": 37.16, "aliases": ["Berea", "Halab"]},
    {"id": "geo:107", "name": "Berea", "kind": "city", "cc": "US", "admin1": "KY", "population": 13_000,
     "lat": 37.57, "lon": -84.3},
    {"id": "geo:108", "name": "Bank", "kind": "city", "cc": "IN", "admin1": "01", "population": 5_000,
     "lat": 22.0, "lon": 88.0},
    {"id": "geo:109", "name": "Bank", "kind": "city", "cc": "IN", "admin1": "02", "population": 3_000,
     "lat": 25.0, "lon": 80.0},
    {"id": "fips:54039", "name": "Kanawha County", "kind": "county", "cc": "US", "admin1": "WV",
     "population": 180_000, "lat": 38.35, "lon": -81.63},
    {"id": "geo:110", "name": "Springfield", "kind": "city", "cc": "US", "admin1": "OH", "population": 58_000,
     "lat": 39.92, "lon": -83.81},
    {"id": "geo:111", "name": "Springfield", "kind": "city", "cc": "US", "admin1": "IL", "population": 114_000,
     "lat": 39.8, "lon": -89.64},
    {"id": "geo:112", "name": "Fla", "kind": "city", "cc": "NO", "admin1": "08", "population": 1_000,
     "lat": 60.4, "lon": 9.5},
    {"id": "geo:113", "name": "Idlib", "kind": "city", "cc": "SY", "admin1": "07", "population": 160_000,
     "lat": 35.93, "lon": 36.63},
    {"id": "geo:114", "name": "Hama", "kind": "city", "cc": "SY", "admin1": "06", "population": 100_000,
     "lat": 35.13, "lon": 36.75},
    {"id": "geo:115", "name": "Hammond", "kind": "city", "cc": "US", "admin1": "IN", "population": 77_000,
     "lat": 41.58, "lon": -87.5},
    {"id": "geo:116", "name": "Elkins", "kind": "city", "cc": "US", "admin1": "WV", "population": 7_000,
     "lat": 38.93, "lon": -79.85},
    {"id": "fips:13157", "name": "Jackson County", "kind": "county", "cc": "US", "admin1": "GA",
     "lat": 34.13, "lon": -83.56},
    {"id": "fips:13013", "name": "Barrow County", "kind": "county", "cc": "US", "admin1": "GA",
     "lat": 33.99, "lon": -83.71},
    {"id": "geo:117", "name": "Cookville", "kind": "city", "cc": "US", "admin1": "TX", "population": 1_200,
     "lat": 33.18, "lon": -94.86},
    {"id": "geo:118", "name": "Tal Rifaat", "kind": "city", "cc": "SY", "admin1": "09", "population": 20_000,
     "lat": 36.47, "lon": 37.1},
]


@pytest.fixture(scope="module")
def gaz():
    return small_gazetteer(PLACES, abbrevs={"Fla.": "geo:13", "Ind.": "geo:14"},
                           capitals=["geo:100", "geo:103"], county_of={"geo:102": "fips:47079"})


def entry_id(gaz, i):
    return None if i is None else gaz.entry(i).id


def cand(gaz, text, start=0, **kw):
    return Candidate(start, start + len(text), text, gaz.lookup(text), kw.pop("strong", True), kw.pop("label", "GPE"), **kw)


def chosen(gaz, cands, cfg=None):
    return [entry_id(gaz, i) for i in resolve(cands, gaz, cfg or PlacesConfig())]


# -- the tiny gazetteer ------------------------------------------------------------------------
def test_small_gazetteer_reads_like_the_real_one(gaz):
    assert {gaz.entry(i).id for i in gaz.lookup("Paris")} == {"geo:100", "geo:101", "geo:102"}
    assert gaz.entry(gaz.lookup("Halab")[0]).name == "Aleppo"
    assert gaz.county_of(gaz.lookup("Paris")[2]) == gaz.lookup("Henry County")[0]
    assert gaz.entry(gaz.abbrevs["Fla."]).name == "Florida" and gaz.countries["SY"] == gaz.lookup("Syria")[0]
    assert gaz.entry(gaz.lookup("Colfax County")[0]).id == "fips:31037"


# -- features ----------------------------------------------------------------------------------
def test_features_are_named_and_add_up_to_the_score(gaz):
    cfg = PlacesConfig()
    paris_tn = gaz.lookup("Paris")[2]
    cands = [cand(gaz, "Paris"), cand(gaz, "Henry County", 10)]
    ev = gather(gaz, cands, cfg)
    f = features(gaz, paris_tn, "paris", ev, Setting(), cfg)
    assert list(f) == ["population", "kind", "own_name", "capital", "containment", "world_city",
                       "country_setting", "state_setting", "spread_vote", "nearness", "pairs"]
    assert f["containment"] == cfg.contain_weight and f["own_name"] == cfg.exact_name_weight
    assert f["world_city"] == 0.0 and f["kind"] == 0.0
    assert score(gaz, paris_tn, "paris", ev, Setting(), cfg) == sum(f.values())
    paris_fr = gaz.lookup("Paris")[0]
    assert features(gaz, paris_fr, "paris", ev, Setting(), cfg)["world_city"] == cfg.world_city_weight


def test_the_setting_features_read_the_round_context(gaz):
    cfg = PlacesConfig()
    paris_tx = gaz.lookup("Paris")[1]
    ev = Evidence()
    setting = Setting(countries=Counter({"US": 1.0}), states=Counter({("US", "TX"): 0.5}))
    f = features(gaz, paris_tx, "paris", ev, setting, cfg)
    assert f["country_setting"] == pytest.approx(cfg.country_weight + cfg.country_mentions_weight)
    assert f["state_setting"] == pytest.approx(cfg.context_weight * 0.5)


# -- ranking -----------------------------------------------------------------------------------
def test_a_world_city_is_read_without_context(gaz):
    assert chosen(gaz, [cand(gaz, "Paris")]) == ["geo:100"]


def test_a_named_state_pulls_a_town_into_it(gaz):
    assert chosen(gaz, [cand(gaz, "Paris"), cand(gaz, "Texas", 10)]) == ["geo:101", "geo:10"]


def test_anchors_count_single_readings_and_dominant_divisions(gaz):
    countries, states = anchors([cand(gaz, "Paris"), cand(gaz, "Texas", 10), cand(gaz, "Henry County", 20)],
                                gaz, PlacesConfig())
    assert countries == {"US": 2} and states == {("US", "TX"): 1, ("US", "TN"): 1}


def test_a_capital_beats_the_division_of_its_name(gaz):
    assert chosen(gaz, [cand(gaz, "Washington")]) == ["geo:103"]
    assert chosen(gaz, [cand(gaz, "Washington")], PlacesConfig(capital_weight=0.0)) == ["geo:12"]


def test_an_alternate_name_ranks_below_an_own_name(gaz):
    # "Berea" is an old name of Aleppo, and the own name of a town in Kentucky
    assert chosen(gaz, [cand(gaz, "Berea")]) == ["geo:107"]
    assert chosen(gaz, [cand(gaz, "Berea")], PlacesConfig(alternate_penalty=0.0)) == ["geo:106"]


def test_two_names_whose_lesser_readings_lie_close_together_are_read_there(gaz):
    # one round only: the pairs alone, without re-reading
    cands = [cand(gaz, "Columbus"), cand(gaz, "Colfax County", 20)]
    assert chosen(gaz, cands, PlacesConfig(rounds=1)) == ["geo:105", "fips:31037"]
    cands = [cand(gaz, "Columbus"), cand(gaz, "Colfax County", 20)]
    assert chosen(gaz, cands, PlacesConfig(rounds=1, pair_weight=0.0)) == ["geo:104", "fips:31037"]


def test_a_stray_small_town_abroad_is_dropped(gaz):
    cands = [cand(gaz, "Kanawha County"), cand(gaz, "Bank", 30)]
    assert chosen(gaz, cands) == ["fips:54039", None]
    cands = [cand(gaz, "Kanawha County"), cand(gaz, "Bank", 30)]
    assert chosen(gaz, cands, PlacesConfig(stray_population=0))[1] == "geo:108"


def test_a_qualified_name_keeps_its_state_in_every_mention(gaz):
    ohio = gaz.lookup("Springfield")[0]
    first = cand(gaz, "Springfield", forced=("US", "OH"))
    first.ids = (ohio,)
    later = cand(gaz, "Springfield", 100)
    spread_qualifiers([first, later])
    assert later.ids == (ohio,) and later.forced == ("US", "OH")


def test_a_standalone_abbreviation_is_the_state(gaz):
    c = Candidate(0, 4, "Fla.", gaz.lookup("Fla"), True, "GPE")
    standalone_abbreviations([c], gaz)
    assert [gaz.entry(i).name for i in c.ids] == ["Florida"]


def test_every_old_keyword_keeps_its_default():
    old = {"context_weight": 3.0, "country_weight": 2.0, "vote_weight": 1.0, "demonyms": False, "streets": True,
           "alternate_penalty": 1.5, "capital_weight": 4.0, "near_weight": 0.0, "rounds": 3,
           "confidence_margin": 1.0, "contain_weight": 3.0, "pair_weight": 2.0, "pair_cap": 4.0,
           "region_weight": 2.0, "stray_population": 20_000, "stray_setting": 1.0}
    defaults = PlacesStage.default_config()
    assert {k: defaults[k] for k in old} == old
    stage = PlacesStage(pair_weight=2.5, demonyms=True)
    assert stage.config.pair_weight == 2.5 and stage.demonyms is True
    assert dataclasses.replace(stage.config, rounds=1).rounds == 1


# -- cues on a blank tokenizer -----------------------------------------------------------------
@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def news(gaz):
    return load_news_cues(gaz)


def texts(cands):
    return [c.text for c in cands]


def test_dateline_town_and_state(gaz, news):
    text = "Flood waters recede\nHAMMOND, Ind. (AP) -- Crews began clearing debris on Tuesday."
    got = news_candidates(text, gaz, news)
    assert texts(got) == ["HAMMOND", "Ind."]
    assert [gaz.entry(c.ids[0]).name for c in got] == ["Hammond", "Indiana"]


def test_party_tag_and_coordinated_counties(gaz, news):
    from sitrep.stages.places.candidates import _Collector

    text = "Sen. Jane Roe, D-Elkins, said Jackson and Barrow counties would get aid."
    out = _Collector(text)
    party_tags(text, gaz, news, out)
    coordinated_divisions(text, gaz, news, out)
    assert texts(out.out) == ["Elkins", "Jackson", "Barrow"]
    assert [gaz.entry(c.ids[0]).id for c in out.out] == ["geo:116", "fips:13157", "fips:13013"]
    out = _Collector("HAMMOND -- x")
    dateline_places("HAMMOND -- x", gaz, news, out)
    assert texts(out.out) == ["HAMMOND"]


def _scan(blank, gaz, news, text, ents=()):
    from sitrep.geo.gazetteer import load_regions

    doc = blank(text)
    if ents:
        doc.ents = [SpacySpan(doc, s, e, label=lab) for s, e, lab in ents]
    state = ArticleState(article=Article(text=text))
    state.doc = doc
    state.provide(*PlacesStage.needs)
    return Scan(state=state, gaz=gaz, cfg=PlacesConfig(), words=place_words(load_regions()), news=news,
                state_demonyms={})


def test_a_frame_makes_a_place_over_conjuncts(blank, gaz, news):
    sc = _scan(blank, gaz, news, "Rebels took the towns of Rastan , Tayba and Tal Rifaat")
    assert framed(sc, 5) and framed(sc, 9)  # "Rastan", "Tal"
    sc = _scan(blank, gaz, news, "Rebels met Tal Rifaat")
    assert not framed(sc, 2)


def test_a_town_opening_an_institution_name(blank, gaz, news):
    from sitrep.stages.places.candidates import Name

    text = "He joined the Cookville Volunteer Fire Department last year"
    sc = _scan(blank, gaz, news, text, ents=[(2, 7, "ORG")])
    nm = Name(i=3, w=1, span=sc.doc[3:4], label="ORG")
    got = institution_reading(sc, nm)
    assert got is not None and got.institution and not got.civic


def test_the_stage_runs_on_a_tiny_gazetteer_without_a_parse(blank, gaz):
    text = "Fighting in Aleppo spread to Idlib and Hama on Monday."
    state = ArticleState(article=Article(text=text))
    state.doc = blank(text)
    stage = PlacesStage(streets=False).use_resources(Resources(gazetteer=gaz, state_demonyms={}))
    stage.run_alone(state)
    got = {m.text: m.place_id for m in state.place_mentions}
    # "Hama" alone is too small to be a place without a cue; coordinated with "Idlib" it is one
    assert got == {"Aleppo": "geo:106", "Idlib": "geo:113", "Hama": "geo:114"}
    assert {p.country_code for p in state.places} == {"SY"}


# -- the data files ----------------------------------------------------------------------------
def test_a_typo_in_a_places_data_file_names_the_file_and_the_field(gaz):
    from sitrep.datafiles import load_data
    from sitrep.errors import KnowledgeBaseError
    from sitrep.stages.places.lexicon import load_senses

    raw = dict(load_data("place_cues.yaml"))
    raw["institution_headz"] = raw.pop("institution_heads")
    with pytest.raises(KnowledgeBaseError) as err:
        load_news_cues(gaz, raw)
    assert "place_cues.yaml" in str(err.value) and "institution_head" in str(err.value)
    raw = dict(load_data("place_senses.yaml"), resident_nouns=[])
    with pytest.raises(KnowledgeBaseError) as err:
        load_senses(raw)
    assert "place_senses.yaml" in str(err.value) and "resident_nouns" in str(err.value)
