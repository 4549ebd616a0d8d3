"""The PLOVER ontology data file: complete, defined, with CAMEO codes from the official map."""

from __future__ import annotations

import pytest

from sitrep.contract import PLOVER_TYPES
from sitrep.errors import ConfigError
from sitrep.ontology import MODALITIES, load_ontology, parse_ontology


def test_all_sixteen_types_with_definitions():
    onto = load_ontology()
    assert tuple(onto.types) == PLOVER_TYPES
    for t in onto.types.values():
        assert len(t.definition) > 30
        assert t.cameo and t.cameo.isdigit()
        for m in t.modes.values():
            assert m.definition


@pytest.mark.parametrize("etype,mode,code", [
    ("ASSAULT", "aerial", "195"), ("ASSAULT", None, "190"), ("CONSULT", "phone", "041"),
    ("CONSULT", "visit", "042"), ("REJECT", "yield", "124"), ("REQUEST", "meet", "106"),
    ("COERCE", "arrest", "173"), ("SANCTION", "expel", "166"), ("MOBILIZE", "troops", "154"),
    ("RETREAT", "release", "0841"), ("ACCUSE", "investigate", "090"), ("PROTEST", "hunger", "142"),
])
def test_cameo_lookup(etype, mode, code):
    assert load_ontology().cameo(etype, mode) == code


def test_mode_without_code_falls_back_to_type_code():
    onto = load_ontology()
    assert onto.cameo("SANCTION", "convict") == onto.type("SANCTION").cameo


def test_modes_named_in_the_manual():
    onto = load_ontology()
    assert {"aerial", "drone", "firearms", "explosives", "suicide-attack", "beat"} <= set(onto.modes("ASSAULT"))
    assert set(onto.modes("CONSULT")) == {"visit", "third-party", "multilateral", "phone"}
    assert {"seize", "restrict", "arrest", "deport"} <= set(onto.modes("COERCE"))
    assert set(onto.modes("SANCTION")) == {"convict", "expel", "withdraw", "discontinue"}
    assert set(onto.modes("MOBILIZE")) == {"troops", "weapons", "police", "militia"}
    assert onto.modes("REQUEST") == onto.modes("REJECT")


def test_contexts_and_auxiliary_modes():
    onto = load_ontology()
    for c in ("military", "terrorism", "diplomatic", "economic", "human_rights", "legal", "cyber"):
        assert onto.is_context(c) and onto.contexts[c]
    assert set(onto.auxiliary) == set(MODALITIES)


def test_quads():
    onto = load_ontology()
    assert onto.quad("ASSAULT") == "material_conflict"
    assert onto.quad("AGREE") == "verbal_cooperation"
    assert onto.type("SANCTION").requires_target is True


def test_unknown_type_raises_config_error():
    with pytest.raises(ConfigError):
        load_ontology().type("FIGHT")


def test_malformed_data_is_rejected():
    with pytest.raises(ConfigError):
        parse_ontology({"types": {"AGREE": {"definition": "x", "quad": "verbal_cooperation", "cameo": "030"}}})
    with pytest.raises(ConfigError):
        parse_ontology([])
