"""The words of a bearing ("30 km north-west of", "southern", "miles from"), shared by every rule that must tell a
place named as a reference point from the place of an event."""
from __future__ import annotations

COMPASS = r"(?:north|south|east|west)(?:[-\s]?(?:east|west))?(?:ern)?"    # "north", "north-west", "southeastern"
DISTANCE_UNIT = r"(?:km|kilometres|kilometers|miles)"
