"""sitrep's version, in a module of its own so that any layer can name it without importing :mod:`sitrep`."""

__version__ = "0.1.0"
