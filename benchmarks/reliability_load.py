"""API load with writes beside it: a real `sitrep serve` on a real database answers every GET with 200 while the
CLI and authenticated POSTs write to the same database, and a restart finds every write that was acknowledged.

Why this shape: issue 13's failure was a CLI process closing the database under a running server (SQLite's
-wal/-shm deleted), which lost acknowledged writes and only showed up with real processes on a real file. So
everything here is a subprocess or a socket: 8 keep-alive clients GET `/api/events?limit=50` while a writer
thread runs `sitrep ingest`, `sitrep token create`, `sitrep export` and POSTs `/api/articles`, round after
round, until the GETs are done. Then the server is stopped, started again, and asked for each acknowledged
article; the tokens and (SQLite) `PRAGMA integrity_check` are read directly.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

import httpx

from reliability_corpus import synthetic_articles

CLI = [sys.executable, "-c", "from sitrep.cli import app; app()"]
INGEST_PER_ROUND = 8  # articles `sitrep ingest` stores in one writer round
POSTS_PER_ROUND = 3  # single-article POSTs in one writer round
MAX_ROUNDS = 40


@dataclass
class LoadReport:
    backend: str
    gets: int = 0
    statuses: Counter = field(default_factory=Counter)
    get_seconds: float = 0.0
    side_rounds: int = 0
    cli_runs: int = 0
    posts: int = 0
    writes_during_gets: int = 0  # CLI runs and POSTs finished before the last GET was answered
    acknowledged: set[str] = field(default_factory=set)  # article ids whose write was reported successful
    tokens: list[str] = field(default_factory=list)  # token names `sitrep token create` reported made
    failures: list[str] = field(default_factory=list)  # failed writes, missing files, bad answers
    lost: list[str] = field(default_factory=list)  # acknowledged writes not found after the restart
    integrity: str | None = None
    seconds: float = 0.0

    @property
    def non_200(self) -> int:
        return sum(n for code, n in self.statuses.items() if code != 200)

    @property
    def ok(self) -> bool:
        return self.gets > 0 and self.non_200 == 0 and not self.failures and not self.lost \
            and self.integrity in (None, "ok")

    def lines(self) -> list[str]:
        rate = self.gets / self.get_seconds if self.get_seconds else 0.0
        integrity = f", integrity_check {self.integrity}" if self.integrity is not None else ""
        lost_tokens = sum(1 for x in self.lost if x.startswith("token "))
        lost_articles = len(self.lost) - lost_tokens
        out = [f"API load ({self.backend}): {self.gets} GET /api/events?limit=50 by 8 keep-alive clients, "
               f"{rate:.0f} GET/s, {self.non_200} non-200; beside them {self.side_rounds} writer round(s): "
               f"{self.cli_runs} CLI runs (ingest, token create, export) and {self.posts} POST /api/articles, "
               f"{self.writes_during_gets} of them done while the GETs ran; lost after a restart: "
               f"{lost_articles} of {len(self.acknowledged)} acknowledged articles, {lost_tokens} of "
               f"{len(self.tokens)} tokens{integrity}; {len(self.failures)} other failures; "
               f"{self.seconds:.0f} s in all"]
        if self.non_200:
            out.append("  statuses: " + ", ".join(f"{k}: {n}" for k, n in sorted(self.statuses.items())))
        for name, items in (("FAILED", self.failures), ("LOST", self.lost)):
            out += [f"  {name} {x}" for x in items[:10]]
            if len(items) > 10:
                out.append(f"  ... and {len(items) - 10} more")
        return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout)


@contextmanager
def serving(db: str, log: str) -> Iterator[str]:
    """`sitrep serve --db db` on a free loopback port until the block ends; yields the base URL. Its output goes
    to `log`, a file, so a chatty server cannot fill a pipe and stall."""
    port = _free_port()
    with open(log, "ab") as fh:
        proc = subprocess.Popen([*CLI, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
                                stdout=fh, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(f"{base}/api/events?limit=1", timeout=5)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    with open(log, encoding="utf-8", errors="replace") as fh:
                        raise RuntimeError(f"sitrep serve did not start: {fh.read()[-500:]}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _write_jsonl(path: str, articles: list[tuple[str, dict]]) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for ident, rec in articles:
            fh.write(json.dumps({"id": ident, **rec}) + "\n")


class Articles:
    """Distinct generated articles, handed out in order, each as (id, record)."""

    def __init__(self, n: int) -> None:
        self.pool = synthetic_articles(n, seed=29)
        self.next = 0

    def take(self, k: int, prefix: str) -> list[tuple[str, dict]]:
        out = []
        for a in self.pool[self.next:self.next + k]:
            out.append((f"{prefix}-{a.key}", {"title": a.title, "text": a.text, "published": a.published}))
        self.next += k
        return out


def _gets(base: str, clients: int, total: int, report: LoadReport) -> None:
    """`total` GETs shared by `clients` keep-alive clients; statuses counted in `report` (-1: no answer)."""
    lock = threading.Lock()
    shares = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]

    def worker(n: int) -> None:
        mine: Counter = Counter()
        with httpx.Client(base_url=base, timeout=60) as c:
            for _ in range(n):
                try:
                    mine[c.get("/api/events?limit=50").status_code] += 1
                except httpx.TransportError:
                    mine[-1] += 1
        with lock:
            report.statuses.update(mine)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in shares]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report.get_seconds = time.perf_counter() - t0
    report.gets = total


def _wal_check(db: str, report: LoadReport, after: str) -> None:
    """While the server holds the database open, its -wal and -shm files must survive a CLI process's exit."""
    if not db.startswith("postgres") and not (os.path.exists(db + "-wal") and os.path.exists(db + "-shm")):
        report.failures.append(f"{db}-wal/-shm gone after {after} while the server was serving")


