"""Death and injury counts from hand-written wire-style sentences (ACLED rules: deaths only, conservative)."""
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sitrep.nlp.fatalities import count_fatalities, count_injured


def deaths(text):
    found = count_fatalities(text)
    return None if found is None else found.value


@pytest.mark.parametrize("text, expected", [
    ("Two people were killed when a missile hit an apartment block in Dnipro.", 2),
    ("The strike killed three civilians, the regional governor said.", 3),
    ("Shelling of the market left five dead and 11 wounded.", 5),
    ("Artillery fire killed at least 14 people on Sunday.", 14),
    ("More than 100 soldiers were killed in the assault, the army said.", 100),
    ("Nearly 300 people have died since the siege began.", 300),
    ("Between 7 and 10 fighters died in the clashes.", 7),
    ("Twenty-five villagers were killed by gunmen overnight.", 25),
    ("Two hundred and fifty people lost their lives in the massacre.", 250),
    ("The blast killed 1,234 people, officials said.", 1234),
    ("A 45-year-old man was killed in the shelling of Nikopol.", 1),
    ("A woman and her two children were killed when a drone hit their house.", 3),
    ("Rebels shot dead a village chief and his wife on Tuesday.", 2),
    ("The death toll from Monday's strike has risen to 17.", 17),
    ("Several civilians were killed in the raid.", 3),
    ("Dozens of people were killed in the bombardment.", 12),
    ("A family of five died when their car hit a landmine.", 5),
    ("Two men were hurt. One of them, sadly, had died before the ambulance came, the mayor said.", 1),
    ("One of them later died in hospital.", 1),
    ("Police recovered the bodies of four men near the river.", 4),
    ("The ministry said it had eliminated more than 40 enemy fighters.", 40),
    ("Militants killed one soldier and injured two others.", 1),
    ("A Russian strike on the village claimed the life of a woman, 63, and damaged a house.", 1),
    ("He received an explosive injury and a concussion.", 0),
    ("In another incident, a motorcyclist was shot dead near the bridge.", 1),
    ("Five Central African Armed Forces (FACA) soldiers were killed in the ambush.", 5),
    ("A drone dropped a grenade on a car, killing the driver.", 1),
    ("The strike killed the soldiers.", None),
])
def test_counts_deaths_in_common_wire_patterns(text, expected):
    assert deaths(text) == expected


def test_injured_number_before_killed_number_is_not_taken_as_deaths():
    assert deaths("The attack left one injured and four killed, the mayor said.") == 4


def test_coordinated_victim_groups_are_added():
    assert deaths("Six soldiers and 12 militiamen were killed in the ambush.") == 18


def test_separate_victims_in_one_passage_are_added():
    text = "The shell killed a 60-year-old man. A second strike also killed a 35-year-old woman."
    assert deaths(text) == 2


def test_restated_figure_is_counted_once():
    text = "Three soldiers were killed at the checkpoint. \"We lost three soldiers,\" the commander said."
    assert deaths(text) == 3


def test_subset_clause_is_not_added_to_total():
    assert deaths("Eight civilians, including two children, were killed in the airstrike.") == 8


def test_stated_toll_overrides_earlier_figure():
    assert deaths("Four people were killed initially; the toll later rose to nine.") == 9


def test_span_points_at_supporting_phrase():
    text = "In Kherson, Russian shelling killed two residents on Friday."
    found = count_fatalities(text)
    assert found is not None and text[found.start:found.end] == found.text
    assert "two residents" in found.text


@pytest.mark.parametrize("text", [
    "No casualties were reported after the strike on the depot.",
    "No one was hurt when the drone crashed into a field.",
    "The official survived the car bomb with minor injuries.",
    "Three people were injured in the shelling of Kharkiv.",
    "The blast wounded two police officers.",
    "The attack was repelled without casualties.",
])
def test_no_deaths_or_injuries_only_gives_zero(text):
    assert deaths(text) == 0


