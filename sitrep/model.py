"""The records that flow through sitrep (see CONTRACT.md): articles in, events out.

Every stage takes and returns these dataclasses, so a stage can be tested alone and replaced without touching
its neighbours. Field names follow the contract; `to_dict` gives the contract's JSON shape.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One news report. `published` is an ISO date (or datetime) string or None."""

    text: str
    id: str = ""
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    language: str | None = None
    published_basis: str | None = None  # "page", "inferred" or None when unknown
    origin: str | None = None  # file name (and line) it was read from, for messages; never part of the id

    def __post_init__(self) -> None:
        if not self.id:
            self.id = derive_article_id(self.url, self.text)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("origin", None)
        return d


def derive_article_id(url: str | None, text: str) -> str:
    """An id stable across runs and independent of the file path: from the url, else from the text."""
    basis = url.strip() if url and url.strip() else text
    return "a-" + hashlib.sha1(basis.encode("utf-8", "replace")).hexdigest()[:16]


def text_hash(text: str) -> str:
    """Hash of the whitespace-normalised text, to recognise the same article re-sent under another id."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8", "replace")).hexdigest()


@dataclass
class Source:
    """One article's report of an event, with the exact evidence and its offsets into the article text."""

    article_id: str
    evidence: str
    char_start: int
    char_end: int
    url: str | None = None
    published: str | None = None
    source: str | None = None
    published_basis: str | None = None  # "page" (from the record or page) or "inferred" (from the text)


@dataclass
class Provenance:
    """Where one field's value came from: the sentence span (offsets into the article text) that supports it."""

    field: str
    text: str
    char_start: int
    char_end: int
    article_id: str | None = None  # which source article the offsets are into (events merge several)


EVENT_FIELDS = (
    "event_id", "event_date", "date_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "fatalities", "claimed_by", "certainty", "notes", "sources",
)


@dataclass
class Event:
    """An ACLED-style event: one action type, by the same actors, at one place, on one day."""

    event_type: str
    sub_event_type: str
    event_date: str | None = None
    date_precision: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: str | None = None
    interaction: str | None = None
    actor1_side: str | None = None
    actor2_side: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    fatalities: int | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    claimed_by: str | None = None
    certainty: str = "reported"
    notes: str = ""
    sources: list[Source] = field(default_factory=list)
    provenance: list[Provenance] = field(default_factory=list)
    event_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        known["sources"] = [s if isinstance(s, Source) else Source(**s) for s in d.get("sources") or []]
        known["provenance"] = [p if isinstance(p, Provenance) else Provenance(**p) for p in d.get("provenance") or []]
        return cls(**known)
