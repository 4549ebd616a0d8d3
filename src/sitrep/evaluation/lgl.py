"""The ``lgl`` suite: toponyms in the LGL / GeoWebNews XML format::

    <articles><article docid="..."><title>..</title><text>...</text>
      <toponyms><toponym><start>0</start><end>10</end><phrase>Alexandria</phrase>
        <gaztag geonameid="4314550"><lat>31.31</lat><lon>-92.44</lon>...</gaztag></toponym>...

Every mention of an output place is a predicted toponym. A prediction matches a gold toponym when
their spans overlap (one-to-one, largest overlap first): precision, recall, F1. Among matched
toponyms with gold coordinates, accuracy@161 km is the share whose output place lies within 161 km
(100 miles) of the gold point (a place without coordinates counts as a miss), and the mean (and
median) error in km is taken over those with coordinates.

The suite runs the pipeline configured as a geoparser: LGL annotates a state's demonym ("Russian
troops", "Palestinians") as a toponym of the country, so the places stage is built with
``demonyms=True`` (off in the default pipeline, where a demonym names people, not a location); LGL
also counts every toponym, a state named only as an actor ("Russia said") and a continent or broad
region included, so ``actor_countries`` and ``broad_regions`` are on too.
A pipeline passed in by the caller is used as it is.
"""

from __future__ import annotations

import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..core.article import Article
from ..core.contract import Document
from ..core.errors import EvalDataError
from ..core.text import haversine_km
from .matching import OffsetMap, overlap, run_pipeline
from .results import Metric, SuiteResult, count, prf, ratio

ACC_KM = 161.0
#: the places stage as a geoparser: demonyms are mentions of their countries (see the module text)
GEOPARSER_CONFIG = {"places": {"demonyms": True, "actor_countries": True, "broad_regions": True,
                               "institution_towns": True}}
#: the two halves of LGL by article position (even, odd): read errors on one, confirm a rule on the other
LGL_HALVES = {"dev-a": 0, "dev-b": 1}


@dataclass
class Toponym:
    start: int
    end: int
    phrase: str
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None


@dataclass
class GoldArticle:
    id: str
    text: str
    title: Optional[str]
    toponyms: list[Toponym] = field(default_factory=list)


def _float(el) -> Optional[float]:
    try:
        return float(el.text) if el is not None and el.text else None
    except ValueError:
        return None


def load_gold(path: str | Path, *, limit: Optional[int] = None) -> list[GoldArticle]:
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.xml"))
        if not files:
            raise EvalDataError(f"no .xml file in {path}", path=str(path))
        path = files[0]
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as err:
        raise EvalDataError(f"cannot read the toponym XML: {err}", path=str(path)) from None
    out = []
    for i, art in enumerate(root.iter("article")):
        text_el = art.find("text")
        raw = (text_el.text or "") if text_el is not None else ""
        if not raw.strip():
            continue
        omap = OffsetMap(raw)
        tops = []
        for t in art.iter("toponym"):
            try:
                s, e = int(t.findtext("start")), int(t.findtext("end"))
            except (TypeError, ValueError):
                continue
            gaz = t.find("gaztag")
            scope = gaz if gaz is not None else t
            gid = gaz.get("geonameid") if gaz is not None else None
            s2, e2 = omap.span(s, e)
            tops.append(Toponym(start=s2, end=e2, phrase=t.findtext("phrase") or raw[s:e],
                                lat=_float(scope.find("lat")), lon=_float(scope.find("lon")),
                                geonameid=int(gid) if gid and gid.isdigit() else None))
        title = art.findtext("title")
        out.append(GoldArticle(id=art.get("docid") or str(i), text=omap.text, title=title, toponyms=tops))
        if limit and len(out) >= limit:
            break
    if not out:
        raise EvalDataError("no article with text in the XML", path=str(path))
    return out


