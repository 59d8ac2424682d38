"""What the dashboard counts is what it lists: events without a place or a date are counted, listed and named,
the list shows every match unless limited to the map view, and a correction shows through to the page."""
from __future__ import annotations

import httpx
import pytest

from sitrep.api.testing import fill_sample_store, running_server
from sitrep.model import Article, Event, Source
from sitrep.store import open_store

expect = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright").expect

TEXT = "Fighting was reported somewhere in eastern Ukraine, a military blogger wrote, without naming a day."


@pytest.fixture(scope="module")
def counted_site(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("counts") / "sitrep.db")
    fill_sample_store(db)
    art = Article(text=TEXT, id="a-nowhere-1", url="https://news.example.org/nowhere", published=None,
                  source="A blog", language="en")
    ev = Event(event_type="Battles", sub_event_type="Armed clash", event_date=None, date_precision=None,
               country="Ukraine", location=None, latitude=None, longitude=None, geo_precision=None,
               actor1="Military Forces of Russia (2000-)", notes="Fighting somewhere in eastern Ukraine.",
               event_id="e-nowhere-1",
               sources=[Source(article_id=art.id, evidence=TEXT, char_start=0, char_end=len(TEXT), url=art.url)])
    with open_store(db) as store:
        store.ingest_article(art, [ev])
        token = store.create_token("alice")
    with running_server(db) as url:
        yield {"url": url, "db": db, "token": token}


def test_counts_name_the_events_the_map_cannot_show_and_the_list_shows_them(page, counted_site):
    page.goto(counted_site["url"] + "/")
    page.wait_for_selector("#status:has-text('match')")
    status = page.inner_text("#status")
    assert "4 on the map of 5" in status and "1 without a place" in status and "1 undated" in status
    expect(page.locator("#list .item")).to_have_count(5)
    assert page.locator("#list .item[data-id='e-nowhere-1']").count() == 1


def test_the_list_can_be_limited_to_the_map_view(page, counted_site):
    page.goto(counted_site["url"] + "/?c=48.6,38.0,9")  # zoomed on Bakhmut: one placed event in view
    page.wait_for_selector("#status:has-text('match')")
    expect(page.locator("#list .item")).to_have_count(5)
    page.check("#inview")
    expect(page.locator("#list .item")).to_have_count(1)
    assert "Bakhmut" in page.inner_text("#list .item")


def test_a_date_filter_says_how_many_undated_events_it_leaves_out(page, counted_site):
    page.goto(counted_site["url"] + "/?since=2024-01-01")
    page.wait_for_selector("#status:has-text('match')")
    assert "1 undated, outside any date range" in page.inner_text("#status")
    expect(page.locator("#list .item")).to_have_count(4)


def test_a_corrected_toll_shows_in_the_notes_and_the_range_on_the_page(page, counted_site):
    h = {"Authorization": "Bearer " + counted_site["token"]}
    r = httpx.patch(counted_site["url"] + "/api/events/e-kharkiv-1", json={"fatalities": 4}, headers=h)
    assert r.status_code == 200, r.text
    page.goto(counted_site["url"] + "/?event=e-kharkiv-1")
    page.wait_for_selector("#detail:not([hidden]) h2")
    assert "4 reported killed" in page.inner_text("#detail .lede")
    assert "range across sources" in page.inner_text("#detail") and "3–5" not in page.inner_text("#detail")
    page.goto(counted_site["url"] + "/events/e-kharkiv-1")
    assert page.inner_text("#fat-range") == "4"


def test_a_click_in_the_list_highlights_and_pans_and_escape_closes(page, counted_site):
    page.goto(counted_site["url"] + "/?c=50.45,30.52,9")  # over Kyiv
    page.wait_for_selector("#status:has-text('match')")
    page.click("#list .item[data-id='e-bakhmut-1']")
    page.wait_for_selector("#detail:not([hidden]) h2")
    expect(page.locator("#list .item.sel")).to_have_attribute("data-id", "e-bakhmut-1")
    page.wait_for_function("() => new URLSearchParams(location.search).get('c').split(',')[1] > 36")
    centre = [float(v) for v in page.evaluate("new URLSearchParams(location.search).get('c')").split(",")]
    assert abs(centre[0] - 48.6) < 0.3 and abs(centre[1] - 38.0) < 0.3
    page.keyboard.press("Escape")
    expect(page.locator("#detail")).to_be_hidden()


def test_a_new_filter_zooms_the_map_to_its_results(page, counted_site):
    page.goto(counted_site["url"] + "/?c=50.45,30.52,9")
    page.wait_for_selector("#status:has-text('match')")
    page.select_option("#f-type", "Battles")
    page.wait_for_function("() => Math.abs(new URLSearchParams(location.search).get('c').split(',')[1] - 38) < 0.5")
    expect(page.locator("#list .item")).to_have_count(2)  # Bakhmut, and the battle without a place


