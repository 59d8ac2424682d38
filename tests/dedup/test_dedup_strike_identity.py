"""Target and weapon are identity: on a hand-written multi-outlet set, distractor strikes (same city, same day,
another weapon or target) are never merged, and the same target with different tolls is one event."""
from __future__ import annotations

from strike_set import ARTICLES

from sitrep.evaluate import merge_pairs
from sitrep.model import Article
from sitrep.pipeline import extract_articles


def _clusters() -> tuple[dict[str, str], dict[str, int]]:
    articles = [Article(id=aid, text=text, title=None, published=pub) for aid, _, pub, text in ARTICLES]
    truth = {aid: key for aid, key, _, _ in ARTICLES}
    found: dict[str, int] = {}
    for n, ev in enumerate(extract_articles(articles).events):
        for s in ev.sources:
            found.setdefault(s.article_id, n)
    return truth, found


def test_no_distractor_strike_is_merged_and_outlets_agree():
    score = merge_pairs(*_clusters())
    print(f"strike set: pairwise F1 {score.f1:.3f}, distractor pairs merged {score.fp}")
    assert score.fp == 0
    assert score.f1 >= 0.6


def _merged(*items: tuple[str, str, str]) -> list[set[str]]:
    articles = [Article(id=aid, text=text, title=None, published=pub) for aid, pub, text in items]
    return [{s.article_id for s in ev.sources} for ev in extract_articles(articles).events]


def test_a_printing_house_is_a_plant_not_a_house():
    groups = _merged(
        ("a", "2024-05-23", "KHARKIV, May 23 - Russian S-300 missiles destroyed a printing house in Kharkiv on Thursday, "
                            "killing seven workers, governor Oleh Syniehubov said."),
        ("b", "2024-05-23", "Seven people were killed when Russian missiles hit a large printing plant in Kharkiv on "
                            "Thursday, officials said."))
    assert {"a", "b"} in groups


def test_an_undated_lead_published_the_next_morning_is_the_evening_before_event():
    groups = _merged(
        ("a", "2025-04-04", "KRYVYI RIH, April 4 - A Russian ballistic missile struck a residential area of Kryvyi Rih "
                            "on Friday, killing 16 people, the regional governor said."),
        ("b", "2025-04-05", "A Russian missile attack on Kryvyi Rih killed 19 people, including nine children, local "
                            "officials said."))
    assert {"a", "b"} in groups


def test_two_strikes_dated_on_consecutive_days_stay_apart():
    groups = _merged(
        ("a", "2025-04-04", "KRYVYI RIH, April 4 - A Russian ballistic missile struck a residential area of Kryvyi Rih "
                            "on Friday, killing 16 people, the regional governor said."),
        ("b", "2025-04-05", "KRYVYI RIH, April 5 - A Russian missile struck a residential area of Kryvyi Rih on "
                            "Saturday, killing two people, the regional governor said."))
    assert {"a", "b"} not in groups


def test_an_unidentified_attacker_is_no_side_of_the_country_in_its_name():
    from sitrep.dedup.score import side
    assert side("Unidentified Armed Group (Ukraine)", "UNKNOWN") is None
    assert side("Military Forces of Ukraine (2019-)", None) == "UKR"


def test_the_speaker_of_a_headline_is_not_the_strikes_author():
    from sitrep.pipeline import extract_article
    (ev,) = extract_article(Article(id="h", title=None, published="2024-05-25", text=(
        "Eight injured in new Kharkiv strike, mayor says\n\nA new strike on a residential area of central Kharkiv on "
        "Saturday injured eight people, Mayor Ihor Terekhov said on the Telegram messaging app.")))
    assert ev.actor1_side != "UKR"
