"""Wire datelines (issue #17): the reader takes the day, the outlet (and names the place) from
"DAMASCUS, Dec 9 (Test Wire) - …" when an article has no date or outlet, with a warning; an article
already stored can be given new metadata (`ingest --update-meta`, `POST /articles?update_meta=true`)."""

import json
import subprocess
import sys
from datetime import date

import pytest

from sitrep.article import Article
from sitrep.readers import read_paths
from sitrep.readers.dateline import apply_dateline, find_dateline

TODAY = date(2026, 12, 4)
WIRE = ("Rebels enter the capital\n"
        "DAMASCUS, Dec 9 (Test Wire) - Syrian rebels entered Damascus on Sunday, residents said.\n")


@pytest.mark.parametrize("text, place, outlet, day", [
    ("DAMASCUS, Dec 9 (Test Wire) - x", "DAMASCUS", "Test Wire", (12, 9, None)),
    ("Headline\n\nBEIRUT/ANKARA, Nov. 30, 2024 (Levant Wire) — x", "BEIRUT/ANKARA", "Levant Wire", (11, 30, 2024)),
    ("NEW YORK, September 3 (UN News) -- x", "NEW YORK", "UN News", (9, 3, None)),
    ("AL-QAIM, Iraq, Jan 2 (Desert Post) - x", "AL-QAIM, Iraq", "Desert Post", (1, 2, None)),
    ("GENEVA (Reuters) - x", "GENEVA", "Reuters", (None, None, None)),
])
def test_datelines_are_found(text, place, outlet, day):
    found = find_dateline(text)
    assert (found["place"], found["outlet"], (found["month"], found["day"], found["year"])) == (place, outlet, day)


@pytest.mark.parametrize("text", ["Damascus, Dec 9 (Test Wire) - not in capitals",
                                  "The minister said (in Damascus) - nothing", "DAMASCUS - no outlet",
                                  "One\nTwo\nThree\nFOUR, Dec 9 (Late Wire) - too far down"])
def test_what_is_not_a_dateline(text):
    assert find_dateline(text) is None


def test_the_year_comes_from_the_dateline_the_text_or_today():
    a = apply_dateline(Article(text="DAMASCUS, Dec 9 (Test Wire) - In 2024 rebels, as in 2024, not 2023."), today=TODAY)
    assert a.published == "2024-12-09" and "the year from the year the text names most (2024)" in a.warnings[1]
    a = apply_dateline(Article(text="DAMASCUS, Dec 9 (Test Wire) - rebels entered."), today=TODAY)
    assert a.published == "2025-12-09"  # not a day in the future
    assert "day precision; the year from today's date" in a.warnings[1]
    a = apply_dateline(Article(text="DAMASCUS, Dec 9 (Test Wire) - rebels entered."), today=date(2026, 12, 10))
    assert a.published == "2026-12-09"
    a = apply_dateline(Article(text="DAMASCUS, Feb 30 (Test Wire) - x"), today=TODAY)
    assert a.published is None and "names no calendar day" in a.warnings[-1]


def test_what_the_article_says_itself_wins():
    a = apply_dateline(Article(text=WIRE, published="2024-12-10", source="Other"), today=TODAY)
    assert (a.published, a.source, a.warnings) == ("2024-12-10", "Other", [])
    a = apply_dateline(Article(text=WIRE, source="Other"), today=TODAY)
    assert a.source == "Other" and a.published and len(a.warnings) == 1


def test_readers_apply_it_to_text_and_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b", "text": WIRE.replace("Dec 9", "Dec 10")}) + "\n"
                                      + json.dumps({"id": "c", "text": WIRE.replace("9", "11"),
                                                    "published": "2024-12-11", "source": "Own"}) + "\n")
    arts = {a.id: a for a in read_paths([tmp_path])}
    by_origin = {a.origin.split("/")[-1]: a for a in arts.values()}
    assert by_origin["a.txt"].source == "Test Wire" and by_origin["a.txt"].published.endswith("-12-09")
    assert arts["b"].published.endswith("-12-10") and arts["b"].warnings
    assert (arts["c"].published, arts["c"].source, arts["c"].warnings) == ("2024-12-11", "Own", [])


def test_ingest_update_meta_extracts_the_stored_article_again(tmp_path):
    from sitrep.store import Store

    path = tmp_path / "wire.jsonl"
    text = "Syrian rebels attacked government positions near Homs on Sunday, a monitor said."
    path.write_text(json.dumps({"id": "w1", "text": text}) + "\n")
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.ingest([path])
        assert s.article("w1")["published"] is None
        again = s.ingest([path], published="2024-12-08", source="Test Wire")
        assert (again.skipped, again.updated) == (1, 0) and s.article("w1")["published"] is None
        upd = s.ingest([path], published="2024-12-08", source="Test Wire", update_meta=True)
        assert (upd.stored, upd.skipped, upd.updated, upd.replaced) == (1, 0, 1, 0)
        assert "given new metadata" in upd.summary() and upd.read == upd.documents
        row = s.article("w1")
        assert (row["published"], row["source"]) == ("2024-12-08", "Test Wire")
        assert s.document("w1").dates[0].value == "2024-12-08"  # "on Sunday", read against the new date
        assert s.timeline()[0]["date"] == "2024-12-08"
        same = s.ingest([path], published="2024-12-08", update_meta=True)
        assert (same.skipped, same.updated) == (1, 0)


def test_cli_update_meta(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    db = tmp_path / "c.duckdb"

    def ingest(*args):
        return subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(path), "--db", str(db), *args],
                              capture_output=True, text=True, timeout=300)

    assert ingest().returncode == 0
    r = ingest("--published", "2024-12-09", "--update-meta")
    assert r.returncode == 0 and "given new metadata" in r.stderr
