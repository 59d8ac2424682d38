"""Two small events (one merged from two outlets, one without coordinates) for the export tests."""
from __future__ import annotations

from sitrep.model import Event, Source


def sample_events() -> list[Event]:
    kharkiv = Event(
        event_id="ev-kharkiv-1", event_date="2023-06-27", date_precision="day",
        event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Russia (2000-)", inter1="State forces", actor2="Civilians (Ukraine)",
        inter2="Civilians", actor1_side="RUS", actor2_side="CIV", country="Ukraine", admin1="Kharkiv",
        admin2="Kharkiv Raion", location="Kharkiv", latitude=49.9935, longitude=36.2304, geo_precision=1,
        geonameid=706483, fatalities=3, fatalities_min=3, fatalities_max=5, certainty="reported",
        notes="On 27 June 2023, Russian forces shelled Kharkiv; 3 killed. [sitrep: 2 sources; fatality figures 3-5]",
        sources=[Source(article_id="a-1", evidence="Russian troops shelled Kharkiv, killing 3.", char_start=0,
                        char_end=42, url="https://ukrinform.example/1", published="2023-06-28", source="Ukrinform"),
                 Source(article_id="a-2", evidence="A missile hit Kharkiv, 5 dead, \"officials\" said, in, commas.",
                        char_start=10, char_end=70, url="https://reuters.example/2", published="2023-06-27T18:00:00",
                        source="Reuters")])
    unplaced = Event(
        event_id="ev-protest-2", event_date="2023-07-01", date_precision="month", event_type="Protests",
        sub_event_type="Peaceful protest", actor1="Protesters (Ukraine)", country="Ukraine", admin1="Odesa",
        location=None, latitude=None, longitude=None, geo_precision=3, fatalities=None, notes="Protest in Odesa Oblast.",
        sources=[Source(article_id="a-3", evidence="Residents protested.", char_start=0, char_end=20)])
    return [kharkiv, unplaced]
