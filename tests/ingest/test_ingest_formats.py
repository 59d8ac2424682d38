"""Each input format becomes the right Article records (CONTRACT.md, "Input: articles")."""
from __future__ import annotations

import io
import json
import shutil

from sitrep.ingest import ReadProblem, read_inputs, read_records
from sitrep.ingest.readers import article_from_html
from sitrep.model import Article, derive_article_id

REPORT = "Russian forces shelled the village of Kurylivka on Tuesday, killing two civilians, the governor said."


def articles(items):
    return [x for x in items if isinstance(x, Article)]


def problems(items):
    return [x for x in items if isinstance(x, ReadProblem)]


def test_jsonl_fields_are_kept_and_record_id_wins(tmp_path):
    rec = {"id": "rec-7", "url": "https://news.example/a", "title": "Kurylivka shelled", "text": REPORT,
           "published": "2023-06-28", "source": "Kyiv Daily", "language": "en-GB"}
    (tmp_path / "a.jsonl").write_text(json.dumps(rec) + "\n")
    [a] = list(read_inputs([str(tmp_path / "a.jsonl")]))
    assert (a.id, a.url, a.title, a.published, a.source, a.language) == (
        "rec-7", "https://news.example/a", "Kurylivka shelled", "2023-06-28", "Kyiv Daily", "en")
    assert a.published_basis == "page" and a.text == REPORT and a.origin.endswith("a.jsonl:1")


def test_jsonl_bad_lines_are_named_by_line_and_others_still_read(tmp_path):
    lines = [json.dumps({"text": REPORT, "id": "one"}), "{broken", json.dumps({"title": "no text"}),
             json.dumps({"text": ["not", "a", "string"]}), "", json.dumps({"text": REPORT, "id": "five"})]
    p = tmp_path / "mixed.jsonl"
    p.write_text("\n".join(lines))
    items = list(read_inputs([str(p)]))
    assert [a.id for a in articles(items)] == ["one", "five"]
    reasons = {pr.origin.rsplit(":", 1)[1]: pr.reason for pr in problems(items)}
    assert set(reasons) == {"2", "3", "4"}
    assert "not JSON" in reasons["2"] and "'text'" in reasons["3"] and "list" in reasons["4"]


