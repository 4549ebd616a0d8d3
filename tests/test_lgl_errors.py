"""scripts/lgl_errors.py: the wrong, spurious and missed toponyms of an LGL article."""

import importlib.util
from pathlib import Path
from types import SimpleNamespace

from sitrep.evaluation.lgl import GoldArticle, Toponym

_PATH = Path(__file__).resolve().parent.parent / "scripts" / "lgl_errors.py"
_spec = importlib.util.spec_from_file_location("lgl_errors", _PATH)
lgl_errors = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lgl_errors)


def _place(name, lat, lon, starts):
    mentions = [SimpleNamespace(start=s, end=s + len(name)) for s in starts]
    return SimpleNamespace(name=name, country_code="US", feature="city", lat=lat, lon=lon, mentions=mentions)


def test_wrong_spurious_and_missed_toponyms():
    text = "Paris police said Jones met officials in Austin and Dallas."
    gold = GoldArticle(id="a1", text=text, title=None, toponyms=[
        Toponym(start=0, end=5, phrase="Paris", lat=33.66, lon=-95.56),  # Paris, Texas
        Toponym(start=41, end=47, phrase="Austin", lat=30.27, lon=-97.74),
        Toponym(start=52, end=58, phrase="Dallas", lat=32.78, lon=-96.80)])
    doc = SimpleNamespace(places=[_place("Paris", 48.85, 2.35, [0]), _place("Jones", 35.0, -90.0, [18]),
                                  _place("Austin", 30.27, -97.74, [41])])
    cases = lgl_errors.article_errors(gold, doc)
    kinds = {(c["kind"], c["phrase"]) for c in cases}
    assert kinds == {("wrong", "Paris"), ("spurious", "Jones"), ("missed", "Dallas")}
    (wrong,) = [c for c in cases if c["kind"] == "wrong"]
    assert wrong["km"] > 7000
