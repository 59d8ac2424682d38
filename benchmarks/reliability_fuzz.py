"""Hostile-input fuzz through the real `sitrep extract`, many inputs per process so 10,000 inputs take minutes.

For every batch: the exit code must be one of CONTRACT.md's (0, 1, 2) with no traceback, `--out` must be written,
every record must validate against sitrep/data/contract/event.schema.json (checked here with jsonschema, not by
sitrep's own writer check), and every planted valid article whose events come out when it is read alone must have
its events in the batch's output.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hostile_inputs import HostileInputs, Planted, planted_id, planted_url, render_valid
from reliability_corpus import ROOT, PoolArticle, real_articles, synthetic_articles

CLI = [sys.executable, "-c", "from sitrep.cli import app; app()"]
SCHEMA = ROOT / "sitrep" / "data" / "contract" / "event.schema.json"
CONTRACT_EXITS = (0, 1, 2)


@dataclass
class FuzzReport:
    seed: int
    inputs: int = 0
    batches: int = 0
    crashes: list[str] = field(default_factory=list)
    bad_records: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    extraction_errors: list[str] = field(default_factory=list)
    records: int = 0
    planted: int = 0
    planted_with_events: int = 0
    kinds: Counter = field(default_factory=Counter)
    exits: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        rate = self.inputs / self.seconds if self.seconds else 0.0
        out = [f"hostile-input fuzz (seed {self.seed}): {self.inputs} inputs in {self.batches} `sitrep extract` runs, "
               f"{self.seconds:.0f} s ({rate:.1f} inputs/s); {len(self.crashes)} crashes, {len(self.bad_records)} "
               f"contract-violating records of {self.records}, {len(self.lost)} valid articles lost of "
               f"{self.planted_with_events} with events ({self.planted} planted), {len(self.extraction_errors)} "
               f"extraction errors named on stderr",
               "  inputs by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(self.kinds.items())),
               "  exit codes: " + ", ".join(f"{k}: {n}" for k, n in sorted(self.exits.items()))]
        for name, items in (("CRASH", self.crashes), ("BAD RECORD", self.bad_records), ("LOST", self.lost),
                            ("EXTRACTION ERROR", self.extraction_errors)):
            out += [f"  {name} {x}" for x in items[:10]]
            if len(items) > 10:
                out.append(f"  ... and {len(items) - 10} more")
        return out

    @property
    def failures(self) -> int:
        return len(self.crashes) + len(self.bad_records) + len(self.lost) + len(self.extraction_errors)


class Baseline:
    """Each planted article read and extracted alone, in this process, by the library: its id and event count."""

    def __init__(self, pool: list[PoolArticle]) -> None:
        self.pool = pool
        self.cache: dict[tuple[int, str], tuple[str, str | None, str, int]] = {}

    def _alone(self, pool: int, fmt: str) -> tuple[str, str | None, str, int]:
        from sitrep.ingest import read_inputs
        from sitrep.model import Article
        from sitrep.pipeline import extract_article

        if (pool, fmt) not in self.cache:
            data, suffix = render_valid(self.pool[pool], fmt, 0)
            with tempfile.TemporaryDirectory() as d:
                path = os.path.join(d, "alone" + suffix)
                Path(path).write_bytes(data)
                arts = [x for x in read_inputs([path]) if isinstance(x, Article)]
            if not arts:
                self.cache[(pool, fmt)] = ("", None, "", 0)
            else:
                a = arts[0]
                self.cache[(pool, fmt)] = (a.id, a.url, a.text, len(extract_article(a)))
        return self.cache[(pool, fmt)]

    def expect(self, p: Planted) -> tuple[str, int]:
        """The article id the planted copy must carry in the output, and how many events it gives alone."""
        from sitrep.model import derive_article_id

        ident, url, text, n = self._alone(p.pool, p.fmt)
        kind = "rec" if p.fmt in ("jsonl", "json") else p.fmt
        if ident == planted_id(0):
            return planted_id(p.serial), n
        if url and url == planted_url(kind, 0):
            return derive_article_id(planted_url(kind, p.serial), text), n
        return ident, n


def _validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _check_records(path: str, validator, report: FuzzReport, where: str) -> set[str]:
    """Validate every output record; the article ids that have events."""
    ids: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            report.records += 1
            try:
                rec = json.loads(line)
            except ValueError as e:
                report.bad_records.append(f"{where} line {n}: not JSON ({e})")
                continue
            errors = [f"{'.'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}"
                      for e in validator.iter_errors(rec)]
            for i, s in enumerate(rec.get("sources") or []):
                if isinstance(s, dict) and isinstance(s.get("char_start"), int) and isinstance(s.get("char_end"), int) \
                        and s["char_start"] > s["char_end"]:
                    errors.append(f"sources.{i}: char_start after char_end")
                if isinstance(s, dict) and s.get("article_id"):
                    ids.add(s["article_id"])
            if errors:
                report.bad_records.append(f"{where} line {n} ({rec.get('event_id')}): {'; '.join(errors[:3])}")
    return ids


def run_batch(folder: str, inputs: list, baseline: Baseline, validator, report: FuzzReport, timeout: float) -> bool:
    """One `sitrep extract FOLDER --out FILE`; True when the batch showed no failure of any kind."""
    before = report.failures
    out = os.path.join(folder + "-out.jsonl")
    where = os.path.basename(folder)
    try:
        res = subprocess.run([*CLI, "extract", folder, "--out", out], capture_output=True, text=True, timeout=timeout)
        code, err = res.returncode, res.stderr
    except subprocess.TimeoutExpired:
        code, err = "timeout", ""
    report.exits[str(code)] += 1
    planted = [(p, *baseline.expect(p)) for x in inputs for p in x.planted]
    report.planted += len(planted)
    report.planted_with_events += sum(1 for _, _, n in planted if n > 0)
    if code not in CONTRACT_EXITS or "Traceback (most recent call last)" in err:
        report.crashes.append(f"{where}: exit {code}: {err.strip()[-400:]}")
    elif code == 2 and planted:
        report.crashes.append(f"{where}: exit 2 (nothing read) with {len(planted)} valid articles in the batch")
    for line in err.splitlines():
        if "extraction failed" in line:
            report.extraction_errors.append(f"{where}: {line[:300]}")
    ids: set[str] = set()
    if code in (0, 1):
        if not os.path.exists(out):
            report.crashes.append(f"{where}: exit {code} but --out was not written")
        else:
            ids = _check_records(out, validator, report, where)
    for p, ident, n in planted:
        if n > 0 and ident not in ids:
            report.lost.append(f"{where}: pool article {baseline.pool[p.pool].key} as {p.fmt} (#{p.serial}, "
                               f"article {ident}) gave {n} event(s) alone, none in the batch")
    return report.failures == before


def fuzz(work: str, n: int, seed: int, batch_size: int = 250, timeout: float = 1200) -> FuzzReport:
    """`n` generated inputs in batches of `batch_size`; a failing batch's folder is kept for reproduction."""
    t0 = time.perf_counter()
    pool = real_articles() + synthetic_articles(60)
    gen, baseline, validator = HostileInputs(seed, pool), Baseline(pool), _validator()
    report = FuzzReport(seed=seed)
    done = 0
    while done < n:
        folder = os.path.join(work, f"fuzz-batch{report.batches:03d}")
        os.makedirs(folder, exist_ok=True)
        inputs = [gen.next() for _ in range(min(batch_size, n - done))]
        for x in inputs:
            Path(folder, x.name).write_bytes(x.data)
            report.kinds[x.kind] += 1
        ok = run_batch(folder, inputs, baseline, validator, report, timeout)
        report.batches += 1
        done += len(inputs)
        report.inputs = done
        if ok:
            shutil.rmtree(folder, ignore_errors=True)
            if os.path.exists(folder + "-out.jsonl"):
                os.remove(folder + "-out.jsonl")
    report.seconds = time.perf_counter() - t0
    return report
