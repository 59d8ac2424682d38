"""An event mention becomes an `Event`: toll, attribution, ACLED fields, notes, evidence and provenance."""
from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from sitrep.events.actor_roles import (MILITARY_BODY, OWN_FORCES, claimant_forces, home_air_defence,
                                      resolved_sub_event_type)
from sitrep.events.actors import interaction
from sitrep.events.mention import EventMention, reference_date
from sitrep.events.notes import write_notes
from sitrep.events.places import dateline_end
from sitrep.geo.place import Place
from sitrep.model import Article, Event, Provenance, Source
from sitrep.nlp.attribution import find_attribution
from sitrep.nlp.fatalities import FatalityCount, count_fatalities

if TYPE_CHECKING:
    from sitrep.events.extractor import Extractors


def to_event(article: Article, m: EventMention, text: str, ex: Extractors) -> Event | None:
    start, end = m.sentences[0].start, m.sentences[-1].end
    if m.toll_sentence is not None:
        end = max(end, m.toll_sentence.end)
    evidence = text[start:end]
    if m.when is None and reference_date(article) is not None:
        return None
    if m.precision == "year":
        return None  # less than a month-level date: ACLED does not code it
    first = m.sentences[0]
    told_from = start    # where the evidence begins: the lead's sentence, when it gave the toll
    fat = count_fatalities(evidence)
    if m.shared_toll and not (fat is not None and fat.value == 0):  # "no casualties" holds for every place
        fat = count_fatalities(m.toll_sentence.text) if m.toll_sentence else None
        if fat is not None:
            fat = type(fat)(fat.value, fat.start + m.toll_sentence.start - start, fat.end + m.toll_sentence.start - start,
                            fat.text)
    if fat is not None and fat.cumulative:
        fat = None  # a running total is not this event's toll
    if m.own_toll is not None:     # "killed two in Nikopol and one in Marhanets": this place's own figure
        value, a, b = m.own_toll
        fat = FatalityCount(value, a - start, b - start, text[a:b])
    if fat is not None and m.lead is not None and m.lead.start < start and \
            ex.cues.event_type_of.get(m.cls.sub_event_type) == "Battles" and count_fatalities(m.lead.text) is not None:
        # "Seventeen soldiers were killed ... More than 100 assailants were neutralised": a battle's toll is all
        # sides', the lead's and the placed sentences' together (a figure restated counts once)
        both = count_fatalities(text[m.lead.start:end])
        if both is not None and both.value > fat.value and not both.cumulative:
            fat = FatalityCount(both.value, both.start + m.lead.start - start, both.end + m.lead.start - start, both.text)
            told_from = m.lead.start
    if fat is None and m.lead is not None:   # the lead this event places gave its toll
        fat = count_fatalities(m.lead.text)
        if fat is not None:
            fat = FatalityCount(fat.value, fat.start + m.lead.start - start, fat.end + m.lead.start - start, fat.text)
            told_from = min(start, m.lead.start)
    cut = dateline_end(first.text)  # "Dec. 10, 2024 - Russia's Defence Ministry said": not "2024 - Russia's..."
    attr = find_attribution(first.text[cut:], context=_context(m, text))
    if attr.start is not None:
        attr.start, attr.end = attr.start + cut, attr.end + cut
    if (m.actor1 is None or m.actor1.side == "UNKNOWN") and attr.claimed_by and (
            OWN_FORCES.search(first.text) or MILITARY_BODY.search(attr.claimed_by)):
        forces = claimant_forces(attr.claimed_by, ex.actors, m.place.country if m.place else None)
        if forces is not None and (m.cls.sub_event_type not in _SUFFERED or
                                   (m.actor2 is not None and m.actor2.side not in (forces.side, "UNKNOWN"))):
            m.actor1 = forces
    if m.actor1 is None or m.actor1.side == "UNKNOWN":
        m.actor1 = home_air_defence(m, ex.actors) or m.actor1
    sub = resolved_sub_event_type(m, text)
    p = m.place or Place(name="", latitude=None, longitude=None, geo_precision=None, feature="")
    ev = Event(
        event_type=ex.cues.event_type(sub), sub_event_type=sub,
        event_date=m.when.isoformat() if m.when else None, date_precision=m.precision,
        actor1=m.actor1.name if m.actor1 else None, inter1=m.actor1.inter if m.actor1 else None,
        actor2=m.actor2.name if m.actor2 else None, inter2=m.actor2.inter if m.actor2 else None,
        actor1_side=m.actor1.side if m.actor1 else None, actor2_side=m.actor2.side if m.actor2 else None,
        country=p.country, admin1=p.admin1, admin2=p.admin2, location=p.name or None,
        latitude=p.latitude, longitude=p.longitude, geo_precision=p.geo_precision, geonameid=p.geonameid,
        fatalities=fat.value if fat else None,
        claimed_by=attr.claimed_by, certainty=attr.certainty,
    )
    ev.interaction = interaction(ev.inter1, ev.inter2)
    ev.fatalities_min = ev.fatalities_max = ev.fatalities
    ev.sources = [Source(article.id, text[told_from:end], told_from, end, article.url, article.published, article.source,
                         article.published_basis if article.published else None)]
    ev.provenance = _provenance(m, text, fat, attr, start, article.id)
    ev.notes = write_notes(ev, p)
    ev.event_id = event_id(article.id, ev)
    return ev

# "A military depot was damaged in an act of sabotage, the Defence Ministry said": a ministry reports what its
# side suffered from bombs, mines and sabotage (its own act only when it names the other side's target); what
# it reports its side fired is its own
_SUFFERED = ("Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Looting/property destruction")


def _context(m: EventMention, text: str) -> str:
    """The paragraph around the evidence: a quote's speaker is often named after it ('..., he said.')."""
    s = m.sentences[0]
    return text[max(0, s.start - 400):m.sentences[-1].end + 400]

def _provenance(m: EventMention, text: str, fat, attr, base: int, article_id: str) -> list[Provenance]:
    s = m.sentences[0]
    spans = {"event_type": (s.start + m.cls.trigger[0], s.start + m.cls.trigger[1])}
    if m.place is not None:
        spans["location"] = m.place_span
    if m.date_span:
        spans["event_date"] = m.date_span
    spans.update(m.actor_spans)
    if fat is not None:
        spans["fatalities"] = (base + fat.start, base + fat.end)
    if attr.claimed_by and attr.start is not None:
        spans["claimed_by"] = (s.start + attr.start, s.start + attr.end)
    return [Provenance(f, text[a:b], a, b, article_id) for f, (a, b) in spans.items()]

def event_id(article_id: str, ev: Event) -> str:
    key = "|".join(str(x) for x in (article_id, ev.sub_event_type, ev.location, ev.event_date, ev.actor1,
                                    ev.sources[0].char_start if ev.sources else ""))
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
