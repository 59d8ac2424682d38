"""Settlements the gazetteer cannot pin down keep their own name inside the region the text gives."""
from sitrep.model import Article
from sitrep.pipeline import extract_article


def _events(text: str, published: str = "2024-05-10"):
    return extract_article(Article(text=text, published=published, language="en"))


def test_an_unknown_village_in_a_frame_keeps_its_name_and_its_region():
    evs = _events("KHARTOUM, May 10 (Reuters) - Paramilitary fighters killed 31 people in Umm Qarqaria village in "
                  "North Kordofan state on Thursday, a local rights group said.")
    (ev,) = evs
    assert ev.location == "Umm Qarqaria" and ev.admin1 == "North Kordofan" and ev.country == "Sudan"
    assert ev.geo_precision == 3 and ev.fatalities == 31


def test_an_ambiguous_village_is_read_inside_the_region_named_beside_it():
    (ev,) = _events("Russian forces shelled the village of Petrivka in Ukraine's Donetsk region on Thursday, "
                    "killing two civilians, the regional governor said.")
    assert ev.location == "Petrivka" and ev.admin1 == "Donetsk"


def test_a_name_that_only_looks_like_a_village_abroad_is_not_placed_abroad():
    (ev,) = _events("BAMAKO, May 10 (AFP) - Jihadists attacked the Kerena Dogo base in Mali's Mopti region on "
                    "Thursday, killing eight soldiers, the army said.")
    assert ev.country == "Mali" and ev.location == "Kerena Dogo"


def test_a_region_lead_and_the_village_it_introduces_are_one_event():
    evs = _events("A 61-year-old man was killed in Ukraine's Kherson region on Thursday in a Russian attack, "
                  "Governor Oleksandr Prokudin said.\nPrudnikov said a drone hit his house in the village of "
                  "Tiahynka.")
    assert [(e.location, e.fatalities) for e in evs] == [("Tiahynka", 1)]


def test_a_name_the_text_puts_inside_a_region_is_a_place_of_that_region():
    (ev,) = _events("GAO, Mali, May 9 (Reuters) - Gunmen killed 14 villagers in Boni in Mali's Mopti region on "
                    "Wednesday, local officials said.")
    assert (ev.location, ev.admin1, ev.country, ev.fatalities) == ("Boni", "Mopti", "Mali", 14)


def test_a_name_after_an_attack_verb_is_where_it_happened():
    (ev,) = _events("Paramilitary fighters attacked Umm Sumeima in North Kordofan state on Thursday and killed "
                    "nine people, activists said.")
    assert ev.location == "Umm Sumeima" and ev.admin1 == "North Kordofan"


def test_a_region_after_a_list_of_villages_holds_every_village_of_the_list():
    evs = _events("Russian forces shelled Bilozerka, Dniprovske and Kizomys in Kherson Oblast on Thursday, "
                  "the regional governor said.")
    assert sorted((e.location, e.admin1) for e in evs) == [
        ("Bilozerka", "Kherson"), ("Dniprovske", "Kherson"), ("Kizomys", "Kherson")]


def test_a_russian_spelling_inside_a_named_region_is_read_there_not_abroad():
    evs = _events("Russian troops fired at Volchansk and Staritsa in the Kharkov region on Thursday, the regional "
                  "administration said.")
    assert sorted((e.location, e.admin1, e.country) for e in evs) == [
        ("Starytsia", "Kharkiv", "Ukraine"), ("Vovchansk", "Kharkiv", "Ukraine")]


def test_a_village_named_like_an_english_word_is_a_place_when_the_article_always_capitalises_it():
    (ev,) = _events("BAMAKO, May 10 (Reuters) - Gunmen on motorbikes stormed Sable village in Mali's Mopti region on "
                    "Thursday, killing nine villagers. Residents of Sable said the gunmen burned granaries before "
                    "they left. Survivors fled from Sable to the nearby town of Bankass.")
    assert ev.location == "Sable" and ev.admin1 == "Mopti"


