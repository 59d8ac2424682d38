"""`read_inputs`: files, folders and "-" (JSONL on stdin) to a stream of Article | ReadProblem.

The one entry point for the CLI, the store, the API and the geoparser. It never raises for bad input and never
reads an input whole without a cap (see limits.py): JSONL is streamed line by line, other files are read up to
their cap. Formats are chosen by extension (case-insensitive); a file of another extension is named and skipped.
Article ids never depend on the path: a record's own `id`, else derived from the url or the text (model.py).
"""
from __future__ import annotations

import io
import json
import os
import sys
from typing import Any, BinaryIO, Callable, Iterable, Iterator

from sitrep.ingest import ReadProblem
from sitrep.ingest.decode import DecodeError, decode_bytes
from sitrep.ingest.feedfile import read_feed_file
from sitrep.ingest.files import FileProblem, display_path, iter_files, open_regular, read_nonempty
from sitrep.ingest.html import article_from_html
from sitrep.ingest.limits import MAX_HTML_BYTES, MAX_JSON_FILE_BYTES, MAX_JSONL_LINE_BYTES, MAX_TEXT_FILE_BYTES
from sitrep.ingest.records import article_from_record, make_article
from sitrep.ingest.warc import read_warc
from sitrep.model import Article

Item = Article | ReadProblem
STDIN_NAME = "<stdin>"

__all__ = ["FORMATS", "article_from_html", "read_inputs", "read_records", "read_jsonl_stream"]


def read_records(records: Any, origin: str) -> Iterator[Item]:
    """Articles of already-decoded records (POST /api/articles: one record or a list), validated like files."""
    if isinstance(records, dict):
        yield _safe_record(records, origin)
        return
    if not isinstance(records, list):
        yield ReadProblem(origin, "expected a record (object) or a list of records")
        return
    if not records:
        yield ReadProblem(origin, "no records (empty list)")
    for i, rec in enumerate(records):
        yield _safe_record(rec, f"{origin}[{i}]")


def _safe_record(rec: Any, origin: str) -> Item:
    try:
        return article_from_record(rec, origin)
    except Exception as e:  # a bug must not lose the other records
        return ReadProblem(origin, f"could not be read ({type(e).__name__})")


def _json_error(e: Exception) -> str:
    if isinstance(e, json.JSONDecodeError):
        return f"not JSON ({e.msg} at column {e.colno})"
    if isinstance(e, RecursionError):
        return "not readable JSON (nested too deeply)"
    return f"not readable JSON ({str(e)[:80]})"


def read_jsonl_stream(f: BinaryIO, display: str) -> Iterator[Item]:
    """One Article or ReadProblem per non-blank line, named "<display>:<line>"; memory bounded by the line cap."""
    lineno = 0
    seen = False
    while True:
        try:
            line = f.readline(MAX_JSONL_LINE_BYTES + 1)
        except OSError as e:
            yield ReadProblem(f"{display}:{lineno + 1}", f"read error ({e.strerror or e}); rest of input skipped")
            return
        if not line:
            break
        if isinstance(line, str):  # a text stream was passed as stdin
            line = line.encode("utf-8", "surrogatepass")
        lineno += 1
        origin = f"{display}:{lineno}"
        if len(line) > MAX_JSONL_LINE_BYTES and not line.endswith(b"\n"):
            while True:  # drop the rest of the over-long line without holding it
                rest = f.readline(1 << 20)
                if not rest or (rest.endswith(b"\n") if isinstance(rest, bytes) else rest.endswith("\n")):
                    break
            seen = True
            yield ReadProblem(origin, f"line is over the {MAX_JSONL_LINE_BYTES // 2**20} MB cap, skipped")
            continue
        if not line.strip():
            continue
        seen = True
        try:
            obj = json.loads(decode_bytes(line.rstrip(b"\r\n"), "line"))
        except DecodeError as e:
            yield ReadProblem(origin, str(e))
            continue
        except (ValueError, RecursionError) as e:
            yield ReadProblem(origin, _json_error(e) + "; line skipped")
            continue
        yield _safe_record(obj, origin)
    if not seen:
        yield ReadProblem(display, "empty input, skipped" if display == STDIN_NAME else "empty file, skipped")


def read_jsonl_file(path: str, display: str) -> Iterator[Item]:
    try:
        f = open_regular(path)
    except FileProblem as e:
        yield ReadProblem(display, str(e))
        return
    with f:
        yield from read_jsonl_stream(f, display)


