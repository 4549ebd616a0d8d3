"""Negation and modality of a predicate, read off the dependency parse.

Given the token that carries an act (a verb, or a noun such as "attack"), :func:`analyze` says whether
the act is negated and whether it is asserted, reported (someone said so), future (will, plans to),
hypothetical (if, could) or historical (previously, years ago). A planned act is future whether a verb
states it ("were to meet", "is set to", "is due to") or a noun ("talks scheduled for Monday", "is set
to appear at the summit", "the upcoming talks"). The cue words live in
``sitrep/data/modality.yaml`` (checked against :class:`ModalityFile`); a caller passes its own
(``cues=``) or the process-wide ones are used.

    >>> from sitrep.nlp import load_pipeline
    >>> doc = load_pipeline()("Officials said the army would not withdraw.")
    >>> analyze(doc[5]).negated, analyze(doc[5]).modality          # doctest: +SKIP
    (True, 'future')

Dates are not read here: the caller knows the resolved dates and makes an act ``historical`` when its
date lies more than about three months before publication (:func:`sitrep.stages.events.dating.historical`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional


from ..core.datafiles import load_data
from ..lexicon import fill
from ..core.datamodels import DataModel, validate_data

MODALITIES = ("asserted", "reported", "future", "hypothetical", "historical")
_CLAUSAL = {"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "csubj", "parataxis"}
#: the links through which an act hangs under the clauses that govern it
_GOVERNING = _CLAUSAL | {"pobj", "prep", "dobj", "nsubj", "nsubjpass", "appos", "compound"}


class ModalityFile(DataModel):
    """``data/modality.yaml`` (see the comments in the file): lists of lemmas, lower case."""

    negators: list[str]
    negating_nouns: list[str]
    denial_verbs: list[str]
    future_aux: list[str]
    future_governors: list[str]
    future_copulas: list[str]
    purpose_subjects: list[str]
    planned_participles: list[str]
    future_modifiers: list[str]
    noun_subject_governors: list[str]
    planned_preps: list[str]
    attendance_verbs: list[str]
    future_words: list[str]
    hypothetical_aux: list[str]
    future_in_past_aux: list[str]
    hypothetical_marks: list[str]
    hypothetical_governors: list[str]
    speech_verbs: list[str]
    thought_verbs: list[str]
    report_phrases: list[str]
    historical_words: list[str]
    historical_phrases: list[str]


_REQUIRED = tuple(ModalityFile.model_fields)


@dataclass(frozen=True)
class Cues:
    negators: frozenset
    negating_nouns: frozenset
    denial_verbs: frozenset
    future_aux: frozenset
    future_governors: frozenset
    future_copulas: frozenset
    purpose_subjects: frozenset
    planned_participles: frozenset
    future_modifiers: frozenset
    noun_subject_governors: frozenset
    planned_preps: frozenset
    attendance_verbs: frozenset
    future_words: frozenset
    hypothetical_aux: frozenset
    future_in_past_aux: frozenset
    hypothetical_marks: frozenset
    hypothetical_governors: frozenset
    speech_verbs: frozenset
    thought_verbs: frozenset
    report_phrases: tuple
    historical_words: frozenset
    historical_phrases: frozenset

    @property
    def reporting_verbs(self) -> frozenset:
        """The verbs under which an act is reported: speech and thought."""
        return self.speech_verbs | self.thought_verbs


def read_cues() -> Cues:
    """The cue lists of ``modality.yaml``, validated (read anew: a stage keeps them in its pipeline's
    resources as ``modality``)."""
    data = fill(load_data("modality.yaml") or {}, {"speech_verbs": ("speech_verbs", "modality")})
    model = validate_data(data, ModalityFile, "sitrep/data/modality.yaml")
    vals = {k: [str(w).lower() for w in getattr(model, k)] for k in _REQUIRED}
    return Cues(**{k: (tuple(v) if k == "report_phrases" else frozenset(v)) for k, v in vals.items()})


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cue lists of ``modality.yaml``, once per process.

    Kept cached because :func:`analyze` is a library function called per trigger token by callers
    that do not pass their cues (the events stage today); a stage passes its pipeline's own
    (``analyze(tok, cues=self.resources.get("modality", read_cues))``)."""
    return read_cues()


@dataclass
class ModalityResult:
    negated: bool = False
    modality: str = "asserted"
    #: the words that decided (for explanations and tests)
    cues: list[str] = field(default_factory=list)
    #: the token of the speech verb when the act is reported speech
    speech_verb: Any = None


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _no_of(tok) -> Optional[Any]:
    """The determiner "no" of ``tok`` ("*no* sanctions"), or None."""
    return next((d for d in tok.children if d.lower_ == "no"), None)


