"""The actors stage's declared configuration: every tuning number and switch, with its default."""

from __future__ import annotations

import dataclasses

from ...lang.coref import PronounWeights
from ..base import StageConfig

_PW = PronounWeights


@dataclasses.dataclass(frozen=True)
class ActorsConfig(StageConfig):
    #: the user's knowledge-base files (empty: the pipeline's ``Resources.kb_paths``)
    kb_paths: tuple[str, ...] = ()
    #: load the package's own KB files under the user's
    kb_package: bool = True
    #: match near-spellings of KB names with rapidfuzz ("Hayat Tahrir al-Shams")
    fuzzy: bool = True
    #: names shorter than this (normalised, in characters) are never fuzzy-matched nor indexed for it
    fuzzy_min_chars: int = 6
    #: the lowest rapidfuzz ratio (0-100) that counts as a near-spelling
    fuzzy_score_cutoff: int = 90
    #: a PERSON name is fuzzy-matched to a KB person only from this many characters
    fuzzy_person_min_chars: int = 8
    #: a one-word unknown PERSON/ORG naming a town of this many people (or a region) is a place;
    #: also the size a town in front of an agent ("Aleppo militants") must have when NER saw no place
    big_place_population: int = 100_000
    #: towns smaller than this are ignored when a place name gives an agent's country
    place_min_population: int = 1000
    #: "<name>, the US national security advisor": how far (tokens) after the comma a title may end
    title_lookahead: int = 8
    #: "Jake Sullivan, the US national security advisor": the longest appositive title read (tokens)
    appositive_max_tokens: int = 8
    #: how many words in front of an agent noun are read for its modifiers ("national security forces")
    agent_modifier_window: int = 3
    #: a line is a Title-Case headline ("Gunmen Kill 12 In Attack On Market": its common nouns read by
    #: their lower-cased form) when at least this share of its words of four letters or more is capitalised
    headline_case_share: float = 0.8
    #: a bare "the rebels" goes to the article's armed group named at least this often ...
    dominant_min_mentions: int = 2
    #: ... and this many times as often as the next armed group
    dominant_lead_ratio: float = 1.5
    #: a bare "police", "the army" takes the story's state (:func:`.agents.story_state`): the state its
    #: names, demonyms, metonyms and qualified agents name at least this often ...
    focus_min_mentions: int = 2
    #: ... and this many times as often as the next state
    focus_lead_ratio: float = 1.5
    #: an all-capitals mention ("HTS") of at most this many characters is an acronym of its KB entry
    acronym_max_chars: int = 6
    #: "Long Name (ACR)": the longest acronym (characters) an article may define
    defined_acronym_max_chars: int = 10
    #: pronoun resolution: weight of an antecedent that is a subject / possessor / object / other
    pronoun_subject_weight: float = _PW.subject_weight
    pronoun_possessor_weight: float = _PW.possessor_weight
    pronoun_object_weight: float = _PW.object_weight
    pronoun_other_weight: float = _PW.other_weight
    #: pronoun resolution: score lost per sentence and per token between pronoun and antecedent
    pronoun_sentence_penalty: float = _PW.sentence_penalty
    pronoun_token_penalty: float = _PW.token_penalty
    #: pronoun resolution: score gained per earlier naming of the antecedent, counted up to a cap
    pronoun_salience_bonus: float = _PW.salience_bonus
    pronoun_salience_cap: int = _PW.salience_cap
    #: pronoun resolution: bonus for the antecedent of the previous pronoun of the same kind
    pronoun_continuity_bonus: float = _PW.continuity_bonus
    #: pronoun resolution: bonus for a reflexive's own subject, and for the teller of a reported clause
    pronoun_reflexive_bonus: float = _PW.reflexive_bonus
    pronoun_teller_bonus: float = _PW.teller_bonus
    #: pronoun resolution: how many sentences back "he"/"she" and "it"/"the group" may look
    pronoun_person_max_sentences: int = _PW.person_max_sentences
    pronoun_thing_max_sentences: int = _PW.thing_max_sentences
    #: how many sentences back a definite description ("the 27-nation bloc", "the kingdom") may look
    pronoun_description_max_sentences: int = _PW.description_max_sentences
    #: bonus for a description's antecedent the text called by the description's noun ("ECOWAS regional bloc")
    pronoun_description_match_bonus: float = _PW.description_match_bonus

    def pronoun_weights(self) -> PronounWeights:
        """The pronoun-scoring settings as :class:`sitrep.lang.coref.PronounWeights`."""
        return PronounWeights(**{f.name: getattr(self, "pronoun_" + f.name)
                                 for f in dataclasses.fields(PronounWeights)})
