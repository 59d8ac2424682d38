"""Is event A the same real event as event B?  Hard rules first, then a weighted score in 0..1.

Hard rules (score 0, never merged): different countries; both dated to the day but on different days; date
ranges that do not overlap; event types that cannot describe the same action (a shelling and a protest); two
places that are clearly different (two named settlements with precise coordinates more than 2 km apart, a
namesake more than 30 km away, different regions); two events reported by the same article (the extractor
separated them on purpose); two strikes whose named weapons or named targets differ (dedup/identity.py).

Otherwise the score weighs place, date, type, actors and wording (token overlap of the outlets' evidence
sentences: on these short sentences it separates as well as sentence embeddings would, and needs no model).
MERGE_THRESHOLD is the decision. Same place, same day, same sub-event type and same side merge on those alone
(an ACLED event is one action type at one place on one day); a different sub-event type, a compatible but
different event type, a region-level place or a "near X" place also need the wording to agree.
"""
from __future__ import annotations

import math
from datetime import date, timedelta

from sitrep.dedup.identity import conflicting
from sitrep.dedup.names import content_tokens, place_key
from sitrep.model import Event

MERGE_THRESHOLD = 0.75
WEIGHTS = {"place": 0.30, "date": 0.20, "type": 0.25, "actor": 0.10, "text": 0.15}

# Event types that may describe the same action in two outlets' reports (unordered pairs) and how well.
_COMPATIBLE_TYPES = {
    frozenset({"Explosions/Remote violence", "Violence against civilians"}): 0.4,
    frozenset({"Explosions/Remote violence", "Battles"}): 0.2,
    frozenset({"Battles", "Violence against civilians"}): 0.2,
    frozenset({"Battles", "Strategic developments"}): 0.2,
    frozenset({"Protests", "Riots"}): 0.4,
}
_PRECISION_DAYS = {"day": 0, "week": 6}
_WORDS_RUS = ("russia", "russian", "wagner", "dpr", "lpr", "donetsk people", "luhansk people")
_WORDS_UKR = ("ukraine", "ukrainian", "azov", "kraken")


def parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def date_range(ev: Event) -> tuple[date, date] | None:
    """The days an event may have happened on, given its date precision."""
    d = parse_date(ev.event_date)
    if d is None:
        return None
    precision = ev.date_precision or "day"
    if precision in _PRECISION_DAYS:
        span = _PRECISION_DAYS[precision]
        return d - timedelta(days=span), d + timedelta(days=span)
    if precision == "month":
        first = d.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return first, nxt - timedelta(days=1)
    return d.replace(month=1, day=1), d.replace(month=12, day=31)


def distance_km(a: Event, b: Event) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def side(actor: str | None, given: str | None = None) -> str | None:
    """RUS / UKR / CIV / OTHER for an actor, from the extractor's side or the ACLED-style name."""
    if given and given != "UNKNOWN":
        return given
    if not actor or given == "UNKNOWN" or actor.lower().startswith("unidentified"):
        return None     # "Unidentified Armed Group (Ukraine)" names where, not whose
    low = actor.lower()
    if low.startswith(("civilians", "protesters", "rioters")):
        return "CIV"
    if any(w in low for w in _WORDS_RUS):
        return "RUS"
    if any(w in low for w in _WORDS_UKR):
        return "UKR"
    return "OTHER"


def date_score(a: Event, b: Event) -> float:
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return 0.3
    both_days = (a.date_precision or "day") == "day" and (b.date_precision or "day") == "day"
    if both_days and ra != rb and abs((ra[0] - rb[0]).days) <= 1 and not (_dated_by_text(a) and _dated_by_text(b)):
        return 0.6      # a lead that names no day is dated by its publication: the event may be the evening before
    if ra[0] > rb[1] or rb[0] > ra[1]:
        return 0.0
    if both_days:
        return 1.0 if ra == rb else 0.0
    return 0.6


def _dated_by_text(ev: Event) -> bool:
    """An extracted event says where its date came from; one with no provenance at all (imported) is taken as dated."""
    return not ev.provenance or any(p.field == "event_date" for p in ev.provenance)


