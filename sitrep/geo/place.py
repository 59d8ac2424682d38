"""What the geocoder returns: a resolved place, and a place mention found in a text."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reading:
    """One gazetteer reading of an ambiguous name: where the text may mean, if its region is known."""

    name: str
    latitude: float
    longitude: float
    country_code: str | None
    admin1: str | None
    admin2: str | None
    precision: int


@dataclass
class Place:
    """A resolved place. geo_precision: 1 the place itself, 2 a part of / near it or a district, 3 only the region."""

    name: str
    latitude: float
    longitude: float
    country: str | None = None          # English name, "Ukraine"
    country_code: str | None = None     # ISO 3166-1 alpha-2, "UA"
    admin1: str | None = None           # "Kharkiv" (no "Oblast")
    admin2: str | None = None           # "Izium Raion"
    geo_precision: int = 1
    geonameid: int | None = None
    feature: str = "P"                  # GeoNames feature class: P populated place, A admin area, ...
    population: int = 0
    candidates: list[str] = field(default_factory=list)  # other readings when ambiguous
    readings: list[Reading] = field(default_factory=list)  # the same, structured (settlement readings only)
    note: str | None = None             # e.g. "coordinates of the hromada centre"
    # optional, added by sitrep.geo: for a region or country, the middle of its area (latitude, longitude);
    # latitude/longitude above hold its capital (ACLED practice), geoparse reports the centroid
    centroid: tuple[float, float] | None = None

    @property
    def is_area(self) -> bool:
        """A region, district or country standing for the place, not a settlement (named or not resolved)."""
        return self.feature == "A"


@dataclass
class PlaceMention:
    """A span of an article's text naming a place, and what it resolved to (None when unresolved)."""

    start: int
    end: int
    name: str
    place: Place | None
