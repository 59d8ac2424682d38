"""Generated hostile inputs for every reader kind, mixed with valid articles, from one seeded random generator.

Each input is one file (name, bytes). Some hold valid articles ("planted"): a file of its own, or records inside a
damaged JSONL / JSON / WARC file placed where a correct reader must still reach them (a good line among bad ones,
a good WARC record before the damage). The fuzz run checks that each planted article's events come out.
"""
from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass, field
from html import escape

from reliability_corpus import PoolArticle
from warc_builder import build_warc

SUFFIXES = [".txt", ".md", ".json", ".jsonl", ".html", ".htm", ".warc", ".warc.gz", ".rss", ".xml", ".atom", ".xyz"]
VALID_FORMATS = ["jsonl", "json", "txt", "md", "html", "warc"]
MAGIC = [b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"\x7fELF\x02\x01\x01", b"PK\x03\x04", b"\x1f\x8b\x08\x00",
         b"\xff\xd8\xff\xe0", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"WARC/1.0\r\n", b"<?xml version='1.0'?>"]
BAD_UTF8 = [b"\xff", b"\xfe", b"\xc3", b"\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x00",
            b"\xe2\x82", b"\xf0\x9f\x98", b"\r", b"\x1b[2J", b"\xef\xbf\xbe"]
ODD_JSON_LINES = ["[]", "42", '"just a string"', "null", "true", '{"text": 5}', '{"text": ""}', '{"text": "   "}',
                  '{"id": {"a": 1}, "text": "x y z"}', '{"text": "Kyiv shelled.", "published": "2024-13-45"}',
                  '{"text": "Kyiv.", "language": 7}', '{"text": "\\ud800 lone surrogate"}', '{"text": "a\\u0000b"}',
                  '{"text": "x", "text": 3}', "{'text': 'single quotes'}", '{"text": "trailing", }', "NaN",
                  '{"text": "big", "id": 1e400}', "\ufeff{\"text\": \"bom inside a line\"}", '{"text"', "}{",
                  '{"text": "Kharkiv was shelled on Monday.", "published": "9999-99-99T99:99"}', "\x00\x00",
                  '{"text": "Shelling in Sumy.", "language": "fr"}', '{"url": 12, "text": "x"}']
