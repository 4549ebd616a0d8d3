"""The benchmark corpus: the bundled example articles (repeated) and a synthetic set generated from
synthetic_templates.yaml with a fixed seed, so every run and every machine reads the same text."""

from __future__ import annotations

import datetime as dt
import platform
import random
import re
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from sitrep.article import Article  # noqa: E402

_SLOT = re.compile(r"\{(\w+?)(2?)\}")


def synthetic_articles(n: int = 500, seed: int = 7) -> list[Article]:
    spec = yaml.safe_load((HERE / "synthetic_templates.yaml").read_text(encoding="utf-8"))
    slots, rng = spec["slots"], random.Random(seed)
    out = []
    start = dt.date(2025, 1, 1)
    for i in range(n):
        pick = {k: rng.sample(v, 2) for k, v in slots.items()}

        def fill(t: str) -> str:
            s = _SLOT.sub(lambda m: pick[m.group(1)][1 if m.group(2) else 0], t)
            return s[0].upper() + s[1:]

        head = fill(rng.choice(spec["headlines"]))
        body = [fill(s) for s in rng.sample(spec["sentences"], rng.randint(6, 12))]
        paras, cur = [], []
        for s in body:
            cur.append(s)
            if len(cur) >= rng.randint(1, 3):
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        out.append(Article(text=head + "\n" + "\n".join(paras), id=f"synthetic-{i:03d}",
                           published=str(start + dt.timedelta(days=i % 300)), source="synthetic"))
    return out


def example_articles() -> list[Article]:
    try:
        from sitrep.examples import example_articles as ex

        return list(ex())
    except Exception:  # noqa: BLE001 - no bundled examples in this checkout
        return []


def corpus(n_synthetic: int = 500, repeat_examples: int = 10) -> tuple[list[Article], dict]:
    ex = example_articles()
    arts = [Article(text=a.text, id=f"{a.id}-{k}", published=a.published, source=a.source)
            for k in range(repeat_examples) for a in ex] + synthetic_articles(n_synthetic)
    words = sum(len(a.text.split()) for a in arts)
    return arts, {"examples": len(ex), "example_repeats": repeat_examples if ex else 0,
                  "synthetic": n_synthetic, "articles": len(arts), "words": words}


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    import spacy

    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = ""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"cpu": cpu, "cpus": os.cpu_count(), "load_average_1min": load, "python": platform.python_version(),
            "platform": platform.platform(), "spacy": spacy.__version__, "commit": commit,
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}


def write_result(name: str, data: dict) -> Path:
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    import json

    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    path = out / f"{name}-{stamp}.json"
    text = json.dumps(data, indent=2) + "\n"
    path.write_text(text)
    (out / f"{name}-latest.json").write_text(text)
    return path
