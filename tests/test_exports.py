"""Round trips of every export format; a user who loads an export sees the counts of `sitrep report`."""

import csv
import json
import subprocess
import sys

import duckdb
import pytest
from situation_data import corpus, db, store  # noqa: F401 - shared fixtures

from sitrep.errors import ExportError
from sitrep.exports import FORMATS, GDELT_COLUMNS, POLECAT_COLUMNS, export, gdelt_event_id
from sitrep.store import Store

pd = pytest.importorskip("pandas")



@pytest.fixture
def counts(store):
    return store.report()["counts"]


def test_plover_jsonl(store, counts, tmp_path):
    r = export(store, "plover", tmp_path / "e.jsonl")
    recs = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert r["count"] == len(recs) == counts["events"]
    assert sum(x["n_reports"] for x in recs) == counts["event_reports"]
    assert len({x["id"] for x in recs}) == len(recs)
    for x in recs:
        assert {"id", "date", "source", "event"} <= set(x) and len(x["event"]) == 1
    (a,) = [x for x in recs if x["event"] == ["ASSAULT"]]
    assert a["source"][0]["code"] == "OST" and a["source"][0]["text"] == "Ostrava" and a["recipient"] == []
    assert a["event_loc"]["geonameid"] == 1 and a["quad_code"] == 4 and a["event_scale"] < 0
    assert a["mode"] == ["artillery"] and len(a["event_text"]) == 2 and a["n_sources"] == 2
    assert {c["source"] for c in a["cite_info"]} == {"North Wire", "Coast Press"}


def test_polecat_tsv_reads_back_with_pandas(store, counts, tmp_path):
    export(store, "polecat", tmp_path / "p.tsv")
    df = pd.read_csv(tmp_path / "p.tsv", sep="\t", dtype=str, keep_default_na=False)
    assert list(df.columns) == list(POLECAT_COLUMNS) and len(df) == counts["events"]
    row = df[df["Event Type"] == "CONSULT"].iloc[0]
    assert (row["Actor Name"], row["Recipient Name"], row["Placename"]) == ("Ostrava", "Free Karvan Brigade", "Belmar")
    assert row["Publication Date"] == "2024-03-12" and row["Source"] == "Harbour Daily"


def test_cameo_tsv_in_gdelt_layout(store, counts, tmp_path):
    export(store, "cameo", tmp_path / "c.tsv")
    rows = list(csv.reader(open(tmp_path / "c.tsv", encoding="utf-8"), delimiter="\t"))
    assert len(rows) == counts["events"] and all(len(r) == len(GDELT_COLUMNS) == 58 for r in rows)
    df = pd.read_csv(tmp_path / "c.tsv", sep="\t", header=None, names=GDELT_COLUMNS, dtype=str,
                     keep_default_na=False)
    a = df[df["EventRootCode"] == "19"].iloc[0]
    assert a["SQLDATE"] == "20240302" and a["MonthYear"] == "202403" and a["Year"] == "2024"
    assert a["Actor1Code"] == "OSTGOV" and a["Actor1CountryCode"] == "OST" and a["Actor2Code"] == ""
    assert a["EventCode"].startswith("19") and a["QuadClass"] == "4" and a["NumSources"] == "2"
    assert a["NumArticles"] == "2" and a["ActionGeo_FullName"] == "Karvan" and a["ActionGeo_Type"] == "4"
    assert a["ActionGeo_FeatureID"] == "1" and a["IsRootEvent"] == "1"
    ids = {int(x) for x in df["GLOBALEVENTID"]}
    assert len(ids) == len(df) and gdelt_event_id("SE1") == gdelt_event_id("SE1")


