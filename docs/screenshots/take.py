"""Take the README's screenshots with headless Debian chromium against a real server.

    sitrep ingest samples /path/to/devset --db /tmp/shots.db
    PYTHONPATH=. python docs/screenshots/take.py /tmp/shots.db

The store is changed (one correction, to show the history): use a throwaway copy.
"""
from __future__ import annotations

import sys
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

from sitrep.api.testing import running_server
from sitrep.store import EventFilter, open_store

HERE = Path(__file__).resolve().parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(db: str) -> None:
    with open_store(db) as store:
        token = store.create_token("screenshots")
        events = list(store.iter_events(EventFilter()))
    multi = max(events, key=lambda e: (len({s.article_id for s in e.sources}), e.fatalities or 0))
    with running_server(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 820})
        page.goto(url + "/")
        page.wait_for_selector("#status:has-text('match')")
        page.wait_for_selector("body[data-basemap=ready][data-admin1=ready]")
        page.wait_for_timeout(500)
        page.screenshot(path=str(HERE / "dashboard.png"))
        page.click(f"#list .item[data-id='{multi.event_id}']")
        page.wait_for_selector("#detail mark.ev")
        page.wait_for_timeout(500)
        page.screenshot(path=str(HERE / "event-detail.png"))
        headers = {"Authorization": f"Bearer {token}"}
        new = (multi.fatalities or 0) + 1
        httpx.patch(url + f"/api/events/{multi.event_id}", headers=headers,
                    json={"fatalities": new, "reason": "a later official figure"}).raise_for_status()
        page.goto(url + f"/events/{multi.event_id}#h-history")
        page.wait_for_selector("#history")
        page.screenshot(path=str(HERE / "event-page-history.png"), full_page=False)
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
        phone.goto(url + "/")
        phone.wait_for_selector("#status:has-text('match')")
        phone.wait_for_timeout(800)
        phone.screenshot(path=str(HERE / "dashboard-phone.png"))
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1])
