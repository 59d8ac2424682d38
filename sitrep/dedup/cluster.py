"""Merge the events of one run: the same real event reported by several articles becomes one event.

Greedy, order-independent clustering: events are sorted (date, place, id), each one joins the best-scoring
cluster at or above MERGE_THRESHOLD (compared with the cluster's reconciled event), else starts a cluster.
Candidates come from a block on the date, so the cost grows with the events of a few days, not the run.
The output is sorted by date, then event id; a merged event keeps the smallest member id.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from sitrep.dedup.reconcile import reconcile
from sitrep.dedup.score import MERGE_THRESHOLD, date_range, same_event_score
from sitrep.model import Event

_WIDE = 40  # days: ranges wider than this (month, year precision) go to a shared block


def _blocks(ev: Event) -> list:
    r = date_range(ev)
    if r is None or (r[1] - r[0]).days > _WIDE:
        return ["wide"]
    return [r[0] + timedelta(days=i) for i in range((r[1] - r[0]).days + 1)]


def merge_events(events: list[Event]) -> list[Event]:
    """One event per real event; deterministic ids and order for the same input in any order."""
    ordered = sorted(events, key=lambda e: (e.event_date or "", e.location or "", e.event_id))
    members: list[list[Event]] = []
    merged: list[Event] = []
    index: dict[object, set[int]] = defaultdict(set)
    for ev in ordered:
        keys = _blocks(ev)
        cands = set().union(*(index[k] for k in keys), index["wide"]) if keys != ["wide"] else set(range(len(merged)))
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
        for k in keys:
            index[k].add(best)
    # by date, then in reading order of the first report (article, offset): the same order for any input order
    return sorted(merged, key=lambda e: (e.event_date or "", min(((s.article_id, s.char_start) for s in e.sources),
                                                                 default=("", 0)), e.event_id))