def test_an_english_word_written_in_lower_case_elsewhere_is_not_made_a_village():
    evs = _events("BAMAKO, May 10 (Reuters) - Gunmen stormed Sable village in Mali's Mopti region on Thursday, "
                  "killing nine villagers. Residents of Sable said a sable coat was taken. Survivors fled from Sable.")
    assert all(ev.location != "Sable" for ev in evs)


def test_a_village_the_text_places_once_is_that_village_wherever_it_is_named_again():
    (ev,) = _events("OUAGADOUGOU, May 10 (AFP) - At least six soldiers were killed on Thursday in an attack blamed "
                    "on jihadists in northern Burkina Faso, security sources said. The \"terrorists\" targeted a "
                    "detachment near Dambam, one source said.\nDambam, in Oudalan province, lies near the border "
                    "with Niger.")
    assert ev.location == "Dambam" and ev.admin1 == "Sahel" and ev.fatalities == 6


def test_a_list_member_read_in_another_region_is_read_again_in_the_region_of_the_others():
    evs = _events("KYIV, May 10 - Russian forces shelled border areas of Sumy region on Thursday, the regional "
                  "administration said.\n\nThe communities of Bilopillia, Vorozhba, Krasnopillia and Khotyn came "
                  "under attack, it said.")
    assert {e.admin1 for e in evs} == {"Sumy"}
    assert "Khotin" in {e.location for e in evs}


def test_a_district_named_after_a_village_is_its_unit_not_a_second_village():
    evs = _events("MOSCOW, May 10 - Ukrainian shelling damaged a house in the village of Glotovo, Graivoronsky urban "
                  "district, Belgorod region, on Thursday, Governor Vyacheslav Gladkov said.")
    assert [(e.location, e.admin1) for e in evs] == [("Glotovo", "Belgorod")]


def test_a_village_named_so_in_the_next_sentence_places_a_report_of_a_village_attack():
    evs = _events("BAMAKO, May 10 (AFP) - Nineteen people were killed in an attack on a village in central Mali, "
                  "officials said on Friday.\n\nThursday's attack targeted a village named Dialloube in the Mopti "
                  "region, a local official said.")
    (ev,) = evs
    assert ev.location == "Dialloube" and ev.admin1 == "Mopti" and ev.fatalities == 19


def test_a_town_rebels_took_control_of_is_the_place_even_unknown_to_the_gazetteer():
    evs = _events("GOMA, Congo, May 10 (Reuters) - M23 rebels took control of Kibumba-Ngungu in North Kivu province "
                  "late on Thursday, local officials said.")
    assert [e.location for e in evs] == ["Kibumba-Ngungu"]


def test_the_region_named_as_an_adjective_of_a_village_holds_it():
    evs = _events("MOSCOW, May 10 - Before that, the Bryansk village of Rakovka came under Ukrainian fire on "
                  "Thursday, the governor said.")
    assert [(e.location, e.admin1, e.country) for e in evs] == [("Rakovka", "Bryansk", "Russia")]


def test_an_ambiguous_village_written_inside_a_region_abroad_of_its_readings_is_in_that_region():
    evs = _events("MOSCOW, May 10 - A Ukrainian drone hit the outskirts of the village of Dolgoye, Valuysky urban "
                  "district, Belgorod region, on Thursday, the governor said.")
    assert [(e.location, e.admin1, e.country) for e in evs] == [("Dolgoye", "Belgorod", "Russia")]


def test_a_place_an_attack_or_strike_was_on_or_in_is_kept_by_name():
    evs = _events("BEIRUT, May 10 (AFP) - The ministry reported two dead in an Israeli strike on Deir Billa on "
                  "Thursday.")
    assert [e.location for e in evs] == ["Deir Billa"]


def test_an_armed_group_a_strike_was_on_is_not_a_place():
    assert _events("BEIRUT, May 10 (AFP) - Israel said an air strike on Hezbollah killed three fighters.") == []


