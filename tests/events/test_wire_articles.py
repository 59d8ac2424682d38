"""Small wire-style articles written for these tests (not copies of any real report), with the events an ACLED
coder would code from them."""
from pathlib import Path


from sitrep.ingest import read_inputs
from sitrep.pipeline import extract_article

HERE = Path(__file__).parent / "articles"


def _events(name: str):
    (article,) = list(read_inputs([str(HERE / name)]))
    return extract_article(article)


def _at(events, location):
    return [e for e in events if e.location == location]


def test_daily_summary_splits_by_place_with_each_toll():
    evs = _events("daily-summary.txt")
    (kupiansk,) = _at(evs, "Kupiansk")
    (vovchansk,) = _at(evs, "Vovchansk")
    assert kupiansk.sub_event_type == "Shelling/artillery/missile attack" and kupiansk.fatalities == 1
    assert vovchansk.sub_event_type == "Air/drone strike" and vovchansk.fatalities == 2
    assert all(e.actor1_side == "RUS" for e in evs)


def test_daily_summary_dates_follow_the_dateline():
    evs = _events("daily-summary.txt")
    assert {e.event_date for e in _at(evs, "Kupiansk")} <= {"2024-08-07", "2024-08-08"}


def test_junta_air_strike_is_coded_with_the_state_actor():
    evs = _events("myanmar-airstrike.txt")
    strikes = [e for e in evs if e.sub_event_type == "Air/drone strike"]
    assert strikes and strikes[0].actor1 == "Military Forces of Myanmar (2021-)"
    assert strikes[0].admin1 == "Sagaing" and strikes[0].fatalities == 11
    assert strikes[0].event_date == "2024-11-01"


def test_contested_capture_is_a_disputed_armed_clash():
    (ev,) = _events("contested-capture.txt")
    assert ev.sub_event_type == "Armed clash" and ev.actor1_side == "RUS"
    assert ev.admin1 == "Donetsk" and ev.certainty == "disputed"


def test_gang_attack_on_a_town_is_violence_against_civilians():
    evs = _events("haiti-gangs.txt")
    assert evs and evs[0].event_type == "Violence against civilians"
    assert evs[0].country == "Haiti" and evs[0].fatalities == 20 and evs[0].event_date == "2024-10-03"


def test_strike_on_a_camp_inside_a_region_is_one_event_with_the_toll():
    (ev,) = _events("gaza-school.txt")
    assert ev.sub_event_type == "Air/drone strike" and ev.fatalities == 17
    assert ev.actor1 == "Military Forces of Israel (2022-)" and ev.admin1 == "Gaza Strip"


def test_police_shooting_at_protesters_is_excessive_force():
    (ev,) = _events("nairobi-protest.txt")
    assert ev.sub_event_type == "Excessive force against protesters" and ev.fatalities == 5
    assert ev.location == "Nairobi" and ev.event_date == "2024-06-25"


def test_analysis_with_forecasts_and_background_yields_nothing():
    assert _events("sudan-analysis.txt") == []
