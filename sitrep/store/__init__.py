"""The store: SQLite (default, one file, WAL) or PostgreSQL behind one API (see store.py, schema.py)."""
from sitrep.store.errors import StoreError
from sitrep.store.filters import EventFilter
from sitrep.store.ingest import IngestSummary, ingest_articles, ingest_paths
from sitrep.store.store import Store, open_store

__all__ = ["EventFilter", "IngestSummary", "Store", "StoreError", "ingest_articles", "ingest_paths", "open_store"]
