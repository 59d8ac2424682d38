"""`--engine ray`: extraction on Ray Data, with the same per-article function as the local path.

Every worker runs `sitrep.pipeline.extract_article` (its resources load once per worker process, cached by the
pipeline), so the Ray engine yields the same events for the same article as `--jobs N`. Only the per-article work
is distributed; the cross-article merge (`sitrep.dedup.merge_events`) runs on the driver, as locally: it needs
every event, and events are small next to the article texts.

Articles read by sitrep's readers on the driver are sent in windows (`SITREP_RAY_WINDOW`, default 2048), so the
driver never holds the whole input; Parquet datasets and remote URIs are read by Ray on the workers (datasets.py).
Settings come from the environment, since the CLI has no Ray options: `RAY_ADDRESS` (a running cluster; without
it a local Ray instance is started and stopped), `SITREP_RAY_CPUS` (CPUs of that local instance),
`SITREP_RAY_BATCH` (articles per task, default 16).
"""
from __future__ import annotations

import json
import logging
import math
import os
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from sitrep.model import Article, Event
from sitrep.scale.datasets import article_row, dataset_of, is_remote, row_article, split_inputs

log = logging.getLogger("sitrep.scale")
RAY_HINT = "--engine ray needs Ray: pip install 'sitrep[ray]'"


class RayUnavailable(RuntimeError):
    """Ray is not installed, or no Ray instance could be started or reached."""


@dataclass(frozen=True)
class RaySettings:
    address: str | None = None
    num_cpus: int | None = None
    batch: int = 16
    window: int = 2048

    @classmethod
    def from_env(cls, num_cpus: int | None = None) -> "RaySettings":
        def number(name: str, default: int | None) -> int | None:
            raw = os.environ.get(name, "").strip()
            return max(1, int(raw)) if raw.isdigit() else default

        return cls(address=os.environ.get("RAY_ADDRESS") or None, num_cpus=num_cpus or number("SITREP_RAY_CPUS", None),
                   batch=number("SITREP_RAY_BATCH", 16) or 16, window=number("SITREP_RAY_WINDOW", 2048) or 2048)


def _package_parent() -> str:
    import sitrep

    return os.path.dirname(os.path.dirname(os.path.abspath(sitrep.__file__)))


@contextmanager
def ray_session(settings: RaySettings, progress: bool = False) -> Iterator[Any]:
    """Ray initialised for this run: reuse a running session, else start one (and stop it after)."""
    try:
        import ray
        from ray.data import DataContext
    except ImportError:
        raise RayUnavailable(RAY_HINT) from None
    started = False
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING}
        if not settings.address:
            # A local instance: its workers must import this very sitrep, installed or not.
            path = os.pathsep.join(p for p in (_package_parent(), os.environ.get("PYTHONPATH")) if p)
            kwargs.update(num_cpus=settings.num_cpus, runtime_env={"env_vars": {"PYTHONPATH": path}})
        # A local instance keeps Ray's token authentication on; its notice about it is not news for one run.
        notice = logging.getLogger("ray._private.authentication.authentication_token_setup")
        notice_level = notice.level
        notice.setLevel(logging.ERROR)
        try:
            ray.init(address=settings.address, **kwargs)
        except Exception as e:
            raise RayUnavailable(f"could not start or reach Ray ({type(e).__name__}: {str(e)[:120]})") from None
        finally:
            notice.setLevel(notice_level)
        started = True
    ctx = DataContext.get_current()
    saved = ctx.enable_progress_bars, ctx.enable_operator_progress_bars, ctx.enable_auto_log_stats
    ctx.enable_progress_bars = ctx.enable_operator_progress_bars = progress
    ctx.enable_auto_log_stats = False
    quiet = logging.getLogger("ray.data")
    level = quiet.level
    if not progress:
        quiet.setLevel(logging.ERROR)
    try:
        yield ray
    finally:
        ctx.enable_progress_bars, ctx.enable_operator_progress_bars, ctx.enable_auto_log_stats = saved
        quiet.setLevel(level)
        if started:
            ray.shutdown()


# --- the worker side -------------------------------------------------------------------------------------

def _result(i: int, status: str, events: str = "[]", problem: str | None = None) -> dict[str, Any]:
    return {"i": i, "status": status, "events": events, "problem": problem}


def extract_rows(batch: Any) -> Any:
    """Ray map_batches stage (runs in the workers): article rows -> one result row per article.

    status is `ok` (events: JSON list of event dicts), `skipped` (not English), `failed` (the extractor raised)
    or `unreadable` (a dataset row that is not a valid article); `problem` says why, naming the input.
    """
    import pyarrow as pa

    from sitrep.pipeline import extract_article, language_problem

    out = []
    for row in batch.to_pylist():
        i = row["i"]
        if row.get("article") is None:
            out.append(_result(i, "unreadable", problem=row.get("problem") or "unreadable row"))
            continue
        article = row_article(row)
        skip = language_problem(article)
        if skip is not None:
            out.append(_result(i, "skipped", problem=str(skip)))
            continue
        try:
            events = extract_article(article)
        except Exception as e:  # one article's failure is named, and the others go on
            out.append(_result(i, "failed", problem=f"{article.origin or article.id}: extraction failed "
                                                    f"({type(e).__name__}: {str(e)[:120]})"))
            continue
        out.append(_result(i, "ok", json.dumps([ev.to_dict() for ev in events], ensure_ascii=False)))
    schema = pa.schema([("i", pa.int64()), ("status", pa.string()), ("events", pa.string()), ("problem", pa.string())])
    return pa.Table.from_pylist(out, schema=schema)


