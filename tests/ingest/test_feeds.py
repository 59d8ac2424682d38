"""Feed parsing: RSS 2.0, RSS 1.0, Atom, and hostile XML refused without expansion."""
from __future__ import annotations

import pytest

from sitrep.ingest.feeds import FeedError, parse_feed

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Front news</title><language>en-gb</language>
 <item><title>Shelling near Izium</title><link>https://news.example/a/1</link>
  <pubDate>Tue, 01 Dec 2026 10:00:00 +0200</pubDate><guid isPermaLink="false">id-1</guid></item>
 <item><title>Relative link</title><link>/a/2</link><dc:date>2026-11-30T08:00:00Z</dc:date></item>
 <item><title>Guid only</title><guid>https://news.example/a/3</guid></item>
 <item><title>No link at all</title><description>text</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
 <title>Atom news</title>
 <entry><title>Strike on Kharkiv</title><id>urn:x:1</id>
  <link rel="self" href="https://news.example/self/1"/>
  <link rel="alternate" href="https://news.example/b/1"/>
  <published>2026-12-01T09:00:00Z</published></entry>
 <entry><title>Default rel</title><link href="b/2"/><updated>2026-12-01T07:00:00Z</updated></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="https://news.example/"><title>RDF news</title></channel>
 <item rdf:about="https://news.example/c/1"><title>One</title><link>https://news.example/c/1</link>
  <dc:date>2026-12-01</dc:date></item>
</rdf:RDF>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title><link>https://n.example/1</link></item>
</channel></rss>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://169.254.169.254/evil.dtd">
<rss version="2.0"><channel><title>x</title><item><link>https://n.example/1</link></item></channel></rss>"""


def test_rss2_items_links_dates_and_language():
    feed = parse_feed(RSS, base_url="https://news.example/feed.xml")
    assert feed.kind == "rss" and feed.title == "Front news" and feed.language == "en-gb"
    assert [i.url for i in feed.items] == ["https://news.example/a/1", "https://news.example/a/2",
                                           "https://news.example/a/3"]
    assert feed.items[0].published == "2026-12-01T08:00:00+00:00"
    assert feed.items[0].guid == "id-1"
    assert feed.items[1].published == "2026-11-30T08:00:00+00:00"


def test_atom_prefers_alternate_link_and_resolves_relative_ones():
    feed = parse_feed(ATOM, base_url="https://news.example/atom/")
    assert feed.kind == "atom" and feed.language == "en"
    assert [i.url for i in feed.items] == ["https://news.example/b/1", "https://news.example/atom/b/2"]
    assert feed.items[0].title == "Strike on Kharkiv" and feed.items[0].published == "2026-12-01T09:00:00+00:00"
    assert feed.items[1].published == "2026-12-01T07:00:00+00:00"


def test_rss1_rdf_feed():
    feed = parse_feed(RDF)
    assert feed.kind == "rdf" and [i.url for i in feed.items] == ["https://news.example/c/1"]
    assert feed.items[0].published == "2026-12-01"


def test_unreadable_dates_become_none():
    doc = (b"<rss><channel><item><link>https://n.example/1</link><pubDate>yesterday-ish</pubDate></item>"
           b"<item><link>https://n.example/2</link><pubDate>2026-13-45</pubDate></item></channel></rss>")
    assert [i.published for i in parse_feed(doc).items] == [None, None]


def test_billion_laughs_is_refused_not_expanded():
    with pytest.raises(FeedError, match="unsafe XML"):
        parse_feed(BILLION_LAUGHS)


def test_external_entity_is_refused_and_nothing_is_read():
    with pytest.raises(FeedError, match="unsafe XML") as info:
        parse_feed(EXTERNAL_ENTITY)
    assert "root:" not in str(info.value)


def test_external_dtd_is_not_fetched():
    feed = parse_feed(EXTERNAL_DTD)  # expat never loads it; the items still parse
    assert [i.url for i in feed.items] == ["https://n.example/1"]


def test_item_links_of_any_scheme_are_kept_for_the_fetcher_to_refuse():
    doc = b"<rss><channel><item><link>file:///etc/passwd</link></item></channel></rss>"
    assert parse_feed(doc, "http://127.0.0.1/f").items[0].url == "file:///etc/passwd"


@pytest.mark.parametrize("doc, why", [
    (b"<rss><channel><item>", "malformed XML"),
    (b"<html><body>not a feed</body></html>", "not an RSS or Atom feed"),
    (b"<rss version='2.0'></rss>", "without <channel>"),
    (b"", "malformed XML"),
])
def test_bad_documents_give_a_reason(doc, why):
    with pytest.raises(FeedError, match=why):
        parse_feed(doc)
