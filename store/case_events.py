"""The audit timeline: every decision a case workflow made, with its evidence."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import JSON, Column, Field, SQLModel

from store.db.types import UtcDateTime


class CaseEventBase(SQLModel):
    case_id: str = Field(index=True)
    seq: int
    at: datetime = Field(sa_type=UtcDateTime, index=True)  # notifications: the latest events
    kind: str
    actor: str = "system"
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))


class CaseEvent(CaseEventBase, table=True):
    __tablename__ = "case_event"
    id: str = Field(primary_key=True)  # "<case id>:<seq>": saving twice cannot duplicate


class CaseEventPublic(CaseEventBase):
    id: str
