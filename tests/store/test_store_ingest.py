"""Storing articles and events, merging new reports into stored events, reading them back (SQLite and PostgreSQL)."""
from __future__ import annotations

import pytest
from store_factory import article, event_for, kharkiv_strike

from sitrep.store import EventFilter, open_store

UKRINFORM = "On Tuesday Russian troops struck Kharkiv with missiles, killing 3 civilians, Oleh Syniehubov said."
REUTERS = "A Russian missile hit an apartment block in Kharkiv, killing at least 5 people, the governor said."


def test_ingest_stores_an_article_and_its_event(db_url):
    art, events = kharkiv_strike("1", UKRINFORM, fatalities=3)
    with open_store(db_url) as store:
        assert store.ingest_article(art, events) == (1, 0)
        assert store.has_article(art)
        assert store.get_article(art.id).text == UKRINFORM
        ev = store.get_event(events[0].event_id)
        assert ev.sources[0].evidence == UKRINFORM
        assert UKRINFORM[ev.sources[0].char_start:ev.sources[0].char_end] == ev.sources[0].evidence


def test_reingesting_same_article_or_same_text_changes_nothing(db_url):
    art, events = kharkiv_strike("1", UKRINFORM, fatalities=3)
    with open_store(db_url) as store:
        store.ingest_article(art, events)
        assert store.ingest_article(art, events) == (0, 0)
        copy, copy_events = kharkiv_strike("copy", "  " + UKRINFORM.replace(" ", "  "), fatalities=3)
        assert store.has_article(copy)
        assert store.ingest_article(copy, copy_events) == (0, 0)
        assert store.count_events() == 1
        assert len(store.get_event(events[0].event_id).sources) == 1


def test_a_second_outlet_reporting_the_same_strike_is_merged_with_both_sources(db_url):
    a, ea = kharkiv_strike("1", UKRINFORM, fatalities=3)
    b, eb = kharkiv_strike("2", REUTERS, source="Reuters", fatalities=5)
    with open_store(db_url) as store:
        store.ingest_article(a, ea)
        assert store.ingest_article(b, eb) == (0, 1)
        [ev] = list(store.iter_events(EventFilter()))
        assert ev.event_id == ea[0].event_id
        assert {s.article_id for s in ev.sources} == {"art-1", "art-2"}
        assert (ev.fatalities, ev.fatalities_min, ev.fatalities_max) == (3, 3, 5)


def test_same_place_next_day_and_protest_same_day_stay_separate(db_url):
    a, ea = kharkiv_strike("1", UKRINFORM)
    b, eb = kharkiv_strike("2", REUTERS, event_date="2023-06-28")
    c = article("3", "Hundreds rallied in Kharkiv demanding air defence.")
    ec = [event_for(c, c.text, event_type="Protests", sub_event_type="Peaceful protest",
                    actor1="Protesters (Ukraine)", actor1_side="CIV", actor2=None, actor2_side=None)]
    with open_store(db_url) as store:
        for art, evs in ((a, ea), (b, eb), (c, ec)):
            assert store.ingest_article(art, evs) == (1, 0)
        assert store.count_events() == 3


def test_query_events_pages_newest_first_with_an_opaque_cursor(db_url):
    with open_store(db_url) as store:
        for day in range(1, 8):
            art, evs = kharkiv_strike(f"d{day}", f"Strike number {day} on Kharkiv.", event_date=f"2023-06-0{day}")
            store.ingest_article(art, evs)
        page, cursor = store.query_events(EventFilter(), limit=3)
        dates = [e.event_date for e in page]
        while cursor:
            page, cursor = store.query_events(EventFilter(), limit=3, cursor=cursor)
            dates += [e.event_date for e in page]
        assert dates == [f"2023-06-0{d}" for d in range(7, 0, -1)]
        with pytest.raises(ValueError):
            store.query_events(EventFilter(), cursor="not-a-cursor")
        with pytest.raises(ValueError):
            store.query_events(EventFilter(), limit=0)


