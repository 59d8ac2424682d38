"""Every Ukrainian settlement of the KATOTTG codifier into the gazetteer, with oblast, raion and hromada.

Each settlement is first matched to its GeoNames entry (same oblast, same Ukrainian Cyrillic name or KMU-2010
romanisation; the raion breaks ties), which then gains the codifier's hromada and names. A settlement GeoNames
lacks gets its hromada centre's coordinates (else its raion centre's, else the oblast capital's) with
geo_precision 2 and a note saying so. Raions ("Izium Raion") and hromadas ("Pokrovska hromada") become places
too, at their centre. Russian-style spellings of the Ukrainian names come from name_variants.csv plus the
skeleton keys (translit.py).
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import translitua

from sitrep.geo import sources
from sitrep.geo.translit import fold

KATOTTG_BASE, UNIT_BASE = 100_000_000, 400_000_000
# KATOTTG / KOATUU oblast numbers that differ from ISO 3166-2:UA
_KOATUU_TO_ISO = {"01": "43", "44": "09", "73": "77", "80": "30", "85": "40"}
_ADJ_END = re.compile(r"(tskyi|zkyi|skyi|ckyi|tska|zka|ska|cka|ske|skyi)$")
_CATEGORY_RANK = {"K": 0, "M": 1, "T": 2, "X": 3, "C": 4}


def _kmu(name: str) -> str:
    return translitua.translit(unicodedata.normalize("NFC", name))


def _variants(name: str) -> list[str]:
    out = []
    for row in _variant_rules():
        v = row[0].sub(row[1], name)
        if v != name:
            out.append(v)
    return out


_RULES: list = []


def _variant_rules() -> list:
    if not _RULES:
        for r in sources.read_csv_rows("name_variants.csv"):
            _RULES.append((re.compile(r["pattern"]), r["replacement"]))
    return _RULES


def _stem(adjective_key: str) -> str:
    return _ADJ_END.sub("", adjective_key)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _centre(stem: str, members: list[tuple[str, str, str]]) -> str | None:
    """The member settlement (id, key, category) the unit's adjective is formed from."""
    best, best_score = None, None
    for sid, key, cat in members:
        if key == stem or key.replace(" ", "") == stem:
            score = (2, -_CATEGORY_RANK.get(cat, 9), 100)
        else:
            cp = _common_prefix(stem, key)
            if cp < min(len(stem), max(3, len(stem) - 2)):
                continue
            score = (1, -_CATEGORY_RANK.get(cat, 9), cp)
        if best_score is None or score > best_score:
            best, best_score = sid, score
    return best


