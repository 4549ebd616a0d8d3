"""Who speaks: the words naming the speaker of each cue, resolved to an actor.

1. **The speaker's head word** (:func:`speaker_head`): the subject of a cue verb, climbing through
   conjunctions and relative clauses ("Sullivan, *who* said" -> Sullivan); the object of
   "according to" (or the noun phrase right after "quoting officials"); the possessor of a noun cue
   ("*his* statement"). Where the parser lost the subject, the name wedged between the quote and its
   verb ('"…," *Tulsa police Chief Chuck Jordan* said', '"…," said *Fallon*').
2. **The actor** (:func:`resolve`), first that applies:

   a. an actor mention of the actors stage on the head or its appositive ("the spokesman, *Pat
      Ryder*, said");
   b. a pronoun: he/she is the last person who spoke (else the last PERSON entity), they/it the last
      organisation that spoke;
   c. a spaCy PERSON/ORG/GPE/NORP entity (an ``ent:`` id);
   d. a run of capitalised proper nouns the recogniser missed ("Fallon").
"""

from __future__ import annotations

import dataclasses
import re
from typing import Optional

from ...core.contract import ActorRef
from .context import QuoteContext, token_at, trim_name
from .records import CueHit, Speaker

_NP_POS = {"PROPN", "NOUN", "ADJ", "DET", "PART", "NUM"}
#: a short parenthesis right after a name belongs to it ("(SJS)", "(D-Md.)")
_PARENTHESIS_RE = re.compile(r"[ \t\u00a0]*\([^()\n,;]{1,24}\)")
_CORE_LEFT_DEPS = ("compound", "det", "amod", "nmod", "poss", "nummod", "punct")
#: dependents after a described speaker's head that belong to its description ("a reporter *for USA
#: Today*", "those *close to him*")
_DESCRIPTION_DEPS = ("prep", "amod", "compound", "flat", "nummod")
#: dependents that open a clause: a description stops before them ("the text of the agreement*, which
#: was initialled ...*")
_CLAUSE_DEPS = ("relcl", "acl", "appos", "advcl", "cc")


def resolve_speakers(ctx: QuoteContext, hits: list[CueHit]) -> None:
    """Give every cue its speaker, in text order (a pronoun takes the last speaker of its kind; a cue
    inside another cue's reported clause is reported, not spoken, and never the last speaker)."""
    last_person: Optional[Speaker] = None
    last_group: Optional[Speaker] = None
    history: list[Speaker] = []   # who spoke so far (not embedded), in order
    reach = -1   # the end of the reported clauses of the cues so far
    for h in hits:
        head = speaker_head(ctx, h)
        embedded = h.start < reach   # "Hart said Diallo had *agreed*": not who spoke last
        if h.content is not None and h.content[0] > h.start:
            reach = max(reach, h.content[1])
        if head is None:
            continue
        sp = full_mention(ctx, by_relative_pronoun(ctx, h, resolve(ctx, head, last_person, last_group, history)))
        h.speaker = sp
        if sp is not None and sp.ref is not None and not embedded:
            agreement(sp, head, ctx)
            history.append(sp)
            if sp.person:
                last_person = sp
            else:
                last_group = sp


def by_relative_pronoun(ctx: QuoteContext, h: CueHit, sp: Optional[Speaker]) -> Optional[Speaker]:
    """ "Trump, *who* says he is honored": a speaker named by a relative pronoun is its antecedent's
    actor, and the words naming it here are the pronoun (as "he" names whoever it stands for). Only for
    an actor of the article: a description no actor stands for keeps its words ("an architect who
    said")."""
    if sp is None or sp.ref is None or ctx.state.actor(sp.ref.actor_id) is None:
        return sp
    tok = ctx.doc[h.token_i]
    if h.entry.kind != "verb" or tok.dep_ != "relcl":
        return sp
    pron = next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ in ctx.words.relative_pronouns), None)
    if pron is None:
        return sp
    end = pron.idx + len(pron)
    return dataclasses.replace(sp, ref=ActorRef(actor_id=sp.ref.actor_id, text=pron.text), start=pron.idx, end=end)