def negation_cue(tok, cues: Optional[Cues] = None) -> Optional[Any]:
    """The token negating ``tok`` itself (not its governors), or ``None``.

    Looks at ``neg`` children, "never", a "no" determiner on the act noun or on its object
    ("imposed no sanctions", "had no involvement"), and "in no way"-type adverbials.
    """
    cues = cues or load_cues()
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in cues.negators and c.dep_ in ("advmod", "det", "neg", "preconj")):
            return c
        if c.dep_ in ("prep", "npadvmod", "advmod"):
            for g in ([c] if c.dep_ == "npadvmod" else list(c.children)):
                if _lemma(g) in cues.negating_nouns and _no_of(g) is not None:
                    return _no_of(g)
    # "in no way involved" parsed with the participle hanging off "way"
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in cues.negating_nouns:
        no = _no_of(tok.head)
        if no is not None:
            return no
    # the copula/auxiliary carries the negation for an adjectival or nominal predicate
    if tok.dep_ in ("acomp", "attr") and tok.head.pos_ in ("AUX", "VERB"):
        for c in tok.head.children:
            if c.dep_ == "neg":
                return c
    return None


def _light_object_negated(tok) -> Optional[Any]:
    """For "had no involvement" / "imposed no sanctions": the object noun's "no" negates the verb."""
    for c in tok.children:
        if c.dep_ in ("dobj", "attr") and any(d.lower_ == "no" and d.dep_ == "det" for d in c.children):
            return next(d for d in c.children if d.lower_ == "no")
    return None


def _governors(tok, limit: int = 6):
    """Walk up through clausal links (and prepositional complements) to the clause's governors."""
    cur = tok
    for _ in range(limit):
        if cur.head == cur:
            return
        dep = cur.dep_
        head = cur.head
        if dep in _GOVERNING:
            yield dep, head
            cur = head
        else:
            return


#: the last sentence read by :func:`_reports` and its answer, as one tuple (doc, start, end, phrases,
#: answer): a sentence's acts are analysed one after the other, and reading its text for each of them cost
#: time quadratic in its length
_LAST_SENTENCE: list = [(None, -1, -1, None, False)]


def _reports(sent, phrases) -> bool:
    """Does the sentence carry a reporting phrase ("according to", ...)? (Read once per sentence.)"""
    doc, start, end, seen, answer = _LAST_SENTENCE[0]
    if doc is sent.doc and start == sent.start and end == sent.end and seen is phrases:
        return answer
    low = sent.text.lower()
    answer = any(p in low for p in phrases)
    _LAST_SENTENCE[0] = (sent.doc, sent.start, sent.end, phrases, answer)
    return answer


def _negation(tok, is_noun: bool, cues: Cues) -> Optional[Any]:
    """The token negating the act: on the predicate itself, its object ("imposed *no* sanctions"),
    or, for a noun, the light verb ("did *not* launch an attack")."""
    neg = negation_cue(tok, cues)
    if neg is None and not is_noun:
        neg = _light_object_negated(tok)
    if neg is None and is_noun and tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        # "did not launch an attack": the light verb's negation covers the noun
        neg = negation_cue(tok.head, cues)
    return neg


def _speech_verb(pred, res: ModalityResult, cues: Cues) -> Optional[Any]:
    """The speech verb the act is reported under: a governor through clauses ("Kenya *said* that
    militants attacked"; a denial negates: "*denied* bombing"), or a parenthetical after it
    ("X attacked Y, officials *said*"). An adverbial clause of the speech verb is not what was said:
    "the monitor said Friday, *blaming* the group" (the speaker's act), "authorities said, a week
    *after* insurgents killed two monks" (the text's own voice)."""
    reporting = cues.reporting_verbs
    for dep, head in _governors(pred):
        if dep in ("ccomp", "parataxis", "xcomp", "conj") and _lemma(head) in reporting:
            if _lemma(head) in cues.denial_verbs and dep in ("ccomp", "xcomp") and not res.negated:
                res.negated = True
                res.cues.append(head.text)
            return head
    for c in pred.children:
        if c.dep_ in ("parataxis", "ccomp", "advcl") and _lemma(c) in reporting and c.i > pred.i:
            return c
    return None


def _aux_lemmas(tok) -> set:
    return {_lemma(a) for a in tok.children if a.dep_ == "aux"}


