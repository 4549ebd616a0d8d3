"""The events stage itself: its configuration (every tuning number and switch), its resources (the
ontology and the event lexicon) and one :class:`~.context.ArticleContext` per article."""

from __future__ import annotations

import dataclasses
from typing import Any, cast

from ...core.article import ArticleState
from ...lang.modality import read_cues as read_modality_cues
from ...ontology import Ontology, load_ontology
from ..base import Stage, StageConfig
from .build import sentence_events
from .calibration import CalibrationTable, calibrated, load_calibration
from .context import ArticleContext
from .dating import date_from_lead
from .fallback import ents_fallback
from .french import FrenchCues, french_events, load_french_lexicon, read_french_cues
from .lexicon import Lexicon, load_lexicon
from .merge import finish
from .ranker import ArgRanker, load_model
from .typer import EventTyper


@dataclasses.dataclass(frozen=True)
class EventsConfig(StageConfig):
    """The events stage's settings: the three switches it always had, the confidence weights
    (:mod:`.confidence`) and the reach of the rules."""

    #: when the state has no actor mentions at all, use spaCy's NER (for tests / dev measurement)
    fallback_ner: bool = False
    #: drop events without a source (PLOVER wants an actor), except attacks reported through victims
    require_source: bool = True
    #: drop events less confident than this
    min_confidence: float = 0.0
    # -- confidence (see confidence.py): the start by kind of trigger ...
    #: a verbal pattern ("bombed")
    verbal_confidence: float = 0.7
    #: a noun carried by a light verb ("carried out strikes")
    light_confidence: float = 0.65
    #: a bare noun ("the attack")
    nominal_confidence: float = 0.5
    # ... and what the evidence adds or subtracts
    #: the act has a source
    source_bonus: float = 0.1
    #: a source resolved through the KB or a resolved name
    kb_source_bonus: float = 0.08
    #: the source was inferred from another clause (control, inheritance)
    inferred_source_penalty: float = 0.05
    #: the act has no source
    no_source_penalty: float = 0.2
    #: the act has neither source nor target (an agentless passive whose victims are no actor:
    #: "dozens of houses were destroyed"); on top of no_source_penalty
    no_party_penalty: float = 0.1
    #: the target is a place (weaker evidence than a named actor)
    place_target_bonus: float = 0.02
    #: the target is an actor
    actor_target_bonus: float = 0.05
    #: ... resolved through the KB or a resolved name
    kb_target_bonus: float = 0.03
    #: the trigger's sense was selected by its object ("lift" + sanctions)
    object_sense_bonus: float = 0.03
    #: the act is the main clause of its sentence (or the content of a main speech verb)
    main_clause_bonus: float = 0.04
    #: the act is coordinated with the main clause
    coordinated_clause_bonus: float = 0.02
    #: the act is in a subordinate clause (purpose, relative, adverbial, infinitive)
    subordinate_clause_penalty: float = 0.04
    #: the act is hypothetical
    hypothetical_penalty: float = 0.1
    #: the sentence is a headline (less context than the body)
    headline_penalty: float = 0.05
    #: a source is a guess made without the actors stage (spaCy NER, an agent noun)
    guessed_source_penalty: float = 0.05
    #: the confidence is clamped to [min_event_confidence, max_event_confidence]
    min_event_confidence: float = 0.05
    max_event_confidence: float = 0.99
    #: map the score through the calibration model fitted on the news dev split
    #: (data/event_calibration.yaml, see calibration.py); off: the raw rule-based score
    calibrate: bool = True
    #: consult the statistical event typer (typer.py, thresholds in data/event_typer.yaml) to veto or
    #: re-type rule events it confidently disagrees with; off by default (docs/event-typer.md has the figures)
    typer: bool = False
    #: let the trained argument ranker (ranker.py, weights and margins in data/arg_ranker.yaml) overrule
    #: the rules' source or target where it disagrees by a clear margin (docs/arg-ranker.md has the figures)
    ranker: bool = False
    #: another ranker file of the same shape as data/arg_ranker.yaml (a cross-validation fold's); "": the package's
    ranker_file: str = ""
    # -- reach of the rules
    #: mentions starting this many characters before an argument's noun phrase are not looked at
    mention_reach_chars: int = 200
    #: "X said it ...": how many xcomp/conj links lead from the pronoun's clause to the speech verb
    speaker_hops: int = 3
    #: how many links up a demand may hang under a protest to be the protest's topic
    protest_topic_hops: int = 3
    #: a noun after a "cc" this many tokens before it is coordinated ("the advance and the capture")
    coordination_lookback: int = 3
    #: how many tokens back a coordinated act noun looks for an earlier act's possessor
    coordinated_act_window: int = 15
    #: a trigger text longer than this (characters) is cut to the trigger word
    max_trigger_chars: int = 40
    #: how many tokens after a title in a list ("and Chief of General Staff Valery Gerasimov") its name may start
    title_name_reach: int = 6
    #: how many characters before a date are read for "first ... since"
    first_since_lookback_chars: int = 40
    #: how many sentences back the doer an agentless passive takes from the article may be named
    #: ("the farmers were attacked on Saturday": by whoever did the article's last act of the type,
    #: named this close; :func:`~.arguments.context_doer`)
    context_doer_sentences: int = 3
    #: how many sentences back "both sides" / "the two sides" looks for the last two opposing parties
    #: (:mod:`.reciprocal`)
    reciprocal_reach_sentences: int = 3
    #: how many sentences back an attack with no target of its own looks for the party its source last
    #: fought (:func:`~.reciprocal.adversary`)
    adversary_reach_sentences: int = 3
    #: how many sentences back a plural object pronoun ("soldiers repelled *them*") looks for the party it
    #: stands for (:meth:`~.context.ArticleContext._plural_antecedent`)
    plural_pronoun_sentences: int = 1
    #: how many sentences back "the city" / "the town" looks for the place it stands for
    place_description_sentences: int = 3
    #: how many sentences back a continued statement ("He added that ...") looks for its date
    continued_speech_sentences: int = 3
    #: how many sentences make the article's lead: the day of the first act of a type dated there dates a
    #: later reported past act of that type told with no date of its own (dating.lead_day_date)
    lead_day_sentences: int = 3
    #: an asserted or reported act dated more than this many days before publication is historical
    historical_after_days: int = 90
    #: how far after a bare object the noun it modifies may stand ("launched *air* and artillery *strikes*")
    modifier_conj_reach: int = 3
    #: how many preposition links an act noun is followed up to the verb that may say it is no event
    no_event_hops: int = 3
    #: how many clause links a denial is followed up from the act it denies
    denial_hops: int = 3
    #: the spaCy entity labels of a name that is never a nominal trigger ("Operation Dawn" is a name, not
    #: an act; a DATE: "in *March* 2021" is no march)
    name_entity_labels: tuple[str, ...] = ("GPE", "PERSON", "ORG", "NORP", "LOC", "DATE")
    #: the spaCy entity labels of a modifier that names an instrument's operator ("*Jordanian* jets",
    #: "*Hamas* rockets")
    operator_entity_labels: tuple[str, ...] = ("NORP", "GPE", "ORG", "PERSON")


