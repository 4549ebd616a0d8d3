"""The shared lexicon: each word once, with the uses (stage meanings) that read it."""

from __future__ import annotations

import pytest

from sitrep import lexicon
from sitrep.errors import ConfigError
from sitrep.kb.agents import load_cues as actor_cues
from sitrep.lang.modality import read_cues as modality_cues
from sitrep.lang.numbers import read_lexicon as quantities
from sitrep.geo.gazetteer import small_gazetteer
from sitrep.stages.events import read_cues as event_cues
from sitrep.stages.places.lexicon import load_news_cues as place_cues


def test_words_by_use():
    assert "say" in lexicon.words("speech_verbs", "modality")
    assert "according" in lexicon.words("speech_verbs", "claims")
    assert "according" not in lexicon.words("speech_verbs", "events")
    # 'on' stays a word: the data loader reads only true/false as booleans
    assert "on" in lexicon.words("place_prepositions", "events_place")


def test_unknown_list_or_use_is_a_config_error():
    with pytest.raises(ConfigError, match="no list"):
        lexicon.words("nouns", "events")
    with pytest.raises(ConfigError, match="no word for use"):
        lexicon.words("speech_verbs", "nobody")


def test_every_stage_reads_its_use():
    assert modality_cues().speech_verbs == lexicon.words("speech_verbs", "modality")
    assert event_cues().speech_verbs == lexicon.words("speech_verbs", "events")
    assert event_cues().place_preps == lexicon.words("place_prepositions", "events_place")
    assert actor_cues().speech_verbs == lexicon.words("speech_verbs", "actors")
    assert actor_cues().located_preps == lexicon.words("place_prepositions", "actors_located")
    assert actor_cues().place_frames == lexicon.words("place_frames", "actors")
    assert place_cues(small_gazetteer([])).frames == lexicon.words("place_frames", "places")
    raw = quantities().raw
    assert set(raw["attribution_verbs"]) == lexicon.words("speech_verbs", "claims")
    assert set(raw["locative_prepositions"]) == lexicon.words("place_prepositions", "claims_locative")


def test_a_file_that_keeps_its_own_list_is_left_alone():
    data = {"speech_verbs": ["mutter"]}
    assert lexicon.fill(data, {"speech_verbs": ("speech_verbs", "events")})["speech_verbs"] == ["mutter"]
    assert "say" in lexicon.fill({}, {"speech_verbs": ("speech_verbs", "events")})["speech_verbs"]


def test_words_are_lower_case_and_used():
    with pytest.raises(ConfigError, match="lower case"):
        lexicon.validate_data({"version": "1", "speech_verbs": {"Say": ["events"]}, "place_prepositions": {},
                               "place_frames": {}},
                              lexicon.SharedLexicon, lexicon.ORIGIN)
