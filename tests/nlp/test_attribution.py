"""Who says it, and how sure: claimant and certainty from hand-written wire-style sentences."""
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sitrep.nlp.attribution import find_attribution


@pytest.mark.parametrize("sentence, claimant", [
    ("Two people were killed in the shelling, according to the head of the Sumy Regional Military "
     "Administration, Volodymyr Artiukh.", "Volodymyr Artiukh"),
    ("A drone hit a gas station in Odesa, Governor Oleh Kiper said on Telegram.", "Oleh Kiper"),
    ("The Russian Defence Ministry said its forces had repelled six attacks near Kupiansk.",
     "Russian Defence Ministry"),
    ("Three civilians were wounded, the regional police reported.", "regional police"),
    ("The shelling damaged 12 houses, said Ivan Fedorov, head of the Zaporizhzhia regional administration.",
     "Ivan Fedorov"),
    ("Amnesty International, a human rights group, said the strike hit a school.", "Amnesty International"),
    ("Serhii Lysak, the governor of Dnipropetrovsk Oblast, wrote on Telegram that Nikopol was shelled.",
     "Serhii Lysak"),
    ("\"The enemy struck the city centre,\" Lysak wrote.", "Lysak"),
    ("Gunmen killed 12 villagers near Djibo, local residents told Reuters.", "local residents"),
    ("The army recaptured the base, citing a military source.", "military source"),
    ("Moscow's envoy Rodion Miroshnik claimed Ukrainian drones hit a bus.", "Rodion Miroshnik"),
    ("The explosion was reported by the Kyiv Independent.", "Kyiv Independent"),
    ("Hamas said five hostages had been killed in Israeli strikes.", "Hamas"),
    ("The announcement followed remarks by army chief Abdel Fattah al-Burhan, who claimed the city had "
     "been retaken.", "Abdel Fattah al-Burhan"),
    ("Russia earlier claimed to have seized the village of Robotyne.", "Russia"),
])
def test_claimant_is_found(sentence, claimant):
    assert find_attribution(sentence).claimed_by == claimant


def test_outlet_relay_loses_to_the_source():
    sentence = ("Petro Andriushchenko, an adviser to the mayor of Mariupol, announced this on Telegram, "
                "Ukrinform reports.")
    assert find_attribution(sentence).claimed_by == "Petro Andriushchenko"


def test_span_covers_the_attribution_phrase():
    sentence = "Four people were killed, according to the regional governor."
    att = find_attribution(sentence)
    assert sentence[att.start:att.end] == "according to the regional governor"


@pytest.mark.parametrize("sentence", [
    "Russian forces shelled the village of Kurylivka on Monday.",
    "No casualties were reported.",
    "Reports of explosions in the city could not be confirmed immediately by residents.",
    "Videos shared on social media showed smoke over the airfield.",
])
def test_outlet_voice_has_no_claimant(sentence):
    assert find_attribution(sentence).claimed_by is None


@pytest.mark.parametrize("sentence, certainty", [
    ("The General Staff said 30 occupiers were eliminated near Bakhmut.", "claimed"),
    ("Officials said the base was briefly captured.", "claimed"),
    ("The Kremlin said Ukraine attempted to strike the residence.", "claimed"),
    ("Al Shabaab said its fighters killed 15 soldiers.", "claimed"),
    ("The United Nations said at least 30 civilians were killed.", "reported"),
    ("Witnesses said the market was hit twice.", "reported"),
    ("Doctors at the city hospital said four children were admitted.", "reported"),
    ("Russian forces shelled Kherson on Sunday.", "reported"),
])
def test_certainty_depends_on_who_speaks(sentence, certainty):
    assert find_attribution(sentence).certainty == certainty


def test_claim_verb_makes_a_claim_even_from_an_unknown_speaker():
    assert find_attribution("Aliyu Musa claimed the village was burned.").certainty == "claimed"


def test_denial_in_context_makes_it_disputed_with_denier():
    sentence = "Moscow said it shot down two drones over the Kremlin."
    context = sentence + " Kyiv denied any involvement in the alleged attack."
    att = find_attribution(sentence, context)
    assert (att.claimed_by, att.certainty, att.denied_by) == ("Moscow", "disputed", "Kyiv")


def test_unverifiable_claim_is_disputed():
    att = find_attribution("The army said it killed 40 militants, a figure that could not be independently "
                           "verified.")
    assert (att.claimed_by, att.certainty) == ("army", "disputed")


def test_denial_in_the_sentence_names_the_denier():
    att = find_attribution("Ukraine's General Staff denied claims by the Russian Defence Ministry that "
                           "Kupiansk had fallen.")
    assert att.certainty == "disputed"
    assert att.denied_by == "Ukraine's General Staff"
    assert att.claimed_by == "Russian Defence Ministry"


def test_pronoun_is_resolved_from_context():
    context = ("Governor Oleksandr Prokudin said Russian forces struck Kherson 40 times. "
               "\"Two people were wounded,\" he said.")
    att = find_attribution("\"Two people were wounded,\" he said.", context)
    assert att.claimed_by == "Oleksandr Prokudin"
    assert att.certainty == "claimed"


