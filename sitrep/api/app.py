"""The FastAPI app behind `sitrep serve`: the REST API of CONTRACT.md and the dashboard, over one store.

`create_app(db)` builds the app (tests run it with uvicorn on a loopback port); `run_server` is what the CLI calls.
The optional base-map tile server is read from the SITREP_TILE_URL environment variable (a Leaflet URL template such
as `https://tiles.example.org/{z}/{x}/{y}.png`); without it the dashboard draws the bundled boundaries only.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.api import aggregate, pages, reads, writes
from sitrep.api.security import BodyLimit, SecurityHeaders
from sitrep.api.storepool import StorePool

log = logging.getLogger("sitrep.api")


def create_app(db: str, tile_url: str | None = None) -> FastAPI:
    """Build the app over the store at `db` (SQLite path or postgresql:// URL)."""
    tile_url = tile_url if tile_url is not None else os.environ.get("SITREP_TILE_URL") or None
    pool = StorePool(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # warm the dashboard's unfiltered aggregate in the background, so the first visitor does not wait
        threading.Thread(target=_warm, args=(app,), daemon=True, name="sitrep-warm").start()
        yield
        pool.close()

    app = FastAPI(title="sitrep", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="ACLED-style events extracted from news reports: find, check and correct them. "
                              "Reads are open; writes need `Authorization: Bearer TOKEN` (`sitrep token create NAME`).")
    app.state.pool = pool
    app.state.rows = aggregate.RowCache()
    app.state.tile_url = tile_url
    app.include_router(reads.router)
    app.include_router(writes.router)
    app.include_router(pages.router)
    app.add_api_route("/static/vendor/basemap/{name}", pages.basemap, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=str(pages.WEB / "static")), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if exc.status_code == 404 and not request.url.path.startswith(("/api/", "/static/", "/openapi")):
            return pages.not_found_page(request, exc)  # type: ignore[arg-type]
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        return JSONResponse({"detail": errors}, status_code=422)

    from sitrep.store import StoreError

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:  # the database, not the request
        log.error("store error on %s %s: %s", request.method, request.url.path, exc)
        return JSONResponse({"detail": f"the store cannot be used: {exc}"}, status_code=503)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:  # a bug: logged, never a traceback out
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    app.add_middleware(ApiGZip)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders, tile_url=tile_url)
    return app


def _warm(app: FastAPI) -> None:
    from sitrep.api.filters import Query

    try:
        store = app.state.pool.get()
        app.state.rows.get(Query().key(False), lambda: aggregate.load_rows(store, Query().event_filter(False)),
                           aggregate.store_version(store))
    except Exception:  # only an optimisation; the request path reports real errors
        log.debug("warm-up failed", exc_info=True)


class ApiGZip:
    """Compress API responses (JSON, CSV, GeoJSON) but not static files: Starlette's streaming gzip of a large
    file costs seconds; the big base-map files are shipped pre-compressed instead (see pages.basemap)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=2048, compresslevel=5)

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("path", "").startswith("/api/"):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)


def run_server(db: str, host: str = "127.0.0.1", port: int = 8000, tile_url: str | None = None) -> None:
    """Check the store opens, then serve until interrupted. A bad --db is one line on stderr and exit 2."""
    import uvicorn

    from sitrep.store import StoreError, open_store

    try:
        with open_store(db):
            pass
    except (StoreError, ValueError, OSError) as e:
        print(f"{db}: cannot open the store ({e})", file=sys.stderr)
        raise SystemExit(2)
    print(f"sitrep: serving {db} on http://{host}:{port}/ (API description at /openapi.json)", file=sys.stderr)
    uvicorn.run(create_app(db, tile_url=tile_url), host=host, port=port, log_level="warning")
