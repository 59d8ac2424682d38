"""Whether the gazetteer index on disk can be used as it is: present, and built from this install's schema, code
and data (an upgrade that renamed a region must not keep the old readings). Building it is `sitrep.geo.build`;
reading it is `sitrep.geo.store`."""
from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import contextmanager
from typing import Iterator

from sitrep.geo.store import default_index_path

log = logging.getLogger(__name__)


def ensure_index(path=None, progress: bool = True) -> str:
    """The index path, building it first (with a progress bar on stderr) when it is missing, or when it was built
    from other data than this install's (an upgrade that renamed a region must not keep the old readings). An
    index a user merged a GeoNames dump into is kept, with a warning: rebuilding would drop the import."""
    from sitrep.geo.commands import run_build

    path = str(path or default_index_path())
    with _build_lock(path):
        if not os.path.exists(path):
            run_build(path, show=progress)
        elif (why := stale_reason(path)) is not None:
            if _index_meta(path).get("imported"):
                log.warning("%s: %s; kept because it holds an imported GeoNames file (rebuild with "
                            "`sitrep gazetteer build --force`, then import again)", path, why)
            else:
                log.warning("%s: %s: rebuilding", path, why)
                run_build(path, show=progress)
    return path


def stale_reason(path: str) -> str | None:
    """Why the index at `path` does not match this install's schema and data (None: it does)."""
    from sitrep.geo.build import SCHEMA_VERSION, source_fingerprint

    meta = _index_meta(path)
    if meta.get("schema") != SCHEMA_VERSION:
        return f"gazetteer index has schema {meta.get('schema')}, this version needs {SCHEMA_VERSION}"
    if meta.get("source") != source_fingerprint():
        return "gazetteer index was built from other gazetteer data than this install's"
    return None


def _index_meta(path: str) -> dict[str, str]:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            return dict(db.execute("SELECT k, v FROM meta").fetchall())
    except sqlite3.DatabaseError:
        return {}


@contextmanager
def _build_lock(path: str) -> Iterator[None]:
    """One process builds; the others wait and then use its index (workers start together). An index in a
    directory this user cannot write to is used without the lock (it cannot be rebuilt there anyway)."""
    import fcntl

    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        fh = open(path + ".lock", "w")
    except OSError:
        yield
        return
    with fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
