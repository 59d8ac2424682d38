"""One event per type, place and day within an article."""
from sitrep.events.within_article import merge_within_article
from sitrep.model import Event, Source


def _ev(date: str, precision: str, start: int, fatalities=None) -> Event:
    ev = Event(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
               event_date=date, date_precision=precision, actor1_side="UKR", actor1="Military Forces of Ukraine",
               location="Melitopol", admin1="Zaporizhzhia", country="Ukraine", geo_precision=1, fatalities=fatalities)
    ev.sources = [Source("a", "x" * 40, start, start + 40)]
    return ev


def test_an_undated_lead_and_the_same_act_told_with_its_day_are_one_event_of_that_day():
    (ev,) = merge_within_article([_ev("2024-03-23", "week", 0), _ev("2024-03-22", "day", 100)])
    assert ev.event_date == "2024-03-22"


def test_two_days_told_with_their_days_stay_two_events():
    assert len(merge_within_article([_ev("2024-03-20", "day", 0), _ev("2024-03-22", "day", 100)])) == 2


def test_a_toll_that_sums_the_places_of_the_day_is_their_summary():
    a, b = _ev("2024-03-22", "day", 100, 5), _ev("2024-03-22", "day", 200, 2)
    b.location = "Vasylivka"
    lead = _ev("2024-03-22", "week", 0, 7)
    lead.location = "Zaporizhzhia"
    lead.geo_precision = 2
    assert sorted(e.fatalities for e in merge_within_article([lead, a, b])) == [2, 5]


def test_a_city_and_an_unnamed_village_near_it_are_two_places():
    city, village = _ev("2024-03-22", "day", 0), _ev("2024-03-22", "day", 200, 2)
    city.sources[0].evidence = "Missiles struck a hospital in Melitopol overnight."
    village.geo_precision = 2
    village.sources[0].evidence = "Russian forces also shelled a village near Melitopol, killing two people."
    assert len(merge_within_article([city, village])) == 2
