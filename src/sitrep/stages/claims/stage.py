"""The claims stage itself: its configuration and the reading of one number (see the package doc)."""

from __future__ import annotations

import dataclasses
from typing import Optional

from ...core.article import ArticleState, Mention
from ...core.contract import Claim
from ...lang.numbers import Quantity, find_quantities, read_lexicon
from ..base import Stage, StageConfig
from .circumstances import date, incident_place, place, place_ref, source
from .counted import counted_noun, count_property
from .owner import owner
from .reader import VERB_POS, ClaimReader
from .vocabulary import Vocabulary, build_vocabulary


@dataclasses.dataclass(frozen=True)
class ClaimsConfig(StageConfig):
    #: a counted noun after the number is taken into the claim's text when at most this many tokens
    #: follow the number before it ("1,000 of its *troops*")
    counted_noun_max_gap: int = 4
    #: how many heads are climbed from the counted noun to find the count's owner
    owner_climb_limit: int = 12
    #: how many heads are climbed from the counted noun to find a reporting verb (the source)
    source_climb_limit: int = 20
    #: how many characters before a country are searched for a locative preposition ("in Syria")
    locative_lookback: int = 16


def designation(text: str, q: Quantity, voc: Vocabulary, prev_end: Optional[int] = None) -> bool:
    """Whether number ``q`` is part of a model designation, not a count: glued to a name ("a Quds-2
    missile", "F-16s"), or a bare number right after a number that ends at ``prev_end`` ("one 303
    rifle": the first counts, the second names the model)."""
    if prev_end is not None and not q.hedge and not text[prev_end:q.num_start].strip():
        return True
    pat = voc.designation_before
    return pat is not None and pat.search(text[max(0, q.num_start - 8):q.num_start]) is not None


def _reach_a_verb(path: list, anchor) -> None:
    """Extend a clause path with no verb up to the first verb above ``anchor``: the place may hang on
    the clause's verb."""
    if any(t.pos_ in VERB_POS for t in path):
        return
    for a in anchor.ancestors:
        path.append(a)
        if a.pos_ in VERB_POS:
            break


def armed_group_of_members(r: ClaimReader, noun) -> Optional[Mention]:
    """The armed group whose members a count counts ("1,100 *FARC* members", "20 members *of the
    Maute group*": ``membership_nouns``), or None: members of an armed group are its force."""
    if noun is None or noun.lemma_.lower() not in r.voc.membership_nouns or not r.voc.membership_property:
        return None
    near = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    near += [pobj] + [c for c in pobj.children if c.dep_ in ("compound", "nmod")]
    for tok in near:
        m = r.mention(tok)
        actor = r.state.actor(m.actor_id) if m is not None else None
        if actor is not None and actor.kind in r.voc.armed_kinds:
            return m
    return None


