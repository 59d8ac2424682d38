"""Events as plain dicts (the contract's JSON shape), fast: Event.to_dict uses dataclasses.asdict, whose deep
copies dominate the time of a large export or ingest."""
from __future__ import annotations

from sitrep.model import Event


def event_dict(ev: Event) -> dict:
    """The same dict as ev.to_dict(), built with shallow copies."""
    d = dict(ev.__dict__)
    d["sources"] = [dict(s.__dict__) for s in ev.sources]
    d["provenance"] = [dict(p.__dict__) for p in ev.provenance]
    return d


def contract_record(ev: Event) -> dict:
    """The record as written to a file: event_dict checked against the contract's schema (ContractError if not)."""
    from sitrep.export.contract import check
    return check(event_dict(ev))
