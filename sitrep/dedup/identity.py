"""What hit and what was hit, read from each outlet's evidence: evidence of a strike's identity.

Two reports from the same city on the same day can still be two strikes (a missile on a hypermarket, a separate
S-300 strike on a railway station). When both events name a weapon and their weapon classes are disjoint, or both
name a target and their target classes are disjoint, they are different events. Tolls are not identity: the same
target reported with different tolls stays one event. The word lists are data (sitrep/data/dedup/identity.json).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from sitrep.model import Event


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[tuple[str, re.Pattern]]]:
    text = resources.files("sitrep").joinpath("data/dedup/identity.json").read_text(encoding="utf-8")
    data = json.loads(text)
    out = {}
    for kind in ("weapons", "targets"):
        out[kind] = [(cls, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len,
                                                                                                   reverse=True))
                                      + r")(?![\w-])", re.I))
                     for cls, words in data[kind].items()]
    return out


@lru_cache(maxsize=8192)
def classes(text: str, kind: str) -> frozenset[str]:
    """The weapon or target classes `text` names (cached: merging asks it again for every pair of events).
    The longest phrase wins where two overlap: a "printing house" is a plant, not a house."""
    found = sorted(((m.start(), m.end(), cls) for cls, pat in _patterns()[kind] for m in pat.finditer(text or "")),
                   key=lambda f: (f[0] - f[1], f[0]))
    kept: list[tuple[int, int, str]] = []
    for a, b, cls in found:
        if all(b <= x or a >= y for x, y, _ in kept):
            kept.append((a, b, cls))
    return frozenset(cls for _, _, cls in kept)


def _event_classes(ev: Event, kind: str) -> frozenset[str]:
    found: set[str] = set()
    for s in ev.sources:
        found |= classes(s.evidence or "", kind)
    return frozenset(found)


def conflicting(a: Event, b: Event) -> bool:
    """True when a and b name disjoint weapons or disjoint targets (both must name one for it to count)."""
    for kind in ("weapons", "targets"):
        ca, cb = _event_classes(a, kind), _event_classes(b, kind)
        if ca and cb and not (ca & cb):
            return True
    return False
