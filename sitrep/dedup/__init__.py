"""Cross-source merging: the same real event reported by several articles becomes one event.

`same_event_score` decides (sitrep/dedup/score.py explains the rules), `combine` / `reconcile` build the merged
event (sitrep/dedup/reconcile.py), `merge_events` clusters the events of one run. The store uses the same
score and the same reconciliation, so `sitrep extract` and `sitrep ingest` merge alike.
"""
from sitrep.dedup.cluster import merge_events
from sitrep.dedup.reconcile import combine, reconcile
from sitrep.dedup.score import MERGE_THRESHOLD, explain, same_event_score

__all__ = ["MERGE_THRESHOLD", "combine", "explain", "merge_events", "reconcile", "same_event_score"]
