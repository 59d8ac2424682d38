"""`sitrep serve` starts the app on the given loopback port; a store that cannot be opened is one line, exit 2."""
from __future__ import annotations

import subprocess
import sys
import time

import httpx

from sitrep.api.testing import fill_sample_store, free_port

CLI = [sys.executable, "-c", "from sitrep.cli import app; app()"]


def test_sitrep_serve_answers_on_the_port(tmp_path):
    db = str(tmp_path / "s.db")
    fill_sample_store(db)
    port = free_port()
    proc = subprocess.Popen([*CLI, "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/events", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read().decode()
                time.sleep(0.2)
        assert r.status_code == 200 and len(r.json()["events"]) == 4
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_sitrep_serve_on_a_non_database_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "not.db"
    bad.write_text("hello, not sqlite")
    r = subprocess.run([*CLI, "serve", "--db", str(bad), "--port", str(free_port())], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
