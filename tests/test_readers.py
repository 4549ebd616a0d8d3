import json

import pytest

from sitrep.article import Article, ArticleState, Duplicate, Failure, normalise_text
from sitrep.errors import EncodingError
from sitrep.readers import read_paths


def _read(*paths, **kw):
    items = list(read_paths(paths, **kw))
    return [x for x in items if isinstance(x, Article)], [x for x in items if isinstance(x, Failure)]


def _all(*paths, **kw):
    items = list(read_paths(paths, **kw))
    return ([x for x in items if isinstance(x, Article)], [x for x in items if isinstance(x, Duplicate)],
            [x for x in items if isinstance(x, Failure)])


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
    arts, (dup,), fails = _all(tmp_path)
    assert len(arts) == 1 and not fails
    # the same text gives the same content id: the second file is the first one read again
    assert dup.article_id == dup.duplicate_of == arts[0].id and dup.origin == str(tmp_path / "b.txt")
    again, _ = _read(tmp_path / "a.txt")
    assert again[0].id == arts[0].id


def test_a_stray_byte_is_an_error_with_its_offset_not_a_cp1252_guess(tmp_path):
    good = "The minister\u2019s statement, and the ministry\u2019s reply.\n"
    p = tmp_path / "mixed.txt"
    p.write_bytes(good.encode("utf-8") + b"One stray \x92 byte.\n")  # cp1252's right quote, in a UTF-8 file
    ok = tmp_path / "ok.txt"
    ok.write_text(good, encoding="utf-8")
    (art,), (fail,) = _read(p, ok)
    assert art.text == good.strip() and "\u00e2\u20ac\u2122" not in art.text
    offset = len(good.encode("utf-8")) + len("One stray ")
    assert fail.code == "E107" and fail.origin == str(p) and fail.stage == "read"
    assert f"byte {offset} (0x92)" in fail.reason and "--encoding" in fail.reason


