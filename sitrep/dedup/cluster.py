"""Merge the events of one run: the same real event reported by several articles becomes one event.

Greedy, order-independent clustering: events are sorted (date, place, id), each one joins the best-scoring
cluster at or above MERGE_THRESHOLD (compared with the cluster's reconciled event), else starts a cluster.
Candidates come from blocks on (day or month, place): the grid cell and its neighbours, the place-name skeleton
and the region, so the cost grows with the events of one place and a few days, not with the run.
An event with no place at all (no coordinates, name or region) is never merged.
The output is sorted by date, then event id; a merged event keeps the smallest member id.
"""
from __future__ import annotations

import math
from collections import defaultdict
from datetime import timedelta

from sitrep.dedup.names import place_key
from sitrep.dedup.reconcile import reconcile
from sitrep.dedup.score import MERGE_THRESHOLD, date_range, same_event_score
from sitrep.model import Event

_WIDE = 40  # days: ranges wider than this (month, year precision) are looked up by month
_CELL = 0.2  # degrees, the store's grid (sitrep/store/store.py)


def _days(ev: Event) -> list | None:
    r = date_range(ev)
    if r is None or (r[1] - r[0]).days > _WIDE:
        return None
    return [r[0] + timedelta(days=i) for i in range((r[1] - r[0]).days + 1)]


def _region_level(ev: Event) -> bool:
    return ev.geo_precision == 3 or ev.latitude is None or not ev.location


def _places(ev: Event, neighbours: bool) -> list:
    """Place keys: grid cell (with its 8 neighbours when looking up), name skeleton, region.

    A precise event is filed under its region ("a") but looks up only the region-level clusters ("A") of it, so
    a large region full of events does not make every decision there scan them all; a region-level event looks
    up everything in its region.
    """
    keys: list = []
    if ev.latitude is not None and ev.longitude is not None:
        i, j = math.floor(ev.latitude / _CELL), math.floor(ev.longitude / _CELL)
        span = (-1, 0, 1) if neighbours else (0,)
        keys += [("c", i + di, j + dj) for di in span for dj in span]
    if place_key(ev.location):
        keys.append(("l", place_key(ev.location)))
    region = place_key(ev.admin1)
    if region:
        if neighbours:  # looking up
            keys.append(("A", region))
            if _region_level(ev):
                keys.append(("a", region))
        else:  # filing
            keys.append(("a", region))
            if _region_level(ev):
                keys.append(("A", region))
    return keys


def _months(ev: Event) -> list | None:
    """The (year, month) cells a wide date range covers; None when the event has no date at all."""
    r = date_range(ev)
    if r is None:
        return None
    out, (y, m) = [], (r[0].year, r[0].month)
    while (y, m) <= (r[1].year, r[1].month) and len(out) < 14:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


_FULL_RECONCILE = 8  # a cluster's representative is rebuilt from all members only while it is small


def merge_events(events: list[Event]) -> list[Event]:
    """One event per real event; deterministic ids and order for the same input in any order.

    Candidates come from indexes, never from all clusters: a day-precise event looks up (day, place) and the
    wide clusters of its (month, place); a wide one (week-plus, month, year) the clusters of its (month, place);
    an undated one the undated clusters of its place. So the cost of one decision depends on how many events
    share a place and a month, not on the size of the run.
    """
    ordered = sorted(events, key=lambda e: (e.event_date or "", e.location or "", e.event_id))
    members: list[list[Event]] = []
    merged: list[Event] = []
    by_day: dict[object, set[int]] = defaultdict(set)         # (day, place) -> clusters with a precise date
    by_month: dict[object, set[int]] = defaultdict(set)       # (month, place) -> every dated cluster
    wide_by_month: dict[object, set[int]] = defaultdict(set)  # (month, place) -> clusters with a wide date
    undated: dict[object, set[int]] = defaultdict(set)        # place -> clusters with no date
    for ev in ordered:
        days, months, places = _days(ev), _months(ev), _places(ev, neighbours=True)
        if not places:  # nowhere to compare it with (the store finds no candidates for it either)
            cands: set[int] = set()
        elif months is None:
            cands = set().union(*(undated[p] for p in places))
        elif days is None:
            cands = set().union(*(by_month[(m, p)] for m in months for p in places))
        else:   # (and the days either side: a lead dated by its publication may be the evening before's event)
            around = sorted({d + timedelta(days=k) for d in days for k in (-1, 0, 1)})
            cands = set().union(*(by_day[(d, p)] for d in around for p in places),
                                *(wide_by_month[(m, p)] for m in months for p in places))
        best, best_score = None, MERGE_THRESHOLD
        for i in sorted(cands):
            s = same_event_score(merged[i], ev)
            if s >= best_score and (best is None or s > best_score):
                best, best_score = i, s
        if best is None:
            members.append([ev])
            merged.append(reconcile([ev]))
            best = len(merged) - 1
        else:
            members[best].append(ev)
            if len(members[best]) <= _FULL_RECONCILE:
                merged[best] = reconcile(members[best])
        own = _places(ev, neighbours=False)
        for p in own:
            if months is None:
                undated[p].add(best)
                continue
            for m in months:
                by_month[(m, p)].add(best)
                if days is None:
                    wide_by_month[(m, p)].add(best)
            for d in days or ():
                by_day[(d, p)].add(best)
    merged = [reconcile(ms) if len(ms) > _FULL_RECONCILE else ev for ms, ev in zip(members, merged)]
    # by date, then in reading order of the first report (article, offset): the same order for any input order
    return sorted(merged, key=lambda e: (e.event_date or "", min(((s.article_id, s.char_start) for s in e.sources),
                                                                 default=("", 0)), e.event_id))
