"""A real Chromium (Debian's /usr/bin/chromium) driven by Playwright against a real server on a loopback port."""
from __future__ import annotations

import os

import pytest

from sitrep.api.testing import fill_sample_store, running_server
from sitrep.store import open_store

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright (pip install playwright)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("web") / "sitrep.db")
    fill_sample_store(db)
    with open_store(db) as store:
        token = store.create_token("alice")
    with running_server(db) as url:
        yield {"url": url, "token": token, "db": db}


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(viewport={"width": 1366, "height": 820})
    pg = ctx.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.problems.append(f"pageerror: {e}"))
    pg.on("console", lambda m: pg.problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    ctx.close()


@pytest.fixture(scope="session")
def shot(tmp_path_factory):
    """Save a screenshot of the page (proof the page rendered). Into a temporary folder: the README's pictures in
    docs/screenshots/ are taken from a fuller store by docs/screenshots/take.py, and a test run must not
    overwrite them with the four-event test store."""
    folder = tmp_path_factory.mktemp("screenshots")

    def save(pg, name: str) -> None:
        pg.screenshot(path=str(folder / name))
    return save
