"""Tolls a sentence splits by place ("two in X and one in Y")."""
import pytest

from sitrep.nlp.place_tolls import tolls_by_place


def _tolls(text: str, names: list[str]) -> list[int]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    got = tolls_by_place(text, spans)
    return [got[s][0] for s in spans] if got else []


@pytest.mark.parametrize("text, names, expected", [
    ("Shelling killed two civilians in Nikopol and one in Marhanets on Tuesday.", ["Nikopol", "Marhanets"], [2, 1]),
    ("Elders buried 12 dead people in Kawo and about 6 others in Dansadau.", ["Kawo", "Dansadau"], [12, 6]),
    ("Six people were killed in Chuhuiv, five in Kharkiv and one in the village of Bezruky.",
     ["Chuhuiv", "Kharkiv", "Bezruky"], [6, 5, 1]),
])
def test_each_place_gets_the_figure_written_before_it(text, names, expected):
    assert _tolls(text, names) == expected


@pytest.mark.parametrize("text, names", [
    ("Shelling killed two people in Nikopol and wounded three in Marhanets.", ["Nikopol", "Marhanets"]),
    ("Russian forces shelled Nikopol and Marhanets, killing three.", ["Nikopol", "Marhanets"]),
    ("Two houses burned in Nikopol and one shop in Marhanets.", ["Nikopol", "Marhanets"]),
])
def test_no_split_without_a_death_figure_for_every_place(text, names):
    assert _tolls(text, names) == []


def test_one_each_in_a_list_of_places_gives_every_place_that_figure():
    text = ("Russians killed 5 residents on 26 May: two in Antonivka, and one in [each of the settlements of] "
            "Siversk, Krasnohorivka and Chasiv Yar.")
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Antonivka", "Siversk", "Krasnohorivka", "Chasiv Yar")]
    assert [v for v, _ in tolls_by_place(text, spans).values()] == [2, 1, 1, 1]
