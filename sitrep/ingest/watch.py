"""`sitrep watch`: poll RSS/Atom feeds, fetch each new item's page, extract its text, ingest it.

One poll = for every feed: a conditional GET (ETag / Last-Modified, so an unchanged feed is a cheap 304), safe
parsing, then for each item not seen before: a safe fetch (fetch.py: address checks, timeouts, size cap, rate
limit, retries), main-text extraction (readers.article_from_html), a language check, a text-hash check (the same
story under two URLs is ingested once), and finally one store ingest per feed.

What was handled is remembered in a small SQLite file next to the db (watchstate.py), so a restart, or the next
cron run of `--once`, neither refetches nor re-ingests. Permanent failures (refused address, 404, not HTML, not
English) are remembered too, so they are logged once, not every poll; transient ones (timeouts, 5xx) are retried
on later polls, a few times at most, and keep the feed's old validators so the feed is re-read in full.
"""
from __future__ import annotations

import re
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, TextIO
from urllib.parse import urldefrag

from sitrep.ingest.feeds import Feed, FeedError, FeedItem, parse_feed
from sitrep.ingest.fetch import FetchError, Fetcher, FetchPolicy, html_payload
from sitrep.ingest.netguard import Refused, check_url
from sitrep.ingest.watchstate import WatchState, state_path_for
from sitrep.model import Article, text_hash

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
HTML_TYPES = ("text/html", "application/xhtml+xml", "")


def parse_every(every: str) -> float:
    """'30s', '15m', '1h', '1d' (or bare seconds) to seconds; ValueError with a usable message otherwise."""
    m = _EVERY.match(str(every))
    seconds = float(m.group(1)) * _UNIT_SECONDS[(m.group(2) or "s").lower()] if m else 0.0
    if seconds <= 0:
        raise ValueError(f"--every {every!r}: expected a positive interval such as 30s, 15m or 1h")
    return seconds


@dataclass
class WatchConfig:
    """What `sitrep watch` was asked to do. The fields after `allow_private` are for tests and embedding; the
    CLI leaves them at their defaults. `max_items` bounds one feed's work per poll (a first poll of a feed with
    thousands of entries would otherwise take hours at the per-host rate limit); the rest wait for the next."""

    feeds: list[str]
    db: str
    every: str = "15m"
    once: bool = False
    allow_private: bool = False
    policy: FetchPolicy | None = None
    state_path: str | None = None
    log: TextIO | None = None
    max_polls: int | None = None
    max_items: int = 100
    interval: float = field(init=False)

    def __post_init__(self) -> None:
        self.interval = parse_every(self.every)
        self.feeds = [f.strip() for f in self.feeds if f and f.strip()]
        if self.policy is None:
            self.policy = FetchPolicy(allow_private=self.allow_private)
        else:
            self.policy.allow_private = self.allow_private


@dataclass
class PollStats:
    """Counts of one poll, for the summary line and the exit code."""

    feeds_read: int = 0
    feeds_failed: int = 0
    feeds_unchanged: int = 0
    items_new: int = 0
    items_seen: int = 0
    fetched: int = 0
    ingested: int = 0
    skipped: int = 0
    non_english: int = 0
    duplicates: int = 0

    def describe(self) -> str:
        return (f"poll done: {self.feeds_read} feeds read ({self.feeds_unchanged} unchanged, {self.feeds_failed} "
                f"failed), {self.items_new} new items, {self.fetched} fetched, {self.ingested} ingested, "
                f"{self.skipped} skipped ({self.non_english} not English), {self.duplicates} duplicate texts, "
                f"{self.items_seen} already seen")

    def exit_code(self) -> int:
        if self.feeds_failed and not self.feeds_read:
            return 2  # nothing could be read (CONTRACT.md exit codes)
        return 1 if (self.feeds_failed or self.skipped) else 0


class _Skip(Exception):
    """An item that will not be ingested; `permanent` items are remembered so they are not tried again."""

    def __init__(self, reason: str, permanent: bool = True) -> None:
        super().__init__(reason)
        self.permanent = permanent


