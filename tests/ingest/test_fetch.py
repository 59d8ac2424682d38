"""Safe fetching against a real HTTP server on 127.0.0.1, and the address policy on its own.

The server is on loopback, so fetches run with allow_private=True; what must stay refused even then (link-local,
metadata, 0.0.0.0, odd IP spellings, non-http schemes) is checked through redirects from that server.
"""
from __future__ import annotations

import gzip
import shutil
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sitrep.ingest.fetch import FetchError, Fetcher, FetchPolicy, HostLimiter, html_payload
from sitrep.ingest.netguard import Refused, address_problem, check_url, parse_target, resolve


class Server:
    """A tiny real HTTP server: `routes[path] = handler(req) -> (status, headers, body)`; records requests."""

    def __init__(self, tls: ssl.SSLContext | None = None, host: str = "127.0.0.1") -> None:
        self.routes: dict = {}
        self.requests: list[tuple[str, dict]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.requests.append((self.path, dict(self.headers)))
                route = outer.routes.get(self.path)
                status, headers, body = route(self) if route else (404, {}, b"not found")
                if status is None:  # the route wrote its own answer
                    return
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        server_class = ThreadingHTTPServer
        if ":" in host:
            server_class = type("V6Server", (ThreadingHTTPServer,), {"address_family": socket.AF_INET6})
        self.httpd = server_class((host, 0), Handler)
        self.httpd.handle_error = lambda *a: None  # a client that hung up early is the point of some tests
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.base = f"http://{'[' + host + ']' if ':' in host else host}:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


def fast_policy(**kw) -> FetchPolicy:
    base = dict(allow_private=True, connect_timeout=2.0, read_timeout=2.0, total_timeout=5.0,
                max_bytes=10_000, retries=0, backoff=0.01, per_host_interval=0.0)
    base.update(kw)
    return FetchPolicy(**base)


def ok(body: bytes, **headers):
    return lambda req: (200, {"Content-Type": "text/html; charset=utf-8", **headers}, body)


def redirect(location: str, status: int = 302):
    return lambda req: (status, {"Location": location}, b"")


# --- fetching -----------------------------------------------------------------------------------------------

def test_fetch_returns_body_and_validators(server):
    server.routes["/a"] = ok(b"<p>hello</p>", ETag='"v1"', **{"Last-Modified": "Tue, 01 Dec 2026 10:00:00 GMT"})
    r = Fetcher(fast_policy()).fetch(server.base + "/a")
    assert (r.status, r.body, r.content_type, r.etag) == (200, b"<p>hello</p>", "text/html", '"v1"')
    assert r.last_modified == "Tue, 01 Dec 2026 10:00:00 GMT"


def test_conditional_request_gets_304(server):
    def feed(req):
        if req.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"ETag": '"v1"'}, b"<rss/>"
    server.routes["/feed"] = feed
    f = Fetcher(fast_policy())
    first = f.fetch(server.base + "/feed")
    second = f.fetch(server.base + "/feed", etag=first.etag, last_modified="Tue, 01 Dec 2026 10:00:00 GMT")
    assert not first.not_modified and second.not_modified and second.body == b""
    assert server.requests[1][1]["If-Modified-Since"] == "Tue, 01 Dec 2026 10:00:00 GMT"


def test_redirects_are_followed_hop_by_hop(server):
    server.routes["/old"] = redirect("/mid", 301)
    server.routes["/mid"] = redirect(server.base + "/new", 307)
    server.routes["/new"] = ok(b"moved")
    r = Fetcher(fast_policy()).fetch(server.base + "/old")
    assert r.body == b"moved" and r.url == server.base + "/new"
    assert server.paths() == ["/old", "/mid", "/new"]


@pytest.mark.parametrize("location", [
    "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://0.0.0.0:{port}/a",
    "http://2130706433:{port}/a",
    "http://0x7f.1:{port}/a",
    "file:///etc/passwd",
    "ftp://127.0.0.1/x",
    "gopher://127.0.0.1:70/_x",
])
def test_redirect_to_a_forbidden_target_is_refused_even_with_allow_private(server, location):
    server.routes["/a"] = ok(b"should never be served by a redirect")
    server.routes["/go"] = redirect(location.format(port=server.port))
    with pytest.raises(Refused):
        Fetcher(fast_policy()).fetch(server.base + "/go")
    assert server.paths() == ["/go"]


def test_loopback_refused_without_allow_private(server):
    server.routes["/a"] = ok(b"x")
    for url in (server.base + "/a", f"http://localhost:{server.port}/a", f"http://[::ffff:127.0.0.1]:{server.port}/a"):
        with pytest.raises(Refused, match="loopback"):
            Fetcher(fast_policy(allow_private=False)).fetch(url)
    assert server.requests == []


def test_connection_is_pinned_to_the_checked_address_with_the_real_host_header(server):
    server.routes["/a"] = ok(b"x")
    Fetcher(fast_policy()).fetch(f"http://localhost:{server.port}/a")
    assert server.requests[0][1]["Host"] == f"localhost:{server.port}"


