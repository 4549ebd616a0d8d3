"""The place score (sitrep.stages.places.confidence): named features of each mention, their weighted
mean, and ``min_place_score`` dropping the places under it. Hand-made gazetteer and candidates."""

from __future__ import annotations

from sitrep.geo.gazetteer import small_gazetteer
from sitrep.stages.places import Candidate, PlacesConfig
from sitrep.stages.places.confidence import drop_unsure, mention_features, place_scores


def _gaz():
    return small_gazetteer([
        {"id": "geo:1", "name": "Syria", "kind": "country", "cc": "SY", "population": 20_000_000},
        {"id": "geo:2", "name": "Idlib", "kind": "city", "cc": "SY", "population": 160_000},
        {"id": "geo:3", "name": "Bank", "kind": "city", "cc": "IN", "population": 3_000},
    ])


def _cand(gaz, start, text, label="", locative=False, margin=1.0):
    c = Candidate(start, start + len(text), text, gaz.lookup(text), True, label)
    c.locative, c.margin = locative, margin
    return c


def test_the_features_of_a_mention():
    gaz = _gaz()
    idlib = _cand(gaz, 0, "Idlib", "GPE", locative=True, margin=0.5)
    from collections import Counter

    f = mention_features(idlib, gaz.lookup("Idlib")[0], gaz, PlacesConfig(), Counter({"SY": 1}), 1)
    assert f == {"margin": 0.5, "entity": 1.0, "locative": 1.0, "major": 0.0, "focus": 1.0, "repeated": 0.0}


def test_a_stray_town_scores_under_the_places_of_the_story():
    gaz = _gaz()
    cands = [_cand(gaz, 0, "Syria", "GPE", locative=True), _cand(gaz, 10, "Idlib", "GPE", locative=True),
             _cand(gaz, 20, "Bank", "", margin=0.2)]
    choice = [c.ids[0] for c in cands]
    scores = place_scores(cands, choice, gaz, PlacesConfig())
    syria, idlib, bank = (scores[i] for i in choice)
    assert 0.0 <= bank < idlib <= syria <= 1.0
    assert bank < 0.3


def test_the_threshold_drops_every_mention_of_an_unsure_place():
    gaz = _gaz()
    cands = [_cand(gaz, 0, "Idlib", "GPE", locative=True), _cand(gaz, 20, "Bank", margin=0.2),
             _cand(gaz, 40, "Bank", margin=0.2)]
    choice = [c.ids[0] for c in cands]
    drop_unsure(cands, choice, gaz, PlacesConfig(min_place_score=0.0))  # off
    assert None not in choice
    drop_unsure(cands, choice, gaz, PlacesConfig())  # the default, 0.25
    assert choice[0] is not None and choice[1] is None and choice[2] is None