def full_mention(ctx: QuoteContext, sp: Optional[Speaker]) -> Optional[Speaker]:
    """The words naming a speaker are its whole mention: the others it speaks with ("police *and
    medics*", "Regulators *and environmental groups*"), a parenthesis after the name ("the Somali
    Journalists Syndicate *(SJS)*", "Rep. Elijah Cummings *(D-Md.)*") and a proper name it is of or in
    ("Human Rights Activists *in Iran*", "Gov. Earl Ray Tomblin *of West Virginia*"). The actor stays the
    one the first name stands for; a pronoun stays as it is."""
    if sp is None or sp.ref is None or not sp.ref.text or not ctx.text[:sp.end].endswith(sp.ref.text):
        return sp
    if sp.ref.text.lower() in ctx.words.pronouns or sp.ref.text.lower() in ctx.words.relative_pronouns:
        return sp
    end = coordination_end(ctx, sp.end)
    m = _PARENTHESIS_RE.match(ctx.text, end)
    if m is not None:
        end = m.end()
    end = proper_phrase_end(ctx, end)
    if end == sp.end:
        return sp
    words = sp.ref.text + ctx.text[sp.end:end]
    return dataclasses.replace(sp, end=end, ref=ActorRef(actor_id=sp.ref.actor_id, text=words))


def coordination_end(ctx: QuoteContext, end: int, head=None) -> int:
    """The end of the nouns coordinated with the speaker's name ending at ``end`` ("police *and
    medics*", "Regulators *and environmental groups*"), before any comma or clause; else ``end``.
    ``head``: the name's head (by default the word ending at ``end``)."""
    head = head if head is not None else token_at(ctx.doc, end - 1)
    if head is None or head.idx + len(head) > end:
        return end
    conj = next((c for c in head.rights if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)
    if conj is None or ctx.text[end:conj.left_edge.idx].strip().lower() not in ("and", "or"):
        return end
    right = conj.i
    for c in conj.rights:
        if c.dep_ not in _DESCRIPTION_DEPS or c.i != right + 1:
            break
        right = c.i
    return ctx.doc[right].idx + len(ctx.doc[right])


def proper_phrase_end(ctx: QuoteContext, end: int) -> int:
    """The end of an "in"/"of"/"from" phrase right at ``end`` whose object is a proper name ("*in
    Iran*", "*of the Senate Foreign Relations Committee*"), else ``end``."""
    doc = ctx.doc
    k = end
    while k < len(ctx.text) and ctx.text[k] in " \t\u00a0":
        k += 1
    tok = token_at(doc, k)
    if tok is None or tok.idx != k:
        return end
    if tok.pos_ != "ADP" or tok.lower_ not in ctx.words.name_prepositions:
        return end
    j = tok.i + 1
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    last = None
    while j < len(doc) and doc[j].pos_ == "PROPN" and not doc[j].is_sent_start:
        last = doc[j]
        j += 1
    if last is None or (j < len(doc) and doc[j].pos_ in ("NOUN", "ADP") and doc[j].lower_ != "in"):
        return end
    if j < len(doc) and doc[j].idx == last.idx + len(last) and doc[j].text in "-\u2013":
        return end   # "of the Turkey-backed army": the name goes on past the hyphen
    return last.idx + len(last)


def speaker_head(ctx: QuoteContext, h: CueHit):
    """The token naming the speaker of cue ``h`` (see the module doc, step 1), or None."""
    tok = ctx.doc[h.token_i]
    kind = h.entry.kind
    if kind == "noun":
        return next((c for c in tok.children if c.dep_ == "poss"), None)
    if kind == "preposition":
        return _prep_object(ctx, h)
    # verbs: the subject, climbing through conjunctions and relative clauses
    subj = verb_subject(ctx, tok)
    trailing = trailing_name(ctx, tok)
    if trailing is not None and (subj is None or subj.i < trailing_comma(ctx, tok)):
        return trailing   # "…, the Treasury statement noted" / "His actions, Thomas-Greenfield said, …"
    if subj is not None and (not ctx.in_quote(subj.idx, subj.idx + len(subj)) or ctx.quoted_name(subj) is not None):
        return subj
    # the parser lost the subject (or put it inside the quote): '"…," NAME said' / '"…," said NAME'
    return adjacent_name(ctx, tok)


def _prep_object(ctx: QuoteContext, h: CueHit):
    """The object of "according to X"; else the noun phrase right after the phrase ("quoting
    officials")."""
    doc = ctx.doc
    last = doc[h.token_i + len(h.entry.words) - 1]
    obj = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
    if obj is None:
        nxt = last.i + 1
        while nxt < len(doc) and doc[nxt].pos_ in ("DET", "ADJ"):
            nxt += 1
        if nxt < len(doc) and doc[nxt].pos_ in ("NOUN", "PROPN", "PRON"):
            obj = doc[nxt]
            while obj.dep_ == "compound" and obj.head.i > obj.i:
                obj = obj.head
    return obj


def verb_subject(ctx: QuoteContext, tok):
    """The subject of cue verb ``tok``: through an agent ("was told by X"), a conjunction ("X arrived
    and said"), a relative pronoun ("X, who said"), a participle after its clause ("X left, saying"),
    a passive "as" ("X was quoted as saying"); None for an agentless passive or a clausal
    subject."""
    verb = tok
    for _ in range(ctx.config.subject_climb_limit):
        subjs = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and not ctx.in_dateline(c.idx)]
        # in an "as" clause, the subject after "as" ("Hawaii, as *one of the advisers* pointed out, ..."
        # where the parser gave the cue both)
        mark = next((c for c in verb.children if c.lower_ in ctx.words.as_marks and c.i < verb.i), None)
        subj = next((c for c in subjs if mark is None or c.i > mark.i), subjs[0] if subjs else None)
        if subj is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is not None:
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if subj is not None:
                    return subj
            # passive without an agent: the subject is the addressee ("officials were told")
            if any(c.dep_ == "nsubjpass" for c in verb.children):
                return None
        if subj is not None:
            if subj.lower_ in ctx.words.relative_pronouns and verb.dep_ == "relcl":
                return verb.head
            return None if subj.dep_ == "csubj" else subj
        up = _clause_above(verb)
        if up is None:
            return _subject_outside(verb)
        verb = up
    return None


