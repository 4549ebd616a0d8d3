"""Generate src/sitrep/data/cameo_triggers.yaml from the PETRARCH2 CAMEO verb dictionary and the
OEDA's CAMEO -> PLOVER map.

    PYTHONPATH=src python scripts/gen_cameo_triggers.py            # writes the file
    PYTHONPATH=src python scripts/gen_cameo_triggers.py --check    # exit 1 if it is stale or invalid
    ... [--dictionary CAMEO.2.0.txt] [--map CAMEO2PLOVER-2021.txt]

The inputs default to ``reference/petrarch2/CAMEO.2.0.txt`` and ``plover/CAMEO2PLOVER-2021.txt`` under
the development data folder (``$SITREP_EVAL_DATA``, else the nearest ``shared/data`` up from here, as
``sitrep eval`` finds it). They are read at development time only: the output is committed. Without
them, ``--check`` validates the committed file and says that it could not check its freshness.

What is generated (the output's header lists the fields):

* **verbs**: every verb of the dictionary's verb blocks (``ATTACK``, ``+CALL_OFF``), keyed by its
  lemma with its particle or word ("call off", "take over"). Its CAMEO code is, in order: (1) the code
  on its own line (``ARREST [173]``); (2) the code of a bare pattern ``- *`` that names it; (3) the
  code of its block (``--- DEPORT [174] ---``); (4) failing these, the most frequent PLOVER type among
  the patterns that name it (``basis: patterns``, ``votes`` of ``of``). At the first level that gives
  a code, several codes (a verb in several blocks) are settled by the same vote.
* **phrases**: every *simple* pattern -- nothing before the verb but ``$``/``+``; after it at most a
  particle, one noun phrase, one preposition with at most one noun phrase -- for each verb its comment
  names (``# RUSH``; every verb of the block when the comment names no word), keyed by the phrase
  ("open fire", "rush aid", "set up base"). Noun heads are put in the singular; a synset head
  (``&WEAPON``) stays a reference to the ``synsets`` section, a synset modifier reads as the synset's
  name ("military aid"). ``$``/``+`` give the argument hints ``source``/``target``: ``subject``,
  ``object``, ``prep:<p>`` or ``after`` (after the object). A code with only its second half
  (``[:173]``) is the act of the target on the subject: ``subject_is_target``. Several patterns with
  one key are settled by the vote.
* **nouns** (nominal triggers), the first source that gives a noun deciding: (1) the map's
  descriptions after a light verb ("Conduct hunger strike", "Impose embargo, boycott, or sanctions",
  "Engage in negotiation"); (2) the objects of light verbs in simple patterns ("stage protest",
  "launch attack"); (3) nominalizations of typed verbs (basis own, bare or block) -- "-ing", "-ion",
  "-ment", "-al", "-ure", "-ance" forms -- that the dictionary uses as a noun somewhere ("bombing",
  "seizure", "expulsion"); (4) the verb's own form ("clash", "arrest") where a pattern uses it as a
  noun with a code of the verb's type ("die (in clashes) [190]").

The vote: the most frequent PLOVER type, then its most frequent code, ties going to the first in the
file (for the map: the lowest code, a code that writes the noun out before one that shares a list's
head, "suicide, car, or other non-military bombing").

A code maps to PLOVER through the map (the code, else its three-digit parent). Codes the map leaves
out (CAMEO 01 statements and 02 appeals, which PLOVER dropped) and the null code ``---`` give nothing.
The mode is the first mode of the type in sitrep's ``plover.yaml`` with that CAMEO code, else the
map's mode when ``plover.yaml`` has it, else the ``plover.yaml`` mode of the map row's (parent) code;
the map's own mode is kept as ``map_mode`` when it differs. The output is sorted and deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "src" / "sitrep" / "data" / "cameo_triggers.yaml"
DICTIONARY = Path("reference") / "petrarch2" / "CAMEO.2.0.txt"
MAP = Path("plover") / "CAMEO2PLOVER-2021.txt"

#: words that follow a verb as its particle ("set up", "call off", "take in")
PARTICLES = frozenset("up down out off away back over forward forth aside around along through in on about "
                      "together apart ahead".split())
#: prepositions that may stand bare in a pattern ("- * AGAINST", "- * CONVOY OF")
PREPOSITIONS = frozenset("against at with to into onto from for of by toward towards upon between among "
                         "during after before behind under across near inside outside over in on as "
                         "within without beyond amid".split())
#: verbs whose object names the act ("stage a protest"): their objects are nominal triggers
LIGHT_VERBS = frozenset(["stage", "launch", "conduct", "carry out", "mount", "wage", "organize", "organise",
                         "impose", "declare", "issue", "unleash", "commit", "perpetrate", "initiate", "begin",
                         "start", "resume"])
#: the light verbs that open a description in the CAMEO -> PLOVER map
MAP_LIGHT = ("carry out", "engage in", "conduct", "impose", "declare", "give", "make", "host", "grant",
             "use", "employ")


# ------------------------------------------------------------------------------------------ the map
@dataclass(frozen=True)
class MapRow:
    code: str
    type: str
    mode: str | None
    description: str


def read_map(path: Path) -> dict[str, MapRow]:
    """``code -> MapRow`` for every coded line of CAMEO2PLOVER (the two-digit headings are skipped;
    a code listed twice keeps its first line)."""
    rows: dict[str, MapRow] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),([^#]*)#\s*(.*)$", line)
        if not m:
            continue
        code, typ, mode, _ctx, desc = m.groups()
        mode = mode.strip() or None
        rows.setdefault(code, MapRow(code, typ, mode, desc.strip()))
    return rows


# ------------------------------------------------------------------------------------- the ontology
def read_modes() -> tuple[dict[str, set[str]], dict[tuple[str, str], list[str]]]:
    """sitrep's modes (``plover.yaml``): ``type -> {mode}`` and ``(type, cameo) -> [modes with that
    code]`` in the file's order."""
    from sitrep.ontology import load_ontology

    modes: dict[str, set[str]] = {}
    by_code: dict[tuple[str, str], list[str]] = defaultdict(list)
    for t, spec in load_ontology().types.items():
        modes[t] = set(spec.modes)
        for name, m in spec.modes.items():
            if m.cameo:
                by_code[(t, m.cameo)].append(name)
    return modes, by_code


