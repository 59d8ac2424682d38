"""The CLI writing to the SQLite file a running `sitrep serve` has open: nothing is lost, nothing answers 503.

A second process used to delete the WAL under the server: opening a store read the file's header with open(),
and closing that descriptor dropped the server's POSIX locks, so the other process took itself for the last
user, checkpointed and removed -wal/-shm.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from sitrep.api.testing import free_port

CLI = [sys.executable, "-c", "from sitrep.cli import app; app()"]
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ARTICLE = {"id": "beside-server-1", "published": "2024-05-10", "language": "en",
           "text": "KHERSON, Ukraine, May 10 (Reuters) - Russian shelling killed two civilians in the village of "
                   "Tiahynka in Kherson region on Thursday, Governor Oleksandr Prokudin said."}


def _serve(db: str, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([*CLI, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode()
        time.sleep(0.2)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300)


def _load(base: str, clients: int, per_client: int) -> list[int]:
    statuses: list[int] = []
    lock = threading.Lock()

    def run() -> None:
        with httpx.Client(base_url=base, timeout=30) as c:   # keep-alive
            for _ in range(per_client):
                code = c.get("/api/events", params={"limit": 50}).status_code
                with lock:
                    statuses.append(code)

    threads = [threading.Thread(target=run) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses


def test_cli_writes_beside_a_running_server_are_all_kept_and_every_answer_is_200(tmp_path):
    db = str(tmp_path / "shared.db")
    assert _cli("ingest", str(SAMPLES), "--db", db).returncode in (0, 1)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _serve(db, port)
    try:
        before = len(httpx.get(f"{base}/api/events", params={"limit": 500}).json()["events"])
        assert before > 0 and _load(base, 4, 10) == [200] * 40
        token = _cli("token", "create", "analyst", "--db", db)
        assert token.returncode == 0, token.stderr
        assert os.path.exists(db + "-wal") and os.path.exists(db + "-shm")   # the server still has them open
        assert _cli("export", "--db", db, "--format", "csv", "--out", str(tmp_path / "e.csv")).returncode == 0
        assert _load(base, 8, 50) == [200] * 400
        r = httpx.post(f"{base}/api/articles", json=ARTICLE, headers={"Authorization": f"Bearer {token.stdout.strip()}"},
                       timeout=120)
        assert r.status_code == 200, r.text
        assert _cli("ingest", str(SAMPLES), "--db", db).returncode in (0, 1)   # again: idempotent, beside the server
        after = httpx.get(f"{base}/api/events", params={"limit": 500}).json()["events"]
        assert len(after) > before
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    proc = _serve(db, port)    # after a restart, every write is still there
    try:
        again = httpx.get(f"{base}/api/events", params={"limit": 500}).json()["events"]
        assert len(again) == len(after)
        assert any(s["article_id"] == "beside-server-1" for e in again
                   for s in httpx.get(f"{base}/api/events/{e['event_id']}").json()["sources"])
    finally:
        proc.terminate()
        proc.wait(timeout=20)