def _extract_stage(ds: Any, settings: RaySettings) -> Any:
    return ds.map_batches(extract_rows, batch_format="pyarrow", batch_size=settings.batch)


def _events(row: dict[str, Any]) -> list[Event]:
    return [Event.from_dict(d) for d in json.loads(row["events"] or "[]")]


# --- the driver side -------------------------------------------------------------------------------------

def _run_window(ray: Any, articles: list[Article], start: int, settings: RaySettings) -> dict[int, dict[str, Any]]:
    """Results of one window of articles, by input position; a cluster failure fails the window's articles."""
    rows = [article_row(start + k, a) for k, a in enumerate(articles)]
    results: dict[int, dict[str, Any]] = {}
    try:
        ds = ray.data.from_items(rows, override_num_blocks=max(1, math.ceil(len(rows) / settings.batch)))
        for row in _extract_stage(ds, settings).iter_rows():
            results[row["i"]] = row
    except Exception as e:  # a worker lost, the cluster gone: name what was not extracted, keep the rest
        reason = f"extraction failed on Ray ({type(e).__name__}: {str(e).splitlines()[0][:120] if str(e) else ''})"
        for k, a in enumerate(articles):
            results.setdefault(start + k, _result(start + k, "failed", problem=f"{a.origin or a.id}: {reason}"))
    return results


def _windows(articles: Iterable[Article], size: int) -> Iterator[tuple[int, list[Article]]]:
    it, start = iter(articles), 0
    while window := list(islice(it, size)):
        yield start, window
        start += len(window)


def extract_batches_with_ray(articles: Iterable[Article], on_problem: Callable[[Article, str], None] | None = None,
                             num_cpus: int | None = None) -> Iterator[tuple[Article, list[Event]]]:
    """(article, its events) for each article, in input order, extracted on Ray; for `ingest --engine ray`.

    Like `extract_article`, a non-English article yields []. An article whose extraction failed is not yielded
    (so it is not stored, and a later ingest retries it): it goes to `on_problem(article, reason)`, else a warning.
    Raises RayUnavailable when Ray is missing or unreachable.
    """
    settings = RaySettings.from_env(num_cpus)
    with ray_session(settings) as ray:
        for start, window in _windows(articles, settings.window):
            results = _run_window(ray, window, start, settings)
            for k, article in enumerate(window):
                row = results[start + k]
                if row["status"] in ("ok", "skipped"):
                    yield article, _events(row) if row["status"] == "ok" else []
                elif on_problem is not None:
                    on_problem(article, row["problem"])
                else:
                    log.warning("%s", row["problem"])


def extract_with_ray(paths: list[str], jobs: int | None = None, progress: bool = False):
    """`sitrep extract --engine ray`: the same ExtractResult as `extract_from_paths(paths)` locally.

    Ray missing or unreachable is one named problem (the CLI exits 2), not a traceback.
    """
    from sitrep.dedup import merge_events
    from sitrep.ingest import ReadProblem, read_inputs
    from sitrep.pipeline import ExtractResult

    result = ExtractResult()
    settings = RaySettings.from_env(jobs)
    local, datasets, remote_jsonl = split_inputs(paths)
    per_article: list[Event] = []

    def take(row: dict[str, Any]) -> None:
        if row["status"] == "ok":
            result.articles_read += 1
            per_article.extend(_events(row))
            return
        result.problems.append(_problem(ReadProblem, row["problem"]))
        if row["status"] != "unreadable":
            result.articles_skipped += 1

    def articles() -> Iterator[Article]:
        for item in read_inputs(local):
            if isinstance(item, ReadProblem):
                result.problems.append(item)
            else:
                yield item

    try:
        with ray_session(settings, progress) as ray:
            if local:
                for start, window in _windows(articles(), settings.window):
                    for _, row in sorted(_run_window(ray, window, start, settings).items()):
                        take(row)
            for source in datasets + remote_jsonl:
                if not is_remote(source) and not os.path.exists(source):
                    result.problems.append(ReadProblem(source, "no such file or folder, skipped"))
                    continue
                try:
                    ds = dataset_of([source] if source in datasets else [], [source] if source in remote_jsonl else [])
                    # A dataset's blocks are as big as its files: split them, or one file is one task.
                    ds = ds.repartition(target_num_rows_per_block=settings.batch)
                    for row in _extract_stage(ds, settings).iter_rows():
                        take(row)
                except Exception as e:  # a missing or unreadable dataset is named; the other inputs go on
                    result.problems.append(ReadProblem(source, f"could not be read by Ray ({type(e).__name__}: "
                                                               f"{_first_line(e)}), skipped"))
    except RayUnavailable as e:
        result.problems.append(ReadProblem("--engine ray", str(e)))
    result.events = merge_events(per_article)
    return result


def _first_line(e: Exception) -> str:
    text = str(e).strip()
    return text.splitlines()[-1][:160] if text else ""


def _problem(cls: type, text: str):
    """A worker's 'origin: reason' line back into a ReadProblem."""
    origin, _, reason = text.partition(": ")
    return cls(origin, reason or text)