def _clause_above(verb):
    """The verb whose subject cue ``verb`` shares: the first of two conjuncts ("X arrived and *said*"),
    the clause of a participle ("X mocked the complaint, *saying* ...", "About 40 women -- *chanting*
    "…" -- marched"); None."""
    if verb.head.pos_ not in ("VERB", "AUX") or verb.head.i == verb.i:
        return None
    if verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        return verb.head
    return None


def _subject_outside(verb):
    """A subject that is not the verb's dependent: the noun a relative clause or a participle hangs on
    ("X, who said"; "women *chanting* "…"", "a statement *saying*"), the passive subject of "X was
    quoted as saying"; None."""
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        return verb.head
    return _quoted_as(verb)


def _quoted_as(verb):
    """ "X was quoted *as saying*", "X is cited as saying": the passive subject of the verb the "as"
    hangs on, or None."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.pos_ != "VERB":
        return None
    return next((c for c in prep.head.children if c.dep_ == "nsubjpass"), None)


def trailing_name(ctx: QuoteContext, tok):
    """The noun phrase standing alone between a comma and cue verb ``tok``: "The oil was shipped ...,
    *the Treasury statement* noted", "…, *the US Treasury's Office of Foreign Assets Control* said",
    "His actions, *Thomas-Greenfield* said, have …". The parser often hangs such a phrase on the words
    before the comma (an appositive, a conjunct) and gives the verb their subject, or none; the phrase
    touching the verb is its speaker. Its head (the word before the verb), or None when anything but a
    noun phrase (a verb, a conjunction, a quote) stands between the comma and the verb."""
    k = trailing_comma(ctx, tok)
    if k is None:
        return None
    doc = ctx.doc
    # a coordination speaks through its first member ("…, the health ministry and the news agency WAFA
    # said": the ministry; a joint description's mention covers the first member too)
    first_and = next((t.i for t in doc[k + 1:tok.i] if t.pos_ == "CCONJ"), None)
    if first_and is not None and doc[first_and - 1].pos_ in ("PROPN", "NOUN"):
        return doc[first_and - 1]
    return doc[tok.i - 1]


def trailing_comma(ctx: QuoteContext, tok) -> Optional[int]:
    """The index of the comma before the noun phrase that stands alone before cue verb ``tok`` (see
    :func:`trailing_name`; "…, *police and medics* said" is one phrase), or None."""
    doc = ctx.doc
    j = tok.i - 1
    if j < 1 or doc[j].pos_ not in ("PROPN", "NOUN"):
        return None
    lo = max(0, tok.i - ctx.config.relative_clause_max_tokens)
    k = j
    while k > lo and (_np_token(doc[k]) or doc[k].text in ("(", ")")
                      or (doc[k].pos_ == "ADP" and doc[k].lower_ in ("of", "for"))
                      or (doc[k].pos_ == "CCONJ" and doc[k].lower_ == "and")):
        k -= 1
    if doc[k].text != "," or k == j or doc[k + 1].pos_ in ("ADP", "CCONJ"):
        return None
    if any(t.is_sent_start for t in doc[k + 1:tok.i]):
        return None
    return k


def _np_token(t) -> bool:
    """A word that can be part of a speaker's noun phrase ("Tulsa police Chief Chuck Jordan")."""
    if t.is_quote or t.is_space:
        return False
    return t.pos_ in _NP_POS or t.is_title or t.text in (".", "-")


