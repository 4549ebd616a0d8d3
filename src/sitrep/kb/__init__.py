"""The actor knowledge base: who is who, across spellings, acronyms, demonyms and metonyms.

``load_kb(paths)`` returns the package's KB (``kb/data/{states,igos,armed_groups,organizations,media,
people}.yaml``) merged with the user's files of the same format (``--kb PATH``), loaded and validated
once per process. The format is described in ``FORMAT.md``; every error names the file, the line and
the field (:class:`sitrep.errors.KnowledgeBaseError`).

Look-ups:

* :meth:`KnowledgeBase.lookup` -- a name or alias. Matching is case-, diacritic- and
  punctuation-insensitive ("al-Qaeda" = "Al Qaeda" = "AL-QAEDA"), except for short all-caps acronyms
  ("US", "IS", "UN"), which match only in capitals (with or without dots: "U.S."), so that "us" or
  "is" never name an actor. A leading "the" and a trailing possessive ("Iran's", "HTS'") are ignored.
* :meth:`KnowledgeBase.demonym` ("Russian" -> RUS), :meth:`KnowledgeBase.metonym` ("Moscow" -> RUS),
  :meth:`KnowledgeBase.by_wikidata`.
* :meth:`KnowledgeBase.entity_patterns` -- phrase patterns for an entity ruler (label by kind, ``id``
  = KB id), used by :func:`sitrep.nlp.load_pipeline` so that KB names win over the small model's NER.
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional

import yaml

from ..core.datafiles import only_true_false_booleans
from ..core.cache import cache_dir, read_pickle, write_pickle
from ..core.errors import KnowledgeBaseError
from ..core.text import plain

DATA_DIR = Path(__file__).parent / "data"
#: the package's KB files, in load order (files missing from the package are skipped)
PACKAGE_FILES = ("states.yaml", "igos.yaml", "armed_groups.yaml", "organizations.yaml", "media.yaml",
                 "people.yaml")

KINDS = ("state", "organization", "armed_group", "person", "igo", "media", "group")
#: spaCy entity label per kind (for the entity ruler)
LABELS = {"state": "GPE", "organization": "ORG", "armed_group": "ORG", "person": "PERSON", "igo": "ORG",
          "media": "ORG", "group": "NORP"}
#: the spaCy entity labels that name actors (those the entity ruler gives the KB's entries)
ACTOR_LABELS = frozenset(LABELS.values())
#: when one alias names several entries, the entity ruler prefers this order
KIND_PRIORITY = {"state": 0, "igo": 1, "armed_group": 2, "organization": 3, "media": 4, "person": 5,
                 "group": 6}
NON_ISO_CODES = {"XKX"}

_ID_RE = re.compile(r"^[A-Z0-9_]+$")
_QID_RE = re.compile(r"^Q\d+$")
_DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_ACRONYM_RE = re.compile(r"^(?:[A-Z]\.){1,6}$|^[A-Z][A-Z0-9&]{0,5}$")
_POSSESSIVE_RE = re.compile(r"(?:'s|')$")
_NONWORD_RE = re.compile(r"[^\w]+")
_ENTRY_FIELDS = {"id", "name", "kind", "country", "sector", "wikidata", "aliases", "former_names",
                 "predecessors", "affiliation", "demonyms", "metonyms", "roles", "relations"}


# --------------------------------------------------------------------------------------------------
# normalisation
#: the old name of :func:`sitrep.core.text.plain`, kept for users
fold = plain


def strip_name(text: str) -> str:
    """A surface form without its leading article and trailing possessive ("the US's" -> "US")."""
    text = plain(text).strip()
    if text[:4].lower() == "the ":
        text = text[4:].lstrip()
    text = _POSSESSIVE_RE.sub("", text) if len(text) > 2 else text
    return text.strip()


def is_acronym(text: str) -> bool:
    """Short all-caps forms that must match case-sensitively: "US", "U.S.", "IS", "UN", "HTS"."""
    return bool(_ACRONYM_RE.match(text.strip()))


def acronym_key(text: str) -> str:
    return text.strip().replace(".", "")


def norm(text: str) -> str:
    """The case- and punctuation-insensitive key of a name: "Hay'at Tahrir al-Sham" -> "hayat tahrir al sham"."""
    text = strip_name(text).lower().replace("'", "")
    return " ".join(_NONWORD_RE.sub(" ", text).split())


def slug(text: str) -> str:
    """A stable id-like slug for an actor without a KB id."""
    s = _NONWORD_RE.sub("_", plain(text).upper()).strip("_")
    return s or "ACTOR"


# --------------------------------------------------------------------------------------------------
# YAML with line numbers
class _Map(dict):
    """A mapping that remembers the line of itself and of each key."""

    line: int = 0
    lines: dict

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class _List(list):
    line: int = 0


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@only_true_false_booleans  # an alias "No" or a code "NO" stays a word
class _LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    pass


def _construct_map(loader, node):
    loader.flatten_mapping(node)
    m = _Map()
    m.line = node.start_mark.line + 1
    m.lines = {}
    for k_node, v_node in node.value:
        key = loader.construct_object(k_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in m:
            raise KnowledgeBaseError(f"duplicate key {key!r}", line=k_node.start_mark.line + 1, field=key)
        m[key] = loader.construct_object(v_node, deep=True)
        m.lines[key] = k_node.start_mark.line + 1
    return m


def _construct_seq(loader, node):
    s = _List(loader.construct_object(c, deep=True) for c in node.value)
    s.line = node.start_mark.line + 1
    return s


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def load_yaml(path: str | Path) -> Any:
    """Parse a YAML file keeping line numbers; syntax errors become :class:`KnowledgeBaseError`."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise KnowledgeBaseError(f"cannot read knowledge-base file: {e.strerror or e}", file=str(p)) from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except KnowledgeBaseError as e:
        raise KnowledgeBaseError(e.message.split(": ", 1)[-1], file=str(p), line=e.line, field=e.field) from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise KnowledgeBaseError(f"not valid YAML: {getattr(e, 'problem', e)}", file=str(p),
                                 line=mark.line + 1 if mark else None) from None


