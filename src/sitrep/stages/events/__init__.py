"""Stage ``events``: PLOVER 2.0 events (who did what to whom, where, when) from the dependency parse.

How it reads a sentence:

1. **Triggers** come from ``sitrep/data/event_triggers.yaml``: verb lemmas (and phrasal verbs, "reach
   out"), nouns ("attack", "sanctions", "talks"), compounds ("air strike") and light verbs that stand
   for their nominal object ("carry out strikes", "impose sanctions", "hold talks"), also through a
   carrier noun's "of" phrase ("carried out a series of attacks"). A verb sense may need a particular
   object ("lift" + sanctions, "open" + fire, "included in the *sanctions* list").
2. **Arguments**: the source is the subject (or the ``by`` agent of a passive, or the controller of an
   infinitive: "prompted the US military to reach out" → the US military); the target is the object
   or a prepositional phrase (on/against/with/to/...). Nouns take their possessor or ``by`` phrase as
   source and ``on/against/of`` as target. Coordinated actors ("supported by Russia, Iran and
   Hezbollah") give one event each. Arguments become actors through the actors stage's mentions;
   media actors are never sources, and targets only when acted upon ("suspended the BBC"). Rules
   for real news (``data/argument_cues.yaml``): a targeting participle gives the target of the act
   it modifies ("airstrikes targeting Kurdish fighters"); symmetric acts take both parties, a
   reciprocal ("each other") each towards the other; the subject of "received visits by X" or
   "came under fire from X" undergoes the act; an agentless attack takes its doer from "blaming X",
   "X claimed ..." or "X was behind ..." in its sentence; a verb of taking names its target with
   "from"; an act done to a crowd is done to the article's protesters. Parties given by the context:
   a definite act noun that restates the article's last act of its type with a new detail ("*The
   attack* occurred near ...", "*the incident* happened at 4 a.m.", "*Friday's* attacks", "*one
   strike* targeted ...") keeps that act's parties (not an act of its own sentence); a sanction or an
   attack told with no doer ("X has been sanctioned", "the farmers were attacked on Saturday") is by
   the article's last doer of its type named a few sentences before (``context_doer``: not for
   victims only counted, "four people were shot dead"), a measure a speaker
   announces in the passive ("the ministry said 224 people had been detained") or an accusation
   reported as a participle ("an attack blamed on IS, sources said") by the speaker, an accusation on
   the party of a sanction or an arrest ("sanctions on officials accused of ...") by its doer; a speaker's verdict ("“This is a heinous
   crime,” the minister said", "said the ADF was responsible") accuses the last attacker or the party
   blamed. Targets read through the text around them: a preposition's object the parser made a
   participle's subject ("fired at protesters *marching* ..."), an object relative pronoun ("the
   activists, *whom* police arrested"), a plural object pronoun ("soldiers repelled *them*": the best
   earlier plural party), a building's user ("a building *used by* X"), a protest against a thing its
   owner ("against *police* brutality"), a deployment's aim ("deployed *to disperse* demonstrators"),
   the subject of a passive whose "by" phrase is an act ("overwhelmed by attacks by X"), a judged act's
   doer ("condemned *the attack*") and a definite doer noun's ("hunt down *the perpetrators*"): the
   source of the act told before.
3. **Frames**: acts embedded under agree/refuse/threaten/demand are the content of those acts (they
   give the mode) and not events of their own. Nor are (:mod:`.restated`) the toll a participle tells
   ("attacked the base, *killing* two soldiers": one act), the purpose of another act ("sent commandos
   *to support* its offensives"), a bare "the attack" referring to an act told before, the act in a
   condition ("*if* Hamas attacks"), a count in an absolute phrase ("with 21 officers *injured*") or a
   held state ("people *detained* in prisons"), the content of a fear ("raising *fears* they were
   abducted"), a noun a report is cited from ("according to the ministry *release*"), a comment on or
   information about an act told before ("It was the largest *attack* by X", "gave no location for the
   *attack*") or a cooperative clause describing a ship ("a ship *that was providing* support"); taking a place by
   fighting is an attack, a joint operation carried out with weapons too.
4. **Negation and modality** come from :mod:`sitrep.lang.modality`; a refusal to give way ("would not lift
   sanctions") becomes REJECT, never the easing; cooperative acts announced for the future become
   AGREE (CONCEDE for retreats), as the PLOVER manual asks.
5. **Place and date**: a prepositional place of the act (never a place that is an actor), else the
   only place named in the sentence; the date that governs the trigger in the parse, else the
   sentence's date; the publication date only for present-tense acts (counted in a warning).
6. **Confidence** is monotone in the evidence: a verbal pattern beats a light-verb noun beats a bare
   noun; a KB-resolved source and a resolved target add to it; guesses subtract. This rule score
   chooses (merging, order); the reported confidence is calibrated (:mod:`.calibration`: the score and
   features of the text, each sentence's and article's top event by score kept the most confident).
7. Mentions of the same act in several sentences (headline, lead, body) merge into one event that
   keeps every sentence in ``evidence``; a body sentence that restates the act with a date of its own
   (or a restated act noun, step 2) is an event of its sentence (news GUIDELINES §9).

Cost: what depends only on a sentence (its text, dateline, context words, dates, places and mentions,
"today", the headline test) is computed once per sentence (:class:`~.context.ArticleContext`), not once
per candidate; a candidate's own look-ups walk the parse from its trigger, never the whole sentence, and
every walk up the tree is bounded by :data:`sitrep.limits.MAX_TREE_WALK`. So the stage's time grows
linearly with the text, and within a sentence (at most :data:`sitrep.limits.MAX_SENTENCE_TOKENS` tokens,
see the nlp stage) at worst with the candidates times the walk lengths.

Where each job lives:

* :mod:`.stage` -- :class:`EventsStage` and :class:`EventsConfig` (every tuning number: the confidence
  weights, the reach of the rules), its resources ("ontology", "event_lexicon");
* :mod:`.lexicon` -- loading and validating ``event_triggers.yaml`` and ``event_cues.yaml`` (a pydantic
  model per file, then the ontology); :mod:`.argument_cues` -- ``argument_cues.yaml``, read once;
* :mod:`.grammar` -- reading the parse (subjects, passives, coordination, noun-phrase spans);
* :mod:`.context` -- the per-article working state; how an argument token becomes an actor mention;
* :mod:`.triggers` -- finding candidate triggers (verbal, nominal, adjectival, light verbs,
  obligations, frames, protest topics); :mod:`.build` -- one sentence, in order, and one raw event per
  source/target pair;
* :mod:`.arguments` -- source and target of verbal, nominal and adjectival triggers and of frames;
* :mod:`.classify` -- type, mode, modality, contexts and CAMEO code (steps 3-4);
* :mod:`.location` -- the place of the act, and a place as its target; :mod:`.dating` -- which date
  expression dates the act;
* :mod:`.confidence` -- the rule score from named features (step 6); :mod:`.calibration` -- the reported
  confidence; :mod:`.merge` -- step 7;
* :mod:`.model` -- :class:`~.model.Candidate` and :class:`~.model.RawEvent`;
* :mod:`.fallback` -- mentions from spaCy's NER for a state without an actors stage.
"""

from .lexicon import EventCues, Lexicon, Sense, load_lexicon, parse_cues, parse_lexicon, read_cues
from .stage import EventsConfig, EventsStage

__all__ = ["EventsStage", "EventsConfig", "Lexicon", "Sense", "EventCues", "load_lexicon", "parse_lexicon",
           "parse_cues", "read_cues"]
