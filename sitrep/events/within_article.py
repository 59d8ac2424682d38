"""One event per type x place x day within an article; region-level echoes of a precise event go."""
from __future__ import annotations

import re
from datetime import date

from sitrep.model import Event

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

_UNNAMED_PLACE = re.compile(r"\b(?:a|one|another|two|three|several) (?:\w+ )?(?:villages?|towns?|settlements?|"
                            r"communit(?:y|ies)|localit(?:y|ies)|cit(?:y|ies)|hamlets?)\b", re.I)


def merge_within_article(events: list[Event]) -> list[Event]:
    """One event per type x place x day within an article; region-level echoes of a precise event go."""
    out: list[Event] = []
    for ev in events:
        twin = next((o for o in out if o.event_type == ev.event_type and o.location == ev.location
                     and o.event_date == ev.event_date and (o.actor1_side == ev.actor1_side
                                                           or "UNKNOWN" in (o.actor1_side, ev.actor1_side))), None)
        if twin is None:
            out.append(ev)
            continue
        for f in ("fatalities", "claimed_by", "actor2", "inter2", "actor2_side"):
            if getattr(twin, f) is None and getattr(ev, f) is not None:
                setattr(twin, f, getattr(ev, f))
        if twin.actor1_side == "UNKNOWN" and ev.actor1_side != "UNKNOWN":
            twin.actor1, twin.inter1, twin.actor1_side = ev.actor1, ev.inter1, ev.actor1_side
        if _PRECISION_RANK.get(ev.date_precision or "year", 3) < _PRECISION_RANK.get(twin.date_precision or "year", 3):
            twin.date_precision = ev.date_precision
        if len(ev.sources[0].evidence) > len(twin.sources[0].evidence) and is_title_like(twin.sources[0].evidence):
            twin.sources = ev.sources
    precise = [e for e in out if (e.geo_precision or 3) < 3]
    kept = []
    for ev in out:
        slack = 1 if is_title_like(ev.sources[0].evidence) else 0
        if ev.geo_precision == 3 and not _UNNAMED_PLACE.search(ev.sources[0].evidence) and any(
                p.event_type == ev.event_type and p.admin1 == ev.admin1 and days_apart(p, ev) <= slack
                and (ev.fatalities is None or ev.fatalities == p.fatalities) for p in precise):
            continue
        kept.append(ev)
    return kept

def days_apart(a: Event, b: Event) -> int:
    if not a.event_date or not b.event_date:
        return 0 if a.event_date == b.event_date else 99
    return abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)

def is_title_like(evidence: str) -> bool:
    return not evidence.rstrip().endswith((".", "\"", "”"))