@dataclass(frozen=True)
class Plover:
    type: str
    mode: str | None
    map_mode: str | None
    cameo: str


class Mapper:
    """CAMEO code -> PLOVER type and sitrep mode."""

    def __init__(self, rows: dict[str, MapRow], modes: dict[str, set[str]],
                 by_code: dict[tuple[str, str], list[str]]):
        self.rows, self.modes, self.by_code = rows, modes, by_code

    def __call__(self, code: str | None) -> Plover | None:
        if not code or not code.isdigit():
            return None
        row = self.rows.get(code) or (self.rows.get(code[:3]) if len(code) == 4 else None)
        if row is None or row.type not in self.modes:
            return None
        mode = next(iter(self.by_code.get((row.type, code), [])), None)
        if mode is None and row.mode in self.modes[row.type]:
            mode = row.mode
        if mode is None and row.code != code:
            mode = next(iter(self.by_code.get((row.type, row.code), [])), None)
        map_mode = row.mode if row.mode != mode else None
        return Plover(row.type, mode, map_mode, code)


# ------------------------------------------------------------------------------ the verb dictionary
@dataclass
class Item:
    """One element of a pattern half: a noun phrase (words, the head last), a prepositional phrase
    (prep + noun phrases), or an actor slot ($ source, + target, ^ or % others)."""

    kind: str  # "np" | "pp" | "slot"
    words: tuple[str, ...] = ()
    prep: str = ""
    objects: tuple["Item", ...] = ()


@dataclass
class Pattern:
    line: int
    block: str
    verbs: tuple[str, ...]
    pre: list[Item]
    post: list[Item]
    code: str | None
    subject_is_target: bool
    text: str


@dataclass
class VerbEntry:
    key: str
    lines: list[tuple[int, str | None]] = field(default_factory=list)  # (line, own code or None)
    blocks: list[tuple[int, str | None]] = field(default_factory=list)  # (line, block code or None)
    bare: list[tuple[int, str]] = field(default_factory=list)  # "- *" patterns naming it


@dataclass
class Dictionary:
    synsets: dict[str, list[tuple[str, ...]]]
    verbs: dict[str, VerbEntry]
    patterns: list[Pattern]


def _code(text: str) -> tuple[str | None, bool, str]:
    """The code of a line (``[173]``, ``[042:043]``, ``[:173]``, ``[---]``): (primary code or None,
    whether the act runs from the target to the subject, the text without the code)."""
    m = re.search(r"\[([^\]]*)\]\s*$", text.rstrip())
    if not m:
        return None, False, text
    raw = m.group(1).strip().rstrip("!")
    rest = text[: m.start()]
    first, colon, second = raw.partition(":")
    if first and first != "---":
        return first, False, rest
    if colon and second and second != "---":
        return second, True, rest
    return None, False, rest


def _words(token: str) -> tuple[str, ...]:
    return tuple(w for w in token.lower().replace("_", " ").split() if w)


def _tokenize(part: str) -> list[Item]:
    """A pattern half as items. ``(PREP NOUN)`` is a prepositional phrase, ``{MODS HEAD}`` a noun
    phrase, ``&SYN`` a synset, ``$ + ^ %`` actor slots, a bare known preposition opens a phrase with
    the next noun (TABARI style: ``- * TROOP TOWARD +``)."""
    return _attach_bare_preps(_items(part))