def test_a_region_an_attack_was_in_stays_the_region():
    (ev,) = _events("KYIV, May 10 - At least 15 people were killed in Russian shelling in Kharkiv Oblast on "
                    "Thursday.")
    assert ev.geo_precision == 3 and ev.location in ("Kharkiv", None)


def test_a_village_written_after_its_state_in_the_possessive_is_kept_by_name():
    evs = _events("JOS, Nigeria, May 10 (AP) - Gunmen arrived in Plateau state's Heipang village early on Thursday "
                  "and opened fire on villagers, killing 20, police said.")
    assert [(e.location, e.admin1) for e in evs] == [("Heipang", "Plateau")]


def test_a_village_in_a_country_whose_region_the_text_never_names_keeps_its_name():
    evs = _events("At least 21 people were killed by rebels during attacks on a village in northern Central African "
                  "Republic.\n\n\u201cThe rebels attacked the army checkpoints before attacking the civilian "
                  "population,\u201d said Ernest Bonang, a lawmaker who represents Nzakoundou, the village attacked "
                  "Thursday.", published="2023-12-23")
    (ev,) = evs
    assert ev.location == "Nzakoundou" and ev.country == "Central African Republic" and ev.geo_precision == 3
    assert ev.event_date == "2023-12-21" and ev.fatalities == 21


def test_a_name_after_the_victims_of_a_killing_is_a_settlement():
    evs = _events("JUBA (Reuters) - Youths attacked Ajwara village in Pibor's Pochalla county in South Sudan's Jonglei "
                  "state on Sunday, killing 12 people, officials said.\n\nIn late March, youths shot dead 15 people "
                  "in Pibor, officials said.", published="2024-04-02")
    assert sorted((e.location, e.fatalities) for e in evs) == [("Ajwara", 12), ("Pibor", 15)]


def test_a_report_ranging_over_a_country_keeps_a_towns_spelling_in_another_region():
    evs = _events("Houthi militants fired a missile at a base in the city of Marib on Wednesday, killing five "
                  "soldiers, officials in Sanaa and Aden said.\n\nLast week, Houthi forces fired missiles and drones "
                  "at the Red Sea port city of al-Mokha, damaging a hospital.", published="2019-11-13")
    assert sorted(e.location for e in evs) == ["Ma'rib", "Mocha"]


def test_villages_a_report_lists_after_an_unnamed_count_are_each_an_event():
    evs = _events("Bandits on motorcycles shot 22 farmers dead in raids on three villages in Sokoto State.\n\n"
                  "The affected villages were Tudun Maiwa, Kurawa and Dangoma in Isa local government area.")
    assert sorted(e.location for e in evs) == ["Dangoma", "Kurawa", "Tudun Maiwa"]
    assert {e.admin1 for e in evs} == {"Sokoto"}


def test_a_list_after_including_names_the_villages_of_the_event():
    evs = _events("Gunmen killed nine civilians overnight in several villages of the Ruwenzori sector, including "
                  "Mabwe, Kasindi Lubiriha and Tambu, in North Kivu province, a local chief said on Friday.")
    assert {"Mabwe", "Tambu"} <= {e.location for e in evs}
    assert {e.country for e in evs} == {"Democratic Republic of the Congo"}


def test_a_lone_namesake_in_a_region_the_text_never_names_is_not_the_village():
    # the gazetteer's only Gora is in Katsina; the report is about Zamfara and never names Katsina
    evs = _events("Gunmen shot 12 villagers dead in two villages of Zamfara State on Monday. The attacked villages "
                  "were Gora and Tungar Kwana, the police said. Most of the dead were in Gora.")
    gora = [e for e in evs if e.location == "Gora"]
    assert gora and gora[0].admin1 == "Zamfara"


def test_a_village_called_in_quotes_keeps_its_name():
    (ev,) = _events("More than 15 people were killed in a drone strike on Tuesday in a rural town called “Gedebo Mariam”, "
                    "Enemay Woreda, East Gojjam Zone of Amhara Region, residents said.")
    assert ev.location == "Gedebo Mariam" and ev.admin1 == "Amhara"


