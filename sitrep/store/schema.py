"""The versioned schema: an ordered list of migrations, applied in one transaction when a database is opened.

`meta` holds `application = sitrep` (how a sitrep database is recognised) and `schema_version`. A database with a
newer version than MIGRATIONS knows is refused rather than guessed at; an older one is brought up to date.
"""
from __future__ import annotations

from sitrep.store.backend import Db
from sitrep.store.errors import StoreError

APPLICATION = "sitrep"
SQLITE_APPLICATION_ID = 0x53495452  # "SITR" in the SQLite header

_V1_COMMON = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, text_hash TEXT NOT NULL UNIQUE, url TEXT, title TEXT, published TEXT, source TEXT,
    language TEXT, published_basis TEXT, text TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE tokens (name TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT);
"""
_V1_EVENTS = """
CREATE TABLE events (
    seq {serial}, event_id TEXT NOT NULL UNIQUE, status TEXT NOT NULL DEFAULT 'active', merged_into TEXT,
    sort_date TEXT NOT NULL DEFAULT '', event_type TEXT, country TEXT, admin1 TEXT, adm_key TEXT, loc_key TEXT,
    cell TEXT, latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, geo_precision INTEGER, actors TEXT,
    base TEXT NOT NULL, data TEXT, updated_at TEXT NOT NULL);
CREATE INDEX events_by_date ON events (status, sort_date, event_id);
CREATE INDEX events_by_cell ON events (cell, sort_date);
CREATE INDEX events_by_loc ON events (loc_key, sort_date);
CREATE INDEX events_by_region ON events (adm_key, geo_precision, sort_date);
CREATE TABLE reports (
    id {serial}, event_id TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id), data TEXT NOT NULL);
CREATE INDEX reports_by_event ON reports (event_id);
CREATE INDEX reports_by_article ON reports (article_id);
CREATE TABLE corrections (
    id {serial}, event_id TEXT NOT NULL, kind TEXT NOT NULL, field TEXT, old TEXT, new TEXT, who TEXT NOT NULL,
    at TEXT NOT NULL, reason TEXT, target TEXT, undone_by BIGINT);
CREATE INDEX corrections_by_event ON corrections (event_id);
CREATE INDEX corrections_by_target ON corrections (target);
"""
_V1_SQLITE_FTS = ("CREATE VIRTUAL TABLE events_fts USING fts5(body, "
                  "tokenize='porter unicode61 remove_diacritics 2');\n")
_V1_PG_FTS = ("ALTER TABLE events ADD COLUMN fts tsvector;\n"
              "CREATE INDEX events_fts ON events USING GIN (fts);\n")


def _v1(db: Db) -> str:
    serial = "BIGSERIAL PRIMARY KEY" if db.is_pg else "INTEGER PRIMARY KEY AUTOINCREMENT"
    return _V1_COMMON + _V1_EVENTS.format(serial=serial) + (_V1_PG_FTS if db.is_pg else _V1_SQLITE_FTS)


# (version, function of the back end returning the SQL script). Append only; never edit a released step.
MIGRATIONS = [(1, _v1)]
CURRENT_VERSION = MIGRATIONS[-1][0]


def _tables(db: Db) -> set[str]:
    if db.is_pg:
        rows = db.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
    else:
        rows = db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    return {r[0] for r in rows.fetchall()}


def current_version(db: Db) -> int | None:
    """The schema version of a sitrep database, 0 for an empty one; StoreError for someone else's database."""
    tables = _tables(db)
    if not tables:
        return 0
    if "meta" not in tables:
        raise StoreError("not a sitrep database (it has other tables and no sitrep metadata); nothing was changed")
    rows = dict(db.execute("SELECT key, value FROM meta").fetchall())
    if rows.get("application") != APPLICATION:
        raise StoreError("not a sitrep database (its metadata names another application); nothing was changed")
    try:
        return int(rows.get("schema_version", "0"))
    except ValueError:
        raise StoreError("not a sitrep database (unreadable schema version)") from None


def ensure_schema(db: Db, create: bool) -> int:
    """Check the database is sitrep's and bring it to CURRENT_VERSION; returns the version found."""
    found = current_version(db)
    if found == 0 and not create:
        raise StoreError("not a sitrep database (it is empty; create it with `sitrep ingest`)")
    if found > CURRENT_VERSION:
        raise StoreError(f"the database has schema version {found}, newer than this sitrep understands "
                         f"({CURRENT_VERSION}); upgrade sitrep")
    db.tune()
    if found == CURRENT_VERSION:
        return found
    if db.read_only:
        raise StoreError(f"the database needs an upgrade to schema version {CURRENT_VERSION} but is read-only")
    with db.transaction():
        if db.is_pg:  # two processes opening a fresh database at once must not both migrate
            db.execute("SELECT pg_advisory_xact_lock(7305)")
            found = current_version(db)
        for version, script in MIGRATIONS:
            if version > found:
                db.executescript(script(db))
        if found == 0:
            db.execute("INSERT INTO meta (key, value) VALUES ('application', ?)", (APPLICATION,))
            db.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(CURRENT_VERSION),))
            if not db.is_pg:
                db.execute(f"PRAGMA application_id = {SQLITE_APPLICATION_ID}")
        else:
            db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(CURRENT_VERSION),))
    return found
