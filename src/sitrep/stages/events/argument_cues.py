"""The cue words of the argument rules added for real news (``data/argument_cues.yaml``), checked
against a pydantic model like ``event_cues.yaml`` (a misspelt key fails with the file and the field)
and read once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ...core.datafiles import load_data
from ...core.datamodels import DataModel, validate_data
from ...kb.agents import load_agents
from .lexicon import Words

ARGUMENT_CUES_FILE = "argument_cues.yaml"
ENTITIES_FILE = "described_entities.yaml"


class ArgumentCues(DataModel):
    """``data/argument_cues.yaml`` (see the file's comments for what each list decides)."""

    targeting_participles: Words
    targeting_preps: Words
    person_instrument_modifiers: Words
    document_nouns: Words = frozenset()
    issuing_verbs: Words = frozenset()
    reciprocal_words: Words
    undergo_verbs: Words
    undergo_preps: Words
    undergo_source_preps: Words
    reaction_verbs: Words = frozenset()
    reaction_types: Words = frozenset()
    undergo_state_source_preps: Words = frozenset()
    from_doer_types: Words
    from_doer_preps: Words
    of_doer_types: Words
    attributable_types: Words
    blame_verbs: Words
    claim_verbs: Words
    claim_objects: Words
    behind_preps: Words
    casualty_clause_marks: Words
    titled_heads: Words
    collective_heads: Words
    crowd_nouns: Words
    taking_verbs: Words
    taking_preps: Words
    media_target_types: Words
    placeless_types: Words
    locative_preps: Words = frozenset()
    locative_target_features: Words = frozenset()
    point_act_types: Words = frozenset()
    owner_hows: Words = frozenset()
    adversary_types: Words = frozenset()
    adversary_kinds: Words = frozenset()
    person_pronouns: Words
    nonperson_pronouns: Words
    first_person_pronouns: Words = frozenset()
    self_moving_types: Words
    protest_force_types: Words
    protest_force_nouns: Words
    act_anaphor_dets: Words
    act_anaphor_types: Words
    within_act_preps: Words
    leading_participles: Words
    restated_act_deps: Words
    act_reference_nouns: Words
    occurrence_verbs: Words
    context_doer_types: Words
    context_doer_excluded_kinds: Words
    definite_dets: Words
    verdict_nouns: Words
    verdict_adjectives: Words
    verdict_subjects: Words
    verdict_act_types: Words
    naming_verbs: Words = frozenset()
    blame_adjectives: Words
    announced_passive_types: Words
    repel_verbs: Words
    opposed_prefixes: Words
    place_hit_modes: Words
    generic_person_nouns: Words
    of_patient_types: Words
    naming_participles: Words
    member_list_words: Words
    grievance_types: Words
    grievance_preps: Words
    own_force_nouns: Words
    landing_preps: Words
    response_adverbs: Words
    response_types: Words
    response_verbs: Words = frozenset()
    inner_recipient_preps: Words
    thing_target_types: Words
    imputed_types: Words
    imputing_types: Words
    envoy_heads: Words
    joint_adverbs: Words = frozenset()
    joint_act_types: Words = frozenset()
    reciprocal_party_nouns: Words = frozenset()
    reciprocal_party_words: Words = frozenset()
    reciprocal_party_kinds: Words = frozenset()
    protest_owner_preps: Words = frozenset()
    act_judging_types: Words = frozenset()
    plural_object_pronouns: Words = frozenset()
    aim_target_types: Words = frozenset()
    doer_reference_nouns: Words = frozenset()


def parse_argument_cues(data: Any) -> ArgumentCues:
    """The argument cues of a parsed ``argument_cues.yaml``, validated."""
    return validate_data(data, ArgumentCues, f"sitrep/data/{ARGUMENT_CUES_FILE}", stage="events")


@lru_cache(maxsize=1)
def owned_heads() -> frozenset:
    """The nouns of things and people a party may own or be named in front of ("a Palestinian *town*",
    "an American *ship*", "Iranian *officials*"): the heads of the described entities
    (``data/described_entities.yaml``) and of the KB's generic agents (``kb/data/agents.yaml``), lower-cased
    -- not an act, a plan or a request ("a U.S. *request*" stands for the United States)."""
    classes = load_data(ENTITIES_FILE).get("classes", {})
    things = {h.split()[-1].lower() for c in classes.values() for h in c.get("heads", [])}
    return frozenset(things | set(load_agents().by_head))


@lru_cache(maxsize=1)
def argument_cues() -> ArgumentCues:
    """The package's ``argument_cues.yaml``, validated (read once per process)."""
    return parse_argument_cues(load_data(ARGUMENT_CUES_FILE))
