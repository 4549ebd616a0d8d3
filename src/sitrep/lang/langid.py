"""Which language a text is in: py3langid's naive Bayes model (97 languages, shipped in its package),
loaded once per process, with probabilities normalised to 0..1.

Why py3langid (``benchmarks/language_detection.py`` measures both candidates on short news text):
it is as accurate as lingua's high-accuracy mode on headlines, leads and lines dense with names, 30 times
faster per call, and loads its whole model in a fraction of the time and memory lingua needs for all of
its languages (see the README).

Loading the model means decompressing a 4.5 MB xz archive into 68 MB of arrays (about 2.5 s), which
would add half to ``sitrep extract``'s start-up. The arrays are therefore kept, the first time, in
sitrep's cache folder as plain ``.npy`` files (``$SITREP_CACHE``, else ``$XDG_CACHE_HOME/sitrep``, else
``~/.cache/sitrep``), from which later processes load them in about 0.2 s (the largest table is
memory-mapped, so forked workers share it, and kept as float32, which numpy multiplies three times faster
than the archive's float16). Detection reads the first 2,000 characters: about 1 ms an article. Where the
cache cannot be written, the model is loaded from its archive every time: slower, never wrong.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..core.cache import cache_dir

#: the arrays of the model, in the order of py3langid's ``load_model``
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _model_file() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / MODEL_FILE


def _cache_dir(model: Path) -> Path:
    from importlib.metadata import version

    st = model.stat()
    return cache_dir() / f"py3langid-{version('py3langid')}-{st.st_size}-f32"


def _write_cache(model: Path, target: Path) -> None:
    import numpy as np
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, out = load_model(model)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=target.parent))
    try:
        # float32, not the archive's float16: numpy multiplies float16 three times slower
        np.save(tmp / "ptc.npy", np.asarray(ptc, dtype=np.float32))
        np.save(tmp / "pc.npy", np.asarray(pc))
        np.save(tmp / "classes.npy", np.array(classes))
        np.save(tmp / "nextmove.npy", np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"))
        np.save(tmp / "nextmove_row.npy", np.frombuffer(row, dtype=f"u{row.itemsize}"))
        np.save(tmp / "out_feat.npy", np.asarray(out, dtype=np.int32))
        try:
            os.replace(tmp, target)
        except OSError:
            if not all((target / f"{n}.npy").is_file() for n in _ARRAYS):
                raise  # else another process wrote it meanwhile: either copy is right
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _from_cache(folder: Path):
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    def load(name: str, **kw):
        return np.load(folder / f"{name}.npy", allow_pickle=False, **kw)

    def as_array(a) -> array:
        out = array({2: "H", 4: "I", 8: "L"}[a.dtype.itemsize])
        out.frombytes(a.tobytes())
        return out

    return LanguageIdentifier(load("ptc", mmap_mode="r"), load("pc"), load("classes").tolist(),
                              as_array(load("nextmove")), load("out_feat").tolist(), norm_probs=True,
                              tk_row=as_array(load("nextmove_row")))


def _load_identifier(use_cache: bool = True):
    from py3langid.langid import LanguageIdentifier

    model = _model_file()
    if use_cache:
        try:
            folder = _cache_dir(model)
            if not all((folder / f"{n}.npy").is_file() for n in _ARRAYS):
                _write_cache(model, folder)
            return _from_cache(folder)
        except (OSError, ValueError, KeyError):
            pass  # an unwritable or damaged cache: read the archive instead
    return LanguageIdentifier.from_model_file(model, norm_probs=True)


@dataclass(frozen=True)
class Guess:
    """The detector's reading of a text: its best language, that language's probability, and the
    probability of every language (``probability("fr")``)."""

    language: str
    confidence: float
    ranking: tuple[tuple[str, float], ...]

    def probability(self, language: str) -> float:
        for lang, p in self.ranking:
            if lang == language:
                return p
        return 0.0


class Detector:
    """A loaded language identifier: ``detect(text)`` gives a :class:`Guess`."""

    def __init__(self, identifier=None, *, max_chars: int = 2000):
        self._identifier = identifier if identifier is not None else _load_identifier()
        self.max_chars = max_chars

    @property
    def languages(self) -> list[str]:
        return list(dict.fromkeys(self._identifier.nb_classes))

    def detect(self, text: str) -> Guess:
        sample = text[: self.max_chars]
        ranking = tuple((lang, round(float(p), 4)) for lang, p in self._identifier.rank(sample))
        lang, p = ranking[0] if ranking else ("und", 0.0)
        return Guess(language=lang, confidence=p, ranking=ranking)


@lru_cache(maxsize=1)
def load_detector() -> Detector:
    """The process's detector (loaded on first use)."""
    return Detector()


def letter_scripts(text: str, limit: int = 4000) -> dict[str, int]:
    """How many letters of each script the first ``limit`` characters hold ("LATIN", "GREEK", "ARABIC",
    "CYRILLIC", ...: the first word of the letter's Unicode name)."""
    counts: dict[str, int] = {}
    for ch in text[:limit]:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            script = name.split(" ", 1)[0] if name else "UNKNOWN"
            counts[script] = counts.get(script, 0) + 1
    return counts


def latin_share(text: str, limit: int = 4000) -> Optional[float]:
    """The share of the text's letters that are Latin (None for a text without letters)."""
    counts = letter_scripts(text, limit)
    total = sum(counts.values())
    return counts.get("LATIN", 0) / total if total else None


def language_name(code: str) -> str:
    """"el" -> "Greek": the language's English name (the code itself when unknown)."""
    try:
        import pycountry

        lang = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    except (ImportError, KeyError, LookupError):
        lang = None
    if lang is None:
        return code
    name = getattr(lang, "name", code)
    return name.split(" (")[0].replace("Modern ", "")
