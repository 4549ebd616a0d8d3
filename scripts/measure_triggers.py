"""What would the generated CAMEO triggers add to the hand-written lexicon? A measurement, without
touching the events stage.

    PYTHONPATH=src python scripts/measure_triggers.py [--data shared/data] [--out eval/results/cameo_triggers.json]

Two development sets are parsed with sitrep's spaCy pipeline (``sitrep.nlp.load_pipeline``):

* the real-news dev split: ``eval/news/texts/<id>.json`` for the ids under "dev" in
  ``eval/news/splits.json``, with the gold events of ``eval/news/gold/<id>.json`` (or, while there is
  no adjudicated gold, the first annotation ``eval/news/annotations/a/<id>.json``);
* ConfliBERT's CAMEO training sentences (``<data>/dev/conflibert_cameo/cameo_class_train.tsv``), whose
  PentaClass label accepts a set of PLOVER types (``<data>/dev/README.md``).

Each token is looked up in two lexicons, by its lemma as the events stage would: the hand-written
``data/event_triggers.yaml`` (verbs with their particle, a sense's ``objects``/``subjects`` conditions,
nouns, compounds, adjectives; the first sense whose conditions hold) and the generated
``data/cameo_triggers.yaml`` (a phrase whose verb, particle, object and preposition are all there,
else the verb with its particle, else the verb; nouns with their modifiers). A token gets at most one
type from each. "Adding the generated triggers" means: the hand-written type where it has one, else
the generated type (``new`` hits).

Reported per PLOVER type, for the news set: gold events, how many a hand-written trigger covers (a
token of the gold type inside the gold trigger's words), how many more the generated ones cover, and
the generated hits in sentences with no gold event of that type (a precision proxy; for comparison,
the same for the hand-written hits). For ConfliBERT: hits whose type the sentence's class accepts or
not. Per generated entry and per entry basis (and basis and type) the same counts; a transfer check
(entries chosen by their record on one set, scored on the other: ``TRANSFER``) and the recommended
entries (``RECOMMEND``: chosen on the news dev set, so the held-back third is the check once wired).

The JSON result holds counts and lemmas only, no text from the data sets.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

NEWS = ROOT / "eval" / "news"
OUT = ROOT / "eval" / "results" / "cameo_triggers.json"
CONFLIBERT = Path("dev") / "conflibert_cameo" / "cameo_class_train.tsv"

#: PentaClass -> the PLOVER types its sentences' top event may have (dev/README.md)
CLASS_TYPES = {
    0: {"REQUEST"},
    1: {"AGREE", "CONSULT", "SUPPORT"},
    2: {"COOPERATE", "AID", "CONCEDE", "RETREAT"},
    3: {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SANCTION", "COERCE"},
    4: {"PROTEST", "MOBILIZE", "COERCE", "ASSAULT"},
}
#: dependency labels under which a verb's object (or what a condition names) hangs
OBJ_DEPS = {"dobj", "obj", "attr", "oprd", "nsubjpass", "dative", "acomp", "advmod", "npadvmod", "ccomp", "xcomp"}
MOD_DEPS = {"compound", "amod", "nmod", "npadvmod", "poss", "nummod"}
#: the transfer check: an entry chosen on one set when it has at least MIN_HITS new hits there and at
#: least SHARE of them in sentences of its type; the choice is then scored on the other set
TRANSFER = {"min_hits": 2, "share": 0.6}
#: the recommendation: entries that cover a news gold event the hand-written lexicon misses, whose
#: new news hits are at least half in sentences of their type, whose ConfliBERT hits (if any) are at
#: least half consistent with the sentence's class, and that lose no more conflicts with the
#: hand-written lexicon than they win
RECOMMEND = {"min_extra_gold": 1, "news_share": 0.5, "cb_share": 0.5}


# ------------------------------------------------------------------------------------------ lexicons
def _lem(tok) -> str:
    return tok.lemma_.lower()


def _children(tok, deps: set[str]):
    return [c for c in tok.children if c.dep_ in deps]


def _objects(tok) -> set[str]:
    """Lemmas (and lower-case words) of what a verb or noun governs: objects, predicates, and the
    objects of its prepositions."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in OBJ_DEPS or c.dep_ in {"compound", "amod"}:
            out |= {_lem(c), c.lower_}
        elif c.dep_ in {"prep", "agent"}:
            for g in c.children:
                if g.dep_ == "pobj":
                    out |= {_lem(g), g.lower_}
    return out


