"""Fetching one URL from the open web without letting it hurt us or its server.

Why each rule is here:
- the address is checked (netguard.py) and the TCP connection is made to that very address, with the real host
  name kept in the Host header and in TLS (SNI and certificate check), so DNS cannot answer differently between
  check and connect; the client never resolves names itself and ignores proxy variables;
- redirects are followed by hand, each hop checked the same way, because an allowed host may redirect to
  169.254.169.254;
- connect and read timeouts, plus a deadline for the whole answer, so a server that drips bytes cannot hold a poll;
- a size cap counted on the decoded body (a gzip bomb is stopped at the cap, not after inflating);
- a per-host minimum interval between requests, to be polite to news sites that a poll hits many times;
- retries with exponential backoff only for what may pass on its own (timeouts, connection errors, 429, 5xx);
- conditional requests (If-None-Match / If-Modified-Since) so an unchanged feed costs a 304 and no parsing.
A fresh client per hop keeps connections from being reused across host names that share an address.
"""
from __future__ import annotations

import codecs
import ssl
import time
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from sitrep.ingest.netguard import IPAddress, LookupFailed, Refused, Target, parse_target, resolve

USER_AGENT = "sitrep-watch/0.1 (+https://example.invalid/sitrep; feed reader)"
REDIRECTS = (301, 302, 303, 307, 308)
RETRYABLE = (429, 500, 502, 503, 504)
ACCEPT = ("application/rss+xml, application/atom+xml, application/xml, text/xml, text/html, "
          "application/xhtml+xml;q=0.9, */*;q=0.1")


class FetchError(Exception):
    """A fetch that failed. `transient`: trying again later may help (timeouts, 5xx). `retry_now`: worth
    retrying within this fetch; not so for a host that does not accept connections (an address that drops
    packets would cost connect_timeout per attempt), which the next poll tries again instead."""

    def __init__(self, reason: str, transient: bool = False, retry_after: float | None = None,
                 retry_now: bool = True) -> None:
        super().__init__(reason)
        self.transient = transient
        self.retry_after = retry_after
        self.retry_now = transient and retry_now


@dataclass
class FetchPolicy:
    """Limits for every request. Defaults suit news sites; tests shrink the timeouts and the interval."""

    allow_private: bool = False
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 30.0  # whole answer, headers to last byte
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2  # extra attempts after the first
    backoff: float = 1.0  # seconds; doubles each retry
    max_retry_after: float = 30.0
    per_host_interval: float = 1.0  # seconds between two requests to one host
    user_agent: str = USER_AGENT
    ca_file: str | None = None  # extra CA bundle (a company proxy's CA, a test server's); system CAs otherwise


@dataclass
class FetchResult:
    """A finished answer. `status` is 200 (body set) or 304 (not modified, empty body)."""

    url: str  # the URL after redirects
    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class HostLimiter:
    """Minimum interval between requests to the same host; state lives in the instance, one per watcher."""

    interval: float
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)

    def wait(self, host: str) -> None:
        if self.interval > 0 and host in self._last:
            delay = self._last[host] + self.interval - self.clock()
            if delay > 0:
                self.sleep(delay)
        self._last[host] = self.clock()


