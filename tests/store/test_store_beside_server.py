"""The CLI (ingest, token create, export) run beside a live `sitrep serve` on the same database loses nothing,
leaves SQLite's -wal/-shm files alone, and the server keeps answering 200 under a keep-alive load."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from live_server import ARTICLES, sidecar_scenario


def _judge(seen: dict) -> None:
    assert not seen["errors"], seen["errors"]
    assert seen["before_status"] == 200 and seen["export_status"] == 0
    assert seen["post_status"] == 200
    assert seen["load"]["non_200"] == 0, seen["load"]
    assert seen["after_load_status"] == 200 and seen["after_restart_status"] == 200
    assert seen["wal_files_present"] == (True, True)
    assert seen["stored"] == {a[0]: True for a in ARTICLES}, "an acknowledged write was lost"
    assert seen["tokens"] == {"analyst": True, "second": True}
    assert seen["events_after_restart"] >= seen["events_before"]


def test_cli_beside_a_live_server_on_sqlite_loses_nothing(tmp_path):
    seen = sidecar_scenario(str(tmp_path / "live.db"), str(tmp_path), clients=8, total=400)
    _judge(seen)
    assert seen["integrity"] == "ok"


def test_cli_beside_a_live_server_on_postgresql_loses_nothing(tmp_path, pg_url):
    _judge(sidecar_scenario(pg_url, str(tmp_path), clients=8, total=400))


def test_closing_another_process_leaves_the_wal_of_an_open_database(tmp_path):
    """The root cause of issue 13: opening the store must not drop this process's SQLite locks (a Python
    open()/close() of the file does), or another process's close deletes the WAL under us."""
    from sitrep.store import open_store

    db = str(tmp_path / "w.db")
    with open_store(db) as first:
        first.create_token("one")
        with open_store(db):  # a second store in the same process, as each server thread opens one
            pass
        code = "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('select 1 from meta').fetchall(); c.close()"
        subprocess.run([sys.executable, "-c", code, db], check=True, timeout=60)
        assert os.path.exists(db + "-wal") and os.path.exists(db + "-shm")
        first.create_token("two")
    with sqlite3.connect(db) as c:
        assert {r[0] for r in c.execute("SELECT name FROM tokens")} == {"one", "two"}


@pytest.mark.slow
def test_full_load_beside_a_live_server_on_sqlite(tmp_path):
    _judge(sidecar_scenario(str(tmp_path / "live.db"), str(tmp_path), clients=8, total=2000))
