"""Geo tests run against the real gazetteer index: the default one ($SITREP_DATA_DIR or the user data dir),
built once here when it is missing (about a minute)."""
from __future__ import annotations


import pytest


@pytest.fixture(scope="session")
def index_path() -> str:
    from sitrep.geo.geocoder import ensure_index
    from sitrep.geo.store import default_index_path

    path = str(default_index_path())
    ensure_index(path, progress=False)
    return path


@pytest.fixture(scope="session")
def geo(index_path):
    from sitrep.geo import Geocoder

    return Geocoder.open(index_path)
