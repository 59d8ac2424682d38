"""Extraction speed (issue 3): the default pipeline beside spaCy on the same texts, in one run.

    .venv/bin/python benchmarks/bench_extract.py            # the devset repeated to 1,000 articles
    .venv/bin/python benchmarks/bench_extract.py --n 300

Articles per second and peak memory of `sitrep extract CORPUS.jsonl --out FILE` (the default: 1 job), of
spaCy's blank English tokenizer and of `en_core_web_sm`'s full pipeline, each in a fresh subprocess, with the
ratio of each time to en_core_web_sm's; then the devset strict F1, so a speed-up that costs quality shows.
The measuring is shared with benchmarks/throughput.py (see there for what PSS and RSS mean).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEVSET, base_articles, check_extractor, speed_table, strict_f1  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles: the devset repeated (default 1,000)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1], help="sitrep extract --jobs values (default 1)")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    check_extractor()
    base = base_articles(DEVSET, samples=None)
    print(f"devset: {len(base)} articles, repeated to {args.n:,}")
    with tempfile.TemporaryDirectory(prefix="tput-") as d:
        speed_table(args.n, Path(d), jobs_list=tuple(args.jobs), base=base)
    print(f"  {strict_f1()}")


if __name__ == "__main__":
    main()
