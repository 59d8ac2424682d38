"""Run by test_store_crash.py in a child process: ingest N articles into DB (killed at a random moment)."""
from __future__ import annotations

import sys

from store_factory import article, event_for

from sitrep.store import ingest_articles, open_store


def articles(n: int):
    for i in range(n):
        day = 1 + (i // 3) % 28  # three outlets per strike: every third article is a new event
        text = f"Outlet {i % 3} reports that Russian shelling hit Kharkiv on June {day}, killing {i % 5} people."
        yield article(f"c{i}", text, source=f"Outlet {i % 3}")


def extract(art):
    day = int(art.text.split("June ")[1].split(",")[0])
    toll = int(art.text.split("killing ")[1].split()[0])
    month = 6 + int(art.id.rsplit("c", 1)[1]) // 84
    return [event_for(art, art.text, event_date=f"2023-{month:02d}-{day:02d}", fatalities=toll)]


if __name__ == "__main__":
    db, n = sys.argv[1], int(sys.argv[2])
    with open_store(db) as store:
        summary = ingest_articles(store, articles(n), extract=extract)
    assert not summary.problems, summary.problems
    print(summary.describe())
