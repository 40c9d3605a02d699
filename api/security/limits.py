"""Limits every request meets before a route reads it: JSON bodies only, and a size cap enforced while
the body streams in (a declared Content-Length over the cap is refused before a byte is read); no NUL
character (U+0000) in a path or in a body's text, since PostgreSQL's text cannot hold one (the OpenAPI
document says so of every string: `api.openapi`)."""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from api.errors import ApiError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_WITH_BODY = {"POST", "PUT", "PATCH"}
# The request line and headers the server reads (uvicorn's h11 takes 16 KiB unless told): enough for the
# longest filter a list's OpenAPI schema allows (api.listing), JSON-escaped and percent-encoded.
MAX_REQUEST_HEAD = 2 * 1024 * 1024


# A JSON escape of NUL: `\u0000` after an even run of backslashes (an odd one escapes the backslash).
_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
_CARRY = 64  # bytes of the last chunk searched again with the next, so an escape split between them is seen


class HoldsNul(ApiError):
    def __init__(self) -> None:
        super().__init__(422, code="nul_character", path="", message=(
            "the body's text holds the NUL character (\\u0000), which cannot be stored; remove it"))


class TooLarge(ApiError):
    """Raised from the body stream once it passes the cap; FastAPI answers it as it answers any ApiError."""

    def __init__(self, cap: int) -> None:
        super().__init__(413, code="too_large", path="", message=f"this request's body is at most {cap:,} bytes; "
                                                                 "send less at a time")


async def _refuse(send: Send, status: int, code: str, message: str, path: str = "") -> None:
    body = json.dumps({"detail": {"code": code, "message": message, "path": path}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class RequestLimits:
    """ASGI middleware for /api: `caps` are (path pattern, most bytes) pairs, the first match wins."""

    def __init__(self, app: ASGIApp, *, default_cap: int, caps: list[tuple[str, int]]) -> None:
        self.app = app
        self.default_cap = default_cap
        self.caps = [(re.compile(pattern), cap) for pattern, cap in caps]

    def cap(self, path: str) -> int:
        return next((cap for pattern, cap in self.caps if pattern.fullmatch(path)), self.default_cap)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        if "\x00" in scope["path"]:
            await _refuse(send, 404, "not_found", "nothing has a name or id holding the NUL character (%00)", "id")
            return
        query = scope.get("query_string", b"")
        if b"\x00" in query or b"%00" in query:
            await _refuse(send, 422, "nul_character", "the query string holds the NUL character (%00), which no "
                          "text here may hold; remove it", "query")
            return
        if scope["method"] not in _WITH_BODY:
            await self.app(scope, receive, send)
            return
        headers = {k.decode().lower(): v.decode("latin-1") for k, v in scope["headers"]}
        declared = headers.get("content-length")
        cap = self.cap(scope["path"])
        if declared and declared.isdigit() and int(declared) > 0 or "transfer-encoding" in headers:
            kind = headers.get("content-type", "").split(";")[0].strip().lower()
            if kind != "application/json" and not kind.endswith("+json"):
                await _refuse(send, 415, "not_json", f"send the body as JSON with 'Content-Type: application/json' "
                                                     f"(got {kind or 'no content type'})", "content-type")
                return
        if declared and declared.isdigit() and int(declared) > cap:
            await _refuse(send, 413, "too_large", f"this request's body is at most {cap:,} bytes "
                                                  f"(it declares {int(declared):,}); send less at a time")
            return
        seen = 0
        carry = b""

        async def counted() -> Message:
            nonlocal seen, carry
            message = await receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                seen += len(chunk)
                if seen > cap:
                    raise TooLarge(cap)
                window = carry + chunk
                if b"u0000" in window and _NUL.search(window):
                    raise HoldsNul()
                carry = window[-_CARRY:]
            return message

        await self.app(scope, counted, send)
