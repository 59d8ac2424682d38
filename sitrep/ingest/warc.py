"""Web archives (.warc, .warc.gz): every HTML response record becomes an Article with its URL and capture date.

Other records (warcinfo, request, metadata, revisit, non-HTML or non-2xx responses) are skipped and counted, and
reported as one summary line (a ReadProblem with `notice=True`: nothing the archive was expected to yield as an
article was lost).

Compression bombs: gzip is inflated here, not by warcio, through `BoundedInflate`, which stops the archive once
it has produced MAX_WARC_INFLATED_BYTES, or more than MAX_WARC_INFLATE_RATIO times the compressed bytes read
(after WARC_RATIO_CHECK_AFTER bytes; real HTML archives inflate 4-10x). Each payload is read up to
MAX_HTML_BYTES + 1 bytes only (this also bounds HTTP Content-Encoding inflation, which warcio does lazily), and
warcio's unbounded line reads are capped by `LineGuard` (MAX_WARC_LINE_BYTES, MAX_WARC_LINES_PER_RECORD).
"""
from __future__ import annotations

import io
import logging
import zlib
from collections import Counter
from typing import BinaryIO, Iterator

from sitrep.ingest import ReadProblem
from sitrep.ingest.files import FileProblem, open_regular
from sitrep.ingest.html import article_from_html
from sitrep.ingest.limits import (MAX_HTML_BYTES, MAX_WARC_INFLATE_RATIO, MAX_WARC_INFLATED_BYTES,
                                  MAX_WARC_LINE_BYTES, MAX_WARC_LINES_PER_RECORD, WARC_RATIO_CHECK_AFTER)
from sitrep.model import Article

HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_MAGIC = (b"WARC/", b"filedesc://")

# warcio logs every odd header at WARNING; problems are reported by the reader, one line per input.
logging.getLogger("warcio").setLevel(logging.ERROR)
_CHUNK = 1 << 16


class InflateBomb(Exception):
    """The gzip stream inflates past the caps."""


class WarcLimit(Exception):
    """A WARC header line or a record's line count is past the caps."""


class LineGuard:
    """Bounds warcio's line reads: its readline() has no limit, so one endless line would fill memory."""

    def __init__(self, reader) -> None:
        self.lines = 0
        self.bytes = 0
        self.tripped: str | None = None  # warcio may swallow the exception; the reason is kept here
        unbounded = reader.readline

        def readline(length=None):
            cap = MAX_WARC_LINE_BYTES + 1 if not length or length < 0 else min(length, MAX_WARC_LINE_BYTES + 1)
            line = unbounded(cap)
            self.bytes += len(line)
            if self.bytes > MAX_WARC_LINE_BYTES:
                self.tripped = f"a record's header lines are over {MAX_WARC_LINE_BYTES // 2**20} MB"
            self.lines += 1
            if self.lines > MAX_WARC_LINES_PER_RECORD:
                self.tripped = f"a record has over {MAX_WARC_LINES_PER_RECORD:,} header lines"
            if self.tripped:
                raise WarcLimit(self.tripped)
            return line

        reader.readline = readline


class BoundedInflate(io.RawIOBase):
    """A readable stream of the inflated bytes of a (multi-member) gzip file, with an output budget."""

    def __init__(self, raw: BinaryIO, max_out: int = MAX_WARC_INFLATED_BYTES,
                 max_ratio: int = MAX_WARC_INFLATE_RATIO, check_after: int = WARC_RATIO_CHECK_AFTER) -> None:
        self._raw, self._max_out, self._max_ratio, self._check_after = raw, max_out, max_ratio, check_after
        self._d = zlib.decompressobj(31)
        self._fresh = True  # no byte of the current member consumed yet
        self._pending = b""
        self._buf = b""
        self._eof = False
        self.bytes_in = 0
        self.bytes_out = 0
        self.truncated = False
        self.damaged = False

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        while not self._buf and not self._eof:
            data, self._pending = self._pending, b""
            if not data:
                data = self._raw.read(_CHUNK)
                self.bytes_in += len(data)
                if not data:
                    # a member cut off: end the stream here, keeping what the earlier members gave (raising
                    # would also throw away the bytes a buffered reader already took of them)
                    self.truncated = not self._fresh
                    self._eof = True
                    return
            if self._fresh and not data.strip(b"\x00\r\n\t "):
                continue  # padding between or after members
            try:
                out = self._d.decompress(data, _CHUNK)
            except zlib.error:
                self.truncated = self.damaged = True     # corrupt data: the same, from here on
                self._eof = True
                return
            self._fresh = False
            if self._d.eof:
                self._pending = self._d.unused_data
                self._d = zlib.decompressobj(31)
                self._fresh = True
            else:
                self._pending = self._d.unconsumed_tail
            self.bytes_out += len(out)
            if self.bytes_out > self._max_out:
                raise InflateBomb(f"inflates past {self._max_out // 2**20} MB")
            if self.bytes_out > self._check_after and self.bytes_out > self._max_ratio * max(self.bytes_in, 1):
                raise InflateBomb(f"inflates more than {self._max_ratio}:1 (a compression bomb?)")
            self._buf = out

    def readinto(self, b) -> int:
        self._fill()
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


