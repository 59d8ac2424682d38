"""`sitrep watch` end to end: a real HTTP server on 127.0.0.1 serving feeds and pages, real state and store files.

The server is on loopback, so most runs use allow_private=True; link-local, metadata and file: items must still
never be fetched. One test runs with allow_private=False and checks that nothing at all is requested.
"""
from __future__ import annotations

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from typer.testing import CliRunner

from sitrep.ingest.fetch import FetchPolicy
from sitrep.ingest.watch import WatchConfig, parse_every, run_watch
from sitrep.ingest.watchstate import WatchState, state_path_for

PAGE = """<html lang="{lang}"><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body}</p><p>{body}</p><p>{body}</p></article></body></html>"""
EN = ("Russian forces shelled the town of Izium in the Kharkiv region on Monday, the regional governor said, "
      "and two civilians were wounded when a shell hit a residential building near the central market.")
UK = ("Російські війська обстріляли місто Ізюм на Харківщині в понеділок, повідомив голова обласної "
      "адміністрації, двоє мирних жителів дістали поранення, коли снаряд влучив у житловий будинок.")


class Server:
    """A tiny real HTTP server: `routes[path] = (status, headers, body)` or a callable returning that."""

    def __init__(self) -> None:
        self.routes: dict = {}
        self.requests: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.requests.append(self.path)
                route = outer.routes.get(self.path, (404, {}, b"not found"))
                status, headers, body = route(self) if callable(route) else route
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.handle_error = lambda *a: None  # a client that hung up early is the point of some tests
        self.httpd.daemon_threads, self.httpd.block_on_close = True, False
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()

    def page(self, path: str, title: str, body: str = EN, lang: str = "en") -> None:
        html = PAGE.format(title=title, body=body, lang=lang).encode()
        self.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"}, html)

    def rss(self, path: str, links: list[str], etag: str | None = None) -> None:
        items = "".join(f"<item><title>t{i}</title><link>{self.base + u if u.startswith('/') else u}</link>"
                        f"<pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>" for i, u in enumerate(links))
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'.encode()

        def answer(req):
            if etag and req.headers.get("If-None-Match") == etag:
                return 304, {"ETag": etag}, b""
            return 200, {"Content-Type": "application/rss+xml", **({"ETag": etag} if etag else {})}, body
        self.routes[path] = answer

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


class Run:
    """One configured watch: collects what would be ingested, and the log."""

    def __init__(self, tmp_path, feeds, allow_private=True, **kw) -> None:
        self.ingested: list = []
        self.log = io.StringIO()
        policy = FetchPolicy(connect_timeout=2.0, read_timeout=1.0, total_timeout=5.0, max_bytes=50_000,
                             retries=0, backoff=0.01, per_host_interval=0.0)
        self.cfg = WatchConfig(feeds=feeds, db=str(tmp_path / "sitrep.db"), every=kw.pop("every", "15m"),
                               once=kw.pop("once", True), allow_private=allow_private, policy=policy,
                               log=self.log, **kw)

    def __call__(self) -> int:
        return run_watch(self.cfg, ingest=self.ingested.extend)

    def urls(self) -> list[str]:
        return [a.url for a in self.ingested]


def test_every_accepts_seconds_minutes_hours_and_rejects_garbage(tmp_path):
    assert [parse_every(v) for v in ("30s", "15m", "1h", "2d", "90")] == [30, 900, 3600, 172800, 90]
    for bad in ("abc", "", "0m", "-5m", "15 parsecs"):
        with pytest.raises(ValueError, match="--every"):
            WatchConfig(feeds=["http://x.example/f"], db=str(tmp_path / "d.db"), every=bad, once=True,
                        allow_private=False)


