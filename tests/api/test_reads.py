"""Reading the API: lists, filters, pagination, one event, exports, the OpenAPI description."""
from __future__ import annotations

import csv
import io


def ids(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [e["event_id"] for e in resp.json()["events"]]


def test_events_are_listed_newest_first_with_sources(client):
    body = client.get("/api/events").json()
    dates = [e["event_date"] for e in body["events"]]
    assert dates == sorted(dates, reverse=True)
    assert len(body["events"]) == 4 and body["next"] is None
    assert all(e["sources"] for e in body["events"])


def test_cursor_pagination_visits_every_event_once(client):
    seen, cursor = [], None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=params).json()
        seen += [e["event_id"] for e in body["events"]]
        cursor = body["next"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 4


def test_filters_narrow_the_list(client):
    assert ids(client.get("/api/events", params={"event_type": "Battles"})) == ["e-bakhmut-1"]
    assert set(ids(client.get("/api/events", params={"admin1": "kharkiv"}))) == {"e-kharkiv-1", "e-xss-1"}
    assert ids(client.get("/api/events", params={"country": "Ukraine", "since": "2024-03-09",
                                                 "until": "2024-03-10"})) == ["e-kharkiv-1"]
    assert ids(client.get("/api/events", params={"actor": "Protesters"})) == ["e-kyiv-1"]
    assert ids(client.get("/api/events", params={"bbox": "37,48,39,49"})) == ["e-bakhmut-1"]
    assert ids(client.get("/api/events", params={"country": "Sudan"})) == []


def test_text_search_finds_words_in_notes_and_evidence(client):
    assert "e-kyiv-1" in ids(client.get("/api/events", params={"q": "prisoners"}))
    assert ids(client.get("/api/events", params={"q": "zzzunknownword"})) == []


def test_one_event_has_all_sources_and_fatality_range(client):
    e = client.get("/api/events/e-kharkiv-1").json()
    assert {s["article_id"] for s in e["sources"]} == {"a-kharkiv-1", "a-kharkiv-2"}
    assert (e["fatalities_min"], e["fatalities_max"]) == (3, 5)
    assert client.get("/api/events/e-kharkiv-1/history").json()["history"] == []


def test_article_text_is_served_for_the_evidence(client):
    a = client.get("/api/articles/a-kharkiv-1").json()
    e = client.get("/api/events/e-kharkiv-1").json()
    s = next(s for s in e["sources"] if s["article_id"] == "a-kharkiv-1")
    assert a["text"][s["char_start"]:s["char_end"]] == s["evidence"]


def test_csv_export_applies_the_same_filters(client):
    r = client.get("/api/events.csv", params={"admin1": "Kharkiv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2 and {row["admin1"] for row in rows} == {"Kharkiv"}


def test_geojson_export_has_a_point_per_event(client):
    r = client.get("/api/events.geojson", params={"event_type": "Battles"})
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 1
    assert fc["features"][0]["geometry"]["coordinates"] == [38.0003, 48.5956]


def test_openapi_describes_every_contract_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/events.csv", "/api/events.geojson",
              "/api/events/{event_id}/history", "/api/articles"):
        assert p in paths
    assert "patch" in paths["/api/events/{event_id}"]
    assert {"since", "until", "country", "admin1", "event_type", "actor", "q", "bbox", "limit", "cursor"} <= {
        p["name"] for p in paths["/api/events"]["get"]["parameters"]}


def test_timeline_counts_events_per_day_and_type(client):
    t = client.get("/api/timeline").json()
    assert t["total"] == 4
    assert {"date": "2024-03-08", "counts": {"Battles": 1}} in [{k: v for k, v in d.items() if k != "fatalities"} for d in t["days"]]
    assert t["admin1"]["Kharkiv"] == 2


def test_map_returns_points_in_view(client):
    m = client.get("/api/map", params={"zoom": 6, "bbox": "35,49,38,51"}).json()
    assert m["mode"] == "points" and {p["id"] for p in m["points"]} == {"e-kharkiv-1", "e-xss-1"}


def test_optional_tile_server_is_allowed_by_the_csp_and_passed_to_the_page(sample_db):
    import httpx

    from sitrep.api.testing import running_server

    with running_server(sample_db, tile_url="https://tiles.example.org/{z}/{x}/{y}.png") as url:
        r = httpx.get(url + "/")
    assert "img-src 'self' data: https://tiles.example.org;" in r.headers["content-security-policy"]
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in r.text


def test_event_page_escapes_untrusted_text(client):
    html = client.get("/events/e-xss-1").text
    assert "<script>window.__pwned" not in html and "onerror=\"window" not in html
    assert "&lt;script&gt;window.__pwned=2&lt;/script&gt;" in html
    assert 'href="javascript:' not in html


def test_unknown_event_page_is_a_404_page(client):
    r = client.get("/events/nope")
    assert r.status_code == 404 and "No such event" in r.text


def test_several_types_sub_types_certainty_and_a_minimum_toll_filter_the_list(client):
    def ids(**params):
        r = client.get("/api/events", params=params)
        assert r.status_code == 200, r.text
        return sorted(e["event_id"] for e in r.json()["events"])

    everything = client.get("/api/events").json()["events"]
    battles = sorted(e["event_id"] for e in everything if e["event_type"] in ("Battles", "Protests"))
    assert ids(event_type="Battles|Protests") == battles
    assert ids(sub_event_type="Peaceful protest") == sorted(e["event_id"] for e in everything
                                                             if e["sub_event_type"] == "Peaceful protest")
    assert ids(certainty="claimed") == sorted(e["event_id"] for e in everything if e["certainty"] == "claimed")
    assert ids(min_fatalities="3") == sorted(e["event_id"] for e in everything if (e["fatalities"] or 0) >= 3)
    assert ids(min_fatalities="3")  # the sample has such events: the filter is tested, not vacuous
    assert client.get("/api/events", params={"min_fatalities": "-1"}).status_code == 422
    assert client.get("/api/events.csv", params={"event_type": "Battles|Protests"}).text.count("\n") == len(battles) + 1
