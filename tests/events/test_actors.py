"""Actor dictionaries and resolver: wire-style sentences from many conflicts -> ACLED-style actors and sides."""
from __future__ import annotations

import pytest

from sitrep.events.actors import Actor, ActorLexicon, ActorMention, interaction


@pytest.fixture(scope="module")
def lex() -> ActorLexicon:
    return ActorLexicon.default()


def names(lex: ActorLexicon, text: str, country: str | None = None, **kw) -> list[tuple[str, str]]:
    return [(m.text, m.actor.name) for m in lex.find(text, country, **kw)]


def actor_of(lex: ActorLexicon, text: str, phrase: str, country: str | None = None) -> Actor:
    for m in lex.find(text, country):
        if m.text == phrase:
            return m.actor
    raise AssertionError(f"{phrase!r} not found in {names(lex, text, country)}")


# --- Russia-Ukraine --------------------------------------------------------------------------------------

def test_demonym_and_force_noun_give_russian_military(lex):
    a = actor_of(lex, "Russian troops shelled the village overnight.", "Russian troops", "Ukraine")
    assert (a.name, a.side) == ("Military Forces of Russia (2000-)", "RUS")


def test_modifiers_between_demonym_and_noun_stay_in_the_span(lex):
    text = "Russian occupation forces fired on Nikopol."
    assert names(lex, text, "Ukraine") == [("Russian occupation forces", "Military Forces of Russia (2000-)")]


def test_ukrainian_armed_forces_in_every_form(lex):
    text = "The Armed Forces of Ukraine, Ukraine's armed forces and Ukrainian drones struck the depot."
    found = {m.actor.name for m in lex.find(text, "Ukraine")}
    assert found == {"Military Forces of Ukraine (2019-)"}
    assert len(lex.find(text, "Ukraine")) == 3


def test_curly_apostrophe_possessive_is_read(lex):
    a = actor_of(lex, "Kyiv’s soldiers raised the flag in Neskuchne.", "Kyiv’s soldiers", "Ukraine")
    assert a.side == "UKR"


def test_occupiers_and_invaders_are_russian_in_ukraine(lex):
    found = lex.find("The occupiers shelled Kherson while the invaders looted shops.", "Ukraine")
    assert [m.actor.side for m in found] == ["RUS", "RUS"]


def test_kadyrovites_and_wagner_are_russian_side(lex):
    found = {m.text: m.actor for m in lex.find("Kadyrovites and Wagner mercenaries stormed the town.", "Ukraine")}
    assert found["Kadyrovites"].side == "RUS"
    assert found["Wagner mercenaries"].name == "Wagner Group"


def test_partisans_and_resistance_are_ukrainian(lex):
    text = "Partisans blew up a car; the resistance claimed the attack."
    assert [m.actor.name for m in lex.find(text, "Ukraine")] == ["Partisans (Ukraine)", "Partisans (Ukraine)"]
    assert all(m.actor.side == "UKR" for m in lex.find(text, "Ukraine"))


def test_collaborator_is_russian_side(lex):
    a = actor_of(lex, "A local collaborator was wounded in the blast.", "collaborator", "Ukraine")
    assert (a.name, a.side) == ("Collaborators (Ukraine)", "RUS")


def test_so_called_occupation_head_is_russian_government(lex):
    text = "The so-called head of the military-civilian administration of Chornobaivka was injured."
    a = lex.find(text, "Ukraine")[0].actor
    assert (a.name, a.side) == ("Government of Russia (2000-)", "RUS")


def test_russian_installed_mayor_is_russian_government(lex):
    a = actor_of(lex, "The Russian-installed mayor of Enerhodar survived.", "The Russian-installed mayor", "Ukraine")
    assert a.side == "RUS" and a.name.startswith("Government of Russia")


def test_the_enemy_means_russia_in_ukraine_and_ukraine_in_russia(lex):
    in_ukraine = actor_of(lex, "The enemy attacked Sumy with drones.", "The enemy", "Ukraine")
    in_russia = actor_of(lex, "The enemy attacked Belgorod with drones.", "The enemy", "Russia")
    assert (in_ukraine.side, in_russia.side) == ("RUS", "UKR")


def test_bare_troops_stay_unresolved_in_ukraine(lex):
    assert names(lex, "Troops advanced near the river.", "Ukraine") == []


