"""A hostile corpus: the shapes of real input that break text pipelines, written for sitrep's tests.

Two sources, both deterministic:

* :data:`FIXED` — hand-written cases: headlines with dates, captions, bullet lists, tables pasted as
  text, ALL-CAPS wire copy, lowercase text, unbalanced quotes, control and zero-width characters,
  right-to-left text, very long paragraphs and sentences, many quote marks, many short lines;
* :func:`generate` — ``n`` articles drawn from those shapes with a seeded random generator (the
  benchmark ``benchmarks/hostile.py`` runs 10,000 of them; the hypothesis strategies are in
  ``tests/test_hostile_corpus.py``);
* :func:`run_corpus` — runs sitrep over ``generate(n)`` and counts documents, failures by code, ids lost
  and crashes (the benchmark and the slow test use it).

Every article has an id; a run over them must give each id a document or a typed failure within its
time budget, and every offset of a document must slice its text.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from typing import Iterator, Optional

PLACES = ["Idlib", "Kharkiv", "Khartoum", "Gaza", "Goma", "Sanaa", "Mogadishu", "Port-au-Prince", "Aleppo",
          "Bamako", "Kabul", "Srinagar", "Mandalay", "Tripoli"]
ACTORS = ["Russian forces", "the army", "rebels", "Hamas", "the RSF", "M23 fighters", "police", "Houthi militants",
          "the government", "protesters", "al-Shabaab", "Israeli jets", "the United Nations", "gunmen"]
VERBS = ["shelled", "attacked", "seized", "bombed", "condemned", "met", "protested against", "arrested",
         "threatened", "withdrew from", "raided", "struck"]
DATES = ["on Monday", "on 3 May", "Saturday", "overnight", "on Dec. 2, 2024", "last week", "in 2011", "ON TUESDAY"]


def _sentence(rnd: random.Random) -> str:
    return f"{rnd.choice(ACTORS).capitalize()} {rnd.choice(VERBS)} {rnd.choice(PLACES)} {rnd.choice(DATES)}."


FIXED: dict[str, str] = {
    "headline-date": "Russian airstrikes on Idlib on Monday.",
    "headline-no-period": "Clashes in Sudan's capital on 3 May",
    "headline-caps": "PROTEST IN PARIS, SATURDAY",
    "headline-lower": "protest in paris, saturday",
    "caption": "Photo: Smoke rises over Khartoum on April 15. (Reuters/File)",
    "bullets": "Key points:\n\n- Rebels seized Goma on Sunday\n- 700 killed, UN says\n- Rwanda denies role\n",
    "table": "Date | Place | Killed\n2024-12-01 | Aleppo | 12\n2024-12-02 | Hama | 7\n2024-12-03 | Homs | 3\n",
    "caps-wire": ("KHARTOUM, APRIL 16 (WIRE) - SUDAN'S ARMY LAUNCHED AIR STRIKES ON PARAMILITARY BASES ON "
                  "SUNDAY, WITNESSES SAID, AS FIGHTING ENTERED A SECOND DAY."),
    "lower-wire": ("kyiv (wire) - russia launched drones at several regions overnight, ukraine's air force "
                   "said on tuesday, and officials said two people were killed."),
    "unbalanced-quotes": 'The minister said "we will not retreat. He added that "talks are over\n\n"And so on.',
    "stray-closing-quotes": 'Fighting continued." The army said." Nobody knows."',
    "control-chars": "Rebels\x07 attacked\x0b the\x1b town\x00 on Monday.\x0c Police\u200b arrested\u200d five.",
    "zero-width": "Israeli\u200b strikes\u2060 hit\ufeff Gaza\u200c on\u200d Sunday.",
    "rtl": "\u0642\u0627\u0644 \u0627\u0644\u062c\u064a\u0634 The army said \u202eit struck\u202c targets in \u0625\u062f\u0644\u0628.",
    "emoji": "\U0001F6A8 BREAKING \U0001F6A8 Explosion reported in Mogadishu \U0001F4A5 #Somalia",
    "only-punctuation": "... --- !!! ??? ;;; ,,,",
    "numbers-only": "12 14 700 2024 3,000 1.5 million",
    "url-and-email": "Read more at https://example.org/a?b=c and write to desk@example.org on Monday.",
    "nested-parens": "The group (formerly known as (the Front (al-Nusra))) attacked (allegedly) a base.",
    "one-word-lines": "\n".join(["word"] * 3000),
    "long-paragraph": " ".join(_sentence(random.Random(k)) for k in range(400)),
    "long-sentence": "Rebels attacked " + ", ".join(f"{PLACES[k % len(PLACES)]} village {k}" for k in range(1500)) + ".",
    "no-punctuation": " ".join(["forces shelled the town and the villages near the river"] * 800),
    "many-quotes": '"' * 5000 + " said the army",
    "dateline-only": "DAMASCUS, Dec 9 (Test Wire) -",
}


def _shape(rnd: random.Random, k: int) -> str:
    """One generated article: a few sentences in one of the hostile shapes."""
    body = [_sentence(rnd) for _ in range(rnd.randint(1, 6))]
    shape = k % 10
    if shape == 0:
        return body[0].rstrip(".")                                   # a headline
    if shape == 1:
        return "\n".join(f"- {s}" for s in body)                     # bullets
    if shape == 2:
        return " ".join(body).upper()
    if shape == 3:
        return " ".join(body).lower()
    if shape == 4:
        return " ".join(body).replace(" ", " \u200b", rnd.randint(1, 4))
    if shape == 5:
        return '"' + " ".join(body)                                   # an unclosed quote
    if shape == 6:
        return " | ".join(body) + "\n" + " | ".join(str(rnd.randint(0, 999)) for _ in body)
    if shape == 7:
        return "\n\n".join(body) + "\n\n" + rnd.choice(list(FIXED.values()))[:400]
    if shape == 8:
        return "".join(chr(rnd.choice([0x7, 0x1b, 0x200b, 0x202e, 0x5d0, 0x627])) + s for s in body)
    return f"{rnd.choice(PLACES).upper()}, Dec {rnd.randint(1, 28)} (Wire) - " + " ".join(body)


def generate(n: int, seed: int = 13) -> Iterator[dict]:
    """``n`` hostile articles as JSONL-shaped dicts (the fixed cases first), ids ``h<k>``."""
    rnd = random.Random(seed)
    fixed = list(FIXED.items())
    for k in range(n):
        if k < len(fixed):
            name, text = fixed[k]
            yield {"id": f"h{k}-{name}", "text": text, "published": "2024-12-04"}
        else:
            yield {"id": f"h{k}", "text": _shape(rnd, k), "published": "2024-12-04"}


def run_corpus(n: int, *, n_process: int = 1, article_timeout: Optional[float] = None, pipeline=None) -> dict:
    """Run sitrep over :func:`generate` (``n``) and count what came of every id: ``read``, ``documents``,
    ``failures`` by code, ``over_budget`` (E202: an article that would have hung, stopped at its budget),
    ``workers_lost`` (E203), ``lost`` ids (no outcome), ``crashed`` (the run raised: its repr, else None),
    ``seconds`` and ``articles_per_s``. ``benchmarks/hostile.py`` prints it; the tests check it."""
    import sitrep  # here, not at the top: ``generate`` alone needs no pipeline

    items = list(generate(n))
    t0 = time.perf_counter()
    seen: list[str] = []
    codes: Counter = Counter()
    docs = 0
    crashed = None
    try:
        for o in sitrep.extract_many(items, n_process=n_process, article_timeout=article_timeout,
                                     pipeline=pipeline):
            seen.append(o.article.id)
            if o.failure is not None:
                codes[o.failure.code] += 1
            else:
                docs += 1
    except Exception as err:  # noqa: BLE001 - reported as a crash of the run, not raised
        crashed = repr(err)
    secs = time.perf_counter() - t0
    return {"read": len(items), "documents": docs, "failures": dict(sorted(codes.items())),
            "over_budget": codes.get("E202", 0), "workers_lost": codes.get("E203", 0),
            "lost": len({i["id"] for i in items} - set(seen)), "crashed": crashed,
            "seconds": round(secs, 1), "articles_per_s": round(len(seen) / secs, 1) if secs else None}