def _items(part: str) -> list[Item]:
    toks = part.split()
    items: list[Item] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.startswith("("):
            group = [t]
            while not group[-1].endswith(")") and i + 1 < len(toks):
                i += 1
                group.append(toks[i])
            inner = " ".join(group)[1:].rstrip(")")
            sub = _items(inner)
            head = sub[0].words[0] if sub and sub[0].kind == "np" and len(sub[0].words) == 1 else ""
            items.append(Item("pp", prep=head, objects=tuple(sub[1:]) if head else tuple(sub)))
        elif t.startswith("{"):
            group = [t]
            while not group[-1].endswith("}") and i + 1 < len(toks):
                i += 1
                group.append(toks[i])
            inner = " ".join(group).strip("{}")
            items.append(Item("np", words=tuple(w for g in inner.split()
                                                for w in ((g.lower(),) if g.startswith("&") else _words(g)))))
        elif t in {"$", "+", "^", "%"}:
            items.append(Item("slot", words=(t,)))
        elif t.startswith("&"):
            items.append(Item("np", words=(t.lower(),)))
        else:
            items.append(Item("np", words=_words(t)))
        i += 1
    return items


def _attach_bare_preps(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    i = 0
    while i < len(items):
        it = items[i]
        if (it.kind == "np" and len(it.words) == 1 and it.words[0] in PREPOSITIONS
                and it.words[0] not in PARTICLES):
            nxt = items[i + 1] if i + 1 < len(items) else None
            if nxt is not None and nxt.kind in {"np", "slot"}:
                out.append(Item("pp", prep=it.words[0], objects=(nxt,)))
                i += 2
                continue
            out.append(Item("pp", prep=it.words[0]))
        elif (it.kind == "pp" and not it.objects and i + 1 < len(items) and items[i + 1].kind == "slot"):
            out.append(Item("pp", prep=it.prep, objects=(items[i + 1],)))  # "(AGAINST) +"
            i += 2
            continue
        else:
            out.append(it)
        i += 1
    return out


def _verb_key(word: str) -> str:
    """``+CALL_OFF`` -> "call off"; ``WIRE_+TAP`` -> "wire tap"."""
    return " ".join(_words(word.replace("+", "")))


@dataclass
class _Block:
    code: str | None
    verbs: list[str] = field(default_factory=list)
    forms: dict[str, str] = field(default_factory=dict)  # a verb's forms ({...}) -> its key


def read_dictionary(path: Path) -> Dictionary:
    """The synsets, the verbs and the patterns of a PETRARCH2 verb dictionary."""
    synsets: dict[str, list[tuple[str, ...]]] = {}
    verbs: dict[str, VerbEntry] = {}
    pending: list[tuple[Pattern, str, _Block]] = []  # patterns, resolved once their block is read
    in_verbs = False
    current_syn: str | None = None
    block_name, block = "", _Block(None)
    for n, raw in enumerate(path.read_text(encoding="latin-1").splitlines(), 1):
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not raw.strip() or raw.lstrip().startswith("#") or raw.startswith("<!"):
            continue
        body, _, comment = raw.partition("#")
        if not in_verbs:
            if body.startswith("&"):
                current_syn = body.strip().rstrip("_").lower()
                synsets[current_syn] = []
            elif body.startswith("+") and current_syn:
                w = _words(body.strip()[1:].rstrip("_"))
                if w:
                    synsets[current_syn].append(w)
        elif body.startswith("---"):
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", body)
            block_name = m.group(1) if m else body.strip("- ")
            block = _Block(_code("[" + (m.group(2) if m else "---") + "]")[0])
        elif body.startswith("~"):
            continue  # verb transformations: verb-verb combinations, not triggers
        elif body.startswith("-"):
            code, rev, rest = _code(body[1:])
            pre, star, post = rest.partition("*")
            if star:
                pending.append((Pattern(n, block_name, (), _tokenize(pre), _tokenize(post), code, rev,
                                        " ".join(raw.split())), comment, block))
        else:
            _add_verb(body, n, block, verbs)
    patterns = []
    for p, comment, blk in pending:
        p.verbs = _named_verbs(comment, blk.verbs, blk.forms)
        patterns.append(p)
        if not p.pre and not p.post and p.code:
            for v in p.verbs:
                verbs[v].bare.append((p.line, p.code))
    return Dictionary(synsets, verbs, patterns)


def _add_verb(body: str, line: int, block: _Block, verbs: dict[str, VerbEntry]) -> None:
    """A verb line, ``WORD {forms} [code]`` (``+CALL_OFF``, ``WIRE_+TAP``)."""
    code, _rev, rest = _code(body)
    m = re.match(r"^\s*(\S+)\s*(\{[^}]*\})?", rest)
    if not m:
        return
    word, braces = m.group(1), m.group(2)
    if braces is not None and not braces.strip("{} ") and "_" in word:
        return  # "+KILLED_AND {}": a fixed string of inflected words, not a verb
    key = _verb_key(word)
    if not key or {"and", "or"} & set(key.split()):
        return
    entry = verbs.setdefault(key, VerbEntry(key))
    entry.lines.append((line, code))
    entry.blocks.append((line, block.code))
    block.verbs.append(key)
    block.forms[key] = key
    for f in (braces or "").strip("{} ").split():
        block.forms[_verb_key(f)] = key


def _deinflect(words: tuple[str, ...]) -> list[str]:
    """A comment's verb and the stems it may be inflected from ("called off" -> "call off")."""
    if not words:
        return []
    first, rest = words[0], words[1:]
    stems = [first]
    for suffix in ("ed", "d", "ing", "s", "es"):
        if first.endswith(suffix) and len(first) > len(suffix) + 2:
            stem = first[: -len(suffix)]
            stems += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])
    return [" ".join((s, *rest)) for s in stems]