@pytest.mark.parametrize("text", [
    "Air defences destroyed 25 drones and damaged 12 houses overnight.",
    "Troops fired 40 artillery shells from BM-21 launchers and Su-25 jets.",
    "The strike hit at 10:30 with 152mm shells; 30% of the town lost power.",
    "The 2023 budget foresees 12 billion for reconstruction.",
    "Russian forces shelled the village of Kurylivka on Monday.",
    "Reports of casualties are being verified, the official said.",
    "The men, aged 48 and 57, were detained at a checkpoint.",
])
def test_numbers_that_are_not_deaths_give_none(text):
    assert count_fatalities(text) is None


def test_killed_or_wounded_is_not_separable_and_gives_none():
    assert count_fatalities("The raid killed or wounded 50 soldiers, the statement said.") is None
    assert count_injured("The raid killed or wounded 50 soldiers, the statement said.") is None


def test_deaths_without_a_figure_give_none_not_zero():
    assert count_fatalities("Gunmen shot dead a whole family and injured a neighbour.") is None


def test_age_is_not_a_count():
    assert deaths("A 72-year-old woman died of her injuries in hospital.") == 1


def test_casualty_counting_ignores_dates_before_the_figure():
    assert deaths("On May 14, three civilians were killed in Toretsk.") == 3


@pytest.mark.parametrize("text, expected", [
    ("One person was killed and 18 others wounded in the strike.", 18),
    ("The drone crashed into a building, injuring three people.", 3),
    ("According to preliminary data, 6 dead, 4 wounded.", 4),
    ("No one was injured in the attack.", 0),
    ("Four people were killed in the attack.", None),
])
def test_counts_injured(text, expected):
    assert count_injured(text) == expected


def test_named_victims_are_counted():
    text = ("Protests followed the killing of lawyer Elvino Dias and his aide Paulo Guambe, who were shot dead "
            "after midnight.")
    assert deaths(text) == 2
    assert deaths("Oleksiy Kovalev was killed when his car exploded.") == 1


def test_named_active_subject_is_not_a_victim():
    assert count_fatalities("Israeli Defense Forces killed militants in Gaza.") is None


def test_lives_claimed():
    assert deaths("The attack claimed 5 lives in the market.") == 5


def test_subset_without_commas():
    assert deaths("At least 19 people including five children were killed.") == 19


def test_equipment_and_deaths_in_one_sentence():
    assert deaths("The strike destroyed 3 tanks and killed 14 servicemen.") == 14


def test_running_totals_are_flagged_cumulative():
    total = count_fatalities("Since February 2022, more than 10,000 civilians have been killed, the UN said.")
    assert total is not None and total.value == 10000 and total.cumulative
    single = count_fatalities("A missile strike killed four people in Odesa on Monday.")
    assert single is not None and not single.cumulative


def test_victims_added_after_the_verb():
    assert deaths("A teacher, 60, was killed along with a 37-year-old man in the airstrike.") == 2


def test_restated_toll_in_other_words_is_counted_once():
    text = ("Shelling hit a village, leaving one injured and three killed. As a result of the attack, three "
            "civilian residents were killed near their homes.")
    assert deaths(text) == 3


def test_also_and_more_mark_additional_victims():
    assert deaths("Two people were killed in Kharkiv. Two more died in Sumy.") == 4
    assert deaths("Two people were killed in Kharkiv. In Sumy, two people were also killed.") == 4


_WORDS = st.sampled_from(["killed", "three", "people", "were", "injured", "and", "at", "least", "5", "dead", ",",
                          ".", "a", "woman", "her", "child", "no", "casualties", "1,234", "drones", "48-year-old",
                          "between", "or", "wounded", "killing", "toll", "rose", "to", "including", "survived"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=25).map(" ".join))
def test_counts_are_non_negative_and_spans_match_text(text):
    found = count_fatalities(text)
    if found is not None:
        assert found.value >= 0
        assert text[found.start:found.end] == found.text
    injured = count_injured(text)
    assert injured is None or injured >= 0


@pytest.mark.parametrize("text, expected", [
    ("Three Ukrainian soldiers were killed near Bakhmut.", 3),
    ("Two Russians were killed and 3 Ukrainians injured.", 2),
    ("At least 15 Palestinians lost their lives in the strike.", 15),
    ("Twelve Somalis died in the blast.", 12),
    ("Several Sudanese were killed in the raid.", 3),
])
def test_capitalised_number_words_and_demonyms_are_counts_not_names(text, expected):
    assert deaths(text) == expected


