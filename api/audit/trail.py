"""Recording an action in the audit log, in the transaction that makes the change.

Each entry made here is also noted for the request (api.audit.coverage), which checks that every request
that changed something left one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine
from sqlmodel import Session

from api.audit.coverage import noted
from api.auth.principal import Principal
from store.audit import Change, append
from store.db import session_scope


def actor_of(principal: Principal) -> tuple[str, str]:
    """Who acted and how: the user, through their session or one of their tokens."""
    return principal.user_id, ("token:" + principal.credential if principal.via == "token" else principal.via)


def record_changes(session: Session, changes: Iterable[Change]) -> None:
    """Append `changes` (an action not made by a logged-in person: a login, a link's holder)."""
    for change in append(session, changes):
        noted(change["action"])


def record(session: Session, principal: Principal, action: str, target_type: str | None = None,
           target_id: str | None = None, *, before: dict[str, Any] | None = None,
           after: dict[str, Any] | None = None, detail: dict[str, Any] | None = None) -> None:
    """What `principal` did, with what changed."""
    actor, via = actor_of(principal)
    record_changes(session, [Change(actor=actor, via=via, action=action, target_type=target_type,
                                    target_id=target_id, before=before, after=after, detail=detail)])


async def record_apart(engine: Engine, principal: Principal, action: str, target_type: str | None = None,
                       target_id: str | None = None, *, detail: dict[str, Any] | None = None) -> None:
    """`record`, in a transaction of its own: for an action whose effect is not in this database (a poll
    asked of Temporal, histories decoded) or was committed already (an import's batch)."""
    def write() -> None:
        with session_scope(engine) as session:
            record(session, principal, action, target_type, target_id, detail=detail)
    await run_in_threadpool(write)
