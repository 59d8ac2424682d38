"""Which of the places named in a sentence are where the event happened.

A sentence names the event's places together with their containers ("Kurylivka in the Kupiansk District of the
Kharkiv region") and with places that only qualify someone ("the head of the Kharkiv Regional State
Administration"). ACLED codes the most precise place; one event per place when a sentence lists several.
"""
from __future__ import annotations

import re

from sitrep.geo.place import Place, PlaceMention

# A place name followed by one of these words names an institution, not where something happened.
_INSTITUTION_AFTER = re.compile(
    r"^\W{0,2}(?:(?:regional|oblast|city|district|state|military|civil|civilian|municipal|village|town|local)\s+){0,4}"
    r"(?:administrations?|councils?|governors?|authorit(?:y|ies)|police|prosecutors?|courts?|mayor|offices?|"
    r"emergency services|department|directorate|ministry|military administration|RMA|OVA|MVA)\b", re.I)
_INSTITUTION_BEFORE = re.compile(r"\b(?:head|governor|mayor|chief|spokesman|spokeswoman|spokesperson|of the)\s*$", re.I)
_ORIGIN_BEFORE = re.compile(r"\b(?:from|toward|towards|direction of|fled to|evacuated to|moved to)\s+(?:the\s+)?"
                            r"(?:(?:town|city|village|settlement|region|territory|direction)\s+of\s+)?$", re.I)


def is_container(a: Place, b: Place) -> bool:
    """True when `a` is a region or district that contains the more precise place `b`."""
    if a is b or a.country_code != b.country_code or not a.admin1 or a.admin1 != b.admin1:
        return False
    if a.geo_precision == 3:
        return b.geo_precision < 3
    if a.feature == "A" and b.feature != "A":
        return a.admin2 is not None and (b.admin2 == a.admin2 or b.admin2 == a.name)
    return False


def event_places(sentence_text: str, sentence_start: int, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions of this sentence that locate the event: resolved, not institutions, not containers."""
    own = []
    for m in mentions:
        if m.place is None:
            continue
        local_start, local_end = m.start - sentence_start, m.end - sentence_start
        after = sentence_text[local_end:local_end + 60]
        before = sentence_text[max(0, local_start - 40):local_start]
        if _INSTITUTION_AFTER.match(after) and m.place.geo_precision == 3:
            continue
        if _INSTITUTION_AFTER.match(after) and _INSTITUTION_BEFORE.search(before):
            continue
        if _ORIGIN_BEFORE.search(before):
            continue
        own.append(m)
    kept = [m for m in own if not any(is_container(m.place, o.place) for o in own if o is not m)]
    out, seen = [], set()
    for m in kept:
        key = (m.place.name, round(m.place.latitude, 2), round(m.place.longitude, 2))
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def context_places(sentence_text: str, sentence_start: int, mentions: list[PlaceMention]) -> list[Place]:
    """All resolved places of a sentence, institutions included: a region named anywhere still frames the event."""
    return [m.place for m in mentions if m.place is not None]
