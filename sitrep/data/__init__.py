"""Data files (lexicons, actor dictionaries, taxonomies) shipped inside the package, versioned with the code."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=None)
def load_yaml(relative_path: str) -> Any:
    """Load `sitrep/data/<relative_path>` once per process; callers must not mutate the result."""
    with resources.files("sitrep.data").joinpath(relative_path).open("r", encoding="utf-8") as f:
        return yaml.safe_load(f)


def data_file(relative_path: str):
    """The path-like resource `sitrep/data/<relative_path>` (for JSON models and other non-YAML files)."""
    return resources.files("sitrep.data").joinpath(relative_path)