def test_filters_by_date_place_type_actor_text_and_bbox(db_url):
    a, ea = kharkiv_strike("1", UKRINFORM)
    o = article("2", "Drones attacked the port of Odesa overnight, Ukrainian officials said.", source="Reuters")
    eo = [event_for(o, o.text, event_date="2023-07-18", event_type="Explosions/Remote violence",
                    sub_event_type="Air/drone strike", admin1="Odesa", location="Odesa", latitude=46.48,
                    longitude=30.73)]
    with open_store(db_url) as store:
        store.ingest_article(a, ea)
        store.ingest_article(o, eo)

        def ids(**kw):
            return sorted(e.location for e in store.iter_events(EventFilter(**kw)))

        assert ids() == ["Kharkiv", "Odesa"]
        assert ids(since="2023-07-01") == ["Odesa"]
        assert ids(until="2023-06-30") == ["Kharkiv"]
        assert ids(admin1="odesa") == ["Odesa"]
        assert ids(country="Ukraine") == ["Kharkiv", "Odesa"]
        assert ids(event_type="Explosions/Remote violence") == ["Kharkiv", "Odesa"]
        assert ids(actor="russia") == ["Kharkiv", "Odesa"]
        assert ids(q="drones port") == ["Odesa"]
        assert ids(q="Syniehubov") == ["Kharkiv"]
        assert ids(q="missiles") == ["Kharkiv"]  # stemmed: "missile" in the text
        assert ids(bbox="30,46,31,47") == ["Odesa"]
        assert ids(bbox=(36, 49.5, 37, 50.5)) == ["Kharkiv"]
        with pytest.raises(ValueError):
            ids(since="last tuesday")
        with pytest.raises(ValueError):
            ids(bbox="1,2,3")


def test_tokens_are_hashed_at_rest_and_revocable(db_url):
    with open_store(db_url) as store:
        token = store.create_token("analyst")
        assert store.check_token(token) == "analyst"
        assert store.check_token(token + "x") is None
        rows = store.db.execute("SELECT hash FROM tokens").fetchall()
        assert token not in str(rows)
        with pytest.raises(ValueError):
            store.create_token("analyst")
        assert store.revoke_token("analyst") is True
        assert store.check_token(token) is None
        assert store.revoke_token("analyst") is False


def test_ingest_paths_reads_files_stores_them_and_names_bad_lines(db_url, tmp_path):
    import json

    from store_factory import fake_extract

    from sitrep.store import ingest_paths
    src = tmp_path / "in.jsonl"
    rows = [{"id": "p1", "text": "Kharkiv shelled, 2 killed.", "published": "2023-06-28", "source": "A"},
            {"id": "p2", "text": "Missile strike on Kharkiv, 3 killed.", "published": "2023-06-28", "source": "B"}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n")
    summary = ingest_paths([str(src)], db_url, extract=fake_extract)
    assert (summary.articles_read, summary.events_new, summary.events_merged) == (2, 1, 1)
    assert len(summary.problems) == 1 and "3" in str(summary.problems[0])
    again = ingest_paths([str(src)], db_url, extract=fake_extract)
    assert (again.articles_skipped_known, again.events_new, again.events_merged) == (2, 0, 0)
    assert "2 already stored" in again.describe()


def test_parallel_extraction_stores_the_same_as_one_process(tmp_path):
    from store_factory import fake_extract

    from sitrep.store import ingest_articles
    arts = [article(str(i), f"Kharkiv strike report {i}, {i % 4} killed.") for i in range(12)]
    results = []
    for jobs in (1, 2):
        with open_store(str(tmp_path / f"j{jobs}.db")) as store:
            summary = ingest_articles(store, arts, extract=fake_extract, jobs=jobs)
            assert summary.articles_read == 12 and not summary.problems
            results.append([(e.event_id, len(e.sources), e.fatalities) for e in store.iter_events()])
    assert results[0] == results[1]