@pytest.fixture
def tls_server(tmp_path):
    """The same server behind TLS, with a self-made certificate for the name `localhost` only."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost"], check=True, capture_output=True)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server = Server(tls=ctx)
    yield server, str(cert)
    server.close()


def test_tls_is_verified_against_the_host_name_while_connecting_to_the_checked_address(tls_server):
    server, cert = tls_server
    server.routes["/s"] = ok(b"secret-free")
    f = Fetcher(fast_policy(ca_file=cert))
    assert f.fetch(f"https://localhost:{server.port}/s").body == b"secret-free"
    with pytest.raises(FetchError, match="connection failed"):  # the certificate does not name 127.0.0.1
        f.fetch(f"https://127.0.0.1:{server.port}/s")


def test_ipv6_loopback_is_fetched_with_its_bracketed_host_header():
    try:
        s = Server(host="::1")
    except OSError:
        pytest.skip("no IPv6 loopback here")
    try:
        s.routes["/6"] = ok(b"six")
        assert Fetcher(fast_policy()).fetch(s.base + "/6").body == b"six"
        assert s.requests[0][1]["Host"] == f"[::1]:{s.port}"
        with pytest.raises(Refused, match="loopback"):
            Fetcher(fast_policy(allow_private=False)).fetch(s.base + "/6")
    finally:
        s.close()


def test_dns_is_asked_once_and_the_client_never_re_resolves(server, monkeypatch):
    """A rebinding resolver: the first answer passes the check, later ones point at the metadata service."""
    real = socket.getaddrinfo
    calls = []

    def rebinding(host, port, *args, **kw):
        if host != "feeds.example":
            return real(host, port, *args, **kw)
        calls.append(host)
        ip = "127.0.0.1" if len(calls) == 1 else "169.254.169.254"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]
    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    server.routes["/f"] = ok(b"pinned")
    assert Fetcher(fast_policy()).fetch(f"http://feeds.example:{server.port}/f").body == b"pinned"
    assert calls == ["feeds.example"]
    assert server.requests[0][1]["Host"] == f"feeds.example:{server.port}"


def test_a_name_with_any_forbidden_answer_is_refused(monkeypatch):
    answers = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80)),
               (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("fe80::1", 80, 0, 0))]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answers)
    with pytest.raises(Refused, match="mixed.example resolves to link-local"):
        resolve(parse_target("http://mixed.example/"), allow_private=True)


def test_too_many_redirects(server):
    server.routes["/loop"] = redirect("/loop")
    with pytest.raises(FetchError, match="redirects"):
        Fetcher(fast_policy(max_redirects=3)).fetch(server.base + "/loop")
    assert len(server.requests) == 4


def test_slow_answer_hits_the_read_timeout(server):
    def slow(req):
        time.sleep(1.5)
        return 200, {}, b"late"
    server.routes["/slow"] = slow
    with pytest.raises(FetchError, match="read timeout") as info:
        Fetcher(fast_policy(read_timeout=0.3)).fetch(server.base + "/slow")
    assert info.value.transient


def test_dripping_answer_hits_the_total_deadline(server):
    def drip(req):
        req.send_response(200)
        req.send_header("Content-Length", "100")
        req.end_headers()
        for _ in range(100):
            req.wfile.write(b"x")
            req.wfile.flush()
            time.sleep(0.05)
        return None, None, None
    server.routes["/drip"] = drip
    with pytest.raises(FetchError, match="too slow"):
        Fetcher(fast_policy(total_timeout=0.5, max_bytes=1000)).fetch(server.base + "/drip")


def test_declared_oversized_answer_is_refused(server):
    server.routes["/big"] = ok(b"x" * 20_000)
    with pytest.raises(FetchError, match="too large"):
        Fetcher(fast_policy()).fetch(server.base + "/big")


def test_undeclared_oversized_answer_is_cut_at_the_cap(server):
    def chunked(req):
        req.send_response(200)
        req.send_header("Transfer-Encoding", "chunked")
        req.end_headers()
        for _ in range(50):
            req.wfile.write(b"400\r\n" + b"y" * 1024 + b"\r\n")
        req.wfile.write(b"0\r\n\r\n")
        return None, None, None
    server.routes["/stream"] = chunked
    with pytest.raises(FetchError, match="too large"):
        Fetcher(fast_policy()).fetch(server.base + "/stream")


def test_gzip_bomb_is_stopped_at_the_cap_on_decoded_bytes(server):
    bomb = gzip.compress(b"\0" * 5_000_000)
    server.routes["/bomb"] = lambda req: (200, {"Content-Encoding": "gzip"}, bomb)
    assert len(bomb) < 10_000
    with pytest.raises(FetchError, match="too large"):
        Fetcher(fast_policy()).fetch(server.base + "/bomb")


def test_retries_with_backoff_on_5xx_then_succeeds(server):
    answers = iter([(503, {"Retry-After": "0"}, b""), (500, {}, b""), (200, {}, b"finally")])
    server.routes["/flaky"] = lambda req: next(answers)
    delays: list[float] = []
    r = Fetcher(fast_policy(retries=2, backoff=0.01), sleep=delays.append).fetch(server.base + "/flaky")
    assert r.body == b"finally" and len(server.requests) == 3
    assert delays == [0.01, 0.02]


def test_client_errors_are_not_retried(server):
    with pytest.raises(FetchError, match="HTTP 404") as info:
        Fetcher(fast_policy(retries=3), sleep=lambda s: None).fetch(server.base + "/missing")
    assert len(server.requests) == 1 and not info.value.transient


def test_closed_port_is_transient_but_left_to_the_next_poll():
    s = Server()
    url = s.base + "/"
    s.close()
    delays: list[float] = []
    with pytest.raises(FetchError, match="connection failed") as info:
        Fetcher(fast_policy(retries=2), sleep=delays.append).fetch(url)
    assert info.value.transient and delays == []


def test_read_timeouts_are_retried_within_the_fetch(server):
    calls = []

    def slow_once(req):
        calls.append(1)
        if len(calls) == 1:
            time.sleep(2.0)
        return 200, {}, b"second time lucky"
    server.routes["/s"] = slow_once
    r = Fetcher(fast_policy(retries=1, read_timeout=0.5), sleep=lambda s: None).fetch(server.base + "/s")
    assert r.body == b"second time lucky" and len(calls) == 2


def test_host_limiter_spaces_requests_to_one_host():
    now = [100.0]
    slept: list[float] = []
    lim = HostLimiter(2.0, clock=lambda: now[0], sleep=lambda s: (slept.append(s), now.__setitem__(0, now[0] + s)))
    lim.wait("a.example")
    now[0] += 0.5
    lim.wait("a.example")
    lim.wait("b.example")
    assert slept == [1.5]


def test_html_payload_decodes_a_declared_legacy_charset(server):
    server.routes["/cp"] = lambda req: (200, {"Content-Type": "text/html; charset=windows-1251"},
                                        "<p>Київ</p>".encode("cp1251"))
    server.routes["/u"] = ok("<p>Київ</p>".encode())
    f = Fetcher(fast_policy())
    assert html_payload(f.fetch(server.base + "/cp")) == "<p>Київ</p>"
    assert html_payload(f.fetch(server.base + "/u")) == "<p>Київ</p>".encode()


# --- address policy -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("ip", ["127.0.0.1", "127.9.9.9", "::1", "10.0.0.1", "172.16.5.4", "192.168.1.1",
                                "100.64.0.1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
                                "::ffff:192.168.0.1", "2002:c0a8:0101::1", "64:ff9b::a00:1"])
def test_loopback_and_private_refused_by_default_allowed_with_opt_in(ip):
    assert address_problem(ip, allow_private=False)
    assert address_problem(ip, allow_private=True) is None


@pytest.mark.parametrize("ip", ["169.254.169.254", "169.254.0.1", "fe80::1", "febf::1", "::ffff:169.254.169.254",
                                "fd00:ec2::254", "224.0.0.1", "239.255.255.250", "ff02::1", "0.0.0.0", "0.1.2.3",
                                "::", "255.255.255.255", "240.0.0.1"])
def test_link_local_metadata_multicast_unspecified_refused_always(ip):
    assert address_problem(ip, allow_private=False)
    assert address_problem(ip, allow_private=True)


@pytest.mark.parametrize("ip", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_allowed(ip):
    assert address_problem(ip) is None


@pytest.mark.parametrize("url, why", [
    ("file:///etc/passwd", "scheme"), ("ftp://example.com/", "scheme"), ("gopher://example.com/", "scheme"),
    ("data:text/html,<p>x</p>", "scheme"), ("javascript:alert(1)", "scheme"), ("//example.com/x", "scheme"),
    ("http://2130706433/", "non-standard"), ("http://0177.0.0.1/", "non-standard"), ("http://0x7f000001/", "non-standard"),
    ("http://127.1/", "non-standard"), ("http://0.0.0.0/", "unspecified"), ("http://[::]/", "unspecified"),
    ("http://169.254.169.254/", "link-local"), ("http://[::ffff:a9fe:a9fe]/", "link-local"),
    ("http:///nohost", "no host"), ("http://host:99999/", "malformed"),
])
def test_check_url_refuses_bad_schemes_spellings_and_addresses(url, why):
    with pytest.raises(Refused, match=why):
        check_url(url, allow_private=True)


def test_unicode_digits_in_a_host_are_read_as_the_address_they_spell():
    with pytest.raises(Refused, match="loopback"):
        check_url("http://①②⑦.0.0.1/", allow_private=False)
    assert parse_target("http://bücher.example/").host == "xn--bcher-kva.example"


def test_dns_answers_are_checked_before_connecting():
    with pytest.raises(Refused, match="localhost resolves to loopback"):
        resolve(parse_target("http://localhost/"), allow_private=False)
    assert str(resolve(parse_target("http://localhost/"), allow_private=True)) in ("127.0.0.1", "::1")
