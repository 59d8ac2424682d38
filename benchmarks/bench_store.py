"""Store benchmark: ingest throughput, export time for N stored events, database size per event, and the time
of one merge decision as the store grows (it must stay flat: candidates come from indexes, never a scan).

    .venv/bin/python benchmarks/bench_store.py                  # until 100,000 events are stored, SQLite
    .venv/bin/python benchmarks/bench_store.py --events 20000 --db postgresql://user@127.0.0.1:5432/bench

Synthetic feed: events arrive in date order (~100 a day) at ~3,000 places across Ukraine; about a third of
the articles report an event already stored (another outlet, another spelling of the toll) and get merged.
Each article is stored in its own transaction, as `sitrep ingest` does.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sitrep.export import write_events  # noqa: E402
from sitrep.model import Article, Event, Source  # noqa: E402
from sitrep.store import EventFilter, open_store  # noqa: E402

START = date(2022, 2, 24)
TYPES = [("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Battles", "Armed clash"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest")]


def places(rng: random.Random, n: int = 3000) -> list[tuple[str, float, float, str]]:
    return [(f"Place{i}", rng.uniform(44.5, 52.0), rng.uniform(22.5, 40.0), f"Oblast{i % 24}") for i in range(n)]


def make_article(i: int, rng: random.Random, plc, recent: list[Event]) -> tuple[Article, Event]:
    """Article i and its one event: a repeat of a recent event (another outlet) or a new one."""
    text = f"Report {i}: " + " ".join(rng.choice(["shelling", "strike", "drone", "artillery", "killed",
                                                   "wounded", "damaged", "houses", "school", "port"])
                                       for _ in range(40))
    art = Article(id=f"bench-{i}", text=text, published=(START + timedelta(days=i // 100)).isoformat(),
                  source=f"Outlet{i % 7}")
    if recent and rng.random() < 0.33:
        base = rng.choice(recent)
        ev = Event.from_dict(base.to_dict())
        ev.fatalities = (base.fatalities or 0) + rng.randint(0, 2)
    else:
        name, lat, lon, adm = rng.choice(plc)
        et, st = rng.choice(TYPES)
        ev = Event(event_type=et, sub_event_type=st, event_date=(START + timedelta(days=i // 100)).isoformat(),
                   date_precision="day", actor1="Military Forces of Russia (2000-)", actor1_side="RUS",
                   actor2="Civilians (Ukraine)", actor2_side="CIV", country="Ukraine", admin1=adm, location=name,
                   latitude=lat, longitude=lon, geo_precision=1, fatalities=rng.randint(0, 5),
                   notes=f"Shelling of {name}.")
    ev.event_id = f"bench-{i}-e0"
    ev.sources = [Source(article_id=art.id, evidence=text[:120], char_start=0, char_end=120,
                         url=f"https://example.org/{i}", published=art.published, source=art.source)]
    return art, ev


def merge_decision_ms(store, samples: list[Event]) -> tuple[float, float]:
    """Median ms of one merge decision (candidate lookup + scoring) and the mean number of candidates."""
    times, cands = [], []
    for ev in samples:
        t = time.perf_counter()
        found = store.candidates(ev)
        store._best_candidate(ev)
        times.append((time.perf_counter() - t) * 1000)
        cands.append(len(found))
    return statistics.median(times), statistics.mean(cands)


def db_size(db: str, store) -> int:
    if db.startswith("postgresql://"):
        return store.db.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(os.path.getsize(p) for p in (db, db + "-wal") if os.path.exists(p))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000, help="ingest articles until this many events are stored")
    ap.add_argument("--db", default=None, help="SQLite path or postgresql:// URL (default: a temp file)")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="sitrep-bench-")
    db = args.db or os.path.join(tmp, "bench.db")
    rng = random.Random(42)
    plc = places(rng)
    target = args.events
    checkpoints = [c for c in (1_000, 10_000, 30_000, 60_000, 100_000, 300_000, 1_000_000) if c < target] + [target]
    recent: list[Event] = []
    probe_rng = random.Random(7)
    print(f"store benchmark: articles into {'PostgreSQL' if db.startswith('postgresql') else 'SQLite'} until "
          f"{target:,} events are stored")
    print(f"{'articles':>9} {'events':>9} {'articles/s':>11} {'merge decision ms (median)':>27} {'candidates':>11}")
    with open_store(db) as store:
        t0 = time.perf_counter()
        window_start, done = t0, 0
        i, n_events = 0, 0
        while n_events < target:
            art, ev = make_article(i, rng, plc, recent)
            new, _ = store.ingest_article(art, [ev])
            n_events += new
            recent.append(ev)
            if len(recent) > 300:
                recent.pop(0)
            done += 1
            i += 1
            if new and n_events == checkpoints[0]:
                checkpoints.pop(0)
                rate = done / (time.perf_counter() - window_start)
                probes = [make_article(i + k, probe_rng, plc, recent)[1] for k in range(200)]
                ms, mean_c = merge_decision_ms(store, probes)
                print(f"{i:>9,} {n_events:>9,} {rate:>11,.0f} {ms:>27.3f} {mean_c:>11.1f}", flush=True)
                window_start, done = time.perf_counter(), 0
        total = time.perf_counter() - t0
        print(f"ingest: {i:,} articles in {total:,.1f} s = {i / total:,.0f} articles/s "
              f"({n_events:,} events, {i - n_events:,} reports merged into stored events)")
        size = db_size(db, store)
        print(f"database size: {size / 1e6:,.1f} MB = {size / n_events:,.0f} bytes per event "
              f"({size / i:,.0f} per article; article texts, reports and the full-text index included)")
        if not db.startswith("postgresql"):
            plan = store.db.execute("EXPLAIN QUERY PLAN SELECT event_id FROM events WHERE status IN ('active','not_event') "
                                    "AND cell IN ('1:2','1:3') AND sort_date BETWEEN '2023-01-01' AND '2023-01-15'").fetchall()
            print("candidate query plan:", "; ".join(r[-1] for r in plan))
        t = time.perf_counter()
        events = list(store.iter_events(EventFilter()))
        print(f"read {len(events):,} events from the store: {time.perf_counter() - t:.1f} s")
        for fmt in ("jsonl", "csv", "geojson", "parquet"):
            out = Path(tmp) / f"events.{fmt}"
            t = time.perf_counter()
            write_events(events, out, fmt)
            print(f"export {fmt:8} {time.perf_counter() - t:6.1f} s  {out.stat().st_size / 1e6:7.1f} MB")
        t = time.perf_counter()
        page, _ = store.query_events(EventFilter(q="shelling"), limit=100)
        print(f"full-text query (100 newest 'shelling'): {(time.perf_counter() - t) * 1000:.1f} ms")
    # the same merging within one run (`sitrep extract`), on the first 20,000 reports of the same feed
    from sitrep.dedup import merge_events
    rng, recent, reports = random.Random(42), [], []
    plc = places(rng)
    for k in range(min(i, 20_000)):
        reports.append(make_article(k, rng, plc, recent)[1])
        recent = (recent + [reports[-1]])[-300:]
    t = time.perf_counter()
    merged = merge_events(reports)
    print(f"merge_events (sitrep extract) of {len(reports):,} reports -> {len(merged):,} events: "
          f"{time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
