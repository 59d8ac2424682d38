"""Reading RSS 2.0, RSS 1.0 (RDF) and Atom feeds into a list of items (link, title, date), safely.

Feeds come from strangers, so the XML is parsed with defusedxml: entity declarations (billion laughs, external
entities reading local files or URLs) are refused, not expanded. Only what the watcher needs is read: the
item's link (resolved against the feed URL), its title, its date and its id. The page itself is fetched later.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class FeedError(Exception):
    """A document that is not a feed we can read safely; the message says why."""


@dataclass
class FeedItem:
    """One entry of a feed. `url` may be any scheme here: the fetcher decides whether to follow it."""

    url: str
    title: str | None = None
    published: str | None = None  # ISO 8601 when the feed gave a readable date
    guid: str | None = None


@dataclass
class Feed:
    """A parsed feed: its kind, title, language (a hint only) and items in document order."""

    kind: str  # "rss", "rdf" or "atom"
    title: str | None = None
    language: str | None = None
    items: list[FeedItem] = field(default_factory=list)


def _text(el: ET.Element | None) -> str | None:
    if el is None:
        return None
    value = "".join(el.itertext()).strip()
    return value or None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _iso_date(value: str | None) -> str | None:
    """RSS dates are RFC 822 ("Tue, 01 Dec 2026 10:00:00 GMT"), Atom and Dublin Core ones ISO 8601."""
    if not value:
        return None
    value = value.strip()
    if value[:4].isdigit() and value[4:5] == "-":
        try:
            return date.fromisoformat(value).isoformat() if len(value) == 10 else datetime.fromisoformat(value).isoformat()
        except ValueError:
            return None
    try:
        dt = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc)
    return dt.isoformat()


def parse_feed(data: bytes | str, base_url: str = "") -> Feed:
    """Parse a feed document; raise FeedError for unsafe XML, malformed XML, or a document that is no feed."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise FeedError(f"unsafe XML refused ({type(e).__name__}: {e})") from None
    except ET.ParseError as e:
        raise FeedError(f"malformed XML ({e})") from None
    except ValueError as e:  # e.g. an encoding declaration on a str
        raise FeedError(f"unreadable XML ({e})") from None
    name = _local(root.tag)
    if root.tag == f"{ATOM}feed":
        return _atom(root, base_url)
    if name == "rss":
        channel = root.find("channel")
        if channel is None:
            raise FeedError("RSS document without <channel>")
        return _rss(channel, base_url)
    if name == "RDF":
        return _rdf(root, base_url)
    raise FeedError(f"not an RSS or Atom feed (root element <{name}>)")


def _rss(channel: ET.Element, base: str) -> Feed:
    feed = Feed(kind="rss", title=_text(channel.find("title")), language=_text(channel.find("language")))
    for item in channel.iter("item"):
        guid_el = item.find("guid")
        guid = _text(guid_el)
        link = _text(item.find("link"))
        if not link and guid and (guid_el.get("isPermaLink", "true").lower() == "true"):  # type: ignore[union-attr]
            link = guid
        if not link:
            continue
        date = _text(item.find("pubDate")) or _text(item.find(f"{DC}date"))
        feed.items.append(FeedItem(url=urljoin(base, link), title=_text(item.find("title")),
                                   published=_iso_date(date), guid=guid))
    return feed


def _rdf(root: ET.Element, base: str) -> Feed:
    channel = root.find(f"{RSS1}channel")
    feed = Feed(kind="rdf", title=_text(channel.find(f"{RSS1}title")) if channel is not None else None)
    for item in root.iter(f"{RSS1}item"):
        link = _text(item.find(f"{RSS1}link"))
        if link:
            feed.items.append(FeedItem(url=urljoin(base, link), title=_text(item.find(f"{RSS1}title")),
                                       published=_iso_date(_text(item.find(f"{DC}date")))))
    return feed


def _atom_link(entry: ET.Element) -> str | None:
    """The entry's page: rel="alternate" (the default rel) wins over other links."""
    fallback = None
    for link in entry.findall(f"{ATOM}link"):
        href = (link.get("href") or "").strip()
        if not href:
            continue
        if link.get("rel", "alternate") == "alternate":
            return href
        fallback = fallback or (href if link.get("rel") not in ("self", "edit", "enclosure", "replies") else None)
    return fallback


def _atom(root: ET.Element, base: str) -> Feed:
    feed = Feed(kind="atom", title=_text(root.find(f"{ATOM}title")), language=root.get(XML_LANG))
    for entry in root.iter(f"{ATOM}entry"):
        link = _atom_link(entry)
        if not link:
            continue
        date = _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
        feed.items.append(FeedItem(url=urljoin(base, link), title=_text(entry.find(f"{ATOM}title")),
                                   published=_iso_date(date), guid=_text(entry.find(f"{ATOM}id"))))
    return feed


__all__ = ["Feed", "FeedError", "FeedItem", "parse_feed"]