def _describe(skipped: Counter) -> str:
    parts = ", ".join(f"{n} {kind}" for kind, n in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
    return parts


def read_warc(path: str, display: str) -> Iterator[Article | ReadProblem]:
    """Articles of one WARC file, then the summary of skipped records; an unreadable archive is one problem."""
    try:
        raw = open_regular(path)
    except FileProblem as e:
        yield ReadProblem(display, str(e))
        return
    with raw:
        head = raw.read(2)
        raw.seek(0)
        if not head:
            yield ReadProblem(display, "empty file, skipped")
            return
        inflate = BoundedInflate(raw) if head == b"\x1f\x8b" else None
        stream: BinaryIO = io.BufferedReader(inflate) if inflate else io.BufferedReader(raw)
        try:
            start = stream.peek(64)[:64].lstrip(b"\r\n")
        except (EOFError, zlib.error, OSError) as e:
            yield ReadProblem(display, f"not a valid {'gzip' if inflate else 'WARC'} file ({e}), skipped")
            return
        if inflate is not None and inflate.damaged and not start:
            yield ReadProblem(display, "not a valid gzip file (corrupt data before the first record), skipped")
            return
        if not start.startswith(WARC_MAGIC):
            what = "gzip file does not hold a WARC" if inflate else "not a WARC file"
            yield ReadProblem(display, f"{what} (no 'WARC/' header), skipped")
            return
        yield from _records(stream, display, inflate)


def _records(stream: BinaryIO, display: str, inflate: BoundedInflate | None) -> Iterator[Article | ReadProblem]:
    from warcio.archiveiterator import ArchiveIterator

    skipped: Counter = Counter()
    n_read = n_records = 0
    guard: LineGuard | None = None
    try:
        archive = ArchiveIterator(stream, arc2warc=True)
        guard = LineGuard(archive.reader)
        for record in archive:
            guard.lines = guard.bytes = 0
            n_records += 1
            kind = record.rec_type or "unknown"
            if kind != "response":
                skipped[kind] += 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or None
            if record.http_headers is None:
                skipped["non-HTTP response"] += 1
                continue
            status = record.http_headers.get_statuscode() or ""
            if not status.startswith("2"):
                skipped[f"HTTP {status[:3] or '?'} response"] += 1
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
            if ctype not in HTML_TYPES:
                skipped[f"{ctype or 'untyped'} response"] += 1
                continue
            origin = f"{display} record {n_records} ({uri})" if uri else f"{display} record {n_records}"
            payload = record.content_stream().read(MAX_HTML_BYTES + 1)
            if inflate is not None and inflate.truncated and getattr(record.raw_stream, "limit", 0) > 0:
                skipped["cut-off response"] += 1     # the record the damage cut short is not an article
                continue
            item = article_from_html(payload, url=uri, origin=origin,
                                     fallback_published=record.rec_headers.get_header("WARC-Date"))
            if isinstance(item, Article):
                n_read += 1
            yield item
    except InflateBomb as e:
        yield ReadProblem(display, f"gzip {e}; stopped after record {n_records}")
        return
    except WarcLimit as e:
        yield ReadProblem(display, f"{e} (record {n_records + 1}); rest of the archive skipped")
        return
    except Exception as e:  # warcio, zlib and EOF errors on damaged or non-WARC input
        if guard is not None and guard.tripped:
            yield ReadProblem(display, f"{guard.tripped} (record {n_records + 1}); rest of the archive skipped")
            return
        where = f"at record {n_records + 1}" if n_records else "(no record could be read)"
        msg = str(e).splitlines()[0][:120] if str(e) else type(e).__name__
        yield ReadProblem(display, f"not a valid WARC {where}: {msg}")
        return
    if inflate is not None and inflate.truncated:
        where = f"after record {n_records}; the rest is lost" if n_records else "before the first record, skipped"
        yield ReadProblem(display, f"gzip stream is truncated {where}")
    elif n_records == 0:
        yield ReadProblem(display, "no WARC records, skipped")
    elif skipped:
        yield ReadProblem(display, f"read {n_read} HTML responses; skipped {sum(skipped.values())} other records "
                                   f"({_describe(skipped)})", notice=True)
