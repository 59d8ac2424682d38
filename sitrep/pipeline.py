"""The extraction path end to end: articles -> events per article -> events merged across articles.

`extract_article` is the one per-article function; the CLI, the store, the API, the worker processes of
`--jobs` and the Ray engine all call it, so every path yields the same events for the same article.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Iterable, Iterator

from sitrep.ingest import ReadProblem, read_inputs
from sitrep.model import Article, Event

log = logging.getLogger("sitrep.pipeline")


@dataclass
class ExtractResult:
    events: list[Event] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)
    articles_read: int = 0
    articles_skipped: int = 0


@lru_cache(maxsize=1)
def _extractors():
    from sitrep.events.extractor import Extractors

    ex = Extractors.default()
    gc.freeze()  # lexicons and gazetteer live as long as the process: the collector need not walk them each time
    return ex


def language_problem(article: Article) -> ReadProblem | None:
    """sitrep reads English for now: other languages are skipped, named, and counted."""
    lang = (article.language or "en").lower()
    if lang != "en" and not lang.startswith("en-"):
        return ReadProblem(article.origin or article.id, f"article in language {lang!r} skipped (sitrep reads English)")
    return None


def extract_article(article: Article) -> list[Event]:
    """Every event one article reports, merged within the article; [] for a non-English article."""
    from sitrep.events.extractor import extract_events

    if language_problem(article) is not None or not article.text.strip():
        return []
    return extract_events(article, _extractors())


def _safe_extract(article: Article) -> tuple[list[Event], ReadProblem | None]:
    problem = language_problem(article)
    if problem is not None:
        return [], problem
    try:
        return extract_article(article), None
    except Exception as e:  # a bug on one article must not stop the others; it is named, not hidden
        log.debug("extraction failed on %s", article.origin or article.id, exc_info=True)  # traceback: debug only
        return [], ReadProblem(article.origin or article.id, f"extraction failed ({type(e).__name__}: {e})")


def _iter_extracted(articles: Iterable[Article], jobs: int) -> Iterator[tuple[Article, list[Event], ReadProblem | None]]:
    if jobs <= 1:
        for chunk in _chunks(articles, _CHUNK):
            yield from _with_results(chunk, _extract_chunk(chunk))
        return
    yield from _iter_parallel(articles, jobs)


_CHUNK = 16          # articles per task: enough to amortise the round trip, small enough to balance two workers
_AHEAD = 4          # tasks in flight per worker: the parent reads the next articles while the workers extract


def _iter_parallel(articles: Iterable[Article], jobs: int) -> Iterator[tuple[Article, list[Event], ReadProblem | None]]:
    """Articles in input order, extracted by `jobs` forked workers. The parent keeps a window of tasks in flight
    (no barrier per batch, no idle worker while the parent reads), and never holds more than the window."""
    _extractors()  # load once in the parent; forked workers share the pages read-only
    from sitrep.nlp.grammar import parser

    parser()  # the spaCy pipeline too, else every worker loads its own
    ctx = multiprocessing.get_context("fork")
    # a worker's collector never walks (and so never copies) the pages it shares with the parent
    with ctx.Pool(jobs, initializer=gc.freeze) as pool:
        pending: deque = deque()
        for chunk in _chunks(articles, _CHUNK):
            pending.append((chunk, pool.apply_async(_extract_chunk, (chunk,))))
            if len(pending) >= _AHEAD * jobs:
                chunk, task = pending.popleft()
                yield from _with_results(chunk, task.get())
        while pending:
            chunk, task = pending.popleft()
            yield from _with_results(chunk, task.get())


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def _extract_chunk(chunk: list[Article]) -> list[tuple[list[Event], ReadProblem | None]]:
    """Several articles: their event sentences parsed in one batch, then each extracted on its own."""
    from sitrep.events.extractor import prefetch_articles

    try:
        prefetch_articles([a for a in chunk if language_problem(a) is None and a.text.strip()], _extractors())
    except Exception:  # only a speed-up: the article that trips it fails (named) in its own extraction below
        log.debug("batched parse failed", exc_info=True)
    return [_safe_extract(a) for a in chunk]


def _with_results(chunk: list[Article], results: list) -> Iterator[tuple[Article, list[Event], ReadProblem | None]]:
    for article, (events, problem) in zip(chunk, results):
        yield article, events, problem


def extract_articles(articles: Iterable[Article], jobs: int = 1, problems: list | None = None,
                     progress: bool = False) -> ExtractResult:
    """Extract every article, then merge the same event reported by several articles into one."""
    from sitrep.dedup import merge_events

    result = ExtractResult(problems=problems if problems is not None else [])
    per_article: list[Event] = []
    with _progress(progress) as tick:
        for article, events, problem in _iter_extracted(articles, jobs):
            if problem is not None:
                result.problems.append(problem)
                result.articles_skipped += 1
            else:
                result.articles_read += 1
            per_article.extend(events)
            tick()
    result.events = merge_events(per_article)
    return result


def extract_from_paths(paths: list[str], jobs: int = 1, engine: str = "local", progress: bool = False) -> ExtractResult:
    """`sitrep extract`: read the inputs, name every skipped one, extract and merge the rest."""
    if engine == "ray":
        from sitrep.scale.ray_engine import extract_with_ray

        return extract_with_ray(paths)
    problems: list[ReadProblem] = []

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths):
            if isinstance(item, ReadProblem):
                problems.append(item)
            else:
                yield item

    return extract_articles(articles(), jobs=jobs, problems=problems, progress=progress)


class _progress:
    """A rich progress bar on stderr when asked (a terminal), else nothing."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._p = None

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
        from rich.console import Console

        self._p = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                           console=Console(stderr=True), transient=True)
        self._p.start()
        task = self._p.add_task("articles", total=None)
        return lambda: self._p.advance(task)

    def __exit__(self, *exc) -> None:
        if self._p is not None:
            self._p.stop()
