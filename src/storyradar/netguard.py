"""Server-side request forgery guard: refuse URLs whose host resolves to a non-public address."""

from __future__ import annotations

import ipaddress
import socket
from typing import Any
from urllib.parse import urlsplit

from .errors import StoryradarError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedURLError(StoryradarError):
    """A URL was refused because its host is (or resolves to) an internal address."""


def address_problem(addr: IPAddress) -> str | None:
    """Why ``addr`` must not be fetched on a user's behalf (None when it is a public address)."""
    if isinstance(addr, ipaddress.IPv6Address):
        mapped = addr.ipv4_mapped or addr.sixtofour
        if mapped is not None:
            inner = address_problem(mapped)
            return f"{inner} (embedded in IPv6 {addr})" if inner else None
    checks = (("is_unspecified", "an unspecified address"), ("is_loopback", "a loopback address"),
              ("is_link_local", "a link-local address"),
              ("is_multicast", "a multicast address"), ("is_reserved", "a reserved address"),
              ("is_private", "a private-network address"))
    for attr, reason in checks:
        if getattr(addr, attr):
            return reason
    if not addr.is_global:
        return "not a globally routable address"
    return None


def _resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (a literal IP resolves to itself)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    found: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        addr = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if addr not in found:
            found.append(addr)
    return found


def _is_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def check_public_url(url: str, *, allow_private: bool = False) -> str:
    """Return ``url`` when its host resolves only to public addresses; raise BlockedURLError otherwise.

    Loopback, private, link-local (e.g. 169.254.169.254), multicast, reserved, unspecified and other
    non-global addresses are refused, for IPv4, IPv6 and IPv4 embedded in IPv6. Every address the
    name resolves to must pass, since the client may connect to any of them. ``allow_private=True``
    skips the check (a single-user server on loopback that fetches from local test servers).
    """
    if allow_private:
        return url
    parts = urlsplit(url.strip())
    host = parts.hostname
    if not host:
        raise BlockedURLError("the URL names no host", path=url[:200])
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise BlockedURLError(f"invalid port: {exc}", path=url[:200]) from exc
    try:
        addresses = _resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise BlockedURLError(f"cannot resolve host {host!r}: {exc}", path=url[:200],
                              hint="check the URL; nothing was fetched") from exc
    if not addresses:
        raise BlockedURLError(f"host {host!r} resolves to no address", path=url[:200])
    for addr in addresses:
        problem = address_problem(addr)
        if problem:
            shown = host if _is_literal(host) else f"{host} resolves to {addr}, which"
            raise BlockedURLError(
                f"refused to fetch an internal address: {shown} is {problem}", path=url[:200],
                hint="this server fetches public web addresses only; "
                     "serving on loopback or --allow-private-urls lifts this")
    return url


def guard_request_hook(allow_private: bool = False):
    """An httpx ``request`` event hook that runs :func:`check_public_url` on every request sent,
    redirect hops included."""

    def hook(request: Any) -> None:
        check_public_url(str(request.url), allow_private=allow_private)

    return hook


def guarded_client(*, allow_private: bool = False, **kwargs: Any):
    """An ``httpx.Client`` that refuses, before connecting, any request (or redirect) to an internal
    address. ``kwargs`` go to ``httpx.Client`` (timeouts, headers, transport)."""
    import httpx

    hooks = dict(kwargs.pop("event_hooks", None) or {})
    hooks["request"] = [guard_request_hook(allow_private), *hooks.get("request", [])]
    return httpx.Client(event_hooks=hooks, **kwargs)