def adjacent_name(ctx: QuoteContext, tok):
    """The noun phrase wedged between a quote and its cue verb, on either side of the verb:
    '"…," Tulsa police Chief Chuck Jordan said' or '"…," said Fallon'. Only a phrase that touches
    the quote's closing mark counts (nothing else may stand between), so no noun near a quote is
    ever taken for its speaker."""
    doc = ctx.doc
    # left: "…," NAME said, also past a relative clause: "…," NAME, who was trying to leave, told ...
    j = relative_clause_start(ctx, tok) - 1
    end = j + 1
    while j >= 0 and _np_token(doc[j]):
        j -= 1
    if 0 < j < end - 1 and doc[j].is_alpha and doc[j].is_lower and _after_quote(doc, j):
        j -= 1   # one title word the parser misread ('"…," *protester* Davis Tafari told')
    if 0 <= j < end - 1:
        edge = doc[j]
        if edge.is_quote or (edge.text == "," and j > 0 and doc[j - 1].is_quote):
            head = doc[end - 1]
            if head.pos_ in ("PROPN", "NOUN"):
                return head
    # right: "…," said NAME[,.] -- never the addressee of "told Reuters"
    if tok.i > 0 and (doc[tok.i - 1].is_quote or doc[tok.i - 1].text == ",") \
            and tok.lemma_.lower() not in ctx.words.addressee_cues:
        j = tok.i + 1
        last = None
        while j < len(doc) and _np_token(doc[j]):
            if doc[j].pos_ in ("PROPN", "NOUN"):
                last = doc[j]
            j += 1
        if last is not None and (j >= len(doc) or doc[j].is_punct or doc[j].pos_ in ("ADP", "SCONJ")):
            return last   # '"…," chanted the protesters *before* they dispersed', '… said X *in* a statement'
    return None


def _after_quote(doc, j: int) -> bool:
    """Whether token ``j`` comes right after a closing quotation mark (or its comma)."""
    return doc[j - 1].is_quote or (doc[j - 1].text == "," and j > 1 and doc[j - 2].is_quote)


def relative_clause_start(ctx: QuoteContext, tok) -> int:
    """Where a relative clause set off by commas right before cue ``tok`` begins (its first comma),
    else ``tok.i``: '"…," protester Ann Ruto*, who was trying to enter parliament,* told Reuters'."""
    doc = ctx.doc
    if tok.i < 2 or doc[tok.i - 1].text != ",":
        return tok.i
    k = tok.i - 2
    lo = max(0, tok.i - ctx.config.relative_clause_max_tokens)
    while k > lo and doc[k].text != "," and not doc[k].is_quote:
        k -= 1
    if doc[k].text == "," and k + 1 < tok.i and doc[k + 1].lower_ in ctx.words.relative_pronouns:
        return k
    return tok.i


def description(ctx: QuoteContext, head, cs: int, ce: int) -> Speaker:
    """A speaker without an actor, described by the words from ``cs`` (the head's core words, extended
    by :func:`description_end`) -- except hearsay: a plural of ``hearsay_documents`` ("reports said",
    "multiple reports say"; but "the text says", "polling averages show")."""
    end = coordination_end(ctx, description_end(ctx, head, ce), head)
    return Speaker(None, cs, end, False, described=may_describe(ctx, head))


