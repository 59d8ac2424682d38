"""The extractor on small hand-written wire-style articles (needs the gazetteer index, built on first use)."""

from sitrep.model import Article
from sitrep.pipeline import extract_article


def _events(text: str, published: str = "2024-03-14"):
    return extract_article(Article(text=text, id="t", published=published, language="en"))


def test_one_event_per_shelled_place():
    evs = _events("Russian forces shelled the towns of Nikopol and Marhanets in Dnipropetrovsk region on Wednesday, "
                  "the governor said.")
    assert sorted(e.location for e in evs) == ["Marhanets", "Nikopol"]
    assert {e.sub_event_type for e in evs} == {"Shelling/artillery/missile attack"}


def test_weekday_resolves_against_publication_date():
    (ev,) = _events("Russian troops shelled Kupiansk in Kharkiv region on Tuesday, killing two civilians.")
    assert ev.event_date == "2024-03-12" and ev.date_precision == "day"


def test_toll_and_actors_are_coded():
    (ev,) = _events("Russian troops shelled Kupiansk in Kharkiv region on Tuesday, killing two civilians.")
    assert ev.fatalities == 2
    assert ev.actor1 == "Military Forces of Russia (2000-)" and ev.actor1_side == "RUS"
    assert ev.actor2 == "Civilians (Ukraine)"


def test_injuries_only_is_zero_fatalities():
    (ev,) = _events("A Russian drone hit a car in Beryslav on Thursday morning, injuring the driver.")
    assert ev.sub_event_type == "Air/drone strike" and ev.fatalities == 0


def test_evidence_offsets_point_into_the_text():
    text = "KHERSON, March 14 - Russian forces shelled Bilozerka on Wednesday. Two people were killed."
    (ev,) = _events(text)
    src = ev.sources[0]
    assert text[src.char_start:src.char_end] == src.evidence
    assert "shelled Bilozerka" in src.evidence and "Two people were killed" in src.evidence
    for p in ev.provenance:
        assert text[p.char_start:p.char_end] == p.text


def test_forecast_yields_no_event():
    assert _events("Officials warned that Russian forces could shell Kherson again in the coming days.") == []


def test_diplomacy_article_yields_no_event():
    assert _events("EU governments agreed on Wednesday a new package of sanctions against Russia. "
                   "The measures could be extended if attacks on Ukrainian cities continue.") == []


def test_country_alone_is_not_a_place():
    assert _events("Russian forces shelled Ukraine on Monday, officials said.") == []


def test_drones_shot_down_are_disrupted_weapons_use():
    evs = _events("Ukrainian air defence shot down 11 Shahed drones over Odesa region overnight, the air force said.")
    assert evs and evs[0].sub_event_type == "Disrupted weapons use"
    assert evs[0].event_type == "Strategic developments"


def test_liberation_by_own_army_regains_territory():
    (ev,) = _events("Ukrainian forces liberated the village of Neskuchne in Donetsk region on Sunday.", "2023-06-12")
    assert ev.sub_event_type == "Government regains territory" and ev.actor1_side == "UKR"


def test_capture_by_invading_army_is_armed_clash():
    (ev,) = _events("Russian troops captured the town of Vuhledar in Donetsk region on Tuesday.", "2024-10-03")
    assert ev.event_type == "Battles" and ev.sub_event_type == "Armed clash"


def test_claim_by_party_is_claimed():
    (ev,) = _events("Russian forces shelled Nikopol on Monday, killing one man, Governor Serhiy Lysak said.", "2024-03-12")
    assert ev.claimed_by and "Lysak" in ev.claimed_by
    assert ev.certainty == "claimed"


def test_other_conflict_rsf_attack():
    (ev,) = _events("Fighters of the paramilitary Rapid Support Forces attacked the town of El Fasher in North Darfur "
                    "on Friday, killing 12 civilians, medics said.", "2024-06-09")
    assert ev.actor1 == "Rapid Support Forces" and ev.country == "Sudan" and ev.fatalities == 12


def test_notes_are_one_sentence():
    (ev,) = _events("Russian troops shelled Kupiansk in Kharkiv region on Tuesday, killing two civilians.")
    assert ev.notes.count(". ") == 0 and ev.notes.endswith(".")


def test_a_strike_of_unnamed_delivery_that_kills_is_a_missile_or_shelling_event():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article

    (ev,) = extract_article(Article(text="A strike on a market in Selydove killed four civilians on Thursday, the "
                                         "regional governor said.", published="2024-05-10", language="en"))
    assert ev.sub_event_type == "Shelling/artillery/missile attack" and ev.fatalities == 4


def test_who_holds_a_place_is_not_who_struck_it():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article

    (ev,) = extract_article(Article(text="The strike hit Kakhovka, in the part of Kherson region held by Russian "
                                         "forces, on Thursday, killing three people.", published="2024-05-10",
                                    language="en"))
    assert ev.location == "Kakhovka" and ev.actor1_side == "UNKNOWN" and ev.fatalities == 3


def test_an_official_killed_by_a_car_bomb_is_the_target_not_the_attacker():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article

    (ev,) = extract_article(Article(text="The Russian-installed mayor of Berdiansk was killed in a car bomb blast on "
                                         "Thursday, Russian media said.", published="2024-05-10", language="en"))
    assert ev.actor2_side == "RUS" and ev.actor1_side != "RUS"


def test_a_bullet_naming_no_place_is_placed_at_the_town_of_the_line_above():
    evs = _events("Residents of Kupiansk reported heavy fighting on Wednesday.\n"
                  "- A guided bomb destroyed a school, killing a teacher.")
    strike = next(e for e in evs if e.sub_event_type == "Air/drone strike")
    assert (strike.location, strike.fatalities) == ("Kupiansk", 1)


def test_a_sentence_naming_no_place_goes_on_about_the_one_town_just_before():
    evs = _events("Al Shabaab fighters stormed the El Salini base in Lower Shabelle on Wednesday. "
                  "The army recaptured the base hours later when reinforcements arrived.")
    assert any(e.sub_event_type == "Government regains territory" and e.location == "El Salini" for e in evs)


