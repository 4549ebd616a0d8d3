import json

import pytest

from sitrep.article import Article, Failure, normalise_text
from sitrep.readers import read_paths


def _read(*paths, **kw):
    items = list(read_paths(paths, **kw))
    return [x for x in items if isinstance(x, Article)], [x for x in items if isinstance(x, Failure)]


def test_plain_text_is_normalised(tmp_path):
    p = tmp_path / "a.txt"
    # decomposed e + combining acute, CRLF line endings, BOM
    p.write_bytes("\ufeffCafe\u0301 talks\r\nSecond line\r\n".encode("utf-8"))
    (art,), fails = _read(p)
    assert not fails
    assert art.text == "Caf\u00e9 talks\nSecond line"
    assert art.id and len(art.id) == 16
    assert art.origin == str(p)


def test_stable_id_and_dedupe(tmp_path):
    (tmp_path / "a.txt").write_text("Same text here.")
    (tmp_path / "b.txt").write_text("Same text here.\n")
    arts, _ = _read(tmp_path)
    assert len(arts) == 1
    again, _ = _read(tmp_path / "a.txt")
    assert again[0].id == arts[0].id


def test_cp1252_fallback(tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes("The minister\u2019s statement".encode("cp1252"))
    (art,), _ = _read(p)
    assert art.text == "The minister\u2019s statement"


@pytest.mark.parametrize("content,code", [
    (b"\x00\x01\x02\x03binary\x00stuff" * 20, "E102"),
    (b"   \n\t  ", "E103"),
])
def test_bad_text_inputs(tmp_path, content, code):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    arts, (fail,) = _read(p)
    assert not arts
    assert fail.code == code and fail.stage == "read" and fail.origin == str(p)


def test_missing_file_and_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    arts, fails = _read(tmp_path / "nope.txt", big, max_bytes=100)
    assert not arts
    assert [f.code for f in fails] == ["E101", "E104"]


def test_jsonl_records_and_malformed_lines(tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Troops moved north.", "title": "T", "published": "2024-12-01",
                    "source": "Wire", "url": "http://example.org/a1"}),
        "{not json",
        json.dumps({"id": "a2"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "No id given."}),
        json.dumps({"id": "a3", "text": "Bad date.", "published": "yesterday"}),
        json.dumps({"id": "a4", "text": "No such day.", "published": "0000-00-00"}),
    ]
    p.write_text("\n".join(lines))
    arts, fails = _read(p)
    assert [a.id for a in arts][0] == "a1"
    assert arts[0].published == "2024-12-01" and arts[0].source == "Wire" and arts[0].title == "T"
    assert len(arts) == 2 and arts[1].id  # content-hash id
    assert [f.code for f in fails] == ["E105"] * 5
    assert fails[0].origin == f"{p}:2"


def test_html_keeps_title_date_url(tmp_path):
    body = " ".join(["Government forces shelled positions held by the rebels near the city overnight."] * 6)
    html = f"""<html><head><title>Shelling near Hama | Test Wire</title>
    <meta property="og:title" content="Shelling near Hama">
    <meta property="article:published_time" content="2024-12-05T08:00:00Z">
    <link rel="canonical" href="https://wire.example.org/hama-shelling"></head>
    <body><nav>Home | World</nav><article><h1>Shelling near Hama</h1><p>{body}</p>
    <p>{body}</p></article><footer>Copyright</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html)
    (art,), fails = _read(p)
    assert not fails
    assert "Government forces shelled" in art.text and "Copyright" not in art.text
    assert art.title == "Shelling near Hama"
    assert art.published == "2024-12-05"
    assert art.url == "https://wire.example.org/hama-shelling"


def test_html_without_text(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
    arts, (fail,) = _read(p)
    assert fail.code in ("E106", "E103")


def test_directory_recursive_sorted_by_suffix(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article text.")
    (tmp_path / "1.txt").write_text("First article text.")
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "j", "text": "Third."}))
    arts, fails = _read(tmp_path, published="2024-12-03", source="Wire")
    assert [a.text for a in arts] == ["First article text.", "Second article text.", "Third."]
    assert all(a.published == "2024-12-03" and a.source == "Wire" for a in arts)
    assert not fails


def test_normalise_is_idempotent():
    t = "A\r\nB\u2028C  "
    assert normalise_text(normalise_text(t)) == normalise_text(t) == "A\nB\nC"