def test_new_items_are_ingested_and_forbidden_links_never_fetched(server, tmp_path):
    server.page("/a1", "Izium shelled")
    server.page("/a2", "Kharkiv strike", body=EN.replace("Izium", "Chuhuiv"))
    server.routes["/to-metadata"] = (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")
    forbidden = ["http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/x", "file:///etc/passwd",
                 f"http://0.0.0.0:{server.port}/a1", f"http://2130706433:{server.port}/a1",
                 f"http://[::ffff:169.254.169.254]:{server.port}/", "gopher://127.0.0.1/x", "/to-metadata"]
    server.rss("/feed.xml", ["/a1", "/a2", *forbidden])
    run = Run(tmp_path, [server.base + "/feed.xml"])
    assert run() == 1
    assert run.urls() == [server.base + "/a1", server.base + "/a2"]
    assert sorted(server.requests) == ["/a1", "/a2", "/feed.xml", "/to-metadata"]
    log = run.log.getvalue()
    assert log.count("refused") == len(forbidden)
    assert "link-local" in log and "scheme file:" in log and "non-standard spelling" in log
    assert run.ingested[0].title == "Izium shelled" and run.ingested[0].language == "en"


def test_nothing_on_loopback_is_requested_without_allow_private(server, tmp_path):
    server.page("/a1", "x")
    server.rss("/feed.xml", ["/a1"])
    run = Run(tmp_path, [server.base + "/feed.xml", f"http://localhost:{server.port}/feed.xml"], allow_private=False)
    assert run() == 2
    assert server.requests == [] and run.ingested == []
    assert "--allow-private" in run.log.getvalue()


def test_second_run_sends_validators_and_refetches_nothing(server, tmp_path):
    server.page("/a1", "Izium shelled")
    server.rss("/feed.xml", ["/a1"], etag='"v1"')
    assert Run(tmp_path, [server.base + "/feed.xml"])() == 0
    again = Run(tmp_path, [server.base + "/feed.xml"])
    assert again() == 0
    assert server.requests == ["/feed.xml", "/a1", "/feed.xml"] and again.ingested == []
    assert "not modified" in again.log.getvalue()


def test_seen_items_are_skipped_by_url_after_a_restart(server, tmp_path):
    server.page("/a1", "Izium shelled")
    server.rss("/feed.xml", ["/a1", "/a1#comments"])  # no validators: the feed is re-read in full
    first = Run(tmp_path, [server.base + "/feed.xml"])
    assert first() == 0 and len(first.ingested) == 1
    server.page("/a2", "Kharkiv strike", body=EN.replace("Izium", "Balakliia"))
    server.rss("/feed.xml", ["/a1", "/a2"])
    second = Run(tmp_path, [server.base + "/feed.xml"])
    assert second() == 0
    assert second.urls() == [server.base + "/a2"] and server.requests.count("/a1") == 1


def test_same_text_under_two_urls_is_ingested_once(server, tmp_path):
    server.page("/a1", "Izium shelled")
    server.page("/copy", "Izium shelled")
    server.rss("/feed.xml", ["/a1", "/copy"])
    run = Run(tmp_path, [server.base + "/feed.xml"])
    assert run() == 0
    assert run.urls() == [server.base + "/a1"] and "same text" in run.log.getvalue()


def test_non_english_article_is_skipped_counted_and_logged(server, tmp_path):
    server.page("/uk", "Ізюм", body=UK, lang="uk")
    server.page("/en", "Izium shelled")
    server.rss("/feed.xml", ["/uk", "/en"])
    run = Run(tmp_path, [server.base + "/feed.xml"])
    assert run() == 1
    log = run.log.getvalue()
    assert run.urls() == [server.base + "/en"]
    assert "not English" in log and "(1 not English)" in log


def test_oversized_and_non_html_pages_are_skipped_for_good(server, tmp_path):
    server.routes["/big"] = (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 60_000)
    server.routes["/pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    server.rss("/feed.xml", ["/big", "/pdf"])
    run = Run(tmp_path, [server.base + "/feed.xml"])
    assert run() == 1
    assert "too large" in run.log.getvalue() and "not an HTML page" in run.log.getvalue()
    assert Run(tmp_path, [server.base + "/feed.xml"])() == 0  # remembered, not retried
    assert server.requests.count("/big") == 1


def test_transient_failure_is_retried_on_the_next_poll(server, tmp_path):
    server.page("/ok", "Izium shelled")
    calls = []

    def flaky(req):
        calls.append(1)
        if len(calls) == 1:
            time.sleep(2.5)  # past the read timeout
        return server.routes["/ok"]
    server.routes["/flaky"] = flaky
    server.rss("/feed.xml", ["/flaky"], etag='"v1"')
    run = Run(tmp_path, [server.base + "/feed.xml"], once=False, every="0.01s", max_polls=2)
    assert run() == 0  # the last poll read everything
    assert run.urls() == [server.base + "/flaky"] and len(calls) == 2
    assert "read timeout" in run.log.getvalue()


def test_a_feed_that_times_out_does_not_stop_the_others(server, tmp_path):
    def slow(req):
        time.sleep(2.5)
        return 200, {}, b"<rss/>"
    server.routes["/slow.xml"] = slow
    server.page("/a1", "Izium shelled")
    server.rss("/feed.xml", ["/a1"])
    run = Run(tmp_path, [server.base + "/slow.xml", server.base + "/feed.xml"])
    assert run() == 1
    assert run.urls() == [server.base + "/a1"] and "skipped feed" in run.log.getvalue()
    assert Run(tmp_path, [server.base + "/slow.xml"])() == 2


@pytest.mark.parametrize("doc, why", [
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
     b"<rss><channel><title>&b;</title></channel></rss>", "unsafe XML"),
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     b"<rss><channel><item><title>&x;</title><link>http://127.0.0.1/a</link></item></channel></rss>", "unsafe XML"),
    (b"<html><body>no feed here</body></html>", "not an RSS or Atom feed"),
])
def test_hostile_or_bogus_feed_documents_are_skipped(server, tmp_path, doc, why):
    server.routes["/bad.xml"] = (200, {"Content-Type": "application/xml"}, doc)
    run = Run(tmp_path, [server.base + "/bad.xml"])
    assert run() == 2
    assert why in run.log.getvalue() and server.requests == ["/bad.xml"]


