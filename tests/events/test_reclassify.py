"""Second looks at a classification: people killed in an attack nobody is named for, and who did the killing."""
from sitrep.model import Article
from sitrep.pipeline import extract_article


def _events(text: str, published: str = "2024-05-10"):
    return extract_article(Article(text=text, id="t", published=published, language="en"))


def test_people_killed_in_an_attack_of_no_named_attacker_are_an_attack_on_civilians():
    (ev,) = _events("BAMAKO, May 10 (AFP) - Seven civilians were killed in an attack near Bandiagara in central Mali "
                    "on Thursday, local officials said.")
    assert ev.event_type == "Violence against civilians" and ev.sub_event_type == "Attack"
    assert ev.location == "Bandiagara" and ev.fatalities == 7


def test_an_attack_with_no_one_killed_is_not_coded_from_the_noun_alone():
    assert _events("BAMAKO, May 10 (AFP) - Officials in central Mali warned of a new attack near Bandiagara.") == []


def test_villagers_killed_by_gunmen_after_a_time_phrase_are_victims_not_a_battle():
    (ev,) = _events("BAMAKO, May 10 (Reuters) - Nine villagers were killed on Thursday by unidentified gunmen in "
                    "Bankass, a local official said.")
    assert ev.sub_event_type == "Attack" and ev.fatalities == 9


def test_gunmen_killed_by_soldiers_are_a_battle():
    (ev,) = _events("BAMAKO, May 10 (Reuters) - Soldiers killed twelve gunmen on Thursday near Bankass, the army said.")
    assert ev.event_type == "Battles"


def test_places_that_came_under_attack_after_a_shelling_lead_were_shelled():
    evs = _events("KYIV, May 10 - Russian troops shelled four communities in Kharkiv region on Thursday, firing "
                  "about 100 shells, the governor said.\n\nThe communities of Zolochiv, Bohodukhiv and Kupiansk "
                  "came under attack.")
    assert {e.location for e in evs} >= {"Zolochiv", "Bohodukhiv", "Kupiansk"}
    assert {e.sub_event_type for e in evs} == {"Shelling/artillery/missile attack"}


def test_a_summary_of_attacks_is_not_made_shelling_by_a_shelling_before_it():
    evs = _events("KYIV, May 10 - Russian troops shelled Kupiansk in Kharkiv region on Thursday, the governor "
                  "said.\n\nIn recent weeks, there have been several attacks on officials in the Kharkiv region.")
    assert [e.location for e in evs] == ["Kupiansk"]


def test_the_paragraph_after_a_one_sentence_lead_names_the_weapon_of_its_attack():
    evs = _events("KHARTOUM, May 10 (Reuters) - At least 20 civilians were killed in an attack by the Rapid Support "
                  "Forces in El Fasher on Thursday, the army said.\n\nThe RSF launched a barrage of suicide drones "
                  "on the city, the army said.")
    assert [e.sub_event_type for e in evs if e.fatalities == 20] == ["Air/drone strike"]


def test_an_armed_group_strike_on_a_camp_is_remote_not_close_range():
    evs = _events("KHARTOUM, May 10 (Reuters) - Doctors reported an RSF strike on the Abu Shouk displacement camp "
                  "near El Fasher on Thursday that wounded several civilians.")
    (ev,) = evs
    assert ev.location == "Abu Shouk" and ev.sub_event_type == "Shelling/artillery/missile attack"


def test_an_armys_killings_spread_over_several_towns_in_a_day_are_remote_fire():
    evs = _events("KYIV, May 10 - Russians killed four residents of Donetsk Oblast on Thursday: two in Kostiantynivka "
                  "and one each in Toretsk and Pokrovsk, the governor said.")
    assert len(evs) >= 2 and {e.sub_event_type for e in evs} == {"Shelling/artillery/missile attack"}


def test_soldiers_killing_villagers_in_one_village_stay_an_attack():
    (ev,) = _events("BANGKOK, May 10 (AP) - Myanmar soldiers killed five villagers in Let Pan village in the Sagaing "
                    "region on Thursday, residents said.")
    assert ev.sub_event_type == "Attack"


def test_soldiers_killed_in_an_attack_by_an_armed_group_are_a_battle_not_shelling():
    (ev,) = _events("NIAMEY, May 10 (AFP) - Twenty Nigerien soldiers and a civilian were killed on Thursday in an "
                    "attack by a coalition of terrorists near Tera in western Niger, the defence ministry said.")
    assert ev.event_type == "Battles" and ev.sub_event_type == "Armed clash"
    assert ev.fatalities == 21


