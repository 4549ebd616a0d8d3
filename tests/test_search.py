"""Search everywhere (issue #17): the index built with the situation, the query's rules and ranking,
`sitrep search` and `GET /search`."""

import json
import subprocess
import sys

import pytest
from situation_data import corpus, db, store  # noqa: F401 - shared fixtures

from sitrep.errors import QueryError
from sitrep.situation.search import terms


def test_terms_are_lower_case_without_accents_or_common_words():
    assert terms("The Ḩamāh offensive, al-Sharaa's men") == ["hamah", "offensive", "al", "sharaa", "men"]
    assert terms("the") == ["the"]  # nothing but common words: they are searched for after all
    assert terms("  ...  ") == []


def test_actors_by_name_alias_and_prefix(store):
    hits = store.search("ostrava")["items"]
    assert hits[0]["kind"] == "actor" and hits[0]["id"] == "OST"  # the name above the sentences naming it
    assert store.search("republic of", kind="actor")["items"][0]["id"] == "OST"  # an alias
    assert [h["id"] for h in store.search("karvan brig", kind="actor")["items"]] == ["N:free-karvan-brigade"]
    assert store.search("valen")["items"][0]["label"] == "Piotr Valen"


def test_events_quotes_and_places_by_their_words(store):
    ev = store.search("shelled", kind="event")
    assert ev["total"] >= 1 and all(h["type"] == "ASSAULT" for h in ev["items"])
    q = store.search("hold the line", kind="quote")["items"]
    assert len(q) == 1 and q[0]["article_id"] == "a1"
    assert "hold the line" in store.document("a1").text[q[0]["start"]:q[0]["end"]]
    places = store.search("karv", kind="place")["items"]
    assert [p["label"] for p in places] == ["Karvan"]


def test_every_word_must_match_and_counts_are_by_kind(store):
    both = store.search("ostrava karvan")
    assert both["total"] == sum(both["by_kind"].values()) and both["total"] > 0
    assert store.search("ostrava xyzzy")["total"] == 0


def test_pages_run_to_the_end(store):
    first = store.search("ka", limit=2)
    assert first["total"] >= 4  # several pages
    seen, offset = [], 0
    while offset is not None:
        page = store.search("ka", limit=2, offset=offset)
        seen += [(h["kind"], h["id"]) for h in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == first["total"]
    assert store.search("ka", limit=2, offset=10_000)["items"] == []


def test_one_letter_matches_only_itself_two_are_a_prefix(store):
    from sitrep.situation.search import MIN_PREFIX, prefix_bounds

    assert MIN_PREFIX == 2
    lo, hi = prefix_bounds("k")
    assert lo <= "k" < hi and not ("k" <= "ka" < hi)
    assert store.search("k")["total"] == 0  # no term is the letter k alone
    assert any(h["label"] == "Karvan" for h in store.search("ka", kind="place")["items"])


@pytest.mark.parametrize("kw", [{"text": "  "}, {"text": "x", "kind": "tank"}, {"text": "x", "limit": 0}])
def test_bad_searches_are_explained(store, kw):
    with pytest.raises(QueryError):
        store.search(**kw)


def test_user_text_is_a_parameter_only(store):
    for text in ("'; DROP TABLE s_actors; --", "ostrava'", "ostrava%", "o_t"):
        store.search(text)
    for text in ("%", "_", "\\"):
        with pytest.raises(QueryError):
            store.search(text)
    assert store.search("ostrava")["total"] > 0


def test_cli_search(db):  # noqa: F811
    r = subprocess.run([sys.executable, "-m", "sitrep", "search", "ostrava", "--db", str(db), "--json"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["items"][0]["id"] == "OST" and data["by_kind"]["actor"] == 1
    r = subprocess.run([sys.executable, "-m", "sitrep", "search", "ostrava", "--db", str(db), "-n", "1"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "Ostrava" in r.stdout and "--offset 1" in r.stderr


def test_the_search_benchmark_runs_on_a_small_store(tmp_path):
    r = subprocess.run([sys.executable, "benchmarks/search.py", "--events", "3000", "--repeat", "2", "--json",
                        "--db", str(tmp_path / "b.duckdb")], capture_output=True, text=True, timeout=300,
                       cwd=str(__import__("pathlib").Path(__file__).resolve().parent.parent),
                       env={**__import__("os").environ, "PYTHONPATH": "src"})
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["events"] == 3000 and out["index_terms"] > 3000
    assert out["queries"]["an actor by alias"]["found"] >= 1 and out["worst_p95_ms"] < 2000
