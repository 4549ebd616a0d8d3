"""The knowledge-base loader: validation errors name file, line and field; look-ups; ruler patterns."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.errors import KnowledgeBaseError
from sitrep.kb import build_kb, load_kb, norm
from sitrep.kb.agents import load_agents, load_cues

FIXTURE = str(Path(__file__).parent / "fixtures" / "kb_test.yaml")


@pytest.fixture(scope="module")
def kb():
    return load_kb((FIXTURE,), include_package=False)


def write(tmp_path, text, name="user.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_package_kb_loads():
    kb = load_kb(())
    assert load_kb(()) is kb  # cached once per process
    for e in kb.entries.values():
        assert e.name and e.kind


def test_duplicate_id_names_file_line_field(tmp_path):
    p = write(tmp_path, "- {id: ACME, name: Acme Brigade, kind: armed_group}\n"
                        "- {id: BETA, name: Beta Front, kind: armed_group}\n"
                        "- {id: ACME, name: Acme Front, kind: armed_group}\n")
    with pytest.raises(KnowledgeBaseError) as ei:
        build_kb([(p, False)])
    err = ei.value
    assert err.file == p and err.line == 3 and err.field == "id"
    assert "duplicate id 'ACME'" in str(err) and f"{p}:3" in str(err)


def test_bad_country_code(tmp_path):
    p = write(tmp_path, "- id: ACME\n  name: Acme Brigade\n  kind: armed_group\n  country: XYZ\n")
    with pytest.raises(KnowledgeBaseError) as ei:
        build_kb([(p, False)])
    assert (ei.value.line, ei.value.field) == (4, "country")
    assert "XYZ" in str(ei.value)


@pytest.mark.parametrize("aliases", ["[Acme, '']", "Acme", "[Acme, 12]", "[Acme, '--']"])
def test_broken_alias(tmp_path, aliases):
    p = write(tmp_path, f"- id: ACME\n  name: Acme Brigade\n  kind: armed_group\n  aliases: {aliases}\n")
    with pytest.raises(KnowledgeBaseError) as ei:
        build_kb([(p, False)])
    assert (ei.value.file, ei.value.line, ei.value.field) == (p, 4, "aliases")


def test_unknown_reference_and_bad_fields(tmp_path):
    p = write(tmp_path, "- {id: ACME, name: Acme Brigade, kind: armed_group}\n"
                        "- id: ZED\n  name: Zed Front\n  kind: armed_group\n  predecessors: [NOPE]\n")
    with pytest.raises(KnowledgeBaseError) as ei:
        build_kb([(p, False)])
    assert (ei.value.line, ei.value.field) == (5, "predecessors")


@pytest.mark.parametrize("body,field", [
    ("- {id: ACME, name: Acme, kind: army}\n", "kind"),
    ("- {id: ACME, name: Acme, kind: group, wikidata: '123'}\n", "wikidata"),
    ("- {id: acme, name: Acme, kind: group}\n", "id"),
    ("- {id: ACME, name: Acme, kind: group, colour: red}\n", "colour"),
    ("- {id: ACME, name: Acme, kind: group, affiliation: NOPE}\n", "affiliation"),
])
def test_bad_fields(tmp_path, body, field):
    with pytest.raises(KnowledgeBaseError) as ei:
        build_kb([(write(tmp_path, body), False)])
    assert ei.value.field == field and ei.value.line == 1


def test_bad_date_and_yaml_syntax(tmp_path):
    p = write(tmp_path, "- id: PX\n  name: Pat X\n  kind: person\n  roles:\n    - {role: envoy, since: 'March 2020'}\n")
    with pytest.raises(KnowledgeBaseError) as ei:
        build_kb([(p, False)])
    assert ei.value.field == "roles.since" and ei.value.line == 5
    p = write(tmp_path, "- {id: A, name: [unclosed\n", "syn.yaml")
    with pytest.raises(KnowledgeBaseError) as ei:
        build_kb([(p, False)])
    assert ei.value.file == p and ei.value.line is not None


def test_user_file_extends_existing_entry(tmp_path):
    p = write(tmp_path, "- {id: HTS, aliases: [Tahrir Sham Committee]}\n- {id: NEWG, name: New Group, kind: group}\n")
    kb = build_kb([(FIXTURE, False), (p, True)])
    assert kb.lookup("Tahrir Sham Committee") == "HTS" and kb.lookup("HTS") == "HTS"
    p2 = write(tmp_path, "- {id: HTS, kind: person}\n", "conflict.yaml")
    with pytest.raises(KnowledgeBaseError) as ei:
        build_kb([(FIXTURE, False), (p2, True)])
    assert ei.value.field == "kind"


def test_lookups(kb):
    assert kb.lookup("the US") == "USA" and kb.lookup("U.S.") == "USA"
    assert kb.lookup("us") is None and kb.lookup("is") is None and kb.lookup("IS") == "ISIS"
    assert kb.lookup("Al-Qaeda") == kb.lookup("al Qaida") == "AQ"
    assert kb.lookup("Hay\u2019at Tahrir al-Sham") == "HTS" and kb.lookup("HTS'") == "HTS"
    assert kb.lookup("Iran's") == "IRN" and kb.lookup("Turkiye") == kb.lookup("Türkiye") == "TUR"
    assert kb.demonym("Russian") == "RUS" and kb.demonym("Americans") == "USA"
    assert kb.metonym("the Kremlin") == "RUS" and kb.metonym("Washington") == "USA"
    assert kb.by_wikidata("Q28060447") == "HTS"
    assert kb.predecessors("HTS") == ["NUSRA"] and kb.successors("NUSRA") == ["HTS"]
    assert kb.state_of("STATE_DEPT") == "USA" and kb.state_of("AQ") is None
    assert norm("Hay'at Tahrir al-Sham") == "hayat tahrir al sham"


def test_role_at_date(kb):
    assert kb.get("ASSAD").role_at("2024-06-01")["role"] == "President of Syria"
    assert kb.get("JAKE_SULLIVAN").role_at("2023")["affiliation"] == "USA"


def test_entity_patterns(kb):
    pats = kb.entity_patterns()
    by_text = {p["pattern"]: p for p in pats}
    assert by_text["Jabhat al-Nusra"] == {"label": "ORG", "pattern": "Jabhat al-Nusra", "id": "NUSRA"}
    assert by_text["Syria"]["label"] == "GPE" and by_text["Russian"]["label"] == "NORP"
    assert by_text["Jake Sullivan"]["label"] == "PERSON"
    assert "Assad" not in by_text  # single-word person names are left to coreference


def test_agents_and_cues_load():
    agents = load_agents()
    assert agents.match(["syrian", "rebel"]).sector == "REB"
    assert agents.match(["security", "force"]).sector == "COP"
    assert agents.match(["force"]).sector == "MIL"
    assert agents.match(["regime"]).state
    assert agents.match(["spokesman"]).role and "gen." in agents.ranks
    cues = load_cues()
    assert "in" in cues["place_preps"] and "off" in cues["place_preps"] and "urge" in cues["object_verbs"]


def test_disk_cache_is_keyed_by_content(tmp_path, monkeypatch):
    from sitrep.kb import build_kb_cached

    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    p = write(tmp_path, "- {id: ACME, name: Acme Brigade, kind: armed_group}\n")
    kb1 = build_kb_cached([(p, False)])
    assert list((tmp_path / "cache").glob("kb-*.pkl"))
    kb2 = build_kb_cached([(p, False)])
    assert kb2.lookup("acme brigade") == "ACME" and kb1.lookup("Acme Brigade") == "ACME"
    write(tmp_path, "- {id: ACME, name: Acme Brigade, kind: armed_group, aliases: [The Acme]}\n")
    assert build_kb_cached([(p, False)]).lookup("The Acme") == "ACME"
    write(tmp_path, "- {id: ACME, name: Acme Brigade, kind: armed_group, country: QQQ}\n")
    with pytest.raises(KnowledgeBaseError):
        build_kb_cached([(p, False)])  # a bad file is never served from the cache


def test_kb_files_read_yaml_booleans_as_words(tmp_path):
    from sitrep.kb import load_yaml

    p = tmp_path / "words.yaml"
    p.write_text("- {id: X_NO, name: Norway office, aliases: [NO, On], country: NOR}\n")
    (entry,) = load_yaml(p)
    assert entry["aliases"] == ["NO", "On"]


def test_ruler_wants_a_capitalised_last_word_as_the_name_writes_it():
    from sitrep.kb.ruler import KbRuler
    from sitrep.nlp import _import_model

    nlp = _import_model(None).load(disable=["ner", "parser", "lemmatizer", "attribute_ruler"])
    ruler = KbRuler(nlp)
    ruler.add_patterns([{"label": "ORG", "pattern": "Karvan Today", "id": "KT"},
                        {"label": "GPE", "pattern": "Karvan", "id": "KRV"},
                        {"label": "ORG", "pattern": "islamic movement of karvan", "id": "IMK"}])

    def ents(text):
        return [(e.text, e.ent_id_) for e in ruler(nlp.make_doc(text)).ents]

    assert ents("Karvan Today reported the strike.") == [("Karvan Today", "KT")]
    assert ents("Karvan today warned its neighbours.") == [("Karvan", "KRV")]
    assert ents("the Islamic Movement of Karvan said") == [("Islamic Movement of Karvan", "IMK")]


def test_ruler_reads_names_with_a_possessive_inside():
    from sitrep.kb.ruler import KbRuler
    from sitrep.nlp import _import_model

    nlp = _import_model(None).load(disable=["ner", "parser", "lemmatizer", "attribute_ruler"])
    ruler = KbRuler(nlp)
    ruler.add_patterns([{"label": "ORG", "pattern": "Farmers' Union", "id": "FU"},
                        {"label": "ORG", "pattern": "Valley People's Front", "id": "VPF"},
                        {"label": "ORG", "pattern": "Women's Guard", "id": "WG"},
                        {"label": "GPE", "pattern": "Karvan", "id": "KRV"},
                        {"label": "ORG", "pattern": "Karvan's Border Guard", "id": "KBG"}])

    def ents(text):
        return [(e.text, e.ent_id_) for e in ruler(nlp.make_doc(text)).ents]

    assert ents("The Valley People's Front shelled the town.") == [("Valley People's Front", "VPF")]
    assert ents("Women\u2019s Guard fighters held the pass.") == [("Women\u2019s Guard", "WG")]
    # the possessor is a KB name itself: the state stays an entity of its own
    assert ents("Karvan's Border Guard fired shots.") == [("Karvan", "KRV")]


def test_ruler_name_listed_with_both_casings_matches_both():
    from sitrep.kb.ruler import KbRuler
    from sitrep.nlp import _import_model

    nlp = _import_model(None).load(disable=["ner", "parser", "lemmatizer", "attribute_ruler"])
    ruler = KbRuler(nlp)
    ruler.add_patterns([{"label": "ORG", "pattern": "Karvan News Agency", "id": "KNA"},
                        {"label": "ORG", "pattern": "Karvan news agency", "id": "KNA"},
                        {"label": "ORG", "pattern": "Karvan Today", "id": "KT"}])

    def ents(text):
        return [(e.text, e.ent_id_) for e in ruler(nlp.make_doc(text)).ents]

    assert ents("The Karvan news agency said") == [("Karvan news agency", "KNA")]
    assert ents("Karvan today said") == []
