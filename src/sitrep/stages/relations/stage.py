"""The relations stage itself: its configuration, the trigger matcher, and the order of the work
(see the package doc)."""

from __future__ import annotations

import dataclasses

from ...core.article import ArticleState
from ..base import Stage, StageConfig
from .arguments import RelationContext
from .light import light_relations
from .nouns import adjective_relations, noun_relations
from .output import to_relations
from .records import Found
from .roles import role_relations
from .rules import Rules, rules
from .verbs import verb_relations

#: matcher label -> the reader of a trigger of that label
READERS = {"VERB": verb_relations, "NOUN": noun_relations, "LIGHT": light_relations, "ADJ": adjective_relations}


@dataclasses.dataclass(frozen=True)
class RelationsConfig(StageConfig):
    #: how many relative pronouns / copulas are followed from a token to the actor it stands for
    argument_depth_limit: int = 4
    #: a name in apposition stands at most this many tokens after its common noun ("group, X")
    appos_max_gap: int = 3
    #: how many ancestors of a trigger are searched for an allegation ("accused X of backing ...")
    allegation_depth: int = 6
    #: a role is looked for this many characters (beyond its own length) before a name ...
    role_lookback: int = 24
    #: ... and this many after it ("Miller, the State Department spokesman")
    role_lookahead: int = 8
    #: at most this many short titles stand between a role and a name ("spokesman Lt. Gen. Pat Ryder")
    role_titles_max: int = 3
    #: a role followed within this many characters by another actor's name is that actor's role
    role_next_name_window: int = 3


class RelationsStage(Stage):
    name = "relations"
    needs = ("article", "doc", "sentences", "actors", "mentions", "place_mentions", "dates")
    assigns = ("relations",)
    Config = RelationsConfig

    def __init__(self, **config):
        self.config = self.make_config(**config)

    @property
    def rules(self) -> Rules:
        """The relation vocabulary and triggers (resource ``relations``)."""
        return self.resources.get("relations", rules)

    # -- the matcher (one per spaCy vocabulary, never pickled) -----------------------------------
    def _matcher(self, vocab):
        cache = getattr(self, "_res_matchers", None)
        if cache is None:
            cache = self._res_matchers = {}
        m = cache.get(id(vocab))
        if m is None:
            m = cache[id(vocab)] = build_matcher(vocab, self.rules)
        return m

    def process(self, state: ArticleState) -> None:
        state.relations = []
        doc = state.doc
        if doc is None or not state.text:
            return
        ctx = RelationContext.of(state, self.rules, self.config)
        found: list[Found] = []
        seen_tokens = set()
        for match_id, start, _end in self._matcher(doc.vocab)(doc):
            label = doc.vocab.strings[match_id]
            tok = doc[start]
            if (label, tok.i) in seen_tokens:
                continue
            seen_tokens.add((label, tok.i))
            try:
                found.extend(READERS[label](ctx, tok))
            except Exception as err:  # noqa: BLE001 - a strange parse never stops an article
                state.warnings.append(f"relations: skipped the trigger {tok.text!r} at {tok.idx}: "
                                      f"{type(err).__name__}: {err}")
                continue
        found.extend(role_relations(ctx, found))
        state.relations = to_relations(ctx, found)


def build_matcher(vocab, r: Rules):
    """A spaCy Matcher of the triggers: VERB (verb lemmas or words), NOUN (relation nouns), LIGHT
    (the nouns of light verbs), ADJ (relation adjectives)."""
    from spacy.matcher import Matcher

    m = Matcher(vocab)
    verb_words = sorted({w.split()[0] for w in r.verbs})
    m.add("VERB", [[{"LEMMA": {"IN": verb_words}, "POS": {"IN": ["VERB", "AUX"]}}],
                   [{"LOWER": {"IN": verb_words}, "POS": {"IN": ["VERB", "AUX"]}}]])
    nouns = sorted(set(r.nouns))
    m.add("NOUN", [[{"LEMMA": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}],
                   [{"LOWER": {"IN": nouns}, "POS": {"IN": ["NOUN", "PROPN"]}}]])
    light = sorted(r.light_nouns)
    m.add("LIGHT", [[{"LEMMA": {"IN": light}, "POS": {"IN": ["NOUN", "PROPN"]}}]])
    m.add("ADJ", [[{"LOWER": {"IN": sorted(r.adjectives)}}]])
    return m
