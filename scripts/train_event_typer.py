#!/usr/bin/env python3
"""Train the statistical event typer (``sitrep.stages.events.typer``) from the authored frames.

    PYTHONPATH=src python scripts/train_event_typer.py            # corpus + model (writes both)
    PYTHONPATH=src python scripts/train_event_typer.py --check    # held-out-frame accuracy only

1. Expands ``training/event_typer/frames.yaml`` (written for sitrep, see its README) into
   ``training/event_typer/corpus.jsonl``: each frame filled ``--fills`` times from the slot pools and
   put in one of three wrappers (plain, "X said that ...", "..., a spokesman said."), with a fixed seed.
   The trigger's lemma comes from the same spaCy English pipeline the events stage reads.
2. Trains a spaCy ``textcat`` (exclusive labels: the 16 PLOVER types and "none") with the small CPU
   bag-of-words architecture (``spacy.TextCatBOW.v3``, 2**14 hashed features) on the feature text of
   :func:`sitrep.stages.events.typer.feature_text`, seeded, and writes it to
   ``src/sitrep/data/models/event_typer``.
``--check`` holds out a sixth of the frames (every fill of them) and reports the accuracy on them.
Never train on ``eval/news`` or ``shared/data``: they are for evaluation only.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from pathlib import Path

import spacy
import yaml
from spacy.training import Example

from sitrep.nlp import _import_model
from sitrep.stages.events.typer import feature_text, load_settings, model_path

ROOT = Path(__file__).resolve().parent.parent
FRAMES = ROOT / "training" / "event_typer" / "frames.yaml"
CORPUS = ROOT / "training" / "event_typer" / "corpus.jsonl"
SEED = 14
SLOT = re.compile(r"\{([A-Z])\}")
WRAPPERS = ("{s}", "{who} said on {D} that {s_lower}", "{s_stop}, {whom} said.")
SPEAKERS = ("Officials", "The ministry", "A spokesman", "Witnesses", "State media", "The statement")
ATTRIBUTIONS = ("a spokesman", "officials", "the ministry", "state media", "a statement")
TEXTCAT_CONFIG = {"threshold": 0.5, "model": {"@architectures": "spacy.TextCatBOW.v3",
                                               "exclusive_classes": True, "ngram_size": 1,
                                               "no_output_layer": False, "length": 2 ** 14}}


def fill(frame: str, pools: dict, rng: random.Random) -> tuple[str, int, int]:
    """One filled frame: the sentence and the trigger's character offsets."""
    text = SLOT.sub(lambda m: rng.choice(pools[m.group(1)]), frame)
    text = text[0].upper() + text[1:]
    a = text.index("[")
    b = text.index("]")
    return text[:a] + text[a + 1:b] + text[b + 1:], a, b - 1


def wrap(sentence: str, start: int, end: int, pools: dict, rng: random.Random) -> tuple[str, int, int]:
    """The sentence in one of the wrappers, with the trigger's offsets moved along."""
    w = rng.choice(WRAPPERS)
    if w == "{s}":
        return sentence, start, end
    if w.startswith("{s_stop}"):
        return f"{sentence.rstrip('.')}, {rng.choice(ATTRIBUTIONS)} said.", start, end
    lead = f"{rng.choice(SPEAKERS)} said on {rng.choice(pools['D'])} that "
    first = sentence.split(" ", 1)[0]
    body = sentence if first[1:2].isupper() or first in {"President", "Prime", "Mali's"} else sentence[0].lower() + sentence[1:]
    if not any(first.startswith(n) for n in ("The", "A", "An")) and first[0].isupper():
        body = sentence
    return lead + body, start + len(lead), end + len(lead)


def expand(fills: int) -> list[dict]:
    """Every training record: text, trigger, lemma (filled in later), label and frame number."""
    data = yaml.safe_load(FRAMES.read_text(encoding="utf-8"))
    rng = random.Random(SEED)
    out, seen = [], set()
    frame_no = 0
    for label, frames in data["labels"].items():
        for frame in frames:
            for _ in range(fills):
                s, a, b = wrap(*fill(frame, data["pools"], rng), data["pools"], rng)
                if s in seen:
                    continue
                seen.add(s)
                out.append({"text": s, "trigger": s[a:b], "start": a, "label": label, "frame": frame_no})
            frame_no += 1
    return out


def add_lemmas(records: list[dict]) -> None:
    """The trigger's lemma as the events stage would read it (the English pipeline's lemmatiser)."""
    nlp = _import_model(None).load(exclude=["ner"])
    for rec, doc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=64)):
        tok = next((t for t in doc if t.idx <= rec["start"] < t.idx + len(t.text)), None)
        rec["lemma"] = tok.lemma_.lower() if tok is not None else rec["trigger"].lower()


def train(records: list[dict], labels: list[str], epochs: int) -> spacy.language.Language:
    """A blank English pipeline with one seeded textcat trained on ``records``."""
    spacy.util.fix_random_seed(SEED)
    window, sw = load_settings().window, load_settings().sentence_words
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config=TEXTCAT_CONFIG)
    for label in labels:
        textcat.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(feature_text(r["text"], r["trigger"], r["lemma"], window, sw)),
                                  {"cats": {lab: float(lab == r["label"]) for lab in labels}})
                for r in records]
    nlp.initialize(lambda: examples)
    rng = random.Random(SEED)
    for _ in range(epochs):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in spacy.util.minibatch(examples, size=16):
            nlp.update(batch, drop=0.2, losses=losses)
    return nlp


def accuracy(nlp, records: list[dict]) -> float:
    """Share of ``records`` whose top label is their label."""
    window, sw = load_settings().window, load_settings().sentence_words
    docs = nlp.pipe([feature_text(r["text"], r["trigger"], r["lemma"], window, sw) for r in records])
    right = sum(max(d.cats, key=d.cats.get) == r["label"] for d, r in zip(docs, records))
    return right / max(1, len(records))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fills", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--check", action="store_true", help="held-out-frame accuracy only, write nothing")
    args = ap.parse_args(argv)
    records = expand(args.fills)
    add_lemmas(records)
    labels = sorted({r["label"] for r in records})
    if args.check:
        held = {f for f in {r["frame"] for r in records} if f % 6 == 0}
        nlp = train([r for r in records if r["frame"] not in held], labels, args.epochs)
        test = [r for r in records if r["frame"] in held]
        print(f"{len(records)} sentences, {len(labels)} labels; held-out frames: {len(held)}, "
              f"accuracy {accuracy(nlp, test):.3f} on {len(test)}")
        return 0
    with CORPUS.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps({k: r[k] for k in ("text", "trigger", "lemma", "label")}, ensure_ascii=False) + "\n")
    nlp = train(records, labels, args.epochs)
    out = model_path(load_settings())
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    print(f"{len(records)} sentences, {len(labels)} labels -> {CORPUS.relative_to(ROOT)}, "
          f"{out.relative_to(ROOT)} (training accuracy {accuracy(nlp, records):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