class ClaimsStage(Stage):
    name = "claims"
    needs = ("article", "doc", "actors", "mentions", "places", "place_mentions", "dates")
    assigns = ("claims",)
    Config = ClaimsConfig

    def __init__(self, **config):
        self.config = self.make_config(**config)

    @property
    def vocabulary(self) -> Vocabulary:
        """The claims vocabulary of the pipeline's quantities lexicon (resource ``quantities``)."""
        lex = self.resources.get("quantities", read_lexicon)  # outside the loader: resources don't nest
        return self.resources.get("claims_vocabulary", lambda: build_vocabulary(lex))

    def process(self, state: ArticleState) -> None:
        state.claims = []
        doc = state.doc
        if doc is None or not state.text:
            return
        voc = self.vocabulary
        places = {p.id: p for p in state.places}
        seen: set[tuple[int, int]] = set()
        scenes: dict[int, bool] = {}  # one look at each place mention per article
        prev_end: Optional[int] = None
        for q in find_quantities(state.text, lex=self.resources.get("quantities", read_lexicon)):
            model = designation(state.text, q, voc, prev_end)
            prev_end = q.end
            if q.unit == "%" or q.value < 0 or model:
                continue
            try:
                claim = self._read(state, doc, q, voc, places, len(state.claims) + 1, scenes)
            except Exception as err:  # noqa: BLE001 - one odd number never costs the article
                state.warnings.append(f"claims: skipped {q.text!r} at {q.start}: {type(err).__name__}: {err}")
                continue
            if claim is None or (claim.start, claim.end) in seen:
                continue
            seen.add((claim.start, claim.end))
            state.claims.append(claim)

    # -- one number ------------------------------------------------------------------------------
    @staticmethod
    def _unowned(r: ClaimReader, anchor, noun, where: Optional[str], start: int):
        """``(subject, place)`` of a loss no actor owns: the place of its incident (its ``place`` only
        when the sentence names it, not where the article last was), else the people counted as a
        generic agent ("people"), else ``(None, None)``."""
        owner_place, stated = (where, True) if where else incident_place(r, anchor)
        if owner_place is not None:
            return place_ref(r, owner_place, start), (owner_place if stated else None)
        counted = r.mention(noun)
        if counted is None or counted.how != "agent":
            return None, None
        return counted.ref(), where

    def _end(self, q: Quantity, noun, span) -> int:
        """Where a claim's text ends: after its counted noun when few tokens stand between them
        ("1,000 of its *troops*"), else after the number."""
        if noun is not None and noun.i >= span.end and noun.i - span.end <= self.config.counted_noun_max_gap:
            return max(q.end, noun.idx + len(noun.text))
        return q.end

    @staticmethod
    def _own_group(r: ClaimReader, noun, prop: str):
        """The owner of a count of people no actor owns: the group counted, when the actors stage read
        it as a generic agent ("at least four gunmen opened fire": their force, owned by "gunmen");
        else None."""
        if noun is None or r.voc.units.get(prop) != "persons":
            return None
        counted = r.mention(noun)
        return counted if counted is not None and counted.how == "agent" else None

    def _read(self, state, doc, q: Quantity, voc: Vocabulary, places, n: int,
              scenes: Optional[dict] = None) -> Optional[Claim]:
        """Claim ``C<n>`` of quantity ``q``: what is counted, whose, where, when, according to whom;
        None when the count has no property or no owner."""
        span = doc.char_span(q.num_start, q.num_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        r = ClaimReader(state, voc, self.config, places, {} if scenes is None else scenes)
        root = span.root
        noun = counted_noun(root, span)
        # a noun the actors stage read as an actor counts people ("45 Palestinians", "15 labourers"), and
        # so does a plural proper noun ("seven Maoists"), even when the words for people do not list it
        people = noun is not None and (getattr(r.mention(noun), "how", "pronoun") != "pronoun" or noun.tag_ == "NNPS")
        prop, unit = count_property(q, noun, root, voc, people)
        members = armed_group_of_members(r, noun) if prop is None else None
        if members is not None:  # "around 1,100 FARC members": the group's force
            prop, unit = voc.membership_property, voc.units.get(voc.membership_property)
        if prop is None:
            return None
        anchor = noun if noun is not None else root
        subject, path = owner(r, anchor, span, prop)
        subject = members or subject
        group = self._own_group(r, noun, prop) if subject is None and prop not in voc.victim else None
        if subject is None and prop not in voc.victim and group is None:
            return None  # a force, a weapon or a sum belongs to someone, or it is no claim
        if subject is None and noun is not None:
            path[1:1] = [c for c in noun.children if c.dep_ in ("acl", "relcl")]  # "45 civilians killed in Idlib"
        _reach_a_verb(path, anchor)
        start, end = q.start, self._end(q, noun, span)
        where, when = place(r, path, start), date(r, anchor, path)
        if group is not None:
            subject = group.ref()
        elif subject is None:
            subject, where = self._unowned(r, anchor, noun, where, start)
            if subject is None:
                return None
        else:
            subject = subject.ref()
        return Claim(id=f"C{n}", subject=subject, property=prop, value=q.value, value_max=q.value_max,
                     unit=unit, approx=q.approx, place=where, attributed_to=source(r, anchor),
                     date=when, start=start, end=end, text=state.text[start:end])
