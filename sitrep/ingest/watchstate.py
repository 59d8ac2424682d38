"""The feed watcher's memory: which item URLs were handled (and how), which texts were ingested, and each
feed's ETag / Last-Modified. SQLite, committed after every item, so a restart or the next `--once` cron run
picks up where the last one stopped, and two overlapping runs wait on each other instead of corrupting it.

It lives beside the db (or, for a PostgreSQL URL, in the user's state folder) rather than in the store: the store
keeps articles and events; this is bookkeeping of one fetcher, and `sitrep watch` must not need a store schema
change to remember that a link was refused.
"""
from __future__ import annotations

import hashlib
import sqlite3
import time
from pathlib import Path


class WatchState:
    """What the watcher has handled, in SQLite so it survives restarts and concurrent cron runs.

    `items`: one row per item URL with its outcome; `ingested`/`skipped`/`duplicate` rows are final, `failed`
    rows are retried until MAX_ATTEMPTS. `feeds`: each feed's ETag and Last-Modified for conditional requests.
    """

    MAX_ATTEMPTS = 3

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path, timeout=30)
        self.db.executescript(
            "CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, polled REAL);"
            "CREATE TABLE IF NOT EXISTS items (url TEXT PRIMARY KEY, status TEXT NOT NULL, reason TEXT,"
            " text_hash TEXT, attempts INTEGER NOT NULL DEFAULT 0, updated REAL);"
            "CREATE INDEX IF NOT EXISTS items_hash ON items (text_hash);")

    def validators(self, feed_url: str) -> tuple[str | None, str | None]:
        row = self.db.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (feed_url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_validators(self, feed_url: str, etag: str | None, last_modified: str | None) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?)",
                            (feed_url, etag, last_modified, time.time()))

    def is_done(self, url: str) -> bool:
        row = self.db.execute("SELECT status, attempts FROM items WHERE url = ?", (url,)).fetchone()
        return bool(row) and (row[0] != "failed" or row[1] >= self.MAX_ATTEMPTS)

    def hash_seen(self, digest: str) -> bool:
        return self.db.execute("SELECT 1 FROM items WHERE text_hash = ? AND status = 'ingested'",
                               (digest,)).fetchone() is not None

    def mark_done(self, url: str, status: str, reason: str | None, digest: str | None = None) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO items VALUES (?, ?, ?, ?, 0, ?)",
                            (url, status, reason, digest, time.time()))

    def mark_failed(self, url: str, reason: str) -> bool:
        """Count a transient failure; True when this was the last attempt (the item is given up)."""
        with self.db:
            self.db.execute(
                "INSERT INTO items VALUES (?, 'failed', ?, NULL, 1, ?) ON CONFLICT(url) DO UPDATE SET "
                "attempts = attempts + 1, reason = excluded.reason, updated = excluded.updated",
                (url, reason, time.time()))
        return not self.db.execute("SELECT 1 FROM items WHERE url = ? AND attempts < ?",
                                   (url, self.MAX_ATTEMPTS)).fetchone()

    def close(self) -> None:
        self.db.close()


def state_path_for(db: str) -> str:
    """The state file beside a SQLite db (`sitrep.db` -> `sitrep.db.watch.sqlite`); for a PostgreSQL URL, one
    per URL in the user's state folder (the URL's hash names it, so no password lands in a file name)."""
    if db.startswith("sqlite:///"):
        db = db[len("sqlite:///"):]
    elif "://" in db:
        from platformdirs import user_state_dir

        folder = Path(user_state_dir("sitrep"))
        folder.mkdir(parents=True, exist_ok=True)
        return str(folder / f"watch-{hashlib.sha256(db.encode()).hexdigest()[:16]}.sqlite")
    return f"{db}.watch.sqlite"