def _subjects(tok) -> set[str]:
    return {_lem(c) for c in tok.children if c.dep_ in {"nsubj", "csubj"}}


def _preps(tok) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for c in tok.children:
        if c.dep_ in {"prep", "agent", "dative"} and c.pos_ == "ADP":
            out[c.lower_].append(c)
    return out


def _particles(tok) -> list[str]:
    return [c.lower_ for c in tok.children if c.dep_ == "prt"]


def _verb_keys(tok) -> list[str]:
    """Keys a verb token may carry, longest first: "call off", "take to", "join forces", "attack"."""
    lem = _lem(tok)
    keys = [f"{lem} {p}" for p in _particles(tok)]
    keys += [f"{lem} {p}" for p in _preps(tok)]
    for c in _children(tok, {"dobj"}):
        keys += [f"{lem} {c.lower_}", f"{lem} {_lem(c)}"]
    return keys + [lem]


def _has_mods(tok, mods: Iterable[str]) -> bool:
    have = {_lem(c) for c in tok.children if c.dep_ in MOD_DEPS} | {c.lower_ for c in tok.children
                                                                    if c.dep_ in MOD_DEPS}
    return all(m in have for m in mods)


@dataclass
class Hit:
    type: str
    entry: str  # "verb:shell", "phrase:open fire", "noun:bombing" (generated) or the hand-written key
    basis: str = ""
    dup: bool = False  # a generated hit that repeats the hand-written type of the word it governs


class HandLexicon:
    """``data/event_triggers.yaml``, read as the events stage reads it (without its frame logic). A
    reading that codes no event (``type: NONE``) is a hit of type NONE: the hand-written lexicon has
    spoken there, so a generated type is no new hit on that word."""

    def __init__(self, data: dict):
        self.verbs = {str(k): v for k, v in (data.get("verbs") or {}).items()}
        self.nouns = {str(k): v for k, v in (data.get("nouns") or {}).items()}
        self.adjectives = {str(k): v for k, v in (data.get("adjectives") or {}).items()}
        self.compounds: dict[str, list[tuple[str, dict]]] = defaultdict(list)
        self.of_compounds: dict[str, list[tuple[str, dict]]] = defaultdict(list)   # "state of emergency"
        for k, v in (data.get("compounds") or {}).items():
            if " of " in str(k):
                head, _, obj = str(k).partition(" of ")
                self.of_compounds[head].append((obj, v))
                continue
            mod, _, head = str(k).rpartition(" ")
            self.compounds[head].append((mod, v))

    @staticmethod
    def _holds(sense: dict, tok) -> bool:
        objs = sense.get("objects")
        if objs and not (set(objs) & _objects(tok)):
            return False
        subs = sense.get("subjects")
        if subs and not (set(subs) & _subjects(tok)):
            return False
        return True

    def lookup(self, tok) -> Hit | None:
        if tok.pos_ == "VERB":
            for key in _verb_keys(tok):
                for sense in self.verbs.get(key, []):
                    if self._holds(sense, tok):
                        return Hit(sense["type"], f"verb:{key}")
            return None
        if tok.pos_ == "NOUN":
            lem = _lem(tok)
            for mod, v in self.compounds.get(lem, []):
                if _has_mods(tok, mod.split()):
                    return Hit(v["type"], f"compound:{mod} {lem}")
            for obj, v in self.of_compounds.get(lem, []):
                if any(p.dep_ == "pobj" and _lem(p) == obj for c in tok.children if c.lower_ == "of" for p in c.children):
                    return Hit(v["type"], f"compound:{lem} of {obj}")
            for form in (lem, tok.lower_):
                v = self.nouns.get(form)
                if v and not (v.get("plural_only") and tok.tag_ != "NNS") and self._holds(v, tok):
                    return Hit(v["type"], f"noun:{form}")
            return None
        if tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "ROOT", "attr"}:
            v = self.adjectives.get(_lem(tok))
            if v:
                return Hit(v["type"], f"adjective:{_lem(tok)}")
        return None

    def keys(self) -> dict[str, set[str]]:
        """The hand-written lemmas per kind and the types each may give."""
        out: dict[str, set[str]] = defaultdict(set)
        for k, senses in self.verbs.items():
            out[f"verb:{k}"] |= {s["type"] for s in senses}
        for k, v in self.nouns.items():
            out[f"noun:{k}"].add(v["type"])
        return out


