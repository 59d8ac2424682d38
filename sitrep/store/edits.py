"""Analysts' corrections: every change is a row of the audit log (who, when, field, old, new, why).

Field corrections are re-applied on top of the reconciled event after every ingest, so they always win over
re-extraction. Status changes ("not an event"), merges and splits are logged the same way; any row but an undo
can be undone, which writes an `undo` row of its own (the log is append-only).
"""
from __future__ import annotations

import hashlib
import json
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from sitrep.model import Event

EDITABLE = tuple(f for f in Event.__dataclass_fields__ if f not in ("event_id", "sources", "provenance"))
_CHOICES = {
    "date_precision": {"day", "week", "month", "year"},
    "certainty": {"reported", "claimed", "disputed"},
    "actor1_side": {"RUS", "UKR", "CIV", "OTHER", "UNKNOWN", None},
    "actor2_side": {"RUS", "UKR", "CIV", "OTHER", "UNKNOWN", None},
    "geo_precision": {1, 2, 3, None},
}
_INTS = ("fatalities", "fatalities_min", "fatalities_max", "geonameid")
MAX_FATALITIES = 1_000_000   # more than any single event ACLED has coded; a bigger figure is a typing slip
MAX_GEONAMEID = 2**53
MAX_TEXT = {"notes": 5000}
MAX_STRING = 500             # actor, place and claimant names
# fields the notes sentence is written from: correcting one of them re-writes the notes (unless notes is corrected)
NOTES_FROM = ("event_date", "date_precision", "location", "admin1", "actor1", "actor2", "sub_event_type",
              "fatalities", "claimed_by")
