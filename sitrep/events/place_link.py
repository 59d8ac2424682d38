"""Where an event happened: every place mention around it, scored by a small logistic model, the best linked.

Candidates are the places of the event's sentence, of the sentences just before and after it in its
paragraph, of the heading line over it ("Kharkiv:"), of the article's lead, and of the dateline. Each is
described by features that carry over to text nobody tuned on: where it stands (the event's sentence or a
neighbour, the trigger's clause, the distance and side to the trigger), the words before it (a locative
"in / at / near", a target "on / hit / shelled", an origin "from / toward", a frame "the village of", a
bearing "30 km north of"), whether it speaks ("Moscow said") or qualifies a person or an institution ("the
Kherson governor", "X's mayor"), whether it contains another candidate ("X in the Y region") or is contained
by one, how precise it is (settlement, district, region), whether its own sentence reports another event, and
whether the event's sentence points back at a place ("the base", "the town", "there").
The weights are fit on hand-coded gold by `python -m sitrep.events.place_fit` and kept, with what they were
fit on, in sitrep/data/models/place_link.json. A region is the answer only when no settlement scores.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from sitrep.data import data_file
from sitrep.events.bearings import COMPASS, DISTANCE_UNIT
from sitrep.events.places import (_INSTITUTION_AFTER, _ORIGIN_BEFORE, _PERSON_AFTER, LIST_GAP, dateline_end,
                                  district_read_as_its_town, event_places, is_container, is_demonym,
                                  is_generic_phrase, names_country)
from sitrep.geo.place import PlaceMention
from sitrep.nlp.sentences import Sentence

MODEL_FILE = "models/place_link.json"

_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|around|inside|across|over|throughout|within)\s+(?:the\s+)?"
                       r"(?:[a-z\-]+\s+){0,3}(?:of\s+(?:the\s+)?)?$", re.I)
_TARGET = re.compile(r"\b(?:on|into|against|upon|hit|hitting|struck|striking|shelled|shelling|attacked|attacking|"
                     r"targeted|targeting|bombed|bombing|captured|capturing|seized|seizing|liberated|liberating|"
                     r"retook|recaptured|entered|stormed|raided|overran|took)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,3}"
                     r"(?:of\s+(?:the\s+)?)?$", re.I)
_FRAME = re.compile(r"\b(?:village|town|city|settlement|hamlet|locality|commune|camp|neighbou?rhood|suburb)s?\s+of\s+"
                    r"(?:the\s+)?$", re.I)
_FRAME_AFTER = re.compile(r"^\s+(?:village|town|city|settlement|hamlet|camp|base|district|neighbou?rhood)\b", re.I)
_OF = re.compile(r"\bof\s+(?:the\s+)?$", re.I)
_TITLE_OF = re.compile(r"\b(?:mayor|governor|head|chief|leader|administrator|deputy|official|resident|residents|"
                       r"native|people|council|administration|authorities|police|prosecutor)s?\s+(?:of|from)\s+(?:the\s+)?$",
                       re.I)
_ANAPHOR = re.compile(r"\b(?:the|that|this) (?:same )?(?:base|town|village|city|settlement|camp|area|locality|district|"
                      r"neighbou?rhood|facility|airfield|airport|depot|plant|refinery)\b|\bthere\b", re.I)
_SPEECH_BEFORE = re.compile(r"\b(?:press conference|news conference|press briefing|briefing|told reporters|speaking|"
                            r"interview|summit|talks|meeting|visit)\s+(?:\w+\s+){0,2}(?:in|at)\s+(?:the\s+)?$", re.I)
_POSSESSIVE_AFTER = re.compile(r"^(?:'s|’s)\b")
_BEARING = re.compile(rf"\b(?:{COMPASS}|{DISTANCE_UNIT})\s+(?:of|from)\s+(?:the\s+)?$", re.I)
_SPEAKER_AFTER = re.compile(r"^\W{0,2}\s*(?:has\s+|had\s+|also\s+)?(?:said|says|claimed|claims|reported|reports|announced|"
                            r"told|accused|accuses|warned|denied|denies|stated|confirmed|blamed|insisted)\b", re.I)


@dataclass
class Candidate:
    """One place mention that may be where the event happened, with what describes it."""

    mention: PlaceMention
    source: str                                  # sentence / prev / next / lead / dateline
    sentence_index: int                          # the sentence the mention stands in
    features: dict[str, float] = field(default_factory=dict)
    p: float = 0.0
    locates: PlaceMention | None = None          # "Djiguibombo, near Bandiagara": the place this one locates
    listed_after: PlaceMention | None = None     # "A, B and C": the member of the list just before this one
    locator_gap: str = ""                        # the words between `locates` and this mention
    lead_in: str = ""                            # the three words before it: "over the territory of the"


@dataclass(frozen=True)
class PlaceModel:
    """Logistic weights over named features, a decision threshold and a threshold for lists of places."""

    weights: dict[str, float]
    threshold: float = 0.5
    list_threshold: float = 0.5

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "PlaceModel":
        spec = json.loads(data_file(MODEL_FILE).read_text(encoding="utf-8"))
        return cls(spec["weights"], spec.get("threshold", 0.5), spec.get("list_threshold", 0.5))

    def prob(self, features: dict[str, float]) -> float:
        z = self.weights.get("bias", 0.0) + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _usable(m: PlaceMention, countries: set[str]) -> bool:
    return m.place is not None and not names_country(m) and not is_demonym(m.name) and \
        not is_generic_phrase(m.name) and (not countries or m.place.country in countries)


def candidates(s: Sentence, trigger: tuple[int, int], clause: list[tuple[int, int]], sentences: list[Sentence],
               by_sentence: dict[int, list[PlaceMention]], countries: set[str], lead_end: int,
               has_event_cue: list[bool], actor_spans: list[tuple[int, int]]) -> list[Candidate]:
    """Every usable place mention around the event, described."""
    own_all = [m for m in by_sentence.get(s.index, []) if m.start >= s.start + dateline_end(s.text)
               and _usable(m, countries)]
    kept = {id(m) for m in event_places(s.text, s.start, own_all, countries)}
    sources: list[tuple[str, Sentence]] = [("sentence", s)]
    heading = next((t for t in reversed(sentences[max(0, s.index - 4):s.index]) if _is_heading(t)), None)
    if s.index > 0 and sentences[s.index - 1].paragraph == s.paragraph and _is_place_line(sentences[s.index - 1].text):
        heading = sentences[s.index - 1]
    if heading is not None:
        sources.append(("heading", heading))
    for n, name in ((s.index - 1, "prev"), (s.index + 1, "next")):
        if 0 <= n < len(sentences) and sentences[n] is not heading:
            sources.append((name, sentences[n]))     # wire copy puts one sentence in a paragraph: see features
    for t in sentences[:max(1, lead_end)]:
        if abs(t.index - s.index) > 1 and t is not heading:
            sources.append(("lead", t))
    own_places = bool(own_all)
    anaphor = float(bool(_ANAPHOR.search(s.text)))   # "the base", "the town", "there": a place said before
    out: list[Candidate] = []
    for name, t in sources:
        cut = t.start + dateline_end(t.text)
        line = by_sentence.get(t.index, [])
        for m in line:
            if not _usable(m, countries):
                continue
            if name == "heading" and _DISTRICT_NAME.search(m.name) and any(o.start > m.end for o in line):
                continue    # "- 12:35, Kupiansk district, Podoly village.": the district only says where Podoly is
            source = "dateline" if m.start < cut else name
            if source == "dateline" and (name != "sentence" and t.index > 0 or own_places):
                continue        # the reporter's city: a candidate only for a sentence that names no place
            if source == "heading":     # "Kharkiv:\nA bomb hit ..." reads as "In Kharkiv, a bomb hit ..."
                source = "sentence"
                f = {**_describe(m, t, source), "locative": 1.0, "in_clause": 1.0, "rule_kept": 1.0}
            else:
                f = _describe(m, t, source)
            if source == "sentence" and t is s:
                a, b = m.start - s.start, m.end - s.start
                f["rule_kept"] = float(id(m) in kept)
                f["in_clause"] = float(not clause or any(x <= a and b <= y for x, y in clause))
                f["after_trigger"] = float(a >= trigger[1])
                f["distance"] = min(abs(a - trigger[0]) if a >= trigger[0] else abs(trigger[0] - b), 200) / 200.0
                f["in_actor"] = float(any(x <= a and b <= y for x, y in actor_spans))
            elif t is not s and t is not heading:
                f["other_event"] = float(has_event_cue[t.index])
                f["other_paragraph"] = float(t.paragraph != s.paragraph)
                f["anaphor"] = anaphor
            here = by_sentence.get(t.index, [])
            # "the village of Djiguibombo, near Bandiagara": Bandiagara only locates it; "A, B and C": a list
            listed = _joined_before(m, t, here, LIST_GAP, False)
            locates = _joined_before(m, t, here, _LOCATOR_GAP, True)
            if listed is not None and _BETWEEN.search(t.text[max(0, listed.start - t.start - 30):listed.start - t.start]):
                locates, listed = listed, None     # "on the road between Stanislav and Oleksandrivka": one place
            gap = t.text[locates.end - t.start:m.start - t.start] if locates is not None else ""
            out.append(Candidate(m, source, t.index, f, locates=locates, listed_after=listed, locator_gap=gap,
                                 lead_in=_lead_in(t.text[max(0, m.start - t.start - 40):m.start - t.start])))
    own = [c for c in out if c.source == "sentence"]
    for c in out:
        same = [o for o in out if o is not c and o.sentence_index == c.sentence_index]
        c.features["container"] = float(any(is_container(c.mention.place, o.mention.place) for o in same))
        c.features["contained"] = float(any(is_container(o.mention.place, c.mention.place) for o in same))
        c.features["own_has_settlement"] = float(any(not o.mention.place.is_area for o in own))
        c.features["own_has_place"] = float(bool(own))
        c.features["same_admin1_as_own"] = float(c.source != "sentence" and any(
            o.mention.place.admin1 and o.mention.place.admin1 == c.mention.place.admin1 for o in own))
    return out


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:villages|towns|settlements|cities)\s+of\s+)?$", re.I)
_LOCATOR_GAP = re.compile(r"\s*(?:(?:[a-z]+\s+)?(?:village|town|settlement|camp|area|locality|base)s?\s*)?"
                          r"(?:(?:early |late )?(?:on|last|overnight|this) (?:[A-Z][a-z]+day|night|morning|evening|"
                          r"afternoon|weekend)(?: (?:night|morning|evening|afternoon))?\s*)?"   # "X on Monday night, in Y"
                          r",?\s*(?:\([^)]{0,40}\)\s*)?"
                          r"(?:near|outside|close to|not far from|on the outskirts of|in|of)\s+(?:the\s+)?"
                          r"(?:(?:town|city|village|district|area)\s+of\s+|(?:regional|provincial|district|state)\s+"
                          r"capital,?\s+)?", re.I)


def _joined_before(m: PlaceMention, t: Sentence, mentions: list[PlaceMention], gap: re.Pattern,
                   settlements: bool) -> PlaceMention | None:
    """The place written just before `m` in its sentence when only `gap` stands between them."""
    before = [o for o in mentions if o.end <= m.start and o.place is not None
              and not (settlements and o.place.is_area)]
    if not before or m.place is None or (settlements and m.place.is_area):
        return None
    prev = max(before, key=lambda o: o.end)
    return prev if gap.fullmatch(t.text[prev.end - t.start:m.start - t.start]) else None


def _is_heading(t: Sentence) -> bool:
    """A line that heads the lines below it: "Kharkiv region:", "Zaporizhzhia -"."""
    return bool(re.search(r"[:\-–—]\s*$", t.text)) and len(t.text.split()) <= 6


_LINE_LEAD = re.compile(r"^\s*(?:[-–—•*·▪]\s*)?(?:(?:[A-Z][a-z]+\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+),?\s*)?"
                        r"(?:\d{1,2}[:.]\d{2}\s*,?\s*)?")
_DISTRICT_NAME = re.compile(r"\b(?:district|raion|rayon|county|township)$", re.I)
_LINE_WORDS = {"district", "village", "town", "city", "the", "of", "region", "community", "hromada", "settlement",
               "oblast", "raion", "rayon", "province", "state", "township", "municipality", "county", "area", "and"}


def _is_place_line(text: str) -> bool:
    """"- 20:05, Chuhuiv district, Rubizhne village.": a summary's item line that only says where (and when);
    the sentence under it tells what happened there."""
    rest = text[_LINE_LEAD.match(text).end():]
    words = re.findall(r"[^\W\d_][\w’'\-]*", rest)
    return 0 < len(words) <= 10 and any(w[0].isupper() for w in words) and \
        all(w[0].isupper() or w.lower() in _LINE_WORDS for w in words)


_PARALLEL = re.compile(r"\b(?:over|in|on|at|of|near|into)\b")


def _lead_in(before: str) -> str:
    """The last three words before a place, the key of a parallel list ("over the territory of the")."""
    words = re.findall(r"[^\W\d_]+", before.lower())[-3:]
    return " ".join(words) if len(words) == 3 and not re.search(r"[.;:!?]", before[-25:]) else ""


def _speaker_after_comma(after: str, before: str) -> bool:
    """"three in Kostiantynivka and one in Druzhkivka, Governor Vadym Filashkin said": the official after the
    comma speaks; the place before him is not his title's (unless it hangs on "of": "the district of X, Governor")."""
    return after.startswith(", ") and not _OF.search(before)


