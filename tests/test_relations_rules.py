"""The relations stage's rules one by one, on hand-built input (no parse): the vocabulary file's
model, the pronoun table, and the evidence for an actor's role."""

from __future__ import annotations

import pytest

from sitrep.article import Article, ArticleState, Mention
from sitrep.contract import Actor
from sitrep.datafiles import load_data
from sitrep.errors import ConfigError
from sitrep.stages.relations import RelationContext, RelationsConfig, RelationsStage, build_rules, rules
from sitrep.stages.relations.roles import role_evidence, role_relations
from sitrep.stages.resources import Resources

RULES = rules()


def state_of(text, actors, mentions):
    """A state with hand-made actors and mentions ({surface: actor_id}, first occurrence)."""
    state = ArticleState(article=Article(text=text))
    state.actors = actors
    state.mentions = sorted((Mention(start=text.index(s), end=text.index(s) + len(s), actor_id=aid, text=s)
                             for s, aid in mentions.items()), key=lambda m: m.start)
    return state


MILLER = Actor(id="MILLER", name="Matthew Miller", kind="person", role="State Department spokesman",
               affiliation="USA")
USA = Actor(id="USA", name="United States", kind="state")


def context(state, **config):
    return RelationContext.of(state, RULES, RelationsConfig(**config))


def test_a_role_before_the_name_is_evidence():
    text = "State Department spokesman Matthew Miller said the talks failed."
    state = state_of(text, [MILLER, USA], {"Matthew Miller": "MILLER"})
    m, start, end = role_evidence(context(state), MILLER)
    assert (m.actor_id, text[start:end]) == ("MILLER", "State Department spokesman Matthew Miller")


def test_a_role_after_the_name_is_evidence():
    text = "Matthew Miller, the State Department spokesman, said so."
    state = state_of(text, [MILLER, USA], {"Matthew Miller": "MILLER"})
    _, start, end = role_evidence(context(state), MILLER)
    assert text[start:end] == "Matthew Miller, the State Department spokesman"


def test_titles_between_role_and_name_are_a_setting():
    text = "State Department spokesman Lt. Gen. Matthew Miller said so."
    state = state_of(text, [MILLER, USA], {"Matthew Miller": "MILLER"})
    assert role_evidence(context(state), MILLER) is not None
    assert role_evidence(context(state, role_titles_max=0), MILLER) is None


def test_a_role_before_another_name_is_not_evidence():
    text = "The raid targeted Matthew Miller, State Department spokesman Pat Ryder said."
    ryder = Actor(id="RYDER", name="Pat Ryder", kind="person")
    state = state_of(text, [MILLER, USA, ryder], {"Matthew Miller": "MILLER", "Pat Ryder": "RYDER"})
    assert role_evidence(context(state), MILLER) is None


def test_a_role_with_evidence_is_a_relation():
    text = "State Department spokesman Matthew Miller said the talks failed."
    state = state_of(text, [MILLER, USA], {"Matthew Miller": "MILLER"})
    [f] = role_relations(context(state), [])
    assert (f.type, f.subject.actor_id, f.object.actor_id) == ("spokesperson_of", "MILLER", "USA")


def test_pronouns_and_words_come_from_the_data():
    assert RULES.pronouns["her"] == "he" and RULES.pronouns["its"] == "it"
    assert "become" in RULES.copulas and "never" in RULES.negators and "set" in RULES.particle_only_verbs


def test_an_unknown_relation_type_names_the_field():
    data = load_data("relations.yaml")
    data = {**data, "nouns": {**data["nouns"], "godfather": {"type": "godfather_of", "holder": "object"}}}
    with pytest.raises(ConfigError, match=r"relations\.yaml: .*godfather"):
        build_rules(data)


def test_a_misspelt_key_is_an_error():
    data = load_data("relations.yaml")
    data = {**data, "adjectives": {"allied": {"type": "allied_with", "prep": "with", "revers": True}}}
    with pytest.raises(ConfigError, match=r"adjectives\.allied\.revers"):
        build_rules(data)


def test_relations_settings_contract_and_resources():
    assert RelationsStage(appos_max_gap=1).config.appos_max_gap == 1
    assert set(RelationsStage.needs) >= {"article", "doc", "sentences", "actors", "mentions", "place_mentions",
                                         "dates"}
    assert RelationsStage().use_resources(Resources(relations=RULES)).rules is RULES
