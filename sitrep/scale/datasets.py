"""Inputs of the Ray engine: which paths sitrep's own readers read, which Ray reads as a distributed dataset.

Local files and folders (every format of CONTRACT.md) are read by `sitrep.ingest.read_inputs` on the driver,
so bad inputs are named exactly as on the local path. A Parquet file, a folder holding only Parquet files (a
Parquet dataset, as Spark or Ray write it) and remote URIs (`s3://`, `gs://`, ...: Parquet, or JSONL read line by
line) are read by Ray itself on the workers, since those are the inputs too big to pass through one process;
each of their rows is validated by the same `article_from_record` as a JSONL line.

Articles travel between processes as one JSON string per row: the Arrow schema stays fixed whatever the
Article record grows, and the cost is nothing next to extraction.
"""
from __future__ import annotations

import dataclasses
import json
import math
import os
from datetime import date, datetime
from typing import Any

from sitrep.model import Article

ROW_COLUMNS = ("i", "article", "problem")  # i: position in the input (-1 for dataset rows); problem: why unreadable
_IGNORED_IN_DATASET = ("_SUCCESS", "_common_metadata", "_metadata")


def is_remote(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz")


def is_parquet_dataset(path: str) -> bool:
    """A `.parquet` file, a local folder whose data files are all Parquet (hidden and marker files aside), or a
    remote URI that does not name a JSONL file (a remote folder is taken for a Parquet dataset)."""
    if path.lower().endswith(".parquet"):
        return True
    if is_remote(path):
        return not path.lower().endswith(_JSONL_SUFFIXES)
    if not os.path.isdir(path):
        return False
    seen = False
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith((".", "_"))]
        for name in files:
            if name.startswith(".") or name in _IGNORED_IN_DATASET or name.endswith(".crc"):
                continue
            if not name.lower().endswith(".parquet"):
                return False
            seen = True
    return seen


def split_inputs(paths: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(paths for sitrep's readers, Parquet sources for Ray, remote JSONL sources for Ray), order kept."""
    local, parquet, jsonl = [], [], []
    for p in paths:
        if p != "-" and is_parquet_dataset(p):
            parquet.append(p)
        elif is_remote(p):
            jsonl.append(p)
        else:
            local.append(p)
    return local, parquet, jsonl


def article_row(i: int, article: Article) -> dict[str, Any]:
    return {"i": i, "article": json.dumps(dataclasses.asdict(article), ensure_ascii=False), "problem": None}


def row_article(row: dict[str, Any]) -> Article:
    return Article(**json.loads(row["article"]))


def _plain(value: Any) -> Any:
    """A Parquet cell as the JSON value a record would hold: dates as ISO strings, NaN as null."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):  # pandas.Timestamp and friends
        return value.isoformat()
    return value


def _validated(record: Any, origin: str) -> dict[str, Any]:
    from sitrep.ingest import ReadProblem
    from sitrep.ingest.records import article_from_record

    try:
        item = article_from_record(record, origin)
    except Exception as e:  # a reader bug on one row must not lose the other rows
        return {"i": -1, "article": None, "problem": f"{origin}: could not be read ({type(e).__name__})"}
    if isinstance(item, ReadProblem):
        return {"i": -1, "article": None, "problem": str(item)}
    return article_row(-1, item)


def _origin(path: str | None, record: Any) -> str:
    rid = record.get("id") if isinstance(record, dict) else None
    return f"{path or 'dataset'}" + (f" (id {rid})" if isinstance(rid, str) and rid else "")


def _table(rows: list[dict[str, Any]]):
    import pyarrow as pa

    schema = pa.schema([("i", pa.int64()), ("article", pa.string()), ("problem", pa.string())])
    return pa.Table.from_pylist(rows, schema=schema)


def parquet_rows(batch) -> Any:
    """Ray map_batches stage: rows of a Parquet dataset (with `path`) -> article rows."""
    rows = []
    for rec in batch.to_pylist():
        path = rec.pop("path", None)
        rec = {k: _plain(v) for k, v in rec.items()}
        rows.append(_validated(rec, _origin(path, rec)))
    return _table(rows)


def jsonl_rows(batch) -> Any:
    """Ray map_batches stage: lines of a remote JSONL dataset (`text`, `path`) -> article rows."""
    rows = []
    for rec in batch.to_pylist():
        line, path = rec.get("text") or "", rec.get("path") or "dataset"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as e:
            rows.append({"i": -1, "article": None, "problem": f"{path}: a line is not JSON ({str(e)[:60]}), skipped"})
            continue
        rows.append(_validated(record, _origin(path, record)))
    return _table(rows)


def dataset_of(parquet: list[str], jsonl: list[str]):
    """One lazy Ray dataset of article rows over the Parquet and remote JSONL sources (None when there are none)."""
    import ray.data

    parts = []
    if parquet:
        parts.append(ray.data.read_parquet(parquet, include_paths=True)
                     .map_batches(parquet_rows, batch_format="pyarrow", batch_size=256))
    if jsonl:
        parts.append(ray.data.read_text(jsonl, include_paths=True)
                     .map_batches(jsonl_rows, batch_format="pyarrow", batch_size=256))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else parts[0].union(*parts[1:])
