"""Databases sitrep cannot use get a clear message, and nothing already stored is lost or half-written."""
from __future__ import annotations

import sqlite3

import pytest
from store_factory import article, event_for, kharkiv_strike

from sitrep.store import EventFilter, StoreError, open_store


def test_a_file_that_is_not_sqlite_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"my notes, not a database\n" * 10)
    with pytest.raises(StoreError, match="not a sitrep database"):
        open_store(str(path))
    assert path.read_bytes() == b"my notes, not a database\n" * 10


def test_someone_elses_sqlite_database_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a sitrep database"):
        open_store(str(path))
    assert path.read_bytes() == before


def test_a_newer_schema_version_is_refused(db_url):
    with open_store(db_url) as store:
        store.db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        open_store(db_url)


def test_export_of_a_missing_database_says_so_and_creates_nothing(tmp_path):
    path = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="no such database"):
        open_store(str(path), create=False)
    assert not path.exists()


def test_an_unreachable_postgresql_server_is_a_clear_error():
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")


def _fill(store, n: int, size: int = 20_000, start: int = 0) -> int:
    """Ingest big articles until the store refuses; returns how many went in."""
    stored = 0
    for i in range(start, start + n):
        text = f"Report {i}: Russian shelling of Kharkiv. " + ("Details follow. " * (size // 16))
        art = article(f"big{i}", text)
        try:
            store.ingest_article(art, [event_for(art, text[:40], event_date=f"2023-{1 + i % 12:02d}-01")])
        except StoreError as e:
            assert "disk is full" in str(e) or "disk full" in str(e)
            return stored
        stored += 1
    return stored


def _consistent(path: str, stored: int) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    orphans = conn.execute("SELECT count(*) FROM reports WHERE event_id NOT IN (SELECT event_id FROM events)").fetchone()[0]
    conn.close()
    assert articles == stored and reports == stored and orphans == 0


def test_a_size_limit_reached_mid_ingest_keeps_every_stored_article_whole(tmp_path):
    path = str(tmp_path / "limited.db")
    with open_store(path) as store:
        store.db.execute("PRAGMA max_page_count = 120")  # ~480 KB: a database that cannot grow further
        stored = _fill(store, 200)
        assert 0 < stored < 200
    _consistent(path, stored)


def test_a_full_disk_gives_a_clear_message_and_loses_nothing(tiny_fs):
    path = tiny_fs("1m") + "/sitrep.db"
    with open_store(path) as store:
        stored = _fill(store, 200)
    assert 0 < stored < 200
    _consistent(path, stored)
    with open_store(path) as store:  # still usable for reading, everything there
        assert store.count_events() >= 1


def test_a_read_only_database_can_be_read_and_refuses_writes_clearly(tiny_fs):
    fs = tiny_fs("4m")
    path = fs + "/sitrep.db"
    art, evs = kharkiv_strike("1", "Russian missiles struck Kharkiv, killing 3.")
    with open_store(path) as store:
        store.ingest_article(art, evs)
    tiny_fs.mounts[-1].read_only()
    with open_store(path, create=False) as store:
        assert [e.event_id for e in store.iter_events(EventFilter())] == [evs[0].event_id]
        art2, evs2 = kharkiv_strike("2", "Another report from Kharkiv.")
        with pytest.raises(StoreError, match="read-only"):
            store.ingest_article(art2, evs2)
        with pytest.raises(StoreError, match="read-only"):
            store.create_token("olena")


def test_an_older_schema_is_migrated_in_place_keeping_its_events(tmp_path, monkeypatch):
    import sitrep.store.schema as schema
    path = str(tmp_path / "old.db")
    art, evs = kharkiv_strike("1", "Russian missiles struck Kharkiv, killing 3.")
    with open_store(path) as store:
        store.ingest_article(art, evs)
    v2 = (2, lambda db: "CREATE TABLE review_queue (event_id TEXT PRIMARY KEY);\n")
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + [v2])
    monkeypatch.setattr(schema, "CURRENT_VERSION", 2)
    with open_store(path) as store:
        assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "2"
        store.db.execute("SELECT count(*) FROM review_queue").fetchone()
        assert store.get_event(evs[0].event_id) is not None


def test_a_postgresql_database_of_another_application_is_refused(pg_url):
    import psycopg
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(StoreError, match="not a sitrep database"):
        open_store(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        tables = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables "
                                             "WHERE table_schema = 'public'")}
    assert tables == {"invoices"}
