"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server started here.

The server comes from Debian's `postgresql` package (initdb + pg_ctl in a temporary folder, owned by `nobody`
when the tests run as root, since PostgreSQL refuses to run as root). Where it is not installed, the
PostgreSQL half of the tests is skipped with a message saying so.
"""
from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))  # the helper modules beside this file (import-mode=importlib)

from pg_server import PgUnavailable, create_database, drop_database, throwaway_pg  # noqa: E402


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server on 127.0.0.1; yields the URL of its `postgres` database."""
    try:
        with throwaway_pg() as url:
            yield url
    except PgUnavailable as e:
        pytest.skip(f"{e}: PostgreSQL store tests skipped")


_counter = itertools.count()


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty PostgreSQL database for one test."""
    name = f"t{os.getpid()}_{next(_counter)}"
    yield create_database(pg_server, name)
    drop_database(pg_server, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """The same test on both back ends."""
    if request.param == "sqlite":
        return str(tmp_path / "sitrep.db")
    return request.getfixturevalue("pg_url")


class Mount:
    """A small tmpfs mounted for one test (needs root); `read_only()` remounts it read-only."""

    def __init__(self, path: str, size: str) -> None:
        self.path = path
        res = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", path],
                             capture_output=True, text=True)
        self.ok = res.returncode == 0
        self.why = res.stderr.strip()

    def read_only(self) -> None:
        subprocess.run(["mount", "-o", "remount,ro", self.path], check=True, capture_output=True)

    def close(self) -> None:
        if self.ok:
            subprocess.run(["umount", "-l", self.path], capture_output=True)


@pytest.fixture
def tiny_fs(tmp_path):
    """A factory of tiny filesystems (tmpfs); skips where this process cannot mount (not root)."""
    mounts = []

    def make(size: str = "1m") -> str:
        if os.geteuid() != 0 or shutil.which("mount") is None:
            pytest.skip("a tiny filesystem needs root to mount tmpfs")
        path = tmp_path / f"fs{len(mounts)}"
        path.mkdir()
        m = Mount(str(path), size)
        if not m.ok:
            pytest.skip(f"cannot mount a tmpfs here: {m.why}")
        mounts.append(m)
        return str(path)

    make.mounts = mounts
    yield make
    for m in mounts:
        m.close()