def test_the_kurdistan_region_is_iraq_not_irans_kurdistan_province():
    (ev,) = _events("ERBIL, Kurdistan Region - Islamic State militants killed two villagers in the village of Qara "
                    "Tapa Saghir near Khanaqin, Diyala province, on Wednesday night, a Peshmerga officer said.")
    assert ev.country == "Iraq" and ev.admin1 == "Diyala"


def test_a_village_read_only_under_another_name_in_another_country_is_not_it():
    evs = _events("Ukrainian forces shelled the Bryansk region on Monday, governor Alexander Bogomaz said. Then the "
                  "village of Kurkovichi in the Starodubsky district was shelled; no one was hurt.")
    assert {e.country for e in evs} == {"Russia"}


def test_villages_in_a_city_that_named_its_region_are_read_in_that_region():
    evs = _events("Russia's defence ministry said on Monday its forces had captured Zelenyi Hai and Dobropillia in "
                  "Zaporizhzhia.")
    assert {e.admin1 for e in evs} == {"Zaporizhzhia"}


def test_a_date_opening_the_sentence_is_no_settlement_name():
    from sitrep.events.settlement_names import plausible_name

    assert not plausible_name("On Friday")
    assert not plausible_name("Last May")
    assert plausible_name("Kostiantynivka")


def test_an_area_named_after_a_regions_possessive_is_a_settlement_name():
    from sitrep.events.settlement_names import frame_names

    text = "Warplanes bombed a market in North Darfur's Umm Kadada area on Monday."
    assert [text[a:b] for a, b in frame_names(text)] == ["Umm Kadada"]


def test_a_region_level_event_goes_to_the_town_the_next_sentences_introduce_in_that_region():
    evs = _events("A car bomb in the Luhansk region killed a Russian-backed official on Monday, local authorities "
                  "said.\n\nInvestigators said a device detonated in a car.\n\n"
                  "A photo showed wreckage strewn across the street in Starobilsk, a town in the Luhansk region.",
                  "2024-04-01")
    assert [(e.location, e.geo_precision) for e in evs] == [("Starobilsk", 1)]


def test_attacks_against_buildings_in_a_place_name_that_place():
    from sitrep.events.settlement_names import frame_names

    text = "Israel reported separate attacks against buildings in Qotrani on Monday."
    assert [text[a:b] for a, b in frame_names(text)] == ["Qotrani"]


def test_a_neighbourhood_named_as_part_of_a_town_is_the_place_at_the_towns_point():
    (ev,) = _events("YAOUNDE, May 10 (AFP) - Separatist fighters killed at least 12 people in a dawn raid in "
                    "western Cameroon on Thursday.\nThe gunmen attacked Ndekwai, a neighbourhood in the town of "
                    "Mamfe, burning houses, a local official said.")
    assert ev.location == "Ndekwai" and ev.geo_precision == 2
    assert abs(ev.latitude - 5.76) < 0.1 and ev.fatalities == 12


def test_a_village_an_appositive_puts_in_a_district_is_there_not_the_district():
    evs = _events("JOS, May 10 (Reuters) - In Kwatas, a small village in Bokkos Local Government Area, eight "
                  "residents were killed on Thursday by gunmen, police said.")
    assert [e.location for e in evs] == ["Kwatas"]
    assert evs[0].admin1 == "Plateau" and evs[0].fatalities == 8


def test_a_village_in_a_report_naming_no_region_is_in_the_country_named_most_not_the_datelines_region():
    evs = _events("OUAGADOUGOU, BURKINA FASO (AFP, NYTIMES) - Gunmen killed 14 people on Thursday in the village of "
                  "Tadirga in Burkina Faso's volatile north, in a border area between Mali, Niger and Burkina Faso.")
    assert [(e.location, e.country, e.admin1) for e in evs] == [("Tadirga", "Burkina Faso", None)]


