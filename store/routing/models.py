"""Where a case stands in routing: the one row that holds the assignment state.

Why the state lives here and not in a dispatcher workflow: capacity is shared
by every case of a queue, so deciding an assignment needs all of the queue's
agents and their loads at once. One row per case, changed only inside a
transaction that holds the queue's lock (the team row, `FOR UPDATE` on
PostgreSQL; SQLite's write transactions are serial already), gives exact
loads and one agent per case (the case id is the key) without a hot workflow
whose history every case of the queue would pass through twice. The case
workflow learns each change as a `routing` signal carrying `seq`, so a late
or repeated signal never undoes a newer state, and a waiting case re-reads
its row on a timer in case a signal was lost.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import JSON, Column, Field, SQLModel

from store.db.types import UtcDateTime


class CaseRouting(SQLModel, table=True):
    __tablename__ = "case_routing"

    case_id: str = Field(primary_key=True)
    workflow_id: str
    team_id: str = Field(index=True)
    state: str = Field(index=True, description="waiting, assigned or released")
    agent_id: str | None = Field(default=None, index=True)
    started: bool = Field(default=False, description="The agent has begun work: it stays theirs if they go offline")
    priority: str
    enqueued_at: datetime = Field(sa_type=UtcDateTime)  # type: ignore[call-overload]
    assigned_at: datetime | None = Field(default=None, sa_type=UtcDateTime)  # type: ignore[call-overload]
    channel: str
    language: str | None = None
    required_skills: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON))
    optional_skills: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON))
    excluded_agents: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    seq: int = 0
    reason: dict = Field(default_factory=dict, sa_column=Column(JSON))


CRISIS_REASON = "crisis"  # a queue_guest row's reason: crisis mode brought them in


class QueueGuest(SQLModel, table=True):
    """An agent of another team who takes cases from this team's queue too (crisis mode's backup)."""

    __tablename__ = "queue_guest"

    team_id: str = Field(primary_key=True)
    agent_id: str = Field(primary_key=True, index=True)
    reason: str = CRISIS_REASON
    since: datetime = Field(sa_type=UtcDateTime)  # type: ignore[call-overload]
