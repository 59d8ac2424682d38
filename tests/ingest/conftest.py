"""Fixtures for the ingest reader tests: small real WARC files made with warcio's own writer.

(Tests run with --import-mode=importlib, so helpers are shared as fixtures, not imported.)
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HOSTILE = Path(__file__).parent / "hostile"

PAGE = (b"<html><head><title>Strike on Odesa port</title>"
        b"<meta property='og:site_name' content='Black Sea News'></head><body><nav>Home | World</nav>"
        b"<article><p>Russian drones struck the port of Odesa overnight, damaging grain silos, the regional "
        b"governor said on Telegram.</p><p>Air defences shot down most of the drones, he said.</p></article>"
        b"</body></html>")


def _build_warc(records: list[tuple], gzip: bool) -> bytes:
    """records: ("response", url, content_type, payload, warc_date) / ("request", url) / ("warcinfo",)."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gzip)
    for rec in records:
        kind = rec[0]
        if kind == "warcinfo":
            w.write_record(w.create_warcinfo_record("test.warc", {"software": "sitrep-tests"}))
        elif kind == "request":
            hh = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            w.write_record(w.create_warc_record(rec[1], "request", payload=io.BytesIO(b""), http_headers=hh))
        else:
            _, url, ctype, payload, warc_date, *status = rec
            hh = StatusAndHeaders(status[0] if status else "200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=hh,
                                                warc_headers_dict={"WARC-Date": warc_date}))
    return buf.getvalue()


def _small_warc_records() -> list[tuple]:
    """A warcinfo, a request, one HTML page, one image and one 404: one article, four records skipped."""
    return [
        ("warcinfo",),
        ("request", "https://news.example/odesa"),
        ("response", "https://news.example/odesa", "text/html; charset=utf-8", PAGE, "2023-07-20T08:00:00Z"),
        ("response", "https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n", "2023-07-20T08:00:01Z"),
        ("response", "https://news.example/gone", "text/html", b"<p>gone</p>", "2023-07-20T08:00:02Z", "404 Not Found"),
    ]


@pytest.fixture(scope="session")
def build_warc():
    """build_warc(records, gzip) -> bytes of a WARC file (see _build_warc for the record tuples)."""
    return _build_warc


@pytest.fixture(scope="session")
def small_warc_records():
    return _small_warc_records()


@pytest.fixture(scope="session")
def hostile_dir() -> Path:
    return HOSTILE


@pytest.fixture(scope="session")
def html_page() -> bytes:
    return PAGE
