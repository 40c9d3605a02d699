"""Events out: what happened, for CRMs and other systems, written in the transaction that made it happen.

Each row of `event_out` is one event: a monotonically increasing `id` (the feed's cursor and the order of
delivery), an `event_id` (a UUID: the idempotency key a receiver dedupes by), its `type` and schema
`version`, the case it concerns (if any), when it happened and its payload (store.event_payloads: one model
per type). Rows are only ever appended. `emit` writes them in the caller's session, so an event exists if and
only if the change that caused it was committed.

Cursor order is commit order: SQLite has one writer; on PostgreSQL every transaction that emits takes one
transaction-scoped advisory lock first, so an id handed out is committed before any larger one is, and a
reader resuming `after` a cursor never skips an event committed late under a smaller id.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Text, bindparam, cast, insert, text
from sqlmodel import JSON, Column, Field, Session, SQLModel, col, select

from store.db.types import UtcDateTime

EVENTS_LOCK = 0x5357_4556  # PostgreSQL advisory lock of transactions that emit events ("SWEV")


class EventType(StrEnum):
    case_opened = "case.opened"
    case_assigned = "case.assigned"
    case_claimed = "case.claimed"
    case_replied = "case.replied"
    case_escalated = "case.escalated"
    case_sla_breached = "case.sla_breached"
    case_transferred = "case.transferred"
    case_closed = "case.closed"
    case_measured = "case.measured"
    mention_received = "mention.received"
    customer_created = "customer.created"
    customer_merged = "customer.merged"
    customer_noted = "customer.noted"
    flow_published = "flow.published"
    flow_activated = "flow.activated"
    crisis_started = "crisis.started"
    crisis_ended = "crisis.ended"
    test = "subscription.test"  # sent by POST /api/subscriptions/{id}/test only; never stored as an event


class EventOut(SQLModel, table=True):
    __tablename__ = "event_out"
    # Never reuse an id, not even the newest after retention removed it (a cursor past it must stay past it).
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True, description="The cursor: increasing in commit order")
    # Neither is indexed: readers go by cursor (the primary key), and each index costs ingest a write a mention.
    event_id: str = Field(description="UUID4; the idempotency key of every delivery of the event")
    type: str
    version: int = 1
    case_id: str | None = Field(default=None, index=True)
    occurred_at: datetime = Field(sa_type=UtcDateTime)  # type: ignore[call-overload]
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))


@dataclass(frozen=True)
class Emitted:
    """One event to write: its type, payload model (store.event_payloads), case and time."""

    type: EventType
    data: BaseModel
    case_id: str | None = None
    occurred_at: datetime | None = None


def _lock(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": EVENTS_LOCK})


def _uuid4s(count: int) -> list[str]:
    """`count` random (version 4) UUIDs from one read of the OS's random source (uuid.uuid4 reads it once each)."""
    random = os.urandom(16 * count)
    return [str(uuid.UUID(bytes=random[i:i + 16], version=4)) for i in range(0, 16 * count, 16)]


def emit_many(session: Session, events: Iterable[Emitted], *, now: datetime | None = None) -> int:
    """Append `events` in the caller's transaction, in the order given, with one statement; returns how many."""
    rows = []
    at = now or datetime.now(UTC)
    events = list(events)
    ids = _uuid4s(len(events))
    for event, event_id in zip(events, ids, strict=True):
        version = getattr(type(event.data), "VERSION", 1)
        rows.append({"event_id": event_id, "type": event.type.value, "version": version,
                     "case_id": event.case_id, "occurred_at": event.occurred_at or at,
                     "payload": event.data.model_dump_json()})
    if rows:
        _lock(session)
        session.execute(_INSERT[session.get_bind().dialect.name == "postgresql"], rows)
    return len(rows)


# The payload goes in as the JSON text pydantic wrote (in Rust), not a dict the JSON column would encode again
# in Python: a fifth of what an event costs ingest. PostgreSQL casts the text to json; SQLite stores it as is.
_table = EventOut.__table__  # type: ignore[attr-defined]
_INSERT = {pg: insert(_table).values(payload=cast(bindparam("payload", type_=Text), JSON) if pg else
                                     bindparam("payload", type_=Text)) for pg in (False, True)}


def emit(session: Session, type: EventType, data: BaseModel, *, case_id: str | None = None,
         occurred_at: datetime | None = None) -> None:
    """Append one event in the caller's transaction (see the module docstring)."""
    emit_many(session, [Emitted(type, data, case_id, occurred_at)])


def events_after(session: Session, *, after: int, types: Iterable[str] | None = None,
                 limit: int = 100) -> list[EventOut]:
    """Events with a cursor beyond `after`, oldest first, of `types` (None: every type)."""
    query = select(EventOut).where(col(EventOut.id) > after)
    wanted = list(types or [])
    if wanted:
        query = query.where(col(EventOut.type).in_(wanted))
    return list(session.exec(query.order_by(col(EventOut.id)).limit(limit)).all())


def last_cursor(session: Session) -> int:
    """The newest event's cursor (0: none yet)."""
    return session.exec(select(EventOut.id).order_by(col(EventOut.id).desc()).limit(1)).first() or 0


def envelope(row: EventOut) -> dict[str, Any]:
    """The event as the feed lists it and a webhook's body carries it (api.events.models documents it)."""
    return {"cursor": row.id, "id": row.event_id, "type": row.type, "version": row.version,
            "case_id": row.case_id, "occurred_at": row.occurred_at, "data": row.payload}
