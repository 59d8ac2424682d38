"""Small real WARC files made with warcio's own writer, for the reader tests and benchmarks/reliability.py."""
from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def build_warc(records: list[tuple], gzip: bool) -> bytes:
    """records: ("response", url, content_type, payload, warc_date[, status]) / ("request", url) / ("warcinfo",)."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gzip)
    for rec in records:
        kind = rec[0]
        if kind == "warcinfo":
            w.write_record(w.create_warcinfo_record("test.warc", {"software": "sitrep-tests"}))
        elif kind == "request":
            hh = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            w.write_record(w.create_warc_record(rec[1], "request", payload=io.BytesIO(b""), http_headers=hh))
        else:
            _, url, ctype, payload, warc_date, *status = rec
            hh = StatusAndHeaders(status[0] if status else "200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=hh,
                                                warc_headers_dict={"WARC-Date": warc_date}))
    return buf.getvalue()
