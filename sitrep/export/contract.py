"""The contract's event record as a JSON Schema (sitrep/data/contract/event.schema.json), checked where records
are written, so a bad record stops the write with the event and the field named instead of reaching a reader.

The schema cannot say "char_start <= char_end"; that one rule is checked here in code.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


class ContractError(ValueError):
    """An event record that CONTRACT.md's readers would reject."""


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    text = resources.files("sitrep").joinpath("data/contract/event.schema.json").read_text(encoding="utf-8")
    return Draft202012Validator(json.loads(text))


def schema() -> dict:
    return _validator().schema


def problems(record: dict) -> list[str]:
    """Every way `record` breaks the contract, as `field: what` lines; empty when it is valid."""
    out = []
    for err in sorted(_validator().iter_errors(record), key=lambda e: list(map(str, e.absolute_path))):
        where = ".".join(str(p) for p in err.absolute_path) or "(record)"
        out.append(f"{where}: {err.message}")
    for i, src in enumerate(record.get("sources") or []):
        if isinstance(src, dict) and isinstance(src.get("char_start"), int) and isinstance(src.get("char_end"), int) \
                and src["char_start"] > src["char_end"]:
            out.append(f"sources.{i}: char_start {src['char_start']} is after char_end {src['char_end']}")
    return out


def check(record: dict) -> dict:
    """`record` itself when valid; ContractError naming the event and every failing field otherwise."""
    found = problems(record)
    if found:
        raise ContractError(f"event {record.get('event_id')!r} breaks the output contract: " + "; ".join(found[:5]))
    return record