def test_parquet_every_table_reads_back_unchanged(store, tmp_path):
    r = export(store, "parquet", tmp_path / "pq")
    tables = [t for (t,) in store.con.execute(store.dialect.tables_sql()).fetchall()]
    assert r["count"] == len(tables) and {p.stem for p in (tmp_path / "pq").iterdir()} == set(tables)
    con = duckdb.connect()
    for t in tables:
        f = str(tmp_path / "pq" / f"{t}.parquet")
        n = store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        back = con.execute("SELECT * FROM read_parquet(?)", [f])
        cols = [d[0] for d in back.description]
        rows = back.fetchall()
        assert len(rows) == n
        original = store.con.execute(f"SELECT * FROM {t}").fetchall()
        assert sorted(map(repr, rows)) == sorted(map(repr, original))
        df = pd.read_parquet(f)
        assert list(df.columns) == cols and len(df) == n
    arts = pd.read_parquet(tmp_path / "pq" / "articles.parquet")
    assert sorted(arts["source"]) == ["Coast Press", "Harbour Daily", "North Wire"]


def test_graphml_reads_back_with_networkx(store, tmp_path):
    nx = pytest.importorskip("networkx")
    export(store, "graphml", tmp_path / "g.graphml", at="2024-03-15")
    g = nx.read_graphml(tmp_path / "g.graphml")
    want = store.graph(at="2024-03-15")
    assert g.number_of_nodes() == len(want["nodes"])
    assert g.number_of_edges() == len(want["relations"]) + len(want["events"])
    edges = {(u, v, d["edge_kind"], d["type"]) for u, v, d in g.edges(data=True)}
    assert ("OST", "MIR", "relation", "supported_by") in edges
    assert ("OST", "N:free-karvan-brigade", "event", "CONSULT") in edges
    assert g.nodes["OST"]["name"] == "Ostrava" and g.nodes["OST"]["kind"] == "state"
    export(store, "graphml", tmp_path / "later.graphml", at="2024-03-25")
    later = nx.read_graphml(tmp_path / "later.graphml")
    assert not any(d["edge_kind"] == "relation" for _, _, d in later.edges(data=True))


