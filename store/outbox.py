"""The transactional outbox: what Temporal must hear, written in the transaction that decided it.

Ingest opens a case, joins a mention to one, or changes routing in one database transaction, and in
that same transaction writes an entry here saying what the case workflows must be told. The relay
(store.relay) tells them and deletes each entry only after Temporal acknowledged it, so a mention
accepted with a 2xx reaches its case through any crash: of the API, the worker or Temporal itself.

Entries of one workflow are told in id order (a case's start before its mentions); different
workflows' side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import JSON, Column, Field, Session, SQLModel, select

from store.db.types import UtcDateTime


class Kind(StrEnum):
    start = "start"  # start the case workflow with its decision (payload: CaseInput)
    mention = "mention"  # signal a mention to its case (mention_id)
    routing = "routing"  # signal a routing change to a case (payload: RoutingState)
    place = "place"  # a stored mention not yet given a case (from before the outbox, or handed on): decide it


class OutboxEntry(SQLModel, table=True):
    __tablename__ = "outbox"

    id: int | None = Field(default=None, primary_key=True)
    workflow_id: str = Field(index=True, description="Entries of one workflow are told in id order")
    kind: str = Field(description="start, mention, routing or place (Kind)")
    case_id: str | None = None
    mention_id: str | None = None
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    created_at: datetime = Field(sa_type=UtcDateTime, index=True)  # type: ignore[call-overload]
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]
    last_error: str | None = None


def enqueue(session: Session, entries: list[dict[str, Any]], now: datetime) -> None:
    """Write entries ({workflow_id, kind, case_id?, mention_id?, payload?}) in the caller's transaction."""
    if entries:
        session.execute(insert(OutboxEntry.__table__), [  # type: ignore[attr-defined]
            {"case_id": None, "mention_id": None, "payload": {}, "attempts": 0, "next_attempt_at": None,
             "last_error": None, **entry, "created_at": now} for entry in entries])


def place_entry(*, mention_id: str, conversation_id: str, finished_case: str | None) -> dict[str, Any]:
    """A stored mention to give a case (store.decisions), after `finished_case` if its workflow has ended;
    one conversation's placements go in order."""
    return {"workflow_id": f"place:{conversation_id}", "kind": Kind.place, "mention_id": mention_id,
            "payload": {"finished_case": finished_case}}


def routing_entry(change: Any) -> dict[str, Any]:
    """A routing change (engine.messages.RoutingState) for its case's workflow, behind what it has yet to hear."""
    return {"workflow_id": change.workflow_id, "kind": Kind.routing, "case_id": change.case_id,
            "payload": change.model_dump(mode="json")}


@dataclass
class Backlog:
    entries: int
    oldest_at: datetime | None
    failing: int
    last_error: str | None

    def lag_seconds(self, now: datetime) -> float:
        return max((now - self.oldest_at).total_seconds(), 0.0) if self.oldest_at is not None else 0.0


def backlog(session: Session) -> Backlog:
    """How much the relay has yet to tell, since when, and how much of it failed at least once."""
    count, oldest = session.exec(select(func.count(), func.min(OutboxEntry.created_at))).one()
    failing = session.exec(select(func.count()).where(OutboxEntry.attempts > 0)).one()
    last_error = session.exec(select(OutboxEntry.last_error).where(OutboxEntry.attempts > 0)
                              .order_by(OutboxEntry.id).limit(1)).first()
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=UTC)
    return Backlog(entries=count, oldest_at=oldest, failing=failing, last_error=last_error)