def may_describe(ctx: QuoteContext, head) -> bool:
    """Whether the words headed by ``head`` may describe a speaker: a noun, a proper noun or a number
    ("twelve percent") that is no head of ``not_speakers`` in ``described_sources.yaml`` ("the crisis",
    "the situation") nor hearsay (a plural of ``hearsay_documents``: "reports said"); an indefinite or
    modified pronoun ("some", "those close to him"); never a word cut out of a hyphenated one
    ("co-chairs")."""
    if ctx.text[head.idx + len(head):head.idx + len(head) + 1] == "-":
        return False
    if head.pos_ == "PRON":
        return described_pronoun(ctx, head)
    if head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    lemma = head.lemma_.lower()
    if lemma in ctx.words.not_speakers:
        return False
    return not (lemma in ctx.words.hearsay_nouns and "Plur" in head.morph.get("Number"))


def description_end(ctx: QuoteContext, head, end: int) -> int:
    """Where the words describing a speaker no name stands for end: past the phrases that say who it is
    ("*the text of the agreement* says", "*a reporter for USA Today* reported", "*those close to him*
    say"), up to a comma, a clause or ``max_tokens`` of ``described_sources.yaml``. ``end``: the end of
    the head's core words."""
    doc = ctx.doc
    right = head.i
    limit = min(len(doc) - 1, head.i + ctx.words.description_max_tokens)
    for c in head.rights:
        if c.dep_ not in _DESCRIPTION_DEPS or c.left_edge.i != right + 1:
            break
        k = right + 1
        while k <= min(c.right_edge.i, limit) and not (doc[k].is_punct or doc[k].is_quote
                                                        or doc[k].dep_ in _CLAUSE_DEPS):
            k += 1
        if k <= c.right_edge.i and doc[k].idx == doc[k - 1].idx + len(doc[k - 1]) and doc[k].text in "-\u2013":
            break   # inside a hyphenated word ("of the Turkey-backed army"): not cut there
        right = k - 1
        if k <= c.right_edge.i:
            break
    if right == head.i:
        return end
    tok = doc[right]
    return max(end, tok.idx + len(tok))


def core_span(ctx: QuoteContext, head) -> tuple[int, int]:
    """The words naming the speaker: the head with its compounds, titles and determiner
    ("the Pentagon spokesman" for head "spokesman")."""
    left = head.i
    for c in head.lefts:
        if c.dep_ in _CORE_LEFT_DEPS and c.i < left:
            # only contiguous modifiers
            left = min(left, c.left_edge.i)
    doc = ctx.doc
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    right = head.i
    for c in head.rights:
        if c.dep_ in ("compound", "flat") and c.i == right + 1:
            right = c.i
    return doc[left].idx, doc[right].idx + len(doc[right])


# -- resolving the head to an actor ---------------------------------------------------------------
def resolve(ctx: QuoteContext, head, last_person: Optional[Speaker],
            last_group: Optional[Speaker], history: Optional[list[Speaker]] = None) -> Optional[Speaker]:
    """The speaker named by ``head`` (see the module doc, step 2); a speaker without an actor
    (``ref`` None) when nothing applies. ``history``: who spoke before, in order."""
    # an appositive person names the speaker better than a title ("the spokesman, Pat Ryder, said")
    appos = [c for c in head.children if c.dep_ == "appos"]
    people = [c for c in appos + nested_appositives(head) if (m := ctx.mention_with(c.idx, c.idx + len(c)))
              is not None and ctx.is_person_actor(m.actor_id, m.how)]
    heads = people + [head] + [c for c in appos if c not in people]
    cs, ce = core_span(ctx, head)
    got = by_name_or_agreement(ctx, head, (cs, ce), last_person, history)
    if got is not None:
        return got
    got = by_mention(ctx, heads)
    if got is not None:
        return got
    if head.lower_ in ctx.words.pronouns or (head.pos_ == "PRON" and "Prs" in head.morph.get("PronType")):
        return by_pronoun(ctx, head, (cs, ce), last_person, last_group)
    if head.pos_ == "PRON" and not described_pronoun(ctx, head):
        return by_pronoun(ctx, head, (cs, ce), last_person, last_group)
    if head.lemma_.lower() in ctx.words.document_nouns or head.lower_ in ctx.words.document_nouns:
        return by_document(ctx, head, (cs, ce), last_person, last_group)
    return by_quoted_name(ctx, head) or by_entity(ctx, heads, (cs, ce)) or by_proper_name(ctx, heads, (cs, ce)) \
        or description(ctx, head, cs, ce)


