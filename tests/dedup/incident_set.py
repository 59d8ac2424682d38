"""A hand-written set of multi-source incidents, in the style of different outlets, with look-alike distractors.

Each report is one article's extraction of one event; `incident` is the gold label: reports with the same label
are the same real event. Labels starting with D are distractors: each is a different real event that looks like
one of the incidents (same place next day, same day nearby town, same place different event type, namesakes).
"""
from __future__ import annotations

from sitrep.model import Event, Source

KHARKIV = dict(country="Ukraine", admin1="Kharkiv", location="Kharkiv", latitude=49.9935, longitude=36.2304, geo_precision=1)
SHELL = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack")
DRONE = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
RUS = dict(actor1="Military Forces of Russia (2000-)", actor1_side="RUS")
UKR = dict(actor1="Military Forces of Ukraine (2019-)", actor1_side="UKR")
CIV = dict(actor2="Civilians (Ukraine)", actor2_side="CIV")

REPORTS = [
    # I1: missile strike on Kharkiv, four outlets, different tolls and spellings
    ("I1", "ukrinform-101", "Ukrinform", "2023-06-28", dict(**SHELL, **RUS, **CIV, **KHARKIV, event_date="2023-06-27", fatalities=3,
     claimed_by="Oleh Syniehubov"), "On Tuesday, Russian troops launched a missile strike on Kharkiv, killing three civilians, head of the regional military administration Oleh Syniehubov said."),
    ("I1", "reuters-102", "Reuters", "2023-06-27", dict(**SHELL, **RUS, **CIV, **KHARKIV, event_date="2023-06-27", fatalities=4),
     "A Russian missile hit an apartment block in Kharkiv, Ukraine's second-largest city, killing at least four people, the regional governor said."),
    ("I1", "tass-103", "TASS", "2023-06-27", dict(**SHELL, **RUS, country="Ukraine", admin1="Kharkiv", location="Kharkov",
     latitude=49.98, longitude=36.25, geo_precision=1, event_date="2023-06-27", certainty="claimed",
     claimed_by="Russian Ministry of Defence", actor2="Military Forces of Ukraine (2019-)", actor2_side="UKR"),
     "Russian forces delivered a high-precision strike on a temporary deployment point of Ukrainian units in Kharkov, the Russian Defence Ministry said."),
    ("I1", "telegram-104", "Kharkiv Today", "2023-06-27", dict(**SHELL, **RUS, **CIV, country="Ukraine", admin1="Kharkiv",
     location="Kharkiv", latitude=50.03, longitude=36.30, geo_precision=2, event_date="2023-06-27", fatalities=5),
     "Explosions in Kharkiv: a rocket hit the Saltivskyi district this afternoon, five dead and a dozen wounded."),
    # I2: shelling of Nikopol, no casualties
    ("I2", "kyivindependent-201", "Kyiv Independent", "2023-02-25", dict(**SHELL, **RUS, country="Ukraine", admin1="Dnipropetrovsk",
     location="Nikopol", latitude=47.567, longitude=34.396, geo_precision=1, event_date="2023-02-24", fatalities=0),
     "Russian forces shelled Nikopol with heavy artillery on Feb. 24, no casualties were reported, Governor Serhii Lysak said."),
    ("I2", "ukrinform-202", "Ukrinform", "2023-02-25", dict(**SHELL, **RUS, country="Ukraine", admin1="Dnipropetrovsk",
     location="Nikopol", latitude=47.567, longitude=34.396, geo_precision=1, event_date="2023-02-24", fatalities=0),
     "Yesterday the invaders fired at Nikopol from heavy artillery; people were not injured, several houses and a gas pipeline were damaged."),
    ("I2", "suspilne-203", "Suspilne Dnipro", "2023-02-24", dict(**SHELL, **RUS, country="Ukraine", admin1="Dnipropetrovsk",
     location="Nikopol'", latitude=47.5667, longitude=34.4, geo_precision=1, event_date="2023-02-24"),
     "Nikopol shelled again today: artillery hit the city centre, damaging houses and a gas pipeline."),
    # I3: overnight attack on Odesa, two sub-event types
    ("I3", "reuters-301", "Reuters", "2023-07-18", dict(**DRONE, **RUS, country="Ukraine", admin1="Odesa", location="Odesa",
     latitude=46.4775, longitude=30.7326, geo_precision=1, event_date="2023-07-18", fatalities=0),
     "Russia attacked the Black Sea port of Odesa with drones and missiles overnight, damaging port infrastructure, officials said; no one was killed."),
    ("I3", "pravda-302", "Ukrainska Pravda", "2023-07-18", dict(**SHELL, **RUS, country="Ukraine", admin1="Odesa", location="Odessa",
     latitude=46.48, longitude=30.73, geo_precision=1, event_date="2023-07-18"),
     "Odesa came under a combined missile and drone attack overnight; port infrastructure in Odesa was damaged, the Southern Defence Forces said."),
    # I4: Ukrainian shelling of Donetsk city, reported by Russian outlets
    ("I4", "tass-401", "TASS", "2023-09-10", dict(**SHELL, **UKR, **CIV, country="Ukraine", admin1="Donetsk", location="Donetsk",
     latitude=48.0159, longitude=37.8028, geo_precision=1, event_date="2023-09-10", fatalities=2, certainty="claimed",
     claimed_by="DPR mission to the JCCC"), "Ukrainian forces shelled Donetsk's Kuibyshevsky district with 155mm artillery, two civilians were killed, the DPR mission to the JCCC said."),
    ("I4", "ria-402", "RIA Novosti", "2023-09-10", dict(**SHELL, **UKR, **CIV, country="Ukraine", admin1="Donetsk", location="Donetsk",
     latitude=48.0159, longitude=37.8028, geo_precision=1, event_date="2023-09-10", fatalities=3, certainty="claimed",
     claimed_by="Denis Pushilin"), "Ukrainian militants fired at Donetsk, killing three residents of the Kuibyshevsky district, Denis Pushilin wrote."),
    # I5: rally in occupied Nova Kakhovka, Ukrainian and Russian spellings
    ("I5", "24channel-501", "24 Channel", "2022-03-06", dict(event_type="Protests", sub_event_type="Peaceful protest",
     actor1="Protesters (Ukraine)", actor1_side="CIV", country="Ukraine", admin1="Kherson", location="Nova Kakhovka",
     latitude=46.755, longitude=33.348, geo_precision=1, event_date="2022-03-05", fatalities=0),
     "Thousands of residents of occupied Nova Kakhovka took to the streets on March 5 with Ukrainian flags, chanting that the city is Ukraine."),
    ("I5", "pravda-502", "Ukrainska Pravda", "2022-03-05", dict(event_type="Protests", sub_event_type="Peaceful protest",
     actor1="Protesters (Ukraine)", actor1_side="CIV", country="Ukraine", admin1="Kherson", location="Novaya Kakhovka",
     latitude=46.76, longitude=33.36, geo_precision=1, event_date="2022-03-05"),
     "A mass rally against the occupation took place in Novaya Kakhovka today: people came out with Ukrainian flags."),
    # I6: RSF massacre near Bara, different tolls
    ("I6", "reuters-601", "Reuters", "2025-07-14", dict(event_type="Violence against civilians", sub_event_type="Attack",
     actor1="Rapid Support Forces", actor1_side="OTHER", actor2="Civilians (Sudan)", actor2_side="CIV", country="Sudan",
     admin1="North Kordofan", location="Bara", latitude=13.70, longitude=30.37, geo_precision=2, event_date="2025-07-13",
     fatalities=200), "RSF fighters killed more than 200 people in attacks on villages near Bara in North Kordofan, a lawyers' group said."),
    ("I6", "sudantribune-602", "Sudan Tribune", "2025-07-15", dict(event_type="Violence against civilians", sub_event_type="Attack",
     actor1="Rapid Support Forces", actor1_side="OTHER", actor2="Civilians (Sudan)", actor2_side="CIV", country="Sudan",
     admin1="North Kordofan", location="Shag Alnom", latitude=13.78, longitude=30.41, geo_precision=1, event_date="2025-07-13",
     fatalities=300), "At least 300 villagers were killed when Rapid Support Forces attacked Shag Alnom village near Bara, North Kordofan, on Sunday."),
    # I7: Izium / Izyum strike
    ("I7", "kyivindependent-701", "Kyiv Independent", "2023-02-02", dict(**SHELL, **RUS, **CIV, country="Ukraine", admin1="Kharkiv",
     location="Izium", latitude=49.2128, longitude=37.2569, geo_precision=1, event_date="2023-02-01", fatalities=3),
     "A Russian missile hit a residential building in Izium on Feb. 1, killing three people."),
    ("I7", "reuters-702", "Reuters", "2023-02-01", dict(**SHELL, **RUS, **CIV, country="Ukraine", admin1="Kharkiv",
     location="Izyum", latitude=49.21, longitude=37.26, geo_precision=1, event_date="2023-02-01", fatalities=3),
     "Three people were killed when a Russian missile struck an apartment building in the eastern town of Izyum."),
    # I8: Vasylivka / Vasilyevka shelled, reported from the occupation side
    ("I8", "tass-801", "TASS", "2022-06-18", dict(**SHELL, **UKR, **CIV, country="Ukraine", admin1="Zaporizhzhia", location="Vasilyevka",
     latitude=47.4367, longitude=35.2767, geo_precision=1, event_date="2022-06-17", certainty="claimed", claimed_by="Vladimir Rogov"),
     "Ukrainian troops shelled Vasilyevka in the Zaporozhye region on Friday, Vladimir Rogov said."),
    ("I8", "ria-802", "RIA Novosti", "2022-06-17", dict(**SHELL, **UKR, **CIV, country="Ukraine", admin1="Zaporizhzhia", location="Vasylivka",
     latitude=47.44, longitude=35.28, geo_precision=1, event_date="2022-06-17", fatalities=1, certainty="claimed", claimed_by="local administration"),
     "The Armed Forces of Ukraine fired on Vasylivka, one resident was killed, the local administration said."),
    # I9: junta airstrike on Pazigyi, Myanmar
    ("I9", "irrawaddy-901", "The Irrawaddy", "2023-04-11", dict(**DRONE, actor1="Military Forces of Myanmar (2021-)", actor1_side="OTHER",
     actor2="Civilians (Myanmar)", actor2_side="CIV", country="Myanmar", admin1="Sagaing", location="Pazigyi",
     latitude=22.24, longitude=95.35, geo_precision=1, event_date="2023-04-11", fatalities=100),
     "Junta jets bombed a crowd at an opening ceremony in Pazigyi village, Kanbalu Township, killing at least 100 people."),
    ("I9", "reuters-902", "Reuters", "2023-04-12", dict(**DRONE, actor1="Military Forces of Myanmar (2021-)", actor1_side="OTHER",
     actor2="Civilians (Myanmar)", actor2_side="CIV", country="Myanmar", admin1="Sagaing", location="Pa Zi Gyi",
     latitude=22.241, longitude=95.352, geo_precision=1, event_date="2023-04-11", fatalities=53),
     "An air strike by Myanmar's military on Pa Zi Gyi village killed at least 53 people, witnesses said."),
    # I10: Israeli strike in Nuseirat camp
    ("I10", "wafa-1001", "WAFA", "2023-11-19", dict(**DRONE, actor1="Military Forces of Israel (2022-)", actor1_side="OTHER",
     actor2="Civilians (Palestine)", actor2_side="CIV", country="Palestine", admin1="Gaza Strip", location="Nuseirat Camp",
     latitude=31.451, longitude=34.393, geo_precision=1, event_date="2023-11-18", fatalities=11),
     "Eleven citizens were killed when Israeli warplanes bombed a house in Nuseirat camp in the central Gaza Strip."),
    ("I10", "aljazeera-1002", "Al Jazeera", "2023-11-18", dict(**DRONE, actor1="Military Forces of Israel (2022-)", actor1_side="OTHER",
     actor2="Civilians (Palestine)", actor2_side="CIV", country="Palestine", admin1="Gaza Strip", location="Nuseirat",
     latitude=31.449, longitude=34.392, geo_precision=1, event_date="2023-11-18", fatalities=8),
     "An Israeli air strike on a home in the Nuseirat refugee camp killed at least eight people, medics said."),
    # I11: a village the geocoder could not place, spelled the Ukrainian and the Russian way
    ("I11", "rbc-1201", "RBC-Ukraine", "2023-06-28", dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
     **RUS, **CIV, country="Ukraine", admin1="Kharkiv", location="Kurylivka", geo_precision=1, event_date="2023-06-27", fatalities=1),
     "The occupiers fired multiple rocket launchers at Kurylivka, one man was killed."),
    ("I11", "ria-1202", "RIA Novosti", "2023-06-27", dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
     **RUS, country="Ukraine", admin1="Kharkiv", location="Kurilovka", geo_precision=1, event_date="2023-06-27"),
     "Russian artillery struck Ukrainian positions near Kurilovka with Grad rockets."),
    # --- distractors ---
    ("D1", "reuters-1101", "Reuters", "2023-06-28", dict(**SHELL, **RUS, **CIV, **KHARKIV, event_date="2023-06-28", fatalities=2),
     "A Russian missile strike on Kharkiv killed two people and damaged an apartment block, the regional governor said."),
    ("D2", "kyivindependent-1102", "Kyiv Independent", "2023-06-27", dict(event_type="Protests", sub_event_type="Peaceful protest",
     actor1="Protesters (Ukraine)", actor1_side="CIV", **KHARKIV, event_date="2023-06-27", fatalities=0),
     "Residents of Kharkiv rallied in the city centre demanding more air defence after the strike."),
    ("D3", "ukrinform-1103", "Ukrinform", "2023-02-25", dict(**SHELL, **RUS, country="Ukraine", admin1="Dnipropetrovsk", location="Marhanets",
     latitude=47.643, longitude=34.627, geo_precision=1, event_date="2023-02-24", fatalities=0),
     "Russian troops also shelled Marhanets with heavy artillery yesterday, no one was injured."),
    ("D4", "suspilne-1104", "Suspilne Kharkiv", "2023-06-27", dict(**SHELL, **RUS, **CIV, country="Ukraine", admin1="Kharkiv", location="Tsyrkuny",
     latitude=50.087, longitude=36.36, geo_precision=1, event_date="2023-06-27", fatalities=1),
     "In the village of Tsyrkuny in Kharkiv district, Russian shelling killed one man on Tuesday."),
    ("D5", "tass-1105", "TASS", "2023-09-10", dict(**SHELL, **UKR, **CIV, country="Ukraine", admin1="Donetsk", location="Gorlovka",
     latitude=48.336, longitude=38.053, geo_precision=1, event_date="2023-09-10", fatalities=1, certainty="claimed",
     claimed_by="Ivan Prikhodko"), "Ukrainian forces shelled Gorlovka, killing one civilian, the city's mayor Ivan Prikhodko said."),
    ("D6", "ukrinform-1106", "Ukrinform", "2023-02-03", dict(**SHELL, **RUS, **CIV, country="Ukraine", admin1="Kharkiv", location="Izium",
     latitude=49.2128, longitude=37.2569, geo_precision=1, event_date="2023-02-02", fatalities=0),
     "Russian artillery shelled Izium again on Feb. 2, damaging a school; there were no casualties."),
    ("D7", "reuters-1107", "Reuters", "2025-07-14", dict(event_type="Violence against civilians", sub_event_type="Attack",
     actor1="Rapid Support Forces", actor1_side="OTHER", actor2="Civilians (Sudan)", actor2_side="CIV", country="Sudan",
     admin1="North Darfur", location="El Fasher", latitude=13.628, longitude=25.349, geo_precision=1, event_date="2025-07-13",
     fatalities=12), "RSF shelling and raids in El Fasher killed 12 civilians, a local resistance committee said."),
    ("D8", "reuters-1108", "Reuters", "2023-07-19", dict(**DRONE, **RUS, country="Ukraine", admin1="Odesa", location="Odesa",
     latitude=46.4775, longitude=30.7326, geo_precision=1, event_date="2023-07-19", fatalities=0),
     "Russia struck Odesa with drones and missiles for a second night, damaging grain terminals at the port."),
    ("D9", "ukrinform-1109", "Ukrinform", "2023-05-04", dict(**SHELL, **RUS, **CIV, country="Ukraine", admin1="Kherson", location="Ivanivka",
     latitude=46.97, longitude=34.55, geo_precision=1, event_date="2023-05-03", fatalities=1),
     "Russian shelling of Ivanivka in Kherson region killed one woman."),
    ("D10", "suspilne-1110", "Suspilne Kharkiv", "2023-05-03", dict(**SHELL, **RUS, **CIV, country="Ukraine", admin1="Kharkiv", location="Ivanivka",
     latitude=49.70, longitude=37.70, geo_precision=1, event_date="2023-05-03", fatalities=0),
     "Russian troops shelled Ivanivka in Kupiansk district; no one was hurt."),
    ("D12", "rbc-1212", "RBC-Ukraine", "2023-06-28", dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
     **RUS, **CIV, country="Ukraine", admin1="Kharkiv", location="Tymofiivka", geo_precision=1, event_date="2023-06-27", fatalities=0),
     "Tymofiivka came under mortar fire; no casualties."),
    ("D11", "24channel-1111", "24 Channel", "2022-03-06", dict(**SHELL, **RUS, **CIV, country="Ukraine", admin1="Kherson", location="Nova Kakhovka",
     latitude=46.755, longitude=33.348, geo_precision=1, event_date="2022-03-05", fatalities=1),
     "The occupiers opened fire in Nova Kakhovka on March 5, a family's car was shot at and one man was killed."),
]


def build() -> list[Event]:
    """The reports as Events, each with one source whose offsets point into its (one-sentence) article."""
    out = []
    for n, (label, article, outlet, published, fields, evidence) in enumerate(REPORTS):
        ev = Event(**fields, notes=evidence, event_id=f"{article}-e0")
        ev.sources = [Source(article_id=article, evidence=evidence, char_start=0, char_end=len(evidence),
                             url=f"https://example.org/{article}", published=published, source=outlet)]
        out.append(ev)
    return out


def label_of() -> dict[str, str]:
    return {f"{r[1]}-e0": r[0] for r in REPORTS}
