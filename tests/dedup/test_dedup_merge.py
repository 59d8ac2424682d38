"""Cross-source merging on a hand-written multi-source set with look-alike distractors."""
from __future__ import annotations

import random

from incident_set import build, label_of

from sitrep.dedup import combine, merge_events, same_event_score
from sitrep.dedup.names import place_key
from sitrep.evaluate import merge_pairs
from sitrep.model import Event, Source


def _clusters(events: list[Event]) -> dict[str, str]:
    return {s.article_id + "-e0": m.event_id for m in events for s in m.sources}


def test_pairwise_merge_f1_on_multi_source_set_is_at_least_085_with_no_distractor_merged():
    gold = label_of()
    score = merge_pairs(gold, _clusters(merge_events(build())))
    assert score.f1 >= 0.85
    assert [(a, b) for a, b in score.wrongly_merged if gold[a].startswith("D") or gold[b].startswith("D")] == []


def test_merge_output_ids_and_order_do_not_depend_on_input_order():
    first = [(e.event_id, len(e.sources)) for e in merge_events(build())]
    shuffled = build()
    random.Random(7).shuffle(shuffled)
    assert [(e.event_id, len(e.sources)) for e in merge_events(shuffled)] == first


def _ev(article: str, **kw) -> Event:
    base = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                event_date="2023-06-27", date_precision="day", country="Ukraine", admin1="Kharkiv",
                location="Kharkiv", latitude=49.99, longitude=36.23, geo_precision=1,
                actor1="Military Forces of Russia (2000-)", notes="Russian shelling of Kharkiv.")
    base.update(kw)
    ev = Event(**base, event_id=f"{article}-e0")
    ev.sources = [Source(article_id=article, evidence=ev.notes, char_start=0, char_end=len(ev.notes),
                         published=kw.get("event_date", "2023-06-27"), source=article.split("-")[0])]
    return ev


def test_same_place_on_different_days_is_never_merged():
    assert same_event_score(_ev("a-1"), _ev("b-1", event_date="2023-06-28")) == 0.0


def test_a_shelling_and_a_protest_in_one_city_are_never_merged():
    protest = _ev("b-1", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Ukraine)")
    assert same_event_score(_ev("a-1"), protest) == 0.0


def test_two_events_of_one_article_are_never_merged():
    a, b = _ev("a-1"), _ev("a-1")
    b.event_id = "a-1-e1"
    assert len(merge_events([a, b])) == 2


def test_settlement_spellings_share_one_key():
    for names in (("Izium", "Izyum", "Изюм"), ("Kharkiv", "Kharkov", "Харків"), ("Zaporizhzhia", "Zaporozhye"),
                  ("Enerhodar", "Energodar"), ("Kamianka-Dniprovska", "Kamenka-Dneprovskaya"),
                  ("Vasylivka", "Vasilyevka"), ("Horlivka", "Gorlovka"), ("Pa Zi Gyi", "Pazigyi")):
        assert len({place_key(n) for n in names}) == 1, names


def test_transliterated_place_without_coordinates_still_merges():
    a = _ev("a-1", location="Vasylivka", admin1="Zaporizhzhia", latitude=None, longitude=None)
    b = _ev("b-1", location="Vasilyevka", admin1="Zaporizhzhia", latitude=None, longitude=None)
    assert len(merge_events([a, b])) == 1


def test_namesakes_far_apart_are_not_merged():
    a = _ev("a-1", location="Ivanivka", admin1="Kherson", latitude=46.97, longitude=34.55)
    b = _ev("b-1", location="Ivanivka", admin1="Kherson", latitude=46.60, longitude=33.10)
    assert same_event_score(a, b) == 0.0


def test_fatalities_take_lowest_credible_figure_and_keep_the_range():
    a = _ev("a-1", fatalities=3)
    b = _ev("b-1", fatalities=5)
    claim = _ev("c-1", fatalities=40, certainty="claimed", claimed_by="Russian Ministry of Defence")
    ev = merge_events([a, b, claim])[0]
    assert (ev.fatalities, ev.fatalities_min, ev.fatalities_max) == (3, 3, 40)
    assert {s.article_id for s in ev.sources} == {"a-1", "b-1", "c-1"}


def test_an_early_no_casualties_report_gives_way_to_a_counted_toll():
    ev = merge_events([_ev("a-1", fatalities=0), _ev("b-1", fatalities=2)])[0]
    assert (ev.fatalities, ev.fatalities_min, ev.fatalities_max) == (2, 0, 2)


def test_sources_blaming_opposite_sides_make_the_event_disputed():
    a = _ev("a-1", actor1="Military Forces of Russia (2000-)", actor1_side="RUS")
    b = _ev("b-1", actor1="Military Forces of Ukraine (2019-)", actor1_side="UKR", certainty="claimed")
    ev = combine(a, b)
    assert ev.certainty == "disputed"


def test_most_precise_place_and_date_win():
    vague = _ev("a-1", location="Kharkiv", geo_precision=2, latitude=50.02, longitude=36.3,
                date_precision="week", event_date="2023-06-26")
    exact = _ev("b-1", location="Kharkiv", geo_precision=1, latitude=49.99, longitude=36.23)
    ev = combine(vague, exact)
    assert (ev.geo_precision, ev.latitude, ev.event_date, ev.date_precision) == (1, 49.99, "2023-06-27", "day")
    assert ev.event_id == "a-1-e0"  # combine keeps the first (stored) event's id


def test_each_source_keeps_its_evidence_and_offsets():
    ev = merge_events(build())
    kharkiv = next(e for e in ev if len(e.sources) == 4)
    for s in kharkiv.sources:
        assert s.evidence and s.char_end == len(s.evidence) and s.char_start == 0