PLACE_FIELDS = ("latitude", "longitude", "admin1", "admin2", "country", "geo_precision", "geonameid")


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, list[str]]:
    text = resources.files("sitrep").joinpath("data/store/acled_taxonomy.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def check_value(field: str, value: Any) -> Any:
    """The value normalised, or ValueError saying why it cannot be stored in that field."""
    if field not in EDITABLE:
        raise ValueError(f"{field!r} cannot be corrected (editable: {', '.join(EDITABLE)})")
    if field in _CHOICES:
        if value not in _CHOICES[field]:
            raise ValueError(f"{field}: {value!r} is not one of {sorted(map(str, _CHOICES[field] - {None}))}")
        return value
    if field == "event_type":
        if value not in taxonomy():
            raise ValueError(f"event_type: {value!r} is not an ACLED event type")
        return value
    if field == "event_date":
        try:
            return date.fromisoformat(value).isoformat() if isinstance(value, str) and len(value) == 10 else _bad()
        except ValueError:
            raise ValueError(f"event_date: {value!r} is not a date (YYYY-MM-DD)") from None
    if field in ("latitude", "longitude"):
        limit = 90 if field == "latitude" else 180
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not -limit <= value <= limit:
            raise ValueError(f"{field}: {value!r} is not a number in -{limit}..{limit}")
        return float(value)
    if field in _INTS:
        if value is None:
            return None
        top = MAX_GEONAMEID if field == "geonameid" else MAX_FATALITIES
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
            raise ValueError(f"{field}: {str(value)[:40]!r} is not a whole number in 0..{top:,}")
        return value
    if value is None and field not in ("notes", "sub_event_type"):
        return None
    if not isinstance(value, str):
        raise ValueError(f"{field}: {str(value)[:40]!r} is not a string")
    limit = MAX_TEXT.get(field, MAX_STRING)
    if len(value) > limit:
        raise ValueError(f"{field}: {len(value):,} characters, more than the {limit:,} allowed")
    return value.strip() if field != "notes" else value


def rederive(ev: Event, corrected: set[str]) -> Event:
    """Fields that follow from corrected ones: the analyst's toll is the figure (its range collapses onto it
    unless the range itself was corrected), and the notes sentence is re-written from the corrected fields."""
    if "fatalities" in corrected:
        if "fatalities_min" not in corrected:
            ev.fatalities_min = ev.fatalities
        if "fatalities_max" not in corrected:
            ev.fatalities_max = ev.fatalities
    if "notes" not in corrected and corrected & set(NOTES_FROM):
        from sitrep.events.notes import rewrite_notes
        ev.notes = rewrite_notes(ev)
    return ev


def place_of(location: str, country: str | None) -> dict[str, Any]:
    """The place fields of a corrected location, from the library's geocoder; ValueError when it cannot place it,
    so a corrected name never keeps the old place's coordinates silently."""
    from sitrep.geo import Geocoder
    geocoder = Geocoder.default()
    place = geocoder.geocode(location, country=country) if country else None
    place = place or geocoder.geocode(location)
    if place is None:
        raise ValueError(f"location: {location!r} is not in the gazetteer; give latitude and longitude "
                         f"(and admin1, geo_precision) with it")
    return {"latitude": round(place.latitude, 5), "longitude": round(place.longitude, 5), "admin1": place.admin1,
            "admin2": place.admin2, "country": place.country, "geo_precision": place.geo_precision,
            "geonameid": place.geonameid}


def _bad():
    raise ValueError


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class EditsMixin:
    # -- applying ------------------------------------------------------------------------------------
    def apply_corrections(self, event_id: str, base: Event) -> Event:
        rows = self.db.execute("SELECT field, new FROM corrections WHERE event_id = ? AND kind = 'set' "
                               "AND undone_by IS NULL ORDER BY id", (event_id,)).fetchall()
        if not rows:
            return base
        from sitrep.export.records import event_dict
        ev = Event.from_dict(event_dict(base))
        fields = set()
        for field, new in rows:
            setattr(ev, field, json.loads(new))
            fields.add(field)
        return rederive(ev, fields)

    def _log(self, event_id: str, kind: str, field: str | None, old: Any, new: Any, who: str,
             reason: str | None, target: str | None = None) -> int:
        from sitrep.store.store import now
        row = self.db.execute(
            "INSERT INTO corrections (event_id, kind, field, old, new, who, at, reason, target) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (event_id, kind, field, _j(old), _j(new), who, now(), reason, target)).fetchone()
        return int(row[0])

    def _live(self, event_id: str) -> Event:
        row = self.db.execute("SELECT COALESCE(data, base), status FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            raise KeyError(event_id)
        if row[1] == "merged":
            raise ValueError(f"event {event_id} was merged into another event; correct that one")
        return Event.from_dict(json.loads(row[0]))

    @staticmethod
    def _who(who: str) -> str:
        if not isinstance(who, str) or not who.strip():
            raise ValueError("a correction needs the name of who made it")
        return who.strip()

    # -- field corrections ---------------------------------------------------------------------------
    def correct_event(self, event_id: str, changes: dict, who: str, reason: str | None = None) -> Event:
        """Set fields of an event; KeyError for an unknown id, ValueError for a bad field or value."""
        who = self._who(who)
        if not isinstance(changes, dict) or not changes:
            raise ValueError("no changes given")
        clean = {f: check_value(f, v) for f, v in changes.items()}
        with self.db.transaction():
            current = self._live(event_id)
            derived: dict[str, Any] = {}
            if clean.get("location") and clean["location"] != current.location:
                if ("latitude" in clean) != ("longitude" in clean):
                    raise ValueError("give both latitude and longitude, or neither")
                if "latitude" not in clean:
                    derived = {f: v for f, v in place_of(clean["location"], clean.get("country", current.country))
                               .items() if f not in clean}
            after = Event.from_dict(current.to_dict())
            for f, v in {**clean, **derived}.items():
                setattr(after, f, v)
            subs = taxonomy().get(after.event_type, [])
            if ("event_type" in clean or "sub_event_type" in clean) and after.sub_event_type not in subs:
                raise ValueError(f"sub_event_type: {after.sub_event_type!r} is not a sub-event type of "
                                 f"{after.event_type!r} ({'; '.join(subs)})")
            first = None
            for f, v in clean.items():
                old = getattr(current, f)
                if old != v:
                    cid = self._log(event_id, "set", f, old, v, who, reason)
                    first = cid if f == "location" else first
            for f, v in derived.items():
                old = getattr(current, f)
                if old != v:  # logged as following from the location row, and undone with it
                    self._log(event_id, "set", f, old, v, who, f"from the corrected location {clean['location']!r} "
                              f"(gazetteer)", target=str(first) if first else None)
            return self._rebuild(event_id)

    def history(self, event_id: str) -> list[dict]:
        """The audit log of an event, oldest first: {id, who, at, field, old, new, reason, kind, undone}."""
        rows = self.db.execute(
            "SELECT id, who, at, field, old, new, reason, kind, undone_by, target, event_id FROM corrections "
            "WHERE event_id = ? OR target = ? ORDER BY id", (event_id, event_id)).fetchall()
        return [{"id": r[0], "who": r[1], "at": r[2], "field": r[3], "old": json.loads(r[4]) if r[4] else None,
                 "new": json.loads(r[5]) if r[5] else None, "reason": r[6], "kind": r[7],
                 "undone": r[8] is not None, "event_id": r[10], "other_event_id": r[9]} for r in rows]

    def undo_correction(self, correction_id: int, who: str) -> Event:
        """Revert one logged change; returns the event as it is afterwards."""
        who = self._who(who)
        with self.db.transaction():
            row = self.db.execute("SELECT event_id, kind, field, old, new, target, undone_by FROM corrections "
                                  "WHERE id = ?", (int(correction_id),)).fetchone()
            if row is None:
                raise KeyError(correction_id)
            event_id, kind, field, old, new, target, undone_by = row
            if undone_by is not None:
                raise ValueError(f"correction {correction_id} is already undone")
            if kind == "undo":
                raise ValueError("an undo cannot be undone; make the correction again")
            old, new = json.loads(old) if old else None, json.loads(new) if new else None
            self._check_undoable(int(correction_id), event_id, kind, target)
            before = self._live_or_any(event_id)
            undo_id = self._log(event_id, "undo", field, None, None, who, f"undo of correction {correction_id}",
                                target=str(correction_id))
            self.db.execute("UPDATE corrections SET undone_by = ? WHERE id = ?", (undo_id, int(correction_id)))
            if kind == "set":  # the place fields derived from a corrected location go with it
                self.db.execute("UPDATE corrections SET undone_by = ? WHERE kind = 'set' AND target = ? "
                                "AND undone_by IS NULL", (undo_id, str(correction_id)))
            if kind == "status":
                self.db.execute("UPDATE events SET status = ? WHERE event_id = ?", (old, event_id))
            elif kind == "merge":
                self._move_reports(new["reports"], other := new["from"])
                self.db.execute("UPDATE events SET status = ?, merged_into = NULL WHERE event_id = ?",
                                (new.get("status", "active"), other))
                self._rebuild(other)
            elif kind == "split":
                self._move_reports(new["reports"], event_id)
                self.db.execute("UPDATE events SET status = 'merged', merged_into = ? WHERE event_id = ?",
                                (event_id, target))
            after = self._rebuild(event_id)
            if kind == "set":
                logged = (getattr(before, field), getattr(after, field))
            elif kind == "status":
                logged = (new, old)
            else:
                logged = (None, None)
            self.db.execute("UPDATE corrections SET old = ?, new = ? WHERE id = ?",
                            (_j(logged[0]), _j(logged[1]), undo_id))
            return after

    def _check_undoable(self, correction_id: int, event_id: str, kind: str, target: str | None) -> None:
        """Undo only what can be reverted exactly: a change to an event since merged away waits for that merge's
        undo, and a merge or split waits for every later merge or split of the same events (undone newest first),
        so no report ever ends up in two active events."""
        row = self.db.execute("SELECT status, merged_into FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if kind in ("set", "status") and row and row[0] == "merged":
            raise ValueError(f"event {event_id} was merged into {row[1]}; undo that merge first")
        if kind not in ("merge", "split"):
            return
        involved = {event_id, target}
        later = self.db.execute(
            "SELECT id, kind, event_id, target FROM corrections WHERE id > ? AND kind IN ('merge', 'split') "
            "AND undone_by IS NULL ORDER BY id", (correction_id,)).fetchall()
        for lid, lkind, leid, ltarget in later:
            if {leid, ltarget} & involved:
                raise ValueError(f"the later {lkind} (correction {lid}) of event {leid} must be undone first")
        if kind == "merge":
            row = self.db.execute("SELECT status, merged_into FROM events WHERE event_id = ?", (event_id,)).fetchone()
            if row and row[0] == "merged":
                raise ValueError(f"event {event_id} was since merged into {row[1]}; undo that merge first")

    def _live_or_any(self, event_id: str) -> Event:
        row = self.db.execute("SELECT COALESCE(data, base) FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            raise KeyError(event_id)
        return Event.from_dict(json.loads(row[0]))

    # -- status, merge, split ------------------------------------------------------------------------
    def mark_not_event(self, event_id: str, who: str, reason: str | None = None) -> Event:
        """An analyst says this is not an event: hidden from exports and lists, kept with its sources."""
        who = self._who(who)
        with self.db.transaction():
            self._live(event_id)
            status = self.event_status(event_id)
            if status != "not_event":
                self.db.execute("UPDATE events SET status = 'not_event' WHERE event_id = ?", (event_id,))
                self._log(event_id, "status", "status", status, "not_event", who, reason)
            return self._rebuild(event_id)

    def mark_reviewed(self, event_id: str, who: str, reason: str | None = None) -> Event:
        """An analyst checked the event against its sources and let it stand (undoable like any row)."""
        who = self._who(who)
        with self.db.transaction():
            ev = self._live(event_id)
            if self.review_status(event_id) != "reviewed":
                self._log(event_id, "review", "review_status", None, "reviewed", who, reason)
            return ev

    def review_statuses(self, event_ids: list[str]) -> dict[str, str]:
        """Per event: 'not_an_event' (hidden), 'corrected' (a correction stands), 'reviewed' (checked, left as
        extracted) or 'unreviewed'; one query per kind, so a page of a thousand events costs three queries."""
        ids = list(dict.fromkeys(event_ids))
        out = {i: "unreviewed" for i in ids}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for (eid,) in self.db.execute(f"SELECT DISTINCT event_id FROM corrections WHERE kind = 'review' AND "
                                          f"undone_by IS NULL AND event_id IN ({marks})", chunk).fetchall():
                out[eid] = "reviewed"
            for (eid,) in self.db.execute(f"SELECT DISTINCT event_id FROM corrections WHERE kind = 'set' AND "
                                          f"undone_by IS NULL AND event_id IN ({marks})", chunk).fetchall():
                out[eid] = "corrected"
            for (eid,) in self.db.execute(f"SELECT event_id FROM events WHERE status = 'not_event' AND "
                                          f"event_id IN ({marks})", chunk).fetchall():
                out[eid] = "not_an_event"
        return out

    def with_review_status(self, events: list[Event]) -> list[Event]:
        """The events, each carrying its `review_status` for the exports (not a field of Event: a review is the
        store's knowledge about an event, not part of what the articles say)."""
        statuses = self.review_statuses([e.event_id for e in events])
        for e in events:
            e.review_status = statuses.get(e.event_id)  # type: ignore[attr-defined]
        return events

    def review_status(self, event_id: str) -> str:
        return self.review_statuses([event_id])[event_id]

    def _move_reports(self, report_ids: list[int], event_id: str) -> None:
        for rid in report_ids:
            self.db.execute("UPDATE reports SET event_id = ? WHERE id = ?", (event_id, int(rid)))

    def merge_into(self, target_id: str, other_id: str, who: str, reason: str | None = None) -> Event:
        """Move every source of `other_id` into `target_id`; `other_id` then resolves to the target."""
        who = self._who(who)
        if target_id == other_id:
            raise ValueError("cannot merge an event into itself")
        with self.db.transaction():
            self._live(target_id)
            self._live(other_id)
            status = self.event_status(other_id)
            moved = [rid for rid, _ in self._reports(other_id)]
            self._move_reports(moved, target_id)
            self.db.execute("UPDATE events SET status = 'merged', merged_into = ? WHERE event_id = ?",
                            (target_id, other_id))
            self._log(target_id, "merge", "sources", None, {"from": other_id, "reports": moved, "status": status},
                      who, reason, target=other_id)
            return self._rebuild(target_id)

    def split_sources(self, event_id: str, article_ids: list[str], who: str, reason: str | None = None) -> str:
        """Move the reports of `article_ids` out of an event into a new event; returns the new event's id."""
        who = self._who(who)
        wanted = set(article_ids or [])
        with self.db.transaction():
            self._live(event_id)
            reports = self._reports(event_id)
            moving = [rid for rid, r in reports if {s.article_id for s in r.sources} & wanted]
            if not moving:
                raise ValueError(f"none of {sorted(wanted)} is a source of event {event_id}")
            if len(moving) == len(reports):
                raise ValueError("a split must leave at least one source on the event")
            digest = hashlib.sha1(",".join(sorted(wanted)).encode()).hexdigest()[:8]
            new_id = self._free_id(f"{event_id}-s{digest}")
            self._move_reports(moving, new_id)
            from sitrep.dedup import reconcile
            self._insert_event(new_id, reconcile([r for _, r in self._reports(new_id)], event_id=new_id))
            self._log(event_id, "split", "sources", None, {"reports": moving, "articles": sorted(wanted)},
                      who, reason, target=new_id)
            self._rebuild(event_id)
            return new_id
