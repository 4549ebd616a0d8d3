"""Stage ``actors``: who is who in the article -- one :class:`~sitrep.contract.Actor` per real actor, with
every span that names it, and ``state.mentions`` (sorted by start) for the stages after it.

How mentions are found and resolved:

* **Names** -- entities from the KB entity ruler (their ``ent_id_`` is the KB id) and NER entities
  matched to the KB through its aliases (case-insensitive except short acronyms), with rapidfuzz only
  for conservative near-spellings. Unknown PERSON/ORG/NORP names become new actors (kind inferred from
  titles and name words: "... Brigades" is an armed group, "... News" a medium), never dropped.
* **Names the small model misses** (:mod:`.trim`) -- names that became common after its 2012-era training
  news: a KB capital written outside every entity ("Kyiv", "Naypyidaw" read as a noun, "Port-au-Prince"
  split by the tagger, "Port Sudan" whose "Sudan" the ruler took) is a metonym candidate; a KB person's
  alias or one KB person's surname outside every entity ("Zelenskiy said", "Tshisekedi met") is a
  PERSON span for the person rules; a KB person keeps its id when the NER-cut surname is joined back
  ("[Prime Minister Abiy] Ahmed"). The ruler reads names with a possessive inside ("People's Defence
  Force"); see :mod:`sitrep.kb.ruler`.
* **Acronyms defined in the text** -- "Hayat Tahrir al-Sham (HTS)" links both forms for the article.
* **Demonyms and possessives** -- "Russian officials", "Iran's army", "American forces" give the state.
* **Generic agents** (``kb/data/agents.yaml``) -- "rebels", "security forces", "the regime" become
  actors with a PLOVER sector and, where the text gives one, a country (CAMEO style: "Syrian rebels" ->
  ``SYR_REB``; "Syrian troops" -> ``SYR_MIL``, affiliated with ``SYR``). Government words ("the
  regime", "Russian officials", "the authorities") with a country are the state itself. A bare "the
  rebels"/"the jihadists" in an article dominated by one named armed group refers to that group; a
  bare "the regime" refers to whichever regime the article already named. A bare organ of a state or its
  opposition ("police", "the army", "the authorities", "protesters") in a story about one state (the state
  its names, demonyms and qualified agents name most, by a clear lead) is that state's
  (``KEN_COP``), unless the article names such an organ of another state; instruments ("drones") and
  words of other sides ("partners", "peacekeepers") never take it (``focus_sectors``, ``focus_excluded``).
* **Persons** get a role and affiliation from the text ("Pentagon spokesman Pat Ryder", "Jake
  Sullivan, the US national security advisor") or else from the KB (the role held at publication).
* **Described sources** -- a speaker the text describes instead of naming ("a Kremlin source told
  Interfax", "security sources said", "said one driver") is an actor named by those words
  (``how="described"``, a person or a group); "the source" again refers back to it.
* **Coreference** (:mod:`sitrep.lang.coref`) -- surnames, titles and pronouns (``how="pronoun"``).
* **Described entities** -- a facility, vessel, company, unknown settlement or list of sanctioned parties
  the text names by description ("stormed the legislative council building", "attacking the village of
  X", "sanctions on the country's state-owned oil company", "eight individuals and five entities") is an
  actor of its class's kind named by those words (``how="entity"``), made last, on words no other rule
  took; a name or demonym in front stands for the thing instead ("Aramco facilities" -> Aramco).

Metonymy contract (with the places stage): a KB metonym -- a capital or seat of power such as
"Moscow", "Washington", "the Kremlin", "the Pentagon", "the White House" -- becomes a mention of the
government actor with ``Mention.how == "metonym"`` ONLY when it acts, speaks or receives: subject of
an active verb ("Moscow said"), object of an addressing verb ("urged Tehran"), agent of a passive
("was condemned by Washington"), party to contact ("reach out to Moscow", "talks with Tehran"),
possessor of a non-place noun ("Moscow's position"), or modifier of a title ("Kremlin spokesman").
A place use ("fighting in Moscow", "Moscow's streets") produces no actor mention, so the places stage
treats a span as a place unless ``state.mentions`` holds a ``how == "metonym"`` mention over it.

Where each job lives:

* :mod:`.stage` -- :class:`ActorsStage`, its resources ("kb", "agents", "actor_cues", "gazetteer");
* :mod:`.config` -- :class:`ActorsConfig`, every tuning number;
* :mod:`.builder` -- the working state of one article and the order the rules run in;
* :mod:`.trim` -- entity spans; :mod:`.kb_match` -- KB ids, defined acronyms, fuzzy matching;
* :mod:`.names` -- the rules resolving one entity; :mod:`.kinds` -- the kind of an unknown name;
* :mod:`.frames` -- place frames ("the town of X": no actor); :mod:`.metonyms` -- "Moscow said";
* :mod:`.persons` -- names, surnames and roles; :mod:`.titles` -- bare titles ("the spokesman");
* :mod:`.agents` -- generic agents ("Syrian rebels", "the regime"); :mod:`.pronouns` -- coreference;
* :mod:`.sources` -- described sources ("a Kremlin source", "according to a witness");
* :mod:`.entities` -- described entities ("the legislative council building", "the village of X");
* :mod:`.output` -- the actors and mentions written to the state.

The word lists are data: ``kb/data/actor_cues.yaml`` (validated by :class:`sitrep.kb.agents.ActorCues`),
``kb/data/agents.yaml``, ``data/described_sources.yaml`` (with the cues of ``data/quote_cues.yaml``) and
``data/described_entities.yaml``.
"""

from .config import ActorsConfig
from .model import ACTOR_LABELS, NAMED_HOWS, STATE_SECTORS
from .stage import ActorsStage

__all__ = ["ActorsStage", "ActorsConfig", "ACTOR_LABELS", "NAMED_HOWS", "STATE_SECTORS"]
