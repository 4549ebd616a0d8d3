"""What the events stage reads besides the article: its trigger lexicon (``data/event_triggers.yaml``)
and its cue words (``data/event_cues.yaml``), each checked against a pydantic model -- a misspelt key
or a word where a list belongs fails with the file and the field -- and then against the PLOVER
ontology (a type, mode or context the ontology does not know is an error).

The stage obtains the result through its pipeline's resources
(``resources.get("event_lexicon", ...)``); :func:`load_lexicon` reads the files anew on every call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any, Optional

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from ...core.datafiles import load_data
from ...core.datamodels import validate_data
from ...lexicon import fill
from ...core.errors import ConfigError
from ...ontology import Ontology, load_ontology

TRIGGERS_FILE = "event_triggers.yaml"
CUES_FILE = "event_cues.yaml"
#: the "type" of a reading that codes no event ("shares a *border* with", "released a *report*"):
#: a sense with it, once its conditions hold, keeps the trigger from coding anything
NO_EVENT = "NONE"


def _word_set(v: Any) -> frozenset:
    if not isinstance(v, (list, tuple)) or not all(isinstance(w, str) and w for w in v):
        raise ValueError("must be a list of words")
    return frozenset(w.lower() for w in v)


#: a list of words in the file, a lower-cased frozenset in the program
Words = Annotated[frozenset, BeforeValidator(_word_set)]


def _regex(v: Any) -> re.Pattern:
    if not isinstance(v, str):
        raise ValueError("must be a regular expression")
    try:
        return re.compile(v)
    except re.error as e:
        raise ValueError(f"not a regular expression: {e}") from None


#: a regular expression in the file, compiled in the program
Regex = Annotated[re.Pattern, BeforeValidator(_regex)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SenseEntry(_Model):
    """One sense of a trigger (see the comments at the top of ``event_triggers.yaml``)."""

    type: str
    mode: Optional[str] = None
    contexts: Optional[list[str]] = None
    objects: Optional[list[str]] = None
    preps: Optional[list[str]] = None
    frame: bool = False
    cameo: Optional[str] = None
    subject_is_target: bool = False
    subjects: Optional[list[str]] = None
    plural_only: bool = False
    prep_objects: bool = False
    except_preps: Optional[list[str]] = None
    complements: Optional[list[str]] = None
    story_words: Optional[list[str]] = None
    untargeted: bool = False


class Conversion(_Model):
    """``negation_as``: the type (and mode) a negated act becomes."""

    type: str
    mode: Optional[str] = None


class TriggerFile(_Model):
    """``data/event_triggers.yaml``."""

    target_preps: Words
    place_target_preps: Words
    place_nouns: Words
    #: "the city", "the town": the kinds of place (``Place.feature``) a bare description goes back to
    place_descriptions: dict[str, list[str]] = {}
    quantity_words: Words
    light_verbs: Words
    verbs: dict[str, Annotated[list[SenseEntry], Field(min_length=1)]]
    nouns: dict[str, SenseEntry]
    adjectives: dict[str, SenseEntry] = {}
    compounds: dict[str, SenseEntry] = {}
    verb_nouns: dict[str, SenseEntry] = {}
    refusal_aux: Words = frozenset()
    frame_modes: dict[str, dict[str, Optional[str]]] = {}
    negation_as: dict[str, Conversion] = {}
    future_as: dict[str, str] = {}
    future_kept_modes: dict[str, list[str]] = {}
    target_kind_as: dict[str, dict[str, str]] = {}
    ended_as: dict[str, str] = {}
    mode_cues: dict[str, dict[str, list[str]]] = {}
    context_cues: dict[str, list[str]] = {}


class EventCues(_Model):
    """``data/event_cues.yaml``: the words of the argument, type and date rules (see the file's comments
    for what each list decides)."""

    # arguments: who acts
    relative_pronouns: Words
    clause_conjunctions: Words
    object_control_verbs: Words
    passive_control_preps: Words
    subject_control_verbs: Words
    decision_nouns: Words = frozenset()
    speech_verbs: Words
    speaker_pronouns: Words
    group_nouns: Words
    container_nouns: Words
    container_preps: Words
    weapon_nouns: Words
    instrument_nouns: Words = frozenset()
    seized_things: Words = frozenset()
    symmetric_lemmas: Words = frozenset()
    casualty_lemmas: Words = frozenset()
    consequence_deps: Words = frozenset()
    manner_participle_types: Words = frozenset()
    means_verbs: Words = frozenset()
    stated_purpose_types: Words = frozenset()
    detail_preps: Words = frozenset()
    capture_modes: Words = frozenset()
    capture_links: Words = frozenset()
    capture_lemmas: Words = frozenset()
    absolute_preps: Words = frozenset()
    toll_cause_preps: Words = frozenset()
    state_participle_types: Words = frozenset()
    promise_types: Words = frozenset()
    relation_participles: Words = frozenset()
    attribution_participles: Words = frozenset()
    non_act_complements: Words = frozenset()
    non_act_objects: Words = frozenset()
    patient_possessor_nouns: Words = frozenset()
    frame_only_verbs: Words = frozenset()
    effort_verbs: Words = frozenset()
    prohibition_verbs: Words = frozenset()
    doubt_marks: Words = frozenset()
    forced_purpose_types: Words = frozenset()
    press_types: Words = frozenset()
    spoken_types: Words = frozenset()
    failure_verbs: Words = frozenset()
    confirmation_words: Words = frozenset()
    doubt_nouns: Words = frozenset()
    citation_words: Words = frozenset()
    warning_words: Words = frozenset()
    warning_about_preps: Words = frozenset()
    threat_objects: Words = frozenset()
    protester_words: Words = frozenset()
    fallback_agent_nouns: Words
    # arguments: to whom
    object_recipient_preps: Words
    state_recipient_preps: Words
    state_recipient_object_preps: Words
    nominal_target_preps: Words
    of_object_recipient_preps: Words
    nominal_origin_preps: Words
    instrument_preps: Words
    adjective_target_preps: Words
    reversed_source_preps: Words
    complement_extra_preps: Words
    complement_object_preps: Words
    protest_purpose_preps: Words
    means_preps: Words
    subject_control_preps: Words
    person_object_types: Words
    object_owner_types: Words
    force_object_types: Words
    subject_target_frame_types: Words
    victim_types: Words
    crowd_types: Words
    undergone_types: Words
    # triggers
    auxiliary_light_verbs: Words
    adverb_particles: Words
    object_preps: Words
    complement_carrier_verbs: Words = frozenset()
    frame_setting_preps: Words
    time_setting_preps: Words
    asserting_frame_types: Words
    protest_topic_types: Words
    carrier_nouns: Words
    obligation_aux: Words
    obligation_reporting_verbs: Words
    vow_verbs: Words
    attempt_verbs: Words = frozenset()
    aim_preps: Words = frozenset()
    # type, mode and date
    decided_aux: Words
    condition_marks: Words
    threat_condition_marks: Words
    place_preps: Words
    today_words: Words
    first_since: Regex


def _validate(data: Any, model: type, origin: str):
    """``data`` validated against ``model``; an error names ``origin`` and the field."""
    return validate_data(data, model, origin, stage="events")


# --------------------------------------------------------------------------------------------------
# what the rules read


@dataclass(frozen=True)
class Sense:
    """One sense of a trigger: the PLOVER type it codes and the conditions it needs."""

    type: str
    mode: Optional[str] = None
    contexts: tuple = ()
    objects: Optional[frozenset] = None
    preps: Optional[frozenset] = None
    frame: bool = False
    cameo: Optional[str] = None
    subject_is_target: bool = False
    subjects: Optional[frozenset] = None
    plural_only: bool = False
    #: the objects condition may be met by a preposition's object as well ("put X *on alert*")
    prep_objects: bool = False
    #: a verb_nouns sense does not hold when the noun has a phrase with one of these prepositions
    #: ("staged a strike" is a labour strike, "staged strikes *on* Hezbollah positions" an attack)
    except_preps: Optional[frozenset] = None
    #: the sense needs an infinitive complement ("told villagers *to leave*"), of one of these verbs when
    #: not empty ("asked the ambassador *to leave*" is an expulsion); ``None``: no condition
    complements: Optional[frozenset] = None
    #: the sense holds only when one of these common words (lemmas, not names) is in the sentence or an
    #: earlier one of the article: the story it belongs to ("targeted" in a story of sanctions, a missile
    #: "launched" in one of a landing at sea)
    story_words: Optional[frozenset] = None
    #: the sense holds only when the verb names nothing it is aimed at (no ``aim_preps`` phrase, no
    #: "into" a named place): "fired a missile into the sea", not "fired rockets at / into Israel"
    untargeted: bool = False

    @property
    def no_event(self) -> bool:
        """Does this reading code no event (``type: NONE``)?"""
        return self.type == NO_EVENT


@dataclass
class Lexicon:
    """The trigger lexicon and the cue words, validated."""

    verbs: dict
    nouns: dict
    adjectives: dict
    compounds: dict
    light_verbs: frozenset
    target_preps: frozenset
    frame_modes: dict
    negation_as: dict
    future_as: dict
    mode_cues: dict
    context_cues: list
    phrasal_heads: frozenset = frozenset()
    place_target_preps: frozenset = frozenset()
    place_nouns: frozenset = frozenset()
    #: ``{noun: place features}``: "the city" goes back to the last place of those features named
    place_descriptions: dict = field(default_factory=dict)
    quantity_words: frozenset = frozenset()
    #: a noun's sense as the object of one verb ("declared a *ceasefire*": a concession), by "verb noun"
    verb_nouns: dict = field(default_factory=dict)
    #: present auxiliaries that make a negated cooperative act a refusal ("do not accept")
    refusal_aux: frozenset = frozenset()
    #: ``{type: modes}``: an announced act of one of these modes keeps its type ("students will protest")
    future_kept_modes: dict = field(default_factory=dict)
    #: the cue words of ``event_cues.yaml``
    cues: Optional[EventCues] = None
    #: ``{type: {actor kind: type}}``: the type of an act done only to actors of that kind
    target_kind_as: dict = field(default_factory=dict)
    #: ``{type: type}``: what a cooperative act "no longer" done becomes (the end of the cooperation)
    ended_as: dict = field(default_factory=dict)

    @cached_property
    def noun_trigger_lemmas(self) -> frozenset:
        """Every lemma a noun may have for :func:`~.triggers.noun_sense` to give it a sense: a noun of
        ``nouns``, a carrier noun, the last word(s) of a compound or a verb's noun ("air *strike*",
        "declared a *ceasefire*"), the head before "of" of a compound ("*state* of emergency"). A
        noun whose lemma is none of them has none (read once per lexicon; the candidate scan skips
        the other nouns)."""
        keys = list(self.compounds) + list(self.verb_nouns)
        after_space = {k[j + 1:] for k in keys for j, ch in enumerate(k) if ch == " "}
        before_of = {k[:j] for k in self.compounds for j in range(len(k)) if k.startswith(" of ", j)}
        carriers = self.cues.carrier_nouns if self.cues is not None else frozenset()
        return frozenset(self.nouns) | after_space | before_of | frozenset(carriers)

    @property
    def cue_words(self) -> EventCues:
        """``cues``, which every lexicon :func:`parse_lexicon` reads has (a typed error otherwise)."""
        if self.cues is None:
            raise ConfigError(f"the event lexicon has no cue words ({CUES_FILE})", stage="events")
        return self.cues


def _lower_set(words, classes: Optional[EventCues] = None, where: str = "") -> Optional[frozenset]:
    """The words, lower-cased; a word ``@name`` stands for the cue list ``name`` of ``event_cues.yaml``
    (a class of nouns: ``@weapon_nouns``, ``@instrument_nouns``)."""
    if not words:
        return None
    out: set = set()
    for w in words:
        w = str(w).lower()
        if not w.startswith("@"):
            out.add(w)
            continue
        members = getattr(classes, w[1:], None) if classes is not None else None
        if not isinstance(members, frozenset):
            raise ConfigError(f"{TRIGGERS_FILE}: {where}: {w!r} names no word list of {CUES_FILE}")
        out |= members
    return frozenset(out)


def _sense(raw: SenseEntry, where: str, onto: Ontology, classes: Optional[EventCues] = None) -> Sense:
    """A validated sense: its type, mode and contexts must be the ontology's; its word lists may name
    cue lists (``@name``, see :func:`_lower_set`)."""
    t = raw.type
    if t == NO_EVENT:
        return Sense(type=t, objects=_lower_set(raw.objects, classes, where),
                     subjects=_lower_set(raw.subjects, classes, where))
    if not onto.is_type(t):
        raise ConfigError(f"{TRIGGERS_FILE}: {where}: unknown PLOVER type {t!r}")
    if raw.mode is not None and not onto.is_mode(t, raw.mode):
        raise ConfigError(f"{TRIGGERS_FILE}: {where}: {raw.mode!r} is not a mode of {t}")
    ctx = tuple(raw.contexts or ())
    for c in ctx:
        if not onto.is_context(c):
            raise ConfigError(f"{TRIGGERS_FILE}: {where}: unknown context {c!r}")
    return Sense(type=t, mode=raw.mode, contexts=ctx, objects=_lower_set(raw.objects, classes, where),
                 preps=_lower_set(raw.preps), frame=raw.frame, cameo=raw.cameo or None,
                 subject_is_target=raw.subject_is_target, subjects=_lower_set(raw.subjects, classes, where),
                 plural_only=raw.plural_only, prep_objects=raw.prep_objects,
                 except_preps=_lower_set(raw.except_preps),
                 complements=None if raw.complements is None else frozenset(w.lower() for w in raw.complements),
                 story_words=_lower_set(raw.story_words), untargeted=raw.untargeted)


def _senses(entries: dict, kind: str, onto: Ontology) -> dict:
    """``{lemma: Sense}`` of the nouns, compounds or adjectives."""
    return {k.lower(): _sense(v, f"{kind} {k}", onto) for k, v in entries.items()}


def _check_conversions(f: TriggerFile, onto: Ontology) -> None:
    """``frame_modes``, ``negation_as`` and ``future_as`` name the ontology's types and modes."""
    for t, m in f.frame_modes.items():
        for sub, mode in m.items():
            if mode is not None and not onto.is_mode(t, mode):
                raise ConfigError(f"{TRIGGERS_FILE}: frame_modes {t}/{sub}: {mode!r} is not a mode of {t}")
    for t, conv in f.negation_as.items():
        if not onto.is_type(t) or not onto.is_type(conv.type) or not onto.is_mode(conv.type, conv.mode):
            raise ConfigError(f"{TRIGGERS_FILE}: negation_as {t}: bad conversion {conv.model_dump()}")
    for t, new in f.ended_as.items():
        if not onto.is_type(t) or not onto.is_type(new):
            raise ConfigError(f"{TRIGGERS_FILE}: ended_as {t}: bad conversion {new}")
    for t, kinds in f.target_kind_as.items():
        if not onto.is_type(t) or not all(onto.is_type(new) for new in kinds.values()):
            raise ConfigError(f"{TRIGGERS_FILE}: target_kind_as {t}: bad conversion {kinds}")
    for t, new in f.future_as.items():
        if not onto.is_type(t) or not onto.is_type(new):
            raise ConfigError(f"{TRIGGERS_FILE}: future_as {t}: bad conversion {new}")
    for t, modes in f.future_kept_modes.items():
        if not all(onto.is_mode(t, m) for m in modes):
            raise ConfigError(f"{TRIGGERS_FILE}: future_kept_modes {t}: {modes} are not all modes of {t}")