FEED_BITS = ['<?xml version="1.0"?>', "<rss>", "</rss>", "<channel>", "</channel>", "<item>", "</item>",
             "<title>T</title>", "<link>https://x.example/</link>", "<description>", "</description>",
             "&lt;p&gt;Russian shelling hit Kherson on Monday.&lt;/p&gt;", "<![CDATA[<b>x", "]]>",
             "<pubDate>garbage</pubDate>", '<feed xmlns="http://www.w3.org/2005/Atom">', "<entry>", "</entry>",
             "<summary>Kyiv</summary>", "</feed>", "&amp;", "&bad;", '<!DOCTYPE r [<!ENTITY e "ee">]>', "&e;",
             '<!DOCTYPE x [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;", "\x00", "<item><link>javascript:1"]
HTML_BITS = ["<html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<style>", "<title>",
             "</title>", "<meta charset='koi8-r'>", "&amp;", "&#0;", "&#xD800;", "<!--", "-->", "<![CDATA[", "]]>",
             "Russian forces shelled Kherson on Monday, killing two. ", "\x00", "\ufffd", "<table><tr><td>",
             "<meta property='article:published_time' content='2023-13-45'>", "<svg><foreignObject>", "<iframe>"]


@dataclass
class Planted:
    """A valid article inside an input: which pool article, in which format, and what identifies it."""

    pool: int
    fmt: str
    serial: int


@dataclass
class Input:
    name: str
    data: bytes
    kind: str
    planted: list[Planted] = field(default_factory=list)


def planted_url(fmt: str, serial: int) -> str:
    return f"https://valid.example/{fmt}/{serial}"


def planted_id(serial: int) -> str:
    return f"valid-{serial}"


def _record(a: PoolArticle, serial: int) -> dict:
    return {"id": planted_id(serial), "url": planted_url("rec", serial), "title": a.title, "text": a.text,
            "published": a.published}


def _page(a: PoolArticle, url: str) -> bytes:
    paras = "".join(f"<p>{escape(p)}</p>" for p in a.text.split("\n") if p.strip())
    meta = f"<meta property='article:published_time' content='{a.published}'>" if a.published else ""
    return (f"<html><head><title>{escape(a.title or 'Report')}</title><link rel='canonical' href='{url}'>{meta}"
            f"</head><body><nav>Home | World</nav><article>{paras}</article></body></html>").encode("utf-8")


def _warc_record(a: PoolArticle, serial: int) -> tuple:
    url = planted_url("warc", serial)
    return ("response", url, "text/html; charset=utf-8", _page(a, url), f"{a.published or '2024-03-14'}T08:00:00Z")


def render_valid(a: PoolArticle, fmt: str, serial: int) -> tuple[bytes, str]:
    """A valid article as a file of the given format: its bytes and its suffix."""
    if fmt == "jsonl":
        return (json.dumps(_record(a, serial)) + "\n").encode(), ".jsonl"
    if fmt == "json":
        return json.dumps([_record(a, serial)]).encode(), ".json"
    if fmt in ("txt", "md"):
        return a.text.encode("utf-8"), "." + fmt
    if fmt == "html":
        return _page(a, planted_url("html", serial)), ".html"
    return build_warc([("warcinfo",), _warc_record(a, serial)], gzip=serial % 2 == 0), ".warc.gz" if serial % 2 == 0 else ".warc"


class HostileInputs:
    """An endless, reproducible stream of inputs; `next()` gives one."""

    KINDS = {"valid": 15, "binary": 10, "truncated_html": 10, "invalid_utf8": 10, "huge_line": 2, "odd_jsonl": 15,
             "garbage_warc": 13, "odd_json": 7, "feed": 6, "hostile_html": 6, "odd_text": 6}

    def __init__(self, seed: int, pool: list[PoolArticle]) -> None:
        self.rng = random.Random(seed)
        self.pool = pool
        self.serial = 0
        self.kinds, self.weights = zip(*self.KINDS.items())

    def _plant(self, fmt: str) -> tuple[PoolArticle, Planted]:
        self.serial += 1
        i = self.rng.randrange(len(self.pool))
        return self.pool[i], Planted(i, fmt, self.serial)

    def next(self) -> Input:
        kind = self.rng.choices(self.kinds, self.weights)[0]
        data, suffix, planted = getattr(self, "_" + kind)()
        self.serial += 1
        return Input(f"in{self.serial:06d}-{kind}{suffix}", data, kind, planted)

    # -- the kinds ---------------------------------------------------------------------------------------------
    def _valid(self):
        fmt = self.rng.choice(VALID_FORMATS)
        a, p = self._plant(fmt)
        data, suffix = render_valid(a, fmt, p.serial)
        return data, suffix, [p]

    def _binary(self):
        r = self.rng
        data = r.choice(MAGIC + [b""]) + r.randbytes(r.choice([0, 1, 7, 100, 2000, 30000]))
        if r.random() < 0.2:
            data = gzip.compress(data)
        return data, r.choice(SUFFIXES), []

    def _truncated_html(self):
        r = self.rng
        page = _page(r.choice(self.pool), "https://cut.example/x")
        cut = page[: r.randrange(1, len(page))]
        if r.random() < 0.3:
            cut = cut.replace(b"</p>", b"").replace(b"</article>", b"")
        return cut, r.choice([".html", ".htm"]), []

    def _corrupt(self, data: bytes, times: int) -> bytes:
        b = bytearray(data)
        for _ in range(times):
            at = self.rng.randrange(len(b) + 1)
            b[at:at] = self.rng.choice(BAD_UTF8)
        return bytes(b)

    def _invalid_utf8(self):
        r = self.rng
        a = r.choice(self.pool)
        fmt = r.choice([".txt", ".md", ".jsonl", ".html", ".json"])
        base = {".jsonl": (json.dumps({"text": a.text}, ensure_ascii=False) + "\n").encode(),
                ".json": json.dumps([{"text": a.text}], ensure_ascii=False).encode(),
                ".html": _page(a, "https://bad.example/u")}.get(fmt, a.text.encode("utf-8"))
        if r.random() < 0.15:
            base = a.text.encode(r.choice(["utf-16-le", "utf-16", "cp1251", "latin-1"]), "replace")
        return self._corrupt(base, r.choice([1, 3, 20])), fmt, []

    def _huge_line(self):
        r = self.rng
        size = r.choice([200_000, 1_000_000, 3_000_000])
        unit = r.choice([b"a", b"shelled Kharkiv ", b"\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2 ", b"<p>", b"9"])
        line = (unit * (size // len(unit) + 1))[:size]
        suffix = r.choice([".txt", ".md", ".jsonl", ".html"])
        if suffix == ".jsonl":
            a, p = self._plant("jsonl")
            good = json.dumps(_record(a, p.serial)).encode()
            return b'{"text": "' + line.replace(b'"', b"") + b'"}\n' + good + b"\n", suffix, [p]
        return line, suffix, []

    def _odd_jsonl(self):
        r = self.rng
        lines, planted = [], []
        for _ in range(r.randint(1, 12)):
            if r.random() < 0.3:
                a, p = self._plant("jsonl")
                lines.append(json.dumps(_record(a, p.serial), ensure_ascii=r.random() < 0.5))
                planted.append(p)
            elif r.random() < 0.1:
                lines.append("[" * r.choice([100, 5000, 100_000]) + "]" * r.choice([0, 100]))
            elif r.random() < 0.1:
                lines.append(r.randbytes(r.randint(1, 80)).replace(b"\n", b" ").decode("latin-1"))
            else:
                lines.append(r.choice(ODD_JSON_LINES))
        sep = r.choice(["\n", "\r\n", "\n\n", "\n \t\n"])
        head = "\ufeff" if r.random() < 0.2 else ""
        data = (head + sep.join(lines) + (sep if r.random() < 0.7 else "")).encode("utf-8", "surrogatepass")
        return data, ".jsonl", planted

    def _garbage_warc(self):
        r = self.rng
        gz = r.random() < 0.5
        records: list[tuple] = [("warcinfo",)] if r.random() < 0.5 else []
        planted = []
        if r.random() < 0.6:
            a, p = self._plant("warc")
            records.append(_warc_record(a, p.serial))
            planted.append(p)
        n_good = len(records)
        odd = r.choice(["nested", "status", "ctype", "request", "binary"])
        payload = {"nested": build_warc([("response", "https://in.example/", "text/html", b"<p>inner</p>",
                                          "2024-01-01T00:00:00Z")], gzip=r.random() < 0.5),
                   "binary": r.randbytes(500)}.get(odd, b"<p>Russian shelling hit Sumy.</p>")
        ctype = {"nested": r.choice(["text/html", "application/warc"]), "ctype": "image/png"}.get(odd, "text/html")
        records.append(("response", "https://odd.example/x", ctype, payload, r.choice(["2024-01-01T00:00:00Z", "never"]),
                        r.choice(["200 OK", "999 Strange", "abc", "404 Not Found"]) if odd == "status" else "200 OK"))
        if odd == "request":
            records.append(("request", "https://odd.example/r"))
        try:
            data = build_warc(records, gzip=gz)
        except Exception:  # warcio refuses some odd headers outright: then the archive is just the good part
            data = build_warc(records[:-1] or [("warcinfo",)], gzip=gz)
        damage = r.choice(["truncate", "append", "length", "flip", "none"])
        good_end = len(build_warc(records[:n_good], gzip=gz)) if planted else 0  # damage only after the good part
        if damage == "truncate":
            data = data[: r.randrange(good_end, len(data))] if len(data) > good_end else data
        elif damage == "append":
            data += r.choice([r.randbytes(300), b"WARC/1.0\r\nContent-Length: 99999999\r\n\r\nxx", gzip.compress(b"junk")])
        elif damage == "length" and not gz:
            data = data[:good_end] + data[good_end:].replace(b"Content-Length: ", b"Content-Length: 9", 1)
        elif damage == "flip" and len(data) > good_end + 10:
            at = r.randrange(good_end + 5, len(data))
            data = data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]
        return data, ".warc.gz" if gz else ".warc", planted

    def _odd_json(self):
        r = self.rng
        choice = r.choice(["deep", "dict", "mixed", "truncated", "empty"])
        if choice == "deep":
            n = r.choice([50, 1000, 200_000])
            return ("[" * n + "]" * n).encode(), ".json", []
        if choice == "dict":
            return json.dumps({"text": r.choice(self.pool).text, "extra": [1, {"a": None}]}).encode(), ".json", []
        if choice == "empty":
            return r.choice([b"[]", b"{}", b"", b"null", b"[[]]"]), ".json", []
        items, planted = [], []
        for _ in range(r.randint(1, 6)):
            if r.random() < 0.5:
                a, p = self._plant("json")
                items.append(_record(a, p.serial))
                planted.append(p)
            else:
                items.append(json.loads(r.choice(ODD_JSON_LINES[:12])))
        data = json.dumps(items).encode()
        if choice == "truncated":
            return data[: r.randrange(1, len(data))], ".json", []
        return data, ".json", planted

    def _feed(self):
        r = self.rng
        doc = "".join(r.choice(FEED_BITS) for _ in range(r.randint(1, 40)))
        return doc.encode("utf-8", "replace"), r.choice([".rss", ".xml", ".atom"]), []

    def _hostile_html(self):
        r = self.rng
        choice = r.choice(["deep", "wide", "bits", "script"])
        if choice == "deep":
            n = r.choice([240, 260, 3000])
            return (b"<html><body>" + b"<div>" * n + b"Shelling hit Kharkiv on Monday." + b"</div>" * n), ".html", []
        if choice == "wide":
            return b"<html><body>" + b"<span>x</span>" * r.choice([1000, 39_000, 45_000]) + b"</body></html>", ".html", []
        if choice == "script":
            return b"<html><script>" + b"var a = 1;" * 500 + b"</script></html>", ".html", []
        html = "".join(r.choice(HTML_BITS) for _ in range(r.randint(1, 60)))
        return html.encode("utf-8", "surrogatepass"), r.choice([".html", ".htm"]), []

    def _odd_text(self):
        r = self.rng
        text = r.choice(["", " \n\t ", "\u202eRTL override\u202c shelling in Kyiv", "\u200b" * 5000,
                         "x" * 100_000, "Shelling. " * 20_000, "\x01\x02\x03\x04", "Kyiv\n" * 10_000,
                         "\ud800\udfff", r.choice(self.pool).text[: r.randint(0, 200)]])
        return text.encode("utf-8", "surrogatepass"), r.choice([".txt", ".md", ".TXT"]), []
