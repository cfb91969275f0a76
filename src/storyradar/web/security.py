"""Web security: access token, host check, CSRF (signed double submit), body size limit, headers."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "sr_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
AUTH_COOKIE = "sr_auth"
#: Hosts accepted without a token (a page on another site cannot rebind its name to these).
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSRF_REASON = "missing or wrong CSRF token (reload the page and try again)"
#: Paths open without the token: the login page and the static assets it needs.
PUBLIC_PREFIXES = ("/login", "/static/", "/favicon.ico")

CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'; connect-src 'self'")


def is_loopback(host: str) -> bool:
    """True when ``host`` (a name or address) only listens on this machine."""
    name = host.strip("[]")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def token_matches(given: str | None, expected: str) -> bool:
    """Compare a presented token with the expected one in constant time."""
    if not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def auth_cookie_value(secret: bytes, token: str) -> str:
    """What the login cookie holds: a keyed hash of the token (never the token itself)."""
    return hmac.new(secret, b"auth:" + token.encode("utf-8"), hashlib.sha256).hexdigest()


def new_csrf_token(secret: bytes) -> str:
    """A fresh CSRF token: random nonce plus its HMAC, so a forged cookie is refused too."""
    nonce = secrets.token_urlsafe(18)
    mac = hmac.new(secret, b"csrf:" + nonce.encode("ascii"), hashlib.sha256).hexdigest()[:32]
    return f"{nonce}.{mac}"


def csrf_token_valid(secret: bytes, token: str | None) -> bool:
    """True when ``token`` was signed by this server's secret."""
    if not token or "." not in token:
        return False
    nonce, mac = token.rsplit(".", 1)
    good = hmac.new(secret, b"csrf:" + nonce.encode("ascii", "replace"), hashlib.sha256).hexdigest()[:32]
    return hmac.compare_digest(mac.encode("ascii", "replace"), good.encode("ascii"))


def csrf_ok(secret: bytes, cookie: str | None, presented: str | None) -> bool:
    """Double submit: the presented token equals the cookie, and the server signed it."""
    if not cookie or not presented:
        return False
    return hmac.compare_digest(cookie.encode("utf-8", "replace"), presented.encode("utf-8", "replace")) \
        and csrf_token_valid(secret, cookie)


def csrf_token_for(request: Request) -> str:
    """The CSRF token of this browser (from its cookie), or a new one the response will set."""
    secret: bytes = request.app.state.web.secret
    current = request.cookies.get(CSRF_COOKIE)
    if current and csrf_token_valid(secret, current):
        return current
    token = getattr(request.state, "new_csrf", None)
    if token is None:
        token = new_csrf_token(secret)
        request.state.new_csrf = token
    return token


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc.lower() == (request.headers.get("host") or "").lower()


class SecurityMiddleware:
    """Checks every request: host, token, CSRF on unsafe methods; adds security headers.

    * Without a token the server answers only requests addressed to a loopback host name, so a
      web page elsewhere cannot reach it through DNS rebinding.
    * With a token every request but the login page and static files must present it: header
      ``Authorization: Bearer <token>`` or the cookie set by ``/login``.
    * A state-changing request must come from the same origin and carry the CSRF token (form field
      ``csrf_token`` or header ``X-CSRF-Token``) equal to the signed ``sr_csrf`` cookie; a request
      authenticated by a bearer token is exempt (a browser never adds that header by itself).
    """

    def __init__(self, app: ASGIApp, *, settings: Any) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        refusal = await self._check(request)
        if refusal is not None:
            await refusal(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                extra = {
                    b"content-security-policy": CSP.encode(),
                    b"x-content-type-options": b"nosniff",
                    b"x-frame-options": b"DENY",
                    b"referrer-policy": b"same-origin",
                    b"cross-origin-opener-policy": b"same-origin",
                }
                headers += [(k, v) for k, v in extra.items() if k not in names]
                new_token = scope.get("state", {}).get("new_csrf")
                if new_token:
                    cookie = (f"{CSRF_COOKIE}={new_token}; Path=/; SameSite=Strict; HttpOnly")
                    headers.append((b"set-cookie", cookie.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _check(self, request: Request) -> Callable[..., Awaitable[None]] | None:
        settings = self.settings
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].lower()
        if request.headers.get("host", "").startswith("["):
            host = request.headers["host"].split("]")[0] + "]"
        path = request.url.path
        bearer = False
        if settings.token is None:
            if host not in LOOPBACK_HOSTS and host not in settings.allowed_hosts:
                return PlainTextResponse(
                    f"host {host!r} refused: without a token this server answers loopback names only",
                    status_code=421)
        elif not path.startswith(PUBLIC_PREFIXES):
            auth = request.headers.get("authorization", "")
            if auth.lower().startswith("bearer "):
                bearer = token_matches(auth[7:].strip(), settings.token)
                if not bearer:
                    return _refuse(request, 401, "wrong token")
            else:
                cookie = request.cookies.get(AUTH_COOKIE, "")
                if not token_matches(cookie, auth_cookie_value(settings.secret, settings.token)):
                    return _refuse(request, 401, "this server needs its access token")
        if request.method in UNSAFE_METHODS and not bearer and path != "/login":
            if not _same_origin(request):
                return _refuse(request, 403, "cross-origin request refused")
            presented = request.headers.get(CSRF_HEADER)
            if presented is None and _is_form(request):
                # The form field is checked by csrf_guard once the endpoint has parsed the form.
                request.scope.setdefault("state", {})["csrf_pending"] = True
            elif not csrf_ok(settings.secret, request.cookies.get(CSRF_COOKIE), presented):
                return _refuse(request, 403, CSRF_REASON)
        return None


async def csrf_guard(request: Request) -> None:
    """App-wide dependency: check the ``csrf_token`` form field the middleware left pending."""
    if not request.scope.get("state", {}).get("csrf_pending"):
        return
    form = await request.form()
    presented = form.get(CSRF_FIELD)
    if not isinstance(presented, str) or not csrf_ok(
            request.app.state.web.secret, request.cookies.get(CSRF_COOKIE), presented):
        from fastapi import HTTPException

        raise HTTPException(status_code=403, detail=CSRF_REASON)
    request.scope["state"]["csrf_pending"] = False


def _is_form(request: Request) -> bool:
    ctype = request.headers.get("content-type", "")
    return ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data"))


def _refuse(request: Request, status: int, reason: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": reason}, status_code=status)
    if status == 401 and request.method == "GET":
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    return PlainTextResponse(reason, status_code=status)


class BodyLimitMiddleware:
    """Refuse request bodies above ``limit`` bytes (413), by Content-Length and while streaming."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._too_large(scope, receive, send)
            return
        seen = 0

        async def counting() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        try:
            await self.app(scope, counting, send)
        except BodyTooLarge:
            await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        mib = self.limit / (1024 * 1024)
        response = JSONResponse({"error": f"request body larger than the limit of {mib:g} MiB"}, status_code=413)
        await response(scope, receive, send)


class BodyTooLarge(Exception):
    """Raised inside the app when the request body passes the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"request body larger than {limit} bytes")
        self.limit = limit