def _named_verbs(comment: str, block_verbs: list[str], forms: dict[str, str]) -> tuple[str, ...]:
    """The block verbs a pattern's comment names (``# RUSH``, ``# START , BEGIN``): all the block's
    verbs when the comment names no word; none when it names only words that are not verbs of the
    block (``# KILLED_AND``, a verb skipped above, or a note)."""
    named: list[str] = []
    words = re.findall(r"[A-Z][A-Z_'-]+", comment.split("<")[0])
    for w in words:
        k = next((forms[f] for f in _deinflect(_words(w)) if f in forms), None)
        if k and k not in named:
            named.append(k)
    if not words:
        return tuple(dict.fromkeys(block_verbs))
    return tuple(named)


# ------------------------------------------------------------------------------------ the decisions
def _vote(cands: list[tuple[int, Plover]]) -> tuple[Plover, int, int] | None:
    """The most frequent type among ``(order, plover)`` candidates, and of that type the most frequent
    code (ties: the earliest). Returns (plover, votes for the type, candidates)."""
    if not cands:
        return None
    ordered = sorted(cands, key=lambda c: c[0])

    def winner(keys: list) -> object:
        counts = Counter(keys)
        first = {k: i for i, k in reversed(list(enumerate(keys)))}
        return max(counts, key=lambda k: (counts[k], -first[k]))

    best = winner([p.type for _, p in ordered])
    code = winner([p.cameo for _, p in ordered if p.type == best])
    pick = next(p for _, p in ordered if p.type == best and p.cameo == code)
    return pick, sum(1 for _, p in ordered if p.type == best), len(cands)


def _name_mods(words: tuple[str, ...]) -> tuple[str, ...]:
    """A noun phrase with its synset modifiers read as the synset's name (``{&MILITARY AID}`` ->
    "military aid"); a synset head (``&WEAPON``) stays a reference, "&weapon"."""
    out: tuple[str, ...] = ()
    for i, w in enumerate(words):
        out += _words(w[1:].rstrip("_")) if w.startswith("&") and i < len(words) - 1 else (w.rstrip("_"),)
    return out


def _lemma_head(words: tuple[str, ...]) -> tuple[str, ...]:
    """The noun phrase with its head in the singular, as spaCy's lemma ("diplomats" -> "diplomat")."""
    if not words or words[-1].startswith("&"):
        return words
    return words[:-1] + (_singular(words[-1]),)


def expand(words: tuple[str, ...], synsets: dict[str, list[tuple[str, ...]]]) -> list[tuple[str, ...]]:
    """The phrase with a synset head replaced by each of the synset's members."""
    if not words or not words[-1].startswith("&"):
        return [words]
    return [words[:-1] + m for m in synsets.get(words[-1], [])]


@dataclass(frozen=True)
class Shape:
    """A simple pattern: particle, object, preposition and its object, argument hints."""

    particle: str | None
    obj: tuple[str, ...] | None  # words, head last
    prep: str | None
    prep_obj: tuple[str, ...] | None
    source: str | None
    target: str | None


def _slot(item: Item, where: str, hints: dict[str, str]) -> bool:
    """Record ``$``/``+`` at ``where``; False for ``^``/``%`` (patterns with those are not simple)."""
    sym = item.words[0]
    if sym == "$":
        hints.setdefault("source", where)
        return True
    if sym == "+":
        hints.setdefault("target", where)
        return True
    return False


