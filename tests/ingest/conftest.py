"""Fixtures for the ingest reader tests: small real WARC files made with warcio's own writer.

(Tests run with --import-mode=importlib, so helpers are shared as fixtures; the WARC writer itself lives in
warc_builder.py, which benchmarks/reliability.py imports too.)
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, os.path.dirname(__file__))  # the helper modules beside this file (import-mode=importlib)

from warc_builder import build_warc as _build_warc  # noqa: E402

HOSTILE = Path(__file__).parent / "hostile"

PAGE = (b"<html><head><title>Strike on Odesa port</title>"
        b"<meta property='og:site_name' content='Black Sea News'></head><body><nav>Home | World</nav>"
        b"<article><p>Russian drones struck the port of Odesa overnight, damaging grain silos, the regional "
        b"governor said on Telegram.</p><p>Air defences shot down most of the drones, he said.</p></article>"
        b"</body></html>")


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
    """build_warc(records, gzip) -> bytes of a WARC file (see warc_builder.build_warc for the record tuples)."""
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