def test_json_file_of_one_record_and_of_a_list(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": REPORT, "id": "solo"}))
    (tmp_path / "many.json").write_text(json.dumps([{"text": REPORT, "id": "m1"}, {"text": REPORT + " More."}]))
    items = list(read_inputs([str(tmp_path / "one.json"), str(tmp_path / "many.json")]))
    assert [a.id for a in items][:2] == ["solo", "m1"]
    assert items[2].origin.endswith("many.json[1]") and items[2].id == derive_article_id(None, REPORT + " More.")


def test_json_file_holding_concatenated_records_is_read_as_jsonl(tmp_path):
    p = tmp_path / "concat.json"
    p.write_text(json.dumps({"text": REPORT, "id": "c1"}) + "\n" + json.dumps({"text": REPORT, "id": "c2"}) + "\n")
    assert [a.id for a in read_inputs([str(p)])] == ["c1", "c2"]


def test_txt_whole_file_is_text_and_first_line_is_title(tmp_path):
    body = "\n  Kurylivka shelled again  \n\n" + REPORT + "\n"
    (tmp_path / "a.txt").write_text(body)
    [a] = list(read_inputs([str(tmp_path / "a.txt")]))
    assert a.text == body and a.title == "Kurylivka shelled again" and a.language == "en"


def test_markdown_title_loses_its_heading_marks(tmp_path):
    (tmp_path / "a.md").write_text("# Kurylivka shelled\n\n" + REPORT)
    [a] = list(read_inputs([str(tmp_path / "a.md")]))
    assert a.title == "Kurylivka shelled" and a.text.startswith("# Kurylivka")


def test_html_main_text_title_date_and_site_from_page_metadata(tmp_path):
    page = ("<html><head><title>Kurylivka shelled | Kyiv Daily</title>"
            "<meta property='og:title' content='Kurylivka shelled'>"
            "<meta property='article:published_time' content='2023-06-28T10:00:00+03:00'>"
            "<meta property='og:site_name' content='Kyiv Daily'></head><body>"
            "<nav><a href='/'>Home</a> | <a href='/w'>World</a></nav>"
            f"<article><h1>Kurylivka shelled</h1><p>{REPORT}</p><p>Houses and a school were damaged.</p></article>"
            "<footer>Subscribe to our newsletter</footer></body></html>")
    (tmp_path / "a.html").write_text(page)
    [a] = list(read_inputs([str(tmp_path / "a.html")]))
    assert REPORT in a.text and "Subscribe" not in a.text and "Home" not in a.text
    assert a.title == "Kurylivka shelled" and a.source == "Kyiv Daily"
    assert a.published == "2023-06-28" and a.published_basis == "page"


def test_html_without_date_gets_one_inferred_from_the_text():
    a = article_from_html(f"<html><body><p>KYIV, Feb 25, 2023 (Reuters) - {REPORT}</p></body></html>")
    assert a.published == "2023-02-25" and a.published_basis == "inferred"


def test_html_declared_legacy_charset_is_honoured():
    page = "<html><head><meta charset='windows-1251'></head><body><p>Обстріл Харкова вранці.</p></body></html>"
    a = article_from_html(page.encode("cp1251"))
    assert isinstance(a, Article) and "Обстріл Харкова" in a.text


def test_warc_html_responses_become_articles_with_url_and_capture_date(tmp_path, build_warc, small_warc_records):
    for name, gz in (("crawl.warc", False), ("crawl.warc.gz", True)):
        (tmp_path / name).write_bytes(build_warc(small_warc_records, gzip=gz))
        items = list(read_inputs([str(tmp_path / name)]))
        [a] = articles(items)
        assert a.url == "https://news.example/odesa" and a.id == derive_article_id(a.url, "")
        assert a.published.startswith("2023-07-20") and a.published_basis == "page"
        assert "grain silos" in a.text and a.title == "Strike on Odesa port"
        [summary] = problems(items)
        assert summary.notice and "skipped 4 other records" in summary.reason
        assert "image/png" in summary.reason and "HTTP 404" in summary.reason


def test_stdin_dash_reads_jsonl_from_a_binary_or_text_stream():
    data = json.dumps({"text": REPORT, "id": "s1"}) + "\n"
    assert [a.id for a in read_inputs(["-"], stdin=io.BytesIO(data.encode()))] == ["s1"]
    assert [a.id for a in read_inputs(["-"], stdin=io.StringIO(data))] == ["s1"]
    [p] = list(read_inputs(["-"], stdin=io.BytesIO(b"")))
    assert p.origin == "<stdin>" and "empty" in p.reason


def test_folders_are_read_recursively_in_sorted_order(tmp_path):
    for rel in ("b/z.txt", "a/y.txt", "a/deeper/x.txt", "c.txt", ".hidden/w.txt", ".dotfile.txt"):
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(f"{rel}: {REPORT}")
    titles = [a.title.split(":")[0] for a in read_inputs([str(tmp_path)])]
    assert titles == ["a/deeper/x.txt", "a/y.txt", "b/z.txt", "c.txt"]


def test_article_ids_do_not_depend_on_the_file_path(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.txt").write_text(REPORT)
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    (tmp_path / "two" / "a.txt").rename(tmp_path / "two" / "renamed.txt")
    ids = [a.id for a in read_inputs([str(tmp_path)])]
    assert len(ids) == 2 and ids[0] == ids[1] == derive_article_id(None, REPORT)


def test_read_records_validates_api_bodies_like_files():
    items = list(read_records([{"text": REPORT, "id": "x"}, {"text": 1}, "nope"], "POST /api/articles"))
    assert isinstance(items[0], Article) and items[0].id == "x"
    assert items[1].origin == "POST /api/articles[1]" and "'text' is a number" in items[1].reason
    assert "object" in items[2].reason
    [one] = list(read_records({"text": REPORT}, "body"))
    assert isinstance(one, Article)
    [bad] = list(read_records("a string", "body"))
    assert isinstance(bad, ReadProblem)


def test_feed_file_items_with_text_become_articles(tmp_path):
    (tmp_path / "f.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Kyiv Daily</title>"
        "<item><title>Kurylivka shelled</title><link>https://kd.example/1</link>"
        "<pubDate>Wed, 28 Jun 2023 10:00:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[<p>{REPORT}</p>]]></content:encoded><description>short</description></item>"
        "<item><title>Only a link</title><link>https://kd.example/2</link></item></channel></rss>")
    (tmp_path / "g.atom").write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><entry><title>Odesa</title>'
        '<link href="https://an.example/o"/><updated>2023-07-20T08:00:00Z</updated>'
        "<summary>Drones struck the port of Odesa, the governor said.</summary></entry></feed>")
    items = list(read_inputs([str(tmp_path)]))
    a, skipped, b = items
    assert (a.url, a.title, a.source, a.published) == ("https://kd.example/1", "Kurylivka shelled", "Kyiv Daily",
                                                       "2023-06-28T10:00:00+00:00")
    assert a.text == REPORT and "1 of 2 items carry no text" in skipped.reason
    assert b.url == "https://an.example/o" and b.source == "Atom News" and "Odesa" in b.text


def test_title_skips_rule_lines_such_as_front_matter_fences(tmp_path):
    (tmp_path / "a.md").write_text("---\n\n## Kurylivka shelled\n" + REPORT)
    [a] = list(read_inputs([str(tmp_path / "a.md")]))
    assert a.title == "Kurylivka shelled"


def test_jsonl_is_streamed_not_read_whole():
    lines = b"".join(json.dumps({"text": f"{REPORT} {i}"}).encode() + b"\n" for i in range(20_000))
    stream = io.BytesIO(lines)
    first = next(iter(read_inputs(["-"], stdin=stream)))
    assert isinstance(first, Article) and stream.tell() < len(lines) // 10


def test_reading_twice_gives_the_same_items_in_the_same_order(tmp_path):
    for i, name in enumerate(["b.txt", "a.jsonl", "c/d.md", "c/e.txt"]):
        f = tmp_path / name
        f.parent.mkdir(exist_ok=True)
        f.write_text(json.dumps({"text": f"{REPORT} {i}"}) if name.endswith("jsonl") else f"{REPORT} {i}")
    runs = [[(x.id, x.origin, x.language, x.published) for x in read_inputs([str(tmp_path)])] for _ in range(2)]
    assert runs[0] == runs[1] and len(runs[0]) == 4


def test_a_warc_gz_cut_off_at_the_end_keeps_the_records_before_the_damage(tmp_path, build_warc, small_warc_records):
    whole = build_warc(small_warc_records, gzip=True)
    cut = whole + build_warc([("warcinfo",)], gzip=True)[:20]          # a last member cut short
    corrupt = whole + b"\x1f\x8b\x08\x00" + b"\xff" * 40                 # a last member of garbage
    for name, data in (("cut.warc.gz", cut), ("corrupt.warc.gz", corrupt)):
        (tmp_path / name).write_bytes(data)
        items = list(read_inputs([str(tmp_path / name)]))
        [a] = articles(items)
        assert a.url == "https://news.example/odesa", name
        assert any("truncated" in p.reason for p in problems(items)), name
