"""The reliability checks of issue 13 in one command, with the bars they must hold; exit 0 only if all hold.

    python benchmarks/reliability.py [--rounds 20] [--fuzz 10000] [--load 2000] [--pg] [--seed 1]
                                     [--only kill|fuzz|load] [--keep]

kill: `sitrep ingest` killed with SIGKILL, round after round; every round's database passes integrity_check,
its export after a re-run equals an uninterrupted run's, and one more ingest changes nothing.
fuzz: hostile inputs through `sitrep extract`: 0 crashes, 0 records outside the schema, 0 valid articles lost.
load: GETs on a live `sitrep serve` with CLI and API writes beside them: 0 non-200, 0 acknowledged writes lost
after a restart (SQLite, and PostgreSQL with --pg on a throwaway server).

Why one script: the README's figures must come from a run anyone can repeat, and the same functions run at tiny
size in tests/test_reliability.py, so the harness cannot rot unnoticed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
# sibling modules, and the test helpers they share: pg_server.py, warc_builder.py
sys.path[:0] = [str(HERE), str(HERE.parent / "tests" / "store"), str(HERE.parent / "tests" / "ingest")]

from reliability_fuzz import fuzz  # noqa: E402
from reliability_kill import kill_rounds  # noqa: E402
from reliability_load import load_check  # noqa: E402

CHECKS = ("kill", "fuzz", "load")


def run_kill(work: str, args: argparse.Namespace) -> tuple[bool, list[str]]:
    rep = kill_rounds(os.path.join(work, "kill"), args.rounds, args.seed)
    ok = rep.rounds > 0 and rep.passed == rep.rounds and not rep.failures
    return ok, rep.lines()


def run_fuzz(work: str, args: argparse.Namespace) -> tuple[bool, list[str]]:
    rep = fuzz(os.path.join(work, "fuzz"), args.fuzz, args.seed)
    ok = rep.inputs > 0 and rep.failures == 0
    return ok, rep.lines()


def run_load(work: str, args: argparse.Namespace) -> tuple[bool, list[str]]:
    os.makedirs(os.path.join(work, "load"), exist_ok=True)
    rep = load_check(os.path.join(work, "load", "live.db"), os.path.join(work, "load"), args.load)
    ok, lines = rep.ok, rep.lines()
    if args.pg:
        pg_ok, pg_lines = run_load_pg(work, args)
        ok, lines = ok and pg_ok, lines + pg_lines
    return ok, lines


def run_load_pg(work: str, args: argparse.Namespace) -> tuple[bool, list[str]]:
    """The same load on a throwaway PostgreSQL server; skipped (not failed) when PostgreSQL is not installed."""
    from pg_server import PgUnavailable, create_database, throwaway_pg

    try:
        with throwaway_pg() as server:
            rep = load_check(create_database(server, "sitrep_load"), os.path.join(work, "load-pg"), args.load,
                             backend="PostgreSQL")
            return rep.ok, rep.lines()
    except PgUnavailable as e:
        return True, [f"API load (PostgreSQL): SKIPPED: {e}"]


RUNNERS: dict[str, Callable[[str, argparse.Namespace], tuple[bool, list[str]]]] = {
    "kill": run_kill, "fuzz": run_fuzz, "load": run_load}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--rounds", type=int, default=20, help="kill -9 rounds (default 20)")
    p.add_argument("--fuzz", type=int, default=10000, help="hostile inputs (default 10000)")
    p.add_argument("--load", type=int, default=2000, help="API GETs (default 2000)")
    p.add_argument("--pg", action="store_true", help="also run the load test on a throwaway PostgreSQL server")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--only", choices=CHECKS, help="run one check only")
    p.add_argument("--keep", action="store_true", help="keep the work folder (failing cases are kept anyway)")
    args = p.parse_args(argv)
    work = tempfile.mkdtemp(prefix="sitrep-reliability-")
    verdicts: dict[str, bool] = {}
    t0 = time.perf_counter()
    for name in (args.only,) if args.only else CHECKS:
        t = time.perf_counter()
        try:
            ok, lines = RUNNERS[name](work, args)
        except Exception as e:  # noqa: BLE001 - the harness itself failing is a failed check, said plainly
            ok, lines = False, [f"{name}: the check itself failed: {type(e).__name__}: {e}"]
        verdicts[name] = ok
        for line in lines:
            print(line, flush=True)
        print(f"  {name}: {'PASS' if ok else 'FAIL'} ({time.perf_counter() - t:.0f} s)", flush=True)
    passed = all(verdicts.values())
    print(f"verdict: {'PASS' if passed else 'FAIL'}: " + ", ".join(f"{k} {'ok' if v else 'FAILED'}"
                                                                 for k, v in verdicts.items())
          + f" ({time.perf_counter() - t0:.0f} s, seed {args.seed})", flush=True)
    if passed and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"work folder kept: {work}", flush=True)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