def _describe(m: PlaceMention, t: Sentence, source: str) -> dict[str, float]:
    a, b = m.start - t.start, m.end - t.start
    before, after = t.text[max(0, a - 60):a], t.text[b:b + 60]
    p = m.place
    f = {f"src_{source}": 1.0,
         "settlement": float(not p.is_area), "district": float(p.is_area and p.geo_precision == 2),
         "region": float(p.is_area and p.geo_precision == 3), "unresolved": float(not p.is_area and p.geonameid is None),
         "locative": float(bool(_LOCATIVE.search(before))), "target": float(bool(_TARGET.search(before))),
         "origin": float(bool(_ORIGIN_BEFORE.search(before[-40:]))),
         "frame": float(bool(_FRAME.search(before) or _FRAME_AFTER.match(after))),
         "of": float(bool(_OF.search(before)) and not _FRAME.search(before) and not _BEARING.search(before)),
         "bearing": float(bool(_BEARING.search(before))),
         "speaker": float(bool(_SPEAKER_AFTER.match(after))),
         "qualifier": float(bool((_INSTITUTION_AFTER.match(after) and not _speaker_after_comma(after, before))
                                 or _PERSON_AFTER.match(after)
                                 or _TITLE_OF.search(before) or _POSSESSIVE_AFTER.match(after)
                                 or _SPEECH_BEFORE.search(before)))}   # where someone spoke, not where it happened
    return f