def simple_shape(p: Pattern, synsets: dict[str, list[tuple[str, ...]]]) -> Shape | None:  # noqa: C901
    """The pattern as a simple phrase, or None when it is not simple: nothing before the verb but
    ``$``/``+``; after it at most a particle, one noun phrase or slot, one prepositional phrase with
    at most one noun phrase or slot. (A small grammar, read top down.)"""
    hints: dict[str, str] = {}
    for it in p.pre:  # a noun before the verb is a condition on the subject: not a phrase
        if it.kind != "slot" or not _slot(it, "subject", hints):
            return None
    particle, obj, prep, prep_obj = None, None, None, None
    stage = 0  # 0 particle, 1 object, 2 preposition, 3 done
    for it in p.post:
        if it.kind == "np" and stage == 0 and len(it.words) == 1 and it.words[0] in PARTICLES:
            particle, stage = it.words[0], 1
        elif it.kind == "np" and stage <= 1 and obj is None:
            obj, stage = it.words, 2
        elif it.kind == "slot" and stage <= 2:
            if not _slot(it, "object" if stage <= 1 else "after", hints):
                return None
            stage = 3 if stage == 2 else 2
        elif it.kind == "pp" and stage <= 2 and prep is None and len(it.objects) <= 1:
            prep, stage = it.prep, 3
            if it.objects:
                o = it.objects[0]
                if o.kind == "slot":
                    if not _slot(o, f"prep:{it.prep}", hints):
                        return None
                else:
                    prep_obj = o.words
        elif it.kind == "slot" and stage == 3 and prep and prep_obj is None:
            if not _slot(it, f"prep:{prep}", hints):
                return None
        else:
            return None
    if prep is not None and not re.fullmatch(r"[a-z]+", prep):
        return None
    obj = _lemma_head(_name_mods(obj)) if obj else None
    prep_obj = _lemma_head(_name_mods(prep_obj)) if prep_obj else None
    if any(np and np[-1].startswith("&") and np[-1] not in synsets for np in (obj, prep_obj)):
        return None  # an undefined synset: PETRARCH ignores the pattern
    return Shape(particle, obj, prep, prep_obj, hints.get("source"), hints.get("target"))


def phrase_key(verb: str, s: Shape) -> str:
    parts = [verb]
    if s.particle:
        parts.append(s.particle)
    if s.obj:
        parts.extend(s.obj)
    if s.prep:
        parts.append(s.prep)
    if s.prep_obj:
        parts.extend(s.prep_obj)
    return " ".join(parts)


def _entry(pl: Plover, **extra) -> dict:
    e: dict = {"type": pl.type}
    if pl.mode:
        e["mode"] = pl.mode
    if pl.map_mode:
        e["map_mode"] = pl.map_mode
    e["cameo"] = pl.cameo
    for k, v in extra.items():
        if v not in (None, False, [], ()):
            e[k] = v
    return e


def build_verbs(d: Dictionary, mapper: Mapper) -> dict[str, dict]:
    """Each verb's code: its own line's, a bare pattern's, its block's, else its patterns' vote. The
    first level that writes any code decides (a code the map leaves out, or ``---``, drops the verb)."""
    per_verb: dict[str, list[tuple[int, Plover]]] = defaultdict(list)
    for p in d.patterns:
        pl = mapper(p.code)
        if pl is not None and (p.pre or p.post):
            for v in p.verbs:
                per_verb[v].append((p.line, pl))
    out: dict[str, dict] = {}
    for key, v in sorted(d.verbs.items()):
        levels = (("own", v.lines), ("bare", v.bare), ("block", v.blocks))
        level = next(((basis, codes) for basis, codes in levels if any(c for _, c in codes)), None)
        if level is not None:
            basis, codes = level
            vote = _vote([(n, pl) for n, c in codes if (pl := mapper(c)) is not None])
        else:
            basis, vote = "patterns", _vote(per_verb.get(key, []))
        if vote is None:
            continue
        pl, votes, of = vote
        extra = {"votes": votes, "of": of} if basis == "patterns" else {}
        out[key] = _entry(pl, basis=basis, **extra)
    return out


def build_phrases(d: Dictionary, mapper: Mapper) -> dict[str, dict]:
    cands: dict[str, list[tuple[int, Plover, str, Shape, bool]]] = defaultdict(list)
    for p in d.patterns:
        pl = mapper(p.code)
        if pl is None or not (p.pre or p.post):
            continue
        s = simple_shape(p, d.synsets)
        if s is None or not (s.particle or s.obj or s.prep):
            continue  # not simple, or only slots: not a phrase
        for v in p.verbs:
            cands[phrase_key(v, s)].append((p.line, pl, v, s, p.subject_is_target))
    out: dict[str, dict] = {}
    for key in sorted(cands):
        rows = cands[key]
        vote = _vote([(r[0], r[1]) for r in rows])
        assert vote is not None
        pl, votes, of = vote
        _, _, verb, s, rev = min((r for r in rows if r[1] is pl), key=lambda r: r[0])
        out[key] = _entry(
            pl, verb=verb, particle=s.particle,
            object=s.obj[-1] if s.obj else None, object_mods=list(s.obj[:-1]) if s.obj else None,
            prep=s.prep, prep_object=s.prep_obj[-1] if s.prep_obj else None,
            prep_object_mods=list(s.prep_obj[:-1]) if s.prep_obj else None,
            source=s.source, target=s.target, subject_is_target=rev,
            votes=votes if of > 1 else None, of=of if of > 1 else None,
        )
    return out


