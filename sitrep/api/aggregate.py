"""Server-side aggregation for the dashboard: it never ships 100,000 markers, only what a view can show.

For a filter, the store's events are reduced once to light rows (id, date, type, lat, lon, fatalities, location) and
cached briefly; the map endpoint then bins those rows into grid cells for the viewport and zoom (or returns the
points themselves when few), and the timeline counts them per day and event type.
"""
from __future__ import annotations

import math
import threading
import time
from collections import Counter, defaultdict
from typing import Any, Callable, NamedTuple

MAX_POINTS = 1500      # at most this many single markers in one map response; above, grid cells
CACHE_SECONDS = 30.0   # a `sitrep ingest` run elsewhere shows up within this delay; our own writes clear it
CACHE_ENTRIES = 32


class Row(NamedTuple):
    event_id: str
    date: str
    event_type: str
    lat: float | None
    lon: float | None
    fatalities: int | None
    location: str | None
    country: str | None
    admin1: str | None


class RowCache:
    """A small TTL cache of light rows per filter key; thread-safe, cleared on every write through the API."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._data: dict[tuple, tuple[float, list[Row]]] = {}
        self._memo: dict[tuple, tuple[list[Row], Any]] = {}

    def get(self, key: tuple, load: Callable[[], list[Row]]) -> list[Row]:
        now = time.monotonic()
        with self._lock:
            hit = self._data.get(key)
            if hit and now - hit[0] < CACHE_SECONDS:
                return hit[1]
        rows = load()
        with self._lock:
            if len(self._data) >= CACHE_ENTRIES:
                self._data.pop(min(self._data, key=lambda k: self._data[k][0]))
            self._data[key] = (now, rows)
        return rows

    def memo(self, key: tuple, rows: list[Row], compute: Callable[[list[Row]], Any]) -> Any:
        """A result derived from `rows` (the timeline of a filter), kept as long as those rows are."""
        with self._lock:
            hit = self._memo.get(key)
            if hit and hit[0] is rows:
                return hit[1]
        value = compute(rows)
        with self._lock:
            if len(self._memo) >= CACHE_ENTRIES:
                self._memo.clear()
            self._memo[key] = (rows, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._memo.clear()


def load_rows(store: Any, flt: Any) -> list[Row]:
    return [Row(e.event_id, e.event_date or "", e.event_type, e.latitude, e.longitude, e.fatalities, e.location,
                e.country, e.admin1)
            for e in store.iter_events(flt)]


def timeline(rows: list[Row]) -> dict[str, Any]:
    """Events per day and type, plus totals per type, country and admin1 (for the filter menus)."""
    per_day: dict[str, Counter] = defaultdict(Counter)
    types: Counter = Counter()
    regions: Counter = Counter()
    countries: Counter = Counter()
    for r in rows:
        if r.date:
            per_day[r.date[:10]][r.event_type] += 1
        types[r.event_type] += 1
        if r.country:
            countries[r.country] += 1
        if r.admin1:
            regions[f"{r.admin1}"] += 1
    return {
        "total": len(rows),
        "days": [{"date": d, "counts": dict(c)} for d, c in sorted(per_day.items())],
        "types": dict(types.most_common()),
        "countries": dict(countries.most_common(200)),
        "admin1": dict(regions.most_common(300)),
    }


def map_view(rows: list[Row], bbox: tuple[float, float, float, float] | None, zoom: int) -> dict[str, Any]:
    """Points when at most MAX_POINTS are in view, else grid cells of about 60 px at this zoom."""
    inview = [r for r in rows if r.lat is not None and r.lon is not None and _inside(r, bbox)]
    if len(inview) <= MAX_POINTS:
        return {"mode": "points", "total": len(inview),
                "points": [{"id": r.event_id, "lat": r.lat, "lon": r.lon, "type": r.event_type,
                            "fatalities": r.fatalities, "date": r.date, "location": r.location} for r in inview]}
    size = 360.0 / (2 ** max(0, min(zoom, 18))) / 4.0
    cells: dict[tuple[int, int], list] = {}
    for r in inview:
        k = (math.floor(r.lon / size), math.floor(r.lat / size))
        c = cells.get(k)
        if c is None:
            cells[k] = c = [0, 0.0, 0.0, 0, Counter()]
        c[0] += 1
        c[1] += r.lat
        c[2] += r.lon
        c[3] += r.fatalities or 0
        c[4][r.event_type] += 1
    out = [{"n": n, "lat": round(la / n, 5), "lon": round(lo / n, 5), "fatalities": f,
            "type": t.most_common(1)[0][0]} for n, la, lo, f, t in cells.values()]
    return {"mode": "cells", "total": len(inview), "cells": out}


def _inside(r: Row, bbox: tuple[float, float, float, float] | None) -> bool:
    if bbox is None:
        return True
    return bbox[0] <= r.lon <= bbox[2] and bbox[1] <= r.lat <= bbox[3]  # type: ignore[operator]
