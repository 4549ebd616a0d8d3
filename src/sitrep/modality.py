"""Negation and modality of a predicate, read off the dependency parse.

Given the token that carries an act (a verb, or a noun such as "attack"), :func:`analyze` says whether
the act is negated and whether it is asserted, reported (someone said so), future (will, plans to),
hypothetical (if, could) or historical (previously, years ago). The cue words live in
``sitrep/data/modality.yaml``; they are loaded once per process.

    >>> from sitrep.nlp import load_pipeline
    >>> doc = load_pipeline()("Officials said the army would not withdraw.")
    >>> analyze(doc[5]).negated, analyze(doc[5]).modality          # doctest: +SKIP
    (True, 'future')

Dates are not read here: the caller knows the resolved dates and may upgrade an act to
``historical`` when its governing date lies before the publication date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional


from .datafiles import load_data
from .errors import ConfigError

MODALITIES = ("asserted", "reported", "future", "hypothetical", "historical")
_CLAUSAL = {"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "csubj", "parataxis"}
_REQUIRED = ("negators", "negating_nouns", "denial_verbs", "future_aux", "future_governors",
             "future_words", "hypothetical_aux", "hypothetical_marks", "hypothetical_governors",
             "speech_verbs", "report_phrases", "historical_words")


@dataclass(frozen=True)
class Cues:
    negators: frozenset
    negating_nouns: frozenset
    denial_verbs: frozenset
    future_aux: frozenset
    future_governors: frozenset
    future_words: frozenset
    hypothetical_aux: frozenset
    hypothetical_marks: frozenset
    hypothetical_governors: frozenset
    speech_verbs: frozenset
    report_phrases: tuple
    historical_words: frozenset


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cue lists of ``modality.yaml``, validated, once per process."""
    data = load_data("modality.yaml") or {}
    missing = [k for k in _REQUIRED if not isinstance(data.get(k), list)]
    if missing:
        raise ConfigError(f"modality.yaml: missing or non-list keys {missing}")
    vals = {k: [str(w).lower() for w in data[k]] for k in _REQUIRED}
    return Cues(**{k: (tuple(v) if k == "report_phrases" else frozenset(v)) for k, v in vals.items()})


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


def negation_cue(tok) -> Optional[Any]:
    """The token negating ``tok`` itself (not its governors), or ``None``.

    Looks at ``neg`` children, "never", a "no" determiner on the act noun or on its object
    ("imposed no sanctions", "had no involvement"), and "in no way"-type adverbials.
    """
    cues = load_cues()
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in cues.negators and c.dep_ in ("advmod", "det", "neg", "preconj")):
            return c
        if c.dep_ in ("prep", "npadvmod", "advmod"):
            for g in ([c] if c.dep_ == "npadvmod" else list(c.children)):
                if _lemma(g) in cues.negating_nouns and any(d.lower_ == "no" for d in g.children):
                    return next(d for d in g.children if d.lower_ == "no")
    # "in no way involved" parsed with the participle hanging off "way"
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in cues.negating_nouns:
        for d in tok.head.children:
            if d.lower_ == "no":
                return d
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
        if dep in _CLAUSAL or dep in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "appos", "compound"):
            yield dep, head
            cur = head
        else:
            return


#: the last sentence read by :func:`_reports` and its answer, as one tuple (doc, start, end, answer): a
#: sentence's acts are analysed one after the other, and reading its text for each of them cost time
#: quadratic in its length
_LAST_SENTENCE: list = [(None, -1, -1, False)]


def _reports(sent, phrases) -> bool:
    """Does the sentence carry a reporting phrase ("according to", ...)?"""
    doc, start, end, answer = _LAST_SENTENCE[0]
    if doc is sent.doc and start == sent.start and end == sent.end:
        return answer
    low = sent.text.lower()
    answer = any(p in low for p in phrases)
    _LAST_SENTENCE[0] = (sent.doc, sent.start, sent.end, answer)
    return answer


def analyze(tok, *, is_noun: Optional[bool] = None) -> ModalityResult:
    """Negation and modality of the act whose trigger is ``tok`` (a spaCy token)."""
    cues = load_cues()
    res = ModalityResult()
    if is_noun is None:
        is_noun = tok.pos_ in ("NOUN", "PROPN")

    # -- negation: on the predicate itself, its auxiliaries, or (for a noun) its determiner -------
    neg = negation_cue(tok)
    if neg is None and not is_noun:
        neg = _light_object_negated(tok)
    if neg is None and is_noun and tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
        # "did not launch an attack": the light verb's negation covers the noun
        neg = negation_cue(tok.head)
    if neg is not None:
        res.negated = True
        res.cues.append(neg.text)

    # -- auxiliaries and marks on the predicate (or on the light verb of a noun) --------------------
    pred = tok.head if (is_noun and tok.dep_ in ("dobj", "attr", "nsubj", "nsubjpass")) else tok
    auxes = [c for c in pred.children if c.dep_ in ("aux", "auxpass")]
    marks = [c for c in pred.children if c.dep_ == "mark"]
    aux_lemmas = {_lemma(a) for a in auxes} | {a.lower_ for a in auxes}

    # reported speech: the act sits (through clauses) under a speech verb, or "according to"
    speech = None
    gov_chain = list(_governors(pred))
    for dep, head in gov_chain:
        if dep in ("ccomp", "parataxis", "xcomp", "advcl", "conj") and _lemma(head) in cues.speech_verbs:
            if _lemma(head) in cues.denial_verbs and dep in ("ccomp", "xcomp") and not res.negated:
                res.negated = True
                res.cues.append(head.text)
            speech = head
            break
    # speech verb with this clause as its subject-less parataxis ("X attacked Y, officials said")
    if speech is None:
        for c in pred.children:
            if c.dep_ in ("parataxis", "ccomp", "advcl") and _lemma(c) in cues.speech_verbs and c.i > pred.i:
                speech = c
                break
    reported = speech is not None or _reports(tok.sent, cues.report_phrases)

    future = bool(aux_lemmas & cues.future_aux) or any(
        _lemma(a) == "go" and a.tag_ == "VBG" for a in auxes)
    hypothetical = bool({m.lower_ for m in marks} & cues.hypothetical_marks)
    modal_aux = aux_lemmas & cues.hypothetical_aux
    if modal_aux:
        if modal_aux <= {"would"} and speech is not None:
            future = True          # future in the past: "said the US would not lift"
        else:
            hypothetical = True
    # xcomp governors: "plans to", "is ready to", "considers"
    if pred.dep_ == "xcomp" and pred.head != pred:
        head = pred.head
        lem = _lemma(head)
        if lem in cues.future_governors:
            future = True
        elif lem in cues.hypothetical_governors:
            hypothetical = True
        if {_lemma(a) for a in head.children if a.dep_ == "aux"} & cues.future_aux:
            future = True
        if head.dep_ == "acomp" and head.head.pos_ in ("AUX", "VERB"):
            if {_lemma(a) for a in head.head.children if a.dep_ == "aux"} & cues.future_aux:
                future = True
    historical = False
    for c in pred.children:
        if c.dep_ in ("advmod", "npadvmod") and (_lemma(c) in cues.historical_words or c.lower_ in cues.historical_words):
            historical = True
            res.cues.append(c.text)
        if c.dep_ == "advmod" and any(g.lower_ == "ago" for g in c.subtree):
            historical = True
    # pluperfect ("had set up") is a past before the news
    if any(_lemma(a) == "have" and a.tag_ == "VBD" for a in auxes) and pred.tag_ == "VBN":
        historical = True

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


def is_negated(tok) -> bool:
    return analyze(tok).negated
