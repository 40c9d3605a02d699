"""Recording a person's action in the audit log, in the transaction that makes the change."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from api.auth.principal import Principal
from store.audit import Change, append


def actor_of(principal: Principal) -> tuple[str, str]:
    """Who acted and how: the user, through their session or one of their tokens."""
    return principal.user_id, ("token:" + principal.credential if principal.via == "token" else principal.via)


def record(session: Session, principal: Principal, action: str, target_type: str | None = None,
           target_id: str | None = None, *, before: dict[str, Any] | None = None,
           after: dict[str, Any] | None = None, detail: dict[str, Any] | None = None) -> None:
    actor, via = actor_of(principal)
    append(session, [Change(actor=actor, via=via, action=action, target_type=target_type, target_id=target_id,
                            before=before, after=after, detail=detail)])
