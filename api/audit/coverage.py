"""Every request that changes something leaves an audit entry, or its route says where the change is recorded.

`record` (api.audit.trail) notes each entry in the request's context; this middleware checks, when a
POST, PUT, PATCH or DELETE answers 2xx, that at least one was made, or that the route declares
`x-audit` in its OpenAPI extra (the case actions: the case's workflow records them with the case's
events; webhook posts: the mention is the record). A route that does neither is logged as an error, and
with `strict` (the tests' apps) answers 500, so a new route without its audit entry fails a test.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("switchboard.audit")

CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_RECORDED: ContextVar[list[str] | None] = ContextVar("audit_recorded", default=None)


def noted(action: str) -> None:
    """An audit entry was written for this request (called by api.audit.trail.record)."""
    recorded = _RECORDED.get()
    if recorded is not None:
        recorded.append(action)


def recorded_elsewhere(where: str) -> dict[str, Any]:
    """A route's openapi_extra: the change it makes is recorded in the audit log by `where`, not by the route."""
    return {"x-audit": where}


class AuditCoverage:
    def __init__(self, app: ASGIApp, *, strict: bool = False) -> None:
        self.app, self.strict = app, strict

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in CHANGING:
            await self.app(scope, receive, send)
            return
        recorded: list[str] = []
        token = _RECORDED.set(recorded)

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start" and 200 <= message["status"] < 300 and not recorded:
                route = scope.get("route")
                if not (getattr(route, "openapi_extra", None) or {}).get("x-audit"):
                    where = f"{scope['method']} {getattr(route, 'path', scope['path'])}"
                    log.error("%s changed something and wrote no audit entry", where)
                    if self.strict:
                        raise RuntimeError(f"{where} answered {message['status']} without an audit entry: call "
                                           "api.audit.trail.record, or declare recorded_elsewhere(...)")
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            _RECORDED.reset(token)