def add_katottg(w, cities: dict, subs: list, admin1: dict, region_ids: dict) -> dict:
    frame = sources.katottg_frame()
    iso_to_code = {s.iso.split("-")[1]: s.code for s in subs if s.level == 1 and s.iso.startswith("UA-")}
    rows = {r.id: r for r in frame.itertuples(index=False)}

    def admin1_code(oblast_id: str) -> str | None:
        num = oblast_id[2:4]
        return iso_to_code.get(_KOATUU_TO_ISO.get(num, num))

    # GeoNames UA places by (admin1 English, Cyrillic casefold) and (admin1, KMU key)
    by_cyr: dict[tuple, list[int]] = defaultdict(list)
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for c in cities.values():
        if c["countrycode"] != "UA":
            continue
        gid = int(c["geonameid"])
        a1 = w.places[gid][5]
        for alt in [c["name"], *c.get("alternatenames", ())]:
            if re.search(r"[іїєґІЇЄҐ]", alt) or re.fullmatch(r"[\u0400-\u04ff' ’\-]+", alt):
                by_cyr[(a1, alt.casefold().replace("’", "'"))].append(gid)
            else:
                by_key[(a1, fold(alt))].append(gid)

    settlements = [r for r in rows.values() if r.category in _CATEGORY_RANK]
    members: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for r in settlements:
        key = fold(_kmu(r.name))
        for anc in r.ancestors:
            members[anc].append((r.id, key, r.category))

    # raion and hromada centres -> English raion names
    unit_centre: dict[str, str | None] = {}
    for r in rows.values():
        if r.category in ("P", "H"):
            unit_centre[r.id] = _centre(_stem(fold(_kmu(r.name))), members.get(r.id, []))

    def unit_of(r, cat: str):
        for anc in r.ancestors:
            a = rows.get(anc)
            if a is not None and a.category == cat:
                return a
        return None

    def raion_english(raion) -> str | None:
        if raion is None:
            return None
        c = unit_centre.get(raion.id)
        base = _kmu(rows[c].name) if c else _stem(fold(_kmu(raion.name))).title()
        return f"{base} Raion"

    claimed: set[int] = set()
    coords: dict[str, tuple[float, float, int]] = {}   # settlement id -> lat, lon, place id
    matched = added = 0
    pending = []
    for r in sorted(settlements, key=lambda r: _CATEGORY_RANK[r.category]):
        oblast = rows.get(r.ancestors[0]) if r.ancestors else r
        code = admin1_code(oblast.id if oblast is not None else r.id)
        a1 = admin1.get(code, (None, None))[0] if code else None
        raion, hromada = unit_of(r, "P"), unit_of(r, "H")
        a2 = raion_english(raion)
        hname = f"{_kmu(hromada.name)} hromada" if hromada is not None else None
        kmu = _kmu(r.name)
        cands = by_cyr.get((a1, r.name.casefold().replace("’", "'")), []) + by_key.get((a1, fold(kmu)), [])
        cands = [g for g in dict.fromkeys(cands) if g not in claimed]
        if cands:
            cands.sort(key=lambda g: (w.places[g][6] != a2, -w.places[g][9]))
            gid = cands[0]
            claimed.add(gid)
            p = w.places[gid]
            p[1] = kmu                       # the official romanisation is the display name in Ukraine
            p[6] = a2 or p[6]
            p[7] = hname
            w.add_names(gid, [r.name, kmu, *_variants(r.name)], fuzzy=True)
            coords[r.id] = (p[2], p[3], gid)
            matched += 1
        else:
            pending.append((r, a1, a2, hname, kmu))

    def unit_point(unit) -> tuple[float, float, str] | None:
        if unit is None:
            return None
        c = unit_centre.get(unit.id)
        if c and c in coords:
            return coords[c][0], coords[c][1], _kmu(rows[c].name)
        return None

    for n, (r, a1, a2, hname, kmu) in enumerate(pending):
        raion, hromada = unit_of(r, "P"), unit_of(r, "H")
        pt = unit_point(hromada)
        where = "hromada centre"
        if pt is None:
            pt, where = unit_point(raion), "raion centre"
        if pt is None:
            rid = region_ids.get(admin1_code(r.ancestors[0])) if r.ancestors else None
            if rid is None:
                continue
            rp = w.places[rid]
            pt, where = (rp[2], rp[3], rp[1]), "oblast capital"
        pid = KATOTTG_BASE + n
        note = f"no coordinates for {kmu} in any package: {where} ({pt[2]}) used"
        w.place(pid, kmu, pt[0], pt[1], "UA", a1, a2, 4, 0, None, 2, note, hromada=hname)
        w.add_names(pid, [r.name, kmu, *_variants(r.name)], fuzzy=True)
        coords.setdefault(r.id, (pt[0], pt[1], pid))
        added += 1

    # raions and hromadas as places at their centre
    units = 0
    for k, r in enumerate(rows.values()):
        if r.category not in ("P", "H"):
            continue
        pt = unit_point(r)
        if pt is None:
            continue
        oblast = rows.get(r.ancestors[0]) if r.ancestors else None
        code = admin1_code(oblast.id) if oblast is not None else None
        a1 = admin1.get(code, (None, None))[0] if code else None
        kmu = _kmu(r.name)
        if r.category == "P":
            name, level = raion_english(r), 2
            a2 = name
            names = [kmu, name.replace(" Raion", ""), *_variants(r.name), r.name]
        else:
            name, level = f"{kmu} hromada", 3
            a2 = raion_english(unit_of(r, "P"))
            names = [kmu, r.name, *_variants(r.name)]
        pid = UNIT_BASE + k
        w.place(pid, name, pt[0], pt[1], "UA", a1, a2, level, 0, None, 2,
                f"{'raion' if level == 2 else 'hromada'}: coordinates of its centre {pt[2]}",
                hromada=name if level == 3 else None)
        w.add_names(pid, names)
        units += 1
    return {"katottg_matched": matched, "katottg_added": added, "units": units}