def test_a_rival_claimants_figure_is_not_added_the_lower_one_counts():
    assert count_fatalities("The army said 12 soldiers were killed, while the jihadists claimed to have killed "
                            "30.").value == 12


def test_more_deaths_reported_by_another_voice_are_added():
    assert count_fatalities("Four soldiers and 10 volunteers were killed, but the army said around 20 attackers "
                            "were also killed.").value == 34


def test_the_speaker_after_a_victim_list_is_not_a_victim():
    assert deaths("Gunmen attacked the village on Thursday, killing 12 civilians, a local official said.") == 12
    assert deaths("The strike killed two women, a man and a child, officials said.") == 4


def test_a_tally_over_the_last_months_is_a_running_total():
    toll = count_fatalities("The government says it has killed more than 600 members of al-Shabab and recaptured "
                            "68 settlements over the last three months.")
    assert toll is not None and toll.cumulative


def test_the_same_victims_counted_again_by_another_voice_keep_the_lower_figure():
    assert count_fatalities("At least 15 people were killed on Sunday in the village. One inhabitant put the "
                            "number of fatalities at around 20.").value == 15


def test_a_counted_speaker_is_no_victim():
    assert count_fatalities("At least 15 people were killed on Sunday. One inhabitant said 20 people were "
                            "killed.").value == 15


def test_the_enemys_dead_in_a_later_sentence_are_added():
    assert count_fatalities("We have lost four soldiers and 10 volunteers. On the enemy's side, around 20 "
                            "soldiers were neutralized.").value == 34


def test_a_total_and_its_parts_in_the_next_sentence_are_one_count():
    assert count_fatalities("At least 21 people were killed by rebels. The rebels attacked the army checkpoints, "
                            "killing one person, before attacking the village, killing about 20 people.").value == 21


def test_the_toll_of_an_earlier_attack_in_an_after_clause_is_not_added():
    assert count_fatalities("Armed men killed at least 22 civilians on Sunday, less than a week after unidentified "
                            "assailants killed 58 villagers in the same region.").value == 22


def test_the_dead_of_a_campaign_so_far_are_a_running_total():
    toll = count_fatalities("The civil defence agency said that 170 people have been killed by the renewed fighting "
                            "and military operations.")
    assert toll is not None and toll.cumulative


def test_a_toll_since_a_decree_is_a_running_total():
    found = count_fatalities("Some 600 civilians have been killed in the two provinces since martial law was imposed.")
    assert found is not None and found.cumulative


def test_a_speaker_named_with_a_prepositional_phrase_after_the_victims_is_not_a_victim():
    fc = count_fatalities("Militants attacked the town, killing two Iraqi soldiers, an officer from Kirkuk police "
                          "told Rudaw.")
    assert fc.value == 2


def test_also_in_the_first_figure_adds_to_what_came_before_not_to_its_own_restatement():
    assert deaths("Around 20 people were also killed on Sunday in an attack in Nohao. The attack left around twenty "
                  "people dead, a security source said.") == 20


def test_a_figure_another_witness_reported_is_a_rival_claim():
    assert deaths("The attack left twenty people dead, a security source said, while a shopkeeper reported 25 "
                  "people killed.") == 20


def test_a_toll_brought_to_a_total_is_the_events_own_figure():
    fat = count_fatalities("In Kwatas, eight residents were killed, bringing the overall death toll to 30 over the "
                           "weekend.")
    assert fat.value == 8


def test_more_deaths_bringing_the_toll_to_a_figure_make_that_figure():
    assert count_fatalities("Two more people died in hospital, bringing the death toll to 15.").value == 15


@pytest.mark.parametrize("text, expected", [
    ("The death toll after the Russian missile strike on Kharkiv this morning rises to eight, prosecutors said.", 8),
    ("The latest civilian death toll in Uman alone, where a missile struck an apartment building, is 17 people.", 17),
])
def test_a_toll_stated_far_from_its_toll_word_is_the_figure(text, expected):
    assert deaths(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two cops lost their lives in an attack on a police checkpoint, officials said.", 2),
    ("Nine martyrs including six children were pulled out from the rubble.", 9),
])
def test_more_words_for_the_people_killed(text, expected):
    assert deaths(text) == expected
