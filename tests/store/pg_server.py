"""A throwaway PostgreSQL server (initdb + pg_ctl in a temporary folder), for the store tests' fixtures and for
benchmarks/reliability.py --pg.

Owned by `nobody` when run as root, since PostgreSQL refuses to run as root. Durability is switched off
(fsync, synchronous_commit): the server is thrown away, and what is tested is sitrep's transactions.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from typing import Iterator


class PgUnavailable(RuntimeError):
    """PostgreSQL is not installed here, or would not start; the message says which."""


def pg_bin() -> str | None:
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(d, "initdb")) and os.path.exists(os.path.join(d, "pg_ctl")):
            return d
    initdb = shutil.which("initdb")
    return os.path.dirname(os.path.realpath(initdb)) if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def throwaway_pg() -> Iterator[str]:
    """A server on 127.0.0.1 until the block ends; yields the URL of its `postgres` database."""
    bindir = pg_bin()
    if bindir is None:
        raise PgUnavailable("PostgreSQL is not installed (apt-get install postgresql)")
    root = tempfile.mkdtemp(prefix="sitrep-pg-")
    user = None
    if os.geteuid() == 0:
        user = "nobody"
        shutil.chown(root, user=user)
    data, port = os.path.join(root, "data"), free_port()

    def run(*args):
        return subprocess.run(list(args), user=user, capture_output=True, text=True, timeout=120, cwd=root)

    try:
        res = run(os.path.join(bindir, "initdb"), "-D", data, "-A", "trust", "-U", "sitrep", "-E", "UTF8", "--no-sync")
        if res.returncode != 0:
            raise PgUnavailable(f"PostgreSQL initdb failed here: {res.stderr.strip()[:200]}")
        opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
        res = run(os.path.join(bindir, "pg_ctl"), "-D", data, "-o", opts, "-l", os.path.join(root, "log"), "-w",
                  "start")
        if res.returncode != 0:
            raise PgUnavailable(f"PostgreSQL did not start: {res.stderr.strip()[:200]}")
        try:
            yield f"postgresql://sitrep@127.0.0.1:{port}/postgres"
        finally:
            run(os.path.join(bindir, "pg_ctl"), "-D", data, "-m", "immediate", "stop")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def create_database(server_url: str, name: str) -> str:
    """A fresh, empty database on the server; its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + "/" + name


def drop_database(server_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
