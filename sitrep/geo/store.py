"""The prebuilt gazetteer index on disk, opened read-only, with a per-process cache of key lookups.

Where: `$SITREP_DATA_DIR/gazetteer.sqlite`, else the platformdirs user data dir of sitrep. Opening costs a few
milliseconds; the build (sitrep gazetteer build, or on first use) is in build.py.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

INDEX_NAME = "gazetteer.sqlite"


class Entry(NamedTuple):
    id: int
    name: str
    lat: float
    lon: float
    cc: str | None
    admin1: str | None
    admin2: str | None
    hromada: str | None
    level: int          # 0 country, 1 admin1, 2 raion/admin2, 3 hromada, 4 settlement
    population: int
    geonameid: int | None
    precision: int
    note: str | None
    clat: float | None = None    # area centroid of a country / region
    clon: float | None = None


class Hit(NamedTuple):
    entry: Entry
    src: str            # the exact key of the gazetteer name that matched


def data_dir() -> Path:
    env = os.environ.get("SITREP_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("sitrep", appauthor=False))


def default_index_path() -> Path:
    return data_dir() / INDEX_NAME


class GazetteerError(Exception):
    pass


class Gazetteer:
    """Read-only access to the index. Thread-safe for reads (one connection per thread)."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = str(path)
        if not os.path.exists(self.path):
            raise GazetteerError(f"{self.path}: no gazetteer index (run `sitrep gazetteer build`)")
        self._local = threading.local()
        try:
            self._conn().execute("SELECT v FROM meta WHERE k='schema'").fetchone()
        except sqlite3.DatabaseError as e:
            raise GazetteerError(f"{self.path}: not a usable gazetteer index ({e})") from None
        self._id_cache: dict[str, tuple[tuple[int, str], ...]] = {}
        self.exact = lru_cache(maxsize=200_000)(self._exact)
        self.entry = lru_cache(maxsize=20_000)(self._entry)
        self._entries: dict[int, Entry] = {}
        self.find = lru_cache(maxsize=20_000)(self._find)
        self.country = lru_cache(maxsize=1_000)(self._country)

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("PRAGMA query_only=1")
            conn.execute("PRAGMA cache_size=-32000")
            conn.execute("PRAGMA mmap_size=268435456")   # page reads without syscalls
            self._local.conn = conn
        return conn

    def ids(self, key: str) -> tuple[tuple[int, str], ...]:
        """(place id, matched exact key) of a key, without the places: cheap to filter before fetching."""
        got = self._id_cache.get(key)
        if got is None:
            rows = self._conn().execute("SELECT id, src FROM names WHERE key = ?", (key,)).fetchall()
            got = self._remember_ids(key, tuple((i, src or key) for i, src in rows))
        return got

    def prefetch(self, keys: list[str]) -> None:
        """Look many keys up in a few queries (the one-edit keys of a fuzzy lookup: a dozen, mostly empty),
        their places too, so that `hits` on each then costs no query. Rows come in the same (key, id) order
        as one key's query: the primary key's."""
        missing = [k for k in dict.fromkeys(keys) if k not in self._id_cache]
        conn, found = self._conn(), {}
        for i in range(0, len(missing), 500):
            chunk = missing[i:i + 500]
            for key, pid, src in conn.execute(
                    f"SELECT key, id, src FROM names WHERE key IN ({','.join('?' * len(chunk))}) ORDER BY key, id",
                    chunk):
                found.setdefault(key, []).append((pid, src or key))
        pids = [pid for k in missing for pid, _ in found.get(k, ()) if pid not in self._entries]
        for k in missing:
            self._remember_ids(k, tuple(found.get(k, ())))
        self._fetch_entries(pids)

    def _remember_ids(self, key: str, pairs: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str], ...]:
        if len(self._id_cache) >= 200_000:
            self._id_cache.clear()
        self._id_cache[key] = pairs
        return pairs

    def _fetch_entries(self, pids: list[int]) -> None:
        cache = self._entries
        if len(cache) > 300_000:
            cache.clear()
        conn = self._conn()
        for i in range(0, len(pids), 500):
            chunk = pids[i:i + 500]
            for r in conn.execute(f"SELECT * FROM places WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                cache[r[0]] = Entry(*r)

    def _exact(self, key: str) -> tuple[Hit, ...]:
        """Hits of an exact key in one query (names joined to places): the common case, half the round trips."""
        rows = self._conn().execute("SELECT n.src, p.* FROM names n JOIN places p ON p.id = n.id WHERE n.key = ?",
                                    (key,)).fetchall()
        cache = self._entries
        if len(cache) > 300_000:
            cache.clear()
        out = []
        for r in rows:
            e = cache.get(r[1])
            if e is None:
                e = cache[r[1]] = Entry(*r[1:])
            out.append(Hit(e, r[0] or key))
        return tuple(out)

    def hits(self, key: str, keep=None) -> list[Hit]:
        """Hits of a key whose matched name passes `keep(src)`, places fetched (cached) only for those."""
        if keep is None and key[:1] not in ("~", "#"):
            return list(self.exact(key))
        pairs = [(pid, src) for pid, src in self.ids(key) if keep is None or keep(src)]
        cache = self._entries
        missing = [pid for pid, _ in pairs if pid not in cache]
        if missing:
            self._fetch_entries(missing)
            cache = self._entries
        return [Hit(cache[pid], src) for pid, src in pairs if pid in cache]

    def _entry(self, pid: int) -> Entry | None:
        r = self._conn().execute("SELECT * FROM places WHERE id = ?", (pid,)).fetchone()
        return Entry(*r) if r else None

    def _find(self, level: int, name: str, cc: str | None = None, admin1: str | None = None) -> Entry | None:
        """A unit by its exact display name (used for fall-backs: the region or raion all candidates share)."""
        sql, args = "SELECT * FROM places WHERE level = ? AND name = ?", [level, name]
        if cc:
            sql, args = sql + " AND cc = ?", args + [cc]
        if admin1:
            sql, args = sql + " AND admin1 = ?", args + [admin1]
        r = self._conn().execute(sql + " ORDER BY population DESC LIMIT 1", args).fetchone()
        return Entry(*r) if r else None

    def _country(self, cc: str) -> Entry | None:
        r = self._conn().execute("SELECT * FROM places WHERE level = 0 AND cc = ? LIMIT 1", (cc,)).fetchone()
        return Entry(*r) if r else None

    def meta(self) -> dict[str, str]:
        return dict(self._conn().execute("SELECT k, v FROM meta").fetchall())
