"""The one-sentence ACLED-style `notes` of an event, written only from its own fields."""
from __future__ import annotations

from datetime import date

from sitrep.geo.place import Place
from sitrep.model import Event

_VERB = {
    "Armed clash": "clashed with", "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from", "Chemical weapon": "used a chemical weapon against",
    "Air/drone strike": "carried out an air/drone strike on", "Suicide bomb": "carried out a suicide bombing against",
    "Shelling/artillery/missile attack": "shelled", "Remote explosive/landmine/IED": "used an explosive device against",
    "Grenade": "threw a grenade at", "Sexual violence": "committed sexual violence against", "Attack": "attacked",
    "Abduction/forced disappearance": "abducted", "Peaceful protest": "protested",
    "Protest with intervention": "protested and were met by", "Excessive force against protesters": "met with force:",
    "Violent demonstration": "rioted", "Mob violence": "attacked", "Agreement": "reached an agreement with",
    "Arrests": "arrested", "Change to group/activity": "changed activity:", "Disrupted weapons use": "intercepted weapons of",
    "Headquarters or base established": "established a base", "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "took over without fighting from", "Other": "was reported",
}


def write_notes(ev: Event, place: Place) -> str:
    when = ""
    if ev.event_date:
        d = date.fromisoformat(ev.event_date)
        when = {"day": f"On {d.day} {d:%B %Y}", "week": f"Around {d.day} {d:%B %Y}",
                "month": f"In {d:%B %Y}"}.get(ev.date_precision or "day", f"In {d.year}")
    where = (place.name or "an unnamed place") + (f" ({place.admin1})" if place.admin1 and place.admin1 != place.name else "")
    who = ev.actor1 or "An unidentified group"
    whom = f" {ev.actor2}" if ev.actor2 else ""
    verb = _VERB.get(ev.sub_event_type, "acted against")
    toll = {None: "fatalities not reported", 0: "no fatalities reported"}.get(ev.fatalities, f"{ev.fatalities} reported killed")
    claim = f", according to {ev.claimed_by}" if ev.claimed_by else ""
    lead = f"{when}, " if when else ""
    return f"{lead}{who} {verb}{whom} in {where}{claim}; {toll}."


def rewrite_notes(ev: Event) -> str:
    """Notes re-written from the event's own (possibly corrected) fields, so a corrected toll, place or actor
    never leaves a sentence that contradicts it; keeps the "[sitrep: N sources]" tail a merged event carries."""
    place = Place(name=ev.location or "", latitude=ev.latitude or 0.0, longitude=ev.longitude or 0.0,
                  country=ev.country, admin1=ev.admin1, admin2=ev.admin2)
    n = len({s.article_id for s in ev.sources})
    tail = f" [sitrep: {n} sources]" if n > 1 else ""
    return write_notes(ev, place) + tail
