"""A real `sitrep serve` process on a real database, with the CLI run beside it, and a keep-alive GET load.

Used by tests/store/test_store_beside_server.py (the writes one after another, then the load). The harness's
load check, benchmarks/reliability_load.py, runs the writes during the load instead, round after round.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from typing import Iterator

import httpx

CLI = [sys.executable, "-c", "from sitrep.cli import app; app()"]

ARTICLES = [
    ("live-kharkiv", "Shelling hits Kharkiv suburb",
     "KHARKIV, March 3, 2024 - Russian forces shelled the Saltivka district of Kharkiv on Sunday, killing one "
     "civilian and wounding two, regional governor Oleh Syniehubov said."),
    ("live-sumy", "Drone strike in Sumy",
     "SUMY, March 5, 2024 - A Russian drone struck an apartment block in Sumy on Tuesday, killing two people, "
     "the regional military administration said."),
    ("live-kherson", "Artillery fire on Kherson",
     "KHERSON, March 7, 2024 - Russian artillery shelled the centre of Kherson on Thursday, wounding three "
     "civilians, regional governor Oleksandr Prokudin said."),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout)


@contextmanager
def serving(db: str) -> Iterator[str]:
    """`sitrep serve --db db` on a free loopback port until the block ends; yields the base URL."""
    port = free_port()
    proc = subprocess.Popen([*CLI, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/api/events?limit=1", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"sitrep serve did not start: {proc.stderr.read().decode()[-500:]}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _iso(text: str) -> str:
    """The dateline's date (\"KHARKIV, March 3, 2024 - ...\") as YYYY-MM-DD."""
    from datetime import datetime
    return datetime.strptime(text[text.index(",") + 2:text.index(" - ")], "%B %d, %Y").date().isoformat()


def write_article(folder: str, ident: str, title: str, text: str) -> str:
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{ident}.jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": ident, "title": title, "text": text, "published": _iso(text)}) + "\n")
    return path


def load(base: str, clients: int, total: int, path: str = "/api/events?limit=50") -> dict[str, float]:
    """`total` GETs of `path` shared by `clients` keep-alive clients; counts of answers by status, and seconds."""
    per, counts, lock = total // clients, {}, threading.Lock()

    def worker() -> None:
        mine: dict[int, int] = {}
        with httpx.Client(base_url=base, timeout=60) as c:
            for _ in range(per):
                try:
                    code = c.get(path).status_code
                except httpx.TransportError:
                    code = -1
                mine[code] = mine.get(code, 0) + 1
        with lock:
            for k, v in mine.items():
                counts[k] = counts.get(k, 0) + v

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"seconds": time.perf_counter() - t0, "requests": per * clients,
            "non_200": sum(v for k, v in counts.items() if k != 200), "statuses": counts}


def sidecar_scenario(db: str, work: str, clients: int = 8, total: int = 400) -> dict:
    """The analyst's session of issue 13: serve, read, CLI ingest + token + export beside it, POST, load,
    restart; returns what was found so a test (or the benchmark) can judge it."""
    seen: dict = {"errors": []}
    first = write_article(os.path.join(work, "a"), *ARTICLES[0])
    r = cli("ingest", first, "--db", db)
    if r.returncode not in (0, 1):
        seen["errors"].append(f"first ingest: {r.stderr}")
    with serving(db) as base:
        before = httpx.get(f"{base}/api/events?limit=50", timeout=30)
        seen["before_status"] = before.status_code
        second = write_article(os.path.join(work, "b"), *ARTICLES[1])
        r = cli("ingest", second, "--db", db)
        if r.returncode not in (0, 1):
            seen["errors"].append(f"ingest beside the server: {r.stderr}")
        r = cli("token", "create", "analyst", "--db", db)
        token = r.stdout.strip().splitlines()[-1] if r.returncode == 0 and r.stdout.strip() else ""
        if not token:
            seen["errors"].append(f"token create: {r.stderr}")
        out = os.path.join(work, "out.jsonl")
        r = cli("export", "--db", db, "-o", out)
        seen["export_status"] = r.returncode
        ident, title, text = ARTICLES[2]
        post = httpx.post(f"{base}/api/articles", headers={"Authorization": f"Bearer {token}"}, timeout=300,
                          json={"id": ident, "title": title, "text": text, "published": "2024-03-07"})
        seen["post_status"] = post.status_code
        seen["load"] = load(base, clients, total)
        r = cli("token", "create", "second", "--db", db)  # one more write from the CLI after the load
        seen["wal_files_present"] = (os.path.exists(db + "-wal"), os.path.exists(db + "-shm")) \
            if not db.startswith("postgres") else (True, True)
        seen["after_load_status"] = httpx.get(f"{base}/api/events?limit=50", timeout=30).status_code
    with serving(db) as base:
        again = httpx.get(f"{base}/api/events?limit=50", timeout=30)
        seen["after_restart_status"] = again.status_code
        seen["events_before"], seen["events_after_restart"] = len(before.json().get("events", [])), \
            len(again.json().get("events", []))
    from sitrep.store import open_store
    with open_store(db, create=False) as store:
        seen["stored"] = {a[0]: store.get_article(a[0]) is not None for a in ARTICLES}
        seen["tokens"] = {n: store.db.execute("SELECT 1 FROM tokens WHERE name = ?", (n,)).fetchone() is not None
                          for n in ("analyst", "second")}
        if not store.db.is_pg:
            seen["integrity"] = store.db.execute("PRAGMA integrity_check").fetchone()[0]
    return seen