def lgl_half(gold: list[GoldArticle], split: str = "dev") -> list[GoldArticle]:
    """The articles of ``split``: ``dev-a`` the even positions among the articles read, ``dev-b`` the odd;
    ``dev`` or ``all`` every article (LGL has no held part)."""
    if split in ("dev", "all"):
        return gold
    if split not in LGL_HALVES:
        raise EvalDataError(f"unknown LGL split {split!r}; splits: dev, all, {', '.join(LGL_HALVES)}")
    return gold[LGL_HALVES[split]::2]


def _predictions(doc: Optional[Document]) -> list[tuple[int, int, Optional[float], Optional[float]]]:
    if doc is None:
        return []
    preds = []
    for p in doc.places:
        for m in p.mentions:
            preds.append((m.start, m.end, p.lat, p.lon))
    return preds


def score_lgl(gold: list[GoldArticle], docs: list[Optional[Document]], *, data: str = "") -> SuiteResult:
    n_gold = n_pred = matched = 0
    with_coords = within = 0
    errors: list[float] = []
    for g, doc in zip(gold, docs):
        preds = _predictions(doc)
        n_gold += len(g.toponyms)
        n_pred += len(preds)
        pairs = []
        for gi, t in enumerate(g.toponyms):
            for pi, p in enumerate(preds):
                o = overlap((t.start, t.end), (p[0], p[1]))
                if o > 0:
                    pairs.append((o, gi, pi))
        pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
        used_g, used_p = set(), set()
        for _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            matched += 1
            t, p = g.toponyms[gi], preds[pi]
            if t.lat is None or t.lon is None:
                continue
            with_coords += 1
            if p[2] is None or p[3] is None:
                continue
            km = haversine_km(t.lat, t.lon, p[2], p[3])
            errors.append(km)
            within += km <= ACC_KM
    metrics: list[Metric] = prf("toponym", matched, n_pred, matched, n_gold, note="span overlap, one-to-one")
    metrics.append(ratio("accuracy@161km", within, with_coords, note="matched toponyms with gold coordinates"))
    metrics.append(Metric(name="mean error km", value=statistics.fmean(errors) if errors else None,
                          kind="km", higher_is_better=False, note="matched toponyms with both coordinates"))
    metrics.append(Metric(name="median error km", value=statistics.median(errors) if errors else None,
                          kind="km", higher_is_better=False))
    metrics.append(count("toponyms without output coordinates", with_coords - len(errors)))
    r = SuiteResult(suite="lgl", data=data, items=len(gold), metrics=metrics)
    p, rc, f1 = metrics[0].value, metrics[1].value, metrics[2].value
    acc = metrics[3]
    fmt = lambda v: "n/a" if v is None else f"{v:.3f}"  # noqa: E731
    r.key_lines = [
        f"toponyms P/R/F1: {fmt(p)}/{fmt(rc)}/{fmt(f1)} ({matched} matched, {n_pred} predicted, {n_gold} gold)",
        f"accuracy@161km: {fmt(acc.value)} ({within}/{with_coords}); mean error: "
        + (f"{statistics.fmean(errors):.1f} km" if errors else "n/a"),
    ]
    return r


def evaluate_lgl(path: str | Path, *, pipeline=None, limit: Optional[int] = None,
                 split: str = "dev") -> SuiteResult:
    """Score the pipeline on the LGL file at ``path`` (``split``: see :func:`lgl_half`)."""
    gold = lgl_half(load_gold(path, limit=limit), split)
    t0 = time.perf_counter()
    articles = [Article(text=g.text, id=g.id, title=g.title) for g in gold]
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline(stage_config=GEOPARSER_CONFIG)
    docs, failures, _ = run_pipeline(articles, pipeline=pipeline, batch_size=16)
    r = score_lgl(gold, docs, data=str(path))
    r.failures = len(failures)
    r.details["pipeline failures"] = failures[:20]
    r.seconds = time.perf_counter() - t0
    return r