def test_a_ministry_saying_its_forces_destroyed_a_depot_reports_a_strike():
    (ev,) = _events("Russia's Defence Ministry said its forces had destroyed a Ukrainian ammunition depot near "
                    "Kramatorsk, in the Donetsk region, on Wednesday.")
    assert (ev.sub_event_type, ev.location, ev.actor1_side) == ("Shelling/artillery/missile attack", "Kramatorsk", "RUS")


def test_damage_as_a_result_of_shelling_is_a_shelling_event():
    (ev,) = _events("In Kurylivka, Kharkiv region, a house was on fire as a result of shelling on Wednesday.")
    assert (ev.sub_event_type, ev.location) == ("Shelling/artillery/missile attack", "Kurylivka")


def test_an_official_killed_by_bandits_is_an_attack_not_a_clash():
    (ev,) = _events("The district head of Ibbi was killed by bandits in Taraba State on Wednesday, police said.")
    assert ev.sub_event_type == "Attack"


def test_an_undated_detail_on_a_place_already_reported_is_the_same_event_that_day():
    evs = _events("Over the past day, Russian troops shelled the communities of Khotin and Esman, the Sumy regional "
                  "administration said on Thursday.\n\nIn Esman, mortar shelling was recorded (12 explosions).")
    assert sorted((e.location, e.event_date) for e in evs) == [("Esman", "2024-03-13"), ("Khotin", "2024-03-13")]



def test_a_town_occupied_since_a_date_is_background_not_a_capture():
    assert _events("Melitopol, a city of about 150,000 people, has been occupied by Russian forces since late "
                   "February 2022.") == []


def test_the_place_said_of_the_attack_in_the_next_sentence_places_it():
    (ev,) = _events("BAMAKO, March 14 (Reuters) - Nine villagers were killed on Wednesday by unidentified gunmen, a "
                    "local official said. The official said the attack, which occurred in Dinangourou village in the "
                    "Mopti region, lasted two hours.")
    assert ev.location == "Dinangourou" and ev.admin1 == "Mopti" and ev.fatalities == 9


def test_a_place_named_before_the_attack_phrase_does_not_place_it():
    evs = _events("BAMAKO, March 14 (Reuters) - Nine villagers were killed on Wednesday by unidentified gunmen, a "
                  "local official said. Officials who fled to Bamako said the attack that happened there lasted hours.")
    assert all(ev.location != "Bamako" for ev in evs)


def test_a_toll_restated_in_a_district_after_a_region_lead_places_the_lead():
    evs = _events("KYIV, March 14 (AFP) - Russian strikes on Ukraine's southern Zaporizhzhia region killed three "
                  "people on Thursday, its governor said.\n\nThe strikes came a day after two people were killed in a "
                  "Russian attack on the town of Huliaipole.\n\n\"Three people were killed and three were wounded in "
                  "the Polohivskyi district\" of Zaporizhzhia, Governor Ivan Fedorov said on social media.",
                  published="2024-03-15")
    (ev,) = [e for e in evs if e.fatalities == 3]
    assert ev.admin2 == "Polohy Raion" and ev.geo_precision == 2
    assert ev.actor1_side == "RUS" and ev.event_date == "2024-03-14" and ev.fatalities == 3


def test_killed_in_the_attack_tells_of_the_attack_already_reported():
    evs = _events("NIKOPOL, March 14 - A Russian artillery strike hit Nikopol in Dnipropetrovsk region on "
                  "Wednesday, killing a man, the governor said.\n\n\"A man, 63, was killed in the attack,\" the "
                  "emergency service said.")
    assert len(evs) == 1 and evs[0].actor1_side == "RUS"


def test_the_attackers_striking_somewhere_in_the_next_sentence_place_a_country_level_report():
    evs = _events("BAMAKO, March 14 (AFP) - At least six soldiers were killed on Wednesday in an attack blamed on "
                  "jihadists in central Mali, security sources said. The assailants targeted an army post in "
                  "Djenne, one source told AFP.")
    (ev,) = evs
    assert ev.location == "Djenne" and ev.fatalities == 6 and ev.event_type == "Battles"


def test_a_picture_caption_neither_dates_nor_reports_the_event():
    evs = _events("Troops retake village in Donetsk Oblast\n\nA screenshot of a video of Ukrainian troops announcing "
                  "the liberation of Staromaiorske in Donetsk Oblast, March 2, 2024. (Source: Telegram)\n\n"
                  "Ukrainian forces liberated the village of Staromaiorske in Donetsk Oblast, soldiers announced in "
                  "a video published on Thursday.")
    (ev,) = evs
    assert ev.event_date == "2024-03-14" and "screenshot" not in ev.sources[0].evidence


def test_the_road_between_two_villages_is_one_place():
    evs = _events("KHERSON, March 14 - A Russian drone struck a car on the road between Bilozerka and Kizomys in the "
                  "Kherson region on Wednesday, killing the driver, governor Oleksandr Prokudin said.")
    assert [e.location for e in evs] == ["Bilozerka"]


def test_a_present_tense_picture_caption_is_not_an_event():
    evs = _events("Russian strikes hit Kharkiv\n\nFirefighters work at a warehouse destroyed by a Russian missile "
                  "strike in Kharkiv, Ukraine March 10, 2024. REUTERS/Vyacheslav Madiyevskyy\n\nA Russian missile "
                  "hit a warehouse in Kharkiv on Wednesday, injuring two workers, the governor said.")
    (ev,) = evs
    assert ev.event_date == "2024-03-13"


def test_strikes_reported_on_named_cities_are_coded_with_no_attacker_named():
    evs = _events("KYIV, March 14 - Local authorities also reported strikes on Dnipro and Kryvyi Rih on Wednesday.")
    assert sorted(e.location for e in evs) == ["Dnipro", "Kryvyi Rih"]
    assert {e.sub_event_type for e in evs} == {"Shelling/artillery/missile attack"}