def link(cands: list[Candidate], model: PlaceModel) -> list[Candidate]:
    """The candidates the event is placed at: the best one, and others listed beside it in the same sentence;
    none when no candidate is likely enough (the caller falls back to what frames the paragraph)."""
    for c in cands:
        c.p = model.prob(c.features)
    if not cands:
        return []
    best = max(cands, key=lambda c: (c.p, -c.mention.place.geo_precision, c.source == "sentence"))
    if best.p < model.threshold:
        return []
    inside = [c for c in cands if c.source == best.source and c.sentence_index == best.sentence_index
              and not c.mention.place.is_area and c.p >= model.threshold and is_container(best.mention.place,
                                                                                          c.mention.place)]
    if best.mention.place.is_area and inside:
        best = max(inside, key=lambda c: c.p)   # the most precise place wins over the region holding it
    chosen = [best] + [c for c in cands if c is not best and c.source == best.source == "sentence"
                       and c.p >= model.list_threshold and c.mention.place.is_area == best.mention.place.is_area]
    if best.source == "sentence" and _PARALLEL.search(best.lead_in):
        # "28 drones over the territory of the Bryansk region, 2 over the territory of the Smolensk region": the
        # same words before each place make them one list
        chosen += [c for c in cands if c is not best and c.source == "sentence" and c.lead_in == best.lead_in
                   and c.mention.place.is_area == best.mention.place.is_area and c not in chosen]
    members = {id(c.mention) for c in chosen}
    for c in sorted(cands, key=lambda c: c.mention.start):   # a list shares its head's fate: "A, B, ... and Z"
        if c.source == best.source == "sentence" and c.listed_after is not None and id(c.listed_after) in members \
                and id(c.mention) not in members and c.p >= model.threshold \
                and c.mention.place.is_area == best.mention.place.is_area:
            chosen.append(c)
            members.add(id(c.mention))
    chosen = [c for c in chosen if not any(is_container(c.mention.place, o.mention.place) or
                                           district_read_as_its_town(c.mention, o.mention)
                                           for o in chosen if o is not c)]
    chosen = [_city_of_its_part(c, cands) for c in chosen]
    named = {id(c.mention) for c in chosen}
    chosen = [c for c in chosen if c.locates is None or id(c.locates) not in named]
    seen, out = set(), []
    for c in sorted(chosen, key=lambda c: c.mention.start):
        key = (c.mention.place.name, c.mention.place.admin1)
        if key not in seen:
            seen.add(key)
            out.append(_at_its_locator(c, cands))
    return out