# --------------------------------------------------------------------------------------------------
# entries
@dataclass
class Entry:
    id: str
    name: str
    kind: str
    country: Optional[str] = None
    sector: Optional[str] = None
    wikidata: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    former_names: list[dict] = field(default_factory=list)
    predecessors: list[str] = field(default_factory=list)
    affiliation: Optional[str] = None
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    file: str = ""
    line: int = 0

    def names(self) -> list[str]:
        """Canonical name, aliases and former names (what refers to this very entity)."""
        out = [self.name, *self.aliases, *(f["name"] for f in self.former_names)]
        return list(dict.fromkeys(out))

    def role_at(self, date: Optional[str] = None) -> Optional[dict]:
        """The role held at ``date`` (YYYY[-MM[-DD]]), else the most recent one."""
        if not self.roles:
            return None
        if date:
            for r in self.roles:
                since, until = r.get("since"), r.get("until")
                if (not since or since[:len(date)] <= date) and (not until or date <= until + "~"):
                    return r
        return max(self.roles, key=lambda r: r.get("since") or "")


class KnowledgeBase:
    """Entries by id with name, demonym, metonym and Wikidata indexes."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self._names: dict[str, list[str]] = {}      # norm(name) -> ids
        self._acronyms: dict[str, list[str]] = {}   # "US" -> ids (case-sensitive)
        self._demonyms: dict[str, str] = {}         # norm -> state id
        self._metonyms: dict[str, str] = {}         # norm -> id
        self._wikidata: dict[str, str] = {}
        self._successors: dict[str, list[str]] = {}
        self._surnames: dict[str, list[str]] = {}  # norm(last word of a person's name) -> ids
        self._patterns: Optional[list[dict]] = None

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, eid: str) -> bool:
        return eid in self.entries

    def get(self, eid: Optional[str]) -> Optional[Entry]:
        return self.entries.get(eid) if eid else None

    # -- indexes -----------------------------------------------------------------------------
    def _index(self, e: Entry) -> None:
        for name in e.names():
            self._add_name(name, e.id)
        for d in e.demonyms:
            self._demonyms.setdefault(norm(d), e.id)
        for m in e.metonyms:
            self._metonyms.setdefault(norm(m), e.id)
        if e.wikidata:
            self._wikidata.setdefault(e.wikidata, e.id)
        for p in e.predecessors:
            self._successors.setdefault(p, []).append(e.id)
        if e.kind == "person":
            for name in e.names():
                words = norm(name).split()
                if len(words) >= 2 and len(words[-1]) >= 3:
                    ids = self._surnames.setdefault(words[-1], [])
                    if e.id not in ids:
                        ids.append(e.id)
        self._patterns = None

    def _add_name(self, name: str, eid: str) -> None:
        base = strip_name(name)
        if is_acronym(base):
            ids = self._acronyms.setdefault(acronym_key(base), [])
        else:
            key = norm(name)
            if not key:
                return
            ids = self._names.setdefault(key, [])
        if eid not in ids:
            ids.append(eid)

    # -- look-ups ----------------------------------------------------------------------------
    def lookup_all(self, text: str) -> list[str]:
        """Ids of every entry one of whose names is ``text`` (see module doc for the matching rules)."""
        base = strip_name(text)
        if not base:
            return []
        if is_acronym(base):
            return list(self._acronyms.get(acronym_key(base), ()))
        ids = self._names.get(norm(base))
        if ids:
            return list(ids)
        return []

    def lookup(self, text: str) -> Optional[str]:
        ids = self.lookup_all(text)
        if not ids:
            return None
        return min(ids, key=lambda i: KIND_PRIORITY.get(self.entries[i].kind, 9))

    def surname(self, text: str) -> Optional[str]:
        """The one KB person whose name ends with the single word ``text`` ("Assad"), else ``None``."""
        ids = self._surnames.get(norm(text).replace(" ", ""))
        return ids[0] if ids and len(ids) == 1 else None

    def demonym(self, text: str) -> Optional[str]:
        return self._demonyms.get(norm(text))

    def metonym(self, text: str) -> Optional[str]:
        return self._metonyms.get(norm(text))

    def by_wikidata(self, qid: str) -> Optional[str]:
        return self._wikidata.get(qid)

    def predecessors(self, eid: str) -> list[str]:
        e = self.entries.get(eid)
        return list(e.predecessors) if e else []

    def successors(self, eid: str) -> list[str]:
        return list(self._successors.get(eid, ()))

    def state_of(self, eid: Optional[str]) -> Optional[str]:
        """The state an entry belongs to: itself for a state, else up its affiliation chain."""
        seen = set()
        while eid and eid not in seen:
            seen.add(eid)
            e = self.entries.get(eid)
            if e is None:
                return None
            if e.kind == "state":
                return e.id
            eid = e.affiliation
        return None

    def all_names(self) -> dict[str, list[str]]:
        """norm(name) -> ids (for fuzzy matching)."""
        return self._names

    # -- entity ruler ------------------------------------------------------------------------
    def entity_patterns(self) -> list[dict]:
        """Phrase patterns for an entity ruler: ``{"label", "pattern", "id"}``; one per name.

        Person surnames alone are left out (coreference links them); demonyms get label NORP.
        """
        if self._patterns is not None:
            return self._patterns
        out: dict[tuple[str, str], dict] = {}
        ordered = sorted(self.entries.values(), key=lambda e: KIND_PRIORITY.get(e.kind, 9))
        for e in ordered:
            label = LABELS.get(e.kind, "ORG")
            for name in e.names():
                name = name.strip()
                if e.kind == "person" and " " not in name:
                    continue
                key = (name, "n")
                if key not in out:
                    out[key] = {"label": label, "pattern": name, "id": e.id}
            for d in e.demonyms:
                key = (d.strip(), "n")
                if key not in out:
                    out[key] = {"label": "NORP", "pattern": d.strip(), "id": e.id}
        self._patterns = list(out.values())
        return self._patterns


# --------------------------------------------------------------------------------------------------
# validation
def _err(msg: str, file: str, m: Any, key: Optional[str] = None) -> KnowledgeBaseError:
    line = m.line_of(key) if isinstance(m, _Map) and key else getattr(m, "line", None)
    return KnowledgeBaseError(msg, file=file, line=line, field=key)


@lru_cache(maxsize=1)
def _iso3() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | NON_ISO_CODES


def _str(m: _Map, key: str, file: str, *, required: bool = False) -> Optional[str]:
    v = m.get(key)
    if v is None:
        if required:
            raise _err(f"missing required field '{key}'", file, m, None)
        return None
    if not isinstance(v, (str, int)) or isinstance(v, bool) or (isinstance(v, str) and not v.strip()):
        raise _err(f"'{key}' must be a non-empty string, got {v!r}", file, m, key)
    return str(v).strip()


def _date(v: Any, file: str, m: Any, key: str) -> Optional[str]:
    if v is None:
        return None
    s = v.isoformat() if hasattr(v, "isoformat") else str(v)
    if not _DATE_RE.match(s):
        raise _err(f"'{key}' must be a date YYYY, YYYY-MM or YYYY-MM-DD, got {v!r}", file, m, key)
    return s


def _str_list(m: _Map, key: str, file: str) -> list[str]:
    v = m.get(key)
    if v is None:
        return []
    if not isinstance(v, list):
        raise _err(f"'{key}' must be a list of names, got {type(v).__name__}", file, m, key)
    out = []
    for x in v:
        if not isinstance(x, str) or not x.strip():
            raise _err(f"'{key}' has an empty or non-text item {x!r}", file, m, key)
        if not _NONWORD_RE.sub("", plain(x)):
            raise _err(f"'{key}' has an item with no letters or digits {x!r}", file, m, key)
        out.append(x.strip())
    return out


def _dict_list(m: _Map, key: str, file: str, required: tuple[str, ...], dates=("since", "until")) -> list[dict]:
    v = m.get(key)
    if v is None:
        return []
    if not isinstance(v, list):
        raise _err(f"'{key}' must be a list of mappings", file, m, key)
    out = []
    for item in v:
        if not isinstance(item, dict):
            raise _err(f"'{key}' items must be mappings, got {item!r}", file, m, key)
        for r in required:
            if not isinstance(item.get(r), str) or not item.get(r).strip():
                raise _err(f"'{key}' item lacks a text '{r}'", file, item if isinstance(item, _Map) else m, key)
        d = dict(item)
        for dk in dates:
            if dk in d:
                d[dk] = _date(d[dk], file, item, f"{key}.{dk}")
        d["_line"] = getattr(item, "line", m.line)
        out.append(d)
    return out


def parse_entry(m: Any, file: str) -> Entry:
    if not isinstance(m, _Map):
        raise KnowledgeBaseError(f"each entry must be a mapping, got {m!r}", file=file,
                                 line=getattr(m, "line", None))
    unknown = set(m) - _ENTRY_FIELDS
    if unknown:
        k = sorted(unknown)[0]
        raise _err(f"unknown field '{k}' (known: {', '.join(sorted(_ENTRY_FIELDS))})", file, m, k)
    eid = _str(m, "id", file, required=True)
    if not _ID_RE.match(eid):
        raise _err(f"id {eid!r} must match [A-Z0-9_]+", file, m, "id")
    name = _str(m, "name", file)
    kind = _str(m, "kind", file)
    if kind is not None and kind not in KINDS:
        raise _err(f"kind {kind!r} is not one of {', '.join(KINDS)}", file, m, "kind")
    country = _str(m, "country", file)
    if country is not None and country not in _iso3():
        raise _err(f"country {country!r} is not an ISO 3166 alpha-3 code", file, m, "country")
    wikidata = _str(m, "wikidata", file)
    if wikidata is not None and not _QID_RE.match(wikidata):
        raise _err(f"wikidata {wikidata!r} must look like Q123", file, m, "wikidata")
    sector = _str(m, "sector", file)
    if sector is not None and not re.match(r"^[A-Z]{3}$", sector):
        raise _err(f"sector {sector!r} must be a three-letter code such as GOV, MIL, REB", file, m, "sector")
    e = Entry(id=eid, name=name or "", kind=kind or "", country=country, sector=sector, wikidata=wikidata,
              aliases=_str_list(m, "aliases", file),
              former_names=_dict_list(m, "former_names", file, ("name",)),
              predecessors=_str_list(m, "predecessors", file),
              affiliation=_str(m, "affiliation", file),
              demonyms=_str_list(m, "demonyms", file), metonyms=_str_list(m, "metonyms", file),
              roles=_dict_list(m, "roles", file, ("role",)),
              relations=_dict_list(m, "relations", file, ("type", "object")),
              file=file, line=m.line)
    e._map = m  # type: ignore[attr-defined]  # for reference errors with line numbers
    for fn in e.former_names:
        if not _NONWORD_RE.sub("", plain(fn["name"])):
            raise _err(f"former name {fn['name']!r} has no letters", file, m, "former_names")
    return e


def _merge(old: Entry, new: Entry) -> None:
    """A later file's entry with an existing id extends it (never silently replaces it)."""
    m = new._map  # type: ignore[attr-defined]
    for attr in ("name", "kind", "country", "sector", "wikidata", "affiliation"):
        nv, ov = getattr(new, attr), getattr(old, attr)
        if nv and ov and nv != ov:
            raise _err(f"id {new.id!r} is already defined in {old.file}:{old.line} with {attr} {ov!r}; "
                       f"an extending entry may not change it to {nv!r}", new.file, m, attr)
        if nv and not ov:
            setattr(old, attr, nv)
    for attr in ("aliases", "demonyms", "metonyms", "predecessors"):
        cur = getattr(old, attr)
        cur.extend(x for x in getattr(new, attr) if x not in cur)
    old.former_names.extend(new.former_names)
    old.roles.extend(new.roles)
    old.relations.extend(new.relations)