def test_a_time_stamp_line_in_another_script_does_not_date_the_event():
    evs = _events("Border village shelled\n\n14 марта 2024, 12:59\nThe Ukrainian military shelled the village of "
                  "Belevitsa in the Bryansk region. This was announced by the regional governor.")
    (ev,) = evs
    assert ev.location == "Belevitsa" and ev.date_precision == "day"


def test_a_village_left_unnamed_in_a_region_report_is_the_one_named_next():
    evs = _events("MOSCOW, March 14 (Reuters) - Russia's Defence Ministry said its forces had captured a small "
                  "village in the Donetsk region on Wednesday.\n\nThe ministry said Russian forces were now in "
                  "control of Pobeda, south-west of the city of Donetsk.")
    (ev,) = evs
    assert ev.location.startswith("Pob") and ev.admin1 == "Donetsk" and ev.geo_precision == 1


def test_a_mixed_case_dateline_city_is_not_the_place_of_the_event():
    evs = _events("Beirut, March 14 (IANS) An Israeli drone strike killed a Hezbollah member in southern Lebanon "
                  "on Wednesday, the army said.")
    assert "Beirut" not in {e.location for e in evs}


def test_the_outbreak_of_the_war_told_as_background_is_not_an_event():
    evs = _events("KHARTOUM, March 14 - Sudan descended into conflict in April last year when fighting erupted "
                  "between the army and the RSF in Khartoum.")
    assert evs == []


def test_a_drone_that_crashed_by_malfunction_is_not_an_attack():
    evs = _events("Beirut, March 14 (IANS) - An Israeli drone crashed due to a technical malfunction and exploded "
                  "near Shebaa on Wednesday, the NNA reported.")
    assert evs == []


def test_the_regional_capital_written_near_a_village_only_locates_it():
    evs = _events("KHERSON, March 14 - In the morning, Russian forces struck the village of Pryozerne, close to the "
                  "regional capital Kherson, killing two people, the governor said.")
    assert [e.location for e in evs] == ["Pryozerne"]


def test_the_start_of_the_war_in_the_next_sentence_does_not_date_the_attacks():
    evs = _events("KYIV, March 14 (Reuters) - Russian forces launched drone attacks on the city of Kherson, "
                  "officials said.\n\nThe attacks came as pressure grows to end the war that began with "
                  "Russia's full-scale invasion of Ukraine in February 2022.\n\nThere were also attacks on Sumy, "
                  "officials said.")
    assert {e.event_date for e in evs} == {"2024-03-14"}


def test_a_following_sentence_that_says_when_the_incident_happened_dates_it():
    (ev,) = _events("KHERSON, March 14 - A drone hit a car in Bilozerka, wounding the driver, police said. The "
                    "incident happened on Sunday.")
    assert ev.event_date == "2024-03-10"


def test_a_village_attacked_and_named_sentences_later_places_the_strike():
    evs = _events("BANGKOK, March 14 (AP) - The UN condemned the attack that targeted a village in the Sagaing "
                  "region. An airstrike by Myanmar's military on Tuesday killed around 50 people. The military, "
                  "which seized power from the elected government of Aung San Suu Kyi in February 2021, said it "
                  "decided to attack Let Htoke Taw because militia members met there.")
    (ev,) = evs
    assert ev.location == "Let Htoke Taw" and ev.event_date == "2024-03-12" and ev.fatalities == 50


def test_a_capital_that_speaks_is_its_government_not_the_place():
    assert _events("KYIV, March 14 - Moscow said its forces had killed 300 Ukrainian soldiers in the past day.") == []


def test_a_clash_on_two_named_days_is_one_event_per_day():
    evs = _events("ADDIS ABABA, March 14 (Reuters) - Fano fighters and Ethiopian troops clashed near Debre Tabor on "
                  "Monday and Tuesday, residents said.")
    assert sorted(e.event_date for e in evs) == ["2024-03-11", "2024-03-12"]


def test_no_casualties_said_a_few_sentences_on_is_the_events_toll():
    (ev,) = _events("BRYANSK, March 14 - The Ukrainian military shelled the village of Belevitsa in the Bryansk "
                    "region. This was announced by the governor.\n\nThe shelling was carried out with artillery, he "
                    "said.\n\n\"There are no casualties,\" he said.")
    assert ev.fatalities == 0


def test_a_city_and_country_dateline_is_not_a_second_place():
    evs = _events("Mogadishu, Somalia — At least four mortar shells struck the village of El-Qalow in Mogadishu's "
                  "Wadajir district early Thursday, injuring two civilians, residents said.")
    assert [e.location for e in evs] == ["El-Qalow"]


def test_injuries_told_two_sentences_on_mean_nobody_died_in_the_event():
    (ev,) = _events("In the area of Dzhankoi, air defence shot down a drone on Monday. According to preliminary data, "
                    "debris damaged a house and a shop. Unfortunately, one person was injured.")
    assert ev.fatalities == 0


def test_the_force_a_headline_names_with_its_weapon_fires_the_unattributed_strike():
    evs = _events("Junta airstrikes kill five in Sagaing village\n\nAn aerial attack on a village in Sagaing region on "
                  "Tuesday killed five people, residents said.\nThe attack on Kyauk Ka, a village near Pale, also "
                  "destroyed a monastery.")
    assert [e.actor1_side for e in evs] == ["OTHER"] and "Myanmar" in evs[0].actor1


def test_the_attack_on_a_place_right_after_an_event_tells_more_of_it():
    evs = _events("Gangs attacked Haiti's capital early Tuesday, where gunmen clashed with residents and police in "
                  "Port-au-Prince.\nThe attack on Petionville was led by the Viv Ansanm coalition, whose leader had "
                  "announced it in a video.\nDozens of gang members were killed and hundreds of munitions seized, "
                  "police said.")
    assert [e.event_type for e in evs] == ["Battles"]


