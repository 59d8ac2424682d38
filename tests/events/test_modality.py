from sitrep.events.classify import CueLexicon
from sitrep.events.modality import is_reportable


def _check(sentence: str, explicit_day: bool = False, day_frame: bool = False) -> bool:
    cues = CueLexicon.default()
    c = cues.classify(sentence)
    assert c is not None, sentence
    return is_reportable(sentence, c.hits, c.trigger, explicit_day, day_frame)[0]


def test_a_reported_strike_is_an_event():
    assert _check("Russian forces shelled Nikopol on Friday.")


def test_a_threat_is_not_an_event():
    assert not _check("The commander threatened to shell the city.")


def test_a_forecast_is_not_an_event():
    assert not _check("Officials said Russian troops could shell the town within days.")


def test_a_negated_attack_is_not_an_event():
    assert not _check("They did not attempt to capture the town by force.")


def test_habitual_shelling_without_a_day_is_background():
    assert not _check("Since then, the occupiers have regularly been shelling border villages.")


def test_habit_word_with_an_explicit_day_still_counts():
    assert _check("On Monday, Russian troops again shelled the village, which is regularly targeted.", explicit_day=True)


def test_irrealis_in_another_clause_does_not_block():
    assert _check("Russian troops shelled Kherson on Monday; officials warned that more strikes would follow.")


def test_threat_after_a_nominal_trigger_is_not_an_event():
    assert not _check("Imprisonment and execution were threatened for resistance to the occupiers.")


def test_a_total_inside_a_day_frame_reports_that_days_shelling():
    assert _check("In total, Russian troops shelled 14 settlements of the district.", day_frame=True)


def test_a_total_with_no_day_is_a_campaign_tally():
    assert not _check("In total, Russian troops shelled 14 settlements of the district.")


def test_a_habit_inside_a_day_frame_is_still_background():
    assert not _check("The occupiers regularly shell the villages of the district.", day_frame=True)


def test_a_city_being_pummelled_is_a_state_described_not_an_event():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article
    text = ("KYIV, May 14 (Reuters) - Zelenskiy told Blinken that Ukraine needs two air defence batteries for the "
            "city of Kharkiv, being pummelled by Russian air strikes.")
    assert extract_article(Article(text=text, id="t", published="2024-05-14", language="en")) == []


def test_settlements_that_an_army_liberated_months_ago_are_background():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article
    text = ("KYIV, July 27 - The village lies near a group of settlements in Donetsk Oblast that Ukraine liberated "
            "in early June, the army said.")
    assert extract_article(Article(text=text, id="t", published="2023-07-27", language="en")) == []


def test_a_trend_of_attacks_is_no_event():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article

    evs = extract_article(Article(text="ERBIL - ISIS attacks have been on the rise recently, especially in territories "
                                       "disputed between Erbil and Baghdad.", id="t", published="2021-12-07", language="en"))
    assert evs == []


def test_a_siege_tightened_in_a_bid_to_capture_a_city_is_no_capture():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article

    evs = extract_article(Article(text="El Fasher has been embroiled in conflict since May last year, with the RSF "
                                       "tightening its siege in a bid to capture the city.", id="t",
                                  published="2025-03-31", language="en"))
    assert all(e.event_type != "Battles" for e in evs)



def test_a_participle_describing_a_noun_is_no_event():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article
    evs = extract_article(Article(text="Hope and despair side by side in the liberated south NESKUCHNE, DONETSK "
                                  "OBLAST - Vitalii Ivanov stepped across the floor of his family home.", id="t",
                                  published="2023-10-26", language="en"))
    assert evs == []
