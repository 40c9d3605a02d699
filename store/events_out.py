"""Events out: what happened, for CRMs and other systems, written in the transaction that made it happen.

Each row of `event_out` is one event: a monotonically increasing `id` (the feed's cursor and the order of
delivery), an `event_id` (a UUID: the idempotency key a receiver dedupes by), its `type` and schema
`version`, the case it concerns (if any), when it happened and its payload (store.event_payloads: one model
per type). Rows are only ever appended. `emit` adds them to the caller's transaction, written as it commits, so
an event exists if and only if the change that caused it was committed.

Cursor order is commit order: SQLite has one writer; on PostgreSQL every transaction that emits takes one
transaction-scoped advisory lock before it writes its events, so an id handed out is committed before any larger
one is, and a reader resuming `after` a cursor never skips an event committed late under a smaller id.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel
from sqlalchemy import Dialect, event, text
from sqlalchemy.orm import Session as SaSession
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


class Emitted(NamedTuple):
    """One event to write: its type, payload model (store.event_payloads), case and time. A tuple, not a frozen
    dataclass: an ingest makes one for each of its events, and a frozen dataclass's fields are set one by one."""

    type: EventType
    data: BaseModel
    case_id: str | None = None
    occurred_at: datetime | None = None


M = TypeVar("M", bound=BaseModel)
_SET, _NEW = object.__setattr__, object.__new__
_FIELDS_SET: dict[type[BaseModel], set[str]] = {}


def built(model: type[M], values: dict[str, Any]) -> M:
    """A `model` holding `values` as they are: unchecked, as model_construct makes it, without its walk over the
    fields (for defaults, aliases and the set of those given), which took twice what writing the model's JSON does.
    `values` holds every field of the model, in its order (the model serializes in the dict's order, and leaves out
    a field missing), each of the field's type, from a row or a model already checked; the model has no private
    attributes nor extra fields. As every field is set, the models of a type share one set of the fields set
    (pydantic only ever adds a field's name to it). Tests compare what an ingest writes with its payload checked by
    the model, text for text."""
    made = _NEW(model)
    if (fields := _FIELDS_SET.get(model)) is None:
        fields = _FIELDS_SET[model] = set(model.model_fields)
    _SET(made, "__dict__", values)
    _SET(made, "__pydantic_fields_set__", fields)
    _SET(made, "__pydantic_extra__", None)
    _SET(made, "__pydantic_private__", None)
    return made


