"""CSV and GeoJSON downloads of a query, through the same `sitrep.export.write_events` the CLI uses.

`write_events` writes to a path, so the download is written to a temporary file and read back. If the export
package is unavailable (it is another contributor's area), a small local fallback keeps the endpoints working.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from typing import Any, Iterable

MEDIA = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json"}


def render(events: list[Any], fmt: str) -> bytes:
    try:
        from sitrep.export import write_events
    except ImportError:  # fallback while sitrep.export is missing
        return _fallback(events, fmt)
    fd, path = tempfile.mkstemp(suffix="." + fmt, prefix="sitrep-api-")
    os.close(fd)
    try:
        write_events(events, path, fmt)
        with open(path, "rb") as f:
            return f.read()
    finally:
        os.unlink(path)


def _fallback(events: Iterable[Any], fmt: str) -> bytes:
    from sitrep.export.acled import cell
    from sitrep.model import EVENT_FIELDS

    rows = [e.to_dict() for e in events]
    if fmt == "geojson":
        feats = [{"type": "Feature", "properties": {k: v for k, v in r.items() if k not in ("latitude", "longitude")},
                  "geometry": ({"type": "Point", "coordinates": [r["longitude"], r["latitude"]]}
                               if r.get("latitude") is not None and r.get("longitude") is not None else None)}
                 for r in rows]
        return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False).encode()
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(EVENT_FIELDS)
    for r in rows:
        r["sources"] = "; ".join(s["url"] or s["article_id"] for s in r.get("sources") or [])
        w.writerow([cell(r.get(k)) for k in EVENT_FIELDS])
    return out.getvalue().encode()
