"""One HTML page to an Article: main text by trafilatura, title, date and site name from the page's metadata.

Used for .html/.htm files, WARC responses and (by the feed watcher) fetched pages. Bounds, checked before any
parsing: pages over MAX_HTML_BYTES, with more than MAX_HTML_ELEMENTS elements (trafilatura's time grows faster
than linearly: 100k elements take 10-25 s) or nested deeper than MAX_HTML_DEPTH (libxml2 silently drops what
lies below depth 256) are refused with the reason.
Decoding: a byte-order mark, else the charset a <meta> tag declares in the first 4 kB, else the UTF-8 policy of
decode.py. `published` comes only from the page's metadata (meta tags, JSON-LD, <time>), never from a guess
over the body text by htmldate (`extensive_search` off): a date guessed from text is marked "inferred" by our own
rules instead.
"""
from __future__ import annotations

import codecs
import logging
import re
from datetime import date
from functools import lru_cache

from sitrep.ingest import ReadProblem
from sitrep.ingest.decode import DecodeError, bom_encoding, clean_text, decode_bytes
from sitrep.ingest.limits import MAX_HTML_BYTES, MAX_HTML_DEPTH, MAX_HTML_ELEMENTS
from sitrep.ingest.records import make_article, normalize_published
from sitrep.model import Article

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,30})[^<>]{0,2000}?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split()) | {"!doctype"}

# trafilatura and htmldate log every odd page at WARNING; the reader reports problems itself, one line per input.
for _name in ("trafilatura", "htmldate", "justext"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def decode_html(data: bytes) -> str:
    """Decode page bytes: BOM, else a declared <meta> charset, else the UTF-8 policy (raises DecodeError)."""
    if bom_encoding(data):
        return decode_bytes(data, "HTML")
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            enc = codecs.lookup(m.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            enc = None
        if enc and enc not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"):
            if b"\x00" in data[:65536]:
                raise DecodeError("binary HTML (not text), skipped")
            return clean_text(data.decode(enc, errors="replace"))
    return decode_bytes(data, "HTML")


def html_shape(html: str, max_depth: int = MAX_HTML_DEPTH, max_elements: int = MAX_HTML_ELEMENTS) -> str | None:
    """Why the page is too big to parse (too deep, too many elements), or None; stops at the first excess.

    A cheap regex pass over the tags, so hostile pages are refused before lxml and trafilatura (whose cost grows
    faster than linearly with the element count) ever see them.
    """
    depth = elements = 0
    for m in _TAG.finditer(html):
        if m.group(1):
            depth = max(depth - 1, 0)
            continue
        elements += 1
        if elements > max_elements:
            return f"HTML has more than {max_elements:,} elements, skipped"
        if not m.group(3) and m.group(2).lower() not in _VOID:
            depth += 1
            if depth > max_depth:
                return f"HTML nested deeper than {max_depth} elements, skipped"
    return None


@lru_cache(maxsize=1)
def _config():
    """trafilatura settings with the same element cap as ours (its config object, built once)."""
    from trafilatura.settings import use_config

    cfg = use_config()
    cfg.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_HTML_ELEMENTS))
    return cfg


def html_fragment_text(fragment: str) -> str:
    """All text of an HTML fragment (a feed item's description), paragraphs on their own lines; "" on failure."""
    if not fragment.strip() or len(fragment) > MAX_HTML_BYTES:
        return ""
    if "<" not in fragment:
        return clean_text(fragment)
    if html_shape(fragment):
        return ""
    try:
        from trafilatura.baseline import baseline

        return clean_text(baseline(f"<html><body>{fragment}</body></html>")[1] or "")
    except Exception:  # broken markup: no text rather than an exception
        return ""


def _extract(html: str, url: str | None):
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "max_date": date.today().isoformat()},
        config=_config(),
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():  # short pages and fragments fall under trafilatura's size thresholds: take all text
        from trafilatura.baseline import baseline

        low = html[:65536].lower()
        page = html if ("<body" in low or "<html" in low) else f"<html><body>{html}</body></html>"
        text = baseline(page)[1] or ""
    return doc, text


def article_from_html(html: str | bytes, url: str | None = None, origin: str = "",
                      *, fallback_published: str | None = None) -> Article | ReadProblem:
    """Main text and metadata of one page, or a ReadProblem; never raises for bad input.

    `fallback_published` (a WARC capture date) is used, as basis "page", when the page's metadata has no date.
    """
    origin = origin or url or "<html>"
    try:
        if isinstance(html, (bytes, bytearray, memoryview)):
            data = bytes(html)
            if len(data) > MAX_HTML_BYTES:
                return ReadProblem(origin, f"HTML is over the {MAX_HTML_BYTES // 2**20} MB cap, skipped")
            if not data.strip():
                return ReadProblem(origin, "empty file, skipped")
            text_html = decode_html(data)
        elif isinstance(html, str):
            if len(html) > MAX_HTML_BYTES:
                return ReadProblem(origin, f"HTML is over the {MAX_HTML_BYTES // 2**20} MB cap, skipped")
            text_html = clean_text(html)
        else:
            return ReadProblem(origin, f"HTML must be text or bytes, not {type(html).__name__}")
    except DecodeError as e:
        return ReadProblem(origin, str(e))
    if not text_html.strip():
        return ReadProblem(origin, "empty file, skipped")
    too_big = html_shape(text_html)
    if too_big:
        return ReadProblem(origin, too_big)
    try:
        doc, text = _extract(text_html, url)
    except RecursionError:
        return ReadProblem(origin, "HTML too deeply nested to parse, skipped")
    except Exception as e:  # trafilatura/lxml raise many types on broken markup; none may escape
        return ReadProblem(origin, f"broken HTML, no text extracted ({type(e).__name__}), skipped")
    if not text.strip():
        return ReadProblem(origin, "no text found in the HTML, skipped")
    published = normalize_published(str(getattr(doc, "date", None) or "")) if doc is not None else None
    if not published and fallback_published:
        published = normalize_published(fallback_published)
    return make_article(
        text, origin,
        url=url or (getattr(doc, "url", None) if doc is not None else None),
        title=getattr(doc, "title", None) if doc is not None else None,
        published=published,
        published_basis="page" if published else None,
        source=getattr(doc, "sitename", None) if doc is not None else None,
    )
