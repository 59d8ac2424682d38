"""Hand-made articles and events for the store tests (the real extractor is not needed to test storage)."""
from __future__ import annotations

from sitrep.model import Article, Event, Source


def article(n: str, text: str, published: str = "2023-06-28", source: str = "Ukrinform") -> Article:
    return Article(id=f"art-{n}", text=text, url=f"https://example.org/{n}", published=published, source=source)


def event_for(art: Article, evidence: str, n: int = 0, **kw) -> Event:
    start = art.text.find(evidence)
    base = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                event_date="2023-06-27", date_precision="day", country="Ukraine", admin1="Kharkiv",
                location="Kharkiv", latitude=49.9935, longitude=36.2304, geo_precision=1,
                actor1="Military Forces of Russia (2000-)", actor1_side="RUS", actor2="Civilians (Ukraine)",
                actor2_side="CIV", notes=evidence)
    base.update(kw)
    ev = Event(**base, event_id=f"{art.id}-e{n}")
    ev.sources = [Source(article_id=art.id, evidence=evidence, char_start=start, char_end=start + len(evidence),
                         url=art.url, published=art.published, source=art.source)]
    return ev


def kharkiv_strike(n: str, text: str, source: str = "Ukrinform", **kw) -> tuple[Article, list[Event]]:
    art = article(n, text, source=source)
    return art, [event_for(art, text, **kw)]


def fake_extract(art: Article) -> list[Event]:
    """A stand-in extractor: one Kharkiv shelling per article, its toll the first number in the text."""
    import re
    m = re.search(r"\d+", art.text)
    return [event_for(art, art.text, fatalities=int(m.group()) if m else None)]