def described_pronoun(ctx: QuoteContext, head) -> bool:
    """Whether pronoun ``head`` describes a speaker rather than standing for one: an indefinite of
    ``described_pronouns`` ("*some* believe", "*someone* asked", "*each* saying") or a pronoun with words
    after it saying who ("*those* close to him say", "*one* of the doctors")."""
    return head.lower_ in ctx.words.described_pronouns \
        or any(c.dep_ in ("prep", "amod", "acl", "relcl") and c.i > head.i for c in head.children)


def by_quoted_name(ctx: QuoteContext, head) -> Optional[Speaker]:
    """A name in quotation marks ('the self-styled "Republic of Artsakh" said'): the whole quoted name,
    an organisation."""
    span = ctx.quoted_name(head)
    if span is None:
        return None
    name = ctx.text[span[0]:span[1]]
    return Speaker(ActorRef(actor_id=ctx.fallback_id(name, "ORG"), text=name), span[0], span[1], False)


def self_named(ctx: QuoteContext, head):
    """The name a description gives itself: "the group, *known as JNIM*, said", "an officer guarding the
    ministry, *named Hassan*, told", "another witness *who identified himself only by his first name,
    Shambel*", "the group *that calls itself the Oromo Liberation Army*", also on the noun after "of"
    ("one of the survivors *who identified himself as ...*"). The name's token (an object of the naming
    verb, the noun after its "as", an appositive in it), or None; a naming clause with a subject of its
    own ("*which the government calls Shane*") names nothing for the speaker."""
    nouns = [head] + [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj"]
    for noun in nouns:
        for c in noun.rights:
            if c.dep_ not in ("acl", "relcl") or c.lemma_.lower() not in ctx.words.naming_words:
                continue
            if any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in ctx.words.relative_pronouns
                   for s in c.children):
                continue
            names = [t for t in c.subtree if t.pos_ == "PROPN" and t.i > c.i and _names_role(t)]
            if names:
                return names[0]
    return None


def _names_role(t) -> bool:
    """Whether proper noun ``t`` (or the phrase it heads) is what a naming verb gives: its object or
    complement, the noun after its "as", an appositive ("his first name, *Shambel*")."""
    while t.dep_ in ("compound", "flat") and t.head.i > t.i:
        t = t.head
    if t.dep_ in ("oprd", "attr", "dobj", "appos", "ccomp", "xcomp"):
        return True
    return t.dep_ == "pobj" and t.head.lower_ == "as"


def by_name_or_agreement(ctx: QuoteContext, head, core: tuple[int, int], last_person: Optional[Speaker],
                         history: Optional[list[Speaker]]) -> Optional[Speaker]:
    """The rules before the mentions: the name a description gives itself; a he/she under a person's
    clause or right after a person spoke; an "it" agreeing with the nearest speaker. None otherwise."""
    named = self_named(ctx, head)
    if named is not None:
        got = by_mention(ctx, [named]) or by_entity(ctx, [named], core) or by_proper_name(ctx, [named], core)
        if got is not None:
            return got
    if head.pos_ != "PRON":
        return None
    if head.lower_ in ctx.words.person_pronouns:
        return clause_subject(ctx, head, core) or nearest_speaker(ctx, head, core, last_person)
    if head.lower_ in ctx.words.singular_pronouns and history:
        return agreeing_speaker(ctx, head, core, history)
    return None


def nested_appositives(head) -> list:
    """Appositives of the nouns a speaker's head governs through "of": "A member of the House, *Ahmed
    Satomi*, said" (the parser hangs the name on "House"; a person named there is the member)."""
    out: list = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    out.extend(c for c in obj.children if c.dep_ == "appos")
    return out


