"""Places in clauses of their own each get what their clause says happened there."""
from sitrep.model import Article
from sitrep.pipeline import extract_article


def _events(text: str):
    return {e.location: e for e in extract_article(Article(text=text, id="t", published="2024-03-14", language="en"))}


def test_each_clause_gives_its_place_its_own_weapon_and_toll():
    evs = _events("At Huliaipole, a Russian drone killed a man on Wednesday, while in Orikhiv Russian shelling "
                  "killed two women, the governor said.")
    assert evs["Huliaipole"].sub_event_type == "Air/drone strike" and evs["Huliaipole"].fatalities == 1
    assert evs["Orikhiv"].sub_event_type == "Shelling/artillery/missile attack" and evs["Orikhiv"].fatalities == 2


def test_places_of_one_clause_share_its_action_and_no_one_toll():
    evs = _events("Russian forces shelled Nikopol and Marhanets on Wednesday, killing three people, the governor said.")
    assert {e.sub_event_type for e in evs.values()} == {"Shelling/artillery/missile attack"}
    assert [e.fatalities for e in evs.values()] == [None, None]


def test_a_clause_after_and_with_its_own_action_and_place_is_its_own_event():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article

    evs = extract_article(Article(text="The governor said on Wednesday that Kreminna was shelled from aircraft, and "
                                       "positional battles in Popasna are still ongoing.", id="t",
                                  published="2022-03-30", language="en"))
    assert {(e.location, e.event_type) for e in evs} == {("Kreminna", "Explosions/Remote violence"),
                                                         ("Popasna", "Battles")}


def test_a_list_of_villages_each_with_its_own_weapon_is_one_event_per_village():
    evs = _events("CHERNIHIV, May 10 - Russian forces shelled three border villages on Thursday, the border guard "
                  "service said.\n- Semenivka community: in the direction of Karpovychi village - two hits, probably "
                  "from a 120-mm mortar; in the direction of Leonivka village - one hit from an FPV drone; in the "
                  "direction of Orlykivka village - ten hits from cannon artillery.")
    assert set(evs) >= {"Karpovychi", "Leonivka", "Orlykivka"}
    assert evs["Leonivka"].sub_event_type == "Air/drone strike"
    assert evs["Orlykivka"].sub_event_type == "Shelling/artillery/missile attack"