def test_bare_surname_is_completed_and_classified_from_context():
    context = ("Governor Oleksandr Prokudin reported heavy shelling. "
               "The strikes killed one person, according to Prokudin.")
    att = find_attribution("The strikes killed one person, according to Prokudin.", context)
    assert (att.claimed_by, att.certainty) == ("Oleksandr Prokudin", "claimed")


def test_generic_head_is_completed_from_context():
    context = ("Lebanon's health ministry said six people died in Aitou. "
               "Separately, the ministry said four people were killed in Barja.")
    att = find_attribution("Separately, the ministry said four people were killed in Barja.", context)
    assert att.claimed_by == "Lebanon's health ministry"


def test_noun_claim_is_not_a_claimant():
    att = find_attribution("The claim could not be verified.")
    assert att.claimed_by is None and att.certainty == "disputed"


def test_passive_reported_is_not_a_claimant():
    assert find_attribution("Explosions were reported near the airport.").claimed_by is None


def test_owner_of_press_service_or_office_is_the_claimant():
    att = find_attribution("The press service of the Southern Defense Forces reported that 12 soldiers were "
                           "eliminated.")
    assert (att.claimed_by, att.certainty) == ("Southern Defense Forces", "claimed")
    assert find_attribution("Zelensky's office said two people were killed.").claimed_by == "Zelensky"


def test_denial_as_trailing_clause():
    att = find_attribution("Russia's Defence Ministry said 30 drones were destroyed, a claim Kyiv rejected.")
    assert (att.claimed_by, att.certainty, att.denied_by) == ("Russia's Defence Ministry", "disputed", "Kyiv")


def test_parenthetical_acronym_is_dropped_from_claimant():
    att = find_attribution("Ukraine's military intelligence (HUR) claimed responsibility for the blast.")
    assert att.claimed_by == "Ukraine's military intelligence"



def test_relative_clause_subject_and_appositive_relative_clause():
    assert find_attribution("The blast, which residents said shook the city, damaged a school.").claimed_by \
        == "residents"
    att = find_attribution("Andrei Malets, a businessman who lives in Kryvyi Rih, said the town was quiet.")
    assert att.claimed_by == "Andrei Malets"


def test_statement_from_body_gives_the_body():
    att = find_attribution("Two sailors were wounded, according to a statement from the Ukrainian Navy.")
    assert (att.claimed_by, att.certainty) == ("Ukrainian Navy", "claimed")


def test_empty_input_is_harmless():
    from sitrep.nlp.dates import find_dates
    from sitrep.nlp.fatalities import count_fatalities, count_injured
    assert find_attribution("").claimed_by is None
    assert find_dates("", None) == [] and count_fatalities("") is None and count_injured("") is None


def test_speaker_after_a_multi_sentence_quote():
    context = ("A local emergencies official spoke to reporters on Tuesday. \"Last night, the enemy fired 39 shells at "
               "Kakhovka. Reports of casualties are being verified,\" he said.")
    sentence = "\"Last night, the enemy fired 39 shells at Kakhovka."
    att = find_attribution(sentence, context)
    assert att.claimed_by == "local emergencies official"
    assert context[context.index(sentence) + att.start:][:7] == "he said"


_WORDS = st.sampled_from(["said", "according", "to", "the", "governor", "Oleh", "Syniehubov", ",", ".", "\"", "“",
                          "”", "he", "denied", "ministry", "reported", "who", "claimed", "a", "Kyiv", "told",
                          "Reuters", "(", ")", "citing", "officials", "that", "it", "was", "not", "verified"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=25).map(" ".join), st.lists(_WORDS, max_size=25).map(" ".join))
def test_always_returns_a_valid_attribution(sentence, context):
    att = find_attribution(sentence, context + " " + sentence)
    assert att.certainty in {"reported", "claimed", "disputed"}
    assert (att.start is None) == (att.end is None)
    assert att.claimed_by is None or att.claimed_by.strip() == att.claimed_by != ""


def test_a_relative_word_before_the_speaker_is_not_part_of_the_claimant():
    from sitrep.nlp.attribution import find_attribution

    found = find_attribution("Gunmen attacked the village of Um Kadada, where residents said gunmen looted homes.")
    assert found.claimed_by == "residents"


def test_the_outlet_told_is_no_claimant_the_official_before_his_title_is():
    attr = find_attribution("Colonel Alain Kiwewa, administrator of Lubero territory, told Reuters that two "
                            "soldiers were killed during the army's response.")
    assert attr.claimed_by == "Alain Kiwewa"


def test_a_generic_claimant_is_not_completed_from_lower_case_words_before_it():
    context = "Militants ambushed a police checkpost in the north, officials said."
    attr = find_attribution("Gunmen attacked a police station late on Saturday, police said.", context)
    assert attr.claimed_by == "police"


def test_a_day_before_the_claimant_is_no_claimant():
    attr = find_attribution("On Saturday, the governor said four civilians died when a village was struck.")
    assert attr.claimed_by == "governor"


def test_a_ranked_officer_is_named_past_the_full_stops_of_his_ranks():
    a = find_attribution("Three soldiers were killed in the clashes, according to army spokesman Brig. Gen. Sam Odu.")
    assert a is not None and a.claimed_by == "Sam Odu"
