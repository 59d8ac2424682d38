from sitrep.evaluate import match, name_skeleton, places_agree, score
from sitrep.model import Article, Event


def _pred(**kw) -> Event:
    base = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                event_date="2023-09-18", date_precision="day", location="Nova Kakhovka", admin1="Kherson",
                latitude=46.75, longitude=33.37, geo_precision=1, actor1_side="UKR")
    base.update(kw)
    return Event(**base)


def _gold(**kw) -> dict:
    base = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                event_date="2023-09-18", date_precision="day", location="Nova Kakhovka", admin1="Kherson",
                latitude=46.76, longitude=33.38, geo_precision=1, actor1_side="UKR", actor2_side=None,
                fatalities=None, claimed_by=None)
    base.update(kw)
    return base


def test_transliterations_share_a_skeleton():
    assert name_skeleton("Vasilyevka") == name_skeleton("Vasylivka")
    assert name_skeleton("Kharkov") == name_skeleton("Kharkiv")


def test_places_far_apart_with_other_names_disagree():
    assert not places_agree(_pred(location="Kyiv", latitude=50.45, longitude=30.52), _gold())


def test_region_only_gold_matches_same_admin1():
    assert places_agree(_pred(location="Oleshky", latitude=46.62, longitude=32.72),
                        _gold(location="Kherson", latitude=46.63, longitude=32.6, geo_precision=3))


def test_date_outside_day_window_does_not_match():
    assert match([_pred(event_date="2023-09-21")], [_gold()], strict=False) == []


def test_week_precision_widens_the_window():
    assert match([_pred(event_date="2023-09-21")], [_gold(date_precision="week")], strict=False) == [(0, 0)]


def test_strict_needs_the_event_type():
    p = _pred(event_type="Battles", sub_event_type="Armed clash")
    assert match([p], [_gold()], strict=False) == [(0, 0)]
    assert match([p], [_gold()], strict=True) == []


def test_matching_is_one_to_one_best_first():
    golds = [_gold(), _gold(location="Kakhovka", latitude=46.81, longitude=33.48)]
    preds = [_pred(location="Kakhovka", latitude=46.81, longitude=33.48)]
    assert match(preds, golds, strict=True) == [(0, 1)]


def test_score_counts_precision_recall_and_clean_negatives():
    art = Article(text="x", id="a")
    neg = Article(text="y", id="b")
    rep = score([(art, [_pred(), _pred(location="Kyiv", latitude=50.45, longitude=30.52)], [_gold()]), (neg, [], [])])
    assert rep["strict"]["tp"] == 1 and rep["strict"]["predicted"] == 2 and rep["strict"]["gold"] == 1
    assert rep["strict"]["precision"] == 0.5 and rep["strict"]["recall"] == 1.0
    assert rep["negatives_empty"] == "1/1"


def test_a_miss_at_the_region_on_the_right_day_is_named_so():
    from sitrep.evaluate import miss_class

    region = _pred(location="Kherson", latitude=46.64, longitude=32.61, geo_precision=3)
    assert miss_class([_gold(location="Tokarivka", latitude=47.0, longitude=33.3)], [region], "2023-09-19") == \
        {"place: right day, region instead of settlement": 1}


def test_a_miss_at_the_right_place_dated_on_publication_is_named_so():
    from sitrep.evaluate import miss_class

    late = _pred(event_date="2023-09-25")
    assert miss_class([_gold()], [late], "2023-09-25") == \
        {"date: right place, publication date instead of the event's": 1}


def test_a_miss_with_nothing_near_it_is_not_found():
    from sitrep.evaluate import miss_class

    assert miss_class([_gold()], [], None) == {"not found at all": 1}


def test_merge_pairs_counts_pairs_of_the_same_and_of_different_incidents():
    from sitrep.evaluate import merge_pairs
    score = merge_pairs({"a": "I1", "b": "I1", "c": "I2", "d": "I1"}, {"a": 0, "b": 0, "c": 0})
    assert (score.tp, score.fp, score.fn) == (1, 2, 2)     # d merged with nothing; c wrongly with a and b
    assert score.wrongly_merged == [("a", "c"), ("b", "c")]
    assert round(score.f1, 3) == 0.333