def test_navy_and_national_guard_get_branch_names(lex):
    found = dict(names(lex, "Russian warships and Rosgvardia units were seen.", "Ukraine"))
    assert found["Russian warships"] == "Military Forces of Russia (2000-) Navy"
    assert found["Rosgvardia units"].endswith("National Guard (Rosgvardia)")


def test_city_metonym_is_a_state_actor_but_not_after_a_preposition(lex):
    found = names(lex, "Moscow launched missiles at the capital, Kyiv.", "Ukraine")
    assert found == [("Moscow", "Military Forces of Russia (2000-)")]


def test_metonym_as_object_is_not_an_actor(lex):
    assert names(lex, "The Kremlin accused Ukraine of the attack.", "Ukraine") == []
    assert names(lex, "After Russia shelled the port, Ukraine said ...", "Ukraine")[0][0] == "Russia"


def test_unattributed_air_strike_in_ukraine_is_russian(lex):
    a = actor_of(lex, "An air strike destroyed a school in Sumy.", "An air strike", "Ukraine")
    assert a.side == "RUS"


def test_police_who_report_are_not_actors(lex):
    assert names(lex, "Police said gunmen killed two traders.", "Nigeria") == [
        ("gunmen", "Unidentified Armed Group (Nigeria)"), ("two traders", "Civilians (Nigeria)")]
    assert names(lex, "Police fired teargas.", "Kenya") == [("Police", "Police Forces of Kenya (2022-)")]


def test_shahed_drones_imply_russia(lex):
    a = actor_of(lex, "Shahed drones hit energy facilities in Odesa.", "Shahed drones", "Ukraine")
    assert a.side == "RUS"


def test_russian_forces_abroad_are_external_forces(lex):
    a = actor_of(lex, "Russian forces shelled Kharkiv.", "Russian forces", "Ukraine")
    assert a.inter == "External/Other forces"
    home = actor_of(lex, "Russian air defences downed drones over Bryansk.", "Russian air defences", "Russia")
    assert home.inter == "State forces"


def test_ukraine_war_sides_become_other_outside_the_war(lex):
    a = actor_of(lex, "Russian troops guarded the gold mine.", "Russian troops", "Central African Republic")
    assert a.side == "OTHER"


def test_no_country_falls_back_to_the_ukraine_war_words(lex):
    a = actor_of(lex, "The occupiers shelled the town.", "The occupiers")
    assert a.side == "RUS"


# --- civilians, protesters, unidentified ------------------------------------------------------------------

def test_age_phrases_are_civilians_of_the_article_country(lex):
    found = names(lex, "A 70-year-old man and a four-year-old were killed.", "Ukraine")
    assert found == [("A 70-year-old man", "Civilians (Ukraine)"), ("a four-year-old", "Civilians (Ukraine)")]


def test_residents_women_and_children_are_civilians(lex):
    found = lex.find("Residents said two women and three children died.", "Sudan")
    assert {m.actor.name for m in found} == {"Civilians (Sudan)"} and len(found) == 3
    assert all(m.actor.side == "CIV" for m in found)


def test_demonym_civilians_take_the_demonym_country(lex):
    a = actor_of(lex, "The drone injured three Russian civilians.", "Russian civilians", "Russia")
    assert (a.name, a.side) == ("Civilians (Russia)", "CIV")


def test_protesters_and_rioters(lex):
    found = dict(names(lex, "Police fired teargas at protesters as rioters burned tyres.", "Kenya"))
    assert found["protesters"] == "Protesters (Kenya)"
    assert found["rioters"] == "Rioters (Kenya)"
    assert found["Police"] == "Police Forces of Kenya (2022-)"


def test_gunmen_are_an_unidentified_armed_group(lex):
    a = actor_of(lex, "Unidentified gunmen shot the lawyer in his car.", "Unidentified gunmen", "Mozambique")
    assert (a.name, a.side) == ("Unidentified Armed Group (Mozambique)", "UNKNOWN")


def test_jihadists_are_a_named_party_of_the_country(lex):
    a = actor_of(lex, "Jihadists attacked the army post.", "Jihadists", "Burkina Faso")
    assert (a.name, a.side) == ("Islamist Militants (Burkina Faso)", "OTHER")


# --- other conflicts --------------------------------------------------------------------------------------