def _writer_round(r: int, db: str, base: str, token: str, work: str, pool: Articles, report: LoadReport) -> None:
    """One round of writes beside the GETs; successful ones are recorded as acknowledged."""
    with httpx.Client(base_url=base, timeout=300, headers={"Authorization": f"Bearer {token}"}) as c:
        for ident, rec in pool.take(POSTS_PER_ROUND, f"post{r}"):
            report.posts += 1
            try:
                resp = c.post("/api/articles", json={"id": ident, **rec})
            except httpx.TransportError as e:
                report.failures.append(f"round {r}: POST {ident}: no answer ({e})")
                continue
            if resp.status_code == 200 and ident in resp.json().get("articles", []):
                report.acknowledged.add(ident)
            else:
                report.failures.append(f"round {r}: POST {ident}: {resp.status_code} {resp.text[:200]}")
    batch = pool.take(INGEST_PER_ROUND, f"ing{r}")
    path = os.path.join(work, f"side{r}", "batch.jsonl")
    _write_jsonl(path, batch)
    res = _cli("ingest", os.path.dirname(path), "--db", db)
    report.cli_runs += 1
    if res.returncode == 0:
        report.acknowledged.update(ident for ident, _ in batch)
    else:
        report.failures.append(f"round {r}: sitrep ingest exited {res.returncode}: {res.stderr.strip()[-300:]}")
    _wal_check(db, report, f"round {r}'s ingest")
    name = f"side-{r}"
    res = _cli("token", "create", name, "--db", db)
    report.cli_runs += 1
    if res.returncode == 0 and res.stdout.strip():
        report.tokens.append(name)
    else:
        report.failures.append(f"round {r}: sitrep token create exited {res.returncode}: {res.stderr.strip()[-300:]}")
    out = os.path.join(work, f"side{r}", "export.jsonl")
    res = _cli("export", "--db", db, "--format", "jsonl", "--out", out)
    report.cli_runs += 1
    if res.returncode != 0:
        report.failures.append(f"round {r}: sitrep export exited {res.returncode}: {res.stderr.strip()[-300:]}")
    else:
        try:
            with open(out, encoding="utf-8") as fh:
                [json.loads(line) for line in fh if line.strip()]
        except (OSError, ValueError) as e:
            report.failures.append(f"round {r}: the export is not JSONL: {e}")
    _wal_check(db, report, f"round {r}'s token create and export")


def _verify(db: str, log: str, report: LoadReport) -> None:
    """After a restart: every acknowledged article served, every token stored, the SQLite file sound."""
    with serving(db, log) as base, httpx.Client(base_url=base, timeout=60) as c:
        if c.get("/api/events?limit=50").status_code != 200:
            report.failures.append("GET /api/events after the restart was not 200")
        for ident in sorted(report.acknowledged):
            code = c.get(f"/api/articles/{ident}").status_code
            if code != 200:
                report.lost.append(f"article {ident}: GET /api/articles/{ident} -> {code} after the restart")
    from sitrep.store import open_store

    with open_store(db, create=False) as store:
        for name in report.tokens:
            if store.db.execute("SELECT 1 FROM tokens WHERE name = ?", (name,)).fetchone() is None:
                report.lost.append(f"token {name}")
        if not store.db.is_pg:
            report.integrity = store.db.execute("PRAGMA integrity_check").fetchone()[0]


def load_check(db: str, work: str, total: int = 2000, clients: int = 8, backend: str = "SQLite",
               preload: int = 30) -> LoadReport:
    """The whole scenario on `db` (a SQLite path or a postgresql:// URL), files in `work`."""
    t0 = time.perf_counter()
    report = LoadReport(backend=backend)
    os.makedirs(work, exist_ok=True)
    log = os.path.join(work, "serve.log")
    pool = Articles(preload + MAX_ROUNDS * (INGEST_PER_ROUND + POSTS_PER_ROUND))
    first = pool.take(preload, "pre")
    _write_jsonl(os.path.join(work, "pre", "batch.jsonl"), first)
    res = _cli("ingest", os.path.join(work, "pre"), "--db", db)
    if res.returncode != 0:
        report.failures.append(f"the first ingest exited {res.returncode}: {res.stderr.strip()[-300:]}")
        return report
    report.acknowledged.update(ident for ident, _ in first)
    with serving(db, log) as base:
        res = _cli("token", "create", "load", "--db", db)  # made while the server runs, used by its POSTs
        token = res.stdout.strip().splitlines()[-1] if res.returncode == 0 and res.stdout.strip() else ""
        if not token:
            report.failures.append(f"token create while serving exited {res.returncode}: {res.stderr[-300:]}")
            return report
        report.tokens.append("load")
        done = threading.Event()

        def writer() -> None:
            try:
                while report.side_rounds == 0 or (not done.is_set() and report.side_rounds < MAX_ROUNDS):
                    _writer_round(report.side_rounds, db, base, token, work, pool, report)
                    report.side_rounds += 1
            except Exception as e:  # noqa: BLE001 - a harness error is a failure to report, not a crash
                report.failures.append(f"writer: {type(e).__name__}: {e}")

        side = threading.Thread(target=writer)
        side.start()
        _gets(base, clients, total, report)
        report.writes_during_gets = report.cli_runs + report.posts
        done.set()
        side.join()
    _verify(db, log, report)
    report.seconds = time.perf_counter() - t0
    return report