class Watcher:
    """Runs polls for one config; holds the fetcher (rate limits span polls) and the state."""

    def __init__(self, cfg: WatchConfig, ingest: Callable[[list[Article]], Any] | None = None,
                 state_path: str | None = None) -> None:
        self.cfg = cfg
        self.out = cfg.log or sys.stderr
        self.fetcher = Fetcher(cfg.policy)
        self.state = WatchState(state_path or cfg.state_path or state_path_for(cfg.db))
        self.ingest = ingest or _store_ingester(cfg.db)

    def log(self, message: str) -> None:
        print(f"watch: {message}", file=self.out, flush=True)

    def poll(self) -> PollStats:
        stats = PollStats()
        for n, feed_url in enumerate(self.cfg.feeds, 1):
            self._poll_feed(feed_url, f"[feed {n}/{len(self.cfg.feeds)}]", stats)
        self.log(stats.describe())
        return stats

    def _poll_feed(self, feed_url: str, tag: str, stats: PollStats) -> None:
        etag, last_modified = self.state.validators(feed_url)
        try:
            result = self.fetcher.fetch(feed_url, etag=etag, last_modified=last_modified)
            if result.not_modified:
                stats.feeds_read += 1
                stats.feeds_unchanged += 1
                self.log(f"{tag} {feed_url}: not modified (HTTP 304)")
                return
            feed = parse_feed(result.body, base_url=result.url)
        except (Refused, FetchError, FeedError) as e:
            stats.feeds_failed += 1
            self.log(f"{tag} skipped feed {feed_url}: {'refused: ' if isinstance(e, Refused) else ''}{e}")
            return
        except Exception as e:  # a bug or a library surprise must cost this feed, not the run
            stats.feeds_failed += 1
            self.log(f"{tag} skipped feed {feed_url}: unexpected error ({type(e).__name__}: {e})")
            return
        stats.feeds_read += 1
        items = _unique_items(feed.items)
        new = [it for it in items if not self.state.is_done(it.url)]
        stats.items_seen += len(items) - len(new)
        stats.items_new += len(new)
        self.log(f"{tag} {feed_url}: {feed.kind} feed, {len(items)} items, {len(new)} new"
                 + (f", {self.cfg.max_items} of them this poll" if len(new) > self.cfg.max_items else ""))
        retry_later = len(new) > self.cfg.max_items
        new = new[: self.cfg.max_items]
        articles: list[Article] = []
        hashes: dict[str, str] = {}
        for i, item in enumerate(new, 1):
            where = f"{tag} [item {i}/{len(new)}]"
            try:
                article = self._article(item, feed, stats, where)
            except _Skip as e:
                stats.skipped += 1
                self.log(f"{where} skipped {item.url}: {e}")
                if e.permanent:
                    self.state.mark_done(item.url, "skipped", str(e))
                elif not self.state.mark_failed(item.url, str(e)):
                    retry_later = True
                continue
            digest = text_hash(article.text)
            if self.state.hash_seen(digest) or digest in hashes.values():
                stats.duplicates += 1
                self.log(f"{where} not ingested {item.url}: same text as an article already seen")
                self.state.mark_done(item.url, "duplicate", "same text as an article already seen", digest)
                continue
            articles.append(article)
            hashes[item.url] = digest
        if articles and not self._ingest_batch(articles, hashes, feed_url, tag, stats):
            retry_later = True
        if not retry_later:  # else keep the old validators, so the next poll re-reads the items to retry
            self.state.save_validators(feed_url, result.etag, result.last_modified)

    def _ingest_batch(self, articles: list[Article], hashes: dict[str, str], feed_url: str, tag: str,
                      stats: PollStats) -> bool:
        """Ingest one feed's new articles; False when some must be tried again on a later poll."""
        try:
            summary = self.ingest(articles)
        except Exception as e:  # the store's own errors vary by back end; never lose the poll over it
            stats.skipped += len(articles)
            self.log(f"{tag} could not ingest {len(articles)} articles from {feed_url}: {e}")
            return False  # nothing marked: every item is tried again next poll
        problems = [str(p) for p in getattr(summary, "problems", None) or []]
        for problem in problems:
            self.log(f"{tag} skipped {problem}")
        stats.skipped += len(problems)
        stats.ingested += len(articles) - len(problems)
        self.log(f"{tag} sent {len(articles)} articles from {feed_url} to the store"
                 + (f": {summary.describe()}" if hasattr(summary, "describe") else ""))
        complete = True
        for url, digest in hashes.items():
            failed = [p for p in problems if p.startswith(url + ":")]  # the store names articles by origin
            if not failed:
                self.state.mark_done(url, "ingested", None, digest)
            elif not self.state.mark_failed(url, failed[0]):
                complete = False
        return complete

    def _article(self, item: FeedItem, feed: Feed, stats: PollStats, where: str) -> Article:
        """Fetch one item's page and make it an English Article, or raise _Skip with the reason."""
        try:
            check_url(item.url, self.cfg.allow_private)
            page = self.fetcher.fetch(item.url)
        except Refused as e:
            raise _Skip(f"refused: {e}") from None
        except FetchError as e:
            raise _Skip(str(e), permanent=not e.transient) from None
        except Exception as e:  # a bug or a library surprise must cost this item, not the run
            raise _Skip(f"unexpected error ({type(e).__name__}: {e})", permanent=False) from None
        stats.fetched += 1
        self.log(f"{where} fetched {item.url} ({len(page.body)} bytes)")
        if page.content_type not in HTML_TYPES:
            raise _Skip(f"not an HTML page ({page.content_type})")
        article = _from_html(html_payload(page), item.url, item.url)
        if not isinstance(article, Article):
            raise _Skip(f"no article text ({getattr(article, 'reason', article)})")
        article.title = article.title or item.title
        article.source = article.source or feed.title
        if item.published and article.published_basis != "page":  # the feed's date beats one guessed from text
            article.published, article.published_basis = item.published, "page"
        language = article.language or feed.language
        if language and not language.lower().startswith("en"):
            stats.non_english += 1
            raise _Skip(f"language {language!r}, not English")
        return article