def test_the_api_docs_page_renders_offline_from_openapi_json(page, counted_site):
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(counted_site["url"]) else None)
    page.goto(counted_site["url"] + "/docs")
    page.wait_for_selector("#swagger-ui .opblock-summary-path", timeout=20000)
    paths = page.locator("#swagger-ui .opblock-summary-path").all_inner_texts()
    assert any("/api/events" in p for p in paths)
    assert not outside, outside


def test_merge_split_and_undo_read_as_words_and_leave_each_report_in_one_event(page, counted_site):
    h = {"Authorization": "Bearer " + counted_site["token"]}
    url = counted_site["url"]
    assert httpx.post(url + "/api/events/e-kyiv-1/merge", json={"other_id": "e-xss-1"}, headers=h).status_code == 200
    split = httpx.post(url + "/api/events/e-kyiv-1/split", json={"article_ids": ["a-xss-1"]}, headers=h).json()
    page.goto(url + "/events/e-kyiv-1")
    words = page.inner_text("#history")
    assert "merged event e-xss-1 into this one (1 report moved here)" in words
    assert f"split the sources a-xss-1 off into the new event {split['new_event_id']}" in words
    assert "{" not in words  # no raw dicts
    log = httpx.get(url + "/api/events/e-kyiv-1/history").json()["history"]
    merge_id = [x["id"] for x in log if x["kind"] == "merge"][0]
    split_id = [x["id"] for x in log if x["kind"] == "split"][0]
    refused = httpx.post(url + f"/api/corrections/{merge_id}/undo", headers=h)
    assert refused.status_code == 422 and "must be undone first" in refused.text
    assert httpx.post(url + f"/api/corrections/{split_id}/undo", headers=h).status_code == 200
    assert httpx.post(url + f"/api/corrections/{merge_id}/undo", headers=h).status_code == 200
    ids = [e["event_id"] for e in httpx.get(url + "/api/events", params={"limit": 100}).json()["events"]]
    owners = [i for i in ids for s in httpx.get(url + f"/api/events/{i}").json()["sources"] if s["article_id"] == "a-xss-1"]
    assert owners == ["e-xss-1"]
    page.goto(url + "/events/e-kyiv-1")
    assert "(undone)" in page.inner_text("#history")


def test_certainty_fatalities_and_the_hidden_view_filter_the_dashboard(page, counted_site):
    page.goto(counted_site["url"] + "/")
    page.wait_for_selector("#status:has-text('match')")
    page.select_option("#f-certainty", "claimed")
    expect(page.locator("#list .item")).to_have_count(1)
    assert "Bakhmut" in page.inner_text("#list .item")
    page.select_option("#f-certainty", "")
    page.fill("#f-minfat", "2")
    page.click("#filters button[type=submit]")
    listed = page.locator("#list .item")
    expect(listed).not_to_have_count(5)
    kills = [int(t.split("·")[-1].split()[0]) for t in listed.all_inner_texts()]
    assert kills and all(k >= 2 for k in kills)
    page.wait_for_timeout(400)  # the map zooms to the results; the link follows the view once it settles
    href = page.get_attribute("#dl-view", "href")
    assert "bbox=" in href and "min_fatalities=2" in href
    body = httpx.get(counted_site["url"] + href).text
    assert body.count("\n") == 1 + len(kills)  # what is on screen, no more
    h = {"Authorization": "Bearer " + counted_site["token"]}
    httpx.post(counted_site["url"] + "/api/events/e-nowhere-1/not-event", json={}, headers=h)
    page.goto(counted_site["url"] + "/?status=not_an_event")
    page.wait_for_selector("#status:has-text('match')")
    expect(page.locator("#list .item")).to_have_count(1)
    assert page.locator("#list .item[data-id='e-nowhere-1']").count() == 1


def test_the_timeline_bins_by_month_with_a_y_axis_and_a_fatalities_line(page, counted_site):
    page.goto(counted_site["url"] + "/")
    page.wait_for_selector("#status:has-text('match')")
    page.wait_for_selector("#timeline rect.bar")
    assert page.locator("#timeline text.yaxis").count() >= 2
    assert page.locator("#timeline polyline.killed").count() == 1
    page.select_option("#tl-bin", "month")
    page.wait_for_selector("#timeline text:has-text('events per month')")
    # every sample event is in March 2024: one stacked bar, one rect per event type
    types = {e["event_type"] for e in httpx.get(counted_site["url"] + "/api/events").json()["events"] if e["event_date"]}
    assert page.locator("#timeline rect.bar").count() == len(types)
