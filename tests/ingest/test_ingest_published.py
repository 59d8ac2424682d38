"""infer_published: a publication date from the article's own text, for articles that come without one."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.ingest.published import infer_published

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("text, expected", [
    ("KYIV, Feb 25 (Reuters) - Russian shelling hit Nikopol. (c) 2023 Reuters", "2023-02-25"),
    ("KYIV, Feb. 25, 2023 (Reuters) - Russian shelling hit Nikopol.", "2023-02-25"),
    ("February 25, 2023 — Russian shelling hit Nikopol overnight.", "2023-02-25"),
    ("Nikopol shelled\n date 2024-05-22 Russian troops have attacked the town.", "2024-05-22"),
    ("Officials said on Monday, May 30 that shelling had intensified in 2022.", "2022-05-30"),
    ("The attack of 25 February 2023 was followed by another on March 3, 2023.", "2023-03-03"),
    ("Shelling, reported 2023-02-24, resumed.", "2023-02-24"),
    ("Copyright © 2022 Dow Jones & Company. Troops advanced on Thursday.", "2022-07-01"),
    ("Copyright 2021 AP. The attack on March 14 killed two; on May 2 another followed.", "2021-05-02"),
])
def test_dates_inferred_from_text(text, expected):
    assert infer_published(text, today=TODAY) == expected


def test_weekday_picks_a_year_where_that_day_is_that_weekday():
    # May 30 is a Monday in 2022 and 2016, not in 2023 (named in the text): the year must agree with the weekday.
    assert infer_published("On Monday, May 30, troops moved. Elections are due in 2023.", today=TODAY) == "2022-05-30"
    assert infer_published("Strikes on Tuesday, May 30 hit Kyiv.", today=TODAY) == "2023-05-30"


def test_dateline_without_year_or_hint_takes_the_latest_past_year():
    assert infer_published("KYIV, Dec 25 (Reuters) - Drones struck.", today=TODAY) == "2025-12-25"
    assert infer_published("KYIV, Nov 25 (Reuters) - Drones struck.", today=TODAY) == "2026-11-25"


def test_future_and_impossible_dates_are_ignored():
    assert infer_published("The vote is set for March 3, 2031. It was announced on February 30, 2024.",
                           today=TODAY) is None


def test_text_with_no_date_gives_none():
    assert infer_published("Russian forces shelled the village on Tuesday.", today=TODAY) is None
    assert infer_published("", today=TODAY) is None


def test_archive_token_wins_over_dates_in_the_body():
    text = "Headline\n date 2023-01-13 Explosions rang out. The invasion began on February 24, 2022."
    assert infer_published(text, today=TODAY) == "2023-01-13"