def _lock(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": EVENTS_LOCK})


def _uuid4s(count: int) -> list[str]:
    """`count` random (version 4) UUIDs from one read of the OS's random source (uuid.uuid4 reads it once each,
    and builds an object a string is then made of), its version and variant bits set by slice, in one hex string."""
    random = bytearray(os.urandom(16 * count))
    random[6::16] = bytes(b & 0x0F | 0x40 for b in random[6::16])  # version 4
    random[8::16] = bytes(b & 0x3F | 0x80 for b in random[8::16])  # the RFC 4122 variant
    h = random.hex()
    return [f"{h[i:i + 8]}-{h[i + 8:i + 12]}-{h[i + 12:i + 16]}-{h[i + 16:i + 20]}-{h[i + 20:i + 32]}"
            for i in range(0, 32 * count, 32)]


# Looked up once per type and payload class, not per event (an enum's .value and a getattr each cost a call): its
# version and its serializer's to_json (what model_dump_json calls, with the same defaults).
_TYPE_NAMES: dict[str, str] = {t: t.value for t in EventType}
_WRITERS: dict[type[BaseModel], tuple[int, Callable[[Any], bytes]]] = {}


def emit_many(session: Session, events: Iterable[Emitted], *, now: datetime | None = None) -> int:
    """Append `events` to the caller's transaction, in the order given; returns how many. They are written when
    it commits (with every other event it emitted, in one statement: `_write_pending`), and never if it rolls
    back. Each payload is its model's JSON, written by the model's own serializer (what model_dump_json calls)."""
    at = now or datetime.now(UTC)
    events = list(events)
    if not events:
        return 0
    writers, names = _WRITERS, _TYPE_NAMES
    rows = []
    for (kind, data, case_id, occurred_at), event_id in zip(events, _uuid4s(len(events)), strict=True):
        if (writer := writers.get(model := type(data))) is None:
            writer = writers[model] = (getattr(model, "VERSION", 1), model.__pydantic_serializer__.to_json)
        rows.append((event_id, names[kind], writer[0], case_id, occurred_at or at, writer[1](data).decode()))
    if session.in_nested_transaction():  # a savepoint may roll back alone: its events are written in it
        _write(session, rows)
    else:
        session.connection()  # the transaction begins now if nothing began it, or its commit would have nothing to do
        session.info.setdefault(_PENDING, []).extend(rows)
    return len(rows)


_COLUMNS = ("event_id", "type", "version", "case_id", "occurred_at", "payload")
_Row = tuple[str, str, int, str | None, datetime, str]  # _COLUMNS' values, the time as emitted


def _write(session: Session, rows: list[_Row]) -> None:
    """One INSERT of `rows`, through the driver: SQLAlchemy's own handling of each row's parameters costs ingest
    more than the database's write of it. Each value is what SQLAlchemy would send: the time through its column
    type (UTC; SQLite's text form; once per distinct time, as a batch's events mostly share one), and the payload
    as the JSON text pydantic wrote (PostgreSQL casts it)."""
    _lock(session)
    connection = session.connection()
    dialect = connection.dialect
    at = _occurred_at(dialect)
    postgres = dialect.name == "postgresql"
    marks = ", ".join(["%s"] * 5 + ["%s::json"] if postgres else ["?"] * 6)
    times = {occurred_at: at(occurred_at) for occurred_at in {row[4] for row in rows}}
    connection.exec_driver_sql(f"INSERT INTO event_out ({', '.join(_COLUMNS)}) VALUES ({marks})",
                               [(*row[:4], times[row[4]], row[5]) for row in rows])


_AT_PROCESSORS: dict[tuple[str, str], Callable[[Any], Any]] = {}


def _occurred_at(dialect: Dialect) -> Callable[[Any], Any]:
    """What SQLAlchemy sends for an `occurred_at` on `dialect`, and with Python's sqlite3 what the driver then
    makes of that datetime (its registered adapter, as it would apply it: once per distinct time, not per row)."""
    if (processor := _AT_PROCESSORS.get(key := (dialect.name, dialect.driver))) is None:
        column = EventOut.__table__.c.occurred_at  # type: ignore[attr-defined]
        typed = column.type.bind_processor(dialect) or (lambda value: value)
        if key == ("sqlite", "pysqlite") and callable(adapt := getattr(dialect.dbapi, "adapt", None)):
            processor = _AT_PROCESSORS[key] = lambda value: adapt(typed(value))  # type: ignore[operator]
        else:
            processor = _AT_PROCESSORS[key] = typed
    return processor


# A transaction's events are written as it commits, in one statement, whichever writers emitted them (an ingest
# batch has three: its mentions', its new customers' and its new cases'): a statement costs ingest as much as
# tens of rows. And the events lock (PostgreSQL) is taken last, so it is held only for the commit.
_PENDING = "switchboard.events_out.pending"


@event.listens_for(SaSession, "before_commit")
def _write_pending(session: SaSession) -> None:
    if session.in_nested_transaction() or not (rows := session.info.pop(_PENDING, None)):
        return
    _write(session, rows)  # type: ignore[arg-type]


@event.listens_for(SaSession, "after_rollback")
@event.listens_for(SaSession, "after_soft_rollback")
def _forget_pending(session: SaSession, *_: Any) -> None:
    session.info.pop(_PENDING, None)



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