def test_a_name_a_distance_is_measured_from_far_off_is_kept_at_its_country_not_the_references_region():
    evs = _events("MOGADISHU, May 10 (Reuters) - Al Shabaab fighters attacked a military base in Galhareeri, about "
                  "300 kilometres north of Mogadishu, on Thursday, a resident said.")
    assert [(e.location, e.admin1, e.country) for e in evs] == [("Galhareeri", None, "Somalia")]


def test_a_lead_leaving_its_village_unnamed_is_placed_where_a_later_sentence_counts_its_dead():
    evs = _events("OUAGADOUGOU, May 10 (AFP) - Armed assailants killed at least 100 civilians in a village in Burkina "
                  "Faso's volatile north, the deadliest attack since jihadist violence erupted in the country in 2015, "
                  "officials said on Friday.\nUN chief Antonio Guterres said he was outraged.\nIn Seytenga, local "
                  "sources said they had recovered a total of 100 bodies.")
    assert [(e.location, e.fatalities, e.event_date) for e in evs] == [("Seytenga", 100, "2024-05-10")]


def test_a_locality_named_as_an_area_of_a_district_is_kept_there():
    evs = _events("PESHAWAR, May 10 (Reuters) - Thirteen soldiers were killed on Thursday in a suicide bombing targeting "
                  "a convoy in the Tappi Kalay area of North Waziristan, the military said.")
    assert [(e.location, e.geo_precision, e.admin1) for e in evs] == [("Tappi Kalay", 2, "Khyber Pakhtunkhwa")]


def test_a_village_set_off_by_commas_is_named_even_when_part_of_its_name_is_a_city():
    evs = _events("GUSAU, May 10 - A source told DAILY POST that the attackers stormed a village, Yar Katsina, in "
                  "Bungudu Local Government Area on Thursday and killed about 10 people.")
    assert [(e.location, e.admin1, e.fatalities) for e in evs] == [("Yar Katsina", "Zamfara", 10)]


def test_a_name_before_an_institution_noun_is_the_institutions_not_a_village():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article
    evs = extract_article(Article(text="KYIV, July 8 - Two adults were killed in a Russian missile attack on the "
                                  "Okhmatdyt children's hospital in Kyiv on Monday, the mayor said.", id="t",
                                  published="2024-07-08", language="en"))
    assert [e.location for e in evs] == ["Kyiv"]


def test_unknown_neighbourhoods_in_a_countrys_capital_are_placed_at_the_capital():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article
    evs = extract_article(Article(text="PORT-AU-PRINCE, March 19 (AP) - Gunmen looted homes in the communities of "
                                  "Laboule and Thomassin, two upscale neighbourhoods in Haiti's capital, early on "
                                  "Monday, forcing residents to flee.", id="t", published="2024-03-19", language="en"))
    assert sorted((e.location, e.admin1, e.geo_precision) for e in evs) == [("Laboule", "Ouest", 2),
                                                                            ("Thomassin", "Ouest", 2)]


def test_a_village_of_short_syllables_is_a_name_not_english_words():
    from sitrep.events.settlement_names import plausible_name
    assert plausible_name("Min Ma") and plausible_name("Saw Lon")
    assert not plausible_name("Good News")


def test_the_act_of_a_pluperfect_relative_clause_is_background():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article
    evs = extract_article(Article(text="YANGON, May 18 - Myanmar's junta launched airstrikes on Wednesday in Sagaing "
                                  "Region, resistance groups said.\n\nOn Sunday fighting was reported at Min Ma village "
                                  "when resistance groups attacked troops who had occupied the village, with many junta "
                                  "casualties reported.", id="t", published="2023-05-18", language="en"))
    (min_ma,) = [e for e in evs if e.location == "Min Ma"]
    assert (min_ma.sub_event_type, min_ma.admin1, min_ma.event_date) == ("Armed clash", "Sagaing", "2023-05-14")
    assert min_ma.claimed_by is None or "occupied" not in min_ma.claimed_by
