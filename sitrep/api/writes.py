"""Write endpoints: an analyst's corrections and reviews, and article intake. All need a bearer token; the token's
name is recorded as `who` in the store's audit log, so every change says who made it, when, and why."""
from __future__ import annotations

import dataclasses
from typing import Any

from fastapi import APIRouter, Body, Depends, HTTPException, Request

from sitrep.api.filters import bad
from sitrep.api.reads import get_event_or_404, store_of
from sitrep.api.security import require_writer

router = APIRouter(prefix="/api", tags=["review"])
MAX_ARTICLES = 500
MAX_REASON = 2000


def _reason(body: dict[str, Any]) -> str | None:
    reason = body.pop("reason", None)
    if reason is not None and not isinstance(reason, str):
        raise bad("reason: a string expected")
    if reason and len(reason) > MAX_REASON:
        raise bad(f"reason: longer than {MAX_REASON} characters")
    return reason or None


def _object(payload: Any) -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise bad("the body must be a JSON object")
    return dict(payload)


def _changed(request: Request) -> None:
    request.app.state.rows.clear()


def _call(fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except KeyError as e:
        raise HTTPException(404, f"unknown id: {e}") from None
    except ValueError as e:
        raise bad(str(e)) from None


@router.patch("/events/{event_id}", summary="Correct fields of an event (any but event_id and sources)")
def correct_event(request: Request, event_id: str, payload: Any = Body(..., examples=[{"fatalities": 3,
                  "reason": "the regional governor's later statement"}]),
                  who: str = Depends(require_writer)) -> dict[str, Any]:
    body = _object(payload)
    reason = _reason(body)
    for forbidden in ("event_id", "sources"):
        if forbidden in body:
            raise bad(f"{forbidden} cannot be corrected")
    if not body:
        raise bad("no field to correct")
    store = store_of(request)
    get_event_or_404(store, event_id)
    event = _call(store.correct_event, event_id, body, who, reason)
    _changed(request)
    return event.to_dict()


def _mark(request: Request, event_id: str, payload: Any, who: str, method: str) -> Any:
    """A review mark (not an event, reviewed) with its optional reason, on an event that exists."""
    reason = _reason(_object(payload))
    store = store_of(request)
    get_event_or_404(store, event_id)
    _call(getattr(store, method), event_id, who, reason)
    _changed(request)
    return store


@router.post("/events/{event_id}/not-event", summary="Mark an event as not an event")
def mark_not_event(request: Request, event_id: str, payload: Any = Body(default={}),
                   who: str = Depends(require_writer)) -> dict[str, Any]:
    _mark(request, event_id, payload, who, "mark_not_event")
    return {"event_id": event_id, "not_event": True, "review_status": "not_an_event"}


@router.post("/events/{event_id}/reviewed", summary="Mark an event as reviewed (checked, left as it is)")
def mark_reviewed(request: Request, event_id: str, payload: Any = Body(default={}),
                  who: str = Depends(require_writer)) -> dict[str, Any]:
    store = _mark(request, event_id, payload, who, "mark_reviewed")
    return {"event_id": event_id, "review_status": store.review_status(event_id)}


@router.post("/events/{event_id}/merge", summary="Merge another event (other_id) into this one")
def merge_events(request: Request, event_id: str, payload: Any = Body(..., examples=[{"other_id": "e-...",
                 "reason": "same strike"}]), who: str = Depends(require_writer)) -> dict[str, Any]:
    body = _object(payload)
    reason = _reason(body)
    other = body.get("other_id")
    if not isinstance(other, str) or not other:
        raise bad("other_id: the id of the event to merge into this one")
    if other == event_id:
        raise bad("cannot merge an event into itself")
    store = store_of(request)
    get_event_or_404(store, event_id)
    get_event_or_404(store, other)
    _call(store.merge_into, event_id, other, who, reason)
    _changed(request)
    return get_event_or_404(store, event_id).to_dict()


@router.post("/events/{event_id}/split", summary="Move some sources (article_ids) of an event to a new event")
def split_event(request: Request, event_id: str, payload: Any = Body(..., examples=[{"article_ids": ["a-..."]}]),
                who: str = Depends(require_writer)) -> dict[str, Any]:
    body = _object(payload)
    reason = _reason(body)
    ids = body.get("article_ids")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise bad("article_ids: a non-empty list of article ids")
    store = store_of(request)
    get_event_or_404(store, event_id)
    new_id = _call(store.split_sources, event_id, ids, who, reason)
    _changed(request)
    return {"event_id": event_id, "new_event_id": new_id}


@router.post("/corrections/{correction_id}/undo", summary="Undo one correction")
def undo_correction(request: Request, correction_id: str, who: str = Depends(require_writer)) -> dict[str, Any]:
    if not correction_id.isdigit() or len(correction_id) > 18:
        raise HTTPException(404, f"no correction {correction_id[:40]!r}")
    event = _call(store_of(request).undo_correction, int(correction_id), who)
    _changed(request)
    return event.to_dict()


@router.post("/articles", summary="Ingest articles: one article record or a list")
def post_articles(request: Request, payload: Any = Body(...), who: str = Depends(require_writer)) -> dict[str, Any]:
    from sitrep.ingest import read_records
    from sitrep.store import ingest_articles

    records = payload if isinstance(payload, list) else [payload]
    if not records:
        raise bad("no article in the body")
    if len(records) > MAX_ARTICLES:
        raise bad(f"more than {MAX_ARTICLES} articles in one request: use `sitrep ingest` for batches", 413)
    for i, r in enumerate(records):
        if not isinstance(r, dict):
            raise bad(f"record {i}: a JSON object expected")
    articles, problems = [], []
    for item in read_records(records, f"POST /api/articles by {who}"):
        (problems if not hasattr(item, "text") else articles).append(item)
    if not articles:
        raise bad({"message": "no valid article", "problems": [str(p) for p in problems]})
    summary = ingest_articles(store_of(request), articles)
    _changed(request)
    result = dataclasses.asdict(summary) if dataclasses.is_dataclass(summary) else {}
    result = {k: v for k, v in result.items() if isinstance(v, (int, float, str, bool, type(None)))}
    describe = getattr(summary, "describe", None)
    return {"summary": describe() if callable(describe) else str(summary), **result,
            "articles": [a.id for a in articles],
            "problems": [str(p) for p in problems] + [str(p) for p in getattr(summary, "problems", None) or []]}
