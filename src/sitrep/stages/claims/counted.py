"""What is counted: the noun a number counts and the property it makes.

* the counted noun (:func:`counted_noun`): the noun the number modifies ("about 1,000 *troops*"),
  the object of "of" ("hundreds *of people*", "1,000 *of its troops*"), or the noun right after;
* the property (:func:`count_property`), first that applies:

  1. a currency makes money, refined to its kind by the words around it (:func:`money_kind`:
     "$2bn in military *aid*" -> aid); money of no known kind is no claim (a salary, a net loss);
  2. a unit says what is measured ("30 km" -> distance), unless the words after it make it a location
     ("10 miles *east of* Damascus");
  3. the counted noun's property ("troops", "deaths"); a generic noun for people ("civilians") or
     a demonym ("45 Palestinians") takes its property from the verb or adjective around it
     (:func:`event_property`: "12 civilians were *killed*", "12 *dead* soldiers", "were shot *dead*",
     "15 students are *missing*", "including 35 children" of a count of the killed);
  4. a number that counts no noun is a loss when its verb, predicate or next word says so ("seven
     *injured*", "*killing* at least 10", "left thousands *dead*"), or the value of a toll ("the death
     *toll* rose to 704") (:func:`bare_property`); a year never is.
"""

from __future__ import annotations

from typing import Optional

from ...lang.numbers import Quantity
from .reader import VERB_POS
from .vocabulary import Vocabulary

#: dependencies by which a number modifies its counted noun
NUM_DEPS = {"nummod", "quantmod", "compound", "nmod", "amod", "npadvmod", "appos", "det"}


def counted_noun(root, span):
    """The noun counted by the number whose tokens are ``span`` (``root`` its head token), or None."""
    head = root.head
    if root.dep_ in NUM_DEPS and head.i >= span.end and head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return head
    for child in root.children:  # "1,000 of its troops", "hundreds of people"
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.pos_ in ("NOUN", "ADJ") and nxt.head.i == root.i:
        return nxt
    return None


def money_kind(root, noun, voc: Vocabulary) -> Optional[str]:
    """The kind of a sum of money from the words around it ("$2bn in military *aid*" -> "aid",
    "a $500 million *budget*"), or None."""
    scope = [root] + list(root.head.children) + [root.head] + list(root.children)
    if noun is not None:
        scope += [noun] + list(noun.children)
    for t in scope:
        for c in [t] + [x for x in t.children if x.dep_ == "pobj"]:
            k = voc.money_kinds.get(c.lemma_.lower())
            if k:
                return k
    return None


#: dependencies of a counted word on a verb that make the verb say what happened to it
PATIENT_DEPS = ("dobj", "nsubjpass")
#: dependencies of a predicate on its verb that say what became of the verb's subject or object
#: ("were shot *dead*", "left thousands *dead*", "are *missing*")
PREDICATE_DEPS = ("oprd", "acomp")


def _word_property(tok, voc: Vocabulary) -> Optional[str]:
    """The property a verb or adjective gives its patient ("killed" -> dead, "missing"), or None; an
    adverb of the property on a verb says it whatever the verb ("*fatally* shot", "*fatally* wounded")."""
    if tok.pos_ in VERB_POS and voc.adverbs:
        prop = next((voc.adverbs[c.lower_] for c in tok.children if c.dep_ == "advmod" and c.lower_ in voc.adverbs),
                    None)
        if prop is not None:
            return prop
    lemma = tok.lemma_.lower()
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    return (voc.adjectives.get(tok.lower_) or (voc.verbs.get(f"{lemma} {prt}") if prt else None)
            or voc.verbs.get(lemma))


def _head_property(x, voc: Vocabulary) -> Optional[str]:
    """The property the head of ``x`` gives it: "12 civilians were *killed*", "*killing* 12 soldiers",
    "seven *injured*", "thousands more *homeless*" (its subject when it has no object)."""
    head = x.head
    if head.i == x.i:
        return None
    prop = _word_property(head, voc)
    if prop is None or (x.dep_ == "dobj" and head.lemma_.lower() in voc.leaving_verbs):
        return None  # "fled dozens of communities": the places left, not who left them
    if x.dep_ in PATIENT_DEPS:
        return _mixed(head, x, prop, voc)
    if x.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in head.children):
        return prop
    return None


