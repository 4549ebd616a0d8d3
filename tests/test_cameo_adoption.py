"""scripts/measure_cameo_adoption.py: the generated CAMEO entries are added to the hand-written lexicon only
where it has none (the hand-written entries are overrides), by basis, type and kind; the lexicon built
validates. Tiny lexicons written here; the pipeline run is not repeated."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

from sitrep.core.datafiles import load_data
from sitrep.stages.events.lexicon import TRIGGERS_FILE, parse_lexicon

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "scripts"))
import measure_cameo_adoption as adopt  # noqa: E402

CAMEO = {
    "synsets": {"weapon": ["rifle", "machine gun", "rocket"]},
    "verbs": {
        "shell": {"type": "ASSAULT", "mode": "artillery", "basis": "own"},
        "ambush": {"type": "ASSAULT", "basis": "block"},
        "praise": {"type": "SUPPORT", "basis": "block"},
        "attack": {"type": "THREATEN", "basis": "own"},
    },
    "phrases": {
        "hand over &weapon": {"type": "RETREAT", "verb": "surrender", "object": "&weapon"},
        "hold talk": {"type": "CONSULT", "verb": "attack", "object": "talk"},
    },
    "nouns": {
        "conviction": {"type": "SANCTION", "basis": "nominalization", "via": "convict"},
        "car bombing": {"type": "ASSAULT", "basis": "map"},
        "attack": {"type": "THREATEN", "basis": "map"},
    },
}


def _hand() -> dict:
    return {"verbs": {"attack": [{"type": "ASSAULT"}], "convict": [{"type": "SANCTION", "mode": "convict"}]},
            "light_verbs": ["carry out"], "nouns": {"attack": {"type": "ASSAULT"}}, "compounds": {}}


def test_verbs_are_added_by_basis_and_type_never_over_a_hand_entry():
    hand = _hand()
    assert adopt.add_verbs(hand, CAMEO, {"own"}) == 1
    assert hand["verbs"]["shell"] == [{"type": "ASSAULT", "mode": "artillery"}]
    assert hand["verbs"]["attack"] == [{"type": "ASSAULT"}]
    hand = _hand()
    assert adopt.add_verbs(hand, CAMEO, {"own", "block"}, adopt.CONFLICT_TYPES) == 2
    assert "ambush" in hand["verbs"] and "praise" not in hand["verbs"]


def test_phrases_become_object_conditions_with_synsets_read_as_their_one_word_members():
    hand = _hand()
    assert adopt.add_phrases(hand, CAMEO) == 1
    assert hand["verbs"]["surrender"] == [{"type": "RETREAT", "objects": ["rifle", "rocket"]}]


def test_nouns_and_derived_nominalizations():
    hand = _hand()
    assert adopt.add_nouns(hand, CAMEO, {"map"}) == 1
    assert hand["compounds"]["car bombing"] == {"type": "ASSAULT"} and hand["nouns"]["attack"] == {"type": "ASSAULT"}
    hand = _hand()
    assert adopt.add_derived(hand, CAMEO) == 1
    assert hand["nouns"]["conviction"] == {"type": "SANCTION", "mode": "convict"}


def test_every_variant_builds_a_valid_lexicon_from_the_package_files():
    hand, cam = load_data(TRIGGERS_FILE), load_data(adopt.CAMEO_FILE)
    for name, add in adopt.VARIANTS.items():
        data = copy.deepcopy(hand)
        add(data, cam)
        assert parse_lexicon(data).verbs, name
