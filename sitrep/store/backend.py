"""Two back ends behind one small interface: SQLite (one file, WAL) and PostgreSQL (psycopg 3).

The store writes its SQL once with `?` placeholders; `Db.sql` turns them into `%s` for PostgreSQL. Driver errors
that mean "this database cannot be used" become StoreError with a plain message (read-only, disk full, ...).
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from typing import Any, Iterator

from sitrep.store.errors import StoreError

SQLITE_MAGIC = b"SQLite format 3\x00"
DISK_FULL = "the disk is full; the change in progress was not written (everything stored before is intact)"


def translate_error(exc: BaseException, where: str = "") -> StoreError:
    """A driver exception as a StoreError whose message says what is wrong in words a user knows."""
    text = str(exc)
    low = text.lower()
    if "readonly" in low or "read-only" in low or "read only" in low:
        msg = "the database is read-only (check the file's and its folder's permissions)"
    elif "disk is full" in low or "database or disk is full" in low or "no space" in low or "disk full" in low:
        msg = DISK_FULL
    elif "disk i/o error" in low or "file too large" in low:
        msg = f"cannot write the database (disk full or I/O error: {text})"
    elif "file is not a database" in low or "file is encrypted" in low:
        msg = "not a sitrep database (not an SQLite file); nothing was changed"
    elif "locked" in low:
        msg = "the database is locked by another process; try again"
    else:
        msg = text
    return StoreError(f"{where}{msg}")


class Db:
    """A connection plus the dialect facts the store needs."""

    def __init__(self, url: str, create: bool) -> None:
        self.url = url
        self.is_pg = url.startswith(("postgresql://", "postgres://"))
        self.read_only = False
        self.conn: Any = self._connect_pg() if self.is_pg else self._connect_sqlite(create)

    # -- connecting ------------------------------------------------------------------------------------
    def _connect_pg(self) -> Any:
        try:
            import psycopg
        except ImportError as e:  # pragma: no cover - psycopg is a dependency
            raise StoreError("PostgreSQL support needs psycopg (pip install 'psycopg[binary]')") from e
        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to PostgreSQL: {str(e).strip().splitlines()[0]}") from None
        return conn

    def _connect_sqlite(self, create: bool) -> sqlite3.Connection:
        path = self.url[len("sqlite:///"):] if self.url.startswith("sqlite:///") else self.url
        exists = os.path.exists(path)
        if not exists and not create:
            raise StoreError("no such database (create it with `sitrep ingest`)")
        if exists:
            # The header is NOT sniffed with open(): closing any descriptor of the file drops every POSIX lock
            # this process holds on it (a server's other connections included), and the next process to close
            # its connection then believes it is the last one and deletes the -wal/-shm files under the server.
            # SQLite itself refuses a non-SQLite file ("file is not a database") without writing to it.
            if os.path.isdir(path):
                raise StoreError("is a folder, not a database file")
            if not os.access(path, os.R_OK):
                raise StoreError("cannot read the database: Permission denied")
        folder = os.path.dirname(os.path.abspath(path)) or "."
        if not exists and not os.path.isdir(folder):
            raise StoreError(f"cannot create the database: no folder {folder}")
        writable = (os.access(path, os.W_OK) if exists else True) and os.access(folder, os.W_OK)
        if not exists and not writable:
            raise StoreError(f"cannot create the database: the folder {folder} is read-only")
        try:
            if writable:
                conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
            else:
                self.read_only = True
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, timeout=30,
                                       check_same_thread=False)
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as e:
            if self.read_only and "unable to open" in str(e).lower():
                try:  # a read-only WAL database without its -shm file: open it as immutable
                    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, isolation_level=None,
                                           check_same_thread=False)
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                    return conn
                except sqlite3.DatabaseError as e2:
                    raise translate_error(e2) from None
            raise translate_error(e) from None
        return conn

    def tune(self) -> None:
        """WAL and a durable sync mode; only once the file is known to be sitrep's (it rewrites the
        header, and someone else's database must be left byte-for-byte unchanged)."""
        if self.is_pg or self.read_only:
            return
        try:
            self.conn.execute("PRAGMA journal_mode=WAL").fetchone()
            # FULL: a commit is on disk (WAL fsynced) before the caller hears success, so a 200 is never lost.
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.execute("PRAGMA cache_size=-32000")  # 32 MB of page cache: candidate lookups stay in memory
        except sqlite3.DatabaseError as e:
            raise translate_error(e) from None

    # -- running SQL -----------------------------------------------------------------------------------
    def sql(self, query: str) -> str:
        return query.replace("?", "%s") if self.is_pg else query

    def execute(self, query: str, params: tuple | list = ()) -> Any:
        try:
            return self.conn.execute(self.sql(query), params)
        except Exception as e:
            raise self._wrap(e) from None

    def executescript(self, script: str) -> None:
        try:
            if self.is_pg:
                self.conn.execute(script)
            else:
                for stmt in split_statements(script):
                    self.conn.execute(stmt)
        except Exception as e:
            raise self._wrap(e) from None

    def _wrap(self, e: Exception) -> Exception:
        if isinstance(e, sqlite3.IntegrityError):
            return e
        if isinstance(e, sqlite3.OperationalError) or isinstance(e, sqlite3.DatabaseError):
            return translate_error(e)
        if self.is_pg:
            import psycopg
            if isinstance(e, psycopg.errors.IntegrityError):
                return e
            if isinstance(e, psycopg.errors.DiskFull):
                return StoreError(DISK_FULL)
            if isinstance(e, psycopg.errors.ReadOnlySqlTransaction):
                return StoreError("the database is read-only")
            if isinstance(e, psycopg.OperationalError):
                return StoreError(f"PostgreSQL: {str(e).strip().splitlines()[0]}")
        return e

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One all-or-nothing unit: commits at the end, rolls back on any exception (or a kill)."""
        if self.read_only:
            raise StoreError("the database is read-only (check the file's and its folder's permissions)")
        if self.is_pg:
            try:
                with self.conn.transaction():
                    yield
            except StoreError:
                raise
            except Exception as e:
                raise self._wrap(e) from None
            return
        self.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise translate_error(e) from None

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:  # closing must never hide the real error
            pass


def split_statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]