def _mixed(verb, x, prop: str, voc: Vocabulary) -> str:
    """Two loss verbs sharing one object count both losses at once: "killed or *injured* dozens" are
    casualties (``mixed_property``); "were killed and seven injured" are two counts."""
    partners = [c for c in verb.children if c.dep_ == "conj" and c.i < x.i]
    if verb.dep_ == "conj":  # "killed or injured dozens": the object hangs on the second verb
        partners.append(verb.head)
    for c in partners:
        if c.i != x.i and not any(g.dep_ in PATIENT_DEPS for g in c.children if g.i != x.i):
            other = _word_property(c, voc)
            if other is not None and other != prop and voc.mixed_property:
                return voc.mixed_property
    return prop


def _predicate_property(x, voc: Vocabulary) -> Optional[str]:
    """The property of a predicate on the verb of ``x``: "four people were shot *dead*", "left
    thousands *dead*", "15 students are *missing*", and for a passive subject a controlled verb
    ("9,000 people were forced *to flee*", "were believed *to have been killed*")."""
    if x.dep_ not in ("nsubj", "nsubjpass", "dobj") or x.head.i == x.i:
        return None
    deps = PREDICATE_DEPS + (("xcomp",) if x.dep_ == "nsubjpass" else ())
    for c in x.head.children:
        if c.dep_ in deps and c.i > x.i:
            prop = _word_property(c, voc)
            if prop is not None:
                return prop
    return _split_passive_property(x, voc)


def _split_passive_property(x, voc: Vocabulary) -> Optional[str]:
    """A passive the parse split at a word between its parts: "two jawans were *on Saturday* killed"
    reads "were" as the verb of the subject and "killed" as a clause of it with no subject of its own."""
    verb = x.head
    if x.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return None
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBN" and c.i > x.i \
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            return _word_property(c, voc)
    return None


def _part_property(x, voc: Vocabulary, depth: int) -> Optional[str]:
    """A part of a counted group takes the group's property ("killing 104 people, *including 35
    children*"); the object of "of" takes its head's ("the *bodies* of five protesters"), or, for
    people, the act its head names ("a *swap* of 270 soldiers")."""
    prep = x.head
    if x.dep_ != "pobj" or prep.i == x.i or prep.head.i == prep.i:
        return None
    whole = prep.head
    if prep.lower_ in voc.part_markers and whole.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and depth < 2:
        return event_property(whole, voc, depth + 1) or voc.nouns.get(whole.lemma_.lower())
    if prep.lower_ == "of" and whole.pos_ == "NOUN":
        if whole.lemma_.lower() in voc.aggregates and depth < 2:  # "released a total of 153 prisoners"
            return event_property(whole, voc, depth + 1)
        prop = voc.nouns.get(whole.lemma_.lower())
        if prop is None and _counts_people(x, voc):  # "a *swap* of 270 soldiers", "the *release* of 40"
            prop = voc.verbs.get(whole.lemma_.lower())
        return prop if prop in voc.victim else None
    return None


def _counts_people(x, voc: Vocabulary) -> bool:
    """Whether counted noun ``x`` counts people (a person noun, or one whose property counts persons),
    so that an act done to it may make the count ("a swap of 270 *soldiers*"; not "the capture of
    five *tanks*")."""
    lemma = x.lemma_.lower()
    if lemma in voc.person_nouns or x.lower_ in voc.person_nouns or x.pos_ == "NUM" or x.tag_ == "NNPS":
        return True
    prop = voc.nouns.get(lemma)
    return prop is not None and voc.units.get(prop) == "persons"


#: relative pronouns standing for the counted noun in its relative clause
RELATIVES = ("that", "who", "which", "whom")


def _relative_patient(clause) -> bool:
    """Whether the relative pronoun of ``clause`` is what the clause's verb happened to: its passive
    subject ("who were killed") or the subject of a verb with no object ("who died")."""
    for c in clause.children:
        if c.lower_ in RELATIVES:
            return c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and not any(g.dep_ == "dobj" for g in clause.children))
    return False


