"""A 405 names every method the path takes, as the OpenAPI document lists them (Starlette's names only
the first route that matched the path)."""

from __future__ import annotations

import re
from functools import cache

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send


@cache
def _methods_by_path(app: FastAPI) -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    return tuple((re.compile("^" + re.sub(r"\\\{[^}/]+\\\}", "[^/]+", re.escape(path)) + "$"),
                  frozenset(m.upper() for m in operations))
                 for path, operations in app.openapi()["paths"].items())


class AllowEveryMethod:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                methods = {m for pattern, ms in _methods_by_path(scope["app"]) if pattern.match(scope["path"])
                           for m in ms}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"allow"]
                headers.append((b"allow", ", ".join(sorted(methods)).encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, sending)
