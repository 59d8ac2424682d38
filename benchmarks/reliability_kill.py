"""kill -9 during `sitrep ingest`, round after round: the database stays sound and a re-run completes it exactly.

Each round: a fresh SQLite database, `sitrep ingest CORPUS` killed with SIGKILL at a random moment (a random
number of articles stored, then a random fraction of a second), then `PRAGMA integrity_check`, the same ingest run to completion, its export compared with an uninterrupted
run's export, and one more ingest that must change nothing. The real CLI in real processes, nothing simulated.
"""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field

from reliability_corpus import write_corpus

CLI = [sys.executable, "-c", "from sitrep.cli import app; app()"]
#: Fields that may differ between two correct runs (when they were stored), dropped before comparing exports.
VOLATILE = ("ingested_at", "stored_at", "created_at", "updated_at")


@dataclass
class KillReport:
    rounds: int = 0
    passed: int = 0
    failures: list[str] = field(default_factory=list)
    articles: int = 0
    events: int = 0
    reference_seconds: float = 0.0
    stored_at_kill: list[int] = field(default_factory=list)  # articles already stored when the kill landed
    finished_first: int = 0  # rounds whose ingest ended before its kill time
    seconds: float = 0.0

    def lines(self) -> list[str]:
        at = sorted(self.stored_at_kill)
        spread = f"{at[0]} / {at[len(at) // 2]} / {at[-1]}" if at else "-"
        out = [f"kill -9 during ingest: {self.passed}/{self.rounds} rounds passed "
               f"(corpus {self.articles} articles -> {self.events} events, uninterrupted ingest "
               f"{self.reference_seconds:.1f} s; articles stored when killed min/median/max {spread}; "
               f"{self.seconds:.0f} s in all"
               + (f"; {self.finished_first} round(s) finished before the kill" if self.finished_first else "")
               + ")"]
        out += [f"  FAILED {f}" for f in self.failures]
        return out


def _ingest(corpus: str, db: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "ingest", corpus, "--db", db], capture_output=True, text=True, timeout=timeout)


def normalised_export(db: str) -> list[str]:
    """`sitrep export --format jsonl`, each record with its volatile fields dropped, as sorted canonical lines."""
    res = subprocess.run([*CLI, "export", "--db", db, "--format", "jsonl"], capture_output=True, text=True,
                         timeout=600)
    if res.returncode != 0:
        raise RuntimeError(f"export exited {res.returncode}: {res.stderr.strip()[-300:]}")
    lines = []
    for line in res.stdout.splitlines():
        if line.strip():
            rec = json.loads(line)
            for k in VOLATILE:
                rec.pop(k, None)
            for src in rec.get("sources") or []:
                for k in VOLATILE:
                    src.pop(k, None)
            lines.append(json.dumps(rec, sort_keys=True, ensure_ascii=False))
    return sorted(lines)


def _integrity(db: str) -> str:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _stored(db: str) -> int:
    if not os.path.exists(db):
        return 0
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0  # killed before the schema was made
    finally:
        conn.close()


def _diff(a: list[str], b: list[str]) -> str:
    only_a, only_b = set(a) - set(b), set(b) - set(a)
    return f"{len(a)} vs {len(b)} events; {len(only_a)} only in the reference, {len(only_b)} only after the kill"


def _kill_when(proc: subprocess.Popen, db: str, target: int, jitter: float, limit: float) -> None:
    """SIGKILL `proc` once `target` articles are stored, `jitter` seconds later (so it lands inside an article's
    transaction as often as between two), or at `limit` seconds at the latest."""
    t0 = time.monotonic()
    while proc.poll() is None and time.monotonic() - t0 < limit:
        if target == 0 or _stored(db) >= target:
            time.sleep(jitter)
            break
        time.sleep(0.01)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def one_round(corpus: str, db: str, target: int, jitter: float, reference: list[str], report: KillReport) -> str | None:
    """One kill, check, re-run, compare, re-run again; the reason it failed, or None."""
    proc = subprocess.Popen([*CLI, "ingest", corpus, "--db", db], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _kill_when(proc, db, target, jitter, limit=20 * report.reference_seconds + 60)
    if proc.returncode == 0:  # it ended before the kill: nothing was killed, the checks below still apply
        report.finished_first += 1
    report.stored_at_kill.append(_stored(db))
    if os.path.exists(db):
        check = _integrity(db)
        if check != "ok":
            return f"integrity_check after the kill: {check[:200]}"
    res = _ingest(corpus, db)
    if res.returncode != 0:
        return f"re-run exited {res.returncode}: {res.stderr.strip()[-300:]}"
    if _integrity(db) != "ok":
        return "integrity_check after the re-run is not ok"
    after = normalised_export(db)
    if after != reference:
        return f"export after kill + re-run differs from the uninterrupted run: {_diff(reference, after)}"
    res = _ingest(corpus, db)
    if res.returncode != 0 or " 0 stored" not in res.stderr:
        return f"third ingest was not a no-op (exit {res.returncode}): {res.stderr.strip()[-300:]}"
    if normalised_export(db) != reference:
        return "export changed on the third ingest (not idempotent)"
    return None


def kill_rounds(work: str, rounds: int, seed: int, n_synthetic: int = 300) -> KillReport:
    """`rounds` kill -9 rounds in `work`; the reference is one uninterrupted ingest of the same corpus."""
    t_all = time.perf_counter()
    rng = random.Random(seed)
    corpus = os.path.join(work, "corpus")
    report = KillReport(rounds=rounds, articles=write_corpus(corpus, n_synthetic))
    ref_db = os.path.join(work, "reference.db")
    t0 = time.perf_counter()
    res = _ingest(corpus, ref_db)
    report.reference_seconds = time.perf_counter() - t0
    if res.returncode != 0:
        report.failures.append(f"the uninterrupted ingest exited {res.returncode}: {res.stderr.strip()[-300:]}")
        return report
    reference = normalised_export(ref_db)
    report.events = len(reference)
    for r in range(rounds):
        db = os.path.join(work, f"round{r}.db")
        target = rng.randrange(report.articles)  # 0: killed at a random moment before the first article is stored
        jitter = rng.uniform(0.0, 3.0 if target == 0 else 0.2)
        try:
            why = one_round(corpus, db, target, jitter, reference, report)
        except (subprocess.TimeoutExpired, RuntimeError, sqlite3.Error) as e:
            why = f"{type(e).__name__}: {e}"
        if why is None:
            report.passed += 1
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
        else:
            report.failures.append(f"round {r} (killed {jitter:.2f} s after article {target} was stored): {why}; "
                                   f"database kept at {db}")
    report.seconds = time.perf_counter() - t_all
    return report