# ------------------------------------------------------------------------------------------ nominals
_SINGULAR = {"news": "news", "series": "series", "headquarters": "headquarters", "means": "means",
             "analyses": "analysis", "crises": "crisis", "hostilities": "hostility", "arms": "arm"}


def _singular(w: str) -> str:
    if w in _SINGULAR:
        return _SINGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _noun_key(words: list[str]) -> str:
    """Lemma-like key of a noun phrase: the head (the last word, or the word before "of") singular."""
    words = [w for w in words if w not in {"a", "an", "the", "other"}]
    if "of" in words[1:]:
        i = words.index("of")
        words[i - 1] = _singular(words[i - 1])
    elif words:
        words[-1] = _singular(words[-1])
    return " ".join(words)


def map_nouns(rows: dict[str, MapRow], verb_keys: set[str]) -> dict[str, list[tuple[str, bool]]]:
    """``noun -> [(code, shared)]`` from the map's descriptions that open with a light verb; shared:
    the noun was built by sharing a list's head ("suicide, car, or other bombing" -> "car bombing")."""
    out: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for code, row in sorted(rows.items()):
        desc = row.description.strip().lower()
        lv = next((v for v in MAP_LIGHT if desc.startswith(v + " ")), None)
        if lv is None:
            continue
        rest = desc[len(lv) + 1:]
        rest = re.split(r"\s+(?:for|on|against|in)\s+", rest)[0]
        rest = re.sub(r"^(?:as|a|an)\s+", "", rest)
        items = [x.strip() for x in re.split(r",\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+", rest) if x.strip()]
        joined = bool(re.search(r"\b(or|and)\b", rest))
        last = items[-1].split()
        shared = joined and len(items) > 1 and len(last) > 1 and all(len(x.split()) == 1 for x in items[:-1])
        if shared:
            items = [x + " " + last[-1] for x in items[:-1]] + [items[-1]]
        for k, item in enumerate(items):
            words = item.split()
            if k > 0 and len(words) > 1 and words[0] in verb_keys:
                continue  # "Impose blockade, restrict movement": a verb phrase, not a noun
            key = _noun_key(words)
            if key:
                out[key].append((code, shared and k < len(items) - 1))
    return out


_NOMINAL_SUFFIXES = (
    # (verb ending to drop, ending to add); "-ion" only after t or s ("abduction", "discussion")
    ("", "ing"), ("e", "ing"), ("t", "tion"), ("s", "sion"), ("te", "tion"), ("", "ation"), ("e", "ation"),
    ("y", "ication"), ("ide", "ision"), ("ade", "asion"), ("ude", "usion"), ("ode", "osion"),
    ("el", "ulsion"),
    ("mit", "mission"), ("ain", "ention"), ("ume", "umption"), ("y", "ation"), ("", "ment"),
    ("", "al"), ("e", "al"), ("y", "ial"), ("e", "ure"), ("", "ure"), ("", "ance"), ("e", "ance"),
    ("", "ence"), ("e", "ence"),
)


def nominalizations(verb: str) -> list[str]:
    """Candidate nouns of a one-word verb by derivation (the doubled consonant of "kidnapping" too)."""
    out = []
    for drop, add in _NOMINAL_SUFFIXES:
        if drop and not verb.endswith(drop):
            continue
        stem = verb[: len(verb) - len(drop)] if drop else verb
        cand = stem + add
        if cand != verb:
            out.append(cand)
        if add == "ing" and not drop and re.search(r"[^aeiou][aeiou][bdglmnprt]$", verb):
            out.append(verb + verb[-1] + "ing")
    return sorted(set(out))


def dictionary_nouns(d: Dictionary) -> set[str]:
    """Every word the dictionary uses in a noun position (patterns and synsets), singular."""
    nouns: set[str] = set()

    def add_item(it: Item) -> None:
        if it.kind == "np":
            for w in it.words:
                if not w.startswith("&") and re.fullmatch(r"[a-z][a-z-]*", w):
                    nouns.add(_singular(w))
        elif it.kind == "pp":
            for o in it.objects:
                add_item(o)

    for p in d.patterns:
        for it in p.pre + p.post:
            add_item(it)
    for members in d.synsets.values():
        for m in members:
            nouns.add(_singular(m[-1]))
    return nouns


