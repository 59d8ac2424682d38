import pytest

from sitrep.events.classify import (ARREST_OR_ABDUCTION, TERRITORY_CAPTURE, TERRITORY_REGAIN, CueLexicon,
                                    resolve_with_actors)


@pytest.fixture(scope="module")
def cues():
    return CueLexicon.default()


@pytest.mark.parametrize("sentence, expected", [
    ("Russian troops shelled the village with Grad rockets.", "Shelling/artillery/missile attack"),
    ("A Shahed drone hit an apartment block overnight.", "Air/drone strike"),
    ("Junta jets bombed the village, killing three.", "Air/drone strike"),
    ("A car bomb exploded outside the administration building.", "Remote explosive/landmine/IED"),
    ("A tractor driver was injured when his vehicle hit an anti-tank mine.", "Remote explosive/landmine/IED"),
    ("A suicide bomber blew himself up at the gate of the base.", "Suicide bomb"),
    ("Gunmen threw a grenade into the bar.", "Grenade"),
    ("Air defence forces shot down 11 drones over the region.", "Disrupted weapons use"),
    ("A guided bomb destroyed a school, killing a teacher.", "Air/drone strike"),
    ("Ukrainian defenders repelled 12 Russian attacks near Robotyne on Tuesday.", "Armed clash"),
    ("Russian troops carried out offensive operations near Verbove.", "Armed clash"),
    ("Two explosive devices were destroyed by sappers.", "Disrupted weapons use"),
    ("Government troops clashed with rebels near the border.", "Armed clash"),
    ("Hundreds of people rallied in the central square.", "Peaceful protest"),
    ("Police fired tear gas to disperse the protesters.", "Protest with intervention"),
    ("Security forces opened fire on protesters, killing four.", "Excessive force against protesters"),
    ("Rioters threw stones at police and torched cars.", "Violent demonstration"),
    ("Soldiers looted shops in the market.", "Looting/property destruction"),
    ("The two sides signed a ceasefire agreement.", "Agreement"),
    ("Gunmen abducted the village head.", "Abduction/forced disappearance"),
    ("Militiamen shot dead five villagers.", "Attack"),
    ("Ukrainian forces liberated the village of Neskuchne.", TERRITORY_REGAIN),
    ("Rebels seized the town after two days.", TERRITORY_CAPTURE),
    ("Police arrested three men.", ARREST_OR_ABDUCTION),
    ("Russian forces shelled the recently liberated village of Kupiansk.", "Shelling/artillery/missile attack"),
    ("Six policemen were injured in a quadcopter attack on the police station.", "Air/drone strike"),
    ("Armed men killed 58 civilians when they intercepted a convoy returning from a market.", "Attack"),
    ("Bandits shot 14 herders dead near the market.", "Attack"),
    ("One of the mortar attacks damaged a barn and smashed windows.", "Shelling/artillery/missile attack"),
    ("A garage was destroyed in a drone attack on the village.", "Air/drone strike"),
    ("The activist was detained by the Popular Liberation Front on Friday.", ARREST_OR_ABDUCTION),
    ("Gunmen raided a camp sheltering refugees from the north.", "Attack"),
    ("Jihadists raided an army camp near the border.", "Armed clash"),
    ("A fourth village, Urozhaine, had been secured, the deputy minister said.", TERRITORY_CAPTURE),
])
def test_sentence_gets_expected_sub_type(cues, sentence, expected):
    c = cues.classify(sentence)
    assert c is not None and c.sub_event_type == expected


@pytest.mark.parametrize("sentence", [
    "The ministers discussed the humanitarian appeal.",
    "Sanctions target two commanders.",
    "The bill passed its second reading.",
    "Police arrested three men suspected of drug smuggling.",
])
def test_sentences_without_event_cues_give_nothing(cues, sentence):
    assert cues.classify(sentence) is None


def test_trigger_span_points_at_the_action(cues):
    s = "On Monday, Russian troops shelled Kupiansk."
    c = cues.classify(s)
    assert s[c.trigger[0]:c.trigger[1]].lower() == "shelled"


def test_event_type_of_sub_type(cues):
    assert cues.event_type("Disrupted weapons use") == "Strategic developments"
    assert cues.event_type("Grenade") == "Explosions/Remote violence"


def test_state_forces_retaking_own_ground_regain_territory():
    assert resolve_with_actors(TERRITORY_REGAIN, "State forces", "Ukraine", "Ukraine", True) == "Government regains territory"


