"""Benchmark of the REST API and the dashboard on a store of 100,000 events.

    .venv/bin/python benchmarks/bench_api.py [--events 100000] [--db /tmp/sitrep-bench-100k.db] [--requests 400]

Builds (once, then reuses) a SQLite store of synthetic events spread over Ukraine and two years, serves it with
uvicorn on a free loopback port, and measures:
  - requests per second and p50/p99 latency of GET /api/events with several filter mixes (sequential client);
  - the dashboard's server-side aggregates (/api/map, /api/timeline), cold (first request) and warm;
  - the dashboard load time in headless Chromium (/usr/bin/chromium) until the status line shows the count.
Every request goes to 127.0.0.1 only; loops are bounded by --requests.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402

from sitrep.api.testing import running_server  # noqa: E402
from sitrep.model import Article, Event, Source  # noqa: E402

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"),
         ("Protests", "Peaceful protest"), ("Strategic developments", "Looting/property destruction")]
REGIONS = [("Kharkiv", 49.99, 36.23), ("Donetsk", 48.0, 37.8), ("Zaporizhzhia", 47.84, 35.14),
           ("Kherson", 46.64, 32.61), ("Kyiv City", 50.45, 30.52), ("Odesa", 46.48, 30.72),
           ("Dnipropetrovsk", 48.46, 35.04), ("Sumy", 50.91, 34.8), ("Luhansk", 48.57, 39.31)]
ACTORS = ["Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)", "Protesters (Ukraine)",
          "Unidentified Armed Group (Ukraine)"]


def build_store(db: str, n: int, per_article: int = 500) -> None:
    """Synthetic events, `per_article` of them reported by each article (one store transaction per article)."""
    from sitrep.store import open_store

    rng = random.Random(42)
    start = date(2023, 1, 1)
    t0 = time.perf_counter()
    with open_store(db) as store:
        for first in range(0, n, per_article):
            sentences, events = [], []
            offset = 0
            aid = f"a-bench-{first}"
            for i in range(first, min(n, first + per_article)):
                etype, sub = TYPES[i % len(TYPES)]
                region, lat0, lon0 = REGIONS[rng.randrange(len(REGIONS))]
                lat, lon = lat0 + rng.uniform(-0.8, 0.8), lon0 + rng.uniform(-1.2, 1.2)
                day = (start + timedelta(days=rng.randrange(730))).isoformat()
                place = f"Place{i}"
                sentence = (f"On {day} an incident of type {etype} happened at {place} in {region} oblast; "
                            f"officials reported {i % 7} killed.")
                sentences.append(sentence)
                events.append(Event(
                    event_type=etype, sub_event_type=sub, event_date=day, date_precision="day",
                    actor1=ACTORS[i % len(ACTORS)], actor2="Civilians (Ukraine)" if i % 3 == 0 else None,
                    country="Ukraine", admin1=region, location=place, latitude=round(lat, 4),
                    longitude=round(lon, 4), geo_precision=1, fatalities=i % 7, certainty="reported",
                    notes=f"On {day}, {etype.lower()} at {place} ({region}).", event_id=f"e-bench-{i}",
                    sources=[Source(article_id=aid, evidence=sentence, char_start=offset,
                                    char_end=offset + len(sentence))]))
                offset += len(sentence) + 1
            art = Article(text=" ".join(sentences), id=aid, url=f"https://bench.example/{first}",
                          title=f"Digest {first}", published="2025-01-01", source="Bench News")
            store.ingest_article(art, events)
            done = min(n, first + per_article)
            if done % 10000 == 0:
                print(f"  built {done} events ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def bench_requests(client: httpx.Client, name: str, paths: list[str], count: int) -> None:
    lat = []
    t0 = time.perf_counter()
    for i in range(count):
        t = time.perf_counter()
        r = client.get(paths[i % len(paths)])
        lat.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, (paths[i % len(paths)], r.status_code, r.text[:200])
    wall = time.perf_counter() - t0
    print(f"{name:<44} {count / wall:8.1f} req/s   p50 {statistics.median(lat):6.1f} ms   "
          f"p99 {pct(lat, 99):6.1f} ms   max {max(lat):6.1f} ms")


def bench_dashboard(url: str) -> None:
    if not os.path.exists("/usr/bin/chromium"):
        print("dashboard load: skipped (/usr/bin/chromium missing)")
        return
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for run in ("first", "second"):
            pg = b.new_page(viewport={"width": 1366, "height": 800})
            sizes = []
            pg.on("response", lambda r: sizes.append(len(r.body())) if "/api/" in r.url else None)
            t = time.perf_counter()
            pg.goto(url + "/")
            pg.wait_for_selector("#status:has-text('match')", timeout=120000)
            shown = time.perf_counter() - t
            pg.wait_for_selector("body[data-basemap=ready]", timeout=120000)
            pg.wait_for_timeout(300)
            markers = pg.locator("path.mk, .marker-cluster").count()
            print(f"dashboard load ({run}): events shown after {shown:.2f} s; {markers} map markers drawn; "
                  f"API payload {sum(sizes) / 1024:.0f} KiB")
            if run == "second":
                shots = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
                shots.mkdir(parents=True, exist_ok=True)
                pg.screenshot(path=str(shots / "dashboard-100k.png"))
            pg.close()
        b.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", default="/tmp/sitrep-api-bench/events-100k.db")
    ap.add_argument("--requests", type=int, default=400)
    args = ap.parse_args()
    if not os.path.exists(args.db):
        os.makedirs(os.path.dirname(os.path.abspath(args.db)), exist_ok=True)
        print(f"building {args.events} events in {args.db} ...", file=sys.stderr)
        build_store(args.db, args.events)
    from sitrep.store import open_store
    with open_store(args.db) as s:
        total = s.count_events()
    print(f"store: {args.db}, {total} events")
    with running_server(args.db) as url, httpx.Client(base_url=url, timeout=60) as c:
        c.get("/api/events")  # warm the thread's store
        n = args.requests
        bench_requests(c, "GET /api/events (no filter)", ["/api/events"], n)
        bench_requests(c, "GET /api/events?event_type&since&until", [
            "/api/events?event_type=Battles&since=2023-06-01&until=2023-09-30",
            "/api/events?event_type=Protests&since=2024-01-01"], n)
        bench_requests(c, "GET /api/events?admin1&actor", [
            "/api/events?admin1=Kharkiv&actor=Russia", "/api/events?admin1=Kherson&actor=Ukraine"], n)
        bench_requests(c, "GET /api/events?bbox", ["/api/events?bbox=35,49,37,50.5", "/api/events?bbox=30,46,33,47"], n)
        bench_requests(c, "GET /api/events?q (full text)", ["/api/events?q=Kharkiv", "/api/events?q=shelling%20Kherson"], n)
        first = c.get("/api/events?limit=100").json()["next"]
        bench_requests(c, "GET /api/events?cursor (page 2)", [f"/api/events?limit=100&cursor={first}"], n)
        t = time.perf_counter()
        c.get("/api/timeline?event_type=Battles")
        cold = time.perf_counter() - t
        print(f"{'GET /api/timeline?event_type (cold, 1/6 of store)':<44} {cold * 1000:8.0f} ms")
        t = time.perf_counter()
        c.get("/api/timeline")
        cold = time.perf_counter() - t
        print(f"{'GET /api/timeline (cold, whole store)':<44} {cold * 1000:8.0f} ms")
        bench_requests(c, "GET /api/map (warm, zoom 6, view)", ["/api/map?zoom=6&bbox=28,44,42,53"], max(20, n // 10))
        bench_requests(c, "GET /api/timeline (warm)", ["/api/timeline"], max(20, n // 10))
        bench_dashboard(url)


if __name__ == "__main__":
    main()
