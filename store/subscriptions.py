"""Webhook subscriptions: where events out (store.events_out) are delivered, and the log of every delivery.

A subscription's `cursor` is the last event it has done with: delivered with a 2xx, or skipped because its
type or filter does not want it. The relay (store.webhook_relay) advances it only after a 2xx, so delivery is
at least once and in cursor order, which is each case's order. The secret is sealed with the key ring
(purpose `webhook-secret`) before it is stored, opened only to sign, never returned nor logged.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlmodel import JSON, Column, Field, Session, SQLModel, col, select

from store.db.types import UtcDateTime
from store.keys import KeyRing

SECRET_PURPOSE = "webhook-secret"


def _when(**kw: Any) -> Any:
    return Field(default=None, sa_type=UtcDateTime, **kw)


class Subscription(SQLModel, table=True):
    __tablename__ = "subscription"

    id: str = Field(primary_key=True)
    name: str
    url: str
    event_types: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    filter: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    secret: str = Field(description="Sealed with the key ring; never returned")
    active: bool = True
    paused_reason: str | None = None
    paused_at: datetime | None = _when()
    healthy: bool = True
    cursor: int = 0
    consecutive_failures: int = 0
    failing_since: datetime | None = _when()
    next_attempt_at: datetime | None = _when()
    last_error: str | None = None
    last_delivery_at: datetime | None = _when()
    created_at: datetime = Field(sa_type=UtcDateTime)  # type: ignore[call-overload]
    created_by: str
    updated_at: datetime = Field(sa_type=UtcDateTime)  # type: ignore[call-overload]
    lease_until: datetime | None = _when()  # a relay delivering it holds it until then
    leased_by: str | None = None


class Delivery(SQLModel, table=True):
    __tablename__ = "subscription_delivery"

    id: int | None = Field(default=None, primary_key=True)
    subscription_id: str = Field(index=True)
    event_id: str = Field(description="The event's id: its idempotency key")
    cursor: int | None = Field(default=None, description="The event's cursor; None: a test event")
    type: str
    attempt: int = Field(description="1 for the first try of this event, then 2, 3...")
    ok: bool
    status_code: int | None = None
    latency_ms: float | None = None
    error: str | None = None
    at: datetime = Field(sa_type=UtcDateTime, index=True)  # type: ignore[call-overload]


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def seal_secret(keys: KeyRing, secret: str) -> str:
    return keys.seal(secret.encode(), purpose=SECRET_PURPOSE)


def open_secret(keys: KeyRing, sealed: str) -> str:
    return keys.open(sealed, purpose=SECRET_PURPOSE).decode()


def backlog(session: Session, subscription: Subscription) -> int:
    """Events beyond its cursor, of the types it wants (its filter aside)."""
    from sqlalchemy import func

    from store.events_out import EventOut
    query = select(func.count()).where(col(EventOut.id) > subscription.cursor)
    if subscription.event_types:
        query = query.where(col(EventOut.type).in_(subscription.event_types))
    return session.exec(query).one()
