"""Hypothesis fuzzing: random bytes and random JSON structures never make a reader raise.

Every reader, fed anything, returns only Article or ReadProblem items; every Article has a non-blank text that
encodes as UTF-8, and every problem is one line.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import tempfile

from hypothesis import HealthCheck, given, settings, strategies as st

from sitrep.ingest import ReadProblem, read_inputs, read_records
from sitrep.ingest.decode import DecodeError, decode_bytes
from sitrep.ingest.language import detect_language
from sitrep.ingest.published import infer_published
from sitrep.ingest.readers import article_from_html
from sitrep.model import Article

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
field_names = st.sampled_from(["text", "id", "url", "title", "published", "source", "language", "published_basis", "x"])
records = st.dictionaries(field_names, json_values | st.text(max_size=200), max_size=8)
html_bits = st.lists(st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<script>", "</script>",
                                      "<title>", "</title>", "<meta charset='koi8-r'>", "&amp;", "&#0;", "&#xD800;",
                                      "<!--", "-->", "<![CDATA[", "]]>", "Kyiv shelled on Monday. ", "\x00", "\ufffd",
                                      "<meta property='article:published_time' content='2023-13-45'>"]),
                     max_size=40).map("".join)


def check(items):
    items = list(items)
    for x in items:
        assert isinstance(x, (Article, ReadProblem)), x
        if isinstance(x, Article):
            assert x.text.strip() and x.id
            x.text.encode("utf-8")
            json.dumps(x.to_dict(), ensure_ascii=False).encode("utf-8")
        else:
            assert "\n" not in str(x)
    return items


def read_bytes_as(data: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "input" + suffix)
        with open(path, "wb") as f:
            f.write(data)
        return check(read_inputs([path]))


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".json", ".jsonl", ".html", ".warc", ".warc.gz", ".rss", ".bin"]))
def test_random_bytes_never_raise_in_any_reader(data, suffix):
    read_bytes_as(data, suffix)


@FUZZ
@given(st.lists(records | json_values, max_size=6))
def test_random_records_never_raise(recs):
    items = check(read_records(recs, "fuzz"))
    assert len(items) == max(len(recs), 1)
    for rec, item in zip(recs, items):
        if isinstance(item, Article):
            assert isinstance(rec, dict) and isinstance(rec.get("text"), str)


@FUZZ
@given(st.lists(records | json_values, max_size=6), st.binary(max_size=30))
def test_random_jsonl_lines_each_give_one_item(recs, junk):
    lines = [json.dumps(r).encode() for r in recs] + [junk.replace(b"\n", b" ")]
    items = read_bytes_as(b"\n".join(lines) + b"\n", ".jsonl")
    nonblank = sum(1 for ln in lines if ln.strip())
    assert len(items) == max(nonblank, 1)


@FUZZ
@given(st.lists(records | json_values, max_size=6))
def test_random_json_files_never_raise(recs):
    read_bytes_as(json.dumps(recs).encode(), ".json")


@FUZZ
@given(html_bits)
def test_random_html_never_raises(html):
    check([article_from_html(html)])
    check([article_from_html(html.encode("utf-8", "surrogatepass"), url="https://x.example/a")])


@FUZZ
@given(st.binary(max_size=600), st.sampled_from(["text/html", "text/html; charset=latin-1", "image/png", ""]),
       st.booleans())
def test_random_warc_payloads_never_raise(build_warc, payload, ctype, gz):
    data = build_warc([("response", "https://x.example/p", ctype, payload, "2023-01-01T00:00:00Z")], gzip=gz)
    read_bytes_as(data, ".warc.gz" if gz else ".warc")


@FUZZ
@given(st.binary(min_size=10, max_size=400), st.integers(min_value=0, max_value=399))
def test_corrupted_warc_gz_never_raises(noise, at):
    data = bytearray(gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n") * 2)
    pos = at % len(data)
    data[pos:pos + len(noise)] = noise
    read_bytes_as(bytes(data), ".warc.gz")


feed_bits = st.lists(st.sampled_from(['<?xml version="1.0"?>', "<rss>", "</rss>", "<channel>", "</channel>",
                                      "<item>", "</item>", "<title>T</title>", "<link>https://x/</link>",
                                      "<description>", "</description>", "&lt;p&gt;Text&lt;/p&gt;", "<![CDATA[<b>x",
                                      "]]>", "<pubDate>garbage</pubDate>", '<feed xmlns="http://www.w3.org/2005/Atom">',
                                      "<entry>", "</entry>", "<summary>Kyiv</summary>", "</feed>", "&amp;", "&bad;"]),
                     max_size=30).map("".join)


@FUZZ
@given(feed_bits)
def test_random_feed_files_never_raise(doc):
    read_bytes_as(doc.encode(), ".rss")


@FUZZ
@given(st.binary(max_size=300))
def test_decode_either_gives_clean_text_or_a_reason(data):
    try:
        s = decode_bytes(data)
    except DecodeError as e:
        assert str(e)
    else:
        s.encode("utf-8")
        assert "\x00" not in s


@FUZZ
@given(st.text(max_size=400))
def test_published_and_language_never_raise_on_any_text(text):
    p = infer_published(text)
    assert p is None or len(p) == 10
    lang = detect_language(text)
    assert lang is None or lang.isalpha()


@FUZZ
@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")))
def test_any_file_name_gives_a_printable_origin(raw_name):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(os.fsencode(d), raw_name + b".txt"), "wb") as f:
            f.write(b"Shelling was reported in the town on Monday.")
        for x in check(read_inputs([d])):
            x.origin.encode("utf-8")
            assert "\n" not in x.origin and "\r" not in x.origin


def test_text_stdin_with_lone_surrogates_is_read_line_by_line():
    items = check(read_inputs(["-"], stdin=io.StringIO('{"text": "x y z"}\n\ud800\n{"text": "ok"}\n')))
    assert [type(x).__name__ for x in items] == ["Article", "ReadProblem", "Article"]
    assert items[1].origin == "<stdin>:2" and "UTF-8" in items[1].reason


# -- every record produced from fuzzed input is a valid contract record -----------------------------------------
violent_bits = st.lists(st.sampled_from([
    "Russian forces shelled Kherson on Monday, killing two civilians, the governor said. ",
    "A drone struck an apartment block in Sumy on 5 March, wounding three. ", "KHARKIV, March 3, 2024 - ",
    "Protesters gathered in Tbilisi on Friday. ", "Gunmen abducted 12 villagers near El Fasher. ",
    "The army said it had retaken the village. ", "No one was killed. ", "Shelling killed dozens. ",
    "Ukraine denied the claim. ", "\x00", "\ufffd", "<p>", "&amp;", "on 31 February ", "in 1900 ", "Kyiv ",
    "an S-300 missile hit a hypermarket ", "killing -3 ", "9999999999 people were killed ", "\n\n", "\u202e",
]), min_size=1, max_size=12).map("".join)


def _as_file(text: str, fmt: str, build_warc, published: str | None) -> tuple[bytes, str]:
    rec = {"id": "fz", "text": text, "published": published}
    if fmt == ".jsonl":
        return (json.dumps(rec) + "\n").encode(), fmt
    if fmt == ".json":
        return json.dumps([rec]).encode(), fmt
    if fmt in (".txt", ".md"):
        return text.encode("utf-8", "surrogatepass"), fmt
    html = f"<html><head><title>t</title></head><body><p>{text}</p></body></html>".encode("utf-8", "replace")
    if fmt == ".html":
        return html, fmt
    if fmt == ".rss":
        body = text.replace("&", "&amp;").replace("<", "&lt;")
        return (f'<?xml version="1.0"?><rss><channel><item><title>T</title><link>https://x.example/a</link>'
                f"<pubDate>Thu, 14 Mar 2024 10:00:00 GMT</pubDate><description>{body}</description></item>"
                "</channel></rss>").encode("utf-8", "replace"), fmt
    return build_warc([("response", "https://x.example/p", "text/html", html, "2024-03-14T00:00:00Z")], gzip=False), fmt


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(violent_bits, st.sampled_from([".jsonl", ".json", ".txt", ".md", ".html", ".rss", ".warc"]),
       st.sampled_from([None, "2024-03-14", "1900-01-01", "2099-12-31T10:00:00Z", "garbage"]))
def test_every_record_from_fuzzed_input_meets_the_contract(build_warc, text, fmt, published):
    from sitrep.export.contract import problems
    from sitrep.export.records import event_dict
    from sitrep.pipeline import extract_articles

    data, suffix = _as_file(text, fmt, build_warc, published)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "input" + suffix)
        with open(path, "wb") as f:
            f.write(data)
        articles = [x for x in check(read_inputs([path])) if isinstance(x, Article)]
    for ev in extract_articles(articles).events:
        record = json.loads(json.dumps(event_dict(ev), ensure_ascii=False))
        assert problems(record) == [], (record.get("notes"), problems(record))


def test_the_writer_refuses_a_record_that_breaks_the_contract(tmp_path):
    """The one place records are written names the event and the field rather than writing a bad record."""
    import pytest

    from sitrep.api.testing import sample_items
    from sitrep.export import write_events
    from sitrep.export.contract import ContractError

    ev = sample_items()[0][1][0]
    ev.certainty = "probably"
    out = tmp_path / "out.jsonl"
    with pytest.raises(ContractError, match=f"{ev.event_id}.*certainty"):
        write_events([ev], out, "jsonl")
    assert not out.exists()
