"""One event per type x place x day within an article; region-level echoes of a precise event go."""
from __future__ import annotations

import re
from datetime import date

from sitrep.events.classify import CueLexicon
from sitrep.events.mention import EventMention
from sitrep.events.notes import write_notes
from sitrep.geo.place import Place
from sitrep.geo.resolve import km
from sitrep.model import Event
from sitrep.nlp.fatalities import count_fatalities

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

_UNNAMED_PLACE = re.compile(r"\b(?:a|one|another|two|three|several) (?:\w+ )?(?:villages?|towns?|settlements?|"
                            r"communit(?:y|ies)|localit(?:y|ies)|cit(?:y|ies)|hamlets?)\b", re.I)


def merge_within_article(events: list[Event]) -> list[Event]:
    """One event per type x place x day within an article; region-level echoes of a precise event go."""
    out: list[Event] = []
    for ev in events:
        twin = next((o for o in out if o.event_type == ev.event_type and o.location == ev.location
                     and (o.event_date == ev.event_date or _dated_by_the_other(o, ev)) and _same_actor(o, ev)
                     and is_region_level(o) == is_region_level(ev)      # Kherson region is not Kherson city
                     and not _unnamed_near(o, ev)), None)
        if twin is None:
            out.append(ev)
            continue
        if twin.date_precision == "week" and ev.date_precision == "day":
            twin.event_date = ev.event_date     # the lead's undated event, dated by the sentence after it
        for f in ("fatalities", "claimed_by", "actor2", "inter2", "actor2_side"):
            if getattr(twin, f) is None and getattr(ev, f) is not None:
                setattr(twin, f, getattr(ev, f))
        if twin.actor1_side == "UNKNOWN" and ev.actor1_side != "UNKNOWN":
            twin.actor1, twin.inter1, twin.actor1_side = ev.actor1, ev.inter1, ev.actor1_side
        if _PRECISION_RANK.get(ev.date_precision or "year", 3) < _PRECISION_RANK.get(twin.date_precision or "year", 3):
            twin.date_precision = ev.date_precision
        if len(ev.sources[0].evidence) > len(twin.sources[0].evidence) and is_title_like(twin.sources[0].evidence):
            twin.sources = ev.sources
    out = _placed_by_restatement(out)
    precise = [e for e in out if not is_region_level(e)]
    kept = []
    for ev in out:
        # a headline's day, or the day a region-level lead was said ("officials said on Sunday"): a day early
        slack = 1 if is_title_like(ev.sources[0].evidence) or ev.date_precision == "week" else 0
        near = [p for p in precise if p.event_type == ev.event_type and p.admin1 == ev.admin1
                and days_apart(p, ev) <= slack]
        same = [p for p in near if days_apart(p, ev) == 0] or near     # the same day's events first
        if is_region_level(ev) and same and not _UNNAMED_PLACE.search(ev.sources[0].evidence):
            tolls = [p.fatalities for p in same if p.fatalities is not None]
            if ev.fatalities is None or ev.fatalities in tolls or (len(tolls) > 1 and sum(tolls) == ev.fatalities):
                continue   # the region's summary of precise events: their place, their tolls
            ours = [p for p in same if _same_actor(p, ev)]     # not the other side's claim of that day
            if len(ours) == 1 and _told_again(ev, ours[0]):
                _fold_into(ev, ours[0])
                continue
        parts = [p for p in near if p is not ev and p.location != ev.location and p.fatalities]
        if ev.fatalities and ev.fatalities >= 3 and len(parts) >= 2 and sum(p.fatalities for p in parts) == ev.fatalities:
            continue   # "eight killed in the latest attack ... five at A, two at B, one at C": the sum of its parts
        kept.append(ev)
    return kept


def without_echoed_areas(mentions: list[EventMention], cues: CueLexicon) -> list[EventMention]:
    """"The Russian army shelled 11 villages in four border communities: A, B, C and D ... - A community: in the
    direction of X village - two hits; ...": a district or community struck, when the article goes on to name
    the villages struck inside it that day, is their summary, not an event of its own (unless it gives a toll)."""
    def kind(m: EventMention) -> str:
        return cues.event_type_of.get(m.cls.sub_event_type, m.cls.sub_event_type)

    def is_district(m: EventMention) -> bool:
        return m.place is not None and m.place.is_area and m.place.geo_precision == 2 and m.place.latitude is not None

    towns = [m for m in mentions if m.place is not None and not m.place.is_area and m.place.latitude is not None]
    out = []
    for m in mentions:
        inside = is_district(m) and any(
            kind(t) == kind(m) and t.when == m.when and t.sentences[0].index > m.sentences[0].index
            and km((m.place.latitude, m.place.longitude), (t.place.latitude, t.place.longitude)) <= 30 for t in towns)
        if inside and count_fatalities(m.sentences[0].text) is None:
            continue
        out.append(m)
    return out


_TAKEN_FROM_LEAD = ("event_type", "sub_event_type", "actor1", "inter1", "actor1_side", "interaction",
                    "event_date", "date_precision", "claimed_by")


