"""kill -9 in the middle of an ingest leaves a consistent database; running it again completes it exactly."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
N = 240


def _run(db: str, wait: bool = True) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE), str(HERE.parent.parent), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.Popen([sys.executable, str(HERE / "crash_ingest_child.py"), db, str(N)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if wait:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    return proc


def _state(db: str) -> set:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = conn.execute("SELECT e.event_id, group_concat(r.article_id) FROM events e JOIN reports r "
                        "ON r.event_id = e.event_id GROUP BY e.event_id").fetchall()
    articles = {r[0] for r in conn.execute("SELECT id FROM articles")}
    reported = {r[0] for r in conn.execute("SELECT DISTINCT article_id FROM reports")}
    fts = conn.execute("SELECT count(*) FROM events_fts").fetchone()[0]
    events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    conn.close()
    assert articles == reported  # no article without its events, no events without their article
    assert fts == events
    return {(eid, tuple(sorted(arts.split(",")))) for eid, arts in rows}


def _count(db: str) -> int:
    try:
        conn = sqlite3.connect(db, timeout=1)
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        conn.close()
        return n
    except sqlite3.Error:
        return 0


def test_kill_9_mid_ingest_then_rerun_equals_an_uninterrupted_ingest(tmp_path):
    reference = str(tmp_path / "reference.db")
    _run(reference)
    expected = _state(reference)
    assert len(expected) == N // 3

    killed = str(tmp_path / "killed.db")
    for target in (15, 90, 170):  # kill three times at different points
        proc = _run(killed, wait=False)
        deadline = time.time() + 120
        while _count(killed) < target and proc.poll() is None and time.time() < deadline:
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        partial = dict(_state(killed))  # consistent at every kill, and on its way to the same result
        full = dict(expected)
        assert all(eid in full and set(arts) <= set(full[eid]) for eid, arts in partial.items())
    _run(killed)
    assert _state(killed) == expected
