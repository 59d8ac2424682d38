"""The store: articles, the events they report (one event, many sources), analysts' corrections, tokens.

Each event row keeps `base` (the reconciliation of its reports, sitrep/dedup) and `data` (base with the
analysts' corrections applied on top; NULL when there are none, to keep the file small). Every change re-derives `data` from the two, which is why a correction
always wins over re-extraction: a new report changes `base`, never the corrections.

Merge candidates come from indexes on (grid cell, date), (place-name skeleton, date) and (region, precision,
date), never from a scan, so a merge decision costs the same in a store of a thousand or a million events.
"""
from __future__ import annotations

import json
import math
from datetime import datetime, timedelta, timezone
from typing import Iterator

from sitrep.dedup import MERGE_THRESHOLD, reconcile, same_event_score
from sitrep.dedup.names import place_key as skeleton
from sitrep.export.records import event_dict
from sitrep.model import Article, Event, text_hash
from sitrep.store.backend import Db
from sitrep.store.edits import EditsMixin
from sitrep.store.filters import EventFilter, decode_cursor, encode_cursor, where_clause
from sitrep.store.schema import ensure_schema
from sitrep.store.tokens import TokensMixin

CELL_DEG = 0.2          # grid cell for place candidates (~22 km north-south)
WINDOW_DAYS = 7         # candidate window around an event's date range
MAX_PAGE = 10_000       # the largest page query_events hands out


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def cell_of(lat: float | None, lon: float | None) -> str | None:
    if lat is None or lon is None:
        return None
    return f"{math.floor(lat / CELL_DEG)}:{math.floor(lon / CELL_DEG)}"


def _neighbour_cells(lat: float, lon: float) -> list[str]:
    i, j = math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG)
    return [f"{i + di}:{j + dj}" for di in (-1, 0, 1) for dj in (-1, 0, 1)]


def _dumps(ev: Event) -> str:
    return json.dumps(event_dict(ev), ensure_ascii=False, separators=(",", ":"))


def _loads(text: str) -> Event:
    return Event.from_dict(json.loads(text))