class EventsStage(Stage):
    """PLOVER events from the dependency parse (see the package docstring)."""

    name = "events"
    #: the article (its text and publication date), the parsed doc, the actors (their kinds and KB
    #: ids) and their mentions, the place mentions and the dates
    needs = ("article", "doc", "actors", "mentions", "place_mentions", "places", "dates")
    assigns = ("events",)
    Config = EventsConfig

    def __init__(self, fallback_ner: bool = False, require_source: bool = True, min_confidence: float = 0.0,
                 **config: Any):
        self.config = self.make_config(fallback_ner=fallback_ner, require_source=require_source,
                                       min_confidence=min_confidence, **config)

    @property
    def fallback_ner(self) -> bool:
        return self.config.fallback_ner

    @property
    def require_source(self) -> bool:
        return self.config.require_source

    @property
    def min_confidence(self) -> float:
        return self.config.min_confidence

    # -- resources ---------------------------------------------------------------------------
    def ontology(self) -> Ontology:
        """The PLOVER ontology (the pipeline's ``ontology`` resource)."""
        return self.resources.get("ontology", load_ontology)

    def calibration(self) -> CalibrationTable:
        """The confidence calibration table (``event_calibration``)."""
        return self.resources.get("event_calibration", load_calibration)

    def lexicon(self) -> Lexicon:
        """The trigger lexicon and cue words, validated against the ontology (``event_lexicon``)."""
        onto = self.ontology()   # outside the loader: resources do not nest
        return self.resources.get("event_lexicon", lambda: load_lexicon(onto))

    def french_lexicon(self) -> Lexicon:
        """The French trigger lexicon (``event_lexicon:fr``), validated against the same ontology."""
        onto = self.ontology()
        return self.resources.get("event_lexicon:fr", lambda: load_french_lexicon(onto))

    def french_cues(self) -> FrenchCues:
        """The French rules' cue words (``event_cues:fr``)."""
        return self.resources.get("event_cues:fr", read_french_cues)

    def typer(self) -> EventTyper:
        """The statistical event typer (``event_typer``), loaded once."""
        return self.resources.get("event_typer", EventTyper)

    def ranker(self) -> ArgRanker:
        """The trained argument ranker (``arg_ranker``), loaded once."""
        path = cast(EventsConfig, self.config).ranker_file
        return self.resources.get("arg_ranker", lambda: ArgRanker(load_model(path)))

    # -- one article ---------------------------------------------------------------------------
    def process(self, state: ArticleState) -> None:
        """``state.events``: every sentence's raw events, filtered and merged across the article."""
        doc = state.doc
        if doc is None:
            state.events = []
            return
        if state.language == "fr":  # a French parse: the French rules (.french)
            lex = self.french_lexicon()
            raw = french_events(state, lex, self.ontology(), self.config, self.french_cues())
            state.events = finish(raw, self.require_source, self.min_confidence, lex.cues)
            return
        lex = self.lexicon()
        mentions = state.mentions
        if not mentions and self.config.fallback_ner:
            mentions = ents_fallback(doc, lex.cues)
        ctx = ArticleContext(state, lex, self.ontology(), mentions, self.config,
                             modality_cues=self.resources.get("modality", read_modality_cues))
        if cast(EventsConfig, self.config).ranker:
            ctx.ranker = self.ranker()
        raw = []
        for sent in doc.sents:
            raw.extend(sentence_events(ctx, sent))
        date_from_lead(ctx, raw)
        if cast(EventsConfig, self.config).typer:
            raw = self.typer().review(raw, self.ontology())
        keep_top = False
        if cast(EventsConfig, self.config).calibrate:
            table = self.calibration()
            for r in raw:
                r.score = r.confidence
                r.confidence = calibrated(r, table)
            keep_top = table.keep_lead
        state.events = finish(raw, self.config.require_source, self.config.min_confidence, lex.cues,
                              keep_top=keep_top)
        if ctx.pub_dated:
            state.warnings.append(
                f"events: {ctx.pub_dated} event date(s) taken from the publication date (present tense or 'today')")