class GeneratedLexicon:
    """``data/cameo_triggers.yaml`` (validated by its model)."""

    def __init__(self, model):
        self.m = model
        self.phrases_by_verb: dict[str, list[tuple[str, object]]] = defaultdict(list)
        for key, p in sorted(model.phrases.items()):
            self.phrases_by_verb[p.verb.split()[0]].append((key, p))
        self.nouns_by_head: dict[str, list[tuple[str, list[str], str | None, object]]] = defaultdict(list)
        for key, n in model.nouns.items():
            words = key.split()
            if "of" in words[1:]:
                i = words.index("of")
                self.nouns_by_head[words[i - 1]].append((key, words[: i - 1], words[-1], n))
            else:
                self.nouns_by_head[words[-1]].append((key, words[:-1], None, n))

    def entry(self, key: str):
        """The entry a hit names ("verb:shell", "phrase:open fire", "noun:bombing")."""
        kind, _, k = key.partition(":")
        return {"verb": self.m.verbs, "phrase": self.m.phrases, "noun": self.m.nouns}[kind][k]

    def _np_matches(self, tok, word: str, mods: list[str], p) -> bool:
        """``tok`` is the noun ``word`` (a synset reference: any member) with its modifiers."""
        for member in p.members(word, self.m.synsets):
            *mmods, head = member.split()
            if _lem(tok) == head or tok.lower_ == head:
                if _has_mods(tok, [*mods, *mmods]):
                    return True
        return False

    def _phrase(self, tok):
        best = None
        for key, p in self.phrases_by_verb.get(_lem(tok), []):
            vwords = p.verb.split()
            parts = _particles(tok)
            if len(vwords) > 1 and vwords[1] not in parts and vwords[1] not in _preps(tok):
                continue
            if p.particle and p.particle not in parts and p.particle not in _preps(tok):
                continue
            if p.object:
                cands = [c for c in tok.children if c.dep_ in OBJ_DEPS]
                if not any(self._np_matches(c, p.object, p.object_mods, p) for c in cands):
                    continue
            if p.prep:
                preps = _preps(tok).get(p.prep, [])
                if p.object:  # "take control of": the preposition may hang on the object
                    preps += [c for o in tok.children if o.dep_ in OBJ_DEPS for c in o.children
                              if c.dep_ == "prep" and c.lower_ == p.prep]
                if not preps:
                    continue
                if p.prep_object and not any(self._np_matches(g, p.prep_object, p.prep_object_mods, p)
                                             for pr in preps for g in pr.children if g.dep_ == "pobj"):
                    continue
            size = len(p.words())
            if best is None or size > best[0]:
                best = (size, key, p)
        return best

    def lookup(self, tok) -> Hit | None:
        if tok.pos_ == "VERB":
            best = self._phrase(tok)
            if best:
                return Hit(best[2].type, f"phrase:{best[1]}", "phrase")
            for key in _verb_keys(tok):
                v = self.m.verbs.get(key)
                if v:
                    return Hit(v.type, f"verb:{key}", f"verb/{v.basis}")
            return None
        if tok.pos_ == "NOUN":
            best = None
            for form in {_lem(tok), tok.lower_}:
                for key, mods, of_obj, n in self.nouns_by_head.get(form, []):
                    if not _has_mods(tok, mods):
                        continue
                    if of_obj and not any(g.lemma_.lower() == of_obj for pr in _preps(tok).get("of", [])
                                          for g in pr.children if g.dep_ == "pobj"):
                        continue
                    size = len(key.split())
                    if best is None or size > best[0] or (size == best[0] and key < best[1]):
                        best = (size, key, n)
            if best:
                return Hit(best[2].type, f"noun:{best[1]}", f"noun/{best[2].basis}")
        return None