def test_stix_bundle_validates_with_stix2(store, counts, tmp_path):
    stix2 = pytest.importorskip("stix2")
    export(store, "stix", tmp_path / "b.json")
    bundle = stix2.parse((tmp_path / "b.json").read_text(), allow_custom=False)
    by = {}
    for o in bundle.objects:
        by.setdefault(o.type, []).append(o)
    assert len(by["sighting"]) == counts["events"]
    assert sum(o.count for o in by["sighting"]) == counts["event_reports"]
    assert len(by["report"]) == counts["articles"]
    assert len(by["relationship"]) == counts["relations"]
    (fkb,) = by["threat-actor"]
    assert fkb.name == "Free Karvan Brigade" and "Karvan Brigade" in fkb.aliases
    names = {o.name for o in by["identity"]}
    assert {"Ostrava", "Mirenia", "Piotr Valen", "North Wire", "sitrep"} <= names
    (rel,) = by["relationship"]
    assert rel.relationship_type == "supported-by" and str(rel.start_time).startswith("2019-01-01")
    assert any(getattr(s, "where_sighted_refs", None) for s in by["sighting"])
    assert {r.name for r in by["report"]} == {"Northern forces shell Karvan", "Karvan shelled again",
                                              "Talks in Belmar"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_existing_target_is_refused_unless_forced(store, tmp_path, fmt):
    out = tmp_path / f"out{FORMATS[fmt]}"
    export(store, fmt, out)
    with pytest.raises(ExportError) as ei:
        export(store, fmt, out)
    assert "--force" in str(ei.value)
    assert export(store, fmt, out, force=True)["count"] >= 1


def test_bad_format_and_missing_directory(store, tmp_path):
    with pytest.raises(ExportError):
        export(store, "xlsx", tmp_path / "x")
    with pytest.raises(ExportError):
        export(store, "plover", tmp_path / "no" / "such" / "dir.jsonl")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_empty_store_exports(tmp_path, fmt, make_db):
    with Store(make_db("e")) as s:
        r = export(s, fmt, tmp_path / f"e{FORMATS[fmt]}")
    assert r["count"] == {"parquet": r["count"], "stix": 1}.get(fmt, 0)
    if fmt == "stix":
        stix2 = pytest.importorskip("stix2")
        stix2.parse((tmp_path / "e.json").read_text())


def test_cli_export_refuses_then_forces(db, tmp_path):
    out = tmp_path / "x.jsonl"
    cmd = [sys.executable, "-m", "sitrep", "export", "plover", "--db", str(db), "--out", str(out)]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "--force" in r.stderr and "Error:" in r.stderr
    r = subprocess.run(cmd + ["--force"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and len(out.read_text().splitlines()) == 2


def test_documents_without_facts_or_dates_export(tmp_path, make_db):
    from sitrep.contract import ArticleMeta, Document
    from situation_data import doc3

    bare = Document(article=ArticleMeta(id="bare", title=None, source=None, published=None), text="Nothing here.")
    d3 = doc3()
    undated = d3.model_copy(update={"article": ArticleMeta(id="undated", source="Wire"),
                                    "events": [e.model_copy(update={"date": None}) for e in d3.events]})
    stix2 = pytest.importorskip("stix2")
    with Store(make_db("b")) as s:
        s.add_documents([bare, undated])
        c = s.report()["counts"]
        assert (c["articles"], c["events"]) == (2, 1)
        export(s, "stix", tmp_path / "b.json")
        export(s, "cameo", tmp_path / "b.tsv")
        export(s, "plover", tmp_path / "b.jsonl")
    objs = stix2.parse((tmp_path / "b.json").read_text()).objects
    assert sum(o.type == "report" for o in objs) == 2 and sum(o.type == "sighting" for o in objs) == 1
    (row,) = list(csv.reader(open(tmp_path / "b.tsv", encoding="utf-8"), delimiter="\t"))
    assert row[GDELT_COLUMNS.index("SQLDATE")] == "" and row[GDELT_COLUMNS.index("EventRootCode")] == "04"
    (rec,) = [json.loads(x) for x in (tmp_path / "b.jsonl").read_text().splitlines()]
    assert rec["date"] is None and rec["recipient"][0]["text"] == "Free Karvan Brigade"


# -- an export never deletes what it did not write -------------------------------------------------------
def _tree(d):
    return {str(p.relative_to(d)): (p.read_bytes() if p.is_file() else None) for p in sorted(d.rglob("*"))}


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"parquet"}))
def test_a_directory_is_never_replaced_by_a_file_export(store, tmp_path, fmt):
    d = tmp_path / "mine"
    (d / "sub").mkdir(parents=True)
    (d / "notes.txt").write_text("my notes")
    (d / "sub" / "data.csv").write_text("a,b\n1,2\n")
    before = _tree(d)
    for force in (False, True):
        with pytest.raises(ExportError) as ei:
            export(store, fmt, d, force=force)
        assert "is a directory" in str(ei.value) and "never replaced" in str(ei.value)
    assert _tree(d) == before and not list(tmp_path.glob(".*sitrep-tmp"))


def test_cli_export_out_dir_force_leaves_the_directory_and_its_files(db, tmp_path):
    d = tmp_path / "mine"
    d.mkdir()
    (d / "notes.txt").write_text("my notes")
    import os
    from pathlib import Path

    import sitrep

    env = {**os.environ, "PYTHONPATH": str(Path(sitrep.__file__).resolve().parents[1])}  # this sitrep, from any cwd
    for out, cwd in ((str(d), None), (".", str(d))):
        r = subprocess.run([sys.executable, "-m", "sitrep", "export", "plover", "--db", str(db), "--out", out,
                            "--force"], capture_output=True, text=True, timeout=120, cwd=cwd, env=env)
        assert r.returncode == 1 and r.stderr.startswith("Error:") and "is a directory" in r.stderr, r.stderr
        assert "Traceback" not in r.stderr
        assert d.is_dir() and [p.name for p in d.iterdir()] == ["notes.txt"]
        assert (d / "notes.txt").read_text() == "my notes"


