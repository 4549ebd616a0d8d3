"""sitrep.core.cache: the one disk cache of the gazetteer and the knowledge bases."""

import os
import time

from sitrep.core.cache import cache_dir, read_pickle, write_pickle


def test_written_pickle_reads_back(tmp_path):
    path = tmp_path / "sub" / "demo-abc.pkl"
    write_pickle(path, {"format": 3, "names": ["Aleppo"]})
    assert read_pickle(path) == {"format": 3, "names": ["Aleppo"]}
    assert not list(path.parent.glob(".demo-*.tmp"))  # no temporary file left behind


def test_missing_or_broken_cache_is_none(tmp_path):
    assert read_pickle(tmp_path / "demo-none.pkl") is None
    bad = tmp_path / "demo-bad.pkl"
    bad.write_bytes(b"not a pickle")
    assert read_pickle(bad) is None


def test_keep_drops_the_oldest_of_the_same_kind(tmp_path):
    for i, key in enumerate(["a", "b", "c"]):
        write_pickle(tmp_path / f"demo-{key}.pkl", i, keep=2)
        os.utime(tmp_path / f"demo-{key}.pkl", (time.time() - 100 + i, time.time() - 100 + i))
    write_pickle(tmp_path / "other-x.pkl", 0)
    write_pickle(tmp_path / "demo-d.pkl", 3, keep=2)
    assert sorted(p.name for p in tmp_path.glob("*.pkl")) == ["demo-c.pkl", "demo-d.pkl", "other-x.pkl"]


def test_unwritable_cache_is_skipped(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    write_pickle(blocker / "demo-a.pkl", 1)  # its folder cannot be made: no error, no cache
    assert read_pickle(blocker / "demo-a.pkl") is None


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.delenv("SITREP_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert cache_dir() == tmp_path / "x" / "sitrep"