def test_a_front_named_after_a_city_is_not_where_the_sabotage_was():
    evs = _events("Partisans blew up a railway line in Melitopol on Thursday, cutting supplies to Russian troops "
                  "on the Zaporizhzhia front, the resistance said.")
    assert [e.location for e in evs] == ["Melitopol"]


def test_a_possessive_country_is_not_a_settlement_name():
    from sitrep.events.settlement_names import frame_names

    text = ("Gangs launched a fresh attack on Haiti’s capital early Tuesday, targeting an upscale community in "
            "Port-au-Prince.\nAt least 28 gang members were killed, said a spokesman for Haiti’s National Police.")
    assert [text[a:b] for a, b in frame_names(text)] == []


def test_the_group_claiming_the_attack_just_told_is_its_author():
    evs = _events("MOGADISHU, March 14 (Reuters) - A suicide car bomb exploded outside a military base in the town "
                  "of Afgoye on Saturday, killing at least six soldiers, a police officer said.\n\nAl Shabaab claimed "
                  "responsibility for the attack in a statement.")
    assert [(e.sub_event_type, e.actor1_side) for e in evs] == [("Suicide bomb", "OTHER")]
    assert "Shabaab" in evs[0].actor1


def test_a_town_spelled_a_letter_off_stays_the_town_when_the_text_names_another_region():
    evs = _events("MOGADISHU, March 14 (Reuters) - A car bomb exploded in the town of Afgoye on Saturday, killing "
                  "six soldiers, police said.\n\nSeparately, U.S. forces carried out an airstrike near Jilib in the "
                  "Middle Juba region on Friday, the U.S. Africa Command said.")
    assert "Afgooye" in {e.location for e in evs}


def test_a_closing_no_casualties_is_said_of_every_attack_the_report_listed_that_day():
    evs = _events("DNIPRO, March 14 - Russian forces shelled Nikopol on Wednesday, damaging a house. Drones also hit "
                  "Marhanets on Wednesday, damaging a power line. A car was destroyed.\n\nThe governor said there "
                  "were no casualties.")
    assert sorted((e.location, e.fatalities) for e in evs) == [("Marhanets", 0), ("Nikopol", 0)]


def test_a_governor_named_after_the_place_is_no_settlement():
    evs = _events("Russian forces attacked 35 settlements in Zaporizhzhia Oblast, killing one man in the village of "
                  "Prymorske, Governor Ivan Fedorov reported.")
    assert [e.location for e in evs] == ["Prymorske"] and evs[0].admin1 == "Zaporizhzhia"


def test_the_speaker_after_a_comma_does_not_make_the_place_before_him_a_qualifier():
    evs = _events("In Donetsk Oblast, Russian forces killed three people in Kostiantynivka and one in Druzhkivka, "
                  "Governor Vadym Filashkin said.")
    assert sorted(e.location for e in evs) == ["Druzhkivka", "Kostiantynivka"]


def test_in_a_wire_report_the_toll_in_the_next_paragraph_is_the_attacks():
    (ev,) = _events("Gunmen attacked the village of Kumba in Cameroon's Southwest region early Monday, a resident "
                    "said.\n\n\u201cWe have counted about 25 bodies, all of them killed,\u201d the resident said.\n\n"
                    "Local authorities said they were investigating.\n\nThe army blamed separatists.",
                    published="2023-11-07")
    assert ev.fatalities == 25


def test_a_toll_on_another_day_is_not_added_to_the_event_before_it():
    (ev,) = _events("A Ukrainian drone struck a house in the village of Sushany in Bryansk region on Thursday, "
                    "the governor said. On 11 February, one person was killed, he previously reported.",
                    published="2023-03-03")
    assert ev.location == "Sushany" and ev.fatalities is None


def test_a_lead_without_a_place_is_placed_by_the_toll_that_follows():
    evs = _events("Suspected jihadists killed at least 27 people in two separate attacks on villages in northern "
                  "Burkina Faso at the weekend, local sources said.\n\nAt least 15 people were killed late on "
                  "Sunday at Bourasso in Kossi province, in the northwest of the country.\n\nTwelve people died in "
                  "a separate attack on Saturday at Namissiguima in Yatenga province, a security source said.",
                  published="2022-07-04")
    by_place = {e.location: e for e in evs}
    assert by_place["Bourasso"].fatalities == 15 and by_place["Bourasso"].event_date == "2022-07-03"
    assert by_place["Bourasso"].sub_event_type == "Attack"


def test_a_city_alone_before_a_long_dash_is_the_dateline_not_the_event_place():
    evs = _events("Maputo \u2014 Insurgents murdered and beheaded five people on Tuesday in Macomia district, in "
                  "the northern Mozambican province of Cabo Delgado, according to a local newssheet.",
                  published="2019-08-28")
    assert [e.location for e in evs] == ["Macomia"] and evs[0].fatalities == 5


def test_a_police_rank_before_a_district_makes_it_no_event_place():
    evs = _events("Heavily armed terrorists attacked the Fateh Khel police checkpost in the Bannu district of "
                  "Pakistan late Saturday night, police said.\n\nAccording to DIG Bannu, a group of 40 to 50 "
                  "terrorists had attacked the checkpost.", published="2025-08-03")
    assert len(evs) == 1


def test_a_region_level_lead_said_a_day_later_is_the_precise_event_it_opens():
    evs = _events("One policeman and three terrorists were killed when militants ambushed a police checkpost in "
                  "Pakistan's Khyber Pakhtunkhwa province, officials said on Sunday.\n\nHeavily armed terrorists "
                  "attacked a police checkpost in Bannu late Saturday night, police said.", published="2025-08-03")
    assert [(e.location, e.event_date, e.fatalities) for e in evs] == [("Bannu", "2025-08-02", 4)]


