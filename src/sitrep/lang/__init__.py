"""Language helpers shared by the stages: dates (:mod:`~sitrep.lang.timex`), quantities
(:mod:`~sitrep.lang.numbers`), negation and modality (:mod:`~sitrep.lang.modality`), quotation marks
(:mod:`~sitrep.lang.quotemarks`), coreference (:mod:`~sitrep.lang.coref`) and the contradiction rule
(:mod:`~sitrep.lang.conflicts`). Imports only :mod:`sitrep.core`, :mod:`sitrep.lexicon` and
:mod:`sitrep.limits`; never a stage."""
