"""The core: what every other layer of sitrep shares and that imports nothing else of sitrep.

* :mod:`~sitrep.core.article` -- the article as read (:class:`Article`), the working state the stages fill
  (:class:`ArticleState`), failures and duplicates;
* :mod:`~sitrep.core.contract` -- the output :class:`Document` (pydantic; its JSON Schema is the contract);
* :mod:`~sitrep.core.errors` -- the one hierarchy of errors, each with a code, article id and stage;
* :mod:`~sitrep.core.datafiles` and :mod:`~sitrep.core.datamodels` -- reading sitrep's YAML data files,
  validated by a pydantic model per file;
* :mod:`~sitrep.core.validate` -- consistency checks of a document (offsets, references);
* :mod:`~sitrep.core.batching` and :mod:`~sitrep.core.version` -- two small shared helpers.

Modules here import only each other (and third-party libraries), never a stage, the store, the CLI or the API.
"""
