"""One store per worker thread: FastAPI runs plain `def` endpoints in a thread pool and SQLite connections
must not be shared across threads, so each thread opens its own store on first use and keeps it."""
from __future__ import annotations

import threading
from contextlib import ExitStack
from typing import Any


class StorePool:
    """Lazily opens `open_store(db)` once per thread; `close()` closes them all (at app shutdown)."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        self._lock = threading.Lock()
        self._stacks: list[ExitStack] = []

    def get(self) -> Any:
        store = getattr(self._local, "store", None)
        if store is None:
            from sitrep.store import open_store

            stack = ExitStack()
            store = stack.enter_context(open_store(self.db))
            self._local.store = store
            with self._lock:
                self._stacks.append(stack)
        return store

    def close(self) -> None:
        with self._lock:
            stacks, self._stacks = self._stacks, []
        for stack in stacks:
            try:
                stack.close()
            except Exception:  # closing a connection from another thread may fail; the process is ending
                pass
