"""Random sequences of merge, split, correct, not-an-event and undo on a real SQLite store keep every report in
exactly one active event, and undoing everything (newest first) gives back the events as ingested."""
from __future__ import annotations

import json
import os
import tempfile

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from store_factory import kharkiv_strike

from sitrep.export.records import event_dict
from sitrep.store import open_store

TEXTS = ["Russian missiles struck Kharkiv, killing 3 people.", "A missile hit Kharkiv, killing 4 people.",
         "Kharkiv was shelled; 6 people were killed.", "Shelling of Kharkiv killed 2, the mayor said."]


def _snapshot(store) -> dict:
    rows = store.db.execute("SELECT event_id, status, merged_into FROM events ORDER BY event_id").fetchall()
    reports = store.db.execute("SELECT id, event_id FROM reports ORDER BY id").fetchall()
    events = {r[0]: json.dumps(event_dict(store.get_event(r[0])), sort_keys=True) for r in rows if r[1] != "merged"}
    return {"status": {r[0]: (r[1], r[2]) for r in rows}, "reports": dict(reports), "events": events}


class ReviewSequences(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.dir = tempfile.mkdtemp(prefix="sitrep-review-")
        self.store = open_store(os.path.join(self.dir, "s.db")).__enter__()
        for n, text in enumerate(TEXTS):
            art, evs = kharkiv_strike(f"{n}", text, source=f"Outlet {n}", event_date=f"2023-06-2{n}",
                                      fatalities=int([w for w in text.replace(",", " ").split() if w.isdigit()][0]))
            self.store.ingest_article(art, evs)
        self.original = _snapshot(self.store)

    def teardown(self):
        self.store.__exit__(None, None, None)

    def _active(self) -> list[str]:
        return [r[0] for r in self.store.db.execute(
            "SELECT event_id FROM events WHERE status != 'merged' ORDER BY event_id").fetchall()]

    @rule(a=st.integers(0, 20), b=st.integers(0, 20))
    def merge(self, a, b):
        active = self._active()
        target, other = active[a % len(active)], active[b % len(active)]
        if target != other:
            self.store.merge_into(target, other, who="t")

    @rule(a=st.integers(0, 20), k=st.integers(0, 20))
    def split(self, a, k):
        active = self._active()
        eid = active[a % len(active)]
        arts = sorted({s.article_id for s in self.store.get_event(eid).sources})
        if len(arts) > 1:
            self.store.split_sources(eid, [arts[k % len(arts)]], who="t")

    @rule(a=st.integers(0, 20), n=st.integers(0, 50))
    def correct(self, a, n):
        active = self._active()
        self.store.correct_event(active[a % len(active)], {"fatalities": n}, who="t")

    @rule(a=st.integers(0, 20))
    def not_an_event(self, a):
        active = self._active()
        self.store.mark_not_event(active[a % len(active)], who="t")

    @rule(k=st.integers(0, 50))
    def undo(self, k):
        rows = self.store.db.execute(
            "SELECT id FROM corrections WHERE kind != 'undo' AND undone_by IS NULL ORDER BY id").fetchall()
        if rows:
            try:
                self.store.undo_correction(rows[k % len(rows)][0], who="t")
            except ValueError as e:  # refused (a later merge or split first): nothing may have changed
                assert "first" in str(e)

    @invariant()
    def each_report_in_exactly_one_active_event(self):
        status = dict(self.store.db.execute("SELECT event_id, status FROM events").fetchall())
        seen = {}
        for rid, eid, data in self.store.db.execute("SELECT id, event_id, data FROM reports").fetchall():
            assert status[eid] != "merged", f"report {rid} sits in merged event {eid}"
            seen[rid] = eid
        for eid, st_ in status.items():
            if st_ == "merged":
                continue
            mine = {json.loads(d)["sources"][0]["article_id"] for rid, e, d in
                    self.store.db.execute("SELECT id, event_id, data FROM reports WHERE event_id = ?", (eid,))}
            assert mine, f"active event {eid} has no report"
            assert {s.article_id for s in self.store.get_event(eid).sources} == mine

    def undo_all_restores_the_original(self):
        while rows := self.store.db.execute(
                "SELECT id FROM corrections WHERE kind != 'undo' AND undone_by IS NULL ORDER BY id DESC").fetchall():
            self.store.undo_correction(rows[0][0], who="t")
        now = _snapshot(self.store)
        assert now["reports"] == self.original["reports"]
        assert now["events"] == self.original["events"]
        for eid, st_ in now["status"].items():
            assert st_ == self.original["status"].get(eid, ("merged", st_[1]))

    @rule()
    def undo_everything(self):
        self.undo_all_restores_the_original()


ReviewSequences.TestCase.settings = settings(max_examples=25, stateful_step_count=12, deadline=None,
                                             suppress_health_check=[HealthCheck.too_slow])
test_review_sequences = ReviewSequences.TestCase