class Fetcher:
    """Safe GETs under one policy; keep one per watch run so the rate limit spans polls."""

    def __init__(self, policy: FetchPolicy | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        self.policy = policy or FetchPolicy()
        self.sleep = sleep
        self.limiter = HostLimiter(self.policy.per_host_interval, sleep=sleep)

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET `url`, following checked redirects; raise Refused (policy) or FetchError (everything else)."""
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            target = parse_target(current)
            headers = {}  # validators go to every hop: they came from the final one of an earlier fetch
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            result = self._with_retries(target, headers)
            if isinstance(result, str):
                current = urljoin(current, result)
                continue
            return result
        raise FetchError(f"more than {self.policy.max_redirects} redirects")

    def _with_retries(self, target: Target, headers: dict[str, str]) -> FetchResult | str:
        attempt = 0
        while True:
            try:
                return self._once(target, headers)
            except FetchError as e:
                if not e.retry_now or attempt >= self.policy.retries:
                    raise
                delay = self.policy.backoff * (2 ** attempt)
                if e.retry_after is not None:
                    delay = max(delay, min(e.retry_after, self.policy.max_retry_after))
                attempt += 1
                self.sleep(delay)

    def _once(self, target: Target, headers: dict[str, str]) -> FetchResult | str:
        """One request to one checked address. Returns the result, or the Location of a redirect."""
        p = self.policy
        try:
            ip = resolve(target, p.allow_private, timeout=p.connect_timeout)
        except LookupFailed as e:
            raise FetchError(str(e), transient=True, retry_now=False) from None
        try:
            verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=p.ca_file) if p.ca_file else True
        except (OSError, ssl.SSLError) as e:
            raise FetchError(f"cannot load CA file {p.ca_file} ({e})") from None
        self.limiter.wait(target.host)
        pinned, host_header = _pinned(target, ip)
        req_headers = {"Host": host_header, "User-Agent": p.user_agent, "Accept": ACCEPT, **headers}
        extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
        timeout = httpx.Timeout(connect=p.connect_timeout, read=p.read_timeout, write=p.read_timeout,
                                pool=p.connect_timeout)
        deadline = time.monotonic() + p.total_timeout
        try:
            with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False, verify=verify) as client:
                request = client.build_request("GET", pinned, headers=req_headers, extensions=extensions)
                resp = client.send(request, stream=True)
                try:
                    return self._read(target, resp, deadline)
                finally:
                    resp.close()
        except httpx.ConnectTimeout:
            raise FetchError("timed out (connect timeout)", transient=True, retry_now=False) from None
        except httpx.ConnectError as e:
            raise FetchError(f"connection failed ({e or type(e).__name__})", transient=True, retry_now=False) from None
        except httpx.TimeoutException as e:
            raise FetchError(f"timed out ({type(e).__name__.replace('Timeout', ' timeout').lower()})", True) from None
        except httpx.TransportError as e:
            raise FetchError(f"connection failed ({e or type(e).__name__})", True) from None
        except httpx.HTTPError as e:  # decoding errors and the like
            raise FetchError(f"bad answer ({e or type(e).__name__})") from None

    def _read(self, target: Target, resp: httpx.Response, deadline: float) -> FetchResult | str:
        p = self.policy
        if resp.status_code in REDIRECTS:
            location = resp.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {resp.status_code} redirect without Location")
            return location
        if resp.status_code == 304:
            return FetchResult(url=target.url, status=304, etag=resp.headers.get("etag"),
                               last_modified=resp.headers.get("last-modified"))
        if resp.status_code in RETRYABLE:
            raise FetchError(f"HTTP {resp.status_code}", True, _retry_after(resp.headers.get("retry-after")))
        if resp.status_code != 200:
            raise FetchError(f"HTTP {resp.status_code}")
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > p.max_bytes:
            raise FetchError(f"too large ({declared} bytes declared, cap {p.max_bytes})")
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > p.max_bytes:
                raise FetchError(f"too large (more than {p.max_bytes} bytes)")
            if time.monotonic() > deadline:
                raise FetchError(f"too slow (no full answer in {p.total_timeout:g}s)", transient=True)
            chunks.append(chunk)
        ctype = resp.headers.get("content-type", "")
        return FetchResult(url=target.url, status=200, body=b"".join(chunks),
                           content_type=ctype.split(";")[0].strip().lower(), charset=resp.charset_encoding,
                           etag=resp.headers.get("etag"), last_modified=resp.headers.get("last-modified"))


def _pinned(target: Target, ip: IPAddress) -> tuple[str, str]:
    """The URL with the checked address in place of the name (so nothing re-resolves it), and the Host header
    that still names the site (virtual hosts, and TLS via the sni_hostname extension, use the name)."""
    parts = urlsplit(target.url)
    ip_host = f"[{ip}]" if ip.version == 6 else str(ip)
    url = urlunsplit((target.scheme, f"{ip_host}:{target.port}", parts.path or "/", parts.query, ""))
    name = f"[{target.host}]" if ":" in target.host else target.host  # an IPv6 literal keeps its brackets
    default_port = 443 if target.scheme == "https" else 80
    return url, name if target.port == default_port else f"{name}:{target.port}"


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (only the delta-seconds form; dates are rare and ignored)."""
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def html_payload(result: FetchResult) -> str | bytes:
    """What to hand the HTML reader: the text when the server declared a non-UTF-8 charset (the reader would
    not know it), else the bytes, so the reader applies its own rules (BOM, <meta charset>, UTF-8)."""
    if result.charset:
        try:
            name = codecs.lookup(result.charset).name
        except LookupError:
            return result.body
        if name != "utf-8":
            return result.body.decode(name, "replace")
    return result.body


__all__ = ["FetchError", "FetchPolicy", "FetchResult", "Fetcher", "HostLimiter", "Refused", "html_payload"]
