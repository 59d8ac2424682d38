"""One sentence, several places, each in a clause of its own: each clause says what happened there.

"At Hulyaipole, a drone killed a man, while in Orikhiv two women were wounded by shelling" reports two events
of two kinds with two tolls. When a sentence's places fall in different clauses (split at ";", "while",
"whereas", "and in X"), a clause that carries its own action cue gives its place its own sub-event type, and
its own toll; a clause without one keeps the sentence's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.events.classify import Classification, CueLexicon
from sitrep.geo.place import PlaceMention
from sitrep.nlp.place_tolls import tolls_by_place
from sitrep.nlp.sentences import Sentence

# ", and in X", ", and positional battles in X": a clause of its own, with its own place
_SPLIT = re.compile(r";\s+|,?\s+(?:while|whereas)\s+|,\s+(?:and|but)\s+(?=(?:[a-z0-9][\w-]*\s+){0,3}(?:in|at|near|outside)\s+"
                    r"(?:the\s+)?[A-Z])")   # (", and 11 in the Kupiansk sector")


@dataclass
class PlaceClause:
    """What one clause of the sentence says of the place in it."""

    place: PlaceMention
    cls: Classification | None      # the clause's own action, as a span of the whole sentence; None: the sentence's
    clause: Sentence | None         # the clause, for its toll; None when the sentence is one clause for all


def _segments(s: Sentence) -> list[tuple[int, int]]:
    cuts = [0] + [m.end() for m in _SPLIT.finditer(s.text)] + [len(s.text) + 1]
    return [(a, b) for a, b in zip(cuts, cuts[1:])]


def place_clauses(s: Sentence, places: list[PlaceMention], cues: CueLexicon) -> list[PlaceClause]:
    if len(places) < 2:
        return [PlaceClause(p, None, None) for p in places]
    segs = _segments(s)
    where = [next((i for i, (a, b) in enumerate(segs) if a <= p.start - s.start < b), None) for p in places]
    if None in where or len(set(where)) < 2:      # a place borrowed from another sentence: no clause of this one
        return [PlaceClause(p, None, None) for p in places]
    out = []
    for p, i in zip(places, where):
        a, b = segs[i]
        text = s.text[a:b]
        own = cues.classify(text)
        cls = Classification(own.sub_event_type, (own.trigger[0] + a, own.trigger[1] + a), own.hits) if own else None
        shared = sum(1 for j in where if j == i) > 1
        out.append(PlaceClause(p, cls, None if shared else Sentence(s.start + a, s.start + a + len(text), text,
                                                                   s.paragraph, s.index)))
    return out


def clause_places(s: Sentence, places: list[PlaceMention], own: list[PlaceMention],
                  cues: CueLexicon) -> list[PlaceMention]:
    """"Semenivska community: in the direction of Orlykivka village - 10 hits, probably from cannon artillery;
    in the direction of Kostobobriv village - two hits, probably from a 120-mm mortar; ...": a list whose clauses
    (split at ";") each name one settlement and carry their own action or weapon tells an event at each."""
    segs = [(a, b) for a, b in _segments(s) if ";" in s.text[max(0, a - 2):a] or a == 0]
    if s.text.count(";") < 1 or len(segs) < 2:
        return places
    towns = [pm for pm in own if pm.place is not None and not pm.place.is_area]
    found: list[PlaceMention] = []
    for a, b in _segments(s):
        here = [pm for pm in towns if a <= pm.start - s.start < b]
        if len(here) != 1 or cues.classify(s.text[a:b]) is None:
            continue
        found.append(here[0])
    if len(found) < 2:
        return places
    return found + [pm for pm in places if pm not in found and not pm.place.is_area]


def own_tolls(s: Sentence, places: list[PlaceMention]) -> dict[tuple[int, int], tuple[int, int, int]]:
    """"Shelling killed two in Nikopol and one in Marhanets": each place's own figure, as {place span: (deaths,
    start, end)} in article offsets; {} when the sentence gives one toll for all."""
    inside = [pm for pm in places if s.start <= pm.start and pm.end <= s.end]
    split = tolls_by_place(s.text, [(pm.start - s.start, pm.end - s.start) for pm in inside])
    return {(a + s.start, b + s.start): (v, fs + s.start, b + s.start) for (a, b), (v, fs) in split.items()}