def _mode_cues(f: TriggerFile, onto: Ontology) -> dict:
    """``{type: [(mode, words)]}`` in the file's order (the first mode whose word is seen wins)."""
    out = {}
    for t, modes in f.mode_cues.items():
        out[t] = []
        for mode, words in modes.items():
            if not onto.is_mode(t, mode):
                raise ConfigError(f"{TRIGGERS_FILE}: mode_cues {t}: {mode!r} is not a mode of {t}")
            out[t].append((mode, frozenset(str(w).lower() for w in words)))
    return out


def _context_cues(f: TriggerFile, onto: Ontology) -> list:
    """``[(context, words)]`` in the file's order."""
    out = []
    for ctx, words in f.context_cues.items():
        if not onto.is_context(ctx):
            raise ConfigError(f"{TRIGGERS_FILE}: context_cues: unknown context {ctx!r}")
        out.append((ctx, frozenset(str(w).lower() for w in words)))
    return out


def parse_cues(data: Any) -> EventCues:
    """The cue words of a parsed ``event_cues.yaml``, validated."""
    return _validate(data, EventCues, f"sitrep/data/{CUES_FILE}")


def read_cues() -> EventCues:
    """The package's ``event_cues.yaml``, validated."""
    return parse_cues(fill(load_data(CUES_FILE), {"speech_verbs": ("speech_verbs", "events"),
                                                  "place_preps": ("place_prepositions", "events_place")}))