def test_a_village_a_lead_leaves_unnamed_is_the_one_named_next():
    evs = _events("Al-Shabaab fighters on Friday attacked a Somali village in the Middle Shabelle region, killing "
                  "at least seven people, police said.\n\nAn army colonel is among the people killed in the attack "
                  "in the village of Hilowle Gaab on the outskirts of the town of Runirgod, Abdifatah Mohamed, a "
                  "police officer in the region, told reporters.", published="2023-01-07")
    assert [(e.location, e.fatalities) for e in evs] == [("Hilowle Gaab", 7)]


def test_an_attack_said_to_come_days_after_another_dates_and_places_the_other():
    evs = _events("Suspected ADF fighters killed at least 22 civilians in Apakolu, in the Democratic Republic of "
                  "Congo's Ituri province, early on Sunday, a UN report said.\n\nThe UN report said Sunday's attack in Apakolu came two days after "
                  "ADF fighters attacked the nearby village of Kazaraho, where they clashed with the army.",
                  published="2026-01-25")
    assert sorted((e.location, e.event_date) for e in evs) == [("Apakolu", "2026-01-25"), ("Kazaraho", "2026-01-23")]


def test_a_day_after_another_event_leaves_the_sentences_own_day():
    (ev,) = _events("Ukrainian forces shelled the village of Kurkovichi in Russia's Bryansk region early on Tuesday, "
                    "the governor said, a day after an explosion derailed a freight train.", published="2023-05-02")
    assert ev.event_date == "2023-05-02"


def test_a_date_in_a_relative_clause_after_the_event_dates_the_clause_not_the_event():
    (ev,) = _events("Governor Vyacheslav Gladkov said a Ukrainian drone strike hit a house in the Belgorod region "
                    "village of Krasnaya Yaruga, near the border with Kharkiv region, where Russian forces launched "
                    "an offensive earlier this month.", published="2024-05-23")
    assert ev.event_date >= "2024-05-22"


def test_a_city_and_a_colon_open_the_article_as_a_dateline():
    (ev,) = _events("Kangpokpi: As many as five people have been killed by militants in B Gamnom village in "
                    "Manipur's Kangpokpi district after they opened fire at a crowd on Tuesday, said the police.",
                    published="2021-10-13")
    assert ev.location == "B Gamnom" and ev.fatalities == 5 and ev.event_date == "2021-10-12"
    assert ev.date_precision == "day"


def test_an_explosion_of_unstated_cause_takes_the_weapon_the_next_sentence_names():
    (ev,) = _events("A powerful explosion occurred in the centre of occupied Melitopol on Tuesday. An official of "
                    "the occupation authorities was likely inside the car that exploded.", published="2023-03-14")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"


def test_a_date_in_an_aside_between_dashes_is_not_the_events():
    (ev,) = _events("Israeli tanks shelled the Khan Yunis area \u2014 from which troops withdrew in April \u2014 on "
                    "Sunday, killing three people, medics said.", published="2024-07-29")
    assert ev.event_date == "2024-07-28"


def test_an_unnamed_village_in_a_report_on_one_region_is_in_that_region():
    evs = _events("Ukrainian forces shelled the village of Kurkovichi in Russia's Bryansk region early on Tuesday, "
                  "the governor said.\n\nThe region has seen multiple attacks.\n\nOn Saturday, the governor said four "
                  "civilians died when a village was struck by shelling from the Ukrainian side of the border.",
                  published="2023-05-02")
    assert sorted((e.event_date, e.admin1, e.fatalities) for e in evs)[0] == ("2023-04-29", "Bryansk", 4)


def test_the_day_of_the_sentence_that_names_the_village_dates_the_lead():
    evs = _events("Youths attacked a village in South Sudan's Jonglei state and shot dead at least 12 people, "
                  "officials said on Tuesday.\n\nIn the latest incident on Sunday, youths attacked Ajwara village in "
                  "Pochalla county, the information minister said.", published="2024-04-02")
    assert [(e.location, e.event_date) for e in evs] == [("Ajwara", "2024-03-31")]


def test_damage_by_shelling_without_a_day_is_an_event_of_the_publication_day():
    (ev,) = _events("A private house was damaged by shelling in Izium, Kharkiv region, the governor said.")
    assert ev.sub_event_type == "Shelling/artillery/missile attack" and ev.location == "Izium"


def test_a_toll_after_a_new_day_is_said_takes_that_day():
    evs = _events("Yesterday, Russian troops shelled Bilozerka in Kherson region, injuring two women.\n\n"
                  "\"Today Bilozerka came under fire again. A shop was damaged. In Veletenske, the invaders killed an "
                  "elderly man in his yard,\" the governor said.")
    (v,) = [e for e in evs if e.location == "Veletenske"]
    assert v.event_date == "2024-03-14" and v.fatalities == 1


def test_the_attackers_of_a_follow_up_sentence_are_the_group_named_before():
    evs = _events("At least seven civilians were killed in the latest attack blamed on the Allied Democratic Forces "
                  "(ADF) in North Kivu province, a local official said on Thursday.\n\nAt the village of Mabwe, the "
                  "attackers killed four civilians, he said.")
    (m,) = [e for e in evs if e.location == "Mabwe"]
    assert m.actor1_side == "OTHER" and "Allied Democratic Forces" in (m.actor1 or "")


def test_a_toll_since_a_decree_is_no_event_of_its_own():
    evs = _events("Rebels killed five villagers in Beni territory, North Kivu province, on Tuesday, an official said. "
                  "Some 900 civilians have been killed in North Kivu and Ituri since martial law was declared.")
    assert [e.fatalities for e in evs] == [5]


def test_a_sentence_that_splits_its_toll_by_place_gives_each_place_its_figure():
    evs = _events("Russian shelling killed two civilians in Nikopol and one in Marhanets on Tuesday, the governor "
                  "said.")
    assert sorted((e.location, e.fatalities) for e in evs) == [("Marhanets", 1), ("Nikopol", 2)]


