"""Who says so, for the events of a summary that names its source once.

A governor's daily report ("Oleh Synehubov, head of the regional military administration, reported ... In
Shevchenkove, a house was damaged. A private house was damaged by shelling in Pidseredne.") gives its source in
its first sentence and lists the rest without it. An event with no claimant of its own, told right after an
event whose claimant is known (no more than `REACH` characters on, and no other speaker in between), is told by
the same source.
"""
from __future__ import annotations

import re
from dataclasses import replace

from sitrep.events.notes import rewrite_notes
from sitrep.model import Event, Provenance

REACH = 600
_OTHER_SPEAKER = re.compile(r"\b(?:said|says|told|reported|according to|claimed|stated|wrote|announced)\b", re.I)


# "Source: Serhii Lysak, Head of Dnipropetrovsk Oblast Military Administration, on Telegram": a news site's line
# naming whom the whole report comes from
_SOURCE_LINE = re.compile(r"(?m)^[ \t]*Source:[ \t]*(?P<who>[A-Z][^,;\n()]{2,60}?)"
                          r"(?=,|;|\n| on (?:Telegram|Facebook|X)\b|$)")


def carry_claimants(events: list[Event], text: str) -> None:
    """Fill `claimed_by` (and its provenance) from the event told just before, in place; what is left, from a
    "Source: X" line above the events."""
    _carry_from_before(events, text)
    line = _SOURCE_LINE.search(text[:3000])
    if line is None:
        return
    for ev in events:
        if ev.claimed_by is None and ev.sources[0].char_start > line.start():
            ev.claimed_by, ev.certainty = line.group("who").strip(), ev.certainty or "reported"
            ev.provenance.append(Provenance("claimed_by", line.group(0).strip(), line.start(), line.end(),
                                            ev.sources[0].article_id))
            ev.notes = rewrite_notes(ev)


def _carry_from_before(events: list[Event], text: str) -> None:
    last: Event | None = None
    for ev in sorted(events, key=lambda e: e.sources[0].char_start):
        src = ev.sources[0]
        if ev.claimed_by is not None:
            last = ev
            continue
        if last is None:
            continue
        gap = text[last.sources[0].char_end:src.char_start]
        if len(gap) > REACH or _OTHER_SPEAKER.search(gap):
            continue
        ev.claimed_by, ev.certainty = last.claimed_by, last.certainty
        ev.provenance += [replace(p) for p in last.provenance if p.field == "claimed_by"]
        ev.notes = rewrite_notes(ev)