def test_force_replaces_a_file_atomically_and_keeps_a_symlinks_target(store, tmp_path):
    out = tmp_path / "e.jsonl"
    out.write_text("old\n")
    export(store, "plover", out, force=True)
    assert out.read_text() != "old\n" and json.loads(out.read_text().splitlines()[0])["id"]
    from sitrep.exports import _umask

    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()  # an ordinary new file, not mkstemp's private one
    target = tmp_path / "kept.jsonl"
    target.write_text("keep me\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    export(store, "plover", link, force=True)
    assert target.read_text() == "keep me\n" and not link.is_symlink() and link.read_text().startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.jsonl", "kept.jsonl", "link.jsonl"]


def test_a_failed_export_leaves_the_old_file_and_no_temporary_one(store, tmp_path, monkeypatch):
    import dataclasses

    import sitrep.exports as ex

    out = tmp_path / "e.jsonl"
    out.write_text("old\n")

    def broken(store, path):
        path.write_text("half")
        raise RuntimeError("disk full")

    monkeypatch.setitem(ex.REGISTRY, "plover", dataclasses.replace(ex.REGISTRY["plover"], writer=broken))
    with pytest.raises(RuntimeError):
        export(store, "plover", out, force=True)
    assert out.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["e.jsonl"]


def test_parquet_into_an_existing_directory_replaces_only_its_own_files(store, tmp_path):
    d = tmp_path / "pq"
    d.mkdir()
    (d / "notes.txt").write_text("my notes")
    (d / "events.parquet").write_text("stale, to be replaced")
    with pytest.raises(ExportError) as ei:
        export(store, "parquet", d)
    assert "--force" in str(ei.value)
    r = export(store, "parquet", d, force=True)
    names = sorted(p.name for p in d.iterdir())
    assert "notes.txt" in names and (d / "notes.txt").read_text() == "my notes"
    assert len([n for n in names if n.endswith(".parquet")]) == r["count"] and not [n for n in names if "tmp" in n]
    assert duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)", [str(d / "events.parquet")]).fetchone()[0] \
        == store.counts()["events"]
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(ExportError) as ei:
        export(store, "parquet", f, force=True)
    assert "is a file" in str(ei.value) and f.read_text() == "x"


def test_a_new_format_is_one_registration_listed_everywhere(store, tmp_path):
    """A format registered in the registry is exportable (safely: --force rules included), gets its default
    path, and is named by `sitrep export --help` and in the unknown-format error, with no other list to edit."""
    from typer.testing import CliRunner

    import sitrep.exports as ex
    from sitrep.cli import app
    from sitrep.exports.registry import Format, register

    saved = dict(ex.REGISTRY)

    def write_lines(store, path):
        ids = [e["event_id"] for e in store.events(limit=None)]
        path.write_text("".join(i + "\n" for i in ids), encoding="utf-8")
        return len(ids)

    try:
        register(Format(name="ids", description="one situation event id per line", suffix=".txt",
                        writer=write_lines))
        assert list(ex.FORMATS)[-1] == "ids" and ex.FORMATS["ids"] == ".txt"
        assert ex.default_path("ids").name == "sitrep_ids.txt"
        r = export(store, "ids", tmp_path / "e.txt")
        assert r["count"] == len((tmp_path / "e.txt").read_text().splitlines()) > 0 and r["unit"] == "events"
        with pytest.raises(ExportError, match="--force"):
            export(store, "ids", tmp_path / "e.txt")
        with pytest.raises(ExportError, match="ids"):
            export(store, "nope", tmp_path / "x")
        with pytest.raises(ExportError, match="--at applies to the graphml export only"):
            export(store, "ids", tmp_path / "f.txt", at="2024-01-01")
    finally:
        ex.REGISTRY.clear()
        ex.REGISTRY.update(saved)
        ex.SUFFIXES.clear()
        ex.SUFFIXES.update((f.name, f.suffix) for f in saved.values())
    # the CLI's help was made from the registry when it was imported: every built-in format is in it
    help_text = CliRunner().invoke(app, ["export", "--help"], terminal_width=200).output
    assert all(name in help_text for name in ex.REGISTRY)
