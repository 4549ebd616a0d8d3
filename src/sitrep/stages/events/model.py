"""What travels between the jobs of the events stage: a :class:`Candidate` (a trigger with its
argument tokens, found in one sentence) and a :class:`RawEvent` (one source/target pair of a
candidate, with its type, mode, modality, date, place and confidence, before the article-level merge).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union

from ...core.article import Mention
from ...core.contract import Span
from .lexicon import Sense

#: the sense of an obligation put on someone ("X said Y must hand over the suspects")
REQUEST = Sense(type="REQUEST")
#: a speaker's verdict on an act ("“This is a heinous crime,” the minister said"): a disapproval
VERDICT = Sense(type="ACCUSE", mode="disapprove")


@dataclass
class Candidate:
    """A trigger found in a sentence and the tokens of its arguments.

    ``kind`` is "verbal" (a verb or predicative adjective: "bombed", "is willing"), "light" (a noun
    carried by a light verb: "carried out strikes") or "nominal" (a bare noun: "the attack on X")."""

    trigger: Any                      # the trigger token
    sense: Sense
    kind: str                         # verbal | light | nominal
    sources: list = field(default_factory=list)   # tokens
    targets: list = field(default_factory=list)   # tokens
    #: how the source was found: "subj", "agent", "poss", "control", "inherit", "passive", "reciprocal"
    #: (the two parties "both sides" stands for: :mod:`.reciprocal`), "restated"
    #: (from the act told before that a definite act noun restates: :func:`~.arguments.restated_act`) or ""
    source_how: str = ""
    light: Any = None                 # the light verb token
    #: the verb's particle or phrasal preposition ("reach *out*", "sit *down*"), for a verbal trigger
    particle: Any = None
    embedded: list = field(default_factory=list)  # the nearest candidate under this frame (a list of one)
    suppressed: bool = False
    #: an obligation put on someone in reported speech ("said Y must ..."): a REQUEST of the speaker
    obligation: bool = False
    #: a speaker's verdict on an act told before ("“This is a crime,” X said"): an ACCUSE of its doer
    verdict: bool = False
    #: its only named victims were people in general, dropped as its target ("19 people were killed
    #: in airstrikes"): it may stand with no party, as it could with them
    generic_victims: bool = False
    #: its own place phrase names a region or a sea it only happened in ("shot dead in the Sagaing
    #: region"): with no party named it stands with none, located there (events.location)
    located: bool = False

    @property
    def heads(self) -> list:
        """The trigger and, for a light-verb noun, its light verb."""
        return [self.trigger] + ([self.light] if self.light is not None else [])


@dataclass
class RawEvent:
    """One event of one sentence: a source/target pair of a candidate, coded."""

    type: str
    mode: Optional[str]
    contexts: list
    source: Optional[Mention]
    target: Optional[Mention]
    negated: bool
    modality: str
    date: Optional[str]
    #: a place id; "~id" marks a weak guess (the only place of the sentence), replaced on merging
    location: Optional[str]
    sentence: Span
    trigger: str
    confidence: float
    cameo: Optional[str]
    lemma: str
    sent_start: int
    #: may stand without a source: an act reported only through its victims (True), only with a
    #: place as its target ("place": "the attack in Douma"), or with no party at all ("unnamed":
    #: "dozens of houses were destroyed")
    victim_ok: Union[bool, str]
    #: every sentence that reports the act (filled when merging)
    evidence: list = field(default_factory=list)
    #: a restatement of an act told before with a new detail ("*The attack* occurred near ..."): an
    #: event of its own sentence, never merged with the act it restates (news GUIDELINES §9)
    restated: bool = False
    #: reported in a headline (which names an act and adds no detail of its own to the body's report)
    headline: bool = False
    #: undated, and may take the day of the first act of its type dated in the lead (dating.date_from_lead)
    lead_dateable: bool = False
    #: the rule-based score (:mod:`.confidence`) once ``confidence`` is calibrated (None: not calibrated, the
    #: confidence is the score); it alone orders reports of an act and an article's events (:func:`rank`)
    score: Optional[float] = None

    @property
    def rank(self) -> float:
        """What chooses among reports and readings: the rule-based score, never the calibrated confidence
        (which may weigh features of the text: ``calibration.keep_lead``)."""
        return self.confidence if self.score is None else self.score
