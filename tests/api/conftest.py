"""A real server on a loopback port over a real SQLite store filled with hand-made articles and events."""
from __future__ import annotations

import httpx
import pytest

from sitrep.api.testing import fill_sample_store, running_server
from sitrep.store import open_store


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("api") / "sitrep.db")
    fill_sample_store(db)
    return db


@pytest.fixture(scope="module")
def base_url(sample_db):
    with running_server(sample_db) as url:
        yield url


@pytest.fixture(scope="module")
def client(base_url):
    with httpx.Client(base_url=base_url, timeout=20) as c:
        yield c


@pytest.fixture()
def fresh(tmp_path):
    """A fresh store and server per test (for writes), with a token for 'alice'."""
    db = str(tmp_path / "sitrep.db")
    fill_sample_store(db)
    with open_store(db) as store:
        token = store.create_token("alice")
    with running_server(db) as url, httpx.Client(base_url=url, timeout=20) as c:
        c.db = db  # type: ignore[attr-defined]
        c.token = token  # type: ignore[attr-defined]
        c.auth_headers = {"Authorization": f"Bearer {token}"}  # type: ignore[attr-defined]
        yield c