# ---------------------------------------------------------------------------------------------- data
@dataclass
class Sent:
    start: int
    end: int
    gold: set[str] = field(default_factory=set)  # types of gold events stated in the sentence
    cls: int | None = None  # ConfliBERT class


@dataclass
class Gold:
    type: str
    sent: tuple[int, int]
    trig: tuple[int, int]


def news_docs(nlp, news_dir: Path) -> list[tuple[str, object, list[Gold]]]:
    ids = json.loads((news_dir / "splits.json").read_text(encoding="utf-8"))["dev"]
    out = []
    texts = []
    for i in ids:
        text = json.loads((news_dir / "texts" / f"{i}.json").read_text(encoding="utf-8"))["text"]
        gold_path = news_dir / "gold" / f"{i}.json"
        if not gold_path.exists():
            gold_path = news_dir / "annotations" / "a" / f"{i}.json"
        ann = json.loads(gold_path.read_text(encoding="utf-8"))
        golds = []
        for e in ann.get("events", []):
            s = text.find(e["sentence"])
            if s < 0:
                continue
            t = e["sentence"].find(e["trigger"]) if e.get("trigger") else -1
            trig = (s + t, s + t + len(e["trigger"])) if t >= 0 else (s, s + len(e["sentence"]))
            golds.append(Gold(e["type"], (s, s + len(e["sentence"])), trig))
        texts.append(text)
        out.append((i, golds))
    docs = list(nlp.pipe(texts, batch_size=16))
    return [(i, doc, golds) for (i, golds), doc in zip(out, docs)]


def conflibert_docs(nlp, path: Path) -> list[tuple[object, int]]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 2 and row[-1].strip().isdigit():
                rows.append(("\t".join(row[:-1]), int(row[-1])))
    docs = nlp.pipe((t for t, _ in rows), batch_size=64)
    return [(doc, c) for doc, (_, c) in zip(docs, rows)]


# ----------------------------------------------------------------------------------------- counting
@dataclass
class Tally:
    """Counts for one type, one entry or one basis."""

    gold: int = 0
    hand_cov: int = 0
    gen_cov: int = 0  # covered by a generated trigger (whatever the hand-written one says)
    extra_cov: int = 0  # covered once the generated triggers are added, not before
    hand_hits: int = 0
    hand_off: int = 0  # hand-written hits in sentences without a gold event of that type
    gen_hits: int = 0
    gen_off: int = 0
    new_hits: int = 0  # generated hits on tokens without a hand-written type
    new_off: int = 0
    dup_hits: int = 0  # generated hits on a light verb whose object the hand-written lexicon types alike
    conflicts: int = 0  # tokens where both give a type and the types differ
    conflicts_gen_right: int = 0  # ... inside a gold trigger of the generated type
    conflicts_hand_right: int = 0
    cb_hits: int = 0  # ConfliBERT: new hits
    cb_consistent: int = 0  # ... in a sentence whose class accepts the type
    cb_hand_hits: int = 0  # ConfliBERT: hand-written hits (the baseline of the proxy)
    cb_hand_consistent: int = 0
    cb_dup_hits: int = 0

    def add(self, other: "Tally") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))


def _sentences(doc) -> list:
    return list(doc.sents)


def _inside(tok, span: tuple[int, int]) -> bool:
    return tok.idx >= span[0] and tok.idx + len(tok.text) <= span[1]


def _governed(tok):
    """The words a trigger governs directly or through a preposition ("launch [an attack]")."""
    for c in tok.children:
        yield c
        if c.dep_ in {"prep", "agent"}:
            yield from c.children