def test_declared_encoding(tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes("The minister\u2019s statement".encode("cp1252"))
    (art,), fails = _read(p, encoding="cp1252")
    assert not fails and art.text == "The minister\u2019s statement" and art.warnings == []
    with pytest.raises(EncodingError):
        list(read_paths([p], encoding="no-such-codec"))
    p.write_bytes("caf\u00e9 \u4e2d".encode("utf-8"))
    _, (fail,) = _read(p, encoding="ascii")  # declared, and wrong: an error, not a guess
    assert fail.code == "E107" and "byte 3" in fail.reason and "--encoding" in fail.reason


@pytest.mark.parametrize("codec, bom, warned", [("utf-8", b"\xef\xbb\xbf", False), ("utf-16-le", b"\xff\xfe", True),
                                                ("utf-16-be", b"\xfe\xff", True),
                                                ("utf-32-le", b"\xff\xfe\x00\x00", True),
                                                ("utf-32-be", b"\x00\x00\xfe\xff", True)])
def test_a_byte_order_mark_decides_and_wide_encodings_are_warned_about(tmp_path, codec, bom, warned):
    text = "Caf\u00e9 talks in \u0160ibenik \u2014 \u201cno deal\u201d, \U0001F600 said."
    p = tmp_path / "bom.txt"
    p.write_bytes(bom + text.encode(codec))
    (art,), fails = _read(p, encoding="cp1252")  # a BOM wins over --encoding
    assert not fails and art.text == text
    doc = ArticleState(article=art).to_document()
    if warned:
        assert doc.warnings == [f"read: decoded as {codec.upper()}, as the file's byte-order mark says"]
    else:
        assert doc.warnings == []


def test_bad_bytes_after_a_utf16_mark_fail_that_file_alone(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xff\xfe" + "Talks resumed".encode("utf-16-le") + b"\x00")  # odd length
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\x00\xdc\x41\x00")  # a lone low surrogate
    (tmp_path / "c.txt").write_text("Talks resumed in Doha.")
    arts, fails = _read(tmp_path)
    assert [a.text for a in arts] == ["Talks resumed in Doha."]
    assert [f.code for f in fails] == ["E107", "E107"]
    assert "not valid UTF-16-LE at byte 28 " in fails[0].reason and "UTF-16-LE at byte 2 " in fails[1].reason


def test_utf16_without_a_mark_is_not_guessed(tmp_path):
    p = tmp_path / "u.txt"
    p.write_bytes("Talks resumed in Doha.".encode("utf-16-le"))
    _, (fail,) = _read(p)
    assert fail.code == "E102"


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


def test_jsonl_field_types(tmp_path):
    p = tmp_path / "types.jsonl"
    recs = [{"id": 7, "text": "An integer id."},
            {"id": True, "text": "A boolean id."},
            {"id": 1.5, "text": "A float id."},
            {"id": "t", "text": "A list title.", "title": ["a", "b"]},
            {"id": "s", "text": "An object source.", "source": {"name": "Wire"}},
            {"id": "u", "text": "A number URL.", "url": 5},
            {"id": "l", "text": "A boolean language.", "language": False},
            {"id": "p", "text": "A number date.", "published": 20240101},
            {"id": "ok", "text": "All strings.", "title": "T", "source": "S", "url": "http://x", "published": "2024-01-02",
             "language": "fr", "author": ["ignored"]},
            {"id": None, "text": "A null id.", "title": None}]
    p.write_text("\n".join(json.dumps(r) for r in recs), encoding="utf-8")
    arts, dups, fails = _all(p)
    assert [a.id for a in arts][:2] == ["7", "ok"] and len(arts) == 3 and not dups
    ok = arts[1]
    assert (ok.title, ok.source, ok.url, ok.published, ok.language) == ("T", "S", "http://x", "2024-01-02", "fr")
    assert arts[2].title is None and arts[2].language is None  # not given: the language stage detects it
    assert [f.code for f in fails] == ["E108"] * 7
    assert [f.origin for f in fails] == [f"{p}:{n}" for n in range(2, 9)]
    assert [f.reason.split(" must")[0] for f in fails] == ['"id"', '"id"', '"title"', '"source"', '"url"',
                                                           '"language"', '"published"']
    assert "got a list" in fails[2].reason and "got an object" in fails[3].reason and "got a boolean" in fails[0].reason
    assert fails[2].article_id == "t"


def test_jsonl_lines_are_split_on_newlines_only_and_decoded_one_by_one(tmp_path):
    p = tmp_path / "lines.jsonl"
    first = json.dumps({"id": "a", "text": "Line\u2028separator and \u0085next line inside one text."},
                       ensure_ascii=False).encode("utf-8")
    bad = b'{"id": "b", "text": "A stray \x92 byte."}'
    third = json.dumps({"id": "c", "text": "Fine."}).encode("utf-8")
    p.write_bytes(b"\xef\xbb\xbf" + first + b"\r\n" + bad + b"\n" + third)
    arts, (fail,) = _read(p)
    assert [a.id for a in arts] == ["a", "c"] and "separator" in arts[0].text and "next line" in arts[0].text
    offset = 3 + len(first) + 2 + bad.index(b"\x92")
    assert fail.code == "E107" and fail.origin == f"{p}:2" and f"byte {offset} " in fail.reason


def test_jsonl_in_utf16_and_in_a_declared_encoding(tmp_path):
    lines = "\n".join(json.dumps({"id": i, "text": f"Caf\u00e9 {i}."}, ensure_ascii=False) for i in "ab")
    p = tmp_path / "wide.jsonl"
    p.write_bytes(b"\xff\xfe" + lines.encode("utf-16-le"))
    arts, fails = _read(p)
    assert not fails and [a.text for a in arts] == ["Caf\u00e9 a.", "Caf\u00e9 b."]
    assert all(a.warnings == ["read: decoded as UTF-16-LE, as the file's byte-order mark says"] for a in arts)
    q = tmp_path / "latin.jsonl"
    q.write_bytes(lines.encode("latin-1"))
    assert [f.code for f in _read(q)[1]] == ["E107", "E107"]
    arts, fails = _read(q, encoding="latin-1")
    assert not fails and [a.text for a in arts] == ["Caf\u00e9 a.", "Caf\u00e9 b."] and arts[0].warnings == []


def test_jsonl_html_records(tmp_path):
    body = " ".join(["Government forces shelled positions held by the rebels near the city overnight."] * 6)
    html = (f"<html><head><title>Page title</title></head><body><article><p>{body}</p><p>{body}</p></article>"
            "</body></html>")
    p = tmp_path / "h.jsonl"
    p.write_text("\n".join([json.dumps({"id": "h1", "html": html, "title": "Own title", "published": "2024-12-05"}),
                            json.dumps({"id": "h2", "html": html, "text": "both"}),
                            json.dumps({"id": "h3", "html": 5})]))
    (art,), fails = _read(p)
    assert art.id == "h1" and art.title == "Own title" and art.published == "2024-12-05"
    assert "Government forces shelled" in art.text and "<p>" not in art.text
    assert [f.code for f in fails] == ["E105", "E105"] and "not both" in fails[0].reason


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


def _page(meta: str, body_extra: str = "") -> str:
    body = " ".join(["Government forces shelled positions held by the rebels near the city overnight."] * 6)
    return (f"<html><head><title>Shelling</title>{meta}</head><body><article><h1>Shelling</h1><p>{body}</p>"
            f"<p>{body}{body_extra}</p></article></body></html>")


@pytest.mark.parametrize("stated", ["2024-02-30", "2024-02-30T08:00:00Z", "2024-13-01"])
def test_html_meta_date_that_is_no_calendar_day_is_dropped_with_a_warning(tmp_path, stated):
    p = tmp_path / "page.html"
    p.write_text(_page(f'<meta property="article:published_time" content="{stated}">'))
    (art,), fails = _read(p)
    assert not fails and art.published is None
    assert art.warnings == [f"read: the page's date {stated!r} is not a calendar date; the publication date is "
                            "left empty (give it with --published)"]
    assert ArticleState(article=art).to_document().warnings == art.warnings
    (art,), _ = _read(p, published="2024-03-01")  # --published fills it in
    assert art.published == "2024-03-01"


def test_html_real_meta_date_is_kept_without_warning(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(_page('<meta property="article:published_time" content="2024-02-29T08:00:00Z">'
                       '<meta name="last-modified" content="2024-02-31">'))
    (art,), _ = _read(p)
    assert art.published == "2024-02-29" and art.warnings == []


def test_html_that_is_not_utf8_is_read_in_its_declared_charset_or_refused(tmp_path):
    page = _page('<meta charset="windows-1252">', " The minister\u2019s statement.")
    p = tmp_path / "cp.html"
    p.write_bytes(page.encode("cp1252"))
    (art,), _ = _read(p)
    assert "The minister\u2019s statement." in art.text
    assert art.warnings and art.warnings[0].startswith("read: not valid UTF-8 (byte ")
    assert art.warnings[0].endswith("decoded as cp1252, as the page's <meta charset> says")
    q = tmp_path / "nocharset.html"
    q.write_bytes(_page("", " The minister\u2019s statement.").encode("cp1252"))
    _, (fail,) = _read(q)
    assert fail.code == "E107"
    u = tmp_path / "utf8.html"  # valid UTF-8 wins over a wrong charset label
    u.write_bytes(page.encode("utf-8"))
    (art,), _ = _read(u)
    assert "The minister\u2019s statement." in art.text and art.warnings == []


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


# -- Parquet: one article per row, the columns of a JSONL record ------------------------------------------
PARQUET_ROWS = [
    {"id": "p1", "text": "DAMASCUS, Dec 9 (Test Wire) - Rebels shelled the town of Karvan on Sunday, a monitor said.",
     "title": "Karvan shelled", "source": None, "published": None, "url": "https://example.org/p1", "language": "en"},
    {"id": "p2", "text": "Talks between the two sides resumed in Doha on Monday, officials said.", "title": None,
     "source": "North Wire", "published": "2024-03-04", "url": None, "language": None},
    {"id": "p3", "text": None, "title": "no text", "source": None, "published": None, "url": None, "language": None},
]


def _fields(items):
    return [(x.id, x.text, x.title, x.source, x.published, x.url, x.language) if isinstance(x, Article)
            else (x.article_id, x.code, x.origin.rsplit(":", 1)[-1]) for x in items]


def test_parquet_rows_read_as_the_same_jsonl_records(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import datetime

    import pyarrow.parquet as pq

    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in PARQUET_ROWS), encoding="utf-8")
    rows = [dict(r, published=datetime.date.fromisoformat(r["published"]) if r["published"] else None,
                 extra=1) for r in PARQUET_ROWS]  # Parquet dates, and a column sitrep does not read
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "a.parquet")
    from_jsonl = _fields(read_paths([tmp_path / "a.jsonl"]))
    from_parquet = _fields(read_paths([tmp_path / "a.parquet"]))
    assert from_parquet == from_jsonl
    assert from_parquet[0][3] == "Test Wire" and from_parquet[1][4] == "2024-03-04"  # the dateline; the date
    assert from_parquet[2] == ("p3", "E105", "3")  # a row without text fails alone, named by its row
    # a directory is read with its Parquet files; an integer id is its digits; a file that is not Parquet fails
    pq.write_table(pa.table({"id": [7], "text": ["Protesters gathered in Belmar on Friday."]}), tmp_path / "b.parquet")
    (tmp_path / "c.parquet").write_bytes(b"not parquet at all")
    items = list(read_paths([tmp_path], dedupe=False))
    assert [x.id for x in items if isinstance(x, Article)] == ["p1", "p2", "p1", "p2", "7"]
    assert [(f.code, f.origin) for f in items if isinstance(f, Failure)] == [
        ("E105", f"{tmp_path / 'a.jsonl'}:3"), ("E105", f"{tmp_path / 'a.parquet'}:3"),
        ("E105", str(tmp_path / "c.parquet"))]
