"""Single rules of the actors stage, each on a hand-built builder, a blank spaCy doc or one parsed
sentence -- without running the stage (the stage as a whole is tested in test_actors.py)."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest
import spacy

from actors_support import FIXTURE, support_nlp
from sitrep.article import Article, ArticleState
from sitrep.lang.coref import PronounWeights, is_expletive_it
from sitrep.errors import KnowledgeBaseError
from sitrep.kb import load_kb
from sitrep.kb.agents import load_agents, load_cues
from sitrep.pipeline import Pipeline
from sitrep.stages.actors import ActorsConfig, ActorsStage, frames, kb_match, metonyms, persons
from sitrep.stages.actors import agents as agent_rules
from sitrep.stages.actors.builder import Builder
from sitrep.stages.actors.data import ActorData, fuzzy_index, role_heads
from sitrep.stages.actors.kinds import infer_kind
from sitrep.stages.actors.model import ActorRecord, MentionRecord
from sitrep.stages.actors.trim import split_at_parentheses, trim
from sitrep.stages.resources import Resources


@pytest.fixture(scope="module")
def cues():
    return load_cues()


@pytest.fixture(scope="module")
def agents():
    return load_agents()


@pytest.fixture(scope="module")
def kb():
    return load_kb((FIXTURE,), include_package=False)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _no_gazetteer():
    raise AssertionError("this rule must not need the gazetteer")


def builder(text: str, kb, cues, agents, **config) -> Builder:
    """A builder over one parsed sentence, before any rule has run."""
    state = ArticleState(article=Article(text=text, published="2024-06-01"))
    state.doc = support_nlp()(state.text)
    data = ActorData(kb=kb, agents=agents, cues=cues, role_heads=role_heads(agents), fuzzy=fuzzy_index(kb, 6),
                     gazetteer=_no_gazetteer)
    return Builder(state, data, ActorsConfig(**config))


# -- data ------------------------------------------------------------------------------------------
def test_cue_lists_are_validated_naming_the_field(tmp_path):
    good = (load_cues.__globals__["CUES_FILE"]).read_text(encoding="utf-8")
    p = tmp_path / "cues.yaml"
    p.write_text(good.replace("agent_joiners:", "agent_joiner:"), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        load_cues(str(p))
    assert err.value.field in ("agent_joiner", "agent_joiners")
    p.write_text(good.replace("leader_words: [led]", "leader_words: led"), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        load_cues(str(p))
    assert err.value.field == "leader_words" and err.value.line > 1
    p.write_text(good.replace("sector_names: {GOV: government,", "sector_names: {GOV: [government],"),
                 encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="sector"):
        load_cues(str(p))


def test_cue_words_are_lower_case_sets(cues):
    assert "'" in cues.trim_left and "the" in cues.trim_left
    assert "backed" in cues.agent_joiners and cues["place_preps"] is cues.place_preps
    assert cues.sector_names["MIL"] == "military"
    assert {"brigades", "news", "group", "party"} <= cues.organisation_words


# -- spans -----------------------------------------------------------------------------------------
def test_trim_drops_articles_quotes_and_possessives(blank, cues):
    doc = blank("the Pentagon's")
    assert trim(doc, 0, len(doc), cues.trim_left) == (1, 2)
    doc = blank("\u201cHamas")
    assert trim(doc, 0, len(doc), cues.trim_left) == (1, 2)
    doc = blank("U.S.")
    assert trim(doc, 0, len(doc), cues.trim_left) == (0, len(doc))  # a final "." stays


def test_split_at_parentheses(blank):
    doc = blank("Hayat Tahrir al-Sham (HTS)")
    parts = [doc[a:b].text for a, b in split_at_parentheses(doc, 0, len(doc))]
    assert parts == ["Hayat Tahrir al-Sham", "HTS", ""]


def test_defined_acronyms_fit_the_initials():
    assert kb_match.initials_fit("FSL", "Free Syrian Legion")
    assert kb_match.initials_fit("HTS", "Hayat Tahrir al-Sham")
    assert not kb_match.initials_fit("PKK", "Free Syrian Legion")
    assert kb_match.acronym_pattern(10).match("M23") and not kb_match.acronym_pattern(10).match("Hts")
    assert not kb_match.acronym_pattern(3).match("ABCD")


# -- kinds and frames ------------------------------------------------------------------------------
@pytest.mark.parametrize("name, label, kind", [
    ("Northern Valley Brigades", "ORG", "armed_group"),
    ("Tawasul News Agency", "ORG", "media"),
    ("Hollow Creek Foundation", "ORG", "organization"),
    ("United Nations Relief Fund", "ORG", "igo"),
    ("Ilona Berg", "PERSON", "person"),
    ("Alawites", "NORP", "group"),
])
def test_kind_of_an_unknown_name(cues, name, label, kind):
    assert infer_kind(SimpleNamespace(cues=cues), name, label) == kind


def test_demonym_shape_and_headline_fragments(blank, cues):
    assert frames.has_demonym_shape("kurdish", cues.demonym_endings)
    assert not frames.has_demonym_shape("idlib", cues.demonym_endings)
    assert frames.is_headline_fragment(blank("Avoid 'Miscalculations'"))


def test_big_place_reads_the_given_gazetteer(cues):
    gaz = SimpleNamespace(lookup=lambda name: (1,) if name == "Aleppo" else (2,) if name == "Hamlet" else (),
                          population=lambda i: {1: 2_000_000, 2: 300}[i], kind=lambda i: "city")
    b = SimpleNamespace(data=SimpleNamespace(gazetteer=lambda: gaz), config=ActorsConfig())
    assert frames.big_place(b, "Aleppo") and not frames.big_place(b, "Hamlet")
    b.config = ActorsConfig(big_place_population=100)
    assert frames.big_place(b, "Hamlet")


def test_unknown_name_in_a_place_frame(kb, cues, agents):
    b = builder("They took the town of Tal Rifaat on Sunday.", kb, cues, agents)
    span = next(e for e in b.doc.ents if "Rifaat" in e.text)
    assert frames.in_place_frame(b, span)
    b = builder("Fighters of the Northern Valley Brigades shelled the base.", kb, cues, agents)
    span = next(e for e in b.doc.ents if "Brigades" in e.text)
    assert not frames.in_place_frame(b, span)


# -- metonymy --------------------------------------------------------------------------------------
def _stub(cues, agents):
    return SimpleNamespace(cues=cues, agents=agents, data=SimpleNamespace(role_heads=role_heads(agents)))


@pytest.mark.parametrize("lemma, building, acts", [
    ("say", False, True), ("fall", False, False), ("be", False, False), ("be", True, True)])
def test_metonym_as_subject(cues, agents, lemma, building, acts):
    assert metonyms.as_subject(_stub(cues, agents), SimpleNamespace(lemma_=lemma), building) is acts


@pytest.mark.parametrize("noun, acts", [("position", True), ("street", False), ("mayor", False)])
def test_metonym_as_possessor(cues, agents, noun, acts):
    assert metonyms.as_possessor(_stub(cues, agents), SimpleNamespace(lemma_=noun), False) is acts


@pytest.mark.parametrize("prep, governor, acts", [
    ("in", "fight", False),       # "fighting in Moscow"
    ("by", "condemn", True),      # "condemned by Washington"
    ("to", "reach", True),        # "reach out to Moscow"
    ("with", "talk", True),       # "talks with Tehran"
    ("to", "travel", False),      # "travelled to Moscow"
    ("of", "envoy", True),        # "the envoy of Moscow"
    ("of", "outskirt", False),    # "the outskirts of Moscow"
])
def test_metonym_as_object_of_a_preposition(cues, agents, prep, governor, acts):
    head = SimpleNamespace(lower_=prep, dep_="prep", head=SimpleNamespace(lemma_=governor))
    assert metonyms.as_prep_object(_stub(cues, agents), head, False) is acts


def test_dateline_is_where_the_story_was_filed(blank):
    doc = blank("MOSCOW (Reuters) - Heavy snow. Moscow said no.")
    b = SimpleNamespace(doc=doc)
    assert metonyms.is_dateline(b, doc[0:1])
    assert not metonyms.is_dateline(b, doc[8:9])


# -- persons ---------------------------------------------------------------------------------------
def test_a_name_before_a_title_is_followed_by_it(kb, cues, agents):
    text = "Marcus Hale, the British defence secretary, met officials."
    assert persons.followed_by_title(builder(text, kb, cues, agents), 2)
    assert not persons.followed_by_title(builder(text, kb, cues, agents, title_lookahead=3), 2)


def test_role_from_title_tokens(kb, cues, agents):
    b = builder("Opposition leader Dana Kovacs spoke.", kb, cues, agents)
    assert persons.role_from_tokens(b, [0, 1]) == ("Opposition leader", None, "OPP")
    b = builder("Gen. Hale spoke.", kb, cues, agents)
    ranks = [t.i for t in b.doc if t.lower_ in agents.ranks]
    assert ranks and persons.role_from_tokens(b, ranks) == (None, None, "MIL")  # ranks alone: a sector


def test_kb_role_at_publication(kb):
    a = ActorRecord(key="JAKE_SULLIVAN", name="Jake Sullivan", kind="person", kb_id="JAKE_SULLIVAN")
    b = SimpleNamespace(kb=kb, published="2023-05-01", actors={a.key: a})
    persons.kb_role(b, a)
    assert a.role == "National Security Advisor" and a.affiliation == "USA" and a.country == "USA"


# -- agents ----------------------------------------------------------------------------------------
def test_country_sector_actor(kb, cues):
    b = SimpleNamespace(kb=kb, cues=cues, actors={})
    assert agent_rules.country_sector_actor(b, "SYR", "MIL", "troops", kind=None) == "SYR_MIL"
    a = b.actors["SYR_MIL"]
    assert (a.name, a.kind, a.affiliation) == ("Syria military", "organization", "SYR")
    agent_rules.country_sector_actor(b, "SYR", "REB", "rebel", kind=None)
    assert b.actors["SYR_REB"].kind == "armed_group" and b.actors["SYR_REB"].affiliation is None


def test_agent_key_prefers_group_then_state(kb, cues, agents):
    b = SimpleNamespace(kb=kb, cues=cues, actors={}, add_actor_kb=lambda eid: eid)
    regime, troops = agents.match(["regime"]), agents.match(["troop"])
    assert agent_rules.agent_key(b, troops, "SYR", "HTS", False) == ("HTS", "agent")
    assert agent_rules.agent_key(b, regime, "SYR", None, True) == ("SYR", "demonym")
    assert agent_rules.agent_key(b, troops, "SYR", None, False) == ("SYR_MIL", "agent")
    assert agent_rules.agent_key(b, troops, None, None, False) == (None, "agent")


def _ment(key, start, how="name"):
    return MentionRecord(start=start, end=start + 3, key=key, how=how, ts=start, te=start + 1, head=start)


def test_dominant_armed_group_needs_a_clear_lead():
    actors = {k: ActorRecord(k, k, kind="armed_group") for k in ("HTS", "SNA")}
    b = SimpleNamespace(actors=actors, config=ActorsConfig(),
                        ments=[_ment("HTS", 0), _ment("HTS", 10), _ment("HTS", 20), _ment("SNA", 30)])
    assert agent_rules.dominant_actors(b) == {"armed_group": "HTS"}
    b.ments += [_ment("HTS", 40), _ment("SNA", 50), _ment("SNA", 60)]  # 4 against 3: not 1.5 times as often
    assert agent_rules.dominant_actors(b) == {}
    b.config = ActorsConfig(dominant_lead_ratio=1.2)
    assert agent_rules.dominant_actors(b) == {"armed_group": "HTS"}


def test_agent_at_reads_its_modifiers(kb, cues, agents):
    b = builder("Security forces fired tear gas.", kb, cues, agents)
    assert agent_rules.agent_at(b, b.doc[1]).sector == "COP"
    b = builder("Security forces fired tear gas.", kb, cues, agents, agent_modifier_window=0)
    assert agent_rules.agent_at(b, b.doc[1]).sector == "MIL"


# -- coreference settings --------------------------------------------------------------------------
def test_expletive_verbs_come_from_the_cues(cues):
    doc = support_nlp()("It seems the talks failed.")
    assert is_expletive_it(doc[0], cues.expletive_verbs)
    assert not is_expletive_it(doc[0])


def test_pronoun_weights_are_stage_settings():
    assert ActorsConfig().pronoun_weights() == PronounWeights()
    w = ActorsStage(pronoun_teller_bonus=0.5).config.pronoun_weights()
    assert w.teller_bonus == 0.5 and w.role("subj") == 2.0 and w.role("nmod") == 0.3
    assert {f.name for f in dataclasses.fields(ActorsConfig)} >= {"kb_paths", "kb_package", "fuzzy"}


# -- resources -------------------------------------------------------------------------------------
def test_stage_shares_the_pipelines_kb_and_honours_its_own_files(kb):
    pipe = Pipeline(kb_paths=[FIXTURE])
    stage = next(s for s in pipe.stages if s.name == "actors")
    assert stage.kb_paths == (FIXTURE,) and stage._kb_name() == ("kb", (FIXTURE,))
    own = ActorsStage(kb_paths=[FIXTURE], kb_package=False).use_resources(Resources())
    assert own._kb_name()[0] != "kb"
    given = ActorsStage().use_resources(Resources(kb=kb))
    assert given.data().kb is kb and given.data().fuzzy["h"]
