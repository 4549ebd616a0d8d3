"""The KB entity ruler: puts knowledge-base names into ``doc.ents`` before the statistical NER runs, so
that "Jabhat al-Nusra" is an ORG and "Idlib" a GPE whatever the small model thinks.

Names are matched the way :meth:`sitrep.kb.KnowledgeBase.lookup` matches them: case-, diacritic- and
punctuation-insensitive ("al-Qaeda" = "Al Qaeda"), with two safety rules:

* an acronym ("US", "U.S.", "IS", "UN") matches only as written in capitals ("us" and "is" never do);
* a name written with capitals never matches all-lower-case text ("turkey", "china", "chad"), nor text
  whose last word is lower-case where the name's is capitalised ("Russia today" is not "Russia Today").

The patterns are kept as a dict of normalised names (no tokenisation at load time: adding thousands of
names to a spaCy ``PhraseMatcher`` costs a second or more, mostly creating lexemes); at run time each
token whose normalised form starts some name is extended token by token and looked up, which costs a
millisecond or two per article. Each entity gets the KB id as ``ent.ent_id_`` (as spaCy's own entity
ruler does) and ``ent.kb_id_``.
"""

from __future__ import annotations

from spacy.attrs import LOWER, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Span
from spacy.util import filter_spans

from . import acronym_key, is_acronym, norm

RULER_NAME = "sitrep_kb_ruler"
#: tokens that end a candidate name (a name never runs across them)
_STOP = frozenset({".", ",", ";", ":", "(", ")", "[", "]", '"', "\u201c", "\u201d", "!", "?", "\u2014", "\u2013"})


def possessive_clitic(lower: str) -> bool:
    """Is a token (lower-cased) the possessive "'s" that the tokenizer splits off ("People" + "'s")? It
    belongs to the word before: KB names with a possessive ("People's Defence Force", "Tigray People's
    Liberation Front") are normalised with it glued on ("peoples"). The ruler glues it on only when the
    word before is no KB name itself: "Sudan's Rapid Support Forces" stays the state and the group."""
    return lower in ("'s", "\u2019s")


def last_word_lower(text: str) -> bool:
    """Does a name of several words end in a lower-case word ("Saba news agency")?"""
    return " " in text and text.split()[-1][:1].islower()


class KbRuler:
    def __init__(self, nlp: Language, name: str = RULER_NAME):
        self.nlp = nlp
        self.name = name
        self.names: dict[str, tuple[str, str, bool]] = {}     # norm(name) -> (label, id, lower ok)
        self.last_capital: set[str] = set()                   # names whose last word is capitalised
        self.acronyms: dict[str, tuple[str, str]] = {}        # "US" -> (label, id)
        self.first_words: set[str] = set()
        self.max_words = 0
        self._norm_cache: dict[int, str] = {}
        self.n_patterns = 0

    def add_patterns(self, patterns: list[dict]) -> None:
        """Add ``{"label", "pattern", "id"}`` patterns; the first pattern for a name wins."""
        for p in patterns:
            text = str(p["pattern"]).strip()
            if not text:
                continue
            label, eid = p["label"], p.get("id", "")
            self.n_patterns += 1
            if is_acronym(text):
                self.acronyms.setdefault(acronym_key(text), (label, eid))
                continue
            key = norm(text)
            if key in self.names:
                old = self.names[key]
                if not old[2] and text == text.lower() and old[1] == eid:
                    # the same name also listed in lower case ("Burkinabe" in English, "burkinabè" in a
                    # French file): it matches lower-case text too
                    self.names[key] = (old[0], eid, True)
                if old[1] == eid and last_word_lower(text):
                    # also listed with a lower-case last word ("Saba News Agency", "Saba news agency"):
                    # text writing it so is the name too
                    self.last_capital.discard(key)
                continue
            if not key:
                continue
            self.names[key] = (label, eid, text == text.lower())
            last = text.split()[-1] if " " in text else ""
            if last[:1].isupper():
                self.last_capital.add(key)
            words = key.split()
            self.first_words.add(words[0])
            self.max_words = max(self.max_words, len(words))

    def _norm_tok(self, h: int, lower: str) -> str:
        v = self._norm_cache.get(h)
        if v is None:
            v = self._norm_cache[h] = " ".join(norm(lower).split()) if lower not in _STOP else "\x00"
        return v

    def _longest_name(self, i: int, norms: list[str], arr: list, strings) -> tuple[int, tuple] | None:
        """The longest KB name starting at token ``i``: (end token, (label, id, lower ok)), or ``None``.
        A name whose last word is capitalised never matches a lower-case last token ("Russia today")."""
        maxw = self.max_words
        best = None
        parts: list[str] = []
        nwords = 0
        for j in range(i, min(len(norms), i + 3 * maxw)):
            t = norms[j]
            if t == "\x00":
                break
            if t and parts and possessive_clitic(strings[arr[j][1]]) and parts[-1] not in self.names:
                parts[-1] += t   # "People" + "'s" -> "peoples", as norm("People's ...") reads it
            elif t:
                parts.append(t)
                nwords += t.count(" ") + 1
                if nwords > maxw:
                    break
                key = " ".join(parts)
                hit = self.names.get(key)
                if hit is not None and not (key in self.last_capital and strings[arr[j][0]].islower()):
                    best = (j + 1, hit)
        return best

    def _name_span(self, doc, i: int, best: tuple, arr: list, strings) -> Span | None:
        """The entity of a name match, unless written all in lower case where the name is not ("turkey"),
        or a demonym that starts a longer capitalised name ("Syrian" in "Free Syrian Legion")."""
        end, (label, eid, lower_ok) = best
        if not lower_ok:
            orth = "".join(strings[arr[k][0]] for k in range(i, end))
            if orth == orth.lower():
                return None
        if label == "NORP" and end < len(doc) and doc[end].is_title and doc[end].is_alpha:
            return None  # "Syrian" in "Free Syrian Legion": let the NER see the whole name
        return Span(doc, i, end, label=label, span_id=eid, kb_id=eid)

    def _acronym_span(self, doc, i: int, orth: str) -> Span | None:
        """An acronym written in capitals ("US", "U.S.", "HTS"); "us" and "is" never match."""
        if not orth[:1].isupper():
            return None
        hit = self.acronyms.get(acronym_key(orth))
        if hit is not None and is_acronym(orth):
            return Span(doc, i, i + 1, label=hit[0], span_id=hit[1], kb_id=hit[1])
        return None

    def __call__(self, doc):
        if not self.names and not self.acronyms:
            return doc
        n = len(doc)
        if n == 0:
            return doc
        arr = doc.to_array([ORTH, LOWER, SPACY]).tolist()
        strings = doc.vocab.strings
        norms = [self._norm_tok(lo, strings[lo]) for _, lo, _ in arr]
        spans = []
        for i in range(n):
            nt = norms[i]
            if not nt or nt == "\x00":
                continue
            first = nt.split(" ", 1)[0]
            if first == nt and i + 1 < n and possessive_clitic(strings[arr[i + 1][1]]) and nt not in self.names:
                first += "s"   # "People" before "'s" starts "peoples ..."
            best = self._longest_name(i, norms, arr, strings) if first in self.first_words else None
            if best is not None:
                span = self._name_span(doc, i, best, arr, strings)
            else:
                span = self._acronym_span(doc, i, strings[arr[i][0]])
            if span is not None:
                spans.append(span)
        if spans:
            doc.set_ents(filter_spans(spans), default="unmodified")
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
