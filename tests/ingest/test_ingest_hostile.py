"""Hostile and broken inputs: each is one clear ReadProblem (or a safely cleaned Article), never an exception.

Tiny files live in hostile/; big or special ones (FIFOs, loops, 50 MB articles, bombs) are made at run time.
"""
from __future__ import annotations

import gzip
import json
import os
import zlib
from pathlib import Path

import pytest

from sitrep.ingest import ReadProblem, read_inputs
from sitrep.ingest.limits import MAX_HTML_BYTES, MAX_TEXT_CHARS
from sitrep.ingest.warc import BoundedInflate, InflateBomb
from sitrep.model import Article

HOSTILE = Path(__file__).parent / "hostile"

REPORT = "Russian forces shelled the village of Kurylivka on Tuesday, the governor said. "

# file in hostile/ -> substring of the (only) problem's reason
EXPECTED_PROBLEM = {
    "empty.txt": "empty file",
    "whitespace_only.md": "only whitespace",
    "binary_png.txt": "binary file",
    "fffe_binary.txt": "binary file",
    "latin1_legacy.txt": "not UTF-8",
    "not_json.json": "not JSON",
    "scalar.json": "neither a record",
    "deep_nesting.json": "nested too deeply",
    "binary.html": "binary HTML",
    "script_only.html": "no text found",
    "unterminated_title.html": "no text found",
    "not_a_warc.warc": "not a WARC file",
    "truncated.warc.gz": "truncated",
    "garbage.warc.gz": "not a valid gzip",
    "unknown_format.xyz": "unknown format",
    "billion_laughs.xml": "unsafe XML refused",
    "external_entity.rss": "unsafe XML refused",
    "sitemap_not_feed.xml": "not an RSS or Atom feed",
}


def read(*paths):
    return list(read_inputs([str(p) for p in paths]))


@pytest.mark.parametrize("name", sorted(EXPECTED_PROBLEM))
def test_hostile_file_is_one_named_problem(name):
    [p] = read(HOSTILE / name)
    assert isinstance(p, ReadProblem) and p.origin.endswith(name) and not p.notice
    assert EXPECTED_PROBLEM[name] in p.reason and "\n" not in str(p)


def test_whole_hostile_folder_reads_without_raising_and_keeps_the_good_parts():
    items = read(HOSTILE)
    good = {a.id for a in items if isinstance(a, Article)}
    assert {"good-1", "good-2", "bom-1", "bom-2", "cleaned", "ok-1"} <= good
    for a in items:
        if isinstance(a, Article):
            a.text.encode("utf-8")  # no lone surrogates survive
            assert "\x00" not in a.text


def test_jsonl_bad_lines_each_named_with_line_number():
    items = read(HOSTILE / "bad_lines.jsonl")
    assert [x.id for x in items if isinstance(x, Article)] == ["good-1", "good-2"]
    assert [x.origin.rsplit(":", 1)[1] for x in items if isinstance(x, ReadProblem)] == ["2", "3", "4", "5", "6", "7"]


def test_wrong_field_types_name_the_field():
    reasons = [x.reason for x in read(HOSTILE / "wrong_types.json") if isinstance(x, ReadProblem)]
    assert "'published' is a number" in reasons[0] and "'title' is a list" in reasons[1]
    assert "not an ISO date" in reasons[2] and "no text" in reasons[3]


def test_damaged_utf8_is_decoded_with_replacement():
    [a] = read(HOSTILE / "damaged_utf8.txt")
    assert isinstance(a, Article) and "\ufffd" in a.text and a.text.startswith("Shelling hit Kherson")


def test_utf16_with_bom_and_upper_case_extension_are_read():
    [a] = read(HOSTILE / "utf16_bom.txt")
    assert a.text.startswith("Russian drones struck Odesa")
    [b] = read(HOSTILE / "UPPER_CASE.TXT")
    assert isinstance(b, Article)


def test_broken_html_still_gives_its_text():
    [a] = read(HOSTILE / "broken.html")
    assert isinstance(a, Article) and "shelled the village of Kurylivka" in a.text and "not text" not in a.text