def test_militants_attacking_a_police_post_are_a_battle_not_a_riot():
    (ev,) = _events("PESHAWAR, May 10 (AP) - Militants attacked a police post in Bannu on Thursday, killing two "
                    "officers, police said.")
    assert ev.event_type == "Battles"


def test_the_camp_of_a_raid_on_soldiers_told_just_before_is_the_target():
    evs = _events("MAIDUGURI, May 10 (AFP) - Insurgents killed four soldiers in a raid on a military base in "
                  "northeast Nigeria. Gunmen launched the attack on Thursday at the Buni Yadi camp in Yobe state.")
    assert evs and {e.event_type for e in evs} == {"Battles"}


def test_an_aerial_assault_is_an_air_strike():
    (ev,) = _events("An aerial assault on a village in Sagaing region's Pale township on Tuesday killed at least "
                    "eight civilians, residents said.")
    assert ev.sub_event_type == "Air/drone strike" and ev.fatalities == 8


def test_a_group_storming_a_hotel_and_killing_people_attacks_civilians():
    (ev,) = _events("MOGADISHU, May 10 (AP) - On Sunday, al-Shabab stormed a hotel in Mogadishu, killing seven people.")
    assert ev.sub_event_type == "Attack" and ev.location == "Mogadishu" and ev.fatalities == 7


def test_an_unnamed_strike_is_read_by_the_usual_means_of_the_forces_that_made_it():
    (israeli,) = _events("GAZA, May 10 (AFP) - An Israeli strike hit a house in Nuseirat on Thursday, killing four "
                         "people, the civil defence agency said.")
    (russian,) = _events("KHERSON, May 10 - A Russian strike hit a house in Bilozerka on Thursday, killing four "
                         "people, the governor said.")
    assert israeli.sub_event_type == "Air/drone strike"
    assert russian.sub_event_type == "Shelling/artillery/missile attack"


def test_the_weapon_of_a_separate_incident_next_does_not_type_the_attack_before_it():
    evs = _events("KHARTOUM, May 10 (AP) - Paramilitary fighters shelled a camp near El Fasher on Friday, killing 14.\n\n"
                  "The Rapid Support Forces also attacked the village of Um Kadada, east of El Fasher, where residents "
                  "said gunmen looted homes.\n\nIn a separate incident on Thursday, a drone struck a fuel depot in "
                  "Kassala, the army said, without saying who launched it.")
    by_place = {e.location: e for e in evs}
    assert by_place["Kassala"].actor1_side == "UNKNOWN"
    assert next(e for e in evs if e.location not in ("Kassala", "El Fasher")).sub_event_type != "Air/drone strike"


def test_a_place_under_an_armys_fire_is_shelled():
    (ev,) = _events("On Friday, the community of Kostiantynivka in Donetsk Oblast was under Russian fire for almost an "
                    "hour, the head of the city administration said.", "2023-05-12")
    assert ev.sub_event_type == "Shelling/artillery/missile attack" and ev.actor1_side == "RUS"


def test_an_attack_on_peshmerga_fighters_is_an_armed_clash():
    (ev,) = _events("ERBIL - The group claimed responsibility for an attack on Peshmerga in Kirkuk late on Sunday, "
                    "killing four of them.", "2021-12-07")
    assert ev.sub_event_type == "Armed clash" and ev.event_date == "2021-12-05" and ev.fatalities == 4


def test_an_office_holder_killed_in_a_blast_of_no_stated_cause_was_killed_by_a_planted_bomb():
    (ev,) = _events("ZAPORIZHZHIA, April 27 - A local collaborator was killed in an explosion in the Russian-occupied "
                    "city of Melitopol on Thursday, the exiled mayor said.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"


def test_attacks_that_injure_a_police_officer_in_a_war_report_are_no_riot():
    evs = _events("KHERSON, Oct 26 - Russian attacks on Kherson Oblast on Thursday killed one civilian in the Beryslav "
                  "district and injured a police officer in Kherson, local officials reported.")
    assert evs and all(e.event_type == "Explosions/Remote violence" for e in evs)


def test_a_later_bombing_of_no_named_author_is_the_group_that_claimed_the_first():
    evs = _events("KABUL, June 8 (Reuters) - A deputy governor was killed in a car bomb blast in Faizabad on Tuesday. "
                  "Islamic State later claimed responsibility for the bombing.\nOn Thursday, a bomb exploded at a "
                  "mosque in Faizabad during his funeral, killing 11 people, a Taliban spokesman said.")
    bombings = [e for e in evs if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert len(bombings) == 2 and all(e.actor1.startswith("Islamic State") for e in bombings)