def test_an_article_the_store_could_not_take_is_tried_again(server, tmp_path):
    from dataclasses import dataclass, field

    @dataclass
    class Summary:
        problems: list = field(default_factory=list)

    server.page("/a1", "Izium shelled")
    server.rss("/feed.xml", ["/a1"], etag='"v1"')
    seen = []

    def failing(articles):
        seen.extend(articles)
        return Summary([f"{a.origin}: extraction failed: boom" for a in articles])
    run = Run(tmp_path, [server.base + "/feed.xml"])
    assert run_watch(run.cfg, ingest=failing) == 1
    assert "extraction failed: boom" in run.log.getvalue()
    again = Run(tmp_path, [server.base + "/feed.xml"])
    assert again() == 0 and again.urls() == [server.base + "/a1"]  # validators were not kept: feed re-read


def test_one_poll_takes_at_most_max_items_per_feed(server, tmp_path):
    for n in range(5):
        server.page(f"/p{n}", f"Report {n}", body=EN.replace("Monday", f"day {n}"))
    server.rss("/feed.xml", [f"/p{n}" for n in range(5)], etag='"v1"')
    first = Run(tmp_path, [server.base + "/feed.xml"], max_items=3)
    assert first() == 0 and len(first.ingested) == 3
    second = Run(tmp_path, [server.base + "/feed.xml"], max_items=3)
    assert second() == 0 and len(second.ingested) == 2


def test_atom_feed_into_the_real_store(server, tmp_path):
    from sitrep.model import Article
    from sitrep.store import ingest_articles, open_store

    server.page("/e1", "Izium shelled")
    atom = (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>t</title>'
            f'<link href="{server.base}/e1"/><updated>2026-11-30T08:00:00Z</updated></entry></feed>').encode()
    server.routes["/atom.xml"] = (200, {"Content-Type": "application/atom+xml"}, atom)
    db = str(tmp_path / "sitrep.db")

    def ingest(articles):
        with open_store(db) as store:
            return ingest_articles(store, articles, extract=lambda a: [])
    cfg = WatchConfig(feeds=[server.base + "/atom.xml"], db=db, every="15m", once=True, allow_private=True,
                      policy=FetchPolicy(per_host_interval=0.0, retries=0), log=io.StringIO())
    assert run_watch(cfg, ingest=ingest) == 0
    with open_store(db, create=False) as store:
        assert store.has_article(Article(text="", url=server.base + "/e1"))
    assert "1 article(s) read: 1 stored" in cfg.log.getvalue()


def test_state_lives_beside_the_db_and_remembers_outcomes(tmp_path):
    path = state_path_for(str(tmp_path / "x.db"))
    assert path == str(tmp_path / "x.db") + ".watch.sqlite"
    state = WatchState(path)
    state.mark_done("http://n.example/1", "ingested", None, "h1")
    for _ in range(WatchState.MAX_ATTEMPTS - 1):
        assert not state.mark_failed("http://n.example/2", "timed out")
    assert not state.is_done("http://n.example/2")
    assert state.mark_failed("http://n.example/2", "timed out") and state.is_done("http://n.example/2")
    state.save_validators("http://n.example/feed", '"e"', None)
    state.close()
    again = WatchState(path)
    assert again.is_done("http://n.example/1") and again.hash_seen("h1")
    assert again.validators("http://n.example/feed") == ('"e"', None)
    again.close()


def test_cli_bad_interval_and_file_feed_are_clear_errors(tmp_path):
    from sitrep.cli import app

    runner = CliRunner()
    bad = runner.invoke(app, ["watch", "http://x.example/f", "--every", "abc", "--db", str(tmp_path / "d.db")])
    assert bad.exit_code == 2 and "--every 'abc'" in bad.output
    refused = runner.invoke(app, ["watch", "file:///etc/passwd", "--once", "--db", str(tmp_path / "d.db")])
    assert refused.exit_code == 2 and "scheme file: not allowed" in refused.output
    assert "Traceback" not in refused.output
