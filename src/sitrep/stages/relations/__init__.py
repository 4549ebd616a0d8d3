"""Stage ``relations``: how the actors stand to each other -- designations, sanctions, support,
alliances, lineage (former names, offshoots, founders), leadership and offices.

Triggers are found with a spaCy :class:`~spacy.matcher.Matcher` built from ``data/relations.yaml``
(verbs, light verbs with their nouns, relation nouns, adjectives); each trigger is then read through
the dependency parse:

* verbs, active or passive: "the US has designated *it* as a terrorist organization", "the Assad
  government, supported by Russia, Iran and Hezbollah" (one relation per conjunct), "it was previously
  known as the Nusra Front", "al-Jolani had set up another group, Jabhat al-Nusra";
* light verbs: "The US has imposed sanctions on the regime since 2011"; "would not lift sanctions"
  keeps the relation (a negated ending), "lifted sanctions" ends it (until);
* relation nouns in appositions, copulas and titles: "Jabhat al-Nusra, an offshoot of al-Qaeda",
  "HTS founder Abu Mohammad al-Jolani", "Pentagon spokesman Pat Ryder";
* actors' roles and affiliations from the actors stage ("State Department spokesman" + USA).

Arguments are actor mentions; a relative pronoun stands for its antecedent, a predicate noun for the
copula's subject, a pronoun without a mention from the actors stage for the most salient fitting actor
nearby. since/until come from the dates stage's expressions in the same clause. Negated relations are
kept with ``negated=True``.

The work, module by module: :mod:`.rules` (the vocabulary and triggers of ``data/relations.yaml``),
:mod:`.arguments` (the actor a token stands for), :mod:`.grammar` (agents and patients, irrealis,
support kinds), :mod:`.verbs`, :mod:`.light`, :mod:`.nouns` (the triggers), :mod:`.roles` (roles from
the actors stage), :mod:`.output` (dates, spans, one relation per statement), :mod:`.stage`.
"""

from .arguments import RelationContext
from .records import Found, Single
from .rules import RelationsFile, Rules, build_rules, rules
from .stage import RelationsConfig, RelationsStage
from .verbs import verb_relations

_Rules = Rules  # the old name

__all__ = ["RelationsStage", "RelationsConfig", "RelationContext", "Rules", "RelationsFile", "build_rules", "rules",
           "Found", "Single", "verb_relations"]
