"""`sitrep gazetteer import FILE`: merge a user's GeoNames dump (allCountries.txt, UA.txt, cities1000.txt, or
a .zip of one) into the index, for coverage beyond cities500.

All-or-nothing: the whole file is checked first; a corrupt or truncated line stops the import with a message
naming the line, and the existing index is untouched (the merge runs on a copy that replaces the index only
when it is complete). Populated places (feature class P) are added; a codifier village that had only its
hromada's coordinates gets the dump's own point (geo_precision 1).
"""
from __future__ import annotations

import io
import os
import shutil
import sqlite3
import zipfile
from typing import Iterator

from sitrep.geo.build import display_name
from sitrep.geo.translit import deletes1, fold_all, is_indexable, skeleton

COLUMNS = 19


class ImportProblem(Exception):
    pass


def _lines(path: str) -> Iterator[str]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            members = [m for m in z.namelist() if m.endswith(".txt") and not m.lower().startswith("readme")]
            if not members:
                raise ImportProblem(f"{path}: no GeoNames .txt inside the zip")
            with z.open(members[0]) as f:
                yield from io.TextIOWrapper(f, encoding="utf-8", newline="")
        return
    with open(path, encoding="utf-8", newline="") as f:
        yield from f


def parse_row(line: str, where: str) -> tuple | None:
    """One dump line -> (gid, name, alts, lat, lon, fclass, cc, admin1code, population), None for non-places."""
    if not line.endswith("\n"):
        raise ImportProblem(f"{where}: line is truncated (no end of line)")
    p = line.rstrip("\r\n").split("\t")
    if len(p) != COLUMNS:
        raise ImportProblem(f"{where}: {len(p)} columns, a GeoNames dump line has {COLUMNS}")
    try:
        gid, lat, lon = int(p[0]), float(p[4]), float(p[5])
        pop = int(p[14] or 0)
    except ValueError:
        raise ImportProblem(f"{where}: geonameid, latitude, longitude or population is not a number") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ImportProblem(f"{where}: coordinates out of range ({lat}, {lon})")
    if not p[1]:
        raise ImportProblem(f"{where}: empty name")
    if p[6] != "P":
        return None
    alts = [a for a in p[3].split(",") if a]
    return gid, p[1], alts, lat, lon, p[6], p[8], p[10], pop


def import_geonames(file: str, index: str) -> int:
    if not os.path.isfile(file):
        raise ImportProblem(f"{file}: no such file")
    if not os.path.exists(index):
        raise ImportProblem(f"{index}: no gazetteer index to import into (run `sitrep gazetteer build`)")
    rows = []
    try:
        for n, line in enumerate(_lines(file), 1):
            if not line.strip():
                continue
            row = parse_row(line, f"{file}:{n}")
            if row is not None:
                rows.append(row)
    except (UnicodeDecodeError, zipfile.BadZipFile, EOFError, OSError) as e:
        raise ImportProblem(f"{file}: unreadable ({type(e).__name__}: {e})") from None
    if not rows:
        raise ImportProblem(f"{file}: no populated places (feature class P) in the file")
    tmp = index + ".importing"
    shutil.copyfile(index, tmp)
    try:
        db = sqlite3.connect(tmp)
        codes = dict(db.execute("SELECT code, name FROM admin1_codes").fetchall())
        added = 0
        with db:
            for gid, name, alts, lat, lon, _fc, cc, a1code, pop in rows:
                a1 = codes.get(f"{cc}.{a1code}")
                known = db.execute("SELECT 1 FROM places WHERE id = ?", (gid,)).fetchone()
                keys = {k for n_ in [name, *alts] if is_indexable(n_) and 2 <= len(n_) <= 120 for k in fold_all(n_)}
                if not known:
                    target = None
                    if cc == "UA":   # a codifier village with borrowed coordinates gets its own point
                        for k in keys:
                            r = db.execute(
                                "SELECT p.id FROM names n JOIN places p ON p.id = n.id WHERE n.key = ? AND "
                                "p.cc = 'UA' AND p.precision = 2 AND p.level = 4 AND p.admin1 IS ?", (k, a1)).fetchone()
                            if r:
                                target = r[0]
                                break
                    if target is not None:
                        db.execute("UPDATE places SET lat=?, lon=?, precision=1, note=NULL, geonameid=?, population=? "
                                   "WHERE id=?", (lat, lon, gid, pop, target))
                        pid = target
                    else:
                        db.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                   (gid, display_name(name), lat, lon, cc, a1, None, None, 4, pop, gid, 1, None,
                                    None, None))
                        pid = gid
                    added += 1
                else:
                    pid = gid
                batch = []
                for k in keys:
                    batch.append((k, pid, None))
                    sk = skeleton(k)
                    if sk:
                        batch.append(("~" + sk, pid, k))
                    if cc == "UA" and len(k) >= 6:
                        batch += [("#" + d, pid, k) for d in deletes1(k)]
                db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", batch)
            # an index holding a user's import is never rebuilt behind their back (see index_state.ensure_index)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('imported', ?)", (os.path.basename(str(file)),))
        db.close()
        os.replace(tmp, index)
    except sqlite3.DatabaseError as e:
        raise ImportProblem(f"{index}: could not merge ({e}); the index is unchanged") from None
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return added