def read_json_file(path: str, display: str) -> Iterator[Item]:
    try:
        data = read_nonempty(path, MAX_JSON_FILE_BYTES, "JSON file")
        text = decode_bytes(data)
    except (FileProblem, DecodeError) as e:
        yield ReadProblem(display, str(e))
        return
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        if e.msg == "Extra data":  # several records one after another: read it as JSONL
            yield from read_jsonl_stream(io.BytesIO(data), display)
            return
        yield ReadProblem(display, f"{_json_error(e)} at line {e.lineno}; skipped")
        return
    except (ValueError, RecursionError) as e:
        yield ReadProblem(display, _json_error(e) + "; skipped")
        return
    if isinstance(obj, dict) or isinstance(obj, list):
        yield from read_records(obj, display)
    else:
        yield ReadProblem(display, "JSON is neither a record (object) nor a list of records; skipped")


def read_text_file(path: str, display: str) -> Iterator[Item]:
    """The whole file is the text; its first line with a letter or digit doubles as the title ('#' removed in .md)."""
    try:
        data = read_nonempty(path, MAX_TEXT_FILE_BYTES, "text file")
        text = decode_bytes(data)
    except (FileProblem, DecodeError) as e:
        yield ReadProblem(display, str(e))
        return
    first = next((ln for ln in text.splitlines() if any(c.isalnum() for c in ln)), "")  # skips "---" rules
    title = first.strip().lstrip("#").strip() if display.lower().endswith((".md", ".markdown")) else first
    yield make_article(text, display, title=title)


def read_html_file(path: str, display: str) -> Iterator[Item]:
    try:
        data = read_nonempty(path, MAX_HTML_BYTES, "HTML file")
    except FileProblem as e:
        yield ReadProblem(display, str(e))
        return
    yield article_from_html(data, url=None, origin=display)


Reader = Callable[[str, str], Iterable[Item]]
FORMATS: dict[str, Reader] = {
    ".warc.gz": read_warc, ".warc": read_warc,
    ".jsonl": read_jsonl_file, ".ndjson": read_jsonl_file, ".json": read_json_file,
    ".txt": read_text_file, ".md": read_text_file, ".markdown": read_text_file,
    ".html": read_html_file, ".htm": read_html_file, ".xhtml": read_html_file,
    ".rss": read_feed_file, ".atom": read_feed_file, ".xml": read_feed_file,
}


def reader_for(name: str) -> Reader | None:
    """The reader for a file name, by its (case-insensitive) extension."""
    low = display_path(name).lower()
    for ext, reader in FORMATS.items():
        if low.endswith(ext):
            return reader
    return None


def _binary_stdin(stdin: Any) -> BinaryIO | None:
    if stdin is None:
        stdin = sys.stdin
        if stdin is None:
            return None
    if hasattr(stdin, "buffer"):
        return stdin.buffer
    return stdin


def read_inputs(paths: list[str], stdin: Any = None) -> Iterator[Item]:
    """Every article of `paths` (files, folders recursively in sorted order, "-" = JSONL on stdin), in order.

    Each input that cannot be read is one ReadProblem (file, or file:line for JSONL), and reading goes on.
    """
    for path in paths:
        if not isinstance(path, str):
            try:
                path = os.fsdecode(path)  # pathlib.Path or bytes from other callers
            except TypeError:
                yield ReadProblem(repr(path)[:80], "not a path, skipped")
                continue
        if path == "-":
            stream = _binary_stdin(stdin)
            if stream is None:
                yield ReadProblem(STDIN_NAME, "no standard input")
                continue
            yield from _guarded(lambda: read_jsonl_stream(stream, STDIN_NAME), STDIN_NAME)
            continue
        for entry in iter_files(path):
            if isinstance(entry, tuple):
                yield ReadProblem(*entry)
                continue
            display = display_path(entry)
            reader = reader_for(entry)
            if reader is None:
                known = ", ".join(FORMATS)
                yield ReadProblem(display, f"unknown format (known: {known}), skipped")
                continue
            yield from _guarded(lambda: reader(entry, display), display)


def _guarded(make: Callable[[], Iterable[Item]], display: str) -> Iterator[Item]:
    """Run a reader; a bug in it ends that input with one ReadProblem instead of ending the whole run."""
    try:
        yield from make()
    except MemoryError:
        yield ReadProblem(display, "out of memory while reading, skipped")
    except Exception as e:
        yield ReadProblem(display, f"could not be read ({type(e).__name__}: {' '.join(str(e).split())[:80]}), skipped")
