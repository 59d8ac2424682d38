"""What keeps untrusted article text harmless and the store safe from anonymous writes.

- Every response carries a Content-Security-Policy that forbids inline script (and any script not served by this
  app), so even a templating slip cannot make article content run: the templates also escape everything.
- Request bodies are capped (413) while they stream in, whether or not a Content-Length was sent.
- Writes need `Authorization: Bearer TOKEN` checked against the store's hashed tokens; no token made = no writes.
"""
from __future__ import annotations

from typing import Any, Callable
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

MAX_BODY = 2 * 1024 * 1024  # 2 MiB: a few hundred articles per POST; larger batches belong to `sitrep ingest`


def tile_origin(tile_url: str | None) -> str | None:
    """The scheme://host[:port] of a tile URL template, to allow its images in the CSP."""
    if not tile_url:
        return None
    parts = urlsplit(tile_url.replace("{s}", "a"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    netloc = parts.netloc.replace("a.", "*.", 1) if "{s}" in tile_url.split("/")[2] else parts.netloc
    return f"{parts.scheme}://{netloc}"


def csp_header(tile_url: str | None) -> str:
    img = "'self' data:"
    origin = tile_origin(tile_url)
    if origin:
        img += " " + origin
    return ("default-src 'none'; script-src 'self'; style-src 'self'; img-src " + img + "; "
            "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
            "object-src 'none'")


class SecurityHeaders:
    """ASGI middleware adding the CSP and friends to every HTTP response."""

    def __init__(self, app: Callable, tile_url: str | None = None) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", csp_header(tile_url).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
            (b"cross-origin-opener-policy", b"same-origin"),
        ]

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """ASGI middleware answering 413 to bodies over `limit` bytes, declared or streamed."""

    def __init__(self, app: Callable, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    await _reply(send, 400, b'{"detail":"bad Content-Length"}')
                    return
                if declared > self.limit:
                    await _reply(send, 413, b'{"detail":"request body too large (limit %d bytes)"}' % self.limit)
                    return
        seen = 0
        started = False

        async def limited_receive() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge()
            return message

        async def tracking_send(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _reply(send, 413, b'{"detail":"request body too large (limit %d bytes)"}' % self.limit)


class _TooLarge(HTTPException):
    """Raised from `receive`; FastAPI passes HTTPExceptions from body reading through, so it becomes a 413."""

    def __init__(self) -> None:
        super().__init__(status_code=413, detail="request body too large")


async def _reply(send: Callable, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def require_writer(request: Request) -> str:
    """FastAPI dependency: the name of the token in the Authorization header, or 401/403."""
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(status_code=401, detail="writes need Authorization: Bearer TOKEN "
                            "(make one with `sitrep token create NAME`)", headers={"WWW-Authenticate": "Bearer"})
    store: Any = request.app.state.pool.get()
    name = store.check_token(token.strip())
    if not name:
        raise HTTPException(status_code=403, detail="invalid or revoked token")
    return name
