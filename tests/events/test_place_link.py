"""The place linker: the event's place among the mentions around it, by the fitted weights."""
import json

from sitrep.data import data_file
from sitrep.events.place_fit import fit_weights
from sitrep.events.place_link import MODEL_FILE, PlaceModel
from sitrep.model import Article
from sitrep.pipeline import extract_article


def _events(text: str):
    return extract_article(Article(text=text, published="2024-03-08", language="en"))


def test_the_shipped_model_names_its_features_and_what_it_was_fit_on():
    spec = json.loads(data_file(MODEL_FILE).read_text(encoding="utf-8"))
    assert {"bias", "src_sentence", "settlement", "qualifier"} <= set(spec["weights"])
    assert spec["fit_on"]["decisions"] > 0 and spec["command"].startswith("python -m sitrep.events.place_fit")


def test_a_place_that_qualifies_an_official_is_less_likely_than_where_it_happened():
    model = PlaceModel.default()
    where = {"src_sentence": 1.0, "settlement": 1.0, "locative": 1.0, "in_clause": 1.0, "rule_kept": 1.0}
    whose = {**where, "qualifier": 1.0, "locative": 0.0, "rule_kept": 0.0}
    assert model.prob(where) > model.prob(whose)


def test_the_place_a_speaker_is_named_for_is_not_where_the_strike_fell():
    (ev,) = _events("Moscow said on Thursday its air defences had shot down six drones over the Belgorod region.")
    assert ev.admin1 == "Belgorod"


def test_a_bullet_without_a_place_takes_the_city_of_the_line_before():
    evs = _events("Kharkiv:\nA guided bomb hit an apartment block on Thursday, killing three residents, "
                  "Governor Oleh Syniehubov said.")
    assert [e.location for e in evs] == ["Kharkiv"]


def test_fitting_separates_features_that_separate_the_labels():
    rows = [({"a": 1.0}, True)] * 8 + [({"a": 0.0}, False)] * 8 + [({"a": 1.0}, False), ({"a": 0.0}, True)]
    w = fit_weights(rows)
    assert w["a"] > 1.0 and w["bias"] < 0


def test_the_settlement_wins_over_the_region_that_holds_it():
    (ev,) = _events("Dniprorudne mayor Yevhen Matveyev was abducted by Russian forces in the Zaporizhzhia region "
                    "on Sunday, Ukraine's foreign ministry said.")
    assert (ev.location, ev.admin1) == ("Dniprorudne", "Zaporizhzhia")


def test_a_town_that_only_locates_a_village_is_not_a_second_event():
    evs = _events("Suspected jihadists killed at least 15 civilians in an attack on the village of Djiguibombo, "
                  "near Bandiagara in central Mali, on Thursday, local officials said.")
    assert [e.location for e in evs] == ["Djiguibombo"]


def test_where_a_spokesman_spoke_is_not_where_the_fighting_was():
    evs = _events("The army spokesman said at a press conference in Mogadishu that troops recaptured the town of "
                  "Mahas in Hiiraan region on Thursday.")
    assert "Mogadishu" not in [e.location for e in evs]



def test_every_member_of_a_long_list_of_attacked_villages_is_an_event():
    names = ["Tiahynka", "Beryslav", "Antonivka", "Bilozerka", "Komyshany", "Stanislav", "Mylove", "Novoraisk",
             "Sablukivka", "Shyroka Balka", "Zmiivka", "Odradokamyanka"]
    evs = _events("Thus, over the past day, Russian drones attacked the Kherson region's communities of "
                  + ", ".join(names[:-1]) + " and " + names[-1] + ", the regional administration said.")
    assert len({e.location for e in evs}) == len(names)


def test_an_unknown_village_lies_at_the_district_town_the_text_puts_it_in():
    (ev,) = _events("Pemba (MOZTIMES) - A group of insurgents attacked the village of Ntapwe on Monday night, in "
                    "the district of Mocimboa da Praia, northern Cabo Delgado province.")
    assert ev.location == "Ntapwe" and ev.geo_precision == 2
    assert abs(ev.latitude - -11.35) < 0.2 and abs(ev.longitude - 40.35) < 0.2   # Mocimboa da Praia, not Pemba


def test_a_district_of_a_city_is_coded_to_the_city():
    (ev,) = _events("Russian forces attacked the Korabelnyi district of Kherson with a drone on Thursday, "
                    "injuring a 63-year-old man, the regional administration said.")
    assert ev.location == "Kherson" and ev.admin1 == "Kherson"


def test_an_item_line_that_only_says_where_places_the_sentence_under_it():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article

    text = ("The head of the regional administration said enemy shelling was recorded:\n"
            "- 18:17, Kharkiv district, the village of Ruski Tyshky. The shelling destroyed a house and 4 outbuildings.\n"
            "- 17:50, Kupyansk district, Kupyansk-Vuzlovyi village. The shelling destroyed a private house and a garage.\n"
            "- 13:35, Chuhuiv district, Eskhar village. As a result of the shelling, grass and trees burned.\n"
            "- 12:35, Kupyansk district, Podoly village. A household building was burning as a result of the shelling.\n")
    evs = extract_article(Article(text=text, id="t", published="2024-09-02", language="en"))
    assert sorted(e.location for e in evs) == ["Eskhar", "Kupiansk-Vuzlovyi", "Podoly", "Ruski Tyshky"]


def test_places_after_the_same_words_in_one_sentence_are_one_list():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article

    text = ("MOSCOW, June 23 - On-duty air defences intercepted and destroyed 20 UAVs over the territory of the "
            "Kursk Region, 4 UAVs over the territory of the Oryol Region and one UAV over the territory of the "
            "Voronezh Region overnight, the Defence Ministry said.")
    evs = extract_article(Article(text=text, id="t", published="2024-06-23", language="en"))
    assert len(evs) == 3 and {"Kursk", "Voronezh"} <= {e.admin1 for e in evs}


def test_as_a_result_of_the_shelling_under_an_item_line_is_an_event_however_the_parse_hangs_it():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article

    text = ("The head of the Kharkiv regional administration said enemy shelling was recorded:\n"
            "- 20:05, Chuhuiv district, Rubizhne village. As a result of the shelling 3 private houses were burning.\n"
            "- 13:35, Chuhuiv district, Eskhar village. As a result of the shelling, grass, reeds, branches and trees "
            "burned on the area of 2 hectares.\n")
    evs = extract_article(Article(text=text, id="t", published="2024-09-02", language="en"))
    assert sorted(e.location for e in evs) == ["Eskhar", "Rubizhne"]