class Store(TokensMixin, EditsMixin):
    """A sitrep database. Use as a context manager, or call close()."""

    def __init__(self, db: Db) -> None:
        self.db = db

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- articles --------------------------------------------------------------------------------------
    def has_article(self, article: Article) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE id = ? OR text_hash = ?",
                              (article.id, text_hash(article.text))).fetchone()
        return row is not None

    def get_article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT id, url, title, published, source, language, published_basis, text "
                              "FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return Article(id=row[0], url=row[1], title=row[2], published=row[3], source=row[4], language=row[5],
                       published_basis=row[6], text=row[7])

    def ingest_article(self, article: Article, events: list[Event]) -> tuple[int, int]:
        """Store one article and its events in one transaction: (events new, events merged into stored ones).
        A no-op (0, 0) when the article's id or its text is already stored."""
        with self.db.transaction():
            if self.db.is_pg:  # serialise merge decisions between concurrent ingesters
                self.db.execute("SELECT pg_advisory_xact_lock(7306)")
            if self.has_article(article):
                return 0, 0
            self.db.execute(
                "INSERT INTO articles (id, text_hash, url, title, published, source, language, published_basis,"
                " text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, text_hash(article.text), article.url, article.title, article.published,
                 article.source, article.language, article.published_basis, article.text, now()))
            new = merged = 0
            for i, ev in enumerate(events):
                report = self._as_report(article, ev, i)
                target = self._best_candidate(report)
                if target is None:
                    event_id = self._free_id(report.event_id)
                    report.event_id = event_id
                    self._add_report(event_id, article.id, report)
                    self._insert_event(event_id, reconcile([report]))
                    new += 1
                else:
                    self._add_report(target, article.id, report)
                    self._rebuild(target)
                    merged += 1
            return new, merged

    def _as_report(self, article: Article, ev: Event, index: int) -> Event:
        """The event as this article reports it, with the article's identity on every source."""
        report = Event.from_dict(event_dict(ev))
        if not report.event_id:
            report.event_id = f"{article.id}-e{index}"
        for s in report.sources:
            s.article_id = s.article_id or article.id
            s.url = s.url or article.url
            s.published = s.published or article.published
            s.source = s.source or article.source
        if not report.sources:
            from sitrep.model import Source
            report.sources = [Source(article_id=article.id, evidence="", char_start=0, char_end=0,
                                     url=article.url, published=article.published, source=article.source)]
        return report

    def _free_id(self, event_id: str) -> str:
        candidate, n = event_id, 1
        while self.db.execute("SELECT 1 FROM events WHERE event_id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{event_id}-{n}"
        return candidate

    # -- merge candidates ------------------------------------------------------------------------------
    def candidates(self, ev: Event) -> list[tuple[str, Event]]:
        """Stored events that could be `ev`: same or neighbouring grid cell, same place name or same region
        (for region-level places), within the date window. Index lookups only."""
        from sitrep.dedup.score import date_range
        rng = date_range(ev)
        if rng is None:
            return []
        lo = (rng[0] - timedelta(days=WINDOW_DAYS)).isoformat()
        hi = (rng[1] + timedelta(days=WINDOW_DAYS)).isoformat()
        found: dict[str, str] = {}
        cols = "event_id, COALESCE(data, base) FROM events WHERE status IN ('active', 'not_event')"
        queries = []
        if ev.latitude is not None and ev.longitude is not None:
            cells = _neighbour_cells(ev.latitude, ev.longitude)
            queries.append((f"SELECT {cols} AND cell IN ({','.join('?' * len(cells))}) AND sort_date BETWEEN ? AND ?",
                            [*cells, lo, hi]))
        loc = skeleton(ev.location)
        if loc:
            queries.append((f"SELECT {cols} AND loc_key = ? AND sort_date BETWEEN ? AND ?", [loc, lo, hi]))
        adm = skeleton(ev.admin1)
        if adm:
            if (ev.geo_precision or 2) >= 3:
                queries.append((f"SELECT {cols} AND adm_key = ? AND geo_precision IN (1, 2, 3) "
                                "AND sort_date BETWEEN ? AND ?", [adm, lo, hi]))
            else:
                queries.append((f"SELECT {cols} AND adm_key = ? AND geo_precision = 3 AND sort_date BETWEEN ? AND ?",
                                [adm, lo, hi]))
        for sql, params in queries:
            for event_id, data in self.db.execute(sql, params).fetchall():
                found[event_id] = data
        return [(k, _loads(v)) for k, v in sorted(found.items())]

    def _best_candidate(self, report: Event) -> str | None:
        best, best_score = None, MERGE_THRESHOLD
        for event_id, stored in self.candidates(report):
            score = same_event_score(stored, report)
            if score > best_score or (best is None and score >= best_score):
                best, best_score = event_id, score
        return best

    # -- writing events --------------------------------------------------------------------------------
    def _add_report(self, event_id: str, article_id: str, report: Event) -> None:
        self.db.execute("INSERT INTO reports (event_id, article_id, data) VALUES (?, ?, ?)",
                        (event_id, article_id, _dumps(report)))

    def _reports(self, event_id: str) -> list[tuple[int, Event]]:
        rows = self.db.execute("SELECT id, data FROM reports WHERE event_id = ? ORDER BY id", (event_id,)).fetchall()
        return [(r[0], _loads(r[1])) for r in rows]

    def _insert_event(self, event_id: str, base: Event) -> None:
        self.db.execute("INSERT INTO events (event_id, base, updated_at) VALUES (?, ?, ?)",
                        (event_id, "{}", now()))
        self._write(event_id, base, self.apply_corrections(event_id, base))

    def _rebuild(self, event_id: str) -> Event:
        """Re-derive an event from its reports and its corrections (after a merge, split or correction)."""
        reports = [r for _, r in self._reports(event_id)]
        if not reports:
            raise KeyError(event_id)
        base = reconcile(reports, event_id=event_id)
        effective = self.apply_corrections(event_id, base)
        self._write(event_id, base, effective)
        return effective

    def _write(self, event_id: str, base: Event, ev: Event) -> None:
        actors = " | ".join(x for x in (ev.actor1, ev.actor2, ev.assoc_actor_1, ev.assoc_actor_2, ev.claimed_by) if x)
        self.db.execute(
            "UPDATE events SET sort_date = ?, event_type = ?, country = ?, admin1 = ?, adm_key = ?, loc_key = ?,"
            " cell = ?, latitude = ?, longitude = ?, geo_precision = ?, actors = ?, base = ?, data = ?,"
            " updated_at = ? WHERE event_id = ?",
            (ev.event_date or "", ev.event_type, ev.country, ev.admin1, skeleton(ev.admin1) or None,
             skeleton(ev.location) or None, cell_of(ev.latitude, ev.longitude), ev.latitude, ev.longitude,
             ev.geo_precision, actors.lower(), _dumps(base), None if ev is base else _dumps(ev), now(), event_id))
        body = " ".join(x for x in [ev.notes, ev.location, ev.admin1, ev.admin2, ev.country, actors,
                                    *(s.evidence for s in ev.sources), *(s.source or "" for s in ev.sources)] if x)
        if self.db.is_pg:
            self.db.execute("UPDATE events SET fts = to_tsvector('english', ?) WHERE event_id = ?", (body, event_id))
        else:
            seq = self.db.execute("SELECT seq FROM events WHERE event_id = ?", (event_id,)).fetchone()[0]
            self.db.execute("DELETE FROM events_fts WHERE rowid = ?", (seq,))
            self.db.execute("INSERT INTO events_fts (rowid, body) VALUES (?, ?)", (seq, body))

    # -- reading events --------------------------------------------------------------------------------
    def get_event(self, event_id: str) -> Event | None:
        """The event (with every source); an id merged into another event gives that event."""
        for _ in range(20):  # follow merges, never loop forever
            row = self.db.execute("SELECT COALESCE(data, base), status, merged_into FROM events WHERE event_id = ?",
                                  (event_id,)).fetchone()
            if row is None:
                return None
            if row[1] == "merged" and row[2]:
                event_id = row[2]
                continue
            return _loads(row[0])
        return None

    def event_status(self, event_id: str) -> str | None:
        """'active', 'not_event' (an analyst said so) or 'merged'; None for an unknown id."""
        row = self.db.execute("SELECT status FROM events WHERE event_id = ?", (event_id,)).fetchone()
        return row[0] if row else None

    def iter_events(self, flt: EventFilter | None = None) -> Iterator[Event]:
        """Every event matching the filter, oldest first (exports)."""
        where, params = where_clause(flt or EventFilter(), self.db.is_pg)
        last_date, last_id = "", ""
        while True:  # keyset pages (index ranges), so a huge export never holds one giant cursor open
            rows = self.db.execute(
                f"SELECT sort_date, event_id, COALESCE(data, base) FROM events WHERE {where} AND "
                "(sort_date, event_id) > (?, ?) ORDER BY sort_date, event_id LIMIT 1000",
                [*params, last_date, last_id]).fetchall()
            for row in rows:
                yield _loads(row[2])
            if len(rows) < 1000:
                return
            last_date, last_id = rows[-1][0], rows[-1][1]

    def query_events(self, flt: EventFilter | None = None, limit: int = 100,
                     cursor: str | None = None) -> tuple[list[Event], str | None]:
        """One page, newest first, and the cursor of the next page (None at the end)."""
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
            raise ValueError(f"limit must be a whole number from 1 to {MAX_PAGE}, not {limit!r}")
        where, params = where_clause(flt or EventFilter(), self.db.is_pg)
        if cursor:
            sort_date, event_id = decode_cursor(cursor)
            where += " AND (sort_date, event_id) < (?, ?)"  # a row value: an index range, not a scan
            params += [sort_date, event_id]
        rows = self.db.execute(f"SELECT sort_date, event_id, COALESCE(data, base) FROM events WHERE {where} "
                               "ORDER BY sort_date DESC, event_id DESC LIMIT ?", [*params, limit + 1]).fetchall()
        events = [_loads(r[2]) for r in rows[:limit]]
        nxt = encode_cursor(rows[limit - 1][0], rows[limit - 1][1]) if len(rows) > limit else None
        return events, nxt

    def count_events(self, flt: EventFilter | None = None) -> int:
        where, params = where_clause(flt or EventFilter(), self.db.is_pg)
        return self.db.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]

    def articles_of(self, event_id: str) -> list[str]:
        rows = self.db.execute("SELECT DISTINCT article_id FROM reports WHERE event_id = ? ORDER BY article_id",
                               (event_id,)).fetchall()
        return [r[0] for r in rows]


def open_store(db: str, create: bool = True) -> Store:
    """Open (and, with create, make) a sitrep database: an SQLite path or a postgresql:// URL."""
    if not db or not str(db).strip():
        from sitrep.store.errors import StoreError
        raise StoreError("no database given")
    conn = Db(str(db), create=create)
    try:
        ensure_schema(conn, create)
    except BaseException:
        conn.close()
        raise
    return Store(conn)