def _check_refs(kb: KnowledgeBase) -> None:
    for e in kb.entries.values():
        m = getattr(e, "_map", None)
        refs = [("affiliation", e.affiliation)] + [("predecessors", p) for p in e.predecessors]
        refs += [("roles.affiliation", r.get("affiliation")) for r in e.roles]
        refs += [("relations.object", r.get("object")) for r in e.relations]
        for key, ref in refs:
            if ref and ref not in kb.entries:
                top = key.split(".")[0]
                raise KnowledgeBaseError(f"{key} refers to unknown id {ref!r}", file=e.file,
                                         line=m.line_of(top) if m is not None else e.line, field=key)


def build_kb(files: Iterable[tuple[str, bool]]) -> KnowledgeBase:
    """Load ``(path, extends_allowed)`` files in order into one validated KB."""
    kb = KnowledgeBase()
    for path, may_extend in files:
        data = load_yaml(path)
        if data is None:
            continue
        if not isinstance(data, list):
            raise KnowledgeBaseError("a knowledge-base file must be a YAML list of entries", file=str(path),
                                     line=getattr(data, "line", 1))
        seen_here: set[str] = set()
        for item in data:
            e = parse_entry(item, str(path))
            if e.id in seen_here or (e.id in kb.entries and not may_extend):
                prev = kb.entries[e.id]
                raise _err(f"duplicate id {e.id!r} (first defined in {prev.file}:{prev.line})", str(path),
                           item, "id")
            seen_here.add(e.id)
            if e.id in kb.entries:
                _merge(kb.entries[e.id], e)
                continue
            if not e.name:
                raise _err("missing required field 'name'", str(path), item, None)
            if not e.kind:
                raise _err("missing required field 'kind'", str(path), item, None)
            if e.kind == "state" and not e.country and e.id in _iso3():
                e.country = e.id
            kb.entries[e.id] = e
    _check_refs(kb)
    for e in kb.entries.values():
        kb._index(e)
        e.__dict__.pop("_map", None)
    return kb


