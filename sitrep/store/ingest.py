"""`sitrep ingest`: read articles, extract their events, store each article in its own transaction.

Known articles (same id or same text) are skipped before extraction. A crash or a kill leaves every finished
article stored and the one in flight not at all, so running the same ingest again completes it exactly.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import Callable, Iterable, Iterator

from sitrep.model import Article, Event
from sitrep.store.errors import StoreError
from sitrep.store.store import Store, open_store

Extractor = Callable[[Article], list[Event]]


@dataclass
class IngestSummary:
    problems: list = field(default_factory=list)
    articles_read: int = 0
    articles_skipped_known: int = 0
    events_new: int = 0
    events_merged: int = 0

    def describe(self) -> str:
        """One line for stderr."""
        stored = self.articles_read - self.articles_skipped_known
        text = (f"{self.articles_read} article(s) read: {stored} stored, {self.articles_skipped_known} already "
                f"stored; {self.events_new} new event(s), {self.events_merged} report(s) merged into stored events")
        if self.problems:
            text += f"; {len(self.problems)} input(s) skipped"
        return text


def _default_extractor() -> Extractor:
    try:
        from sitrep.pipeline import extract_article
    except ImportError as e:
        raise StoreError(f"event extraction is not available ({e})") from None
    return extract_article


def _extract_safely(extract: Extractor, article: Article) -> list[Event] | str:
    try:
        return list(extract(article))
    except Exception as e:  # one article's failure must not stop the others
        return f"extraction failed: {type(e).__name__}: {e}"


def _name(article: Article) -> str:
    """How a message names an article: where it was read from, and its id."""
    return f"{article.origin} (article {article.id})" if article.origin else f"article {article.id}"


def _store_one(store: Store, article: Article, result: list[Event] | str, summary: IngestSummary) -> None:
    if isinstance(result, str):
        summary.problems.append(f"{_name(article)}: {result}")
        return
    new, merged = store.ingest_article(article, result)
    summary.events_new += new
    summary.events_merged += merged


def ingest_articles(store: Store, articles: Iterable[Article], extract: Extractor | None = None,
                    summary: IngestSummary | None = None, jobs: int = 1, on_article=None) -> IngestSummary:
    """Extract and store every article not stored yet. `extract` defaults to sitrep.pipeline.extract_article."""
    summary = summary if summary is not None else IngestSummary()
    extract = extract or _default_extractor()
    if jobs > 1:
        return _ingest_parallel(store, articles, summary, jobs, on_article, extract)
    for article in articles:
        summary.articles_read += 1
        if store.has_article(article):
            summary.articles_skipped_known += 1
        else:
            _store_one(store, article, _extract_safely(extract, article), summary)
        if on_article:
            on_article()
    return summary


def _ingest_parallel(store: Store, articles: Iterable[Article], summary: IngestSummary, jobs: int,
                     on_article, extract: Extractor) -> IngestSummary:
    """Extraction in worker processes (`extract` must be a module-level function), storing in this one, in
    input order, so the result is the same as with one process."""
    work = partial(_extract_safely, extract)
    it = iter(articles)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        while True:
            batch = list(islice(it, jobs * 8))
            if not batch:
                return summary
            todo = []
            for article in batch:
                summary.articles_read += 1
                if store.has_article(article):
                    summary.articles_skipped_known += 1
                else:
                    todo.append(article)
            for article, result in zip(todo, pool.map(work, todo)):
                _store_one(store, article, result, summary)
                if on_article:
                    on_article()


def _ingest_ray(store: Store, articles: Iterable[Article], summary: IngestSummary, jobs: int) -> IngestSummary:
    """Extraction on Ray (sitrep.scale), storing here, one transaction per article, in input order."""
    from sitrep.scale import RayUnavailable, extract_batches_with_ray

    def unknown() -> Iterator[Article]:
        for article in articles:
            summary.articles_read += 1
            if store.has_article(article):
                summary.articles_skipped_known += 1
            else:
                yield article

    def failed(article: Article, reason: str) -> None:
        summary.problems.append(f"{_name(article)}: {reason}")

    try:
        for article, events in extract_batches_with_ray(unknown(), on_problem=failed, num_cpus=jobs if jobs > 1 else None):
            _store_one(store, article, events, summary)
    except RayUnavailable as e:
        raise StoreError(f"--engine ray: {e}") from None
    return summary


def _split(items: Iterable, summary: IngestSummary) -> Iterator[Article]:
    from sitrep.ingest import ReadProblem
    for item in items:
        if isinstance(item, ReadProblem):
            summary.problems.append(item)
        else:
            yield item


def ingest_paths(paths, db: str, jobs: int = 1, engine: str = "local", progress: bool = False,
                 extract: Extractor | None = None) -> IngestSummary:
    """Read the inputs (sitrep.ingest.read_inputs), extract and store; StoreError for an unusable database."""
    if engine not in ("local", "ray"):
        raise StoreError(f"unknown engine {engine!r}; choose local or ray")

    from sitrep.ingest import read_inputs

    summary = IngestSummary()
    with open_store(db) as store:
        if store.db.read_only:  # say so before spending time on extraction
            raise StoreError("the database is read-only (check the file's and its folder's permissions)")
        articles = _split(read_inputs(paths), summary)
        if engine == "ray" and extract is None:
            return _ingest_ray(store, articles, summary, jobs)
        if not progress:
            return ingest_articles(store, articles, extract=extract, summary=summary, jobs=jobs)
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn
        with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed} articles"),
                      console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task("ingesting", total=None)
            return ingest_articles(store, articles, extract=extract, summary=summary, jobs=jobs,
                                   on_article=lambda: bar.advance(task))
