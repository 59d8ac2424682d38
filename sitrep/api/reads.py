"""Read endpoints: open to everyone. Each is a thin layer over one store call, like the CLI's export."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query as Q, Request
from fastapi.responses import JSONResponse, Response

from sitrep.api import aggregate, exports
from sitrep.api.filters import Query, bad, parse_query

router = APIRouter(prefix="/api", tags=["events"])
MAX_EXPORT = 200_000


def _filters(request: Request, extra: tuple[str, ...] = ()) -> Query:
    qp = request.query_params
    return parse_query(dict(qp), {k: qp.getlist(k) for k in qp.keys()}, extra=extra)


def event_query(
    request: Request,
    since: str | None = Q(None, description="events on or after this date, YYYY-MM-DD"),
    until: str | None = Q(None, description="events on or before this date, YYYY-MM-DD"),
    country: str | None = Q(None), admin1: str | None = Q(None),
    event_type: str | None = Q(None, description="one of the six ACLED event types; several as A|B"),
    actor: str | None = Q(None, description="actor1 or actor2 (or associated actors) contains this"),
    q: str | None = Q(None, description="full-text search in notes, locations, actors and evidence"),
    bbox: str | None = Q(None, description="minlon,minlat,maxlon,maxlat"),
    status: str | None = Q(None, description="review status: reviewed, corrected, unreviewed or not_an_event "
                                             "(the hidden events)"),
    hidden: str | None = Q(None, description="1: also the events marked not an event"),
    sub_event_type: str | None = Q(None, description="ACLED sub-event type; several as A|B"),
    certainty: str | None = Q(None, description="reported, claimed or disputed; several as A|B"),
    min_fatalities: str | None = Q(None, description="only events with at least this many fatalities"),
    limit: str | None = Q(None, description="1..1000, default 100"),
    cursor: str | None = Q(None, description="the `next` value of the previous page"),
) -> Query:
    return _filters(request)


def map_query(request: Request, zoom: str | None = Q(None, description="map zoom 0..18"),
              since: str | None = None, until: str | None = None, country: str | None = None,
              admin1: str | None = None, event_type: str | None = None, actor: str | None = None,
              q: str | None = None, bbox: str | None = None) -> Query:
    return _filters(request, extra=("zoom",))


def store_of(request: Request) -> Any:
    return request.app.state.pool.get()


def run_store(fn: Any, *args: Any, **kw: Any) -> Any:
    """Store errors caused by the request (bad cursor, bad search syntax) become 400, not 500."""
    from sitrep.store import StoreError

    try:
        return fn(*args, **kw)
    except (ValueError, StoreError) as e:
        raise bad(f"{e}", 400) from None


@router.get("/events", summary="Events, newest first, filtered, paginated",
            response_description='{"events": [event, ...], "next": cursor or null}')
def list_events(request: Request, query: Query = Depends(event_query)) -> JSONResponse:
    store = store_of(request)
    events, nxt = run_store(store.query_events, query.event_filter(), limit=query.limit, cursor=query.cursor)
    statuses = store.review_statuses([e.event_id for e in events])
    # a plain JSONResponse: the records are already JSON-ready, FastAPI's generic encoder would double the cost
    return JSONResponse({"events": [{**e.to_dict(), "review_status": statuses[e.event_id]} for e in events],
                         "next": nxt})


def _export(request: Request, query: Query, fmt: str) -> Response:
    if query.cursor:
        raise bad("exports are not paginated: drop cursor", 400)
    store = store_of(request)
    events = []
    for e in run_store(store.iter_events, query.event_filter()):
        events.append(e)
        if len(events) > MAX_EXPORT:
            raise bad(f"more than {MAX_EXPORT} events match: narrow the filters or use `sitrep export`", 400)
    body = exports.render(store.with_review_status(events), fmt)
    return Response(body, media_type=exports.MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'})


@router.get("/events.csv", summary="The same query as CSV (ACLED column order)", response_class=Response)
def events_csv(request: Request, query: Query = Depends(event_query)) -> Response:
    return _export(request, query, "csv")


@router.get("/events.geojson", summary="The same query as GeoJSON", response_class=Response)
def events_geojson(request: Request, query: Query = Depends(event_query)) -> Response:
    return _export(request, query, "geojson")


def get_event_or_404(store: Any, event_id: str) -> Any:
    if len(event_id) > 200:
        raise HTTPException(404, "no such event")
    event = store.get_event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id[:80]!r}")
    return event


@router.get("/events/{event_id}", summary="One event with all its sources")
def get_event(request: Request, event_id: str) -> JSONResponse:
    store = store_of(request)
    event = get_event_or_404(store, event_id)
    return JSONResponse({**event.to_dict(), "review_status": store.review_status(event.event_id)})


@router.get("/events/{event_id}/history", summary="The audit log of an event")
def event_history(request: Request, event_id: str) -> dict[str, Any]:
    store = store_of(request)
    get_event_or_404(store, event_id)
    return {"event_id": event_id, "history": store.history(event_id)}


@router.get("/articles/{article_id}", summary="One stored article (its text is untrusted: escape it)")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    article = store_of(request).get_article(article_id) if len(article_id) <= 200 else None
    if article is None:
        raise HTTPException(404, f"no article {article_id[:80]!r}")
    return article.to_dict()


def cached_rows(request: Request, query: Query) -> list[aggregate.Row]:
    store = store_of(request)
    return request.app.state.rows.get(
        query.key(with_bbox=False),
        lambda: run_store(aggregate.load_rows, store, query.event_filter(with_bbox=False)),
        aggregate.store_version(store))


@router.get("/timeline", summary="Events per day and type, and totals per type and region, for the dashboard")
def get_timeline(request: Request, query: Query = Depends(map_query)) -> JSONResponse:
    rows = cached_rows(request, query)
    if query.bbox:
        inside = [r for r in rows if r.lat is not None and r.lon is not None and aggregate._inside(r, query.bbox)]
        return JSONResponse(aggregate.timeline(inside))
    return JSONResponse(request.app.state.rows.memo(("timeline",) + query.key(False), rows, aggregate.timeline))


@router.get("/map", summary="Map markers for a view: points, or grid cells when too many")
def get_map(request: Request, query: Query = Depends(map_query)) -> JSONResponse:
    raw = request.query_params.get("zoom", "3")
    if not raw.isdigit() or int(raw) > 18:
        raise bad("zoom: a whole number 0..18")
    rows = cached_rows(request, query)
    view = request.app.state.rows.memo(("map", query.bbox, int(raw)) + query.key(False), rows,
                                       lambda rs: aggregate.map_view(rs, query.bbox, int(raw)))
    return JSONResponse(view)