def _planned_copula(head, cues: Cues) -> bool:
    """A copula with a to-infinitive that states a plan ("the chiefs *were to* meet"), not a purpose
    ("the move *was to* pressure Israel": its subject is in ``purpose_subjects``)."""
    return _lemma(head) in cues.future_copulas and not any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj") and _lemma(c) in cues.purpose_subjects for c in head.children)


def _governed_future(pred, cues: Cues) -> tuple[bool, bool]:
    """(future, hypothetical) from an xcomp governor: "*plans* to", "*is ready* to", "*will try* to",
    "*were* to meet"; or from the verb a purpose infinitive serves ("*will start* a trip to attend the
    meeting and pay visits": planned as the trip is)."""
    future = hypothetical = False
    if _purpose_of_future(pred, cues):
        return True, False
    if pred.dep_ != "xcomp" or pred.head == pred:
        return False, False
    head = pred.head
    lem = _lemma(head)
    if lem in cues.future_governors or _planned_copula(head, cues):
        future = True
    elif lem in cues.hypothetical_governors:
        hypothetical = True
    if _aux_lemmas(head) & cues.future_aux:
        future = True
    if head.dep_ == "acomp" and head.head.pos_ in ("AUX", "VERB") and _aux_lemmas(head.head) & cues.future_aux:
        future = True
    return future, hypothetical


def _purpose_of_future(pred, cues: Cues, limit: int = 3) -> bool:
    """Is ``pred`` (or the first verb of its coordination) an infinitive of purpose ("to attend") of a
    verb with a future auxiliary ("will start a trip to attend ...")?"""
    for _ in range(limit):
        if pred.dep_ != "conj" or pred.head == pred or any(c.dep_ in ("nsubj", "aux") for c in pred.children):
            break
        pred = pred.head
    if pred.dep_ != "advcl" or pred.head == pred or not any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children):
        return False
    return bool(_aux_lemmas(pred.head) & cues.future_aux)


def _future_hypothetical(pred, auxes, speech, cues: Cues) -> tuple[bool, bool]:
    """(future, hypothetical): a future auxiliary ("*will* withdraw", "is *going* to"), a conditional
    mark ("*if*"), a modal ("*could*"; "*would*" under a speech verb is a future in the past), or an
    xcomp governor."""
    aux_lemmas = {_lemma(a) for a in auxes} | {a.lower_ for a in auxes}
    future = bool(aux_lemmas & cues.future_aux) or any(_lemma(a) == "go" and a.tag_ == "VBG" for a in auxes)
    hypothetical = bool({m.lower_ for m in pred.children if m.dep_ == "mark"} & cues.hypothetical_marks)
    modal_aux = aux_lemmas & cues.hypothetical_aux
    if modal_aux:
        if modal_aux <= cues.future_in_past_aux and speech is not None:
            future = True          # future in the past: "said the US would not lift"
        else:
            hypothetical = True
    gov_future, gov_hypothetical = _governed_future(pred, cues)
    return future or gov_future, hypothetical or gov_hypothetical


#: the links a noun act climbs through to the verb of its clause (:func:`_clause_verb`)
_NOUN_LINKS = {"appos", "conj", "pobj", "prep", "nsubj", "nsubjpass", "compound"}


def _clause_verb(tok, limit: int = 4) -> tuple[Optional[Any], Optional[Any]]:
    """The verb (or predicate adjective) a noun act hangs from, through apposition, coordination and
    prepositions, and the last preposition on the way (None when the noun is the verb's subject):
    "appear *at* the summit" -> (appear, at); "*Negotiations* between Iran and the US ... will return"
    (the noun in apposition to a dateline's subject) -> (return, None); (None, None) when there is none."""
    cur, prep = tok, None
    for _ in range(limit):
        head = cur.head
        if head is cur or cur.dep_ not in _NOUN_LINKS:
            return None, None
        if cur.dep_ == "prep":
            prep = cur
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            return (head, prep) if cur.dep_ in ("prep", "nsubj", "nsubjpass") else (None, None)
        cur = head
    return None, None


