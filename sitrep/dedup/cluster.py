"""Merge the events of one run: the same real event reported by several articles becomes one event.

Greedy, order-independent clustering: events are sorted (date, place, id), each one joins the best-scoring
cluster at or above MERGE_THRESHOLD (compared with the cluster's reconciled event), else starts a cluster.
Candidates come from blocks on (day, place): the grid cell and its neighbours, the place-name skeleton and the
region, like the store's indexes, so the cost grows with the events of one place and a few days, not the run.
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

_WIDE = 40  # days: ranges wider than this (month, year precision) are compared with every cluster
_CELL = 0.2  # degrees, the store's grid (sitrep/store/store.py)


def _days(ev: Event) -> list | None:
    r = date_range(ev)
    if r is None or (r[1] - r[0]).days > _WIDE:
        return None
    return [r[0] + timedelta(days=i) for i in range((r[1] - r[0]).days + 1)]


def _places(ev: Event, neighbours: bool) -> list:
    """Place keys: grid cell (with its 8 neighbours when looking up), name skeleton, region."""
    keys: list = []
    if ev.latitude is not None and ev.longitude is not None:
        i, j = math.floor(ev.latitude / _CELL), math.floor(ev.longitude / _CELL)
        span = (-1, 0, 1) if neighbours else (0,)
        keys += [("c", i + di, j + dj) for di in span for dj in span]
    if place_key(ev.location):
        keys.append(("l", place_key(ev.location)))
    if place_key(ev.admin1):
        keys.append(("a", place_key(ev.admin1)))
    return keys


def merge_events(events: list[Event]) -> list[Event]:
    """One event per real event; deterministic ids and order for the same input in any order."""
    ordered = sorted(events, key=lambda e: (e.event_date or "", e.location or "", e.event_id))
    members: list[list[Event]] = []
    merged: list[Event] = []
    index: dict[object, set[int]] = defaultdict(set)  # (day, place key) -> clusters
    wide: set[int] = set()  # clusters holding an event with no usable date range
    for ev in ordered:
        days, places = _days(ev), _places(ev, neighbours=True)
        if not places:  # nowhere to compare it with (the store finds no candidates for it either)
            cands: set[int] = set()
        elif days is None:
            cands = set(range(len(merged)))
        else:
            cands = set(wide).union(*(index[(d, p)] for d in days for p in places))
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
            merged[best] = reconcile(members[best])
        if days is None:
            wide.add(best)
        else:
            for d in days:
                for p in _places(ev, neighbours=False):
                    index[(d, p)].add(best)
    # by date, then in reading order of the first report (article, offset): the same order for any input order
    return sorted(merged, key=lambda e: (e.event_date or "", min(((s.article_id, s.char_start) for s in e.sources),
                                                                 default=("", 0)), e.event_id))