def package_files() -> list[str]:
    return [str(DATA_DIR / f) for f in PACKAGE_FILES if (DATA_DIR / f).exists()]


CACHE_VERSION = b"kb-1"


def _cache_path(files: list[tuple[str, bool]]) -> Optional[Path]:
    h = hashlib.sha1(CACHE_VERSION)
    h.update(sys.version.encode())
    try:
        for path, may_extend in files:
            h.update(str(path).encode() + (b"\x01" if may_extend else b"\x00"))
            h.update(Path(path).read_bytes())
    except OSError:
        return None  # unreadable: let the loader report it properly
    return cache_dir() / f"kb-{h.hexdigest()[:20]}.pkl"


def build_kb_cached(files: list[tuple[str, bool]]) -> KnowledgeBase:
    """:func:`build_kb`, through a pickle cache keyed by the files' paths and contents (a KB that
    failed validation is never cached, so errors are always reported)."""
    path = _cache_path(files)
    if path is not None:
        kb = read_pickle(path)
        if isinstance(kb, KnowledgeBase):
            return kb
    kb = build_kb(files)
    if path is not None:
        write_pickle(path, kb)
    return kb


@lru_cache(maxsize=8)
def load_kb(paths: tuple[str, ...] = (), include_package: bool = True) -> KnowledgeBase:
    """The package KB plus the user's files ``paths`` (later entries with an existing id extend it),
    validated, loaded once per process (and cached on disk between processes).

    The actors stage obtains it through its pipeline's resources (``resources.get("kb", ...)``); this
    process-wide cache stays because the spaCy pipeline's entity ruler (:func:`sitrep.nlp.load_pipeline`,
    itself cached per model) and the places stage's demonym table read the KB outside any
    ``Resources``, and both must see the very same object without parsing it again."""
    files = [(p, False) for p in package_files()] if include_package else []
    files += [(str(p), True) for p in paths]
    return build_kb_cached(files)


__all__ = ["Entry", "KnowledgeBase", "load_kb", "build_kb", "norm", "fold", "slug", "is_acronym",
           "strip_name", "load_yaml"]