def test_the_army_is_the_article_country_army(lex):
    assert names(lex, "The army said it repelled the attack.", "Sudan") == [
        ("The army", "Military Forces of Sudan (2019-)")]
    assert names(lex, "The army said it repelled the attack.", "Myanmar") == [
        ("The army", "Military Forces of Myanmar (2021-)")]


def test_paramilitary_rsf_with_prefix_and_article(lex):
    found = names(lex, "The paramilitary Rapid Support Forces and the RSF fighters shelled El Fasher.", "Sudan")
    assert found == [("The paramilitary Rapid Support Forces", "Rapid Support Forces"),
                     ("the RSF fighters", "Rapid Support Forces")]


def test_the_paramilitary_alone_is_the_rsf_in_sudan(lex):
    assert names(lex, "Bara is under the control of the paramilitary.", "Sudan") == [
        ("the paramilitary", "Rapid Support Forces")]


def test_myanmar_junta_airstrike_and_resistance(lex):
    found = dict(names(lex, "A junta airstrike hit the village as resistance forces took two outposts.", "Myanmar"))
    assert found["A junta airstrike"] == "Military Forces of Myanmar (2021-)"
    assert found["resistance forces"] == "PDF: People's Defense Force"


def test_al_shabaab_spellings_and_somali_militants(lex):
    found = names(lex, "Islamist al-Shabab militants killed Somali soldiers; the insurgents fled.", "Somalia")
    assert [n for _, n in found] == ["Al Shabaab", "Military Forces of Somalia (2022-)", "Al Shabaab"]


def test_year_picks_the_acled_regime_period(lex):
    a = actor_of(lex, "Somali soldiers retook the base.", "Somali soldiers", "Somalia")
    assert a.name == "Military Forces of Somalia (2022-)"
    old = [m.actor.name for m in lex.find("Somali soldiers retook the base.", "Somalia", year=2020)]
    assert old == ["Military Forces of Somalia (2017-2022)"]


def test_occupation_aircraft_is_israel_in_gaza(lex):
    found = names(lex, "Occupation aircraft bombed a house in Nuseirat, killing a woman.", "Palestinian Territory")
    assert found == [("Occupation aircraft", "Military Forces of Israel (2022-)"), ("a woman", "Civilians (Palestine)")]


def test_hamas_hezbollah_and_israeli_enemy_strike(lex):
    found = dict(names(lex, "An Israeli enemy strike hit Hezbollah fighters; Hamas fired rockets.", "Lebanon"))
    assert found["An Israeli enemy strike"] == "Military Forces of Israel (2022-)"
    assert found["Hezbollah fighters"] == "Hezbollah"
    assert found["Hamas"] == "Hamas Movement"


def test_m23_and_congolese_army(lex):
    found = dict(names(lex, "M23 rebels clashed with the Congolese army and government forces.", "DRC"))
    assert found["M23 rebels"] == "M23: March 23 Movement"
    assert found["the Congolese army"] == found["government forces"] == \
        "Military Forces of the Democratic Republic of Congo (2019-)"


def test_haitian_police_and_gangs(lex):
    found = dict(names(lex, "Haitian police pushed back heavily armed gangs and Viv Ansanm.", "Haiti"))
    assert found["Haitian police"] == "Police Forces of Haiti (2024-)"
    assert found["heavily armed gangs"] == "Unidentified Gang (Haiti)"
    assert found["Viv Ansanm"] == "Viv Ansanm"


def test_mexican_army_and_cartel_gunmen(lex):
    found = dict(names(lex, "Mexican army troops killed 19 suspected drug cartel gunmen of the Sinaloa Cartel.",
                       "Mexico"))
    assert found["Mexican army troops"] == "Military Forces of Mexico (2024-)"
    assert found["suspected drug cartel gunmen"] == "Unidentified Gang (Mexico)"
    assert found["the Sinaloa Cartel"] == "Sinaloa Cartel"


def test_burkinabe_soldiers_jnim_and_vdp(lex):
    found = dict(names(lex, "JNIM fighters killed Burkinabe soldiers and 10 volunteers.", "Burkina Faso"))
    assert found["JNIM fighters"] == "JNIM: Group for Support of Islam and Muslims"
    assert found["Burkinabe soldiers"] == "Military Forces of Burkina Faso (2022-)"
    assert found["volunteers"] == "VDP: Volunteers for the Defense of the Homeland"


