"""Look-alikes refused: a place read elsewhere than the text puts it is not the place the text means."""
import pytest
from sitrep.model import Article
from sitrep.pipeline import extract_article


def _events(text: str, published: str = "2024-05-10"):
    return extract_article(Article(text=text, id="t", published=published, language="en"))


def test_a_village_under_another_name_in_a_region_the_text_does_not_name_is_not_it(geo):
    text = ("MOSCOW, May 10 (Reuters) - Governor Vyacheslav Gladkov said Ukrainian shelling damaged homes in the "
            "Belgorod region on Thursday. He said a drone later struck the village of Petrovka, wounding a man.")
    (m,) = [m for m in geo.find_mentions(text) if m.name == "Petrovka"] or [None]
    assert m is None or m.place.admin1 == "Belgorod"


def test_a_township_named_inside_a_region_is_not_its_namesake_abroad():
    (ev,) = _events("BANGKOK, June 30 (AP) - Military jets bombed two villages in Pale township in Myanmar's "
                    "Sagaing region on Tuesday, killing four people, residents said.")
    assert ev.country == "Myanmar" and ev.admin1 == "Sagaing"


def test_the_dateline_city_does_not_make_the_article_about_its_country():
    (ev,) = _events("BANGKOK, June 30 (AP) - Military jets bombed two villages in Pale township in Myanmar's "
                    "Sagaing region on Tuesday, killing four people, residents said.")
    assert ev.actor1 == "Military Forces of Myanmar (2021-)"


def test_a_hamlet_abroad_lends_the_article_no_country(geo):
    ctx = geo.context("BANGKOK (AP) - A fighter jet bombed a school in Let Yet Kone village in Sagaing region, "
                      "residents said. Sagaing is a stronghold of the resistance in Myanmar.")
    assert ctx.countries <= {"TH", "MM"}


def test_a_village_named_inside_a_region_keeps_that_region_when_its_namesakes_lie_elsewhere():
    (ev,) = _events("KHERSON, May 10 - Russian shelling killed a farmer in Pervomaiske in the Kherson region on "
                    "Friday, police said.")
    assert ev.location == "Pervomaiske" and ev.admin1 == "Kherson"



def test_one_of_many_namesakes_is_not_taken_from_a_region_the_text_never_names():
    evs = _events("KHERSON, May 10 - Russian forces shelled the Kherson region on Thursday, governor Oleksandr "
                  "Prokudin said. A drone struck a car on the road between Bilozerka and Oleksandrivka, he said.")
    assert {e.admin1 for e in evs} == {"Kherson"}


def test_a_township_of_a_region_named_by_its_capital_is_not_abroad():
    evs = _events("YANGON, June 30 (AP) - Myanmar's military bombed villages in Pale township of Sagaing on Tuesday, "
                  "killing four people.")
    assert {e.country for e in evs} == {"Myanmar"}


def test_a_county_named_before_an_office_stays_a_place(geo):
    ms = geo.find_mentions("Police in Los Angeles County Sheriff Office said two men were arrested.")
    assert [m.name for m in ms] == ["Los Angeles County"]


def test_a_town_inside_an_armed_group_s_name_is_not_a_place():
    evs = _events("Suspected Boko Haram fighters have killed four farmers in Kuwarda, a village of Gwoza Local "
                  "Government Area. The attack occurred on Thursday evening, a local official said.")
    assert not [e for e in evs if e.country != "Nigeria"]


def test_a_demonym_before_a_drone_is_no_spelling_of_a_village(geo):
    text = "Two women were wounded in a Russian UAV attack in the city on Thursday."
    assert not [m for m in geo.find_mentions(text) if m.place is not None and m.place.admin1 == "Kyiv"]


def test_a_spelling_variant_over_the_border_is_not_the_village(geo):
    from sitrep.geo import descriptors
    from sitrep.geo.mention_scan import RawMention
    from sitrep.geo.mentions import _variant_abroad
    from sitrep.geo.resolve import Context, retrieve, score

    ranked = score(retrieve(geo.gaz, "Volfino"), Context(), None)
    assert ranked and ranked[0].entry.cc == "UA" and ranked[0].kind != "exact"     # Volfyne, Sumy: a variant
    raw = RawMention(0, 7, descriptors.Phrase("Volfino", None, False, ""), ranked, False, True)
    assert _variant_abroad(raw, Context(admin1={("RU", "Kursk"), ("RU", "Bryansk")}))
    assert not _variant_abroad(raw, Context(admin1={("RU", "Kursk"), ("UA", "Sumy")}))


def test_a_city_under_its_old_spelling_stays_the_city_in_a_report_from_russia(geo):
    text = ("MOSCOW, May 10 - Air defences destroyed drones over the Bryansk region, the ministry said, blaming "
            "the Kiev regime.")
    (m,) = [m for m in geo.find_mentions(text) if m.name == "Kiev"]
    assert m.place.name == "Kyiv"