def parse_lexicon(data: Any, cues: Optional[EventCues] = None, onto: Optional[Ontology] = None) -> Lexicon:
    """The lexicon of a parsed ``event_triggers.yaml`` (with ``cues``, by default the package's),
    validated against its model and the ontology (by default the package's)."""
    onto = onto or load_ontology()
    f = _validate(data, TriggerFile, f"sitrep/data/{TRIGGERS_FILE}")
    cues = cues if cues is not None else read_cues()
    verbs = {k.lower(): tuple(_sense(s, f"verb {k}", onto, cues) for s in senses) for k, senses in f.verbs.items()}
    _check_conversions(f, onto)
    phrasal_heads = frozenset(k.split()[0] for k in list(verbs) + list(f.light_verbs) if " " in k)
    return Lexicon(verbs=verbs, nouns=_senses(f.nouns, "noun", onto), adjectives=_senses(f.adjectives, "adjective", onto),
                   compounds=_senses(f.compounds, "compound", onto),
                   verb_nouns=_senses(f.verb_nouns, "verb_noun", onto), refusal_aux=f.refusal_aux,
                   light_verbs=f.light_verbs,
                   target_preps=f.target_preps, frame_modes=f.frame_modes,
                   negation_as={t: c.model_dump() for t, c in f.negation_as.items()}, future_as=f.future_as,
                   future_kept_modes={t: frozenset(m) for t, m in f.future_kept_modes.items()},
                   mode_cues=_mode_cues(f, onto), context_cues=_context_cues(f, onto), phrasal_heads=phrasal_heads,
                   place_target_preps=f.place_target_preps, place_nouns=f.place_nouns,
                   place_descriptions={k.lower(): frozenset(v) for k, v in f.place_descriptions.items()},
                   quantity_words=f.quantity_words, cues=cues,
                   target_kind_as=f.target_kind_as, ended_as=f.ended_as)


def load_lexicon(onto: Optional[Ontology] = None) -> Lexicon:
    """The package's trigger lexicon and cue words, validated against the ontology (read anew: the
    stage keeps them in its pipeline's resources as ``event_lexicon``)."""
    return parse_lexicon(load_data(TRIGGERS_FILE), onto=onto)