def test_insurgents_are_islamic_state_in_mozambique(lex):
    a = actor_of(lex, "Insurgents beheaded villagers in Cabo Delgado.", "Insurgents", "Mozambique")
    assert a.name == "Islamic State (Mozambique)"


def test_houthis_and_eln_and_fano(lex):
    assert lex.find("Houthi rebels fired missiles.", "Yemen")[0].actor.name.startswith("Military Forces of Yemen")
    assert lex.find("ELN guerrillas attacked a base.", "Colombia")[0].actor.name == "ELN: National Liberation Army"
    assert lex.find("Fano militias seized the town.", "Ethiopia")[0].actor.name == "Fano Militia"


def test_acronyms_are_case_sensitive(lex):
    assert names(lex, "They told us the safe route.", "Sudan") == []
    assert names(lex, "the rsf said nothing", "Sudan") == []
    assert names(lex, "Forces of the SAF advanced.", "Sudan")[-1][1] == "Military Forces of Sudan (2019-)"


def test_longest_match_wins(lex):
    found = names(lex, "Ukrainian partisans attacked armed men.", "Ukraine")
    assert found == [("Ukrainian partisans", "Partisans (Ukraine)"), ("armed men", "Unidentified Armed Group (Ukraine)")]


def test_offsets_index_the_text(lex):
    text = "Overnight, Russian drones hit Odesa."
    for m in lex.find(text, "Ukraine"):
        assert isinstance(m, ActorMention) and text[m.start:m.end] == m.text


# --- helpers ------------------------------------------------------------------------------------------------

def test_fixed_actor_helpers(lex):
    assert lex.civilians("Ukraine") == Actor("Civilians (Ukraine)", "CIV", "Civilians", "Ukraine")
    assert lex.protesters("UA").name == "Protesters (Ukraine)"
    assert lex.rioters("Haiti").inter == "Rioters"
    assert lex.unidentified("Ukraine").name == "Unidentified Armed Group (Ukraine)"
    assert lex.civilians(None).name == "Civilians"


def test_from_text_names_an_unknown_group_as_the_text_does(lex):
    a = lex.from_text("the Tiger Brigade", "Syria")
    assert (a.name, a.side, a.country) == ("Tiger Brigade", "OTHER", "Syria")
    assert lex.from_text("the Lion militia", "Nigeria").inter == "Political militia"
    assert lex.from_text("the Kamwina Nsapu rebels", "DRC").inter == "Rebel group"
    assert lex.from_text("a local gang", "Haiti").inter == "Political militia"


def test_from_text_returns_known_actors(lex):
    assert lex.from_text("the RSF", "Sudan").name == "Rapid Support Forces"


def test_from_text_demonym_unit_is_that_states_forces(lex):
    a = lex.from_text("Ukraine's 47th Mechanized Brigade", "Ukraine")
    assert a.name == "Military Forces of Ukraine (2019-) 47th Mechanized Brigade" and a.side == "UKR"


def test_interaction_labels_in_acled_order():
    assert interaction("State forces", "Civilians") == "State forces-Civilians"
    assert interaction("Civilians", "Rebel group") == "Rebel group-Civilians"
    assert interaction("External/Other forces", None) == "External/Other forces only"
    assert interaction(None, None) is None


def test_default_lexicon_is_loaded_once():
    assert ActorLexicon.default() is ActorLexicon.default()


def test_numbered_unit_is_named_after_its_state(lex):
    found = names(lex, "The 68th Separate Jaeger Brigade liberated Blahodatne.", "Ukraine")
    assert found == [("The 68th Separate Jaeger Brigade", "Military Forces of Ukraine (2019-) 68th Separate Jaeger Brigade")]
    found = names(lex, "Russia's 810th Marine Brigade lost two tanks.", "Ukraine")
    assert found == [("Russia's 810th Marine Brigade", "Military Forces of Russia (2000-) 810th Marine Brigade")]


def test_sahel_fds_is_the_article_country_army(lex):
    assert names(lex, "The FDS repelled an attack near Tillaberi.", "Niger") == [
        ("The FDS", "Military Forces of Niger (2023-)")]
    assert names(lex, "The FDS repelled an attack near Djibo.", "Burkina Faso") == [
        ("The FDS", "Military Forces of Burkina Faso (2022-)")]


def test_palestinians_are_civilians_in_gaza(lex):
    a = actor_of(lex, "Israeli fire killed 30 Palestinians seeking aid.", "Palestinians", "Palestinian Territory")
    assert (a.name, a.side) == ("Civilians (Palestine)", "CIV")