def test_the_district_a_summary_names_first_holds_the_village_after_it(geo):
    text = ("Shelling was recorded in the Kharkiv region:\n- 20:05, Chuhuiv district, Rubizhne village. Three houses "
            "burned.\n- 18:17, Kharkiv district, the village of Ruski Tyshky. A house was destroyed.")
    (m,) = [m for m in geo.find_mentions(text) if m.name.startswith("Rubizhne")]
    assert m.place.admin1 == "Kharkiv" and m.place.admin2 == "Chuhuiv Raion"


def test_a_compass_region_written_as_one_word_is_the_region_of_the_country_in_the_text(geo):
    text = ("YAOUNDE (Xinhua) - Gunmen raided a village in Cameroon's English-speaking region of Southwest, "
            "residents said. The Northwest and Southwest have seen a separatist insurgency since 2017.")
    regions = {(m.name, m.place.country) for m in geo.find_mentions(text) if m.name in ("Southwest", "Northwest")}
    assert regions == {("Southwest", "Cameroon"), ("Northwest", "Cameroon")}


def test_a_compass_word_is_no_region_of_a_country_the_text_does_not_name(geo):
    text = "Storms hit the Northeast on Tuesday, closing schools in Boston and Hartford, Connecticut."
    assert not [m for m in geo.find_mentions(text) if m.name == "Northeast" and m.place.country != "United States"]


@pytest.mark.parametrize("text", [
    # "Northwest", a hamlet of North Carolina, in a report on Cameroon
    "Fighting in Cameroon's Anglophone regions has killed thousands. Residents of Bamenda said soldiers came from "
    "Northwest on Monday.",
    # "Ma Gyi Sauk village" is no Sauk County, Wisconsin; "War Yaung village" no War, West Virginia
    "BANGKOK (AP) - Junta troops raided Ma Gyi Sauk village in Ayadaw township, Sagaing Region, Myanmar, on "
    "Thursday. A resistance base near War Yaung village was also attacked.",
])
def test_a_hamlet_or_county_of_a_country_no_other_name_of_the_text_lies_in_is_refused(geo, text):
    assert not [m for m in geo.find_mentions(text) if m.place.country == "United States"]


def test_a_hamlet_stays_when_another_place_of_its_country_is_named(geo):
    text = ("BANTAM - A Danbury mason was arraigned in Bantam Superior Court on Tuesday. He is a native of "
            "Mexico.")
    assert any(m.name.lower() == "bantam" and m.place.country == "United States" for m in geo.find_mentions(text))


def test_the_english_name_of_a_region_is_read_in_the_country_the_text_is_about(geo):
    text = ("LOME (Reuters) - Togo's army repelled an attack near the border with Burkina Faso. On Monday, Togolese "
            "authorities declared a state of emergency in the Savannah region in the far north of Togo.")
    (m,) = [m for m in geo.find_mentions(text) if m.name.startswith("Savannah")]
    assert m.place.country == "Togo"


def test_the_end_of_a_name_after_a_particle_is_no_place(geo):
    text = "The ELN rejected talks with the Comuneros del Sur group in Narino, Colombia, on Monday."
    assert not [m for m in geo.find_mentions(text) if m.name == "Sur"]


def test_a_hamlet_alone_does_not_put_the_article_in_its_region(geo):
    text = ("KHARKIV - Russian troops attacked near Stepova Novoselivka, Kolesnykivka and Berestove in Kharkiv "
            "Oblast on Thursday, Governor Oleh Syniehubov said. Kharkiv Oblast is under daily fire.")
    (m,) = [m for m in geo.find_mentions(text) if m.name == "Kolesnykivka"]
    assert m.place.admin1 == "Kharkiv"


def test_the_head_of_a_name_running_on_with_an_arabic_article_is_no_place(geo):
    text = "Israeli aircraft struck a house in Tal al-Sultan in Rafah on Sunday, the civil defence said."
    assert [m.place.country for m in geo.find_mentions(text)] == ["Palestinian Territory"]


def test_a_place_inside_a_town_is_not_a_namesake_in_another_country():
    (ev,) = _events("GAZA, April 20 (Reuters) - An Israeli air strike hit a house in Tal in Rafah overnight, "
                    "killing nine people, the civil defence said.")
    assert ev.country == "Palestinian Territory"


def test_a_region_of_a_country_the_text_names_is_not_a_namesake_department_abroad(geo):
    text = ("Islamist rebels killed 22 civilians in an overnight raid in the DR Congo's troubled Beni region "
            "bordering Uganda, local officials said.")
    beni = [m.place for m in geo.find_mentions(text) if m.name.startswith("Beni")]
    assert beni and all(p.country == "Democratic Republic of the Congo" for p in beni)