def test_a_later_sentence_gives_the_tolls_of_places_told_before():
    evs = _events("Gunmen on motorbikes shot 25 villagers dead in raids on two villages in Zamfara State on Monday."
                  "\n\nThe attacked villages were Kawo and Dansadau, the police said.\n\nThe governor condemned the "
                  "attack.\n\nSecurity was stepped up in the area.\n\nHe said the community buried 15 dead people "
                  "in Kawo and about 10 others in Dansadau.")
    assert sorted(e.fatalities for e in evs) == [10, 15] and "Kawo" in {e.location for e in evs}


def test_a_daily_report_goes_on_about_the_day_it_said():
    evs = _events("Russian troops shelled five hromadas of Sumy region on Tuesday, the regional military "
                  "administration said.\n\nMyropillia hromada: mortar attack (4 explosions).\n\nKrasnopillia hromada: "
                  "artillery shelling (6 explosions).\n\nVelyka Pysarivka hromada: a drone dropped explosives.\n\n"
                  "Khotin hromada: mortar shelling (3 explosions).\n\nBilopillia hromada: artillery shelling, a "
                  "house was damaged.")
    assert len(evs) >= 4 and {e.event_date for e in evs} == {"2024-03-12"}


def test_people_were_not_injured_closes_every_attack_of_the_post():
    evs = _events("\"In the evening, the aggressor hit Nikopol with a kamikaze drone. Then he fired at Marhanets with "
                  "heavy artillery. People were not injured,\" the governor wrote.")
    assert len(evs) == 2 and {e.fatalities for e in evs} == {0}


def test_a_picture_credited_to_an_agency_is_a_caption_not_an_event():
    evs = _events("Partisans blew up a Russian truck in occupied Melitopol on Tuesday, military intelligence said.\n\n"
                  "Russian soldiers fire at a street in occupied Melitopol, Zaporizhzhia Oblast, on May 1, 2022. Photo "
                  "for illustrative purposes. (Getty Images)")
    assert all(e.event_date != "2022-05-01" for e in evs)


def test_an_act_inside_a_since_clause_dates_a_span_and_is_no_event():
    evs = _events("Several explosions at the railway depot have been reported since Russia occupied Melitopol.")
    assert evs == []


def test_a_link_to_another_story_is_no_event():
    evs = _events("Russian forces shelled Borova in Kharkiv Oblast on Tuesday, killing a man, the governor said.\n\n"
                  "Family of 5 killed in devastating Russian attack on Kharkiv\nAvatar\nKateryna Denisova")
    assert [e.location for e in evs] == ["Borova"]


def test_the_clause_after_but_reports_its_own_act():
    evs = _events("The army has not commented on the deaths, but on Monday it said it had used drones to target "
                  "militant positions in Kidal, Mali.")
    assert [(e.sub_event_type, e.location) for e in evs] == [("Air/drone strike", "Kidal")]


def test_the_day_before_counts_from_the_last_day_said_not_an_overnight_strike():
    evs = _events("On Thursday, March 14, Russian forces shelled Kupiansk, Kharkiv region, the governor reported. He "
                  "also said that at night the occupiers struck Izium with missiles. In addition, the day before, "
                  "Russian troops shelled Balakliia.", published="2024-03-14")
    (b,) = [e for e in evs if e.location == "Balakliia"]
    assert b.event_date == "2024-03-13"


def test_bodies_found_dumped_are_an_attack_by_an_unidentified_group():
    (ev,) = _events("Police found the bodies of seven men in a ditch outside Culiacan on Tuesday, officials said.")
    assert ev.sub_event_type == "Attack" and ev.fatalities == 7


def test_bodies_recovered_from_rubble_are_not_an_attack_of_their_own():
    evs = _events("Rescuers found five bodies under the rubble of a building in Dnipro on Tuesday.")
    assert all(e.sub_event_type != "Attack" for e in evs)


def test_vigilantes_named_among_a_regions_armed_groups_do_not_make_a_riot():
    (ev,) = _events("Gunmen killed 14 police officers on Monday in an ambush in Aguililla, Michoacan, authorities "
                    "said, in a region that is a hot spot for gangs and vigilantes.")
    assert ev.event_type == "Battles"


def test_an_attack_someone_condemned_took_place():
    (ev,) = _events("KYIV - Ukraine's president condemned a Russian strike that the governor said killed six people "
                    "in Kharkiv on Wednesday.", "2022-08-18")
    assert ev.location == "Kharkiv" and ev.event_date == "2022-08-17" and ev.fatalities == 6


def test_a_place_named_as_anothers_landmark_is_not_a_second_event():
    evs = _events("On Wednesday, an armed group claimed responsibility for a booby-trapped drone attack on Harir "
                  "airbase outside Erbil.", "2023-10-19")
    assert [(e.location, e.sub_event_type) for e in evs] == [("Harir", "Air/drone strike")]


def test_an_attack_going_on_since_last_year_is_no_event():
    assert _events("Since November last year, the Houthi group has been targeting ships sailing to Israel in the "
                   "Red Sea and the Gulf of Aden.", "2024-07-21") == []


def test_a_city_in_an_outlets_name_is_not_where_the_event_was():
    evs = _events("MOSCOW - Drones hit an oil refinery in Krasnodar Krai on Saturday, a source told the Kyiv "
                  "Independent.", "2024-04-27")
    assert [e.admin1 for e in evs] == ["Krasnodar"]


def test_a_military_grouping_named_after_a_region_is_no_place():
    evs = _events("Ukrainian forces have retaken the village of Kindrativka in Sumy Oblast, a spokesperson for the "
                  "Kursk military group said on Sunday.", "2025-07-28")
    assert {e.admin1 for e in evs} == {"Sumy"}


def test_a_wire_leads_toll_goes_to_the_event_the_next_sentence_places():
    evs = _events("YAOUNDE, March 14 (AFP) - Eleven civilians have been killed in an attack by separatist gunmen in "
                  "Cameroon's anglophone region, the mayor said on Thursday.\nSeparatists on Tuesday attacked the "
                  "village of Kembong near Mamfe, the mayor told AFP.")
    assert [(e.location, e.fatalities, e.event_date) for e in evs] == [("Kembong", 11, "2024-03-12")]
    assert evs[0].actor1 == "Ambazonian Separatists"


