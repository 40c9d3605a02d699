"""The event envelope, one schema per event type (`type` is the discriminator), for the feed and webhooks.

A webhook's body is one envelope, exactly as the feed lists it. Each envelope names its payload's schema
(store.event_payloads) and the payload's `version`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, Union

from pydantic import BaseModel, Field, create_model

from store.event_payloads import PAYLOADS
from store.events_out import EventType


class EventEnvelope(BaseModel):
    cursor: int = Field(description="Increasing in commit order: resume the feed with after=<cursor>")
    id: str = Field(description="UUID: the idempotency key (the Idempotency-Key header of webhook deliveries)")
    version: int = Field(description="The payload's schema version")
    case_id: str | None = Field(description="The case the event concerns, if any")
    occurred_at: datetime


def _envelope(kind: EventType, payload: type[BaseModel]) -> type[EventEnvelope]:
    name = "".join(part.capitalize() for part in kind.value.replace(".", "_").split("_")) + "Event"
    return create_model(name, __base__=EventEnvelope, __doc__=f"A {kind.value} event (payload version "
                        f"{getattr(payload, 'VERSION', 1)})", type=(Literal[kind.value], ...), data=(payload, ...))


ENVELOPES = {kind: _envelope(kind, payload) for kind, payload in PAYLOADS.items()}
Event = Annotated[Union[tuple(ENVELOPES.values())], Field(discriminator="type")]  # type: ignore[valid-type]  # noqa: UP007


class EventPage(BaseModel):
    events: list[Event] = Field(description="Oldest first")  # type: ignore[valid-type]
    next_cursor: int = Field(description="Give it as `after` to read on; the same cursor when nothing was new")

