"""Who acted and who was hit, on whole hand-written reports: interceptions name the defender first."""
from sitrep.model import Article
from sitrep.pipeline import extract_article


def _events(text: str, published: str = "2024-05-10"):
    return extract_article(Article(text=text, id="t", published=published, language="en"))


def test_drones_taken_down_are_coded_with_the_defender_first():
    (ev,) = _events("KYIV, May 10 (Reuters) - Ukrainian air defence units took down 40 Russian drones over Kyiv "
                    "region overnight, the air force said.")
    assert ev.sub_event_type == "Disrupted weapons use"
    assert ev.actor1_side == "UKR" and ev.actor2_side == "RUS"


def test_whose_drones_were_destroyed_is_the_second_actor():
    (ev,) = _events("MOSCOW, May 10 (Reuters) - Twelve Ukrainian drones were destroyed over the Belgorod region "
                    "overnight, the Russian Defence Ministry said.")
    assert ev.sub_event_type == "Disrupted weapons use"
    assert ev.actor1_side == "RUS" and ev.actor2_side == "UKR"


def test_drones_brought_down_over_a_country_by_no_one_named_were_brought_down_by_its_military():
    (ev,) = _events("KYIV, May 10 (Reuters) - Three drones were taken down over the Kharkiv region on Thursday, "
                    "the regional governor said.")
    assert ev.sub_event_type == "Disrupted weapons use" and ev.actor1_side == "UKR"


def test_the_group_an_attack_is_claimed_by_is_its_author():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article

    evs = extract_article(Article(text="BAMAKO, March 14 (AP) - A passenger boat near Timbuktu and a military "
                                       "position in Bamba were targeted on Thursday, according to a statement which "
                                       "said the attacks have been claimed by the Islamist group JNIM.",
                                  id="t", published="2024-03-14", language="en"))
    assert evs and {e.actor1_side for e in evs} == {"OTHER"} and all("JNIM" in e.actor1 for e in evs)


def test_an_attack_attributed_by_the_authorities_to_a_group_is_that_groups():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article
    evs = extract_article(Article(text="Seven villagers were killed on Tuesday in an attack in Bamenda, Cameroon, "
                                       "attributed by the authorities to Ambazonian separatists, who have been "
                                       "fighting the army since 2017.", id="t", published="2023-11-22"))
    assert evs and evs[0].actor1 == "Ambazonian Separatists"


def test_an_unnamed_attack_of_an_article_about_one_group_is_that_groups():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article
    evs = extract_article(Article(text="Suspected herdsmen killed six farmers in Yelwata, Benue State, on Tuesday, "
                                       "police said.\n\nOn Sunday, four villagers were shot dead in Tse-Ageberagba, "
                                       "Benue State, residents said.", id="t", published="2024-03-14"))
    assert len(evs) == 2 and {e.actor1_side for e in evs} == {"OTHER"}


def test_an_attack_on_soldiers_is_an_armed_clash_not_violence_against_civilians():
    (ev,) = _events("ERBIL, May 10 - Islamic State militants attacked the town of Dibis in Kirkuk province on "
                    "Thursday, killing two Iraqi soldiers, a police officer said.")
    assert ev.event_type == "Battles" and ev.sub_event_type == "Armed clash"


def test_an_attack_on_villagers_stays_an_attack_on_civilians():
    (ev,) = _events("ERBIL, May 10 - Islamic State militants attacked the village of Dibis in Kirkuk province on "
                    "Thursday, killing two farmers, a police officer said.")
    assert ev.sub_event_type == "Attack"


def test_militants_killed_in_an_encounter_with_security_forces_fought_the_security_forces():
    (ev,) = _events("SRINAGAR - Two militants were killed in an encounter with security forces in Anantnag district "
                    "on Tuesday, the police said.", "2019-05-28")
    assert ev.sub_event_type == "Armed clash" and ev.actor1.startswith("Military Forces of India")


def test_the_subject_of_another_verbs_passive_did_not_act():
    evs = _events("BAMENDA, May 10 (AFP) - Two members of the security forces who were returning fire were wounded "
                  "in Bamenda on Thursday, and a number of shops were set on fire, state radio said.")
    assert evs and all(e.actor1_side == "UNKNOWN" for e in evs)


def test_an_attack_attributed_by_a_longer_named_authority_to_a_group_is_that_groups():
    evs = _events("YAOUNDE, May 10 (AFP) - At least six villagers were killed on Thursday in an attack in Mamfe "
                  "attributed by the regional authorities to English-speaking separatist rebels, who have been "
                  "battling the army since 2017.")
    assert [e.actor1 for e in evs] == ["Ambazonian Separatists"]