def test_a_community_whose_shelled_villages_are_listed_after_is_not_an_event_of_its_own():
    evs = _events("KHARKIV, March 14 - The Russian army shelled villages of Zolochivska community on Wednesday, "
                  "the regional governor said.\n- Zolochivska community: in the direction of Udy village - two hits "
                  "from a 120-mm mortar; in the direction of Odnorobivka village - one hit from an FPV drone.")
    assert sorted(e.location for e in evs) == ["Odnorobivka", "Udy"]


def test_the_day_a_running_toll_was_reached_is_not_the_events_day():
    evs = _events("JOS, March 14 (Reuters) - Gunmen attacked villages in Plateau state on Monday.\nIn Kwatas, a "
                  "village in Bokkos Local Government Area, nine residents were killed, bringing the death toll to 20 "
                  "on Wednesday.")
    assert [(e.location, e.event_date, e.fatalities) for e in evs if e.location == "Kwatas"] == \
        [("Kwatas", "2024-03-11", 9)]


def test_the_site_of_the_massacre_is_the_massacre_just_told_not_another():
    evs = _events("GOMA, March 14 (AFP) - ADF rebels killed 18 villagers near the village of Mabasele on Wednesday, "
                  "a local leader said.\nHe said he had counted 19 bodies at the site of the massacre, some 20 "
                  "kilometres west of the town of Oicha.")
    assert len(evs) == 1 and evs[0].location == "Mabasele"


def test_a_place_someone_only_tries_to_seize_is_not_where_the_act_happened():
    evs = _events("KHARTOUM, March 14 (Reuters) - Following the army's recapture of Omdurman last month, the RSF "
                  "has intensified efforts to seize El-Fasher, residents said.")
    assert [e.location for e in evs] == ["Omdurman"]


def test_shelling_by_a_force_named_by_its_adjective_is_the_shelling_with_its_toll():
    evs = _events("KHARTOUM, March 14 (Reuters) - Paramilitary shelling on Sudan's besieged city of El-Fasher killed "
                  "more than 30 civilians on Wednesday, activists said.")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Shelling/artillery/missile attack", 30)]


def test_an_armed_groups_offensive_on_camps_that_kills_people_is_an_attack():
    evs = _events("KHARTOUM, March 14 (Reuters) - On Monday, the Rapid Support Forces launched a renewed offensive on "
                  "the Abu Shouk displacement camp in North Darfur, killing over 40 people, the UN said.")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Attack", 40)]


def test_fighting_during_a_past_war_or_over_past_months_is_background():
    evs = _events("ADDIS ABABA, March 14 (Reuters) - Amhara militia fought alongside federal troops against Tigrayan "
                  "forces during the two-year war in the Tigray region.\nFor the past four months there has been "
                  "fighting between federal forces and the militia in Gondar.")
    assert evs == []


def test_a_blast_in_an_act_of_sabotage_the_victims_ministry_reports_is_not_its_own_act():
    evs = _events("MOSCOW, March 14 - \"A military depot was damaged in an act of sabotage in the vicinity of "
                  "Dzhankoi in northern Crimea on Wednesday morning,\" Russia's Defence Ministry said.")
    assert [(e.sub_event_type, e.actor1_side) for e in evs] == [("Remote explosive/landmine/IED", "UNKNOWN")]


def test_who_holds_a_region_is_no_place_name():
    evs = _events("KYIV, March 14 - A blast rocked an ammunition depot in Russian-occupied Crimea on Wednesday in "
                  "what the Kremlin called an act of sabotage.")
    assert all(e.location != "Russian-occupied" for e in evs)


def test_the_aim_of_an_ongoing_activity_is_not_an_event():
    evs = _events("MELITOPOL, March 14 - The exiled mayor said in a March 13 statement that partisans in the city "
                  "were working with special forces to hit targets behind Russian lines.")
    assert evs == []


def test_an_earlier_attack_in_the_same_station_is_at_the_place_just_told_on_its_own_day():
    evs = _events("KYIV, March 14 - Partisans blew up a railway track in occupied Melitopol, the UNIAN news agency "
                  "reported on Thursday. The explosives detonated in a rail switching station on March 12.\nThe rail "
                  "bombing followed a March 5 bomb attack damaging an armoured train in the same switching station.")
    assert sorted((e.event_date, e.location) for e in evs) == [("2024-03-05", "Melitopol"), ("2024-03-12", "Melitopol")]


def test_a_district_a_possessive_names_is_the_place_not_its_owner_nor_an_institution():
    evs = _events("ADEN, March 14 (Reuters) - Three students were wounded on Wednesday when a Houthi drone hit a school "
                  "in Marib's Hareb district, local authorities said.")
    assert [(e.location, e.geo_precision, e.fatalities) for e in evs] == [("Harib", 2, 0)]


def test_soldiers_killed_when_a_missile_hit_their_base_is_a_missile_attack():
    evs = _events("ADEN, March 14 (Reuters) - In neighbouring Shabwa province, three soldiers were killed on Wednesday "
                  "when a Houthi missile hit a mosque inside a military base, a local official said.")
    assert [(e.sub_event_type, e.admin1, e.fatalities) for e in evs] == \
        [("Shelling/artillery/missile attack", "Shabwah", 3)]


def test_a_missile_launch_with_an_aim_beside_it_is_the_launch():
    evs = _events("ADEN, March 14 (Reuters) - The Houthi militia on Wednesday launched seven missiles at the city of "
                  "Marib, local officials said, as fighters also intensified ground attacks to seize control of new "
                  "territory.")
    assert [e.sub_event_type for e in evs] == ["Shelling/artillery/missile attack"]


