"""Analysts' corrections: audit log, corrections surviving later ingests, undo, not-an-event, merge, split."""
from __future__ import annotations

import pytest
from store_factory import kharkiv_strike

from sitrep.store import EventFilter, open_store

A = "Russian missiles struck Kharkiv on Tuesday, killing 3 people."
B = "A missile hit Kharkiv, killing 4 people, the governor said."
C = "Kharkiv was shelled; 6 people were killed, the city mayor said."


def _stored(store, *texts):
    ids = []
    for n, text in enumerate(texts):
        art, evs = kharkiv_strike(str(n), text, fatalities=int([w for w in text.split() if w.isdigit()][0]))
        store.ingest_article(art, evs)
        ids.append(evs[0].event_id)
    return ids


def test_a_correction_is_logged_with_who_when_old_new_and_why(db_url):
    with open_store(db_url) as store:
        [eid] = _stored(store, A)
        ev = store.correct_event(eid, {"fatalities": 2, "location": "Kharkiv city"}, who="olena", reason="checked")
        assert (ev.fatalities, ev.location) == (2, "Kharkiv city")
        log = store.history(eid)
        assert {(h["field"], h["old"], h["new"], h["who"], h["reason"]) for h in log if h["reason"] == "checked"} == {
            ("fatalities", 3, 2, "olena", "checked"), ("location", "Kharkiv", "Kharkiv city", "olena", "checked")}
        assert all(h["at"] and h["id"] for h in log)


def test_a_correction_wins_over_a_later_report_of_the_same_event(db_url):
    with open_store(db_url) as store:
        [eid] = _stored(store, A)
        store.correct_event(eid, {"fatalities": 10}, who="olena", reason="hospital figures")
        art, evs = kharkiv_strike("later", C, fatalities=6)
        assert store.ingest_article(art, evs) == (0, 1)
        ev = store.get_event(eid)
        assert len(ev.sources) == 2
        assert ev.fatalities == 10
        assert (ev.fatalities_min, ev.fatalities_max) == (10, 10)  # the analyst's figure, not a stale range
        assert "10 reported killed" in ev.notes


def test_undo_restores_the_value_derived_from_the_sources(db_url):
    with open_store(db_url) as store:
        [eid] = _stored(store, A)
        store.correct_event(eid, {"fatalities": 10}, who="olena", reason=None)
        cid = store.history(eid)[0]["id"]
        ev = store.undo_correction(cid, who="petro")
        assert ev.fatalities == 3
        log = store.history(eid)
        assert log[0]["undone"] is True and log[-1]["kind"] == "undo" and log[-1]["who"] == "petro"
        assert (log[-1]["old"], log[-1]["new"]) == (10, 3)
        with pytest.raises(ValueError):
            store.undo_correction(cid, who="petro")


def test_bad_corrections_are_refused(db_url):
    with open_store(db_url) as store:
        [eid] = _stored(store, A)
        with pytest.raises(KeyError):
            store.correct_event("no-such-event", {"fatalities": 1}, who="olena", reason=None)
        for bad in ({"event_id": "x"}, {"sources": []}, {"fatalities": -1}, {"fatalities": "many"},
                    {"latitude": 123.0}, {"event_date": "27/06/2023"}, {"event_type": "Skirmish"},
                    {"sub_event_type": "Peaceful protest"}, {"certainty": "sure"}, {"nonsense": 1}):
            with pytest.raises(ValueError):
                store.correct_event(eid, bad, who="olena", reason=None)
        assert store.history(eid) == []


def test_not_an_event_is_hidden_from_exports_and_can_be_undone(db_url):
    with open_store(db_url) as store:
        [eid] = _stored(store, A)
        store.mark_not_event(eid, who="olena", reason="an exercise, not a strike")
        assert list(store.iter_events(EventFilter())) == []
        assert store.get_event(eid) is not None
        store.undo_correction(store.history(eid)[-1]["id"], who="olena")
        assert [e.event_id for e in store.iter_events(EventFilter())] == [eid]