_CITY_PART = re.compile(r"\b(?:district|neighbou?rhood|quarter|microdistrict|borough)$", re.I)


def _city_of_its_part(c: Candidate, cands: list[Candidate]) -> Candidate:
    """"the Dniprovskyi district of Kherson": a part of a city is coded to the city (the district's name, read
    as a place elsewhere, is not where it happened)."""
    if not _CITY_PART.search(c.mention.name):
        return c
    city = next((o for o in cands if o.locates is c.mention and o.sentence_index == c.sentence_index
                 and not o.mention.place.is_area and (o.mention.place.population or 0) >= 50_000
                 and re.fullmatch(r"\s+of\s+(?:the\s+)?(?:city\s+of\s+)?", o.locator_gap)), None)
    return city or c


def _at_its_locator(c: Candidate, cands: list[Candidate]) -> Candidate:
    """"the village of Ntotwe, in the district of Mocimboa da Praia": a settlement the gazetteer lacks lies at the
    place that locates it (ACLED's precision 2, "near a known place"), closer than its region's centre."""
    p = c.mention.place
    if p.is_area or p.geonameid is not None:
        return c
    loc = next((o for o in cands if o.locates is c.mention and o.mention.place is not None
                and o.mention.place.geo_precision <= 2 and o.mention.place.admin1 == p.admin1), None)
    if loc is None:
        return c
    at = loc.mention.place
    place = replace(at, name=c.mention.name, feature="P", geonameid=None, population=0, candidates=[], readings=[],
                    centroid=None, geo_precision=2,
                    note=f"{c.mention.name} is not in the gazetteer: coordinates of {at.name}, which the text puts it near")
    return replace(c, mention=replace(c.mention, place=place))
