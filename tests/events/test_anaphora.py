"""A place named only as "the city" or "the capital" is the one the article named before."""
from sitrep.model import Article
from sitrep.pipeline import extract_article


def _events(text: str, published: str = "2022-08-18"):
    return extract_article(Article(text=text, id="t", published=published, language="en"))


def test_the_city_is_the_town_named_before():
    evs = _events("KYIV - A Russian missile strike killed six people in Kharkiv on Wednesday, the governor said.\n\n"
                  "The strike destroyed a block of flats.\n\n"
                  "On Monday, Russian shelling in the city killed one person, police said.")
    monday = [e for e in evs if e.event_date == "2022-08-15"]
    assert [(e.location, e.fatalities) for e in monday] == [("Kharkiv", 1)]


def test_the_capital_is_the_capital_of_the_country_the_article_is_about():
    evs = _events("KYIV - Russia launched drones at Ukraine overnight, Ukraine's air force said on Thursday.\n\n"
                  "Ten drones were shot down over the capital on Wednesday night, officials said.")
    assert any(e.location == "Kyiv" and e.sub_event_type == "Disrupted weapons use" for e in evs)


def test_the_city_of_a_named_place_is_that_place_not_an_earlier_one():
    evs = _events("Russian troops shelled Nikopol on Tuesday, the governor said.\n\n"
                  "On Wednesday, Russian forces shelled the city of Marhanets, killing two residents.")
    assert {e.location for e in evs} == {"Nikopol", "Marhanets"}


def test_a_capital_that_acts_stands_for_its_government_not_for_a_place():
    evs = _events("BRYANSK - Ukrainian drones attacked the village of Klimovo in Bryansk region on Wednesday, the "
                  "governor said.\n\nKyiv also tried to attack a TV tower, the governor said.", "2023-08-31")
    assert "Kyiv" not in {e.location for e in evs}


def test_an_attempt_made_to_attack_a_depot_is_a_reported_attack():
    evs = _events("VORONEZH - Drones attacked an oil depot in the Voronezh region on Friday, the governor said.\n\n"
                  "He said an attempt was made to attack the oil depot with drones in the Liski district of "
                  "Voronezh region.", "2024-06-14")
    assert [e.location for e in evs] == ["Liski"]


def test_the_camp_is_the_camp_last_named():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article
    evs = extract_article(Article(text="EL FASHER, May 23 - The emergency room of Zamzam camp for displaced people near "
                                       "El Fasher announced the death of a volunteer.\n\nThe emergency room said there "
                                       "were casualties among citizens in the camp as a result of the shelling on "
                                       "Wednesday.", id="t", published="2024-05-23", language="en"))
    assert [e.location for e in evs if e.sub_event_type.startswith("Shelling")] == ["Zamzam"]
