"""One event from several reports of it, by rules a reader can check.

* sources: every article's report (evidence and offsets), once each, in publication order;
* place: the most precise report (lowest geo_precision) wins, its whole place bundle kept together; ties go
  to the place most reports name, then the earliest report;
* date: the most precise date precision wins; among those, the date most reports give, then the earliest;
* event type and actors: the type most reports give; actors from the most complete report of that type;
* fatalities: the most conservative credible figure = the lowest figure given by reports not attributed to a
  party to the conflict (when there are any, else all), where a "none" (0) is dropped when another credible
  report counts deaths; `fatalities_min` / `fatalities_max` keep the range across all reports;
* certainty: `disputed` when any report is disputed or reports blame opposite sides; `claimed` when every
  report is a party's claim; else `reported`.
"""
from __future__ import annotations

import copy
from collections import Counter

from sitrep.dedup.names import place_key as skeleton
from sitrep.dedup.score import side
from sitrep.model import Event, Source

_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_PLACE_FIELDS = ("country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "geonameid")
_ACTOR_FIELDS = ("actor1", "assoc_actor_1", "inter1", "actor1_side", "actor2", "assoc_actor_2", "inter2",
                 "actor2_side", "interaction")


def copy_event(ev: Event) -> Event:
    """A copy whose sources and provenance lists can be changed freely (cheaper than deepcopy)."""
    out = copy.copy(ev)
    out.sources = [copy.copy(s) for s in ev.sources]
    out.provenance = [copy.copy(p) for p in ev.provenance]
    return out


def _pub(r: Event) -> str:
    return min((s.published or "9999" for s in r.sources), default="9999")


def _order(reports: list[Event]) -> list[Event]:
    """Reports in a stable order: by earliest publication, then event id."""
    return sorted(reports, key=lambda r: (_pub(r), r.event_id))


def merge_sources(reports: list[Event]) -> list[Source]:
    seen, out = set(), []
    for r in reports:
        for s in r.sources:
            key = (s.article_id, s.char_start, s.char_end)
            if key not in seen:
                seen.add(key)
                out.append(copy.copy(s))
    return sorted(out, key=lambda s: (s.published or "9999", s.article_id, s.char_start))


def _pick_place(reports: list[Event]) -> Event:
    named = Counter(skeleton(r.location) for r in reports if r.location)
    return min(reports, key=lambda r: (r.geo_precision or 4, r.latitude is None,
                                       -named.get(skeleton(r.location), 0)))


def _pick_date(reports: list[Event]) -> Event:
    dated = [r for r in reports if r.event_date]
    if not dated:
        return reports[0]
    best = min(_DATE_RANK.get(r.date_precision or "day", 3) for r in dated)
    top = [r for r in dated if _DATE_RANK.get(r.date_precision or "day", 3) == best]
    votes = Counter(r.event_date for r in top)
    return max(top, key=lambda r: votes[r.event_date])  # max keeps the first of equals


def _figures(r: Event) -> list[int]:
    return [v for v in (r.fatalities, r.fatalities_min, r.fatalities_max) if v is not None]


def reconcile_fatalities(reports: list[Event]) -> tuple[int | None, int | None, int | None]:
    """(fatalities, fatalities_min, fatalities_max) by the rule in the module docstring."""
    everything = [v for r in reports for v in _figures(r)]
    if not everything:
        return None, None, None
    credible_reports = [r for r in reports if r.certainty != "claimed" and r.fatalities is not None]
    credible = [r.fatalities for r in credible_reports] or [r.fatalities for r in reports if r.fatalities is not None]
    if not credible:
        credible = everything
    positive = [v for v in credible if v > 0]
    return (min(positive) if positive else min(credible)), min(everything), max(everything)


def reconcile_certainty(reports: list[Event]) -> str:
    if any(r.certainty == "disputed" for r in reports):
        return "disputed"
    blamed = {side(r.actor1, r.actor1_side) for r in reports} - {None, "OTHER", "CIV"}
    if len(blamed) > 1:
        return "disputed"
    if reports and all(r.certainty == "claimed" for r in reports):
        return "claimed"
    return "reported"


def reconcile(reports: list[Event], event_id: str | None = None) -> Event:
    """The event that `reports` (each one article's version, or already merged events) describe together."""
    if not reports:
        raise ValueError("reconcile needs at least one report")
    reports = _order(reports)
    if len(reports) == 1:
        ev = copy_event(reports[0])
        if event_id:
            ev.event_id = event_id
        ev.fatalities, ev.fatalities_min, ev.fatalities_max = reconcile_fatalities(reports)
        return ev
    types = Counter(r.event_type for r in reports)
    top_type = max(types.values())
    typed = [r for r in reports if types[r.event_type] == top_type]
    subs = Counter(r.sub_event_type for r in typed if r.event_type == typed[0].event_type)
    kind = max((r for r in typed if r.event_type == typed[0].event_type), key=lambda r: subs[r.sub_event_type])
    actors = max(typed, key=lambda r: (r.certainty != "claimed", sum(getattr(r, f) is not None for f in _ACTOR_FIELDS)))
    place, when = _pick_place(reports), _pick_date(reports)

    ev = copy_event(kind)
    ev.event_id = event_id or min(r.event_id for r in reports)
    for f in _PLACE_FIELDS:
        setattr(ev, f, getattr(place, f))
    ev.event_date, ev.date_precision = when.event_date, when.date_precision
    for f in _ACTOR_FIELDS:
        setattr(ev, f, getattr(actors, f))
    ev.fatalities, ev.fatalities_min, ev.fatalities_max = reconcile_fatalities(reports)
    ev.certainty = reconcile_certainty(reports)
    claimers = sorted({r.claimed_by for r in reports if r.claimed_by and r.certainty != "reported"})
    ev.claimed_by = "; ".join(claimers) if ev.certainty != "reported" and claimers else None
    ev.sources = merge_sources(reports)
    ev.provenance = [copy.copy(p) for r in reports for p in r.provenance]
    # the summary sentence of a report that agrees with the chosen toll, so notes and fatalities agree
    agreeing = [r for r in reports if r.fatalities == ev.fatalities and r.notes]
    note = (agreeing[0] if agreeing else place).notes or kind.notes or ""
    ev.notes = _notes(note, ev, len({s.article_id for s in ev.sources}))
    return ev


def _notes(base: str, ev: Event, n_articles: int) -> str:
    base = base.split(" [sitrep:")[0].strip()
    extra = f"{n_articles} sources"
    if ev.fatalities_min is not None and ev.fatalities_min != ev.fatalities_max:
        extra += f"; fatality figures {ev.fatalities_min}-{ev.fatalities_max}"
    return f"{base} [sitrep: {extra}]".strip()


def combine(a: Event, b: Event) -> Event:
    """The reconciled event with both a's and b's sources; keeps a's event id (a is the stored one)."""
    return reconcile([a, b], event_id=a.event_id or b.event_id)
