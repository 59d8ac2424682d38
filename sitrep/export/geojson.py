"""Events as an RFC 7946 FeatureCollection: a Point per event ([longitude, latitude], WGS 84, no `crs`).

An event without coordinates is still exported, with `"geometry": null` (RFC 7946 section 3.2). The credits go
in foreign members (`attribution`, `licenses`, `generator`), which RFC 7946 allows on any object.
"""
from __future__ import annotations

import math

from sitrep.export.acled import acled_row
from sitrep.export.attribution import ATTRIBUTION, GENERATOR, LICENSES
from sitrep.export.records import event_dict
from sitrep.model import Event


def _geometry(ev: Event) -> dict | None:
    lat, lon = ev.latitude, ev.longitude
    if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return {"type": "Point", "coordinates": [round(float(lon), 6), round(float(lat), 6)]}


def feature(ev: Event) -> dict:
    props = event_dict(ev)
    props.pop("latitude", None)
    props.pop("longitude", None)
    props["latitude"], props["longitude"] = ev.latitude, ev.longitude
    # the CSV's column names too (event_id_cnty, time_precision, iso, region, ...), so every format carries the
    # same field names; a name both have keeps the record's value (fatalities stays null when not reported)
    for name, value in acled_row(ev).items():
        props.setdefault(name, value)
    return {"type": "Feature", "id": ev.event_id, "geometry": _geometry(ev), "properties": props}


def feature_collection(events: list[Event]) -> dict:
    return {"type": "FeatureCollection", "features": [feature(e) for e in events],
            "attribution": ATTRIBUTION, "licenses": LICENSES, "generator": GENERATOR}
