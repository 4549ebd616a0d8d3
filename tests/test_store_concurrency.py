"""Several processes write one PostgreSQL store at once: every article is stored exactly once, or named
as a duplicate or a failure -- none is lost, none is stored twice."""

from __future__ import annotations

import multiprocessing as mp
import random

import pytest

from sitrep.article import Article

#: wire copy written for this test: one line per article, each a different town and day
TOWNS = ("Karvan", "Belmar", "Ostrava", "Mirenia", "Saraqeb", "Doha", "Tarsen", "Velko", "Amara", "Lisk")


def _text(i: int) -> str:
    town = TOWNS[i % len(TOWNS)]
    return (f"Shelling hits {town} for day {i}\n"
            f"{town.upper()}, March {1 + i % 28} (Test Wire) - Artillery fire struck the town of {town} on "
            f"Monday for the {i}th time this year, residents said. Report number {i}.\n")


def _articles(writer: int) -> list[Article]:
    """What one writer reads: 30 articles from a pool of 50 (so writers overlap), in its own order; ids
    p0..p49 with their own texts, plus ids w{writer}-dup-k that repeat pool texts under another id (a
    duplicate), and one id ``clash`` each writer gives its own text (one stores it, the others conflict)."""
    rng = random.Random(writer)
    picks = rng.sample(range(50), 30)
    arts = [Article(id=f"p{i}", text=_text(i), published="2024-03-04", source="Test Wire") for i in picks]
    arts += [Article(id=f"w{writer}-dup-{k}", text=_text(k), published="2024-03-04", source="Copy Wire")
             for k in (3, 7)]
    arts.append(Article(id="clash", text=_text(100 + writer), published="2024-03-05", source="Test Wire"))
    rng.shuffle(arts)
    return arts


def _write(url: str, writer: int, barrier, out) -> None:
    from sitrep.pipeline import Pipeline
    from sitrep.stages.nlp import NlpStage
    from sitrep.store import Store

    pipe = Pipeline([NlpStage()])
    arts = _articles(writer)
    with Store(url) as s:
        barrier.wait(timeout=120)
        r = s.ingest(arts, pipeline=pipe, batch_size=2)
    out[writer] = {"ids": [a.id for a in arts], "read": r.read, "stored": r.stored, "skipped": r.skipped,
                   "duplicates": [(d.article_id, d.duplicate_of) for d in r.duplicate_items],
                   "failed": [(f.article_id, f.code) for f in r.failures]}


@pytest.mark.slow
def test_four_writers_store_every_article_exactly_once(pg_server):
    from conftest import new_pg_database

    from sitrep.store import Store

    url = new_pg_database(pg_server, "concurrent")
    Store(url).close()  # the schema, made once (writers that find it empty make it under a lock)
    ctx = mp.get_context("spawn")
    with ctx.Manager() as manager:
        barrier, out = manager.Barrier(4), manager.dict()
        procs = [ctx.Process(target=_write, args=(url, w, barrier, out)) for w in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=600)
        assert [p.exitcode for p in procs] == [0] * 4
        results = [out[w] for w in range(4)]
    for r in results:  # each writer accounts for every id it read
        assert r["read"] == r["stored"] + r["skipped"] + len(r["duplicates"]) + len(r["failed"])
    with Store(url, read_only=True) as s:
        n = s.counts()["articles"]
        texts = {_text(int(i[1:])).strip() for r in results for i in r["ids"] if i.startswith("p")}
        texts |= {_text(3).strip(), _text(7).strip()}
        stored = {r["text"].strip() for r in s.query("SELECT text FROM articles")}
        # every text read once (under the first id that got it stored), and one writer's text of the clash id
        assert n == len(texts) + 1 and texts <= stored
        assert sum(r["stored"] for r in results) == n  # no article written twice, none lost
        assert s.query("SELECT count(DISTINCT text_hash) AS n FROM articles")[0]["n"] == n
        for r in results:
            for i in r["ids"]:
                assert s.resolve_article(i) is not None, i  # stored, or a duplicate resolving to one
            for dup, of in r["duplicates"]:
                assert s.resolve_article(dup) == s.resolve_article(of)
        clash_failures = [f for r in results for f in r["failed"]]
        assert clash_failures == [("clash", "E801")] * 3
        assert s.document("clash").text.strip() in {_text(100 + w).strip() for w in range(4)}
        assert {f.article_id for f in s.failures()} == {"clash"}
        assert not s.situation_stale() and s.counts(situation=True)["s_events"] >= 0
