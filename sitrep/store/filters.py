"""EventFilter: the filters shared by `sitrep export`, the REST API and the dashboard, and their SQL."""
from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from datetime import date

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class EventFilter:
    """All optional. Dates are `YYYY-MM-DD` (inclusive); text matches are case-blind; bbox is
    (min_lon, min_lat, max_lon, max_lat) or the same as a comma-separated string; `q` is full-text search
    over notes, evidence, places and actors (every word must match)."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | str | None = None
    include_hidden: bool = False  # also events an analyst marked "not an event"
    review_status: str | None = None  # reviewed, corrected, unreviewed, not_an_event (the hidden ones)
    sub_event_type: str | None = None
    certainty: str | None = None      # reported, claimed, disputed
    min_fatalities: int | None = None  # fatalities >= N (events with no figure never match)


REVIEW_STATUSES = ("reviewed", "corrected", "unreviewed", "not_an_event")
_LIVE = "SELECT event_id FROM corrections WHERE kind = '{}' AND undone_by IS NULL"


def _check_date(name: str, value: str) -> str:
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat() if len(value.strip()) >= 10 else _partial(value)
    except ValueError:
        raise ValueError(f"--{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _partial(value: str) -> str:
    """'2023' and '2023-06' are accepted as the start of that year or month."""
    v = value.strip()
    if re.fullmatch(r"\d{4}", v):
        return f"{v}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}", v) and 1 <= int(v[5:]) <= 12:
        return f"{v}-01"
    raise ValueError(v)


def parse_bbox(bbox) -> tuple[float, float, float, float]:
    parts = bbox.split(",") if isinstance(bbox, str) else list(bbox)
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except (TypeError, ValueError):
        raise ValueError(f"bbox {bbox!r}: expected min_lon,min_lat,max_lon,max_lat") from None
    if not (-180 <= minlon <= 180 and -180 <= maxlon <= 180 and -90 <= minlat <= maxlat <= 90):
        raise ValueError(f"bbox {bbox!r}: out of range (longitudes -180..180, latitudes -90..90, min <= max)")
    return minlon, minlat, maxlon, maxlat


def where_clause(flt: EventFilter, is_pg: bool) -> tuple[str, list]:
    """SQL condition on the `events` table and its parameters; ValueError for a malformed filter."""
    conds = ["status = 'active'"] if not flt.include_hidden else ["status IN ('active', 'not_event')"]
    params: list = []
    review = flt.review_status
    if review:
        if review not in REVIEW_STATUSES:
            raise ValueError(f"status {review!r}: one of {', '.join(REVIEW_STATUSES)}")
        if review == "not_an_event":
            conds = ["status = 'not_event'"]
        elif review == "corrected":
            conds.append(f"event_id IN ({_LIVE.format('set')})")
        elif review == "reviewed":
            conds.append(f"event_id IN ({_LIVE.format('review')}) AND event_id NOT IN ({_LIVE.format('set')})")
        else:
            conds.append(f"event_id NOT IN ({_LIVE.format('review')}) AND event_id NOT IN ({_LIVE.format('set')})")
    if flt.since:
        conds.append("sort_date >= ?")
        params.append(_check_date("since", flt.since))
    if flt.until:
        conds.append("sort_date <= ? AND sort_date <> ''")
        until = flt.until.strip()
        params.append(_check_date("until", until) if len(until) >= 10 else _end_of(until))
    for col in ("country", "admin1", "event_type"):
        value = getattr(flt, col)
        if value:  # several values at once: "Battles|Riots" (| since ACLED's country names contain commas)
            values = [v.strip() for v in (value if isinstance(value, (list, tuple)) else value.split("|")) if v.strip()]
            conds.append("(" + " OR ".join(f"lower({col}) = lower(?)" for _ in values) + ")")
            params += values
    for name in ("sub_event_type", "certainty"):
        value = getattr(flt, name)
        if value:
            values = [v.strip() for v in (value if isinstance(value, (list, tuple)) else value.split("|")) if v.strip()]
            conds.append("(" + " OR ".join(f"lower({_json_field(name, is_pg)}) = lower(?)" for _ in values) + ")")
            params += values
    if flt.min_fatalities is not None:
        field = _json_field("fatalities", is_pg)
        conds.append(f"{field} IS NOT NULL AND CAST({field} AS INTEGER) >= ?")
        params.append(int(flt.min_fatalities))
    if flt.actor:
        conds.append("actors LIKE ? ESCAPE '\\'")  # the user's text is matched literally, wildcards included
        needle = flt.actor.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append("%" + needle + "%")
    if flt.bbox:
        minlon, minlat, maxlon, maxlat = parse_bbox(flt.bbox)
        conds.append("latitude BETWEEN ? AND ?")
        params += [minlat, maxlat]
        if minlon <= maxlon:
            conds.append("longitude BETWEEN ? AND ?")
            params += [minlon, maxlon]
        else:  # crosses the antimeridian
            conds.append("(longitude >= ? OR longitude <= ?)")
            params += [minlon, maxlon]
    if flt.q:
        words = _WORD.findall(flt.q)
        if not words:
            raise ValueError(f"q {flt.q!r}: no words to search for")
        if is_pg:
            conds.append("fts @@ plainto_tsquery('english', ?)")
            params.append(" ".join(words))
        else:
            conds.append("seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
            params.append(" ".join('"' + w.replace('"', "") + '"' for w in words))
    return " AND ".join(conds), params


def _json_field(name: str, is_pg: bool) -> str:
    """A field of the stored event record (corrections applied); `name` is one of ours, never user text."""
    assert name.isidentifier()
    if is_pg:
        return f"(CAST(COALESCE(data, base) AS jsonb) ->> '{name}')"
    return f"json_extract(COALESCE(data, base), '$.{name}')"


def _end_of(value: str) -> str:
    start = _partial(value)
    if len(value.strip()) == 4:
        return f"{value.strip()}-12-31"
    y, m = int(start[:4]), int(start[5:7])
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1).isoformat()


def encode_cursor(sort_date: str, event_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([sort_date, event_id]).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    """The (sort_date, event_id) a page ended at; ValueError for anything this store did not hand out."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        sort_date, event_id = json.loads(raw)
        if not isinstance(sort_date, str) or not isinstance(event_id, str) or not event_id:
            raise ValueError
        return sort_date, event_id
    except Exception:
        raise ValueError(f"invalid cursor {cursor[:40]!r}") from None
