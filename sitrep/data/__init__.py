"""Data files (lexicons, actor dictionaries, taxonomies) shipped inside the package, versioned with the code."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

# libyaml's parser when installed (4x faster on the actor dictionaries, the same safe constructors)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load_yaml(relative_path: str) -> Any:
    """Load `sitrep/data/<relative_path>` once per process; callers must not mutate the result."""
    with resources.files("sitrep.data").joinpath(relative_path).open("r", encoding="utf-8") as f:
        return parse_yaml(f)


def parse_yaml(text_or_stream) -> Any:
    """yaml.safe_load, on libyaml's parser when installed."""
    return yaml.load(text_or_stream, Loader=_LOADER)


def data_file(relative_path: str):
    """The path-like resource `sitrep/data/<relative_path>` (for JSON models and other non-YAML files)."""
    return resources.files("sitrep.data").joinpath(relative_path)
