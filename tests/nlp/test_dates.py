"""Date mentions resolved against the publication date (devset conventions)."""
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sitrep.nlp.dates import find_anaphoric_dates, find_dates

REF = dt.date(2023, 6, 28)  # a Wednesday


def first(text, ref=REF):
    found = find_dates(text, ref)
    return (found[0].date, found[0].precision) if found else None


@pytest.mark.parametrize("text, expected", [
    ("Russian forces shelled Kherson on Monday, the governor said.", dt.date(2023, 6, 26)),
    ("Drones struck the port on Wednesday.", REF),                       # the reference's own weekday
    ("The village was hit late on Friday.", dt.date(2023, 6, 23)),
    ("Explosions were heard yesterday in Melitopol.", dt.date(2023, 6, 27)),
    ("Two missiles hit the city this morning.", REF),
    ("The regional capital was shelled today.", REF),
    ("Russian drones attacked Odesa last night.", dt.date(2023, 6, 27)),
    ("Russia launched 30 drones overnight, the air force said.", dt.date(2023, 6, 27)),
    ("The town was shelled at night and in the morning.", REF),
    ("Russian forces attacked Nikopol overnight on June 25.", dt.date(2023, 6, 25)),
    ("On May 14, a missile hit the railway station.", dt.date(2023, 5, 14)),
    ("The bridge was struck on 14 May.", dt.date(2023, 5, 14)),
    ("The attack took place on May 14, 2021.", dt.date(2021, 5, 14)),
    ("Shelling was recorded on 2023-05-14 near Bakhmut.", dt.date(2023, 5, 14)),
    ("The arrest was made on 14.05.2023 in Kherson.", dt.date(2023, 5, 14)),
    ("A grenade attack on a command post (May 18th).", dt.date(2023, 5, 18)),
    ("Monday's strike destroyed the dam.", dt.date(2023, 6, 26)),
])
def test_day_precision_dates(text, expected):
    assert first(text) == (expected, "day")


def test_month_day_without_year_is_not_after_reference():
    assert first("Partisans blew up a car on July 10.") == (dt.date(2022, 7, 10), "day")


def test_weekday_with_date_picks_a_year_where_they_agree():
    assert first("Troops entered the city on Thursday, March 3.") == (dt.date(2022, 3, 3), "day")


@pytest.mark.parametrize("text, expected, precision", [
    ("The car bomb went off late last month.", dt.date(2023, 5, 25), "month"),
    ("Fighting intensified early this month.", dt.date(2023, 6, 5), "month"),
    ("In September, gangs killed dozens in the town.", dt.date(2022, 9, 15), "month"),
    ("The rebels took the town at the end of April.", dt.date(2023, 4, 29), "month"),
    ("The depot burned in mid-May 2022.", dt.date(2022, 5, 15), "month"),
    ("Two villages were retaken earlier this week.", dt.date(2023, 6, 27), "week"),
    ("The base was attacked last week.", dt.date(2023, 6, 21), "week"),
    ("Russians recently shelled the border village.", dt.date(2023, 6, 27), "week"),
    ("The killings over the weekend shocked the city.", dt.date(2023, 6, 24), "week"),
    ("Over the past day, 14 settlements came under fire.", dt.date(2023, 6, 27), "day"),
    ("The offensive stalled last year.", dt.date(2022, 7, 1), "year"),
    ("Two days ago, a drone hit the refinery.", dt.date(2023, 6, 26), "day"),
])
def test_coarse_and_relative_expressions(text, expected, precision):
    assert first(text) == (expected, precision)


def test_relative_mentions_are_flagged_and_absolute_ones_are_not():
    found = find_dates("On Monday, after the strike of May 3, troops withdrew.", REF)
    assert [(m.text, m.relative) for m in found] == [("Monday", True), ("May 3", False)]


def test_offsets_match_text():
    text = "Officials said the shelling of Kupiansk on June 12 damaged homes."
    (m,) = find_dates(text, REF)
    assert text[m.start:m.end] == m.text == "June 12"


def test_statement_dates_are_marked_as_reporting():
    text = "A security source said Thursday that the attack on Tuesday killed 14."
    found = find_dates(text, REF)
    assert [(m.text, m.reporting) for m in found] == [("Thursday", True), ("Tuesday", False)]