def event_property(noun, voc: Vocabulary, depth: int = 0) -> Optional[str]:
    """The property the words around a counted noun (or a number standing alone) give it: "12 *dead*
    soldiers", "45 civilians *killed*", "12 civilians were *killed*", "seven *injured*", "were shot
    *dead*", "including 35 children" of a count of the killed; None when none does. The verb that
    governs the count comes first ("released 153 prisoners *detained* in the war" were released)."""
    prop = _head_property(noun, voc) or _part_property(noun, voc, depth)
    if prop is not None:
        return prop
    for c in noun.children:
        if c.dep_ in ("amod", "acl") and (c.lower_ in voc.adjectives or c.lemma_.lower() in voc.verbs):
            return voc.adjectives.get(c.lower_) or voc.verbs.get(c.lemma_.lower())
        if c.dep_ == "relcl" and _relative_patient(c):  # "50 farmers that were *slaughtered*"
            prop = _word_property(c, voc)
            if prop:
                return prop
        if c.dep_ == "acl":  # "three children confirmed *dead*"
            prop = next((p for g in c.children if g.dep_ in PREDICATE_DEPS for p in [_word_property(g, voc)] if p), None)
            if prop:
                return prop
    prop = _predicate_property(noun, voc) or _group_property(noun, voc, depth) or _driven_out(noun, voc)
    return prop or _conj_property(noun, voc, depth) or _orphan_verb_property(noun, voc) \
        or _stray_object_property(noun, voc)


def _conj_property(x, voc: Vocabulary, depth: int) -> Optional[str]:
    """A conjunct takes the property of the noun it is joined to ("10 women and three children
    confirmed dead"), or of the head of the "of" phrase the parse hung it in (see
    :func:`_misattached_conj_property`)."""
    if x.dep_ != "conj" or x.head.pos_ not in ("NOUN", "PROPN") or depth >= 2:
        return None
    return event_property(x.head, voc, depth + 1) or _misattached_conj_property(x, voc, depth)


#: dependencies climbed from a conjunct the parse hung inside an "of" phrase back to the phrase's head
OF_PHRASE_DEPS = ("conj", "appos", "pobj", "prep", "compound")


def _misattached_conj_property(x, voc: Vocabulary, depth: int) -> Optional[str]:
    """A conjunct the parse joined to the object of "of" rather than to the head of the phrase: "Two
    members *of the group* and two soldiers were killed" reads "soldiers" as a conjunct of "group";
    the property is that of the head ("members"), reached back through the "of" phrase."""
    tok, through_of = x, False
    for _ in range(8):
        if tok.dep_ not in OF_PHRASE_DEPS or tok.head.i == tok.i:
            return None
        through_of = through_of or (tok.dep_ == "pobj" and tok.head.lower_ == "of")
        tok = tok.head
        if through_of and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.pos_ in ("NOUN", "PROPN"):
            return event_property(tok, voc, depth + 1)
    return None


#: dependencies by which a counted word is already an argument of its verb
ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "agent")
#: dependencies of the words that may stand between a count and its verb ("..., were killed")
BETWEEN_DEPS = ("punct", "aux", "auxpass", "advmod", "neg", "cc")


def _driven_out(x, voc: Vocabulary) -> Optional[str]:
    """People a verb moves *from their homes* are displaced, whatever the verb ("forced some 1.4 million
    people from their homes", "were driven from their houses"): ``driven_from`` in the lexicon."""
    if x.dep_ not in PATIENT_DEPS or x.head.i == x.i or voc.driven_from is None:
        return None
    for prep in x.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            if any(g.dep_ == "pobj" and g.lemma_.lower() in voc.driven_from[1] for g in prep.children):
                return voc.driven_from[0]
    return None


def _group_property(x, voc: Vocabulary, depth: int) -> Optional[str]:
    """A count said to be part of a counted group by a copula: "two children are *among those killed*"
    takes the group's property."""
    verb = x.head
    if x.dep_ not in ("nsubj", "attr") or verb.i == x.i or verb.lemma_.lower() != "be" or depth >= 2:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in voc.part_markers:
            for group in prep.children:
                if group.dep_ == "pobj":
                    prop = event_property(group, voc, depth + 1) or voc.nouns.get(group.lemma_.lower())
                    if prop in voc.victim:
                        return prop
    return None


