"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server started here.

The server comes from Debian's `postgresql` package (initdb + pg_ctl in a temporary folder, owned by `nobody`
when the tests run as root, since PostgreSQL refuses to run as root). Where it is not installed, the
PostgreSQL half of the tests is skipped with a message saying so.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile

import pytest

sys.path.insert(0, os.path.dirname(__file__))  # the helper modules beside this file (import-mode=importlib)


def _pg_bin() -> str | None:
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(d, "initdb")) and os.path.exists(os.path.join(d, "pg_ctl")):
            return d
    initdb = shutil.which("initdb")
    return os.path.dirname(os.path.realpath(initdb)) if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server on 127.0.0.1; yields the URL of its `postgres` database."""
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql): PostgreSQL store tests skipped")
    root = tempfile.mkdtemp(prefix="sitrep-pg-")
    user = None
    if os.geteuid() == 0:
        user = "nobody"
        shutil.chown(root, user=user)
    data, port = os.path.join(root, "data"), _free_port()

    def run(*args):
        return subprocess.run(list(args), user=user, capture_output=True, text=True, timeout=120, cwd=root)

    res = run(os.path.join(bindir, "initdb"), "-D", data, "-A", "trust", "-U", "sitrep", "-E", "UTF8", "--no-sync")
    if res.returncode != 0:
        pytest.skip(f"PostgreSQL initdb failed here: {res.stderr.strip()[:200]}")
    opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
    res = run(os.path.join(bindir, "pg_ctl"), "-D", data, "-o", opts, "-l", os.path.join(root, "log"), "-w", "start")
    if res.returncode != 0:
        pytest.skip(f"PostgreSQL did not start: {res.stderr.strip()[:200]}")
    try:
        yield f"postgresql://sitrep@127.0.0.1:{port}/postgres"
    finally:
        run(os.path.join(bindir, "pg_ctl"), "-D", data, "-m", "immediate", "stop")
        shutil.rmtree(root, ignore_errors=True)


_counter = itertools.count()


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty PostgreSQL database for one test."""
    import psycopg
    name = f"t{os.getpid()}_{next(_counter)}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = pg_server.rsplit("/", 1)[0] + "/" + name
    yield url
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


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
