"""Geography shared by the stages: the gazetteer (places, their names, kinds, populations and points) and
street names. Imports only :mod:`sitrep.core` and :mod:`sitrep.limits`; the stages read it through
their resources."""