def clause_subject(ctx: QuoteContext, head, core: tuple[int, int]) -> Optional[Speaker]:
    """A he/she inside a clause governed by a person: the named subject of a clause above the pronoun,
    before it in the sentence ("Iran's supreme leader backed a move that sparked unrest in which *he*
    said ..." is the leader), when that subject is a person actor or a person's role no actor stands
    for (then named by its description)."""
    node = head.head
    for _ in range(ctx.config.subject_climb_limit):
        if node.head.i == node.i:
            break
        node = node.head
        subj = next((c for c in node.children if c.dep_ == "nsubj" and c.i < head.i
                     and c.pos_ != "PRON"), None)
        if subj is None:
            continue
        got = by_mention(ctx, [subj])
        cs, ce = core
        if got is None and subj.lemma_.lower() in ctx.words.role_heads and "Plur" not in subj.morph.get("Number"):
            # a person described by a role no actor stands for ("Iran's supreme leader"): named by the
            # description, the only name the speaker has
            ds, de = core_span(ctx, subj)
            words = ctx.text[ds:de]
            return Speaker(ActorRef(actor_id=ctx.fallback_id(words, "DESC"), text=words), cs, ce, True)
        if got is None or not got.person or got.ref is None:
            return None
        return Speaker(ActorRef(actor_id=got.ref.actor_id, text=head.text), cs, ce, True)
    return None


def agreement(sp: Speaker, head, ctx: QuoteContext) -> None:
    """Set the agreement features of speaker ``sp`` named by ``head``: plural for a plural noun or a
    coordination ("officials", "troops and residents"), a named person for a person named by a proper
    name or by he/she. A pronoun speaker keeps the features of the one it stands for."""
    if head.pos_ == "PRON":
        sp.named_person = head.lower_ in ctx.words.person_pronouns
        sp.plural = "Plur" in head.morph.get("Number") and head.lower_ not in ctx.words.person_pronouns
        return
    sp.plural = "Plur" in head.morph.get("Number") or any(c.dep_ == "conj" for c in head.children)
    sp.named_person = sp.person and head.pos_ == "PROPN"


def agreeing_speaker(ctx: QuoteContext, head, core: tuple[int, int], history: list[Speaker]) -> Optional[Speaker]:
    """ "The junta said …. But *it* warned …": a singular group pronoun is the nearest speaker of the
    same or the previous sentence that agrees with it -- one, and no named person ("rights groups and
    governments condemned" and "Ms Lund said" do not) -- the subject of the nearest attribution, not
    the last noun."""
    here = ctx.sent_index(head.idx)
    for sp in reversed(history):
        if here - ctx.sent_index(sp.start) > 1:
            break
        if sp.ref is None or sp.plural or sp.named_person:
            continue
        cs, ce = core
        return Speaker(ActorRef(actor_id=sp.ref.actor_id, text=head.text), cs, ce, sp.person)
    return None


def nearest_speaker(ctx: QuoteContext, head, core: tuple[int, int],
                    last_person: Optional[Speaker]) -> Optional[Speaker]:
    """ "Netanyahu said Israel would act. *He* said ...": a he/she speaking right after a person spoke
    (the same or the previous sentence) is that person -- the subject of the nearest attribution
    decides, not a person named in between."""
    if last_person is None or last_person.ref is None:
        return None
    here = ctx.sent_index(head.idx)
    if here - ctx.sent_index(last_person.start) > 1:
        return None
    cs, ce = core
    return Speaker(ActorRef(actor_id=last_person.ref.actor_id, text=head.text), cs, ce, True)


def by_document(ctx: QuoteContext, head, core: tuple[int, int], last_person: Optional[Speaker],
                last_group: Optional[Speaker]) -> Speaker:
    """A text speaks for its owner: "*the group's* statement said", "a *ministry* statement", "according
    to *UN* figures", "the report published *by Human Rights Watch*"; a bare "the statement said" is the
    one who spoke last. No owner: a speaker without an actor."""
    cs, ce = core
    owners = [c for c in head.lefts if c.dep_ in ("poss", "compound", "nmod", "amod")]
    for c in head.rights:
        if c.dep_ in ("acl", "prep"):
            owners.extend(t for t in c.subtree if t.dep_ == "pobj" and t.head.lower_ in ("by", "from", "of"))
    for o in owners:
        m = ctx.mention_with(o.idx, o.idx + len(o))
        if m is not None:
            return Speaker(ActorRef(actor_id=m.actor_id, text=ctx.text[cs:ce]), cs, ce,
                           ctx.is_person_actor(m.actor_id, m.how))
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.lefts)
    last = max((s for s in (last_person, last_group) if s is not None and s.ref is not None),
               key=lambda s: s.start, default=None)
    if definite and not owners and last is not None:
        return Speaker(ActorRef(actor_id=last.ref.actor_id, text=ctx.text[cs:ce]), cs, ce, last.person)
    return description(ctx, head, cs, ce)


