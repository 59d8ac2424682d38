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
VERSIONED_SECONDS = 600.0  # when the store's version can be read, a change anywhere invalidates at once


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
        self._data: dict[tuple, tuple[float, list[Row], tuple | None]] = {}
        self._memo: dict[tuple, tuple[list[Row], Any]] = {}
        self._loading: dict[tuple, threading.Lock] = {}

    def get(self, key: tuple, load: Callable[[], list[Row]], version: tuple | None = None) -> list[Row]:
        """Cached rows for `key`; with a store `version`, valid while the store is unchanged (up to
        VERSIONED_SECONDS), without one for CACHE_SECONDS."""
        with self._lock:
            if len(self._loading) > 256:  # bounded: a lock held right now stays referenced by its holder
                self._loading = {}
            key_lock = self._loading.setdefault(key, threading.Lock())
        with key_lock:  # one load per key at a time: the map and the timeline of a page share it
            now = time.monotonic()
            with self._lock:
                hit = self._data.get(key)
                if hit and hit[2] == version and now - hit[0] < (VERSIONED_SECONDS if version else CACHE_SECONDS):
                    return hit[1]
            rows = load()
            with self._lock:
                if len(self._data) >= CACHE_ENTRIES:
                    self._data.pop(min(self._data, key=lambda k: self._data[k][0]))
                self._data[key] = (now, rows, version)
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
    """The light rows of every event matching `flt`. Decoding 100,000 full events takes seconds, so the rows are
    read with one SQL query over the store's own columns when the store is the SQL store we know; any other
    store (or a schema change) falls back to `iter_events`, which is always right, only slower."""
    rows = _load_rows_sql(store, flt)
    if rows is not None:
        return rows
    return [Row(e.event_id, e.event_date or "", e.event_type, e.latitude, e.longitude, e.fatalities, e.location,
                e.country, e.admin1)
            for e in store.iter_events(flt)]


def store_version(store: Any) -> tuple | None:
    """A cheap fingerprint that changes with every ingest, merge or correction (three primary-key maxima),
    or None when the store is not the SQL store we know."""
    db = getattr(store, "db", None)
    if db is None or not hasattr(db, "execute"):
        return None
    try:
        return tuple(db.execute(f"SELECT max({col}) FROM {table}").fetchone()[0]
                     for table, col in (("events", "seq"), ("reports", "id"), ("corrections", "id")))
    except Exception:
        return None


def _load_rows_sql(store: Any, flt: Any) -> list[Row] | None:
    # FAST PATH coupled to sitrep/store's schema (events table: sort_date, event_type, latitude, longitude,
    # country, admin1 columns; JSON `data`); it validates the filter with the store's own where_clause.
    db = getattr(store, "db", None)
    if db is None or not hasattr(db, "execute"):
        return None
    try:
        from sitrep.store.filters import where_clause
    except ImportError:
        return None
    where, params = where_clause(flt, db.is_pg)  # ValueError for a bad filter: the caller's 400
    if db.is_pg:
        extra = "(COALESCE(data, base)::json->>'fatalities'), (COALESCE(data, base)::json->>'location')"
    else:
        extra = "json_extract(COALESCE(data, base), '$.fatalities'), json_extract(COALESCE(data, base), '$.location')"
    try:
        found = db.execute(f"SELECT event_id, sort_date, event_type, latitude, longitude, {extra}, country, admin1 "
                           f"FROM events WHERE {where}", params).fetchall()
    except Exception:  # schema drift: the slow path is still correct
        return None
    return [Row(r[0], r[1] or "", r[2], r[3], r[4], int(r[5]) if r[5] is not None else None, r[6], r[7], r[8])
            for r in found]


def timeline(rows: list[Row]) -> dict[str, Any]:
    """Events per day and type, plus totals per type, country and admin1 (for the filter menus)."""
    per_day: dict[str, Counter] = defaultdict(Counter)
    types: Counter = Counter()
    regions: Counter = Counter()
    countries: Counter = Counter()
    killed: Counter = Counter()
    for r in rows:
        if r.date:
            per_day[r.date[:10]][r.event_type] += 1
            killed[r.date[:10]] += r.fatalities or 0
        types[r.event_type] += 1
        if r.country:
            countries[r.country] += 1
        if r.admin1:
            regions[f"{r.admin1}"] += 1
    return {
        "total": len(rows),
        # the dashboard says what it cannot draw: events with no coordinates are in no map view, and undated
        # ones in no date range nor timeline bar, but they are matches all the same
        "placed": sum(1 for r in rows if r.lat is not None and r.lon is not None),
        "undated": sum(1 for r in rows if not r.date),
        "days": [{"date": d, "counts": dict(c), "fatalities": killed[d]} for d, c in sorted(per_day.items())],
        "types": dict(types.most_common()),
        "countries": dict(countries.most_common(200)),
        "admin1": dict(regions.most_common(300)),
    }


def map_view(rows: list[Row], bbox: tuple[float, float, float, float] | None, zoom: int) -> dict[str, Any]:
    """Points when at most MAX_POINTS are in view, else grid cells of about 60 px at this zoom.
    Written with plain tuple indexing: it runs over up to 100,000 rows per map move."""
    if bbox is None:
        inview = [r for r in rows if r[3] is not None and r[4] is not None]
    else:
        w, so, e, n = bbox
        inview = [r for r in rows if r[3] is not None and r[4] is not None and w <= r[4] <= e and so <= r[3] <= n]
    if len(inview) <= MAX_POINTS:
        return {"mode": "points", "total": len(inview),
                "points": [{"id": r.event_id, "lat": r.lat, "lon": r.lon, "type": r.event_type,
                            "fatalities": r.fatalities, "date": r.date, "location": r.location} for r in inview]}
    size = 360.0 / (2 ** max(0, min(zoom, 18))) / 4.0
    floor = math.floor
    cells: dict[tuple[int, int], list] = {}
    for r in inview:
        lat, lon = r[3], r[4]
        k = (floor(lon / size), floor(lat / size))
        c = cells.get(k)
        if c is None:
            cells[k] = c = [0, 0.0, 0.0, 0, {}]
        c[0] += 1
        c[1] += lat
        c[2] += lon
        c[3] += r[5] or 0
        types = c[4]
        types[r[2]] = types.get(r[2], 0) + 1
    out = [{"n": n, "lat": round(la / n, 5), "lon": round(lo / n, 5), "fatalities": f,
            "type": max(t, key=t.__getitem__)} for n, la, lo, f, t in cells.values()]
    return {"mode": "cells", "total": len(inview), "cells": out}


def _inside(r: Row, bbox: tuple[float, float, float, float] | None) -> bool:
    if bbox is None:
        return True
    return bbox[0] <= r.lon <= bbox[2] and bbox[1] <= r.lat <= bbox[3]  # type: ignore[operator]