def _planned_noun(tok, cues: Cues) -> bool:
    """Is the noun act ``tok`` announced or planned? Modified by a planning participle or adjective
    ("talks *scheduled* for Monday", "the *upcoming* summit"); the subject of a verb in the future
    ("*talks* will return") or of one that plans ("*talks* are expected to resume", "*talks* are
    scheduled for Monday"; not "the *attack* was meant to intimidate"); or under a planning participle
    ("he is expected in Cairo for *talks*") or, through a preposition of ``planned_preps``, a verb of
    ``attendance_verbs`` in the future ("is set to appear at the *summit*"; not "will respond to the
    *attack*" or "was due to hold consultations at Russia's *request*", which refer to an act). A noun
    whose verb tells it in the past happened, whatever its modifiers say ("*launched* a long-expected
    *offensive*", "the awaited *talks* *began*")."""
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.tag_ == "VBD":
        return False
    for c in tok.children:
        if c.dep_ in ("amod", "acl") and (c.lower_ in cues.future_modifiers or (
                _lemma(c) in cues.planned_participles and c.tag_ == "VBN")):
            return True
    gov, prep = _clause_verb(tok)
    if gov is None:
        return False
    if _lemma(gov) in cues.planned_participles and gov.tag_ == "VBN":
        return True
    if prep is not None and (_lemma(prep) not in cues.planned_preps or _lemma(gov) not in cues.attendance_verbs):
        return False
    if _aux_lemmas(gov) & cues.future_aux or _governed_future(gov, cues)[0]:
        return True
    return prep is None and (_lemma(gov) in cues.noun_subject_governors or _planned_copula(gov, cues)) and any(
        c.dep_ == "xcomp" for c in gov.children)


def _historical(pred, auxes, res: ModalityResult, cues: Cues) -> bool:
    """A past before the news: "*previously*", "*years ago*". The pluperfect alone is not one ("he said
    forces *had* fired rockets earlier on Monday" is the news told in reported speech); a date more than
    three months before publication makes an act historical in the events stage."""
    historical = False
    for c in pred.children:
        if c.dep_ in ("advmod", "npadvmod") and (_lemma(c) in cues.historical_words or c.lower_ in cues.historical_words):
            historical = True
            res.cues.append(c.text)
        if c.dep_ == "advmod" and any(g.lower_ == "ago" for g in c.subtree):
            historical = True
        if c.dep_ == "prep" and not _lasting(pred, auxes) and \
                " ".join(g.lower_ for g in c.subtree) in cues.historical_phrases:
            historical = True                  # "have struck oil sites *in the past*", "*for decades* fought"
            res.cues.append(c.text)
    return historical


def _lasting(pred, auxes) -> bool:
    """Is the act told as lasting up to now ("has been fighting for decades", "is fighting")?"""
    return pred.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP", "VBN") for a in auxes)


def shared_auxes(pred, limit: int = 4) -> list:
    """The auxiliaries a coordinated verb without subject or auxiliary of its own shares with the
    first verb of its coordination ("will relinquish all claims, *refrain* from force and *pledge* ..."
    -> "will")."""
    cur = pred
    for _ in range(limit):
        if cur.dep_ != "conj" or cur.head is cur or cur.pos_ not in ("VERB", "AUX") \
                or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cur.children):
            return []
        cur = cur.head
        auxes = [c for c in cur.children if c.dep_ in ("aux", "auxpass")]
        if auxes:
            return auxes
    return []


def analyze(tok, *, is_noun: Optional[bool] = None, cues: Optional[Cues] = None) -> ModalityResult:
    """Negation and modality of the act whose trigger is ``tok`` (a spaCy token): hypothetical before
    future before historical before reported before asserted."""
    cues = cues or load_cues()
    res = ModalityResult()
    if is_noun is None:
        is_noun = tok.pos_ in ("NOUN", "PROPN")
    neg = _negation(tok, is_noun, cues)
    if neg is not None:
        res.negated = True
        res.cues.append(neg.text)
    # auxiliaries and marks on the predicate (or on the light verb of a noun)
    pred = tok.head if (is_noun and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass")) else tok
    auxes = [c for c in pred.children if c.dep_ in ("aux", "auxpass")] or shared_auxes(pred)
    speech = _speech_verb(pred, res, cues)
    reported = speech is not None or _reports(tok.sent, cues.report_phrases)
    future, hypothetical = _future_hypothetical(pred, auxes, speech, cues)
    if is_noun and not (future or hypothetical):
        future = _planned_noun(tok, cues)
    historical = _historical(pred, auxes, res, cues)
    if hypothetical:
        res.modality = "hypothetical"
    elif future:
        res.modality = "future"
    elif historical:
        res.modality = "historical"
    elif reported:
        res.modality = "reported"
    if speech is not None:
        res.speech_verb = speech
        res.cues.append(speech.text)
    res.cues.extend(a.text for a in auxes if a.lower_ in cues.future_aux or _lemma(a) in cues.hypothetical_aux)
    return res


def is_negated(tok, cues: Optional[Cues] = None) -> bool:
    return analyze(tok, cues=cues).negated