def test_an_attack_staged_by_dissidents_that_left_soldiers_dead_is_a_clash():
    evs = _events("BOGOTA, March 14 (EFE) - An attack staged by dissidents from the FARC guerrilla group on Wednesday "
                  "in a rural part of Suarez, in Cauca province, left six soldiers dead, the president said.\nThe "
                  "ambush was carried out when guerrillas attacked an army patrol with rifles, mortars and grenades.")
    assert [(e.event_type, e.fatalities) for e in evs] == [("Battles", 6)]


def test_a_mosque_bombing_the_lead_counts_is_placed_where_the_next_sentence_puts_the_blast():
    evs = _events("KABUL, March 14 (AA) - The Taliban administration on Thursday clarified that 11 people were killed in "
                  "Wednesday's bombing at a mosque in Badakhshan province.\nA spokesman said 30 people were also "
                  "injured in the blast in Fayzabad, the provincial capital of Badakhshan.")
    assert [(e.sub_event_type, e.event_date, e.fatalities, e.actor1_side) for e in evs if e.fatalities] == \
        [("Remote explosive/landmine/IED", "2024-03-13", 11, "UNKNOWN")]
    assert [e.location for e in evs] in (["Faizabad"], ["Fayzabad"])     # (the gazetteer spells it either way)


def test_a_credit_after_a_caption_makes_it_a_caption():
    evs = _events("KABUL, March 14 - A guard stands watch after a bomb explosion at a mosque in Fayzabad on March 13, "
                  "2024.\n(AFP Photo)\n\nOfficials said on Thursday that nobody claimed the blast.")
    assert all("guard stands watch" not in e.sources[0].evidence for e in evs)


def test_the_capitals_regime_is_a_government_not_a_region():
    evs = _events("MOSCOW, March 14 - \"An attempt by the Kyiv regime to carry out a terrorist attack using 25 drones on "
                  "objects in the territory of the Russian Federation was stopped,\" the defence ministry said on "
                  "Wednesday.")
    assert all(e.country != "Ukraine" for e in evs)


def test_a_toll_update_naming_an_attack_already_told_is_that_attacks_toll():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article
    evs = extract_article(Article(text="LUGANSK, December 5 - A HIMARS strike by Ukraine's armed forces hit the city of "
                                  "Alchevsk early on Monday, an officer of the LPR militia said.\n\"By 11:00 am, the death toll "
                                  "among civilians killed in an attack on Alchevsk rose to nine,\" he wrote.",
                                  id="t", published="2022-12-05", language="en"))
    assert [(e.location, e.fatalities) for e in evs] == [("Alchevsk", 9)]


def test_the_sentence_saying_when_the_attack_occurred_dates_the_undated_lead():
    evs = _events("MAIDUGURI, Jan 8 - Six soldiers were killed in a raid by ISWAP fighters on a military base in "
                  "Damboa, Borno State, the army said.\nThe attack, which occurred in the early hours of Sunday, saw "
                  "insurgents arrive on motorcycles and in gun trucks.", published="2025-01-08")
    assert [(e.event_date, e.fatalities) for e in evs] == [("2025-01-05", 6)]


def test_a_hyphenated_weapon_name_does_not_hide_the_act():
    evs = _events("KHARKIV, March 27 - Earlier, Russian forces fired a Kh-35U cruise missile on the city of Kharkiv, "
                  "damaging a municipal building, governor Oleh Syniehubov said.", published="2024-03-27")
    assert [(e.sub_event_type, e.location) for e in evs] == [("Shelling/artillery/missile attack", "Kharkiv")]


def test_a_district_known_only_by_its_town_holds_its_village():
    evs = _events("KHARKIV, March 27 - Power was cut in the village of Chornolozka, Krasnohrad district, due to a "
                  "Russian missile attack on Tuesday, the governor said.", published="2024-03-27")
    assert [e.location for e in evs] == ["Chornolozka"]


def test_a_sentence_with_no_place_after_one_naming_a_district_is_in_that_district():
    evs = _events("IMPHAL, Sept 7 - As many as five people were killed in Jiribam district of Manipur on Saturday "
                  "morning. One person was shot dead in his sleep while four others were killed in a gunfight.",
                  published="2024-09-07")
    assert evs and all(e.location == "Jiribam" and e.admin1 == "Manipur" for e in evs)


def test_where_the_wounded_were_evacuated_is_no_place_of_the_battle_and_its_toll_is_all_sides():
    evs = _events("NIAMEY, Aug 17 (AFP) - Seventeen Nigerien soldiers were killed on Tuesday in an attack by suspected "
                  "jihadists near the country's western border with Mali, the defence ministry said. An army detachment "
                  "was the victim of an ambush near the town of Koutougou, the ministry said.\nIt added that another 20 "
                  "soldiers had been wounded, with all the casualties evacuated to the capital Niamey. More than 100 "
                  "assailants were neutralised during their retreat, the army said.", published="2023-08-17")
    assert [(e.location, e.fatalities) for e in evs] == [("Koutougou", 117)]


def test_a_trend_or_a_wars_start_is_no_day_for_the_sentences_after_it():
    evs = _events("BEIRUT, May 17 (AFP) - Israeli air strikes on Friday hit southern Lebanon, official media said.\n"
                  "Hezbollah has traded fire with Israeli forces almost daily since the Palestinian group's October 7 "
                  "attack on Israel. The movement has intensified its attacks in recent days.\nThe National News Agency "
                  "said Israeli strikes targeted Najjariyeh, south of Sidon, killing two children.", published="2024-05-17")
    assert {e.event_date for e in evs if e.location == "Najjariyeh"} == {"2024-05-17"}


def test_drones_that_fell_on_a_place_without_casualties_are_a_strike_with_no_one_killed():
    evs = _events("ERBIL, July 14 - Two explosive-laden drones fell in an oil field near Erbil on Monday without causing "
                  "casualties, the Kurdish counterterrorism service said.", published="2025-07-14")
    assert [(e.sub_event_type, e.fatalities) for e in evs] == [("Air/drone strike", 0)]