def test_without_reference_relative_dates_are_dropped_and_absolute_kept():
    found = find_dates("Yesterday's strike followed the attack of 3 June 2022 and one on Monday.", None)
    assert [(m.date, m.precision) for m in found] == [(dt.date(2022, 6, 3), "day")]


def test_without_reference_year_comes_from_the_text():
    found = find_dates("In 2022 the city was hit on May 14 and again on 3 June.", None)
    assert [m.date for m in found if m.precision == "day"] == [dt.date(2022, 5, 14), dt.date(2022, 6, 3)]


def test_future_dates_are_never_returned():
    assert find_dates("Talks are planned for next Monday, next weekend and for 2030.", REF) == []


@pytest.mark.parametrize("text", [
    "The Su-25 and BM-21 units fired at 10:30, the 24/7 hotline said.",
    "A 152mm shell and 30% losses were reported.",
    "Officials may 2 or 3 times a day announce new curfews.",
])
def test_things_that_look_like_dates_are_ignored(text):
    assert find_dates(text, REF) == []


def test_year_only_mention_has_year_precision():
    assert first("The 2021 budget did not cover the army.") == (dt.date(2021, 7, 1), "year")


def test_anaphoric_dates_are_returned_for_chaining():
    text = "On the same day, a car exploded. The next day, a depot burned. Three days later a bridge fell."
    kinds = [(a.kind, a.offset_days) for a in find_anaphoric_dates(text)]
    assert kinds == [("same_day", 0), ("next_day", 1), ("offset", 3)]


def test_anaphoric_day_before_and_offset_before():
    text = "The day before, the town was shelled; 3 days before the liberation a curfew began."
    kinds = [(a.kind, a.offset_days) for a in find_anaphoric_dates(text)]
    assert kinds == [("day_before", -1), ("offset", -3)]
    assert find_dates(text, REF) == []


def test_future_month_year_is_dropped_whole():
    assert find_dates("Elections are due in December 2023.", REF) == []


def test_day_range_takes_first_day_with_week_precision():
    assert first("Fighting raged between 14 and 17 May.") == (dt.date(2023, 5, 14), "week")
    assert first("The town was shelled on the night of 5-6 June.") == (dt.date(2023, 6, 5), "day")


_WORDS = st.sampled_from(["on", "Monday", "May", "14", "2023", "last", "night", "week", "month", "late", "early",
                          "in", "September", ",", ".", "the", "next", "day", "yesterday", "24", "-", "/", "ago",
                          "two", "days", "overnight", "Feb.", "25", "10:30", "Su-25", "this", "year", "of"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=20).map(" ".join), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
def test_mentions_never_overlap_match_their_text_and_are_not_in_the_future(text, ref):
    found = find_dates(text, ref)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.date <= ref + dt.timedelta(days=1)
        assert m.precision in {"day", "week", "month", "year"}


def test_an_event_said_to_come_days_after_another_dates_the_other_before_it():
    from sitrep.nlp.dates import find_anaphoric_dates

    (a,) = find_anaphoric_dates("The attack came two days after Russian drones hit a grain terminal in Izmail.")
    assert a.offset_days == -2
    (b,) = find_anaphoric_dates("Two days later, drones hit a grain terminal in Izmail.")
    assert b.offset_days == 2


def test_a_month_in_capitals_is_a_month():
    from datetime import date as _d
    (d,) = find_dates("14 MARCH 2023", _d(2023, 3, 20))
    assert (d.date, d.precision) == (_d(2023, 3, 14), "day")


def test_a_year_in_a_name_is_no_date():
    assert find_dates("Protesters opposing the Finance Bill 2024 marched in Nairobi.", dt.date(2024, 6, 25)) == []
    assert first("The 2021 budget did not cover the army.") == (dt.date(2021, 7, 1), "year")


def test_a_few_days_ago_is_about_three_days_back_to_the_week():
    from datetime import date
    (d,) = [x for x in find_dates("A few days ago the army announced strikes.", date(2023, 11, 7))]
    assert d.date == date(2023, 11, 4) and d.precision == "week"


def test_the_day_a_statement_was_released_is_a_reporting_date():
    (d,) = find_dates("The commission, in a statement released on Monday, reported shelling in Burie.",
                      dt.date(2023, 8, 16))
    assert d.reporting