def test_gunmen_who_ambush_travellers_attack_civilians():
    (ev,) = _events("JOS, May 10 (Reuters) - Gunmen ambushed travellers near Bokkos in Plateau state on Thursday, "
                    "killing three, police said.")
    assert ev.sub_event_type == "Attack" and ev.actor2_side == "CIV" and ev.fatalities == 3


def test_gunmen_who_clash_with_residents_and_police_fight_a_battle():
    (ev,) = _events("JOS, May 10 (Reuters) - Gunmen clashed with residents and police in Bokkos in Plateau state "
                    "on Thursday, police said.")
    assert ev.event_type == "Battles"


def test_an_armed_group_named_after_its_description_is_the_actor():
    evs = _events("BANGUI, May 10 (Reuters) - Members of an alliance of armed groups known as the Coalition of "
                  "Patriots for Change (CPC) assaulted the town of Bossangoa on Thursday, the mayor said.")
    assert [(e.actor1, e.location) for e in evs] == [("CPC: Coalition of Patriots for Change", "Bossangoa")]


def test_the_town_is_not_the_datelines_city():
    evs = _events("BANGUI, May 10 (Reuters) - Rebels attacked a town in northwest Central African Republic on "
                  "Thursday.\nThe rebels later said they had taken over the town.")
    assert all(e.location != "Bangui" for e in evs)


def test_the_sides_of_clashes_between_two_groups_are_named_first_one_first():
    (ev,) = _events("DAMASCUS, July 14 (Xinhua) - At least 30 people were killed on Monday in clashes between Druze "
                    "militias and Bedouin tribes in southern Syria's Sweida province, a war monitor said.")
    assert (ev.actor1, ev.actor2) == ("Druze Militia (Syria)", "Bedouin Militia (Syria)")


def test_a_state_force_named_first_in_an_exchange_of_fire_between_is_actor1():
    evs = _events("IMPHAL, Aug 5 (PTI) - A heavy exchange of fire took place between security forces and militants "
                  "near Kwakta in Manipur's Bishnupur district on Saturday, officials said.")
    assert [e.actor1_side for e in evs] == ["OTHER"]
    assert evs[0].actor1.startswith("Military Forces of India")


def test_who_confirms_the_loss_is_the_source_and_the_raids_author_acts():
    (ev,) = _events("MAIDUGURI, Jan 8 - The Defence Headquarters (DHQ) has confirmed the loss of six soldiers during a "
                    "raid by fighters of the Islamic State West Africa Province (ISWAP) on a military base in "
                    "Damboa, Borno State, on Sunday.")
    assert (ev.event_type, ev.fatalities) == ("Battles", 6)
    assert ev.actor1.startswith("Islamic State") and ev.actor2.startswith("Military Forces of Nigeria")


def test_a_group_described_before_its_name_is_the_named_group():
    (ev,) = _events("MOGADISHU, Oct 15 (Reuters) - At least 13 Somali troops died after the army attacked militant "
                    "group al Shabaab on farms near Afgoye north-west of Mogadishu on Wednesday, an official said.")
    assert (ev.sub_event_type, ev.actor2, ev.fatalities) == ("Armed clash", "Al Shabaab", 13)
    assert ev.location != "Mogadishu"


def test_the_force_that_disperses_a_rally_is_not_the_one_that_reports_it():
    (ev,) = _events("KYIV, March 21 (Reuters) - Ukraine's armed forces said Russian troops used stun grenades and "
                    "gunfire to disperse a rally of pro-Ukrainian protesters in the occupied city of Kherson on Monday.")
    assert ev.event_type == "Protests" and ev.actor2_side == "RUS"


def test_detentions_for_protesting_are_arrests():
    (ev,) = _events("KYIV, March 21 - Earlier this month, members of Russia's National Guard detained more than 400 "
                    "people in Kherson region for protesting against the occupation, Ukrainian authorities said.")
    assert (ev.sub_event_type, ev.actor1_side) == ("Arrests", "RUS")


def test_who_announces_on_a_weekday_that_it_attacked_is_the_attacker():
    evs = _events("BEIRUT, May 17 (AFP) - Hezbollah announced Friday it had launched attack drones on Israeli "
                  "military positions in Metula, a border town in northern Israel, wounding three soldiers.")
    assert [(e.actor1, e.actor2_side) for e in evs] == [("Hezbollah", "OTHER")]
