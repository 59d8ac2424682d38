"""Which URLs and addresses the feed watcher may contact (server-side request forgery guard).

A feed is written by a stranger, and so is every link in it: without a guard, `sitrep watch` could be made to
read the cloud metadata service (169.254.169.254), an admin page on the LAN, or a local file. The rules:

- only `http` and `https` URLs, ever (no file:, ftp:, gopher:, data:, ...);
- host names spelled as odd numbers (`2130706433`, `0177.0.0.1`, `0x7f.1`) are refused outright: resolvers read
  them as IP addresses and they exist only to slip past naive checks;
- every address a name resolves to is checked, and the caller connects to that checked address (see fetch.py),
  so a DNS answer cannot change between the check and the connection;
- IPv6 forms that embed an IPv4 address (::ffff:10.0.0.1, 6to4, NAT64, Teredo) are judged by the embedded one too;
- link-local (169.254/16, fe80::/10, the cloud metadata addresses), unspecified (0.0.0.0, ::), multicast,
  broadcast and reserved addresses are refused always; loopback, private (RFC 1918, fc00::/7) and shared
  (100.64/10) ones only unless `allow_private`, the explicit opt-in for feeds on one's own network.
"""
from __future__ import annotations

import ipaddress
import re
import socket
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

ALLOWED_SCHEMES = ("http", "https")
# Metadata services that do not sit in a link-local range (AWS IPv6, Alibaba): refused like link-local.
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in ("fd00:ec2::254", "100.100.100.200"))
_SHARED_V4 = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}\.?$")


class Refused(Exception):
    """A URL or address the policy does not let us contact; the message is the reason, for the log."""


class LookupFailed(Exception):
    """DNS gave no answer (yet): unlike Refused, this may pass, so the caller may try again later."""


@dataclass(frozen=True)
class Target:
    """A URL split into the parts a pinned connection needs."""

    url: str
    scheme: str
    host: str  # lower-case name or IP literal, no brackets
    port: int
    ip_literal: IPAddress | None  # set when the URL names an address instead of a host name


def _embedded_v4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries, if any: an attacker's way to say 127.0.0.1 in IPv6."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if int(ip) >> 32 == 0 and int(ip) > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(int(ip))
    return None


def address_problem(ip: IPAddress | str, allow_private: bool = False) -> str | None:
    """Why this address may not be contacted, or None when it may. Pure: no I/O."""
    if isinstance(ip, str):
        ip = ipaddress.ip_address(ip.strip("[]").split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_v4(ip)
        if inner is not None:
            why = address_problem(inner, allow_private)
            return f"{why} (embedded in {ip})" if why else None
    # Order matters: Python's is_private also covers link-local and 0.0.0.0/8, which are never allowed.
    if ip.is_link_local or ip in METADATA_ADDRESSES:
        return f"link-local address {ip} (never allowed)"
    if ip.is_unspecified or (ip.version == 4 and ip in ipaddress.ip_network("0.0.0.0/8")):
        return f"unspecified address {ip} (never allowed)"
    if ip.is_multicast:
        return f"multicast address {ip} (never allowed)"
    if ip.version == 4 and ip == ipaddress.IPv4Address("255.255.255.255"):
        return f"broadcast address {ip} (never allowed)"
    if ip.is_loopback:
        kind = "loopback"
    elif ip.is_reserved:
        return f"reserved address {ip} (never allowed)"
    elif ip.is_private or (ip.version == 4 and ip in _SHARED_V4) or not ip.is_global:
        kind = "private"
    else:
        return None
    return None if allow_private else f"{kind} address {ip} (use --allow-private to allow)"


def parse_target(url: str) -> Target:
    """Split and vet a URL without touching the network; raise Refused with the reason."""
    if not isinstance(url, str) or not url.strip():
        raise Refused("empty URL")
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as e:
        raise Refused(f"malformed URL ({e})") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise Refused(f"scheme {scheme + ':' if scheme else '(none)'} not allowed (only http and https)")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise Refused("URL has no host")
    if any(c in host for c in " \t\r\n\\"):
        raise Refused(f"bad host name {host!r}")
    if not host.isascii():  # the IDNA form is what DNS, Host and SNI see ("①②⑦.0.0.1" is "127.0.0.1")
        try:
            host = host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            raise Refused(f"bad host name {host!r}") from None
    try:
        ip: IPAddress | None = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        ip = None
        if _NUMERIC_HOST.match(host):
            raise Refused(f"host {host!r} is an IP address in a non-standard spelling") from None
    if ip is not None and "%" in host:
        raise Refused(f"scoped IPv6 address {host!r} not allowed")
    return Target(url=url, scheme=scheme, host=host, port=port or (443 if scheme == "https" else 80), ip_literal=ip)


def _getaddrinfo(host: str, port: int) -> list[IPAddress]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    seen: list[IPAddress] = []
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if addr not in seen:
            seen.append(addr)
    return seen


def resolve(target: Target, allow_private: bool, timeout: float = 5.0) -> IPAddress:
    """The one checked address to connect to. Every DNS answer must pass: a name that resolves to a public
    and a private address at once (a rebinding trick) is refused rather than raced."""
    if target.ip_literal is not None:
        addrs = [target.ip_literal]
    else:
        pool = ThreadPoolExecutor(max_workers=1)  # getaddrinfo has no timeout of its own
        try:
            addrs = pool.submit(_getaddrinfo, target.host, target.port).result(timeout=timeout)
        except FutureTimeout:
            raise LookupFailed(f"DNS lookup of {target.host} timed out") from None
        except (OSError, UnicodeError, ValueError) as e:
            raise LookupFailed(f"cannot resolve {target.host} ({e})") from None
        finally:
            pool.shutdown(wait=False)
    if not addrs:
        raise LookupFailed(f"{target.host} resolves to no address")
    for addr in addrs:
        why = address_problem(addr, allow_private)
        if why:
            via = "" if target.ip_literal is not None else f"{target.host} resolves to "
            raise Refused(via + why)
    return addrs[0]


def check_url(url: str, allow_private: bool = False) -> Target:
    """Vet a URL's scheme and, when it names an address, that address (no DNS). Used to drop hopeless feed
    items before any request; the full check with DNS happens in `resolve` right before connecting."""
    target = parse_target(url)
    if target.ip_literal is not None:
        why = address_problem(target.ip_literal, allow_private)
        if why:
            raise Refused(why)
    return target
