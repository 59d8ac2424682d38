"""Exports a researcher loads unchanged: JSONL (the contract's event records), ACLED CSV, GeoJSON, Parquet.

Files are written to a temporary name beside the target and renamed at the end, so a failed export never
leaves half a file, and an empty event list still writes a valid, empty file (CSV: the header).
"""
from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from pathlib import Path

from sitrep.export.records import contract_record
from sitrep.model import Event

FORMATS = ("jsonl", "csv", "geojson", "parquet")


def _render_text(events: list[Event], fmt: str) -> str:
    buf = io.StringIO()
    if fmt == "jsonl":
        for ev in events:
            buf.write(json.dumps(contract_record(ev), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        from sitrep.export.acled import write_csv
        write_csv(events, buf)
    else:
        from sitrep.export.geojson import feature_collection
        buf.write(json.dumps(feature_collection(events), ensure_ascii=False) + "\n")  # dumps: ~5x faster than dump
    return buf.getvalue()


def write_events(events: list[Event], out: Path | None, fmt: str) -> None:
    """Write events to `out` (standard output when None; parquet needs a path)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if out is None:
        if fmt == "parquet":
            raise ValueError("parquet needs an output file")
        sys.stdout.write(_render_text(events, fmt))
        sys.stdout.flush()
        return
    out = Path(out)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=str(out.parent.resolve()))
    try:
        if fmt == "parquet":
            os.close(fd)
            from sitrep.export.parquet import write_parquet
            write_parquet(events, Path(tmp))
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(_render_text(events, fmt))
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


__all__ = ["FORMATS", "write_events"]