def build_nouns(d: Dictionary, mapper: Mapper, rows: dict[str, MapRow], verbs: dict[str, dict]) -> dict:
    out: dict[str, dict] = {}
    # (1) the map
    for key, codes in sorted(map_nouns(rows, set(d.verbs)).items()):
        # order: the code, a shared-head noun after every noun the map writes out
        cands = [(int(c) + (10**5 if shared else 0), pl)
                 for c, shared in codes if (pl := mapper(c)) is not None]
        vote = _vote(cands)
        if vote:
            pl, votes, of = vote
            out[key] = _entry(pl, basis="map", votes=votes if of > 1 else None, of=of if of > 1 else None)
    # (2) objects of light verbs
    light: dict[str, list[tuple[int, Plover, str]]] = defaultdict(list)
    for p in d.patterns:
        pl = mapper(p.code)
        lv = [v for v in p.verbs if v in LIGHT_VERBS]
        if pl is None or not lv:
            continue
        s = simple_shape(p, d.synsets)
        if s is not None and s.obj and not s.prep_obj:
            for obj in expand(s.obj, d.synsets):
                light[_noun_key(list(obj))].append((p.line, pl, f"{lv[0]} {' '.join(s.obj)}"))
    for key in sorted(light):
        if key in out:
            continue
        vote = _vote([(n, pl) for n, pl, _ in light[key]])
        assert vote is not None
        pl, votes, of = vote
        example = min((r for r in light[key] if r[1] is pl), key=lambda r: r[0])[2]
        out[key] = _entry(pl, basis="light_verb", via=example,
                          votes=votes if of > 1 else None, of=of if of > 1 else None)
    # (3) attested nominalizations of typed verbs
    attested = dictionary_nouns(d)
    derived: dict[str, list[tuple[int, Plover, str]]] = defaultdict(list)
    for order, (verb, e) in enumerate(sorted(verbs.items())):
        if " " in verb or e["basis"] == "patterns":
            continue
        pl = Plover(e["type"], e.get("mode"), e.get("map_mode"), e["cameo"])
        for noun in nominalizations(verb):
            if noun in attested:
                derived[noun].append((order, pl, verb))
    for key in sorted(derived):
        if key in out or key in d.verbs:
            continue
        vote = _vote([(n, pl) for n, pl, _ in derived[key]])
        assert vote is not None
        pl, votes, of = vote
        verb = min((r for r in derived[key] if r[1] is pl), key=lambda r: r[0])[2]
        out[key] = _entry(pl, basis="nominalization", via=verb,
                          votes=votes if of > 1 else None, of=of if of > 1 else None)
    # (4) the verb's own form as a noun, where a pattern uses that noun with a code of the verb's type
    noun_types = pattern_noun_types(d, mapper)
    for verb, e in sorted(verbs.items()):
        if " " in verb or e["basis"] == "patterns" or verb in out:
            continue
        if e["type"] in noun_types.get(verb, set()):
            pl = Plover(e["type"], e.get("mode"), e.get("map_mode"), e["cameo"])
            out[verb] = _entry(pl, basis="zero_derivation", via=verb)
    return dict(sorted(out.items()))


def pattern_noun_types(d: Dictionary, mapper: Mapper) -> dict[str, set[str]]:
    """``noun -> {PLOVER types}`` of the patterns that name the noun (head of an object or of a
    preposition's object, written out, not through a synset): "die (in clashes) [190]" -> clash:
    ASSAULT."""
    out: dict[str, set[str]] = defaultdict(set)

    def heads(items: list[Item]):
        for it in items:
            if it.kind == "np" and it.words and not it.words[-1].startswith("&"):
                yield it.words[-1]
            elif it.kind == "pp":
                yield from heads(list(it.objects))

    for p in d.patterns:
        pl = mapper(p.code)
        if pl is None:
            continue
        for w in heads(p.pre + p.post):
            if re.fullmatch(r"[a-z][a-z-]*", w):
                out[_singular(w)].add(pl.type)
    return out


