"""Helpers for tests and benchmarks: a real uvicorn server on a free loopback port, in a thread, and a small
store of hand-made articles and events (so API and browser tests do not depend on the extractor)."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from sitrep.model import Article, Event, Source

XSS_TITLE = '<img src=x onerror="window.__pwned=1">Shelling report</script>'
XSS_TEXT = ("Residents said <script>window.__pwned=2</script> the strike hit a school in Vovchansk on 12 March. "
            'An <img src=x onerror="window.__pwned=3"> image and <a href="javascript:window.__pwned=4">link</a>. '
            "Two people were killed, the regional governor said.")

# (article id, title, text, published, outlet, evidence sentence, event fields)
_SAMPLES = [
    ("a-kharkiv-1", "Missile strike on Kharkiv",
     "Kharkiv, 10 March. A Russian missile strike on a residential district of Kharkiv killed three civilians "
     "on Sunday, regional governor Oleh Syniehubov said. Rescue work continued into the night.",
     "2024-03-10", "Kyiv Independent",
     "A Russian missile strike on a residential district of Kharkiv killed three civilians on Sunday, regional "
     "governor Oleh Syniehubov said.",
     dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
          event_date="2024-03-10", actor1="Military Forces of Russia (2000-)", actor2="Civilians (Ukraine)",
          country="Ukraine", admin1="Kharkiv", location="Kharkiv", latitude=49.9935, longitude=36.2304,
          geo_precision=1, fatalities=3, claimed_by="Oleh Syniehubov", certainty="reported",
          notes="On 10 March 2024, a Russian missile strike hit a residential district of Kharkiv, killing 3.")),
    ("a-kharkiv-2", "Kharkiv death toll rises",
     "The death toll from Sunday's missile strike on Kharkiv rose to five, the city's mayor Ihor Terekhov said "
     "on Monday.",
     "2024-03-11", "Ukrinform",
     "The death toll from Sunday's missile strike on Kharkiv rose to five, the city's mayor Ihor Terekhov said "
     "on Monday.",
     dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
          event_date="2024-03-10", actor1="Military Forces of Russia (2000-)", actor2="Civilians (Ukraine)",
          country="Ukraine", admin1="Kharkiv", location="Kharkiv", latitude=49.9935, longitude=36.2304,
          geo_precision=1, fatalities=5, claimed_by="Ihor Terekhov", certainty="reported",
          notes="On 10 March 2024, a Russian missile strike on Kharkiv killed 5.")),
    ("a-bakhmut-1", "Fighting near Bakhmut",
     "The Russian Ministry of Defence claimed on 8 March that its forces repelled four Ukrainian attacks near "
     "Bakhmut. Ukraine did not confirm the claim.",
     "2024-03-08", "Reuters",
     "The Russian Ministry of Defence claimed on 8 March that its forces repelled four Ukrainian attacks near "
     "Bakhmut.",
     dict(event_type="Battles", sub_event_type="Armed clash", event_date="2024-03-08",
          actor1="Military Forces of Russia (2000-)", actor2="Military Forces of Ukraine (2019-)",
          country="Ukraine", admin1="Donetsk", location="Bakhmut", latitude=48.5956, longitude=38.0003,
          geo_precision=2, fatalities=None, claimed_by="Russian Ministry of Defence", certainty="claimed",
          notes="On 8 March 2024, Russian forces clashed with Ukrainian forces near Bakhmut.")),
    ("a-kyiv-1", "Rally in Kyiv",
     "Several hundred people rallied peacefully in central Kyiv on 5 March to demand the return of prisoners of "
     "war.",
     "2024-03-05", "Ukrainska Pravda",
     "Several hundred people rallied peacefully in central Kyiv on 5 March to demand the return of prisoners of "
     "war.",
     dict(event_type="Protests", sub_event_type="Peaceful protest", event_date="2024-03-05",
          actor1="Protesters (Ukraine)", country="Ukraine", admin1="Kyiv City", location="Kyiv",
          latitude=50.4501, longitude=30.5234, geo_precision=1, fatalities=0, certainty="reported",
          notes="On 5 March 2024, several hundred people protested in Kyiv for the return of prisoners of war.")),
    ("a-xss-1", XSS_TITLE, XSS_TEXT, "2024-03-12", "<b>Evil outlet</b>",
     "Two people were killed, the regional governor said.",
     dict(event_type="Violence against civilians", sub_event_type="Attack", event_date="2024-03-12",
          actor1="Military Forces of Russia (2000-)", actor2="Civilians (Ukraine)", country="Ukraine",
          admin1="Kharkiv", location='Vovchansk<img src=x onerror="window.__pwned=5">', latitude=50.2906,
          longitude=36.9419, geo_precision=1, fatalities=2, certainty="reported",
          notes='<script>window.__pwned=6</script> A strike hit a school in Vovchansk.')),
]


def sample_items() -> list[tuple[Article, list[Event]]]:
    """The hand-made articles with their events, evidence offsets computed from the text."""
    items = []
    for aid, title, text, published, outlet, evidence, fields in _SAMPLES:
        start = text.index(evidence)
        article = Article(text=text, id=aid, url=f"https://news.example.org/{aid}", title=title,
                          published=published, source=outlet, language="en")
        ev = Event(**fields, date_precision="day", event_id=f"e-{aid[2:]}",
                   sources=[Source(article_id=aid, evidence=evidence, char_start=start,
                                   char_end=start + len(evidence), url=article.url, published=published,
                                   source=outlet)])
        items.append((article, [ev]))
    return items


def fill_sample_store(db: str) -> list[str]:
    """Store the sample articles and events in `db`; returns the stored event ids, in sample order."""
    from sitrep.store import EventFilter, open_store

    with open_store(db) as store:
        for article, events in sample_items():
            store.ingest_article(article, events)
        by_article = {}
        for e in store.iter_events(EventFilter()):
            for s in e.sources:
                by_article[s.article_id] = e.event_id
    return [by_article[a[0]] for a in _SAMPLES]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(db: str, tile_url: str | None = None) -> Iterator[str]:
    """Serve `create_app(db)` with uvicorn on 127.0.0.1:<free port> in a thread; yields the base URL."""
    import uvicorn

    from sitrep.api.app import create_app

    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # accepted connections inherit this; without it Nagle + delayed ACK add ~40 ms to every response
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db, tile_url=tile_url), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