def test_fifo_is_skipped_without_opening_it(tmp_path):
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)  # opening it for reading would block forever: there is no writer
    (tmp_path / "z.txt").write_text(REPORT)
    items = read(tmp_path)
    assert "FIFO" in items[0].reason and isinstance(items[1], Article)
    assert "FIFO" in read(fifo)[0].reason


def test_device_is_skipped_without_reading():
    [p] = read("/dev/zero")
    assert "character device" in p.reason


def test_symlink_loops_are_reported_not_followed(tmp_path):
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")
    os.symlink("self.txt", tmp_path / "self.txt")
    os.symlink("missing.txt", tmp_path / "dangling.txt")
    (tmp_path / "sub" / "a.txt").write_text(REPORT)
    items = read(tmp_path)
    assert sum(isinstance(x, Article) for x in items) == 1
    reasons = sorted(x.reason for x in items if isinstance(x, ReadProblem))
    assert reasons == ["broken symlink, skipped", "symlink loop (folder inside itself), skipped", "symlink loop, skipped"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file regardless of permissions")
def test_unreadable_file_is_named(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text(REPORT)
    p.chmod(0)
    assert "permission denied" in read(p)[0].reason


def test_unreadable_folder_entry_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT)
    items = read(tmp_path / "nope", tmp_path / "a.txt")
    assert "no such file" in items[0].reason and isinstance(items[1], Article)


def test_odd_file_names_stay_one_printable_line(tmp_path):
    name = os.fsdecode(b"line\nbreak \xff\xfe name.txt")
    (tmp_path / name).write_text(REPORT)
    [a] = read(tmp_path)
    assert isinstance(a, Article) and "\n" not in a.origin and "\\xff" in a.origin and "\\x0a" in a.origin
    a.origin.encode("utf-8")


def test_article_over_the_text_cap_is_skipped_with_reason(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (MAX_TEXT_CHARS // 5 + 10))
    assert "over the 5,000,000 cap" in read(big)[0].reason


def test_50_mb_files_are_refused_without_reading_them_whole(tmp_path):
    for name in ("huge.txt", "huge.html", "huge.json"):
        with open(tmp_path / name, "wb") as f:
            f.truncate(70 * 1024 * 1024)  # sparse: costs no disk
    reasons = [p.reason for p in read(tmp_path)]
    assert len(reasons) == 3 and all("MB cap" in r for r in reasons)


def test_jsonl_line_over_the_cap_is_skipped_and_next_line_read(tmp_path):
    p = tmp_path / "big.jsonl"
    with open(p, "w") as f:
        f.write('{"text": "' + "x" * (33 * 1024 * 1024) + '"}\n')
        f.write(json.dumps({"text": REPORT, "id": "after"}) + "\n")
    items = read(p)
    assert "over the 32 MB cap" in items[0].reason and items[0].origin.endswith(":1")
    assert items[1].id == "after"


def test_jsonl_record_with_text_over_the_cap_is_skipped(tmp_path):
    p = tmp_path / "long.jsonl"
    p.write_text(json.dumps({"text": "y" * (MAX_TEXT_CHARS + 1)}) + "\n" + json.dumps({"text": REPORT}) + "\n")
    items = read(p)
    assert "cap" in items[0].reason and isinstance(items[1], Article)


def test_deeply_nested_html_is_refused(tmp_path):
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 100_000 + "text" + "</div>" * 100_000)
    assert "nested deeper" in read(tmp_path / "deep.html")[0].reason


def test_gzip_bomb_warc_is_stopped(tmp_path):
    header = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
              b"Content-Type: application/http; msgtype=response\r\nContent-Length: 1000000000000\r\n\r\n"
              b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>")
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\x00" * (1 << 20)
    parts = [comp.compress(header)] + [comp.compress(zeros) for _ in range(200)] + [comp.flush()]
    (tmp_path / "bomb.warc.gz").write_bytes(b"".join(parts))  # ~200 KB inflating to 200 MB
    items = read(tmp_path / "bomb.warc.gz")
    assert any("compression bomb" in p.reason for p in items if isinstance(p, ReadProblem))
    assert not any(isinstance(x, Article) for x in items)


def test_bounded_inflate_enforces_its_output_budget():
    import io

    data = gzip.compress(b"a" * 100_000) + gzip.compress(b"b" * 100_000)
    out = io.BufferedReader(BoundedInflate(io.BytesIO(data), max_out=10**9, max_ratio=10**6, check_after=0)).read()
    assert out == b"a" * 100_000 + b"b" * 100_000  # multi-member gzip, as .warc.gz files are
    with pytest.raises(InflateBomb):
        io.BufferedReader(BoundedInflate(io.BytesIO(data), max_out=150_000)).read()
    with pytest.raises(InflateBomb):
        io.BufferedReader(BoundedInflate(io.BytesIO(data), max_ratio=5, check_after=1000)).read()


def test_warc_html_payload_over_the_cap_is_skipped_and_next_record_read(tmp_path, build_warc, html_page):
    records = [("response", "https://news.example/huge", "text/html", b"<p>" + b"x" * (MAX_HTML_BYTES + 10), "2023-01-01T00:00:00Z"),
               ("response", "https://news.example/ok", "text/html", html_page, "2023-01-02T00:00:00Z")]
    (tmp_path / "c.warc.gz").write_bytes(build_warc(records, gzip=True))
    items = read(tmp_path / "c.warc.gz")
    assert "over the 8 MB cap" in items[0].reason and "news.example/huge" in items[0].origin
    assert isinstance(items[1], Article) and items[1].url == "https://news.example/ok"


def test_stdin_with_invalid_lines_names_stdin_line_numbers():
    import io

    items = list(read_inputs(["-"], stdin=io.BytesIO(b'{"text": "fine text"}\n\xff\xfe\n[1]\n')))
    assert isinstance(items[0], Article)
    assert [p.origin for p in items[1:]] == ["<stdin>:2", "<stdin>:3"]


def test_no_traceback_even_when_a_reader_has_a_bug(tmp_path, monkeypatch):
    import sitrep.ingest.readers as readers

    def boom(path, display):
        yield from ()
        raise RuntimeError("bug")

    monkeypatch.setitem(readers.FORMATS, ".txt", boom)
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "b.md").write_text(REPORT)
    items = read(tmp_path)
    assert "RuntimeError" in items[0].reason and isinstance(items[1], Article)


def test_permission_denied_is_named_even_when_running_as_root(tmp_path, monkeypatch):
    import errno

    import sitrep.ingest.files as files

    p = tmp_path / "secret.txt"
    p.write_text(REPORT)
    real_open = os.open

    def denied(path, *a, **kw):
        if str(path).endswith("secret.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, *a, **kw)

    monkeypatch.setattr(files.os, "open", denied)
    [problem] = read(p)
    assert problem.reason == "permission denied, skipped" and problem.origin.endswith("secret.txt")


def test_symlink_to_a_device_with_a_text_name_is_not_read(tmp_path):
    os.symlink("/dev/zero", tmp_path / "article.txt")
    [p] = read(tmp_path)
    assert "character device" in p.reason


def test_html_with_too_many_elements_is_refused_before_parsing(tmp_path):
    (tmp_path / "wide.html").write_text("<html><body>" + "<b>x</b>" * 50_000 + "</body></html>")
    assert "more than 40,000 elements" in read(tmp_path / "wide.html")[0].reason


def test_warc_with_an_endless_header_line_is_stopped(tmp_path):
    (tmp_path / "long.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: " + b"a" * (3 << 20) + b"\r\n\r\n")
    [p] = read(tmp_path / "long.warc")
    assert "header lines are over 2 MB" in p.reason


def test_warc_with_endless_headers_is_stopped(tmp_path):
    (tmp_path / "many.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n" + b"X: y\r\n" * 30_000 + b"\r\n")
    [p] = read(tmp_path / "many.warc")
    assert "over 20,000 header lines" in p.reason


def test_warc_chunked_html_payload_is_decoded(tmp_path, build_warc, html_page):
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(html_page[i:i + 50]), html_page[i:i + 50])
                      for i in range(0, len(html_page), 50)) + b"0\r\n\r\n"
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")],
                          protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://news.example/c", "response", payload=io.BytesIO(chunks),
                                        http_headers=hh))
    (tmp_path / "chunked.warc.gz").write_bytes(buf.getvalue())
    [a] = read(tmp_path / "chunked.warc.gz")
    assert isinstance(a, Article) and "grain silos" in a.text
