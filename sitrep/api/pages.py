"""The dashboard's HTML pages. Templates are rendered with autoescaping on, and every dynamic value goes through
it: article text and titles are untrusted. The evidence is highlighted by cutting the text at the source's offsets
into plain/marked segments that the template escapes one by one."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

router = APIRouter(include_in_schema=False)
WEB = Path(__file__).resolve().parent.parent / "web"


@lru_cache(maxsize=1)
def templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(WEB / "templates")), autoescape=True,
                              undefined=jinja2.StrictUndefined)


def render(name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    return HTMLResponse(templates().get_template(name).render(**ctx), status_code=status_code)


def evidence_segments(text: str, start: int, end: int, evidence: str) -> tuple[list[tuple[bool, str]], bool]:
    """Split `text` into (is_evidence, piece) segments; the flag says the offsets matched the evidence exactly.
    When the offsets are off (an older extraction, an edited article), fall back to finding the evidence."""
    ok = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
    if ok and evidence and " ".join(text[start:end].split()) != " ".join(evidence.split()):
        ok = False
    if not ok and evidence:
        found = text.find(evidence)
        if found >= 0:
            start, end, ok = found, found + len(evidence), True
    if not ok:
        return [(False, text)], False
    return [(False, text[:start]), (True, text[start:end]), (False, text[end:])], True


def _short(value: Any) -> str:
    text = "none" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "..."


def describe_change(h: dict[str, Any], event_id: str) -> str:
    """One audit-log row in words, from this event's point of view (merge and split rows name both events)."""
    kind, new = h["kind"], h["new"] if isinstance(h["new"], dict) else {}
    if kind == "set":
        return f"set {h['field']} from {_short(h['old'])} to {_short(h['new'])}"
    if kind == "status":
        return "marked as not an event" if h["new"] == "not_event" else f"status set to {_short(h['new'])}"
    if kind == "review":
        return "marked as reviewed (checked, left as it is)"
    if kind == "merge":
        n = len(new.get("reports", []))
        if h["event_id"] == event_id:
            return f"merged event {h['other_event_id']} into this one ({n} report{'s' * (n != 1)} moved here)"
        return f"merged into event {h['event_id']} ({n} report{'s' * (n != 1)} moved there)"
    if kind == "split":
        arts = ", ".join(new.get("articles", []))
        if h["event_id"] == event_id:
            return f"split the sources {arts} off into the new event {h['other_event_id']}"
        return f"split off event {h['event_id']} (sources {arts})"
    if kind == "undo":
        return f"undid correction {h['other_event_id']}"
    return kind


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request) -> HTMLResponse:
    from sitrep.store.edits import taxonomy
    subtypes = sorted({s for subs in taxonomy().values() for s in subs})
    return render("index.html", tile_url=request.app.state.tile_url or "", subtypes=subtypes)


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI UI from the vendored swagger-ui-dist: FastAPI's own page pulls it from a CDN and runs an
    inline script, which neither an offline server nor our Content-Security-Policy allows."""
    return render("docs.html")


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> Response:
    store = request.app.state.pool.get()
    event = store.get_event(event_id) if len(event_id) <= 200 else None
    if event is None:
        return render("notfound.html", status_code=404, what="event", ident=event_id[:200])
    if event.event_id != event_id:  # merged into another event: show it under its own id, so links stay right
        return RedirectResponse(f"/events/{quote(event.event_id, safe='')}", status_code=303)
    sources = []
    for s in event.sources:
        article = store.get_article(s.article_id)
        segments, exact = evidence_segments(article.text, s.char_start, s.char_end, s.evidence) if article else ([], False)
        sources.append({"source": s, "article": article, "segments": segments, "exact": exact})
    fats = [v for v in (event.fatalities_min, event.fatalities, event.fatalities_max) if v is not None]
    status_of = getattr(store, "event_status", None)
    status = status_of(event.event_id) if callable(status_of) else None
    history = [{**h, "words": describe_change(h, event_id)} for h in store.history(event_id)]
    return render("event.html", event=event, status=status, e=event.to_dict(), sources=sources, history=history,
                  fatalities_range=(min(fats), max(fats)) if fats else None)


BASEMAPS = ("countries-50m.topo.json", "admin1.topo.json")


def basemap(request: Request, name: str) -> Response:
    """The bundled boundary layers, sent as their pre-compressed .gz when the browser accepts gzip."""
    if name not in BASEMAPS:
        raise HTTPException(404, "no such base map")
    path = WEB / "static" / "vendor" / "basemap" / name
    headers = {"Cache-Control": "public, max-age=86400", "Vary": "Accept-Encoding"}
    gz = path.with_name(name + ".gz")
    if "gzip" in request.headers.get("accept-encoding", "") and gz.exists():
        return FileResponse(gz, media_type="application/json", headers={**headers, "Content-Encoding": "gzip"})
    return FileResponse(path, media_type="application/json", headers=headers)


def not_found_page(request: Request, exc: HTTPException) -> HTMLResponse:
    return render("notfound.html", status_code=404, what="page", ident=request.url.path[:200])
