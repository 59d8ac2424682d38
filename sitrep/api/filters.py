"""Turn query strings into a store `EventFilter`, refusing anything unknown or out of range (a 4xx, never a 5xx).

Validation lives here, not in the store, so that every endpoint (list, exports, map, timeline) accepts exactly the
same filters and rejects the same mistakes with the same message.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Mapping

from fastapi import HTTPException

FILTER_FIELDS = ("since", "until", "country", "admin1", "event_type", "actor", "q", "bbox", "status", "hidden",
                 "sub_event_type", "certainty", "min_fatalities")
REVIEW_STATUSES = ("reviewed", "corrected", "unreviewed", "not_an_event")
PAGE_FIELDS = ("limit", "cursor")
MAX_LIMIT = 1000
DEFAULT_LIMIT = 100
MAX_TEXT = 200


def bad(detail: str, status: int = 422) -> HTTPException:
    return HTTPException(status_code=status, detail=detail)


def _date(name: str, value: str) -> str:
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
        return dt.datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        raise bad(f"{name}: not a date (YYYY-MM-DD): {value[:40]!r}") from None


def _bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    if len(parts) != 4:
        raise bad("bbox: expected minlon,minlat,maxlon,maxlat")
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise bad("bbox: four numbers expected") from None
    if not all(math.isfinite(v) for v in (minlon, minlat, maxlon, maxlat)):
        raise bad("bbox: numbers must be finite")
    if not (-180 <= minlon <= 180 and -180 <= maxlon <= 180 and -90 <= minlat <= maxlat <= 90 and minlon <= maxlon):
        raise bad("bbox: out of range (lon -180..180, lat -90..90, min <= max)")
    return (minlon, minlat, maxlon, maxlat)


@dataclass(frozen=True)
class Query:
    """A validated query: the filter values (hashable, for caching) plus paging."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    status: str | None = None      # review status; not_an_event shows the hidden events
    hidden: bool = False           # also the events marked "not an event"
    sub_event_type: str | None = None
    certainty: str | None = None
    min_fatalities: int | None = None
    limit: int = DEFAULT_LIMIT
    cursor: str | None = None

    def event_filter(self, with_bbox: bool = True) -> Any:
        from sitrep.store import EventFilter

        return EventFilter(since=self.since, until=self.until, country=self.country, admin1=self.admin1,
                           event_type=self.event_type, actor=self.actor, q=self.q,
                           bbox=self.bbox if with_bbox else None, include_hidden=self.hidden,
                           review_status=self.status, sub_event_type=self.sub_event_type,
                           certainty=self.certainty, min_fatalities=self.min_fatalities)

    def key(self, with_bbox: bool = True) -> tuple:
        return (self.since, self.until, self.country, self.admin1, self.event_type, self.actor, self.q,
                self.bbox if with_bbox else None, self.status, self.hidden, self.sub_event_type, self.certainty,
                self.min_fatalities)


def parse_query(params: Mapping[str, str], multi: Mapping[str, list[str]] | None = None,
                extra: tuple[str, ...] = ()) -> Query:
    """Validate `params` (a request's query string). `extra` names other parameters the endpoint reads itself."""
    allowed = set(FILTER_FIELDS) | set(PAGE_FIELDS) | set(extra)
    unknown = sorted(k for k in params if k not in allowed)
    if unknown:
        raise bad(f"unknown parameter(s): {', '.join(u[:40] for u in unknown)}; "
                  f"filters are {', '.join(FILTER_FIELDS)}, paging limit and cursor", 400)
    if multi:
        repeated = sorted(k for k, v in multi.items() if len(v) > 1)
        if repeated:
            raise bad(f"parameter given more than once: {', '.join(repeated)}", 400)
    values: dict[str, Any] = {}
    for name in ("country", "admin1", "event_type", "actor", "q", "sub_event_type", "certainty"):
        v = params.get(name)
        if v is None or v.strip() == "":
            continue
        if len(v) > MAX_TEXT:
            raise bad(f"{name}: longer than {MAX_TEXT} characters")
        if "\x00" in v:
            raise bad(f"{name}: contains a NUL character")
        values[name] = v.strip()
    for name in ("since", "until"):
        v = params.get(name)
        if v:
            values[name] = _date(name, v.strip())
    if values.get("since") and values.get("until") and values["since"] > values["until"]:
        raise bad("since is after until")
    if params.get("bbox"):
        values["bbox"] = _bbox(params["bbox"])
    if params.get("min_fatalities"):
        raw = params["min_fatalities"]
        if not raw.isdigit() or int(raw) > 1_000_000:
            raise bad(f"min_fatalities: a whole number 0..1000000, got {raw[:40]!r}")
        values["min_fatalities"] = int(raw)
    if params.get("status"):
        if params["status"] not in REVIEW_STATUSES:
            raise bad(f"status: one of {', '.join(REVIEW_STATUSES)}, got {params['status'][:40]!r}")
        values["status"] = params["status"]
    if params.get("hidden"):
        if params["hidden"] not in ("0", "1", "true", "false"):
            raise bad("hidden: 1 or 0")
        values["hidden"] = params["hidden"] in ("1", "true")
    if "limit" in params:
        raw = params["limit"]
        if not raw.isdigit():
            raise bad(f"limit: a whole number 1..{MAX_LIMIT} expected, got {raw[:40]!r}")
        n = int(raw)
        if not 1 <= n <= MAX_LIMIT:
            raise bad(f"limit: must be between 1 and {MAX_LIMIT}")
        values["limit"] = n
    if params.get("cursor"):
        c = params["cursor"]
        if len(c) > 500 or not c.isprintable():
            raise bad("cursor: not a cursor returned by this API", 400)
        values["cursor"] = c
    return Query(**values)