def _unique_items(items: list[FeedItem]) -> list[FeedItem]:
    """Items by URL without the #fragment, first occurrence kept: feeds repeat entries."""
    seen: set[str] = set()
    out = []
    for it in items:
        it.url = urldefrag(it.url.strip())[0]
        if it.url and it.url not in seen:
            seen.add(it.url)
            out.append(it)
    return out


def _from_html(html: str | bytes, url: str, origin: str) -> Any:
    from sitrep.ingest.readers import article_from_html

    return article_from_html(html, url, origin)


def _store_ingester(db: str) -> Callable[[list[Article]], Any]:
    """Ingest a batch through the store (opened per batch, so a long-running watch holds no connection)."""
    def ingest(articles: list[Article]) -> Any:
        from sitrep.store import ingest_articles, open_store

        with open_store(db) as store:
            return ingest_articles(store, articles)
    return ingest


def run_watch(cfg: WatchConfig, ingest: Callable[[list[Article]], Any] | None = None) -> int:
    """Poll once (`cfg.once`) or every `cfg.interval` seconds until interrupted; the exit code of the last
    poll: 0 all read, 1 some feeds or items skipped, 2 no feed could be read (or the state file is unusable)."""
    state_path = cfg.state_path or f"the watch state of {cfg.db}"
    try:
        state_path = cfg.state_path or state_path_for(cfg.db)
        watcher = Watcher(cfg, ingest, state_path)
    except (sqlite3.Error, OSError) as e:
        print(f"{state_path}: cannot open the watch state ({e})", file=cfg.log or sys.stderr)
        return 2
    polls = 0
    code = 0
    watcher.log(f"{len(cfg.feeds)} feeds, " + ("once" if cfg.once else f"every {cfg.every}")
                + f"; state in {state_path}" + ("; private addresses allowed" if cfg.allow_private else ""))
    try:
        while True:
            started = time.monotonic()
            code = watcher.poll().exit_code()
            polls += 1
            if cfg.once or (cfg.max_polls is not None and polls >= cfg.max_polls):
                return code
            time.sleep(max(0.0, started + cfg.interval - time.monotonic()))
    except KeyboardInterrupt:
        watcher.log("interrupted; state saved")
        return code
    except sqlite3.Error as e:  # the state file went bad mid-run (disk full, deleted folder)
        watcher.log(f"{state_path}: watch state unusable ({e}); stopping")
        return 2
    finally:
        watcher.state.close()
