"""`sitrep ingest` (the store, one article at a time) merges the incident set exactly as `sitrep extract` does."""
from __future__ import annotations

import itertools

from incident_set import build, label_of

from sitrep.dedup import merge_events
from sitrep.model import Article
from sitrep.store import EventFilter, open_store


def _pairs(events) -> set:
    out = set()
    for ev in events:
        ids = sorted(s.article_id for s in ev.sources)
        out |= set(itertools.combinations(ids, 2))
    return out


def test_store_merges_the_incident_set_like_merge_events(tmp_path):
    reports = build()
    with open_store(str(tmp_path / "s.db")) as store:
        for ev in sorted(reports, key=lambda e: e.sources[0].published):
            src = ev.sources[0]
            store.ingest_article(Article(id=src.article_id, text=src.evidence, published=src.published,
                                         source=src.source), [ev])
        stored = list(store.iter_events(EventFilter()))
    assert _pairs(stored) == _pairs(merge_events(reports))
    gold = label_of()
    assert all(gold[a + "-e0"] == gold[b + "-e0"] for a, b in _pairs(stored))


def test_merge_candidates_come_from_indexes_not_a_scan(tmp_path):
    ev = build()[0]
    with open_store(str(tmp_path / "s.db")) as store:
        plans = []
        original = store.db.execute

        def spy(sql, params=()):
            if "FROM events WHERE status IN ('active', 'not_event')" in sql:
                plans.append(" ".join(r[-1] for r in original("EXPLAIN QUERY PLAN " + sql, params).fetchall()))
            return original(sql, params)
        store.db.execute = spy
        store.candidates(ev)
    assert len(plans) == 3  # grid cell, place name, region
    assert all("USING INDEX" in p and "SCAN" not in p for p in plans), plans