def by_mention(ctx: QuoteContext, heads) -> Optional[Speaker]:
    """Rule a: an actor mention on one of ``heads`` ("*Pat Ryder* said", "*Lt. Gen. Pat Ryder*")."""
    for h in heads:
        s, e = h.idx, h.idx + len(h)
        cs, ce = core_span(ctx, h)
        m = ctx.mention_with(s, e)
        if m is None:
            # a mention inside the core words that ends at the head ("Lt. Gen. Pat Ryder")
            inside = [x for x in ctx.mentions_in(cs, ce) if x.end == e]
            m = max(inside, key=lambda x: x.end - x.start) if inside else None
        if m is not None:
            person = ctx.is_person_actor(m.actor_id, m.how) or m.how == "title"
            return Speaker(m.ref(), min(cs, m.start), max(ce, m.end), person)
    return None


def by_pronoun(ctx: QuoteContext, head, core: tuple[int, int], last_person: Optional[Speaker],
               last_group: Optional[Speaker]) -> Speaker:
    """Rule b: '"…," *she* said' is the last person who spoke (else the last PERSON entity before);
    '*it* said' the last organisation that spoke; "we" stays unresolved."""
    low = head.lower_
    cs, ce = core
    words = ctx.words
    if low in words.person_pronouns and last_person is not None:
        return Speaker(ActorRef(actor_id=last_person.ref.actor_id, text=head.text), cs, ce, True)
    if low in words.person_pronouns:
        ent = ctx.last_person_entity(head.idx)
        if ent is not None:
            return Speaker(ActorRef(actor_id=ctx.fallback_id(ent.text, ent.label_), text=head.text),
                           cs, ce, True)
    if low in words.group_pronouns and last_group is not None:
        return Speaker(ActorRef(actor_id=last_group.ref.actor_id, text=head.text), cs, ce, False)
    return Speaker(None, cs, ce, low in words.person_pronouns)


def by_entity(ctx: QuoteContext, heads, core: tuple[int, int]) -> Optional[Speaker]:
    """Rule c: a spaCy entity on one of ``heads`` ("*Jake Sullivan* said" with no actor mention)."""
    cs, ce = core
    for h in heads:
        ent = ctx.entity_at(h)
        if ent is not None:
            es, ee = trim_name(ctx.text, ent.start_char, ent.end_char)
            name = ctx.text[es:ee] or ent.text
            return Speaker(ActorRef(actor_id=ctx.fallback_id(name, ent.label_), text=name),
                           min(cs, es), max(ce, ee), ent.label_ == "PERSON")
    return None


def by_proper_name(ctx: QuoteContext, heads, core: tuple[int, int]) -> Optional[Speaker]:
    """Rule d: a proper name the entity recogniser missed: the run of capitalised words ending at a
    head ('"…," said *Fallon*'); a person up to ``name_run_person_max`` words, else an organisation."""
    cs, ce = core
    doc = ctx.doc
    for h in heads:
        if h.pos_ != "PROPN":
            continue
        k = h.i
        while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title and doc[k - 1].head.i == h.i:
            k -= 1
        name = doc[k:h.i + 1]
        label = "PERSON" if len(name) <= ctx.config.name_run_person_max else "ORG"
        return Speaker(ActorRef(actor_id=ctx.fallback_id(name.text, label), text=name.text),
                       min(cs, name.start_char), max(ce, name.end_char), label == "PERSON")
    return None


def described(ctx: QuoteContext, sp: Speaker) -> Speaker:
    """A speaker no actor, entity or name stands for is the one its words describe ("*the network*
    said", "*those close to him* say", "according to *federal statistics*", "an architect *who* said"):
    a speaker named by those words (an ``ent:`` id, as for a name the recogniser missed); a pronoun
    nobody is found for ("we said") stays without a speaker, as does hearsay (:func:`description`)."""
    if sp.ref is not None or not sp.described:
        return sp
    words = ctx.text[sp.start:sp.end].strip()
    if not any(ch.isalpha() for ch in words) or words.lower() in ctx.words.pronouns:
        return sp
    return dataclasses.replace(sp, ref=ActorRef(actor_id=ctx.fallback_id(words, "DESC"), text=words))
