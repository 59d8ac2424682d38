"""Events as Parquet with real types: dates as date32, coordinates float64, counts int, sources nested.

Columns are the CSV's (ACLED's then sitrep's) plus `sources`, a list of {article_id, url, published, source,
evidence, char_start, char_end}. The credits are in the file's key-value metadata (`sitrep:attribution`).
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sitrep.export.acled import COLUMNS, acled_row
from sitrep.export.attribution import ATTRIBUTION, GENERATOR, LICENSES
from sitrep.model import Event

_TYPES = {
    "event_date": "date", "year": "int16", "time_precision": "int8", "iso": "int16", "latitude": "float64",
    "longitude": "float64", "geo_precision": "int8", "fatalities": "int32", "timestamp": "int64",
    "fatalities_known": "bool", "fatalities_min": "int32", "fatalities_max": "int32", "geonameid": "int64",
    "n_sources": "int16",
}


def schema():
    import pyarrow as pa
    simple = {"date": pa.date32(), "int8": pa.int8(), "int16": pa.int16(), "int32": pa.int32(),
              "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    fields = [pa.field(c, simple[_TYPES[c]] if c in _TYPES else pa.string()) for c in COLUMNS]
    source = pa.struct([("article_id", pa.string()), ("url", pa.string()), ("published", pa.string()),
                        ("source", pa.string()), ("evidence", pa.string()), ("char_start", pa.int64()),
                        ("char_end", pa.int64())])
    fields.append(pa.field("sources", pa.list_(source)))
    meta = {"sitrep:attribution": ATTRIBUTION, "sitrep:licenses": json.dumps(LICENSES), "sitrep:generator": GENERATOR}
    return pa.schema(fields, metadata=meta)


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def write_parquet(events: list[Event], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    sch = schema()
    columns: dict[str, list] = {c: [] for c in sch.names}
    for ev in events:
        row = acled_row(ev)
        row["event_date"] = _date(row["event_date"])
        for c in COLUMNS:
            columns[c].append(row[c])
        columns["sources"].append([{"article_id": s.article_id, "url": s.url, "published": s.published,
                                    "source": s.source, "evidence": s.evidence, "char_start": s.char_start,
                                    "char_end": s.char_end} for s in ev.sources])
    table = pa.Table.from_pydict(columns, schema=sch)
    pq.write_table(table, str(path))