def type_score(a: Event, b: Event) -> float:
    if a.event_type == b.event_type:
        return 1.0 if a.sub_event_type == b.sub_event_type else 0.4
    return _COMPATIBLE_TYPES.get(frozenset({a.event_type, b.event_type}), 0.0)


def place_score(a: Event, b: Event) -> float:
    if a.country and b.country and place_key(a.country) != place_key(b.country):
        return 0.0
    if a.geonameid and b.geonameid and a.geonameid == b.geonameid:
        return 1.0
    adm_a, adm_b = place_key(a.admin1), place_key(b.admin1)
    admin_clash = bool(adm_a and adm_b and adm_a != adm_b)
    loc_a, loc_b = place_key(a.location), place_key(b.location)
    same_name = bool(loc_a and loc_a == loc_b)
    d = distance_km(a, b)
    pa, pb = a.geo_precision or 2, b.geo_precision or 2
    if pa >= 3 or pb >= 3:  # only the region is known for at least one of them
        if admin_clash:
            return 0.0
        if loc_a and loc_b and not same_name and loc_a not in (adm_a, adm_b) and loc_b not in (adm_a, adm_b):
            return 0.0  # two different named places, both only located to their region
        return 0.8 if (same_name or (pa >= 3 and pb >= 3)) else 0.5
    if d is not None:
        if same_name:
            return 1.0 if d <= 30 else 0.0
        if pa == 1 and pb == 1:
            return 1.0 if d <= 2 else 0.0
        tol = 15.0  # one of them is "near X" / a part of X
        if d > tol:
            return 0.0
        if loc_a and loc_b:  # "near X" vs a named place near X: the wording has to make them one event
            return 0.5
        return 1.0 - 0.4 * d / tol
    if admin_clash:
        return 0.0
    if same_name:
        return 0.9
    return 0.3 if not (loc_a and loc_b) else 0.0


def actor_score(a: Event, b: Event) -> float:
    sa, sb = side(a.actor1, a.actor1_side), side(b.actor1, b.actor1_side)
    if a.actor1 and b.actor1 and a.actor1 == b.actor1:
        s1 = 1.0
    elif sa and sb:
        s1 = 0.8 if sa == sb else 0.2
    else:
        s1 = 0.6
    ta, tb = side(a.actor2, a.actor2_side), side(b.actor2, b.actor2_side)
    s2 = 0.6 if not (ta and tb) else (1.0 if ta == tb else 0.4)
    return 0.7 * s1 + 0.3 * s2


def _texts(ev: Event) -> list[frozenset[str]]:
    """Each outlet's own words (evidence); generated notes share a template, so they only stand in for it."""
    texts = [content_tokens(s.evidence) for s in ev.sources if s.evidence]
    return [t for t in texts if t] or ([content_tokens(ev.notes)] if ev.notes else [])


def text_score(a: Event, b: Event) -> float:
    """Best Dice overlap of content-word stems between any report of a and any report of b (a merged event
    does not get less similar as it gathers sources); places and numbers count like any other word."""
    ta, tb = _texts(a), _texts(b)
    if not ta or not tb:
        return 0.3
    return max(2 * len(x & y) / (len(x) + len(y)) for x in ta[:20] for y in tb[:20])


def share_article(a: Event, b: Event) -> bool:
    ids_a = {s.article_id for s in a.sources}
    return any(s.article_id in ids_a for s in b.sources)


def explain(a: Event, b: Event) -> dict[str, float]:
    """Each component of the decision, for debugging and for the review screen."""
    return {"place": place_score(a, b), "date": date_score(a, b), "type": type_score(a, b),
            "actor": actor_score(a, b), "text": text_score(a, b)}


def same_event_score(a: Event, b: Event) -> float:
    """0..1; two events are merged when this is at least MERGE_THRESHOLD."""
    if share_article(a, b) or conflicting(a, b):
        return 0.0
    parts = explain(a, b)
    if parts["place"] == 0.0 or parts["date"] == 0.0 or parts["type"] == 0.0:
        return 0.0
    return round(sum(WEIGHTS[k] * v for k, v in parts.items()), 4)
