"""Webhook subscriptions as the API takes and shows them: the secret is write-only."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from store.connector_config import WebUrl
from store.events_out import EventType

StoredType = Literal[tuple(t.value for t in EventType if t != EventType.test)]  # type: ignore[valid-type]

TYPES = Field(min_length=1, max_length=len(EventType), description="The event types delivered (at least one)")
FILTER = Field(default=None, description="JSON Logic over the event envelope (type, case_id, data...), e.g. "
                                         '{"==": [{"var": "data.case.priority"}, "high"]}; only events for which '
                                         "it is true are delivered; none: every event of the types")
SECRET = Field(min_length=16, max_length=200, description="The signing secret (HMAC-SHA256); write-only, never shown "
                                                          "again")


class SubscriptionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    url: WebUrl = Field(description="Where events are POSTed: a public http(s) address, unless the operator "
                                    "allow-lists its network (SWITCHBOARD_CONNECT_ALLOW)")
    event_types: list[StoredType] = TYPES  # type: ignore[valid-type]
    filter: dict[str, Any] | None = FILTER
    secret: SecretStr = SECRET
    active: bool = True


class SubscriptionChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, min_length=1, max_length=200)
    url: WebUrl | None = None
    event_types: list[StoredType] | None = Field(default=None, min_length=1, max_length=len(EventType))  # type: ignore[valid-type]
    filter: dict[str, Any] | None = FILTER
    secret: SecretStr | None = Field(default=None, min_length=16, max_length=200,
                                     description="A new signing secret; write-only")
    active: bool | None = Field(default=None, description="false pauses delivery (the backlog is kept); true "
                                                          "resumes it, delivering the backlog, and clears a pause")


class SubscriptionPublic(BaseModel):
    id: str
    name: str
    url: str
    event_types: list[str]
    filter: dict[str, Any] | None
    active: bool
    paused_reason: str | None = Field(description="Why delivery is paused (by whom, or after which failures)")
    paused_at: datetime | None
    healthy: bool = Field(description="false after repeated failures, until a delivery succeeds")
    cursor: int = Field(description="The last event delivered or passed over (GET /api/events?after=)")
    backlog: int = Field(description="Events of its types beyond its cursor (before its filter)")
    consecutive_failures: int
    last_error: str | None
    last_delivery_at: datetime | None
    next_attempt_at: datetime | None
    created_at: datetime
    created_by: str
    updated_at: datetime


class DeliveryPublic(BaseModel):
    id: int
    subscription_id: str
    event_id: str
    cursor: int | None = Field(description="The event's cursor; null: a test event")
    type: str
    attempt: int
    ok: bool
    status_code: int | None
    latency_ms: float | None
    error: str | None
    at: datetime