def test_merge_into_and_split_sources_move_reports_and_undo(db_url):
    with open_store(db_url) as store:
        art, evs = kharkiv_strike("x", A, fatalities=3)
        store.ingest_article(art, evs)
        art2, evs2 = kharkiv_strike("y", B, fatalities=4, event_date="2023-06-26")  # coded a day off
        store.ingest_article(art2, evs2)
        first, second = evs[0].event_id, evs2[0].event_id
        assert store.count_events() == 2
        merged = store.merge_into(first, second, who="olena", reason="same strike, date misread")
        assert {s.article_id for s in merged.sources} == {"art-x", "art-y"}
        assert store.count_events() == 1
        assert store.get_event(second).event_id == first  # the old id leads to the merged event
        new_id = store.split_sources(first, ["art-y"], who="petro", reason="no, two strikes")
        assert {s.article_id for s in store.get_event(new_id).sources} == {"art-y"}
        assert {s.article_id for s in store.get_event(first).sources} == {"art-x"}
        split_row = [h for h in store.history(first) if h["kind"] == "split"][0]
        store.undo_correction(split_row["id"], who="olena")
        assert {s.article_id for s in store.get_event(first).sources} == {"art-x", "art-y"}
        merge_row = [h for h in store.history(first) if h["kind"] == "merge"][0]
        store.undo_correction(merge_row["id"], who="olena")
        assert store.count_events() == 2
        assert {s.article_id for s in store.get_event(second).sources} == {"art-y"}
        with pytest.raises(ValueError):
            store.split_sources(first, ["art-x"], who="olena", reason=None)


def test_a_corrected_toll_rewrites_the_notes_and_the_range(db_url):
    with open_store(db_url) as store:
        [eid] = _stored(store, A)
        ev = store.correct_event(eid, {"fatalities": 4}, who="olena", reason="later statement")
        assert (ev.fatalities, ev.fatalities_min, ev.fatalities_max) == (4, 4, 4)
        assert "4 reported killed" in ev.notes and "3 people" not in ev.notes
        assert store.get_event(eid).notes == ev.notes
        back = store.undo_correction(store.history(eid)[0]["id"], who="olena")
        assert (back.fatalities, back.notes) == (3, A)


def test_a_corrected_location_is_geocoded_and_the_history_says_so(db_url):
    with open_store(db_url) as store:
        [eid] = _stored(store, A)
        ev = store.correct_event(eid, {"location": "Izium"}, who="olena", reason="the governor named Izium")
        assert ev.location == "Izium" and abs(ev.latitude - 49.21) < 0.1 and abs(ev.longitude - 37.26) < 0.1
        assert ev.admin1 == "Kharkiv" and "Izium" in ev.notes
        derived = [h for h in store.history(eid) if h["field"] == "latitude"]
        assert derived and "Izium" in derived[0]["reason"]
        back = store.undo_correction(store.history(eid)[0]["id"], who="olena")
        assert (back.location, back.latitude, back.longitude) == ("Kharkiv", 49.9935, 36.2304)


def test_a_location_the_gazetteer_lacks_needs_coordinates(db_url):
    with open_store(db_url) as store:
        [eid] = _stored(store, A)
        with pytest.raises(ValueError, match="latitude"):
            store.correct_event(eid, {"location": "Qxzvillezz"}, who="olena")
        ev = store.correct_event(eid, {"location": "Qxzvillezz", "latitude": 49.5, "longitude": 36.5}, who="olena")
        assert (ev.latitude, ev.longitude) == (49.5, 36.5) and "Qxzvillezz" in ev.notes


@pytest.mark.parametrize("bad", [{"fatalities": 99999999999999999999999}, {"fatalities": 1_000_001},
                                 {"notes": "x" * 5001}, {"actor1": "y" * 501}])
def test_unbounded_corrections_are_refused(db_url, bad):
    with open_store(db_url) as store:
        [eid] = _stored(store, A)
        with pytest.raises(ValueError):
            store.correct_event(eid, bad, who="olena")
        assert store.history(eid) == []


def test_review_status_and_field_filters_work_on_every_backend(db_url):
    with open_store(db_url) as store:
        a, b, c = [], [], []
        for n, (text, day, out) in enumerate([(A, "2023-06-01", a), (B, "2023-07-15", b), (C, "2023-09-30", c)]):
            art, evs = kharkiv_strike(f"f{n}", text, event_date=day, fatalities=n + 1)
            store.ingest_article(art, evs)
            out.append(evs[0].event_id)
        (a,), (b,), (c,) = a, b, c
        assert len({e.event_id for e in store.iter_events(EventFilter())}) == 3
        store.correct_event(a, {"fatalities": 20, "certainty": "claimed", "claimed_by": "the army"}, who="olena")
        store.mark_reviewed(b, who="olena")
        store.mark_not_event(c, who="olena")
        got = lambda **kw: sorted(e.event_id for e in store.iter_events(EventFilter(**kw)))  # noqa: E731
        assert got(min_fatalities=10) == [a]
        assert got(certainty="claimed") == [a]
        assert got(certainty="claimed|reported") == sorted([a, b])
        assert got(review_status="corrected") == [a]
        assert got(review_status="reviewed") == [b]
        assert got(review_status="not_an_event") == [c]
        assert got(include_hidden=True) == sorted([a, b, c])
        assert store.review_statuses([a, b, c]) == {a: "corrected", b: "reviewed", c: "not_an_event"}
