"""The KB entity ruler: puts knowledge-base names into ``doc.ents`` before the statistical NER runs, so
that "Jabhat al-Nusra" is an ORG and "Idlib" a GPE whatever the small model thinks.

One :class:`spacy.matcher.PhraseMatcher` on lower-cased tokens (fast with tens of thousands of names),
then two filters that keep case-insensitive matching safe:

* an acronym ("US", "U.S.", "IS", "UN") matches only as written in capitals ("us" and "is" never do);
* a name written with capitals never matches all-lower-case text ("turkey", "china", "chad").

Each entity gets the KB id as ``ent.ent_id_`` (as spaCy's own entity ruler does) and ``ent.kb_id_``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from . import acronym_key, fold, is_acronym

RULER_NAME = "sitrep_kb_ruler"


class KbRuler:
    def __init__(self, nlp: Language, name: str = RULER_NAME):
        self.nlp = nlp
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[int, tuple[str, str, str, bool]] = {}  # match id -> (label, id, exact form, lower ok)
        self.n_patterns = 0

    def add_patterns(self, patterns: list[dict]) -> None:
        groups: dict[tuple[str, str, str, bool], list[str]] = {}
        for p in patterns:
            text = str(p["pattern"]).strip()
            if not text:
                continue
            exact = acronym_key(text) if is_acronym(text) else ""
            lower_ok = text == text.lower()
            groups.setdefault((p["label"], p.get("id", ""), exact, lower_ok), []).append(text)
        texts = [t for ts in groups.values() for t in ts]
        # the text as written and its diacritic-free form ("Ḩamāh" also as "Hamah")
        variants: dict[str, list[str]] = {t: list(dict.fromkeys([t, fold(t)])) for t in texts}
        all_texts = list(dict.fromkeys(v for t in texts for v in variants[t]))
        docs = dict(zip(all_texts, self.nlp.tokenizer.pipe(all_texts)))
        for key, ts in groups.items():
            skey = "\x1f".join((key[0], key[1], key[2], "1" if key[3] else "0"))
            mid = self.nlp.vocab.strings.add(skey)
            self.keys[mid] = key
            self.matcher.add(skey, [docs[v] for t in ts for v in variants[t]])
            self.n_patterns += len(ts)

    def __call__(self, doc):
        if not self.keys:
            return doc
        spans = []
        for mid, start, end in self.matcher(doc):
            label, eid, exact, lower_ok = self.keys[mid]
            span = doc[start:end]
            text = span.text
            if exact:
                if acronym_key(text) != exact:
                    continue
            elif not lower_ok and text == text.lower():
                continue
            if label == "NORP" and end < len(doc) and doc[end].is_title and doc[end].is_alpha:
                continue  # "Syrian" in "Free Syrian Legion": let the NER see the whole name
            spans.append(Span(doc, start, end, label=label, span_id=eid, kb_id=eid))
        if spans:
            spans = filter_spans(spans)
            doc.set_ents(spans, default="unmodified")
        return doc


@Language.factory(RULER_NAME)
def make_kb_ruler(nlp: Language, name: str):
    return KbRuler(nlp, name)


def add_kb_ruler(nlp: Language, patterns: list[dict], before: str = "ner") -> KbRuler | None:
    """Add the KB ruler with ``patterns`` to ``nlp`` (before the NER), unless there are none."""
    if not patterns:
        return None
    if RULER_NAME in nlp.pipe_names:
        nlp.remove_pipe(RULER_NAME)
    ruler = nlp.add_pipe(RULER_NAME, before=before if before in nlp.pipe_names else None)
    ruler.add_patterns(patterns)
    return ruler
