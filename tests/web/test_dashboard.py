"""The dashboard in a real browser: map, timeline, filters, event detail with highlighted evidence, review with a
token, shareable URLs, keyboard use, phone layout, and untrusted article content that runs nothing."""
from __future__ import annotations

import re

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright").expect


def open_dashboard(page, site, query: str = "") -> None:
    page.goto(site["url"] + "/" + query)
    page.wait_for_selector("#status:has-text('match')")


def test_dashboard_shows_map_list_and_timeline(page, site, shot):
    open_dashboard(page, site)
    assert page.locator("#list .item").count() == 4
    assert page.locator("#timeline rect.bar").count() == 4
    page.wait_for_selector("path.mk, .marker-cluster")
    page.wait_for_selector("body[data-basemap=ready][data-admin1=ready]")
    shot(page, "dashboard.png")
    assert not page.problems, page.problems


def test_type_filter_updates_list_and_url(page, site):
    open_dashboard(page, site)
    page.select_option("#f-type", "Battles")
    expect(page.locator("#list .item")).to_have_count(1)
    assert "Bakhmut" in page.locator("#list .item").inner_text()
    assert "event_type=Battles" in page.url


def test_text_filter_and_shared_url_restore_the_view(page, site):
    open_dashboard(page, site, "?q=prisoners&event=e-kyiv-1")
    assert page.input_value("#f-q") == "prisoners"
    expect(page.locator("#list .item")).to_have_count(1)
    page.wait_for_selector("#detail:not([hidden]) h2")
    assert "Protests" in page.inner_text("#detail h2")


def test_opening_an_event_highlights_evidence_and_shows_certainty(page, site, shot):
    open_dashboard(page, site)
    page.click("#list .item[data-id='e-bakhmut-1']")
    page.wait_for_selector("#detail mark.ev")
    page.wait_for_selector("body[data-basemap=ready]")
    assert page.inner_text("#detail mark.ev").startswith("The Russian Ministry of Defence claimed")
    assert "Certainty: claimed" in page.inner_text("#detail .certainty")
    assert "Russian Ministry of Defence" in page.inner_text("#detail .claimant")
    assert "event=e-bakhmut-1" in page.url
    shot(page, "event-detail.png")


def test_fatalities_range_across_sources_is_shown(page, site):
    page.goto(site["url"] + "/events/e-kharkiv-1")
    assert page.inner_text("#fat-range") == "3–5"
    assert page.locator("mark.ev").count() == 2


def test_keyboard_opens_an_event_from_the_list(page, site):
    open_dashboard(page, site)
    page.focus("#list .item[data-id='e-kyiv-1']")
    page.keyboard.press("Enter")
    page.wait_for_selector("#detail:not([hidden]) mark.ev")
    assert page.evaluate("document.activeElement.id") == "detail"


def test_timeline_brush_filters_the_events(page, site):
    open_dashboard(page, site)
    bar = page.locator("#timeline rect.bar").first.bounding_box()
    y = bar["y"] + bar["height"] / 2
    page.mouse.move(bar["x"] + 1, y)
    page.mouse.down()
    page.mouse.move(bar["x"] + bar["width"] + 10, y, steps=4)
    page.mouse.up()
    expect(page.locator("#list .item")).to_have_count(1)
    assert page.input_value("#f-since") == "2024-03-05"
    assert "since=2024-03-05" in page.url


def test_analyst_corrects_a_field_and_sees_it_in_history(page, site, shot):
    page.goto(site["url"] + "/events/e-bakhmut-1")
    page.fill("#token", site["token"])
    page.click("#token-form button[type=submit]")
    page.select_option("#c-field", "fatalities")
    page.fill("#c-value", "2")
    page.fill("#c-reason", "Ukrainian General Staff figure")
    with page.expect_navigation():
        page.click("#correct-form button[type=submit]")
    row = page.locator("#history tbody tr").last.inner_text()
    assert "alice" in row and "fatalities" in row and "Ukrainian General Staff figure" in row
    assert page.inner_text("#fields tr[data-field=fatalities] td") == "2"
    shot(page, "event-page-history.png")


def test_a_write_without_token_is_refused_in_the_page(page, site):
    page.goto(site["url"] + "/events/e-kyiv-1")
    page.fill("#c-value", "9")
    page.select_option("#c-field", "fatalities")
    page.fill("#c-value", "9")
    page.click("#correct-form button[type=submit]")
    page.wait_for_selector("#review-msg:has-text('Refused')")


def test_untrusted_article_content_runs_nothing(page, site):
    for path in ("/events/e-xss-1", "/?event=e-xss-1"):
        page.goto(site["url"] + path)
        page.wait_for_selector("mark.ev")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned=2</script>" in page.inner_text("#detail .article-text")
    assert page.locator("#detail img, #detail script").count() == 0
    page.goto(site["url"] + "/events/e-xss-1")
    assert page.locator("main script, main img, main a[href^=javascript]").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert not [p for p in page.problems if "dialog" in p], page.problems


def test_pages_carry_a_csp_without_inline_script(page, site):
    resp = page.goto(site["url"] + "/")
    csp = resp.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    html = page.content()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)


def test_phone_layout_is_usable(browser, site, shot):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = ctx.new_page()
    pg.goto(site["url"] + "/?event=e-kharkiv-1")
    pg.wait_for_selector("#detail:not([hidden]) mark.ev")
    pg.wait_for_selector("body[data-basemap=ready]")
    width = pg.evaluate("document.documentElement.scrollWidth")
    shot(pg, "dashboard-phone.png")
    ctx.close()
    assert width <= 400


def test_analyst_marks_an_event_as_not_an_event(page, site):
    page.goto(site["url"] + "/events/e-kyiv-1")
    page.fill("#token", site["token"])
    page.click("#token-form button[type=submit]")
    page.fill("#n-reason", "a commemoration")
    with page.expect_navigation():
        page.click("#notevent-form button[type=submit]")
    page.wait_for_selector("#status:has-text('match')")
    assert page.locator("#list .item[data-id='e-kyiv-1']").count() == 0
    page.goto(site["url"] + "/events/e-kyiv-1")
    assert "not an event" in page.inner_text("#status-banner")
    assert "a commemoration" in page.inner_text("#history")
