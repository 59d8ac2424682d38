"""RSS and Atom feed *files* (.rss, .atom, .xml) read offline: each item that carries its text becomes an Article.

The live watcher (watch.py) fetches each item's page; a saved feed file is read as is, so only the text inside
the feed counts (content:encoded, Atom content, else description/summary), as HTML reduced to text. Items with no
text are counted and named in one line (they need `sitrep watch` to fetch their pages). XML is parsed by defusedxml
with DTD entities and external references forbidden (no billion-laughs, no XXE), after a size cap.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Iterator

from sitrep.ingest import ReadProblem
from sitrep.ingest.files import FileProblem, read_nonempty
from sitrep.ingest.html import html_fragment_text
from sitrep.ingest.limits import MAX_HTML_BYTES
from sitrep.ingest.records import make_article, normalize_published
from sitrep.model import Article

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"


def _text(el: ET.Element | None) -> str | None:
    if el is None:
        return None
    value = "".join(el.itertext()).strip()
    return value or None


def _first(el: ET.Element, *tags: str) -> str | None:
    for tag in tags:
        value = _text(el.find(tag))
        if value:
            return value
    return None


def _atom_href(entry: ET.Element) -> str | None:
    for link in entry.findall(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return None


def _items(root: ET.Element) -> tuple[str | None, list[dict]]:
    """(feed title, items as dicts of url/title/date/body) for RSS 2.0, RSS 1.0 (RDF) and Atom."""
    name = root.tag.rsplit("}", 1)[-1]
    items: list[dict] = []
    if root.tag == f"{ATOM}feed":
        for e in root.iter(f"{ATOM}entry"):
            items.append({"url": _atom_href(e), "title": _first(e, f"{ATOM}title"),
                          "date": _first(e, f"{ATOM}published", f"{ATOM}updated"),
                          "body": _first(e, f"{ATOM}content", f"{ATOM}summary")})
        return _first(root, f"{ATOM}title"), items
    if name == "rss":
        channel = root.find("channel")
        if channel is None:
            raise ValueError("RSS document without <channel>")
        for it in channel.iter("item"):
            items.append({"url": _first(it, "link"), "title": _first(it, "title"),
                          "date": _first(it, "pubDate", f"{DC}date"),
                          "body": _first(it, f"{CONTENT}encoded", "description")})
        return _first(channel, "title"), items
    if name == "RDF":
        for it in root.iter(f"{RSS1}item"):
            items.append({"url": _first(it, f"{RSS1}link"), "title": _first(it, f"{RSS1}title"),
                          "date": _first(it, f"{DC}date"),
                          "body": _first(it, f"{CONTENT}encoded", f"{RSS1}description")})
        return _first(root, f"{RSS1}channel/{RSS1}title"), items
    raise ValueError(f"not an RSS or Atom feed (root element <{name[:40]}>)")


def read_feed_file(path: str, display: str) -> Iterator[Article | ReadProblem]:
    """Articles of the items of a saved feed that carry their text; one problem for an unreadable feed."""
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        data = read_nonempty(path, MAX_HTML_BYTES, "feed file")
    except FileProblem as e:
        yield ReadProblem(display, str(e))
        return
    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        feed_title, items = _items(root)
    except DefusedXmlException as e:
        yield ReadProblem(display, f"unsafe XML refused ({type(e).__name__}), skipped")
        return
    except (ET.ParseError, ValueError, RecursionError) as e:
        yield ReadProblem(display, f"not a readable feed ({str(e)[:100] or type(e).__name__}), skipped")
        return
    if not items:
        yield ReadProblem(display, "feed has no items, skipped")
        return
    no_text = 0
    for i, item in enumerate(items, 1):
        text = html_fragment_text(item["body"] or "")
        if not text.strip():
            no_text += 1
            continue
        url = item["url"].strip() if item["url"] else None
        yield make_article(text, f"{display} item {i}", url=url, title=item["title"], source=feed_title,
                           published=normalize_published(item["date"] or ""))
    if no_text:
        yield ReadProblem(display, f"{no_text} of {len(items)} items carry no text, only links (skipped; "
                                   f"`sitrep watch` fetches their pages)")