def _orphan_verb_property(x, voc: Vocabulary) -> Optional[str]:
    """The property of a subjectless loss verb right after a count the parse left outside any clause
    ("..., and over 500 people, mostly women and children, were *injured*": the count hung on the
    verb before it or as an apposition); None when the count is already some verb's argument."""
    if x.dep_ in ARGUMENT_DEPS:
        return None
    end = max(t.i for t in x.subtree) + 1
    sent_end = x.sent.end
    for t in x.doc[end:sent_end]:
        if t.dep_ in BETWEEN_DEPS:
            continue
        if t.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return None
        return voc.verbs.get(t.lemma_.lower())
    return None


def _stray_object_property(x, voc: Vocabulary) -> Optional[str]:
    """The property of a loss verb right before a count the parse hung elsewhere, the verb left with no
    object ("..., killing at least four Iranians, state media reported": "Iranians" read as a modifier
    of "media"); None when the count is already some verb's argument."""
    if x.dep_ in ARGUMENT_DEPS:
        return None
    first = min(t.i for t in x.subtree)
    verb = x.doc[first - 1] if first > x.sent.start else None
    if verb is None or verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
        return None
    return _word_property(verb, voc)


def toll_property(num, voc: Vocabulary) -> Optional[str]:
    """The property of a number given as the value of a toll: "the death *toll* rose to 704", "put the
    toll at 31", "the toll of six", "the toll is 40"; None otherwise."""
    host = None
    if num.dep_ == "pobj" and num.head.lower_ in voc.toll_prepositions:
        host = num.head.head
    elif num.dep_ in ("attr", "dobj"):
        host = num.head
    if host is None:
        return None
    if host.lemma_.lower() in voc.tolls:
        return voc.tolls[host.lemma_.lower()]
    if host.pos_ in VERB_POS:
        for c in host.children:
            if c.dep_ not in ("nsubj", "nsubjpass", "dobj") or c.i == num.i:
                continue
            if c.lemma_.lower() in voc.tolls:
                return voc.tolls[c.lemma_.lower()]
            if c.lemma_.lower() in voc.aggregates:  # "the *number* of civilians massacred ... is over 200"
                prop = next((event_property(g, voc, 1) for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj"), None)
                if prop in voc.victim:
                    return prop
    return None


def bare_property(q: Quantity, num, voc: Vocabulary) -> Optional[str]:
    """The property of a number that counts no noun: a loss said by its verb or predicate ("seven
    *injured*", "*killing* at least 10", "left thousands *dead*") or the value of a toll; a year
    ("in 2019") never is one."""
    if num is None:
        return None
    if not q.vague and not q.approx and float(q.value).is_integer() and voc.year_range[0] <= q.value <= voc.year_range[1] \
            and "," not in q.text:
        return None
    prop = toll_property(num, voc)
    if prop is None:
        prop = _head_property(num, voc) or _predicate_property(num, voc) or _next_word_property(num, voc)
    return prop if prop in voc.victim else None


def _next_word_property(num, voc: Vocabulary) -> Optional[str]:
    """A number right before a participle or adjective of a loss, the verb left out ("killed and
    seven *injured*", "another 200 *wounded*", "nearly a million *displaced*")."""
    i = num.i + 1
    while i < len(num.doc) and num.doc[i].lower_ in voc.count_extensions:  # "several *more* wounded"
        i += 1
    nxt = num.doc[i] if i < len(num.doc) else None
    if nxt is None or nxt.tag_ not in ("VBN", "JJ", "VBD"):
        return None
    return _word_property(nxt, voc)


def _root_property(noun, root, voc: Vocabulary) -> Optional[str]:
    """The property a verb gives a count whose noun follows "of": "killed *scores* of soldiers"."""
    if noun.head.i == root.i or noun.head.head.i != root.i:
        return None
    return _head_property(root, voc) or _predicate_property(root, voc)


def noun_property(noun, voc: Vocabulary, people: bool) -> tuple[Optional[str], bool]:
    """The counted noun's own property ("troops" -> troops, "air defence systems" by its last two
    words), and whether the noun may count people at all (a listed noun, a person noun, a demonym)."""
    lemma = noun.lemma_.lower()
    word = noun.lower_
    prev = noun.nbor(-1).lemma_.lower() + " " + lemma if noun.i > 0 else lemma
    prop = voc.nouns.get(prev) or voc.nouns.get(lemma) or voc.nouns.get(word)
    if prop is not None and _measure_of_other(noun, voc):
        return None, False
    countable = prop is not None or people or lemma in voc.person_nouns or word in voc.person_nouns
    return prop, countable


def _measure_of_other(noun, voc: Vocabulary) -> bool:
    """Does a listed noun measure something else through its "of" phrase ("four *rounds* of sanctions",
    "two rounds of talks"; not "500 rounds *of ammunition*", a listed noun too)? Then it counts no
    thing of its own."""
    objs = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    return bool(objs) and all(voc.nouns.get(p.lemma_.lower()) is None and p.lemma_.lower() not in voc.person_nouns
                              for p in objs)


def part_of_known(noun, root, voc: Vocabulary) -> bool:
    """Whether the count picks some out of a loss already counted ("identified *two of the dead*",
    "*one of the wounded* died"): the count is of the "of" phrase of a definite loss word, no new figure."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.i != root.i:
        return False
    definite = any(c.dep_ == "det" and c.lower_ in voc.subset_determiners for c in noun.children)
    return definite and voc.nouns.get(noun.lemma_.lower(), voc.adjectives.get(noun.lower_)) in voc.victim


def speaks(noun, voc: Vocabulary) -> bool:
    """Whether the counted noun is who reports ("*Two senior officers* said ..."): the subject of a
    reporting verb is a source, not a force."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in voc.attribution


def spared(noun, voc: Vocabulary) -> bool:
    """Whether the counted noun is what an act spared ("saved more than 130 *lives*", "rescued 40
    people"): no loss, whatever the noun says -- but people named by their state stay so ("to rescue
    several *hostages*" counts hostages)."""
    if voc.nouns.get(noun.lemma_.lower()) in voc.status:
        return False
    return noun.dep_ in PATIENT_DEPS and noun.head.lemma_.lower() in voc.sparing_verbs


def count_property(q: Quantity, noun, root, voc: Vocabulary,
                   people: bool = False) -> tuple[Optional[str], Optional[str]]:
    """``(property, unit)`` of quantity ``q`` (see the module doc), or ``(None, None)``."""
    if q.currency:
        kind = money_kind(root, noun, voc)
        if kind is None:  # a net loss or a salary is not conflict reporting
            return None, None
        return kind, q.currency
    if q.unit_property:
        if root is not None and voc.geography is not None and voc.geography.match(root.doc.text, q.end):
            return None, None  # "10 miles east of Damascus" says where, it claims nothing
        return q.unit_property, q.unit
    if noun is None or noun.pos_ == "PRON":  # "seven injured", "two of them wounded"
        if root is not None and root.ent_type_ in voc.not_counts:
            return None, None  # "on January 27", "at 5 pm"
        prop = bare_property(q, root, voc)
        return (prop, voc.units.get(prop)) if prop else (None, None)
    prop = counted_noun_property(noun, root, voc, people)
    if prop is None:
        return None, None
    unit = voc.units.get(prop)
    if unit == "from_noun":
        unit = noun.lemma_.lower()
    return prop, unit


def counted_noun_property(noun, root, voc: Vocabulary, people: bool) -> Optional[str]:
    """The property of a count of ``noun``: a loss noun keeps its property ("claimed dozens *of
    casualties*"); of people named by their state, the verb says more ("released hundreds *of
    prisoners*"); a loss verb says nothing of things ("neutralised five drones" are no dead); no
    property for what an act spared, a part of a loss already counted, or who reports."""
    prop, countable = noun_property(noun, voc, people)
    if not countable or spared(noun, voc) or part_of_known(noun, root, voc):
        return None
    if prop is not None and prop not in voc.victim and speaks(noun, voc):
        return None
    own_loss = prop if prop in voc.victim and prop not in voc.status else None
    event = event_property(noun, voc) if prop is None or voc.units.get(prop) == "persons" else None
    return (event or own_loss or _root_property(noun, root, voc)
            or (prop if prop in voc.victim else None) or prop)
