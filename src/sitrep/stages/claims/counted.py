"""What is counted: the noun a number counts and the property it makes.

* the counted noun (:func:`counted_noun`): the noun the number modifies ("about 1,000 *troops*"),
  the object of "of" ("hundreds *of people*", "1,000 *of its troops*"), or the noun right after;
* the property (:func:`count_property`), first that applies:

  1. a currency makes money, refined to its kind by the words around it (:func:`money_kind`:
     "$2bn in military *aid*" -> aid); money of no known kind is no claim (a salary, a net loss);
  2. a unit says what is measured ("30 km" -> distance);
  3. the counted noun's property ("troops", "deaths"); a generic noun for people ("civilians") or
     a demonym ("45 Palestinians") takes its property from the verb or adjective around it
     (:func:`event_property`: "12 civilians were *killed*", "12 *dead* soldiers").
"""

from __future__ import annotations

from typing import Optional

from ...numbers import Quantity
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


def event_property(noun, voc: Vocabulary) -> Optional[str]:
    """The property the verb or adjective around a counted noun gives it: "12 *dead* soldiers",
    "45 civilians *killed*", "12 civilians were *killed*"; None when none does."""
    for c in noun.children:
        if c.dep_ in ("amod", "acl") and (c.lower_ in voc.adjectives or c.lemma_.lower() in voc.verbs):
            return voc.adjectives.get(c.lower_) or voc.verbs.get(c.lemma_.lower())
    head = noun.head
    if head.pos_ in VERB_POS and head.lemma_.lower() in voc.verbs and (
            noun.dep_ in ("dobj", "nsubjpass") or (noun.dep_ == "nsubj" and not any(
                c.dep_ == "dobj" for c in head.children))):
        return voc.verbs[head.lemma_.lower()]
    return None


def noun_property(noun, voc: Vocabulary, people: bool) -> tuple[Optional[str], bool]:
    """The counted noun's own property ("troops" -> troops, "air defence systems" by its last two
    words), and whether the noun may count people at all (a listed noun, a person noun, a demonym)."""
    lemma = noun.lemma_.lower()
    word = noun.lower_
    prev = noun.nbor(-1).lemma_.lower() + " " + lemma if noun.i > 0 else lemma
    prop = voc.nouns.get(prev) or voc.nouns.get(lemma) or voc.nouns.get(word)
    countable = prop is not None or people or lemma in voc.person_nouns or word in voc.person_nouns
    return prop, countable


def count_property(q: Quantity, noun, root, voc: Vocabulary,
                   people: bool = False) -> tuple[Optional[str], Optional[str]]:
    """``(property, unit)`` of quantity ``q`` (see the module doc), or ``(None, None)``."""
    if q.currency:
        kind = money_kind(root, noun, voc)
        if kind is None:  # a net loss or a salary is not conflict reporting
            return None, None
        return kind, q.currency
    if q.unit_property:
        return q.unit_property, q.unit
    if noun is None:
        return None, None
    prop, countable = noun_property(noun, voc, people)
    if not countable:
        return None, None
    prop = event_property(noun, voc) or prop
    if prop is None:
        return None, None
    unit = voc.units.get(prop)
    if unit == "from_noun":
        unit = noun.lemma_.lower()
    return prop, unit
