"""Geocoder speed: index open time, `geocode --batch` throughput, find_mentions per article, memory.

    .venv/bin/python benchmarks/bench_geocoder.py [--n 20000] [--build]

--build also times a fresh `gazetteer build` into a temporary directory. Names for the batch are drawn from the
index itself (random Ukrainian and world places, in several spellings), so the run needs no data files.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--build", action="store_true")
    args = ap.parse_args()

    if args.build:
        with tempfile.TemporaryDirectory() as d:
            t = time.time()
            subprocess.run([sys.executable, "-c", "from sitrep.geo.commands import run_build; "
                            f"run_build({os.path.join(d, 'gazetteer.sqlite')!r}, show=False)"], check=True,
                           env={**os.environ, "SITREP_DATA_DIR": d})
            print(f"build: {time.time() - t:.1f} s")

    from sitrep.geo.geocoder import ensure_index
    from sitrep.geo.store import default_index_path

    path = ensure_index(str(default_index_path()))
    code = ("import time; t=time.time(); from sitrep.geo import Geocoder; g=Geocoder.default(); "
            "g.geocode('Kharkiv'); print(time.time()-t)")
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
                   .stdout.strip()) for _ in range(3)]
    print(f"open index + first lookup (fresh process incl. imports): best {min(times):.3f} s")

    from sitrep.geo import Geocoder
    from sitrep.geo.commands import _batch

    t = time.time()
    geo = Geocoder.open(path)
    print(f"open index in-process: {(time.time() - t) * 1000:.1f} ms")
    rows = geo.gaz._conn().execute(
        "SELECT name, cc, admin1 FROM places WHERE level = 4 ORDER BY random() LIMIT ?", (args.n,)).fetchall()
    rnd = random.Random(1)
    lines = []
    for name, cc, admin1 in rows:
        variant = rnd.choice([name, name.lower(), name.replace("i", "y"), f"the village of {name}",
                              f"{admin1 or ''} region" if admin1 else name])
        ctx = f"{admin1} Oblast" if cc == "UA" and admin1 and rnd.random() < 0.5 else ""
        lines.append(f"{variant}\t{ctx}\n")
    out, sys.stdout = sys.stdout, io.StringIO()
    t, c = time.time(), time.process_time()
    try:
        _batch(lines, None, None)
    finally:
        produced, sys.stdout = sys.stdout.getvalue(), out
    dt, cpu = time.time() - t, time.process_time() - c
    resolved = sum(1 for line in produced.splitlines() if json.loads(line) is not None)
    print(f"geocode --batch: {len(lines)} names in {dt:.2f} s = {len(lines) / dt:,.0f} names/s wall, "
          f"{len(lines) / cpu:,.0f} names per CPU-second ({resolved} resolved; load average "
          f"{os.getloadavg()[0]:.1f})")

    text = (("Russian forces shelled Nikopol and Marhanets in Dnipropetrovsk Oblast overnight, governor Serhii "
             "Lysak said. In Kherson Oblast, the villages of Tokarivka, Pryozerne and Beryslav came under fire; "
             "one person was killed in Kherson. In the Zaporizhzhia direction, fighting continued near Robotyne "
             "and Vasylivka, while drones struck Belgorod and Kursk in Russia. ") * 8)[:3000]
    t = time.time()
    geo.find_mentions(text)
    print(f"find_mentions, first article (cold caches): {(time.time() - t) * 1000:.1f} ms")
    t = time.time()
    for _ in range(50):
        ms = geo.find_mentions(text)
    print(f"find_mentions: {(time.time() - t) / 50 * 1000:.1f} ms per 3,000-character article "
          f"({len(ms)} mentions)")
    gwn = "/work/shared/external/geowebnews/geowebnews.jsonl"
    if os.path.exists(gwn):
        with open(gwn, encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in f if line.strip()]
        fresh = Geocoder.open(path)          # cold per-process caches
        t, c = time.time(), time.process_time()
        chars = sum(len(x) for x in texts)
        for x in texts:
            fresh.find_mentions(x)
        dt, cpu = time.time() - t, time.process_time() - c
        print(f"find_mentions on {len(texts)} real news articles: {dt / len(texts) * 1000:.1f} ms per article, "
              f"{dt / chars * 3000 * 1000:.1f} ms wall / {cpu / chars * 3000 * 1000:.1f} ms CPU per 3,000 characters")
    print(f"max RSS: {rss_mb():.0f} MB; index on disk: {os.path.getsize(path) / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
