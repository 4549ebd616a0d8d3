"""Reading sitrep's own data files (``src/sitrep/data/*.yaml``, ``src/sitrep/kb/data/*.yaml``).

One loader for all of them, because YAML 1.1 has a trap for word lists: it reads ``on``, ``off``,
``yes``, ``no`` (and the country code ``NO``) as booleans. Here only ``true``/``false`` are booleans;
every other word stays a word.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import yaml

from .errors import ConfigError


def only_true_false_booleans(loader_cls: type) -> type:
    """Make ``loader_cls`` (a SafeLoader or CSafeLoader subclass) read only true/false as booleans."""
    loader_cls.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:bool"]
                                          for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    loader_cls.add_implicit_resolver("tag:yaml.org,2002:bool",
                                     re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    return loader_cls


@only_true_false_booleans
class WordLoader(yaml.SafeLoader):
    """A safe YAML loader in which only true/false are booleans."""


def parse_yaml(text: str, origin: str = "<text>") -> Any:
    """Parse YAML text with :class:`WordLoader`; a syntax error is a ConfigError naming ``origin``."""
    try:
        return yaml.load(text, Loader=WordLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        raise ConfigError(f"{origin}: not valid YAML ({err})") from None


def load_data(name: str, package: str = "sitrep") -> Any:
    """One of the package's data files, ``<package>/data/<name>``, parsed."""
    text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    return parse_yaml(text, f"{package.replace('.', '/')}/data/{name}")