def test_joint_forces_mean_the_darfur_movements_only_in_sudan(lex):
    assert names(lex, "The Joint Forces repelled the RSF.", "Sudan")[0][1] == "Joint Forces of Armed Struggle Movements"
    assert names(lex, "The Joint Forces Command said nothing.", "Ukraine") == []


def test_every_yaml_entry_is_well_formed():
    """Data editors get a named failure instead of a silent miss."""
    from importlib import resources

    import yaml

    from sitrep.events.actors import INTER_CODES
    folder = resources.files("sitrep.data").joinpath("actors")
    files = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.iterdir() if p.name.endswith(".yaml")}
    states = {c for d in files.values() for c in (d.get("states") or {})} | {"{country}"}
    for name, data in files.items():
        for item in (data.get("actors") or []) + (data.get("contextual") or []):
            where = f"{name}: {item.get('name') or item.get('state')}"
            assert item.get("patterns"), where
            if "state" in item:
                assert item["state"] in states, where
            else:
                assert item.get("inter", "Rebel group") in INTER_CODES, where
                assert item.get("side", "OTHER") in {"RUS", "UKR", "CIV", "OTHER", "UNKNOWN"}, where


def test_from_text_of_an_empty_phrase_is_the_unidentified_group(lex):
    assert lex.from_text("  ", "Sudan") == lex.unidentified("Sudan")


def test_from_text_names_identity_militias_acled_style(lex):
    a = lex.from_text("Fulani ethnic militia", "Mali")
    assert (a.name, a.inter) == ("Fulani Ethnic Militia (Mali)", "Identity militia")


def test_unknown_country_still_gets_state_and_civilian_actors(lex):
    found = dict(names(lex, "The army shelled villagers.", "Narnia"))
    assert found == {"The army": "Military Forces of Narnia", "villagers": "Civilians (Narnia)"}


def test_syria_post_assad_forces_and_identity_militias(lex):
    found = dict(names(lex, "Syrian government forces clashed with Druze gunmen near Sweida.", "Syria"))
    assert found["Syrian government forces"] == "Military Forces of Syria (2024-)"
    assert found["Druze gunmen"] == "Druze Militia (Syria)"
    assert lex.find("Syrian troops shelled Idlib.", "Syria", year=2019)[0].actor.name == "Military Forces of Syria (2000-2024)"


def test_pakistan_ttp_and_unnamed_militants(lex):
    found = dict(names(lex, "The TTP claimed the attack; militants killed five policemen.", "Pakistan"))
    assert found["The TTP"] == "TTP: Tehreek-i-Taliban Pakistan"
    assert found["militants"] == "Unidentified Armed Group (Pakistan)"
    assert found["policemen"] == "Police Forces of Pakistan (2024-)"


def test_jihadists_in_coastal_states(lex):
    found = dict(names(lex, "Jihadists killed Beninese soldiers near Park W.", "Benin"))
    assert found == {"Jihadists": "Islamist Militants (Benin)", "Beninese soldiers": "Military Forces of Benin (2016-)"}


def test_actor_country_is_the_gazetteer_name_while_names_stay_acled(lex):
    a = actor_of(lex, "Congolese soldiers fled.", "Congolese soldiers", "Democratic Republic of the Congo")
    assert a.country == "Democratic Republic of the Congo" and a.inter == "State forces"
    assert lex.civilians("Palestinian Territory") == Actor("Civilians (Palestine)", "CIV", "Civilians",
                                                           "Palestinian Territory")
    assert lex.find("Hamas fired rockets.", "Israel")[0].actor.country == "Palestinian Territory"


def test_gunmen_from_a_named_group_are_that_group(lex):
    found = lex.find("Gunmen from the Islamic State West Africa Province attacked the camp.", "Nigeria")
    assert [m.actor.side for m in found] == ["OTHER"]
    assert found[0].text.startswith("Gunmen") and "West Africa" in found[0].actor.name


def test_a_named_groups_common_noun_holds_only_in_its_own_country():
    from sitrep.events.actors import ActorLexicon

    lex = ActorLexicon.default()
    assert [a.actor.name for a in lex.find("two hunters hit a mine", "Mali")] == []
    assert any("CJTF" in a.actor.name for a in lex.find("vigilantes repelled the attack", "Nigeria"))
