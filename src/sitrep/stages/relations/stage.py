"""The relations stage itself: its configuration, the trigger matcher, and the order of the work
(see the package doc)."""

from __future__ import annotations

import dataclasses

from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX, NOUN, PROPN, VERB

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

    # -- the triggers (built once per stage from the rules, never pickled) -------------------------
    def _triggers(self) -> "Triggers":
        t = getattr(self, "_res_triggers", None)
        if t is None:
            t = self._res_triggers = Triggers(self.rules)
        return t

    def process(self, state: ArticleState) -> None:
        state.relations = []
        doc = state.doc
        if doc is None or not state.text:
            return
        ctx = RelationContext.of(state, self.rules, self.config)
        found: list[Found] = []
        for i, labels in self._triggers().find(doc):
            tok = doc[i]
            for label in labels:
                try:
                    found.extend(READERS[label](ctx, tok))
                except Exception as err:  # noqa: BLE001 - a strange parse never stops an article
                    state.warnings.append(f"relations: skipped the trigger {tok.text!r} at {tok.idx}: "
                                          f"{type(err).__name__}: {err}")
        found.extend(role_relations(ctx, found))
        state.relations = to_relations(ctx, found)


class Triggers:
    """The trigger words of the rules, by label, in the order a token is read under them: VERB (a verb
    or auxiliary whose lemma or word is a relation verb's first word), NOUN (a noun whose lemma or word
    is a relation noun), LIGHT (a noun whose lemma is a light verb's noun), ADJ (a relation adjective,
    by its word). Set look-ups of the tokens' string ids, read from the doc's arrays (no Token object
    for the words that trigger nothing), where a spaCy Matcher of the same patterns cost a tenth of
    the stage."""

    def __init__(self, r: Rules):
        ids = lambda words: frozenset(get_string_id(w) for w in words)  # noqa: E731
        self.verbs = ids({w.split()[0] for w in r.verbs})
        self.nouns = ids(r.nouns)
        self.light = ids(r.light_nouns)
        self.adjectives = ids(r.adjectives)

    def labels(self, pos: int, lemma: int, lower: int) -> list[str]:
        """The labels a token (its part of speech, lemma and lower-case form as ids) triggers, in the
        order VERB, NOUN, LIGHT, ADJ (each at most once)."""
        out = []
        if pos in _VERB_POS and (lemma in self.verbs or lower in self.verbs):
            out.append("VERB")
        if pos in _NOUN_POS:
            if lemma in self.nouns or lower in self.nouns:
                out.append("NOUN")
            if lemma in self.light:
                out.append("LIGHT")
        if lower in self.adjectives:
            out.append("ADJ")
        return out

    def find(self, doc) -> list[tuple[int, list[str]]]:
        """(token index, its labels) of every token of ``doc`` that triggers a label, in text order."""
        if not len(doc):
            return []
        rows = doc.to_array([POS, LEMMA, LOWER]).tolist()
        return [(i, labels) for i, (pos, lemma, lower) in enumerate(rows) if (labels := self.labels(pos, lemma, lower))]


#: the parts of speech of a verb trigger and of a noun (or light-verb noun) trigger
_VERB_POS = frozenset({VERB, AUX})
_NOUN_POS = frozenset({NOUN, PROPN})