def lookups(doc, hand: HandLexicon, gen: GeneratedLexicon) -> list[tuple[object, Hit | None, Hit | None]]:
    """Every token with a hand-written or generated type: (token, hand hit, generated hit). A generated
    hit on a word whose object already has that hand-written type ("launch" + hand-written "attack")
    adds nothing: it is marked ``dup``."""
    hand_of = {tok.i: hand.lookup(tok) for tok in doc}
    out = []
    for tok in doc:
        h, g = hand_of[tok.i], gen.lookup(tok)
        if g and not h and any((x := hand_of.get(c.i)) and x.type == g.type for c in _governed(tok)):
            g = Hit(g.type, g.entry, g.basis, dup=True)
        if h or g:
            out.append((tok, h, g))
    return out


@dataclass
class Counts:
    """The tallies per type, per generated entry, per basis and per basis and type."""

    per_type: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    per_entry: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    per_basis: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    per_class: dict[int, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def of(self, g: Hit) -> tuple[Tally, ...]:
        """Where a generated hit counts."""
        return (self.per_type[g.type], self.per_entry[g.entry], self.per_basis[g.basis],
                self.per_basis[f"{g.basis} {g.type}"])


def measure_news(docs, hand: HandLexicon, gen: GeneratedLexicon, c: Counts) -> None:
    for _id, doc, golds in docs:
        sents = _sentences(doc)
        gold_types_of = [{x.type for x in golds if x.sent[0] < s.end_char and s.start_char < x.sent[1]}
                         for s in sents]
        sent_of = {tok.i: si for si, s in enumerate(sents) for tok in s}
        hits = [(tok, sent_of[tok.i], h, g) for tok, h, g in lookups(doc, hand, gen)]
        for tok, si, h, g in hits:
            off_h, off_g = (h and h.type not in gold_types_of[si]), (g and g.type not in gold_types_of[si])
            if h:
                c.per_type[h.type].hand_hits += 1
                c.per_type[h.type].hand_off += bool(off_h)
            for t in c.of(g) if g else ():
                t.gen_hits += 1
                t.gen_off += bool(off_g)
                t.dup_hits += g.dup
                if not g.dup and not h:
                    t.new_hits += 1
                    t.new_off += bool(off_g)
            if h and g and h.type != g.type:
                golds_here = [x for x in golds if _inside(tok, x.trig)]
                for t in c.of(g):
                    t.conflicts += 1
                    t.conflicts_gen_right += any(x.type == g.type for x in golds_here)
                    t.conflicts_hand_right += any(x.type == h.type for x in golds_here)
        for x in golds:
            here = [(h, g) for tok, _, h, g in hits if _inside(tok, x.trig)]
            t = c.per_type[x.type]
            t.gold += 1
            t.hand_cov += any(h and h.type == x.type for h, _ in here)
            t.gen_cov += any(g and g.type == x.type for _, g in here)
            new = [g for h, g in here if g and g.type == x.type and not h and not g.dup]
            if new and not any(h and h.type == x.type for h, _ in here):
                for t in c.of(new[0]):
                    t.extra_cov += 1


def measure_conflibert(docs, hand: HandLexicon, gen: GeneratedLexicon, c: Counts) -> None:
    for doc, cls in docs:
        ok = CLASS_TYPES.get(cls, set())
        hand_any = gen_any = False
        for _tok, h, g in lookups(doc, hand, gen):
            if h:
                c.per_type[h.type].cb_hand_hits += 1
                c.per_type[h.type].cb_hand_consistent += h.type in ok
                hand_any |= h.type in ok
            for t in c.of(g) if g and not h else ():
                t.cb_dup_hits += g.dup
                if not g.dup:
                    t.cb_hits += 1
                    t.cb_consistent += g.type in ok
            gen_any |= bool(g and not h and not g.dup and g.type in ok)
        pc = c.per_class[cls]
        pc["sentences"] += 1
        pc["hand"] += hand_any
        pc["with_generated"] += hand_any or gen_any


# ------------------------------------------------------------------------------------------- report
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def _share(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def chosen_on(stats: Tally, *, news: bool) -> bool:
    """The transfer check's choice, on the news set or on ConfliBERT."""
    hits = stats.new_hits if news else stats.cb_hits
    good = stats.new_hits - stats.new_off if news else stats.cb_consistent
    return hits >= TRANSFER["min_hits"] and good / hits >= TRANSFER["share"]


def recommended(s: Tally) -> bool:
    r = RECOMMEND
    return (s.extra_cov >= r["min_extra_gold"] and s.new_hits > 0
            and (s.new_hits - s.new_off) / s.new_hits >= r["news_share"]
            and (s.cb_hits == 0 or s.cb_consistent / s.cb_hits >= r["cb_share"])
            and s.conflicts_hand_right <= s.conflicts_gen_right)


def table(per_type: dict[str, Tally]) -> str:
    head = (f"{'type':<10} {'gold':>5} {'hand':>5} {'+gen':>5} {'gen':>5} | {'hand hits':>9} {'off':>4} | "
            f"{'new gen hits':>12} {'off':>4} | {'conflicts':>9} {'gen right':>9} {'hand right':>10} | "
            f"{'CB hand':>7} {'ok':>4} | {'CB new':>6} {'ok':>4}")
    lines = [head, "-" * len(head)]
    total = Tally()
    for t in TYPES:
        s = per_type.get(t, Tally())
        total.add(s)
        lines.append(_row(t, s))
    lines.append("-" * len(head))
    lines.append(_row("total", total))
    return "\n".join(lines)


def _row(name: str, s: Tally) -> str:
    return (f"{name:<10} {s.gold:>5} {s.hand_cov:>5} {s.extra_cov:>5} {s.gen_cov:>5} | {s.hand_hits:>9} "
            f"{s.hand_off:>4} | {s.new_hits:>12} {s.new_off:>4} | {s.conflicts:>9} {s.conflicts_gen_right:>9} "
            f"{s.conflicts_hand_right:>10} | {s.cb_hand_hits:>7} {s.cb_hand_consistent:>4} | {s.cb_hits:>6} "
            f"{s.cb_consistent:>4}")


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:3.0f}%" if b else "   -"


def _basis_row(name: str, s: Tally) -> str:
    return (f"  {name:<30} news new {s.new_hits:>4}, in type {_pct(s.new_hits - s.new_off, s.new_hits)}, "
            f"+gold {s.extra_cov:>3} | CB new {s.cb_hits:>4}, consistent {_pct(s.cb_consistent, s.cb_hits)} | "
            f"conflicts {s.conflicts:>3} (gen right {s.conflicts_gen_right}, hand right {s.conflicts_hand_right})")


def _asdict(s: Tally) -> dict:
    d = {k: getattr(s, k) for k in s.__dataclass_fields__}
    d["new_in_type_share"] = _share(s.new_hits - s.new_off, s.new_hits)
    d["cb_consistent_share"] = _share(s.cb_consistent, s.cb_hits)
    return d


def _dump(result: dict) -> str:
    """The result as JSON, one line per entry and basis (their zero counts left out)."""
    lines = []
    for key, value in result.items():
        if key in {"per_entry", "per_basis"}:
            rows = [f"  {json.dumps(k)}: {json.dumps({f: v for f, v in d.items() if v})}" for k, d in value.items()]
            lines.append(f"{json.dumps(key)}: {{\n" + ",\n".join(rows) + "\n}")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, indent=1)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    from sitrep.evaluation.cli import data_root

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=data_root(ROOT),
                    help="the development data folder (default: $SITREP_EVAL_DATA, else the nearest shared/data)")
    ap.add_argument("--news", type=Path, default=NEWS)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)

    from sitrep.lexicon.cameo import load_cameo_triggers
    from sitrep.datafiles import load_data
    from sitrep.nlp import load_pipeline, model_info

    t0 = time.time()
    hand = HandLexicon(load_data("event_triggers.yaml"))
    gen = GeneratedLexicon(load_cameo_triggers())
    nlp = load_pipeline()
    news = news_docs(nlp, args.news)
    cb_path = args.data / CONFLIBERT if args.data else None
    cb = conflibert_docs(nlp, cb_path) if cb_path and cb_path.exists() else []
    if not cb:
        print("ConfliBERT sentences not found: the news set only", file=sys.stderr)

    c = Counts()
    measure_news(news, hand, gen, c)
    measure_conflibert(cb, hand, gen, c)
    per_type, per_entry, per_basis, per_class = c.per_type, c.per_entry, c.per_basis, c.per_class

    print(f"news dev: {len(news)} articles, {sum(len(g) for _, _, g in news)} gold events; "
          f"ConfliBERT: {len(cb)} sentences\n")
    print(table(per_type))
    print("\nby basis of the generated entry (new hits = tokens the hand-written lexicon leaves untyped)")
    for b, s in sorted(per_basis.items()):
        if " " not in b:
            print(_basis_row(b, s))
    print("\nby basis and type (rows with new hits)")
    for b, s in sorted(per_basis.items(), key=lambda kv: (kv[0].split()[-1], kv[0])):
        if " " in b and (s.new_hits or s.cb_hits):
            print(_basis_row(b, s))

    # does an entry's record on one set predict its record on the other?
    transfer = {}
    for name, on_news in (("chosen_on_conflibert", False), ("chosen_on_news", True)):
        picked = sorted(e for e, s in per_entry.items() if chosen_on(s, news=on_news))
        tot = Tally()
        for e in picked:
            tot.add(per_entry[e])
        transfer[name] = {"entries": picked, "totals": _asdict(tot)}
        print(f"\n{name}: {len(picked)} entries; news new hits {tot.new_hits} "
              f"(in type {_pct(tot.new_hits - tot.new_off, tot.new_hits)}), +gold {tot.extra_cov}; "
              f"ConfliBERT new {tot.cb_hits} (consistent {_pct(tot.cb_consistent, tot.cb_hits)})")
    rec = sorted(e for e, s in per_entry.items() if recommended(s))
    rec_tot = Tally()
    for e in rec:
        rec_tot.add(per_entry[e])
    print(f"\nrecommended ({len(rec)}): {', '.join(rec)}")
    print(f"  news new hits {rec_tot.new_hits} (in type {_pct(rec_tot.new_hits - rec_tot.new_off, rec_tot.new_hits)}),"
          f" +gold {rec_tot.extra_cov}; ConfliBERT new {rec_tot.cb_hits} "
          f"(consistent {_pct(rec_tot.cb_consistent, rec_tot.cb_hits)})")
    lost = sorted((e for e, s in per_entry.items() if s.conflicts_hand_right > s.conflicts_gen_right),
                  key=lambda e: (-per_entry[e].conflicts_hand_right, e))
    print("conflicts the hand-written lexicon wins: "
          + ", ".join(f"{e} ({per_entry[e].conflicts_hand_right}:{per_entry[e].conflicts_gen_right})" for e in lost))

    result = {
        "suite": "cameo_triggers",
        "command": "PYTHONPATH=src python scripts/measure_triggers.py",
        "model": model_info(nlp),
        "seconds": round(time.time() - t0, 1),
        "news": {"articles": len(news), "gold_events": sum(len(g) for _, _, g in news),
                 "gold_source": "gold/ where present, else annotations/a/"},
        "conflibert": {"sentences": len(cb), "per_class": {str(k): dict(v) for k, v in sorted(per_class.items())}},
        "per_type": {t: _asdict(per_type.get(t, Tally())) for t in TYPES},
        "per_basis": {b: _asdict(s) for b, s in sorted(per_basis.items())},
        "per_entry": {e: {"type": gen.entry(e).type, **_asdict(s)} for e, s in sorted(per_entry.items())},
        "transfer_rule": TRANSFER,
        "transfer_check": transfer,
        "recommend_rule": RECOMMEND,
        "recommended": {"entries": rec, "totals": _asdict(rec_tot)},
        "conflicts_lost": {e: [per_entry[e].conflicts_hand_right, per_entry[e].conflicts_gen_right] for e in lost},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(_dump(result), encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