def _placed_by_restatement(events: list[Event]) -> list[Event]:
    """"Russian strikes on Zaporizhzhia region killed three people on Monday ... 'Three people were killed in
    the Polohivskyi district', the governor said": a toll restated right after a region-level lead, in a place
    of that region and with no other cause named, is the lead's event placed; it keeps the lead's type, actors
    and date."""
    gone: set[int] = set()
    for lead in events:
        if not is_region_level(lead) or not lead.fatalities or lead.actor1_side == "UNKNOWN":
            continue
        a = lead.sources[0]
        told = [p for p in events if p is not lead and id(p) not in gone and not is_region_level(p)
                and p.admin1 == lead.admin1 and p.fatalities == lead.fatalities
                and p.actor1_side in ("UNKNOWN", lead.actor1_side) and p.sub_event_type in (lead.sub_event_type, "Attack")
                and p.sources[0].article_id == a.article_id and 0 <= p.sources[0].char_start - a.char_end <= 400]
        told = [p for p in told if p.actor1_side == "UNKNOWN"] or told     # an event of its own names its cause
        if len(told) != 1:
            continue
        (p,) = told
        for f in _TAKEN_FROM_LEAD:
            if getattr(lead, f) is not None:
                setattr(p, f, getattr(lead, f))
        p.provenance = [x for x in p.provenance if x.field not in _TAKEN_FROM_LEAD] + \
            [x for x in lead.provenance if x.field in _TAKEN_FROM_LEAD]
        p.notes = write_notes(p, Place(p.location or "", p.latitude, p.longitude, admin1=p.admin1))
        gone.add(id(lead))
    return [e for e in events if id(e) not in gone]


def _same_actor(a: Event, b: Event) -> bool:
    """The same side acts; outside the sides of a war the project codes (OTHER), the same named actor: al
    Shabaab's capture of a base and the army's recapture of it that day are two events."""
    if "UNKNOWN" in (a.actor1_side, b.actor1_side):
        return True
    return a.actor1_side == b.actor1_side and (a.actor1_side != "OTHER" or a.actor1 == b.actor1)


def _told_again(region: Event, precise: Event) -> bool:
    """"A man was killed in Kherson region in a Russian attack. Bombs hit houses in the village of X.": the one
    precise event told right after a region-level lead is the same event, placed."""
    a, b = region.sources[0], precise.sources[0]
    return a.article_id == b.article_id and 0 <= b.char_start - a.char_end <= 400 and \
        region.actor1_side in (precise.actor1_side, "UNKNOWN") and \
        (precise.fatalities is None or precise.fatalities < (region.fatalities or 0))


def _fold_into(region: Event, precise: Event) -> None:
    """The lead's toll goes to the place its next sentences name; the toll's provenance points at the lead."""
    precise.fatalities = precise.fatalities_min = precise.fatalities_max = region.fatalities
    precise.provenance = [p for p in precise.provenance if p.field != "fatalities"] + \
        [p for p in region.provenance if p.field == "fatalities"]
    if precise.sub_event_type == "Shelling/artillery/missile attack" and region.event_type == precise.event_type and \
            region.sub_event_type != precise.sub_event_type:
        # "11 killed in Thursday's bombing at a mosque ... 30 injured in the blast in Fayzabad": the lead named
        # the means, the place's sentence only a blast read as shelling
        precise.sub_event_type = region.sub_event_type
    precise.notes = write_notes(precise, Place(precise.location or "", precise.latitude, precise.longitude,
                                               admin1=precise.admin1))


_UNNAMED_NEAR = re.compile(r"\b(?:a|one|another) (?:\w+ )?(?:village|town|settlement|community|hamlet)\s+(?:near|outside|"
                           r"close to|not far from|on the outskirts of)\b", re.I)


def _unnamed_near(a: Event, b: Event) -> bool:
    """"Missiles struck Mykolaiv ... Russian forces also shelled a village near Mykolaiv": the city and an
    unnamed village near it are two places."""
    near = [bool(_UNNAMED_NEAR.search(e.sources[0].evidence)) and e.geo_precision == 2 for e in (a, b)]
    return near[0] != near[1] and a.sources[0].char_start != b.sources[0].char_start


def _dated_by_the_other(a: Event, b: Event) -> bool:
    """"The explosions in Melitopol killed Russian soldiers ... HUR claimed the attack on March 22": a lead with
    no day of its own (week precision) and the same act a day or two off with its day are one event."""
    return {a.date_precision, b.date_precision} == {"week", "day"} and days_apart(a, b) <= 2


def is_region_level(ev: Event) -> bool:
    """Placed at a region alone; a settlement the gazetteer could not pin down keeps its own name."""
    return (ev.geo_precision or 3) == 3 and (not ev.location or ev.location in (ev.admin1, ev.country))


def days_apart(a: Event, b: Event) -> int:
    if not a.event_date or not b.event_date:
        return 0 if a.event_date == b.event_date else 99
    return abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)

def is_title_like(evidence: str) -> bool:
    return not evidence.rstrip().endswith((".", "\"", "”"))