# ------------------------------------------------------------------------------------------- output
HEADER = """\
# GENERATED by scripts/gen_cameo_triggers.py: do not edit by hand. Regenerate (with the development
# data; --dictionary CAMEO.2.0.txt and --map CAMEO2PLOVER-2021.txt name other copies) with
#   PYTHONPATH=src python scripts/gen_cameo_triggers.py
# and check it with the same command and --check.
#
# Derived from
#   * the PETRARCH2 CAMEO verb dictionary CAMEO.2.0.txt (https://github.com/openeventdata/petrarch2),
#     Copyright (c) 2015 Open Event Data Alliance, MIT License;
#   * the CAMEO -> PLOVER conversion table CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, 17 Sep 2021,
#     ed. Philip Schrodt, https://github.com/openeventdata/PLOVER). The file itself names no licence;
#     it belongs to the PLOVER manual and repository: Creative Commons Attribution-ShareAlike 4.0.
# See NOTICE. The events stage does not read this file: it is a candidate lexicon, measured against
# the hand-written event_triggers.yaml by scripts/measure_triggers.py.
#
# Keys are lower-case lemmas as spaCy gives them. Every entry has type (PLOVER), mode (a mode of that
# type in plover.yaml, when one fits), map_mode (the map's mode, where it differs), cameo (the code).
# Where the sources give a key several codes, a vote settles it (the most frequent PLOVER type, then
# its most frequent code, ties to the first in the file); votes of of count the candidates.
#   synsets: PETRARCH2's word sets that phrases name as their object ("&weapon": any member).
#   verbs:   basis own | bare | block | patterns: the code on the verb's own line, of a bare "- *"
#            pattern, of its block, or (none of these) the vote of the patterns that name the verb.
#   phrases: verb, particle, object (+ object_mods), prep, prep_object (+ prep_object_mods);
#            source/target: where the pattern puts the actor ($ source, + target): subject | object |
#            prep:<p> | after (after the object); subject_is_target: the code runs from the target to
#            the subject ([:173]).
#   nouns:   nominal triggers; basis map (a noun of the map's descriptions), light_verb (the object of
#            a light verb in a pattern: via), nominalization (a noun derived from the verb via that the
#            dictionary uses), zero_derivation (the verb's own form, which a pattern of the verb's type
#            uses as a noun).
# Codes the map leaves out (CAMEO 01 statements, 02 appeals) and the null code give no entry.
"""


def build(dict_path: Path, map_path: Path) -> dict:
    rows = read_map(map_path)
    mapper = Mapper(rows, *read_modes())
    d = read_dictionary(dict_path)
    verbs = build_verbs(d, mapper)
    phrases = build_phrases(d, mapper)
    nouns = build_nouns(d, mapper, rows, verbs)
    used = {w for e in phrases.values() for w in (e.get("object"), e.get("prep_object")) if w and w[0] == "&"}
    synsets = {name[1:]: sorted({_noun_key(list(m)) for m in d.synsets[name]}) for name in sorted(used)}
    return {"synsets": synsets, "verbs": verbs, "phrases": phrases, "nouns": nouns}


_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ._'-]*$")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _scalar(v) -> str:
    """A YAML scalar that every YAML reader reads back as the same value: plain lower-case words,
    else a double-quoted (JSON) string; CAMEO codes always quoted ("080" is a number in YAML 1.2)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(_scalar(x) for x in v) + "]"
    if _PLAIN.match(v) and v.lower() not in _YAML11_WORDS and not v.endswith((" ", ":")) and ": " not in v:
        return v
    return json.dumps(v)


def render(data: dict) -> str:
    parts = [HEADER, "\nsynsets:\n"]
    for name, members in data["synsets"].items():
        parts.append(f"  {_scalar(name)}: {_scalar(members)}\n")
    for section in ("verbs", "phrases", "nouns"):
        parts.append(f"\n{section}:\n")
        for key, entry in sorted(data[section].items()):
            fields = ", ".join(f"{k}: {json.dumps(v) if k == 'cameo' else _scalar(v)}"
                               for k, v in entry.items())
            parts.append(f"  {_scalar(key)}: {{{fields}}}\n")
    return "".join(parts)


def validate(text: str) -> dict:
    """The text parsed and validated against sitrep's model; returns the counts per section."""
    from sitrep.lexicon.cameo import parse_cameo_triggers

    model = parse_cameo_triggers(text, "cameo_triggers.yaml")
    return {"synsets": len(model.synsets), "verbs": len(model.verbs), "phrases": len(model.phrases),
            "nouns": len(model.nouns)}


def main(argv: list[str] | None = None) -> int:
    from sitrep.evaluation.cli import data_root

    root = data_root(ROOT) or ROOT / "shared" / "data"
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dictionary", type=Path, default=root / DICTIONARY)
    ap.add_argument("--map", type=Path, default=root / MAP)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 if the output is out of date or invalid")
    args = ap.parse_args(argv)
    if args.check:
        current = args.out.read_text(encoding="utf-8")
        counts = validate(current)
        if not (args.dictionary.exists() and args.map.exists()):
            print(f"{args.out.name}: valid ({counts}); sources not found, freshness not checked")
            return 0
        if current != render(build(args.dictionary, args.map)):
            print(f"{args.out} is stale: run python scripts/gen_cameo_triggers.py", file=sys.stderr)
            return 1
        print(f"{args.out.name}: up to date and valid ({counts})")
        return 0
    text = render(build(args.dictionary, args.map))
    counts = validate(text)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