def test_foreign_army_capture_is_armed_clash():
    assert resolve_with_actors(TERRITORY_CAPTURE, "State forces", "Russia", "Ukraine", True) == "Armed clash"


def test_non_state_capture_overtakes_territory():
    assert resolve_with_actors(TERRITORY_CAPTURE, "Rebel group", None, "Myanmar", True) == "Non-state actor overtakes territory"


def test_detention_by_state_is_arrest_and_by_militia_abduction():
    assert resolve_with_actors(ARREST_OR_ABDUCTION, "State forces", "Kenya", "Kenya", True) == "Arrests"
    assert resolve_with_actors(ARREST_OR_ABDUCTION, "Political militia", None, "Kenya", True) == "Abduction/forced disappearance"


def test_every_cue_in_the_lexicon_is_a_pattern_string():
    from sitrep.data import load_yaml

    spec = load_yaml("lexicons/event_cues.yaml")
    assert all(isinstance(p, str) for pats in spec["cues"].values() for p in pats)
    known = set(spec["cues"])
    for rule in spec["rules"]:
        assert set(rule.get("all", [])) | set(rule.get("none", [])) <= known, rule


def test_seizing_a_person_is_an_abduction_not_a_capture():
    from sitrep.events.classify import CueLexicon

    c = CueLexicon.default().classify("On April 9, Russian soldiers seized a priest in the village, residents said.")
    assert c.sub_event_type == "Abduction/forced disappearance"


def test_the_occupied_city_describes_a_place_it_reports_no_capture():
    from sitrep.events.classify import CueLexicon

    c = CueLexicon.default().classify("A car bomb killed an official in the occupied city of Melitopol on Wednesday.")
    assert c.sub_event_type == "Remote explosive/landmine/IED"


def test_a_coup_is_not_a_capture_of_ground():
    from sitrep.model import Article
    from sitrep.pipeline import extract_article
    text = ("BANGKOK (AP) - Sagaing has resisted the military, which seized power from the elected government "
            "in Naypyitaw on Feb. 1, 2021, residents said.")
    assert extract_article(Article(text=text, id="t", published="2024-05-10", language="en")) == []


def test_doctors_reporting_an_armed_strike_are_not_on_strike():
    from sitrep.events.classify import CueLexicon
    hits = CueLexicon.default().hits("Doctors reported an RSF strike on the Abu Shouk camp that wounded civilians.")
    assert not hits.has("a_protest")
    assert CueLexicon.default().hits("Doctors in Khartoum went on strike over unpaid wages.").has("a_protest")


def test_militants_attacking_a_police_checkpost_is_a_clash():
    from sitrep.events.classify import CueLexicon
    cls = CueLexicon.default().classify("Heavily armed terrorists attacked the Fateh Khel police checkpost late "
                                        "on Saturday, killing four policemen.")
    assert cls is not None and cls.sub_event_type == "Armed clash"


def test_settlements_attacked_by_an_army_are_not_a_battle_with_it():
    from sitrep.events.classify import CueLexicon
    cls = CueLexicon.default().classify("Three settlements in the Belgorod region were attacked by the Armed "
                                        "Forces of Ukraine, two civilians were injured.")
    assert cls is None or cls.sub_event_type != "Armed clash"


def test_every_cue_of_the_lexicon_is_a_pattern_string():
    """A YAML pitfall ("(?: that" read as a mapping) must fail here, not as a crash in extraction."""
    from sitrep.data import load_yaml

    groups = load_yaml("lexicons/event_cues.yaml")["cues"]
    bad = [(name, p) for name, pats in groups.items() for p in pats if not isinstance(p, str)]
    assert bad == []


def test_fighters_killed_in_a_strike_on_a_house_is_remote_violence_not_a_clash():
    from sitrep.events.classify import CueLexicon
    cls = CueLexicon.default().classify("Four Hezbollah members were killed in a strike on a house in the town of "
                                        "Ramia overnight, a security official said.")
    assert cls is not None and cls.sub_event_type != "Armed clash"


def test_members_of_a_family_killed_are_no_combatants():
    from sitrep.events.classify import CueLexicon
    cls = CueLexicon.default().classify("An Israeli strike killed nine members of one family in Rafah on Saturday.")
    assert cls is None or cls.sub_event_type != "Armed clash"
